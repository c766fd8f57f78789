/**
 * A password typed at the terminal without echo (vault passwords). Without a
 * terminal on stdin there is nobody to ask: refused with the option to use
 * instead.
 */
import { isatty } from 'node:tty';
import { CxError, ExitCode } from '../errors.js';
import { fromTerminal } from './prompt.js';

export async function promptHidden(prompt: string, instead: string): Promise<string> {
  if (!isatty(0)) throw new CxError('cannot ask for a password: stdin is not a terminal', { exitCode: ExitCode.badOptions, hint: instead });
  return fromTerminal(prompt);
}
