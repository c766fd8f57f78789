/**
 * The recap's note on remote commands that a timeout or an interrupt cut
 * short: it says they were ended only when every host confirmed it, and
 * names the hosts where they may still run.
 */
export function endedNote(interrupted: boolean, unendedHosts: readonly string[]): string | undefined {
  const left = unendedHosts.length > 0 ? `remote commands could NOT be ended on ${unendedHosts.join(', ')} and may still run there` : undefined;
  if (interrupted) return `[interrupted] no new task was started; ${left ?? 'running remote commands were ended'}`;
  return left ? `[warning] timed-out ${left}` : undefined;
}
