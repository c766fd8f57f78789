/** A result's diff (--diff) as coloured unified diff text: additions green, removals red, hunks cyan. */
import { Box, Text } from 'ink';
import type { TaskResult } from '../../../events.js';
import { diffsOf, unifiedDiff } from '../../diff-text.js';

export interface DiffBlockProps {
  readonly host: string;
  readonly task: string;
  readonly result: TaskResult;
}

export function DiffBlock({ host, task, result }: DiffBlockProps) {
  const lines = diffsOf(result)
    .map(unifiedDiff)
    .filter((text) => text !== '')
    .flatMap((text) => text.split('\n'));
  if (lines.length === 0) return null;
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text bold>
        diff {host} · {task}
      </Text>
      {lines.map((line, index) => (
        <Text key={index} color={lineColor(line)}>
          {line}
        </Text>
      ))}
    </Box>
  );
}

function lineColor(line: string): string | undefined {
  if (line.startsWith('+++') || line.startsWith('---')) return undefined;
  if (line.startsWith('+')) return 'green';
  if (line.startsWith('-')) return 'red';
  if (line.startsWith('@@')) return 'cyan';
  return undefined;
}
