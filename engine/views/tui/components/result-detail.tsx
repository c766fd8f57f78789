/**
 * A result in detail, as ansible-playbook -v and -vv show it: -v the
 * status line with stdout, stderr and msg; -vv the task path and the whole
 * (censored) result as JSON. What `debug` shows is shown at every verbosity.
 */
import { Box, Text } from 'ink';
import type { HostStatus, TaskResult } from '../../../events.js';
import { formatPosition } from '../format.js';
import type { LogEntry } from '../tui-state.js';

export type ResultDetailProps = Omit<Extract<LogEntry, { kind: 'detail' }>, 'id' | 'kind'> & { readonly verbosity: number };

const STATUS_COLOR: Record<HostStatus, string> = { ok: 'green', changed: 'yellow', failed: 'red', skipped: 'cyan', unreachable: 'magentaBright' };

export function ResultDetail({ host, task, showsResult, status, item, at, result, verbosity }: ResultDetailProps) {
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
      ) : showsResult ? (
        <DebugValues result={result} />
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

/** debug's message or variables, as an operator reads them: a list of lines as lines. */
function DebugValues({ result }: { readonly result: TaskResult }) {
  const shown = Object.entries(result).filter(([key]) => key !== 'changed' && key !== 'failed' && key !== 'censored');
  return (
    <Box flexDirection="column">
      {shown.map(([key, value]) => (
        <Box key={key} flexDirection="column">
          {key === 'msg' && typeof value === 'string' ? null : <Text dimColor>  {key}:</Text>}
          <Text>{indent(readable(value))}</Text>
        </Box>
      ))}
    </Box>
  );
}

function readable(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((line) => typeof line === 'string')) return value.join('\n');
  return JSON.stringify(value, null, 2);
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}
