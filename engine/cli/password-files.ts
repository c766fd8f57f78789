/**
 * `--connection-password-file` and `--become-password-file`, read as
 * ansible 2.14 reads them (CLI.get_password_from_file): `-` is all of stdin,
 * an executable file prints the password on stdout, any other file holds it
 * (surrounding whitespace stripped); line ends around it are dropped, and an
 * empty password is refused. The password is held only in memory.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CxError, ExitCode } from '../errors.js';
import { isExecutable, trimmed } from './vault-passwords.js';

export function passwordFromFile(file: string, cwd: string): string {
  const path = file === '-' ? file : resolve(cwd, file);
  const secret = path === '-' ? readFileSync(0) : existsSync(path) ? fileContent(path) : failWith(`The password file ${path} was not found`);
  const password = secret.toString('utf8').replace(/^[\r\n]+|[\r\n]+$/g, '');
  return password === '' ? failWith(`Empty password was provided from file (${path})`) : password;
}

function fileContent(path: string): Buffer {
  if (!isExecutable(path)) return trimmed(readFileSync(path));
  try {
    return execFileSync(path, [], { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const status = (error as { status?: number | null }).status;
    return failWith(`The password script ${path} returned an error (rc=${status ?? 'not started'})`);
  }
}

function failWith(message: string): never {
  throw new CxError(message, { exitCode: ExitCode.error, hint: 'check the file given to --connection-password-file or --become-password-file' });
}
