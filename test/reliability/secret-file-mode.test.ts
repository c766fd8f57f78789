/**
 * Files holding secrets are 0600 from the moment they exist, never chmod'ed
 * down afterwards: copy, template and lineinfile (create) with mode 0600 run
 * under strace, and every system call that creates, re-modes or renames a
 * file in the destination directory is checked: the temp file is created
 * 0600 (O_EXCL; the open's mode less the umask that process set), no chmod
 * ever sets a wider mode, and the destination comes into being only by the
 * rename.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalConnection } from '../../engine/connection/local.js';
import type { ExecOptions, ExecResult } from '../../engine/connection/connection.js';
import { findModule } from '../../engine/modules/registry.js';
import { runModule, tempDir } from '../modules/context.js';

/** Runs each script under strace, appending the file system calls to one log. */
class TracedConnection extends LocalConnection {
  constructor(readonly traceFile: string) {
    super('traced');
  }

  override exec(script: string, options: ExecOptions = {}): Promise<ExecResult> {
    const calls = 'openat,creat,chmod,fchmod,fchmodat,rename,renameat,renameat2,umask';
    return super.exec(`exec strace -f -qq -A -o ${this.traceFile} -e trace=${calls} sh -s <<'__CX_TRACE__'\n${script}\n__CX_TRACE__\n`, options);
  }
}

interface Trace {
  /** `mode` is what the file got: the open's mode argument less the umask its process set, if it set one. */
  readonly creations: { path: string; flags: string; mode: string }[];
  readonly chmods: { target: string; mode: string }[];
  readonly renames: { from: string; to: string }[];
}

function readTrace(file: string, dir: string): Trace {
  const trace: Trace = { creations: [], chmods: [], renames: [] };
  const umasks = new Map<string, number>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const pid = /^(\d+)\s/.exec(line)?.[1] ?? '';
    const umask = /umask\((0\d*)\)/.exec(line);
    if (umask) umasks.set(pid, parseInt(umask[1]!, 8));
    const open = /openat\([^,]+, "([^"]+)", ([A-Z_|]*O_CREAT[A-Z_|]*), (0\d+)\)/.exec(line);
    if (open && open[1]!.startsWith(dir)) {
      const mode = parseInt(open[3]!, 8) & ~(umasks.get(pid) ?? 0);
      trace.creations.push({ path: open[1]!, flags: open[2]!, mode: `0${mode.toString(8)}` });
    }
    const chmod = /(?:fchmodat\([^,]+, "([^"]+)"|chmod\("([^"]+)"|fchmod\((\d+)<?([^>]*)>?), (0\d+)/.exec(line);
    if (chmod) trace.chmods.push({ target: chmod[1] ?? chmod[2] ?? chmod[4] ?? chmod[3]!, mode: chmod[5]! });
    const rename = /rename(?:at2?)?\((?:[^,]+, )?"([^"]+)", (?:[^,]+, )?"([^"]+)"/.exec(line);
    if (rename && rename[2]!.startsWith(dir)) trace.renames.push({ from: rename[1]!, to: rename[2]! });
  }
  return trace;
}

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ path: dir, cleanup } = tempDir('cxplay-secret-mode-')));
afterEach(() => cleanup());

const cases: [string, (dest: string) => Record<string, unknown>][] = [
  ['copy', (dest) => ({ content: 'password=S3cr3t\n', dest, mode: '0600' })],
  ['template', (dest) => ({ src: `${dir}/secret.hbs`, dest, mode: '0600' })],
  ['lineinfile', (dest) => ({ path: dest, line: 'password=S3cr3t', create: true, mode: '0600' })],
];

describe('a secret file written with mode 0600', () => {
  it.each(cases)('%s: created 0600, never wider, the destination made only by rename', async (name, args) => {
    writeFileSync(`${dir}/secret.hbs`, 'password={{ password }}\n');
    const dest = `${dir}/secret.conf`;
    const traceFile = `${dir}/trace`;
    const outcome = await runModule(findModule(name)!, { args: args(dest), vars: { password: 'S3cr3t' } }, new TracedConnection(traceFile));
    expect(outcome.result.failed, JSON.stringify(outcome.result)).not.toBe(true);
    expect(readFileSync(dest, 'utf8')).toBe('password=S3cr3t\n');
    expect(statSync(dest).mode & 0o777).toBe(0o600);

    const trace = readTrace(traceFile, dir);
    const temp = trace.renames.find((rename) => rename.to === dest)?.from;
    expect(temp, 'the destination is made by a rename').toMatch(/\.cxplay\./);
    const tempCreation = trace.creations.find((creation) => creation.path === temp);
    expect(tempCreation?.flags).toContain('O_EXCL');
    expect(tempCreation?.mode).toBe('0600');
    expect(trace.creations.filter((creation) => creation.path === dest)).toEqual([]);
    for (const chmod of trace.chmods) expect(chmod.mode, `chmod of ${chmod.target}`).toBe('0600');
  });
});
