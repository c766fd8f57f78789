/**
 * The script that ends a timed-out or interrupted command's remote process
 * group and says whether it is gone. It runs as the command's user (through
 * the same become command), so it may signal the command's processes. TERM
 * first, up to 3 s for the group to go, then KILL; it prints ENDED_LINE only
 * when no process of the group is left, and otherwise why not.
 */
import { ENDED, type EndOutcome } from './connection.js';

const ENDED_LINE = '@@cxended';

/**
 * `pid` is the shell the command runs in. Under become it leads its own
 * session (setsid); without, it leads the channel's session when the login
 * shell exec'd it, and otherwise is in the login shell's group, which sshd
 * made for this channel alone: that group (read from /proc) is ended then.
 */
export function killScript(pid: number): string {
  const shell = Math.trunc(pid);
  // `kill -SIG -PGID`, never `kill -- -PGID`: dash (Debian's sh) takes `--` for a pid.
  // sleep 0.1 where fractional seconds work (GNU, busybox), whole seconds elsewhere.
  const pause = 'sleep 0.1 2>/dev/null || sleep 1';
  const waitGone = (tenths: number) => `i=0; while kill -0 -$g 2>/dev/null && [ $i -lt ${tenths} ]; do ${pause}; i=$((i+1)); done`;
  return [
    `g=${shell}`,
    `if ! kill -0 -$g 2>/dev/null && read -r s 2>/dev/null </proc/${shell}/stat; then set -- \${s##*) }; g=$3; fi`,
    `if ! kill -0 -$g 2>/dev/null; then`,
    `  if kill -0 ${shell} 2>/dev/null; then echo 'the process group of the remote shell cannot be signalled'; exit 1; fi`,
    `  echo ${ENDED_LINE}; exit 0`,
    'fi',
    `kill -TERM -$g 2>/dev/null`,
    waitGone(30),
    `kill -KILL -$g 2>/dev/null`,
    waitGone(20),
    `if kill -0 -$g 2>/dev/null; then echo 'processes are left after SIGKILL'; exit 1; fi`,
    `echo ${ENDED_LINE}`,
    '',
  ].join('\n');
}

/** What the kill script's output says; anything else (sudo refused, no shell) is a failure with its stderr. */
export function killOutcome(stdout: string, stderr: string): EndOutcome {
  const lines = stdout.split('\n').map((line) => line.trim()).filter(Boolean);
  if (lines.includes(ENDED_LINE)) return ENDED;
  const reason = lines[0] ?? (stderr.trim().split('\n').at(-1) || 'the kill did not run');
  return { ended: false, reason };
}
