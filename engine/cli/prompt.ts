/**
 * Asking for a secret (`-k`, `-K`): on a terminal the prompt goes to it and
 * nothing typed is echoed; otherwise one line is read from stdin, as Python's
 * getpass falls back to (so `echo pw | cxplay run ... -K` works in scripts).
 * The answer is held only in memory.
 */
import { readSync } from 'node:fs';
import { isatty, type ReadStream } from 'node:tty';
import { CxError, ExitCode } from '../errors.js';
import { ABORT_MESSAGE, CONTINUE_OR_ABORT, NO_ANSWER, typedKeys } from '../views/operator-keys.js';

export async function askSecret(prompt: string): Promise<string> {
  // isatty(0), not process.stdin.isTTY: making the stdin stream would turn a pipe non-blocking.
  return isatty(0) ? fromTerminal(prompt) : oneLineOfStdin(prompt);
}

const ENTER = new Set(['\r', '\n', '\u0004']);
const ERASE = new Set(['\u007f', '\b']);
const INTERRUPT = '\u0003';

/** A secret typed at the terminal (the caller knows stdin is one), not echoed; Ctrl-C ends the run. */
export function fromTerminal(prompt: string): Promise<string> {
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
        if (ENTER.has(char)) return done();
        if (char === INTERRUPT) return done(new CxError('interrupted at the password prompt', { exitCode: ExitCode.interrupted }));
        // By code point: an erased character is never half of one.
        answer = ERASE.has(char) ? [...answer].slice(0, -1).join('') : answer + char;
      }
    };
    input.on('data', onData);
  });
}

/**
 * pause's answer: the keys typed up to Enter, echoed as typed unless `echo`
 * is false; Ctrl-C then asks, as Ansible's pause does, whether to continue
 * (C: the answer so far) or abort (A: rejects with "user requested abort!").
 */
export function answerFromTerminal(echo: boolean): Promise<string> {
  const input = process.stdin as ReadStream;
  input.setRawMode(true);
  input.resume();
  return new Promise((resolve, reject) => {
    let answer = NO_ANSWER;
    const onData = (chunk: Buffer) => {
      const outcome = typedKeys(answer, chunk.toString('utf8'));
      if ('answer' in outcome) {
        if (outcome.answer.interrupted && !answer.interrupted) process.stdout.write(`\n${CONTINUE_OR_ABORT} \r`);
        else if (echo && !outcome.answer.interrupted) echoed(answer.text, outcome.answer.text);
        answer = outcome.answer;
        return;
      }
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stdout.write('\n');
      if (outcome.done === 'abort') reject(new Error(ABORT_MESSAGE));
      else resolve(outcome.text);
    };
    input.on('data', onData);
  });
}

/** Shows the change from `before` to `after` as typed: erased characters rubbed out, new ones written. */
function echoed(before: string, after: string): void {
  const was = [...before];
  const now = [...after];
  let kept = 0;
  while (kept < was.length && kept < now.length && was[kept] === now[kept]) kept += 1;
  process.stdout.write('\b \b'.repeat(was.length - kept) + now.slice(kept).join(''));
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

/**
 * --step: Ansible's question before each task, answered on the terminal
 * (the caller refuses --step without one): y runs the task, n skips it, c
 * runs it and every task after it without asking again.
 */
export async function askStep(taskName: string): Promise<'yes' | 'no' | 'continue'> {
  for (;;) {
    const answer = (await lineFromTerminal(`Perform task: TASK: ${taskName} (N)o/(y)es/(c)ontinue: `)).trim().toLowerCase();
    if (answer === 'y' || answer === 'yes') return 'yes';
    if (answer === 'c' || answer === 'continue') return 'continue';
    if (answer === '' || answer === 'n' || answer === 'no') return 'no';
  }
}

/** A line typed at the terminal, echoed as it is typed (the caller knows stdin is one). */
export function lineFromTerminal(prompt: string): Promise<string> {
  const input = process.stdin;
  process.stderr.write(prompt);
  input.resume();
  return new Promise((resolve) => {
    let line = '';
    const onData = (chunk: Buffer) => {
      line += chunk.toString('utf8');
      const end = line.indexOf('\n');
      if (end < 0) return;
      input.off('data', onData);
      input.pause();
      resolve(line.slice(0, end));
    };
    input.on('data', onData);
  });
}
