/** One host: state mark, name, current task, counts, elapsed time, coloured by state. */
import { Box, Text } from 'ink';
import { formatElapsed, spinnerFrame } from '../format.js';
import type { HostCounts } from '../../../events.js';
import type { HostView } from '../tui-state.js';
import { hostColor, hostMark, type InkColor } from './host-style.js';

export interface HostRowProps {
  readonly host: HostView;
  readonly nameWidth: number;
  /** The same for every row, so the counts line up (see countsWidth). */
  readonly countsWidth: number;
  readonly now: number;
}

export function HostRow({ host, nameWidth, countsWidth, now }: HostRowProps) {
  const color = hostColor(host);
  const mark = host.activity === 'running' ? spinnerFrame(now) : hostMark(host);
  const until = host.activity === 'running' ? now : (host.lastAt ?? now);
  const elapsed = host.startedAt === undefined ? '' : formatElapsed(until - host.startedAt);
  return (
    <Box>
      <Box width={2} flexShrink={0}>
        <Text color={color}>{mark}</Text>
      </Box>
      <Box width={nameWidth + 1} flexShrink={0}>
        <Text color={color} bold wrap="truncate-end">
          {host.name}
        </Text>
      </Box>
      <Box flexGrow={1} flexShrink={1} flexBasis={0} overflow="hidden">
        <Text wrap="truncate-end" dimColor={host.activity !== 'running'}>
          {taskLabel(host)}
        </Text>
      </Box>
      <Box flexShrink={0} marginLeft={1} width={countsWidth}>
        {countCells(host.counts).map(([label, value, cellColor], index) => (
          <Text key={label} color={value > 0 || label === 'ok' ? cellColor : undefined}>
            {index > 0 ? ' ' : ''}
            {label}={value}
          </Text>
        ))}
      </Box>
      <Box flexShrink={0} width={6} justifyContent="flex-end">
        <Text dimColor>{elapsed}</Text>
      </Box>
    </Box>
  );
}

type CountCell = readonly [label: string, value: number, color: InkColor];

/** ok, changed, failed, skipped, and unreachable only when a host was. */
function countCells(counts: HostCounts): readonly CountCell[] {
  const cells: CountCell[] = [
    ['ok', counts.ok, 'green'],
    ['changed', counts.changed, 'yellow'],
    ['failed', counts.failed, 'red'],
    ['skipped', counts.skipped, 'cyan'],
  ];
  if (counts.unreachable > 0) cells.push(['unreachable', counts.unreachable, 'magentaBright']);
  return cells;
}

/** The widest counts of these hosts, for every row to use. */
export function countsWidth(hosts: readonly HostView[]): number {
  const width = (counts: HostCounts) => countCells(counts).reduce((sum, [label, value]) => sum + label.length + String(value).length + 2, -1);
  return hosts.reduce((widest, host) => Math.max(widest, width(host.counts)), 0);
}

function taskLabel(host: HostView): string {
  if (host.activity === 'queued') return 'waiting';
  const broken = host.outcome === 'unreachable' ? 'UNREACHABLE' : host.outcome === 'failed' && host.activity === 'done' ? 'FAILED' : undefined;
  if (host.task === undefined) return broken ?? 'done';
  const prefix = broken ? `${broken}: ` : host.isHandler ? 'handler: ' : '';
  return `${prefix}${host.task}${host.item === undefined ? '' : ` (item=${host.item})`}`;
}
