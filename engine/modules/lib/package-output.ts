/**
 * What the package modules return of a package manager's run: its output
 * with the *_lines Ansible adds, and the `prepared` diff Ansible's apt cuts
 * from apt-get's output.
 */
import { splitLines } from './run-command.js';

export function outputLines(stdout: string, stderr = ''): { stdout: string; stderr: string; stdout_lines: string[]; stderr_lines: string[] } {
  return { stdout, stderr, stdout_lines: splitLines(stdout), stderr_lines: splitLines(stderr) };
}

/**
 * Ansible's parse_diff: the lines after apt-get's "Reading state
 * information..." (aptitude's "Resolving dependencies...") up to and with
 * the "N upgraded" line; all of them when neither marker is there.
 */
export function preparedDiff(output: string): { prepared: string } {
  const lines = splitLines(output);
  let start = lines.indexOf('Resolving dependencies...');
  if (start < 0) start = lines.indexOf('Reading state information...');
  const end = lines.findIndex((line) => /^[0-9]+ (packages )?upgraded/.test(line));
  return { prepared: lines.slice(start + 1, end < 0 ? lines.length : end + 1).join('\n') };
}
