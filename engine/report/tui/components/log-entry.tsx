/** One line (or block) printed once above the live area: finished plays, handlers, warnings, diffs, details, the summary. */
import { Text } from 'ink';
import { formatElapsed } from '../format.js';
import type { LogEntry } from '../tui-state.js';
import { DiffBlock } from './diff-block.js';
import { RecapTable } from './recap-table.js';
import { ResultDetail } from './result-detail.js';

export interface LogEntryProps {
  readonly entry: LogEntry;
  readonly verbosity: number;
}

export function LogEntryView({ entry, verbosity }: LogEntryProps) {
  switch (entry.kind) {
    case 'play_done':
      return (
        <Text>
          <Text color="green">✓</Text> PLAY [{entry.name}] on {entry.hosts} host(s) in {formatElapsed(entry.elapsedMs)}
        </Text>
      );
    case 'handler':
      return (
        <Text color="blue">
          RUNNING HANDLER [{entry.name}] on {entry.hosts.join(', ')}
        </Text>
      );
    case 'warning':
      return (
        <Text color="magenta">
          [WARNING]: {entry.host ? `${entry.host}: ` : ''}
          {entry.message}
        </Text>
      );
    case 'diff':
      return <DiffBlock host={entry.host} task={entry.task} result={entry.result} />;
    case 'detail':
      return <ResultDetail {...entry} verbosity={verbosity} />;
    case 'summary':
      return <RecapTable recap={entry.recap} failures={entry.failures} check={entry.check} />;
  }
}
