/**
 * A result in detail, as ansible-playbook -v and -vv show it: -v the
 * status line with stdout, stderr and msg; -vv the task path and the whole
 * (censored) result as JSON.
 */
import { Box, Text } from 'ink';
import type { SourcePosition } from '../../../errors.js';
import type { HostStatus, TaskResult } from '../../../events.js';
import { formatPosition } from '../format.js';

export interface ResultDetailProps {
  readonly host: string;
  readonly task: string;
  readonly status: HostStatus;
  readonly item: string | undefined;
  readonly at: SourcePosition | undefined;
  readonly result: TaskResult;
  readonly verbosity: number;
}

const STATUS_COLOR: Record<HostStatus, string> = { ok: 'green', changed: 'yellow', failed: 'red', skipped: 'cyan', unreachable: 'magentaBright' };

export function ResultDetail({ host, task, status, item, at, result, verbosity }: ResultDetailProps) {
  const streams = (['stdout', 'stderr', 'msg'] as const).filter((key) => typeof result[key] === 'string' && result[key] !== '');
  return (
    <Box flexDirection="column">
      <Text>
        <Text color={STATUS_COLOR[status]}>
          {status}: [{host}]
        </Text>{' '}
        {task}
        {item === undefined ? '' : ` (item=${item})`}
        {verbosity >= 2 && at ? <Text dimColor> {formatPosition(at)}</Text> : null}
      </Text>
      {verbosity >= 2 ? (
        <Text dimColor>{JSON.stringify(result, null, 2)}</Text>
      ) : (
        streams.map((key) => (
          <Text key={key}>
            <Text dimColor>  {key}: </Text>
            {String(result[key])}
          </Text>
        ))
      )}
      {verbosity < 2 && 'censored' in result ? <Text dimColor>  {String(result.censored)}</Text> : null}
    </Box>
  );
}
