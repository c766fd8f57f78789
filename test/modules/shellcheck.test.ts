/** The engine's shell code (engine/modules/sh/*.sh, engine/connection/*.sh) is clean under shellcheck at POSIX sh level, what the targets run. */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, runCommand } from '../support/cli.js';

const hasShellcheck = (() => {
  try {
    execFileSync('shellcheck', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const shDirs = [join(projectRoot, 'engine', 'modules', 'sh'), join(projectRoot, 'engine', 'connection')];

describe('module shell code', () => {
  it.skipIf(!hasShellcheck)('passes shellcheck -s sh', async () => {
    const files = shDirs.flatMap((dir) => readdirSync(dir).filter((name) => name.endsWith('.sh')).map((name) => join(dir, name)));
    expect(files.length).toBeGreaterThan(shDirs.length);
    const result = await runCommand('shellcheck', ['-s', 'sh', ...files]);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it.skipIf(!hasShellcheck)('the stand-in commands of test/standins pass it too', async () => {
    const dir = join(projectRoot, 'test', 'standins');
    // The commands, and those of another system's stand-ins in a directory of their own (solaris/).
    const commands = readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      if (!entry.isDirectory()) return entry.name.includes('.') ? [] : [entry.name];
      return entry.name === 'lib' || entry.name === 'fixtures' ? [] : readdirSync(join(dir, entry.name)).map((name) => `${entry.name}/${name}`);
    });
    const files = [...commands, 'lib/apt-db.sh', 'lib/system-state.sh', 'lib/mounts.sh', 'lib/rpm-db.sh'];
    const result = await runCommand('shellcheck', ['-s', 'sh', '-x', '-P', 'SCRIPTDIR', ...files], { cwd: dir });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});
