/**
 * A password typed at the terminal without echo. Without a terminal on
 * stdin there is nobody to ask: refused with the option to use instead.
 */
import { CxError, ExitCode } from '../errors.js';

const ENTER = new Set(['\r', '\n', '\u0004']);
const ERASE = new Set(['\u007f', '\b']);
const INTERRUPT = '\u0003';

export async function promptHidden(prompt: string, instead: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) throw new CxError(`cannot ask for a password: stdin is not a terminal`, { exitCode: ExitCode.badOptions, hint: instead });
  process.stderr.write(prompt);
  input.setRawMode(true);
  input.resume();
  try {
    return await new Promise<string>((resolve, reject) => {
      let typed = '';
      const onData = (chunk: Buffer) => {
        for (const character of chunk.toString('utf8')) {
          if (ENTER.has(character)) {
            input.off('data', onData);
            resolve(typed);
            return;
          }
          if (character === INTERRUPT) {
            input.off('data', onData);
            reject(new CxError('password prompt interrupted', { exitCode: ExitCode.interrupted }));
            return;
          }
          typed = ERASE.has(character) ? [...typed].slice(0, -1).join('') : typed + character;
        }
      };
      input.on('data', onData);
    });
  } finally {
    input.setRawMode(false);
    input.pause();
    process.stderr.write('\n');
  }
}
