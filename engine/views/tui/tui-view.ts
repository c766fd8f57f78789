/**
 * The live terminal view: run events go through the pure reducer, and a
 * frame clock (at most 15 frames a second) re-renders the ink tree only when
 * the state, the spinner or the elapsed seconds changed, so 200 hosts and
 * fast tasks cost little. Follows terminal resizes; Ctrl-C (raw mode) asks
 * the run to stop; close() leaves the terminal sane (raw mode off, cursor shown).
 */
import { createElement } from 'react';
import { render, type Instance } from 'ink';
import { PlainView } from '../plain/plain-view.js';
import type { View, ViewOptions } from '../view.js';
import { LiveView } from './components/live-view.js';
import { listenForCtrlC } from './interrupt-keys.js';
import { ABORT_MESSAGE, NO_ANSWER, typedKeys, type TypedAnswer } from '../operator-keys.js';
import { initialState, reduce, type TuiEvent, type TuiState } from './tui-state.js';

export const MAX_FPS = 15;
const FRAME_MS = Math.ceil(1000 / MAX_FPS);
const DEFAULT_ROWS = 24;

export function createTuiView(options: ViewOptions): View {
  // Without a terminal there is nothing to redraw: Ansible-like lines instead.
  if (!options.isTTY) return new PlainView(options);
  return new TuiView(options);
}

class TuiView implements View {
  private state: TuiState;
  private version = 0;
  private paintedKey = '';
  private readonly stdout: NodeJS.WriteStream;
  private readonly ink: Instance;
  private readonly clock: NodeJS.Timeout;
  private readonly releaseKeys: () => void;
  private readonly onResize = () => this.paint(true);
  /** pause's answer being typed, and where it goes when done. */
  private asking: { typed: TypedAnswer; readonly echo: boolean; resolve(text: string): void; reject(error: Error): void } | undefined;

  constructor(private readonly options: ViewOptions) {
    this.stdout = options.out as NodeJS.WriteStream;
    this.state = initialState({ verbosity: options.verbosity, diff: options.diff, playbook: options.playbookName, showCustomStats: options.showCustomStats });
    this.ink = render(this.element(Date.now()), { stdout: this.stdout, stderr: (options.err ?? process.stderr) as NodeJS.WriteStream, exitOnCtrlC: false, maxFps: MAX_FPS });
    this.clock = setInterval(() => this.paint(false), FRAME_MS);
    this.stdout.on('resize', this.onResize);
    this.releaseKeys = listenForCtrlC(
      process.stdin,
      () => {
        this.apply({ kind: 'interrupt_requested' });
        this.options.onInterrupt?.();
      },
      (keys) => this.takeAnswerKeys(keys),
    );
  }

  askOperator(echo: boolean): Promise<string> {
    return new Promise((resolve, reject) => {
      this.asking = { typed: NO_ANSWER, echo, resolve, reject };
      this.apply({ kind: 'answer_typed', answer: { ...NO_ANSWER, echo } });
    });
  }

  /** Keys typed while pause waits for an answer: taken for it (true), else left to the Ctrl-C listener. */
  private takeAnswerKeys(keys: string): boolean {
    const asking = this.asking;
    if (asking === undefined) return false;
    const outcome = typedKeys(asking.typed, keys);
    if ('answer' in outcome) {
      asking.typed = outcome.answer;
      this.apply({ kind: 'answer_typed', answer: { ...outcome.answer, echo: asking.echo } });
      return true;
    }
    this.asking = undefined;
    this.apply({ kind: 'answer_typed', answer: undefined });
    if (outcome.done === 'abort') asking.reject(new Error(ABORT_MESSAGE));
    else asking.resolve(outcome.text);
    return true;
  }

  handle(event: TuiEvent): void {
    this.apply(event);
  }

  async close(): Promise<void> {
    clearInterval(this.clock);
    this.stdout.off('resize', this.onResize);
    this.paint(true);
    this.releaseKeys();
    this.ink.unmount();
    await this.ink.waitUntilExit();
  }

  private apply(event: TuiEvent): void {
    this.state = reduce(this.state, event);
    this.version += 1;
    // The summary is printed at once: the run may end before the next frame.
    if (event.kind === 'recap') this.paint(true);
  }

  /** Re-renders when something visible changed: the state, the spinner frame or the elapsed seconds. */
  private paint(force: boolean): void {
    const now = Date.now();
    const running = Object.values(this.state.hosts).some((host) => host.activity === 'running');
    const key = `${this.version}:${Math.floor(now / 1000)}:${running ? Math.floor(now / FRAME_MS) : 0}:${this.rows()}`;
    if (!force && key === this.paintedKey) return;
    this.paintedKey = key;
    this.ink.rerender(this.element(now));
  }

  private element(now: number) {
    return createElement(LiveView, { state: this.state, now, rows: this.rows() });
  }

  private rows(): number {
    return this.stdout.rows || this.options.rows || DEFAULT_ROWS;
  }
}
