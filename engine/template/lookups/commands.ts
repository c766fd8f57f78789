/**
 * pipe and lines: a command's output, run on the controller in the
 * playbook's directory. A command written out literally in the playbook is
 * the operator's own and runs with `sh -c`, as Ansible runs it. A command
 * built from variables is never given to a shell: it is split into words
 * (quotes honoured) and run directly, and shell syntax in it is refused.
 */
import { execFileSync } from 'node:child_process';
import { fail, textTerm, type LookupContext } from './lookup.js';
import { baseDir } from './search-path.js';

const SHELL_SYNTAX = /[|&;<>()$`*?[\]{}~#\n!]/;

export function pipe(terms: unknown[], _kwargs: unknown, context: LookupContext): unknown[] {
  return terms.map((term, index) => run('pipe', term, context.literal[index] === true, context).replace(/\s+$/, ''));
}

export function lines(terms: unknown[], _kwargs: unknown, context: LookupContext): unknown[] {
  return terms.flatMap((term, index) => {
    const output = run('lines', term, context.literal[index] === true, context);
    const split = output.split(/\r\n|\r|\n/);
    if (split.at(-1) === '') split.pop();
    return split;
  });
}

function run(name: string, term: unknown, literal: boolean, context: LookupContext): string {
  const command = typeof term === 'string' ? term : String(textTerm(name, term));
  const [file, ...args] = literal ? ['/bin/sh', '-c', command] : words(name, command);
  try {
    return execFileSync(file!, args, { cwd: baseDir(context.scope), encoding: 'utf8', stdio: ['pipe', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const status = (error as { status?: number | null }).status;
    fail(name, `lookup_plugin.${name}(${command}) returned ${status ?? 127}`);
  }
}

/** Words of a command built from variables, split as a shell would split plain words and quotes, nothing more. */
function words(name: string, command: string): string[] {
  const out: string[] = [];
  const pattern = /\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([^\s"']+))/gy;
  let current: string | undefined;
  let index = 0;
  for (let match = pattern.exec(command); match; match = pattern.exec(command)) {
    const startsWord = match[0].length > 0 && /^\s/.test(match[0]);
    if (startsWord && current !== undefined) {
      out.push(current);
      current = undefined;
    }
    if (match[3] !== undefined && SHELL_SYNTAX.test(match[3])) refuse(name, command);
    if (match[1] !== undefined && /[$`]/.test(match[1])) refuse(name, command);
    current = (current ?? '') + (match[1]?.replace(/\\(.)/g, '$1') ?? match[2] ?? match[3] ?? '');
    index = pattern.lastIndex;
  }
  if (command.slice(index).trim() !== '') refuse(name, command);
  if (current !== undefined) out.push(current);
  if (out.length === 0) fail(name, 'the command is empty');
  return out;
}

function refuse(name: string, command: string): never {
  fail(name, `the command "${command}" is built from variables and uses shell syntax; cxplay runs only a literal command through a shell`, `write the command literally in lookup('${name}', '...'), or pass the variable part as a plain word`);
}
