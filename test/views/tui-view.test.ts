/**
 * The ink shell around the pure view: frames are throttled whatever the
 * event rate, the layout follows a resize, close() shows the cursor again;
 * Ctrl-C in raw mode asks the run to stop and the terminal is given back.
 * The clock is vitest's fake one: frames are counted, not timed.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// ink decides when it loads whether it runs in CI (then it draws only the last frame);
// these tests are about the frames a terminal gets, so they run as outside CI.
vi.hoisted(() => {
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
});

import { EventEmitter } from 'node:events';
import { listenForCtrlC } from '../../engine/views/tui/interrupt-keys.js';
import { createTuiView, MAX_FPS } from '../../engine/views/tui/tui-view.js';
import { PlainView } from '../../engine/views/plain/plain-view.js';
import { hostResult, hostStart, playbookStart, playStart, recap, taskRef, taskStart } from './run-events.js';

/** Enough of a terminal for ink: writes are kept, size can change. */
class FakeTerminal extends EventEmitter {
  readonly isTTY = true;
  columns = 100;
  rows = 30;
  readonly writes: string[] = [];
  write(chunk: string): boolean {
    this.writes.push(String(chunk));
    return true;
  }
  resize(rows: number): void {
    this.rows = rows;
    this.emit('resize');
  }
  /** ink erases the previous frame before it writes the next. */
  frames(): number {
    return this.writes.filter((chunk) => chunk.includes('\u001b[2K')).length;
  }
}

const plain = (text: string) => text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');

/** ink settles its exit on the (fake) clock. */
async function close(view: { close(): Promise<void> }): Promise<void> {
  const closing = view.close();
  await vi.runAllTimersAsync();
  await closing;
}

function viewOn(terminal: FakeTerminal) {
  return createTuiView({ out: terminal as unknown as NodeJS.WritableStream, isTTY: true, verbosity: 0, diff: false, color: false, playbookName: 'site.yaml' });
}

describe('tui view', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: Date.UTC(2026, 0, 1) });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('draws at most about 15 frames a second however fast events come', async () => {
    const terminal = new FakeTerminal();
    const view = viewOn(terminal);
    const names = Array.from({ length: 200 }, (_, index) => `node${index + 1}`);
    const tasks = Array.from({ length: 50 }, (_, index) => taskRef(`task ${index + 1}`, index + 1, 50));
    view.handle(playbookStart());
    view.handle(playStart('Converge', names, 50));
    const before = terminal.frames();
    // 20,000 events within one second of the clock.
    for (const [index, task] of tasks.entries()) {
      view.handle(taskStart(task, names));
      for (const name of names) {
        view.handle(hostStart(name, task));
        view.handle(hostResult(name, task, 'ok'));
      }
      vi.advanceTimersByTime(20);
      if (index === 0) expect(terminal.frames() - before).toBeLessThanOrEqual(2);
    }
    const drawn = terminal.frames() - before;
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThanOrEqual(MAX_FPS + 1);
    view.handle(recap(Object.fromEntries(names.map((name) => [name, { ok: 50 }]))));
    await close(view);
    expect(plain(terminal.writes.join(''))).toContain('200 host(s) in 4.20 s, exit code 0');
  });

  it('follows a resize: fewer rows collapse, and close() shows the cursor again', async () => {
    const terminal = new FakeTerminal();
    const view = viewOn(terminal);
    const names = Array.from({ length: 12 }, (_, index) => `node${index + 1}`);
    view.handle(playStart('Converge', names, 1));
    vi.advanceTimersByTime(100);
    expect(plain(terminal.writes.join(''))).not.toContain('hosts: ');
    const seen = terminal.writes.length;
    terminal.resize(10);
    vi.advanceTimersByTime(100);
    expect(plain(terminal.writes.slice(seen).join(''))).toMatch(/^\+\d+ hosts: \d+ waiting$/m);
    await close(view);
    expect(terminal.writes.join('')).toContain('\u001b[?25h');
  });

  it('is plain lines without a terminal', () => {
    const view = createTuiView({ out: new FakeTerminal() as unknown as NodeJS.WritableStream, isTTY: false, verbosity: 0, diff: false, color: false, playbookName: 'x' });
    expect(view).toBeInstanceOf(PlainView);
  });
});

describe('Ctrl-C in raw mode', () => {
  class FakeKeys extends EventEmitter {
    readonly isTTY = true;
    raw = false;
    paused = true;
    setRawMode(mode: boolean) {
      this.raw = mode;
    }
    resume() {
      this.paused = false;
    }
    pause() {
      this.paused = true;
    }
  }

  it('asks to stop on Ctrl-C only, then gives the terminal back', () => {
    const keys = new FakeKeys();
    const onCtrlC = vi.fn();
    const release = listenForCtrlC(keys, onCtrlC);
    expect(keys.raw).toBe(true);
    keys.emit('data', Buffer.from('q'));
    expect(onCtrlC).not.toHaveBeenCalled();
    keys.emit('data', Buffer.from('\u0003'));
    expect(onCtrlC).toHaveBeenCalledTimes(1);
    release();
    expect([keys.raw, keys.paused, keys.listenerCount('data')]).toEqual([false, true, 0]);
  });

  it('leaves a non-terminal input alone', () => {
    const keys = Object.assign(new FakeKeys(), { isTTY: false });
    listenForCtrlC(keys, () => undefined)();
    expect(keys.raw).toBe(false);
  });
});
