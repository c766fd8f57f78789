/**
 * sysctl (ansible.posix): a kernel parameter's line in a sysctl file,
 * present with a value or absent, and optionally its running value (sysctl
 * -w) and a reload of the file (sysctl -p), as ansible.posix's sysctl
 * decides on Linux. One exec reads the value and the file
 * (engine/modules/sh/sysctl.sh); a second sets, writes and reloads, only
 * when something is to change. Its result is `changed` only.
 */
import { quote } from '../connection/quote.js';
import { readReport, REPORT_FUNCTIONS, reportedFailure, scriptFailure } from './lib/report.js';
import { shellCode } from './lib/shell-code.js';
import { SYSTEM_FUNCTIONS } from './lib/system-run.js';
import type { ModuleDef } from './module.js';
import REWRITE_SH from './sh/rewrite.sh';
import SYSCTL_SH from './sh/sysctl.sh';

const FUNCTIONS = `${REPORT_FUNCTIONS}${SYSTEM_FUNCTIONS}${shellCode(REWRITE_SH)}${shellCode(SYSCTL_SH)}`;
const READ_REPORT = { proc: 'text', content: 'text', done: 'flag' } as const;
const TRUE_WORDS = new Set(['y', 'yes', 'on', '1', 'true', 't']);
const FALSE_WORDS = new Set(['n', 'no', 'off', '0', 'false', 'f']);

export const sysctlModule: ModuleDef = {
  name: 'sysctl',
  aliases: ['ansible.posix.sysctl'],
  argumentAliases: { key: 'name', val: 'value' },
  argsSchema: {
    type: 'object',
    properties: {
      name: { type: 'string' },
      value: { type: 'string' },
      state: { enum: ['present', 'absent'], default: 'present' },
      reload: { type: 'boolean', default: true },
      sysctl_set: { type: 'boolean', default: false },
      ignoreerrors: { type: 'boolean', default: false },
      sysctl_file: { type: 'string', default: '/etc/sysctl.conf' },
    },
    required: ['name'],
    additionalProperties: false,
  },
  checkMode: 'full',
  diffMode: 'none',
  runsOn: 'target',
  async run(ctx) {
    const { args } = ctx;
    const given = args.value;
    const state = String(args.state);
    if (state === 'present' && given === undefined) return { changed: false, failed: true, msg: 'state is present but all of the following are missing: value' };
    // Blank is judged before the name and value are trimmed, as the module does: '  ' passes and becomes ''.
    if (args.name === '') return { changed: false, failed: true, msg: 'name cannot be blank' };
    if (state === 'present' && given === '') return { changed: false, failed: true, msg: 'value cannot be blank' };
    const name = String(args.name).trim();
    const value = parseValue(given);
    const file = String(args.sysctl_file);
    const read = await ctx.exec(`${FUNCTIONS}cx_sysctl_read ${quote(name)} ${quote(file)}\ncx_report done 1`);
    const report = readReport(read.stdout, READ_REPORT);
    const failure = reportedFailure(report);
    if (failure) return failure;
    if (report.done !== true) return scriptFailure(read.rc, read.stderr);
    const plan = planChange(name, value, state, args.reload === true, args.sysctl_set === true, report.proc, report.content ?? '');
    if (ctx.check || !(plan.setProc || plan.text !== undefined || (plan.changed && args.reload === true))) return { changed: plan.changed };
    const reload = plan.changed && args.reload === true;
    const call = ['cx_sysctl_apply', quote(name), quote(value), String(plan.setProc), String(args.ignoreerrors === true), quote(plan.text ?? ''), quote(file), String(reload)];
    const applied = await ctx.exec(`${FUNCTIONS}${call.join(' ')}\ncx_report done 1`);
    const appliedReport = readReport(applied.stdout, { done: 'flag' } as const);
    const appliedFailure = reportedFailure(appliedReport);
    if (appliedFailure) return appliedFailure;
    if (appliedReport.done !== true) return scriptFailure(applied.rc, applied.stderr);
    return { changed: plan.changed };
  },
};

/** The value as the module compares it: a boolean word (a YAML true is 'True' by now) as 1 or 0, text trimmed. */
function parseValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = String(value);
  if (TRUE_WORDS.has(text.toLowerCase())) return '1';
  if (FALSE_WORDS.has(text.toLowerCase())) return '0';
  return text.trim();
}

interface Plan {
  changed: boolean;
  /** sysctl -w is needed. */
  setProc: boolean;
  /** The file's new text, when it is to be written. */
  text?: string;
}

/** ansible.posix's decision: the file's lines fixed, whether to write, set and reload. */
function planChange(name: string, value: string, state: string, reload: boolean, sysctlSet: boolean, proc: string | undefined, content: string): Plan {
  const lines = content === '' ? [] : content.split(/(?<=\n)/).map((line) => line.trim());
  const values = new Map<string, string>();
  for (const line of lines) {
    const pair = assignment(line);
    if (pair) values.set(pair[0], pair[1]);
  }
  const fileValue = values.get(name);
  let changed = false;
  let write = false;
  if (fileValue === undefined) {
    changed = write = state === 'present';
  } else if ((state === 'absent' && fileValue !== '') || fileValue !== value) {
    changed = write = true;
  } else if (reload && !sameValues(proc, value)) changed = true;
  let setProc = false;
  if (sysctlSet && state === 'present' && !sameValues(proc, value)) {
    changed = true;
    setProc = proc !== undefined;
  }
  return { changed, setProc, ...(write ? { text: fixedText(lines, name, value, state) } : {}) };
}

/** A line's KEY=VALUE, trimmed, unless it is empty, a comment (# or ;) or has no `=`. */
function assignment(line: string): [string, string] | undefined {
  if (!line || line.startsWith('#') || line.startsWith(';') || !line.includes('=')) return undefined;
  const at = line.indexOf('=');
  return [line.slice(0, at).trim(), line.slice(at + 1).trim()];
}

/** Each line again, the key's first line with the new value (or dropped when absent), a key's later lines dropped, the key added at the end when new. */
function fixedText(lines: readonly string[], name: string, value: string, state: string): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of lines) {
    const pair = assignment(line);
    if (!pair) out.push(line);
    else if (!seen.has(pair[0])) {
      seen.add(pair[0]);
      if (pair[0] !== name) out.push(`${pair[0]}=${pair[1]}`);
      else if (state === 'present') out.push(`${name}=${value}`);
    }
  }
  if (!seen.has(name) && state === 'present') out.push(`${name}=${value}`);
  return out.map((line) => `${line}\n`).join('');
}

/** ansible.posix's _values_is_equal: the same words in the same order (never equal to an unknown value). */
function sameValues(proc: string | undefined, value: string): boolean {
  if (proc === undefined) return false;
  const a = proc.split(/\s+/).filter(Boolean);
  const b = value.split(/\s+/).filter(Boolean);
  return a.length === b.length && a.every((word, index) => word === b[index]);
}
