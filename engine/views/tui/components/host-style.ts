/** The colour and mark of a host's state, one place for every component that shows hosts. */
import type { HostView } from '../tui-state.js';

export type InkColor = 'green' | 'yellow' | 'red' | 'magentaBright' | 'cyan' | 'gray';

export function hostColor(host: Pick<HostView, 'activity' | 'outcome'>): InkColor {
  if (host.outcome === 'unreachable') return 'magentaBright';
  if (host.outcome === 'failed') return 'red';
  if (host.activity === 'running') return 'cyan';
  if (host.activity === 'queued') return 'gray';
  return host.outcome === 'changed' ? 'yellow' : 'green';
}

export function hostMark(host: Pick<HostView, 'activity' | 'outcome'>): string {
  if (host.outcome === 'unreachable') return '⊘';
  if (host.outcome === 'failed') return '✗';
  if (host.activity === 'queued') return '·';
  if (host.activity === 'done') return '✓';
  return '•';
}
