/** The end of a run: failures in full, the recap table (ansible-playbook's columns) and the total time. */
import { Box, Text } from 'ink';
import type { HostCounts } from '../../../events.js';
import { hostsInRecapOrder } from '../../recap-order.js';
import type { FailureView, RecapView } from '../tui-state.js';
import { FailureItem } from './failure-list.js';

export interface RecapTableProps {
  readonly recap: RecapView;
  readonly failures: readonly FailureView[];
  readonly check: boolean;
}

const COLUMNS = ['ok', 'changed', 'unreachable', 'failed', 'skipped', 'rescued', 'ignored'] as const;

export function RecapTable({ recap, failures, check }: RecapTableProps) {
  const names = hostsInRecapOrder(recap.hosts).map(([name]) => name);
  const nameWidth = Math.max(4, ...names.map((name) => name.length));
  return (
    <Box flexDirection="column" marginTop={1}>
      {recap.endedNote ? <Text color="magenta">{recap.endedNote}</Text> : null}
      {failures.length > 0 ? (
        <Box flexDirection="column" marginBottom={1}>
          {failures.map((failure, index) => (
            <FailureItem key={index} failure={failure} />
          ))}
        </Box>
      ) : null}
      <Text bold>PLAY RECAP{check ? ' (CHECK MODE)' : ''}</Text>
      {names.map((name) => (
        <RecapLine key={name} name={name} nameWidth={nameWidth} counts={recap.hosts[name]!} />
      ))}
      {recap.customStats.length > 0 ? <CustomStats lines={recap.customStats} /> : null}
      <Text>
        {names.length} host(s) in {(recap.elapsedMs / 1000).toFixed(2)} s, exit code {recap.exitCode}
      </Text>
    </Box>
  );
}

/** set_stats' stats, under Ansible's title: one line per host, then the run's. */
function CustomStats({ lines }: { readonly lines: readonly string[] }) {
  return (
    <Box flexDirection="column" marginTop={1} marginBottom={1}>
      <Text bold>CUSTOM STATS</Text>
      {lines.map((line, index) => (
        <Text key={index}>{line.replace(/^\t/, '  ') || ' '}</Text>
      ))}
    </Box>
  );
}

function RecapLine({ name, nameWidth, counts }: { readonly name: string; readonly nameWidth: number; readonly counts: HostCounts }) {
  const color = counts.unreachable > 0 ? 'magentaBright' : counts.failed > 0 ? 'red' : counts.changed > 0 ? 'yellow' : 'green';
  return (
    <Text>
      <Text color={color}>{name.padEnd(nameWidth)}</Text> :{' '}
      {COLUMNS.map((column, index) => (
        <Text key={column} color={counts[column] > 0 && column !== 'ok' ? cellColor(column) : undefined} dimColor={counts[column] === 0}>
          {index === COLUMNS.length - 1 ? `${column}=${counts[column]}` : `${column}=${counts[column]}`.padEnd(column.length + 5)}
        </Text>
      ))}
    </Text>
  );
}

function cellColor(column: (typeof COLUMNS)[number]): string {
  switch (column) {
    case 'changed':
      return 'yellow';
    case 'unreachable':
      return 'magentaBright';
    case 'failed':
      return 'red';
    case 'skipped':
      return 'cyan';
    default:
      return 'blue';
  }
}
