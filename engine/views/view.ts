/** The views subscribe to run events; which one is chosen by name, plain when stdout is not a terminal. */
import { CxError, ExitCode } from '../errors.js';
import type { RunEvent } from '../events.js';

export interface View {
  handle(event: RunEvent): void;
  close(): Promise<void>;
  /** A view that reads the keyboard itself (the live view) takes pause's answers there: the keys typed up to Enter. */
  askOperator?(echo: boolean): Promise<string>;
}

export interface ViewOptions {
  readonly out: NodeJS.WritableStream;
  readonly err?: NodeJS.WritableStream;
  readonly isTTY: boolean;
  readonly columns?: number | undefined;
  readonly rows?: number | undefined;
  readonly verbosity: number;
  readonly diff: boolean;
  readonly color: boolean;
  readonly playbookName: string;
  /** show_custom_stats: the recap is followed by set_stats' CUSTOM STATS. */
  readonly showCustomStats?: boolean;
  /** The live view calls this on Ctrl-C (it reads keys in raw mode, so no SIGINT arrives). */
  readonly onInterrupt?: () => void;
}

/** A loop's own result, shown as Ansible shows it: only when it failed or was skipped (its items were shown already). */
export function onlySumsItems(event: Extract<RunEvent, { kind: 'host_result' }>): boolean {
  return event.sumsItems === true && event.status !== 'failed' && event.status !== 'skipped';
}

/**
 * Imports the live view (ink and React, ES modules with top-level await). The
 * CLI's entry gives it: it knows where the view's module is (tsc's output or
 * the bundle's tui.js), and an ES module can import it where the bundle's
 * CommonJS engine cannot.
 */
export type LoadTui = () => Promise<{ createTuiView(options: ViewOptions): View }>;

export type ViewKind = 'tui' | 'plain' | 'json';
const KINDS: readonly ViewKind[] = ['tui', 'plain', 'json'];

/** Under CI (CI or CONTINUOUS_INTEGRATION set, as ink reads them) a terminal gets plain lines by default: ink would draw only its last frame there. */
function inCi(): boolean {
  return ['CI', 'CONTINUOUS_INTEGRATION'].some((key) => key in process.env && process.env[key] !== '0' && process.env[key] !== 'false');
}

export function chooseViewKind(requested: string | undefined, isTTY: boolean): ViewKind {
  if (requested === undefined) return isTTY && !inCi() ? 'tui' : 'plain';
  if ((KINDS as readonly string[]).includes(requested)) return requested as ViewKind;
  throw new CxError(`unknown output '${requested}'`, { exitCode: ExitCode.badOptions, hint: `use --output ${KINDS.join(', ')}` });
}

/** `cxplay adhoc`'s views: Ansible's ad-hoc blocks, or one line per host with -o. */
export type AdhocViewKind = 'adhoc' | 'adhoc-oneline';

export async function createView(kind: ViewKind | AdhocViewKind, options: ViewOptions, loadTui: LoadTui): Promise<View> {
  switch (kind) {
    case 'adhoc':
    case 'adhoc-oneline': {
      const { AdhocView } = await import('./adhoc/adhoc-view.js');
      return new AdhocView(options, kind === 'adhoc-oneline');
    }
    case 'json': {
      const { JsonView } = await import('./json/json-view.js');
      return new JsonView(options);
    }
    case 'tui': {
      // ink and React load only when the live view is used: `cxplay --version` and pipes stay fast.
      const { createTuiView } = await loadTui();
      return createTuiView(options);
    }
    default: {
      const { PlainView } = await import('./plain/plain-view.js');
      return new PlainView(options);
    }
  }
}
