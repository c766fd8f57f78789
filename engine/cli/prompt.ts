/**
 * Asking for a secret (`-k`, `-K`): on a terminal the prompt goes to it and
 * nothing typed is echoed; otherwise one line is read from stdin, as Python's
 * getpass falls back to (so `echo pw | cxplay run ... -K` works in scripts).
 * The answer is held only in memory.
 */
import { readSync } from 'node:fs';
import { isatty, type ReadStream } from 'node:tty';
import { CxError, ExitCode } from '../errors.js';

export async function askSecret(prompt: string): Promise<string> {
  // isatty(0), not process.stdin.isTTY: making the stdin stream would turn a pipe non-blocking.
  return isatty(0) ? fromTerminal(prompt) : oneLineOfStdin(prompt);
}

function fromTerminal(prompt: string): Promise<string> {
  const input = process.stdin as ReadStream;
  process.stderr.write(prompt);
  input.setRawMode(true);
  input.resume();
  return new Promise((resolve, reject) => {
    let answer = '';
    const done = (error?: CxError) => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(answer);
    };
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return done();
        if (char === '\u0003') return done(new CxError('interrupted at the password prompt', { exitCode: ExitCode.interrupted }));
        if (char === '\u007f' || char === '\b') answer = answer.slice(0, -1);
        else answer += char;
      }
    };
    input.on('data', onData);
  });
}

/** Reads byte by byte up to the newline, so nothing after it is taken from stdin. */
function oneLineOfStdin(prompt: string): string {
  process.stderr.write(prompt);
  const byte = Buffer.alloc(1);
  const bytes: number[] = [];
  while (readSync(0, byte, 0, 1, null) === 1 && byte[0] !== 0x0a) bytes.push(byte[0]!);
  process.stderr.write('\n');
  return Buffer.from(bytes).toString('utf8').replace(/\r$/, '');
}
