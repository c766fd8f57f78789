/**
 * A terminal for end-to-end tests of the live view: a tmux server of our own
 * (private socket, `tmux -L`), one pane running a command, the screen read
 * with capture-pane. Waits poll the screen for text with a generous bound;
 * nothing depends on how long things take. kill() ends only this server.
 */
import { execFileSync } from 'node:child_process';

let sessions = 0;

export interface TmuxOptions {
  readonly width: number;
  readonly height: number;
}

export class TmuxSession {
  private constructor(private readonly socket: string) {}

  /** Starts `command` (a sh command line) in a fresh pane; the pane stays after the command ends. */
  static start(command: string, options: TmuxOptions): TmuxSession {
    sessions += 1;
    const session = new TmuxSession(`cxplay-test-${process.pid}-${sessions}`);
    session.tmux(['-f', '/dev/null', 'new-session', '-d', '-s', 'main', '-x', String(options.width), '-y', String(options.height), 'sh', '-c', `${command}; exec sleep 3600`]);
    // No status line: the pane is the whole window, so its height is the one asked for.
    session.tmux(['set-option', '-t', 'main', 'status', 'off']);
    session.tmux(['set-option', '-t', 'main', 'history-limit', '10000']);
    return session;
  }

  /** What the pane shows now, or with `history` everything it has printed. */
  screen(options: { history?: boolean } = {}): string {
    return this.tmux(['capture-pane', '-p', '-J', '-t', 'main', ...(options.history ? ['-S', '-'] : [])]);
  }

  /** Polls the screen until `test` holds, then returns that screen; fails with the last screen after `boundMs`. */
  async waitFor(description: string, test: (screen: string) => boolean, options: { history?: boolean; boundMs?: number } = {}): Promise<string> {
    const deadline = Date.now() + (options.boundMs ?? 45_000);
    let screen = '';
    while (Date.now() < deadline) {
      screen = this.screen(options);
      if (test(screen)) return screen;
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    throw new Error(`the screen never showed ${description}; last screen:\n${screen}`);
  }

  sendKeys(...keys: string[]): void {
    this.tmux(['send-keys', '-t', 'main', ...keys]);
  }

  resize(width: number, height: number): void {
    this.tmux(['resize-window', '-t', 'main', '-x', String(width), '-y', String(height)]);
  }

  /** True when the pane's cursor is visible. */
  cursorVisible(): boolean {
    return this.tmux(['display-message', '-p', '-t', 'main', '#{cursor_flag}']).trim() === '1';
  }

  kill(): void {
    try {
      this.tmux(['kill-server']);
    } catch {
      // already gone
    }
  }

  private tmux(args: readonly string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }
}

/** Quotes a word for sh. */
export function shellWord(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
