/** The modules' shell code (engine/modules/sh/*.sh) is clean under shellcheck at POSIX sh level, what the targets run. */
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
const shDir = join(projectRoot, 'engine', 'modules', 'sh');

describe('module shell code', () => {
  it.skipIf(!hasShellcheck)('passes shellcheck -s sh', async () => {
    const files = readdirSync(shDir).filter((name) => name.endsWith('.sh'));
    expect(files.length).toBeGreaterThan(0);
    const result = await runCommand('shellcheck', ['-s', 'sh', ...files.map((name) => join(shDir, name))]);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});
