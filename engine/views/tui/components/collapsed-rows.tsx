/** The hosts that did not fit, in one line: "+37 hosts: 30 done, 7 running". */
import { Text } from 'ink';
import type { HiddenSummary } from '../row-layout.js';

export interface CollapsedRowsProps {
  readonly hidden: HiddenSummary;
}

export function CollapsedRows({ hidden }: CollapsedRowsProps) {
  const parts = [
    [hidden.done, 'done'],
    [hidden.running, 'running'],
    [hidden.queued, 'waiting'],
    [hidden.failed, 'failed'],
    [hidden.unreachable, 'unreachable'],
  ] as const;
  const text = parts
    .filter(([count]) => count > 0)
    .map(([count, label]) => `${count} ${label}`)
    .join(', ');
  return (
    <Text dimColor wrap="truncate-end">
      +{hidden.count} hosts: {text}
    </Text>
  );
}
