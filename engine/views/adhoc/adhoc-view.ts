/**
 * `cxplay adhoc`'s output, as `ansible` 2.14 prints it (its minimal
 * callback, or oneline with -o): one block per host, with no play or task
 * headers and no recap. command, shell and raw show their output after
 * `HOST | CHANGED | rc=0 >>`; other modules their result as JSON
 * (`HOST | SUCCESS => {...}`); a failure `| FAILED! =>`, an unreachable host
 * `| UNREACHABLE! =>`.
 */
import type { RunEvent } from '../../events.js';
import { pythonJson } from '../../template/python-json.js';
import { shownByDebug } from '../plain/plain-view.js';
import type { View, ViewOptions } from '../view.js';
import { warningText } from '../warning-text.js';

/** debug's result is shown as Ansible's callbacks clean it (the message alone). */
export const DEBUG_MODULES = new Set(['debug', 'ansible.builtin.debug', 'ansible.legacy.debug']);
/** Ansible's MODULE_NO_JSON: modules whose output is shown as text. */
const TEXT_MODULES = new Set(['command', 'shell', 'raw'].flatMap((name) => [name, `ansible.builtin.${name}`, `ansible.legacy.${name}`]));

type HostResult = Extract<RunEvent, { kind: 'host_result' }>;
type Result = Readonly<Record<string, unknown>>;

export class AdhocView implements View {
  private readonly warned = new Set<string>();

  constructor(
    private readonly options: ViewOptions,
    private readonly oneLine: boolean,
  ) {}

  handle(event: RunEvent): void {
    if (event.kind === 'warning') return this.warning(event.message, event.host !== undefined);
    if (event.kind === 'display') this.options.out.write(`${event.message}\n`);
    if (event.kind !== 'host_result' || event.item) return;
    this.options.out.write(`${this.oneLine ? oneLineOf(event) : blockOf(event, this.options.verbosity)}\n`);
  }

  async close(): Promise<void> {}

  /**
   * As Ansible's display: each warning once a run, without the host. A
   * module's warning (`fromModule`) is shown by the minimal callback; the
   * oneline callback (-o) shows none, leaving them in the result's `warnings`.
   */
  private warning(message: string, fromModule: boolean): void {
    if (this.oneLine && fromModule) return;
    const text = warningText(message, this.options.isTTY ? this.options.columns : undefined);
    if (this.warned.has(text)) return;
    this.warned.add(text);
    (this.options.err ?? this.options.out).write(text);
  }
}

function blockOf(event: HostResult, verbosity: number): string {
  const { host, status, result } = event;
  if (status === 'skipped') return `${host} | SKIPPED`;
  if (status === 'unreachable') return `${host} | UNREACHABLE! => ${dump(result, verbosity, 4)}`;
  const text = TEXT_MODULES.has(event.task.module) && !('module_stderr' in result);
  const caption = status === 'failed' ? 'FAILED' : result.changed === true ? 'CHANGED' : 'SUCCESS';
  if (text && !(status !== 'failed' && 'ansible_job_id' in result)) {
    return `${host} | ${caption} | rc=${String(result.rc ?? -1)} >>\n${textOf(result.stdout)}${textOf(result.stderr)}${textOf(result.msg)}`;
  }
  return `${host} | ${status === 'failed' ? 'FAILED!' : caption} => ${dump(shown(event), verbosity, 4)}`;
}

/** The minimal callback shows the result's warnings as [WARNING] lines, not in the result. */
function shown(event: HostResult): Result {
  const { warnings: _warnings, ...result } = event.result;
  return DEBUG_MODULES.has(event.task.module) ? shownByDebug(result) : result;
}

function oneLineOf(event: HostResult): string {
  const { host, status, result } = event;
  if (status === 'skipped') return `${host} | SKIPPED`;
  if (status === 'unreachable') return `${host} | UNREACHABLE!: ${textOf(result.msg)}`;
  const caption = status === 'failed' ? 'FAILED' : result.changed === true ? 'CHANGED' : 'SUCCESS';
  // A failure is always JSON on one line, even for command (measured with ansible 2.14 -o).
  if (TEXT_MODULES.has(event.task.module) && status !== 'failed' && !('module_stderr' in result) && !('ansible_job_id' in result)) {
    const escaped = (value: unknown) => textOf(value).replace(/\n/g, '\\n').replace(/\r/g, '\\r');
    const stderr = textOf(result.stderr) ? ` (stderr) ${escaped(result.stderr)}` : '';
    return `${host} | ${caption} | rc=${String(result.rc ?? -1)} | (stdout) ${escaped(result.stdout)}${stderr}`;
  }
  // The oneline callback leaves debug's result whole, laid out as always-verbose results are (indent 4), then joined.
  const indent = DEBUG_MODULES.has(event.task.module) ? 4 : 0;
  return `${host} | ${status === 'failed' ? 'FAILED!' : caption} => ${dump(result, 0, indent).replace(/\n/g, '')}`;
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * The result as Ansible's callbacks dump it: sorted keys, Python's
 * separators (`, ` on one line, `,` when indented); without failed/skipped
 * (the caption says it) and diff, and without the module's echoed arguments
 * below -vvv.
 */
export function dump(result: Result, verbosity: number, indent: number | undefined): string {
  const { failed: _failed, skipped: _skipped, diff: _diff, invocation, ...rest } = result;
  const shown = verbosity >= 3 && invocation !== undefined ? { ...rest, invocation } : rest;
  return pythonJson(shown, { indent, sortKeys: true, ensureAscii: false });
}
