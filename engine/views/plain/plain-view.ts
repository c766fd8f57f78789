/**
 * Ansible-like lines for CI and pipes: PLAY/TASK headers, one line per host
 * result (ok, changed, skipping, fatal, ...ignoring), diffs with --diff, and
 * the PLAY RECAP with ansible-playbook's columns.
 */
import type { CustomStatsView, HostCounts, RunEvent, TaskRef } from '../../events.js';
import { hostsInRecapOrder } from '../recap-order.js';
import { customStatsLines } from '../custom-stats-text.js';
import { pythonJson } from '../../template/python-json.js';
import { diffsOf, unifiedDiff } from '../diff-text.js';
import { endedNote } from '../ended-note.js';
import { warningText } from '../warning-text.js';
import { onlySumsItems, type View, type ViewOptions } from '../view.js';

const COLORS = { green: 32, yellow: 33, red: 31, cyan: 36, magenta: 35, brightRed: 91, dim: 2, bold: 1 } as const;
type Color = keyof typeof COLORS;

export class PlainView implements View {
  private readonly warned = new Set<string>();
  /**
   * Under strategy free and host_pinned a task's header waits for a result
   * of it, and comes again when a result of another task came in between
   * (Ansible's default callback, which compares task uuids).
   */
  private headerWhenResultComes = false;
  /** The id of the task whose header was printed last. */
  private lastHeader: string | undefined;

  constructor(private readonly options: ViewOptions) {}

  handle(event: RunEvent): void {
    switch (event.kind) {
      case 'play_start':
        this.headerWhenResultComes = event.strategy !== 'linear';
        this.lastHeader = undefined;
        return this.header(`PLAY [${event.name}]`);
      case 'batch_start':
        return event.batchIndex > 0 ? this.header(`PLAY [${event.name}]`) : undefined;
      case 'task_start':
        return this.headerWhenResultComes ? undefined : this.taskHeader(event.task);
      case 'host_result':
        return this.result(event);
      case 'display':
        return this.line(event.message);
      case 'warning':
        // Without the host, as Ansible's callbacks show a module's warnings.
        return this.warning(event.message);
      case 'recap':
        return this.recap(event, endedNote(event.interrupted, event.unendedHosts));
      default:
        return;
    }
  }

  async close(): Promise<void> {}

  private taskHeader(task: TaskRef): void {
    this.header(`${task.isHandler ? 'RUNNING HANDLER' : 'TASK'} [${task.name}]`);
    if (this.options.verbosity >= 2 && task.at) this.line(`task path: ${task.at.file}:${task.at.line ?? 0}`);
    this.lastHeader = task.id;
  }

  private result(event: Extract<RunEvent, { kind: 'host_result' }>): void {
    if (onlySumsItems(event)) return;
    if (this.headerWhenResultComes && this.lastHeader !== event.task.id) this.taskHeader(event.task);
    // A loop's own result shows without its items (each had its line), as Ansible's callback does.
    const { results: _items, ...withoutItems } = event.result;
    const result = event.sumsItems === true ? withoutItems : event.result;
    if (event.included !== undefined) {
      this.line(`included: ${event.included} for ${event.host}`);
      return;
    }
    if (event.diff ?? this.options.diff) for (const diff of diffsOf(result)) this.diff(unifiedDiff(diff));
    // Delegating to the host itself shows no arrow, as in Ansible.
    const target = event.delegatedTo && event.delegatedTo !== event.host ? `${event.host} -> ${event.delegatedTo}` : event.host;
    const item = event.item ? ` => (item=${event.item.label})` : '';
    const shown = withoutNoise(result, this.options.verbosity, event.item !== undefined);
    const detail = (json: boolean) => (json ? ` => ${pythonJson(shown, CALLBACK_LINE)}` : '');
    switch (event.status) {
      case 'ok':
      case 'changed': {
        const color: Color = event.status === 'ok' ? 'green' : 'yellow';
        const body = event.task.showsResult ? `${item} => ${pythonJson(shownByDebug(result), CALLBACK_INDENTED)}` : `${item}${detail(this.options.verbosity >= 1)}`;
        return this.line(this.paint(`${event.status}: [${target}]${body}`, color));
      }
      case 'skipped':
        return this.line(this.paint(`skipping: [${target}]${item}${detail(this.options.verbosity >= 1)}`, 'cyan'));
      case 'unreachable':
        this.line(this.paint(`fatal: [${target}]: UNREACHABLE! => ${pythonJson(result, CALLBACK_LINE)}`, 'brightRed'));
        if (event.ignored) this.line(this.paint('...ignoring', 'cyan'));
        return;
      case 'failed': {
        if (event.sumsItems === true) {
          if (event.ignored) this.line(this.paint('...ignoring', 'cyan'));
          return;
        }
        const label = event.item ? `failed: [${target}] (item=${event.item.label})` : `fatal: [${target}]: FAILED!`;
        if (typeof result.exception === 'string') this.line(this.paint(exceptionNote(result.exception, this.options.verbosity), 'red'));
        this.line(this.paint(`${label} => ${pythonJson(shown, CALLBACK_LINE)}`, 'red'));
        if (event.ignored) this.line(this.paint('...ignoring', 'cyan'));
        return;
      }
    }
  }

  /** A warning, once: Ansible's display prints a warning it has printed before no more. */
  private warning(message: string): void {
    const text = warningText(message, this.options.isTTY ? this.options.columns : undefined);
    if (this.warned.has(text)) return;
    this.warned.add(text);
    this.write(this.options.err ?? this.options.out, this.paint(text.slice(0, -1), 'magenta') + '\n');
  }

  private recap({ hosts, elapsedMs, customStats }: Extract<RunEvent, { kind: 'recap' }>, note: string | undefined): void {
    if (note) this.line(this.paint(`\n${note}`, 'magenta'));
    this.header('PLAY RECAP');
    for (const [host, counts] of hostsInRecapOrder(hosts)) {
      const color: Color = counts.unreachable > 0 ? 'brightRed' : counts.failed > 0 ? 'red' : counts.changed > 0 ? 'yellow' : 'green';
      const cell = (name: keyof HostCounts) => `${name}=${String(counts[name]).padEnd(4)}`;
      this.line(`${this.paint(host.padEnd(26), color)} : ${cell('ok')} ${cell('changed')} ${cell('unreachable')} ${cell('failed')} ${cell('skipped')} ${cell('rescued')} ${cell('ignored')}`.trimEnd());
    }
    if (customStats && this.options.showCustomStats) this.customStats(customStats);
    this.line(`\n${Object.keys(hosts).length} host(s) in ${(elapsedMs / 1000).toFixed(2)} s`);
  }

  /** As Ansible's default callback: an empty line after the recap, the banner, the stats, an empty line. */
  private customStats(stats: CustomStatsView): void {
    this.line('');
    this.header('CUSTOM STATS:');
    for (const line of customStatsLines(stats, this.options.verbosity)) this.line(line);
    this.line('');
  }

  private diff(text: string): void {
    if (!text) return;
    const colored = text
      .split('\n')
      .map((line) => (line.startsWith('+') && !line.startsWith('+++') ? this.paint(line, 'green') : line.startsWith('-') && !line.startsWith('---') ? this.paint(line, 'red') : line.startsWith('@@') ? this.paint(line, 'cyan') : line))
      .join('\n');
    this.line(colored);
  }

  private header(title: string): void {
    this.line(`\n${title} ${'*'.repeat(Math.max(3, 79 - title.length))}`);
  }

  private line(text: string): void {
    this.write(this.options.out, `${text}\n`);
  }

  private write(stream: NodeJS.WritableStream, text: string): void {
    stream.write(text);
  }

  private paint(text: string, color: Color): string {
    return this.options.color ? `\u001b[${COLORS[color]}m${text}\u001b[0m` : text;
  }
}

/** Ansible leaves these out of the one-line result it prints. */
/**
 * A result as the screen shows it, as Ansible's callbacks clean it: without
 * its diff (shown apart) and `failed`/`skipped` (the status word says it),
 * and a task's warnings (shown as [WARNING] lines; an item's line keeps
 * them, as Ansible's does).
 */
function withoutNoise(result: Readonly<Record<string, unknown>>, verbosity: number, isItem: boolean): Record<string, unknown> {
  const { diff: _diff, failed: _failed, skipped: _skipped, exception: _exception, invocation, warnings, ...rest } = result;
  const shown = isItem && warnings !== undefined ? { ...rest, warnings } : rest;
  // A Python module's echoed arguments, shown from -vvv (Ansible's _dump_results).
  return verbosity >= 3 && invocation !== undefined ? { ...shown, invocation } : shown;
}

/** A Python module's traceback as Ansible's callback reports it (and leaves out of the result): its last line, or whole from -vvv. */
function exceptionNote(exception: string, verbosity: number): string {
  if (verbosity >= 3) return `The full traceback is:\n${exception.trimEnd()}`;
  const lastLine = exception.trimEnd().split('\n').at(-1)!.trim();
  return `An exception occurred during task execution. To see the full traceback, use -vvv. The error was: ${lastLine}`;
}

/** Ansible's default callback dumps results with json.dumps(sort_keys=True, ensure_ascii=False), on one line or indented by 4. */
const CALLBACK_LINE = { sortKeys: true, ensureAscii: false } as const;
const CALLBACK_INDENTED = { ...CALLBACK_LINE, indent: 4 } as const;

/** Keys a debug result with `msg` shows, as Ansible's callbacks clean it: the message stands alone. */
const DEBUG_MSG_KEYS = new Set(['msg', 'exception', 'warnings', 'deprecations']);
/** Keys a debug result with `var` hides. */
const DEBUG_HIDDEN_KEYS = new Set(['changed', 'failed', 'skipped', 'invocation', 'skip_reason']);

/** What Ansible's default callback prints of a debug result: the message or the variable, not the bookkeeping. */
export function shownByDebug(result: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const rest = withoutNoise(result, 0, false);
  const keep = 'msg' in rest ? (key: string) => DEBUG_MSG_KEYS.has(key) : (key: string) => !DEBUG_HIDDEN_KEYS.has(key);
  return Object.fromEntries(Object.entries(rest).filter(([key]) => keep(key)));
}

