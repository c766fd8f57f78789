/** Failures expanded: host, task, file:line, rc, message and the last lines of stderr. */
import { Box, Text } from 'ink';
import { formatPosition } from '../format.js';
import type { FailureView } from '../tui-state.js';

export interface FailureListProps {
  readonly failures: readonly FailureView[];
  /** How many of the most recent to show; the others are counted. */
  readonly shown: number;
}

export function FailureList({ failures, shown }: FailureListProps) {
  if (failures.length === 0) return null;
  const hidden = failures.length - shown;
  return (
    <Box flexDirection="column" marginTop={1}>
      {failures.slice(failures.length - shown).map((failure, index) => (
        <FailureItem key={index} failure={failure} />
      ))}
      {hidden > 0 ? <Text color="red">+{hidden} more failure(s), listed at the end</Text> : null}
    </Box>
  );
}

export function FailureItem({ failure }: { readonly failure: FailureView }) {
  const color = failure.unreachable ? 'magentaBright' : 'red';
  const rc = failure.rc === undefined ? '' : `  rc=${failure.rc}`;
  return (
    <Box flexDirection="column">
      <Text color={color} wrap="truncate-end">
        {failure.unreachable ? '⊘ UNREACHABLE' : '✗ FAILED'} {failure.host} · {failure.task}
        <Text dimColor>
          {'  '}
          {formatPosition(failure.at)}
          {rc}
        </Text>
      </Text>
      {failure.msg ? (
        <Text wrap="truncate-end">
          {'  '}
          {failure.msg}
        </Text>
      ) : null}
      {failure.tail.map((line, index) => (
        <Text key={index} dimColor wrap="truncate-end">
          {'  │ '}
          {line}
        </Text>
      ))}
    </Box>
  );
}
