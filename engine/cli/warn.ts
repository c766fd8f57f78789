/**
 * Ansible's display.warning for what the commands say outside a view (before
 * a run, `cxplay inventory`, `--tree`): on stderr, wrapped as Ansible wraps
 * it (stdout's terminal width), each text once a process as its display does.
 */
import { warningText } from '../views/warning-text.js';

const printed = new Set<string>();

export function printWarning(message: string): void {
  const text = warningText(message, process.stdout.isTTY ? process.stdout.columns : undefined);
  if (printed.has(text)) return;
  printed.add(text);
  process.stderr.write(text);
}
