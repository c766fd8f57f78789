/** One host: state mark, name, current task, counts, elapsed time, coloured by state. */
import { Box, Text } from 'ink';
import { formatElapsed, spinnerFrame } from '../format.js';
import type { HostView } from '../tui-state.js';
import { hostColor, hostMark } from './host-style.js';

export interface HostRowProps {
  readonly host: HostView;
  readonly nameWidth: number;
  readonly now: number;
}

export function HostRow({ host, nameWidth, now }: HostRowProps) {
  const color = hostColor(host);
  const mark = host.activity === 'running' ? spinnerFrame(now) : hostMark(host);
  const until = host.activity === 'running' ? now : (host.lastAt ?? now);
  const elapsed = host.startedAt === undefined ? '' : formatElapsed(until - host.startedAt);
  const { ok, changed, failed, skipped, unreachable } = host.counts;
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
      <Box flexShrink={0} marginLeft={1}>
        <Text color="green">ok={ok} </Text>
        <Text color={changed > 0 ? 'yellow' : undefined}>changed={changed} </Text>
        <Text color={failed > 0 ? 'red' : undefined}>failed={failed} </Text>
        {unreachable > 0 ? <Text color="magentaBright">unreachable={unreachable} </Text> : null}
        <Text color={skipped > 0 ? 'cyan' : undefined}>skipped={skipped}</Text>
        <Text dimColor> {elapsed.padStart(5)}</Text>
      </Box>
    </Box>
  );
}

function taskLabel(host: HostView): string {
  if (host.activity === 'queued') return 'waiting';
  const broken = host.outcome === 'unreachable' ? 'UNREACHABLE' : host.outcome === 'failed' && host.activity === 'done' ? 'FAILED' : undefined;
  if (host.task === undefined) return broken ?? 'done';
  const prefix = broken ? `${broken}: ` : host.isHandler ? 'handler: ' : '';
  return `${prefix}${host.task}${host.item === undefined ? '' : ` (item=${host.item})`}`;
}
