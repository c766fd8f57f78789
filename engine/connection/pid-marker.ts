/**
 * How a channel's remote shell tells us its pid, so that a timeout or an
 * interrupt can end its process group. The script's first line prints a
 * marker line on stderr: `@@cxpid_TOKEN PID`. It is not necessarily the first
 * stderr line: sudo can warn before it runs the shell ("unable to resolve
 * host ..."), and a login shell's rc files can print too. What comes before
 * the marker is theirs, not the script's: it is left out of the result, as
 * ansible-playbook leaves it out (a registered `stderr` holds the task's
 * own). Without a marker (sudo refused, the shell never ran) all of it is
 * the result's stderr: it says why. The token is the connection's own random
 * one, and only the first marker counts, so nothing the task prints later
 * can pass for it.
 */

/** Stderr held back while looking for the marker; past this the shell is taken not to report (the bytes pass through). */
const MAX_HEAD_BYTES = 64 * 1024;

export class PidMarkerReader {
  /** Settles with the pid, or undefined when the shell never reported one (it did not start). */
  readonly pid: Promise<number | undefined>;
  private head = '';
  private searching = true;
  private settlePid!: (pid: number | undefined) => void;

  constructor(private readonly marker: string) {
    this.pid = new Promise((resolve) => (this.settlePid = resolve));
  }

  /** The line the script starts with (POSIX sh). */
  static line(marker: string): string {
    return `echo "${marker}$$" >&2\n`;
  }

  /** Takes a stderr chunk; returns the bytes of it that are the command's own stderr. */
  read(chunk: Buffer): Buffer | undefined {
    if (!this.searching) return chunk;
    // latin1 maps bytes to characters one to one: a character split over chunks stays intact.
    this.head += chunk.toString('latin1');
    const start = lineStart(this.head, this.marker);
    const end = start < 0 ? -1 : this.head.indexOf('\n', start);
    if (end < 0) return this.head.length <= MAX_HEAD_BYTES ? undefined : this.giveUp();
    const pid = Number(this.head.slice(start + this.marker.length, end));
    this.searching = false;
    this.settlePid(Number.isInteger(pid) && pid > 1 ? pid : undefined);
    return this.release(this.head.slice(end + 1));
  }

  /** The channel closed (or the exec was abandoned): whatever is still held back is stderr. */
  finish(): Buffer | undefined {
    return this.searching ? this.giveUp() : undefined;
  }

  private giveUp(): Buffer | undefined {
    this.searching = false;
    this.settlePid(undefined);
    return this.release(this.head);
  }

  private release(text: string): Buffer | undefined {
    this.head = '';
    return text ? Buffer.from(text, 'latin1') : undefined;
  }
}

/** Where the first line that starts with `prefix` starts, or -1. */
function lineStart(text: string, prefix: string): number {
  if (text.startsWith(prefix)) return 0;
  const at = text.indexOf(`\n${prefix}`);
  return at < 0 ? -1 : at + 1;
}
