/**
 * `cxplay vault create|edit`: the plaintext goes to a 0600 file in a 0700
 * directory of its own, $EDITOR (vi when unset) edits it, and the file is
 * overwritten with zeros and removed afterwards, whatever happened.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { CxError, ExitCode } from '../errors.js';

export function editInTempFile(original: string, plaintext: Buffer): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'cxplay-vault-'));
  // The same extension as the file edited, so the editor highlights YAML as YAML.
  const file = join(dir, `${basename(original, extname(original)) || 'vault'}${extname(original)}`);
  try {
    writeFileSync(file, plaintext, { mode: 0o600 });
    const [command, ...args] = (process.env.EDITOR || 'vi').split(/\s+/).filter(Boolean);
    const outcome = spawnSync(command!, [...args, file], { stdio: 'inherit' });
    if (outcome.error) throw new CxError(`cannot start the editor '${command}': ${outcome.error.message}`, { exitCode: ExitCode.error, hint: 'set EDITOR to an editor on the PATH' });
    if (outcome.status !== 0) throw new CxError(`the editor '${command}' exited with ${outcome.status ?? outcome.signal}; nothing was saved`, { exitCode: ExitCode.error });
    return readFileSync(file);
  } finally {
    shred(file);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Overwrite the plaintext before removing it, so it does not linger in freed blocks as readily. */
function shred(file: string): void {
  try {
    writeFileSync(file, Buffer.alloc(statSync(file).size));
  } catch {
    // never written, or already gone
  }
}
