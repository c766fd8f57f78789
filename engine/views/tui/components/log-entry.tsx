/** One line (or block) printed once above the live area: finished plays, handlers, warnings, a module's text (pause), diffs, details, the summary. */
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

const LISTED_HOSTS = 6;

/** A few names, then a count: one line even for 200 hosts. */
function hostList(hosts: readonly string[]): string {
  if (hosts.length <= LISTED_HOSTS) return hosts.join(', ');
  return `${hosts.slice(0, LISTED_HOSTS - 1).join(', ')} and ${hosts.length - LISTED_HOSTS + 1} more`;
}

export function LogEntryView({ entry, verbosity }: LogEntryProps) {
  switch (entry.kind) {
    case 'play_done':
      return (
        <Text>
          {entry.stopped ? <Text color="magenta">■</Text> : entry.broken > 0 ? <Text color="red">✗</Text> : <Text color="green">✓</Text>} PLAY [{entry.name}] on {entry.hosts} host(s){' '}
          {entry.stopped ? 'stopped after' : 'in'} {formatElapsed(entry.elapsedMs)}
          {entry.broken > 0 ? `, ${entry.broken} host(s) failed or unreachable` : ''}
        </Text>
      );
    case 'handler':
      return (
        <Text color="blue">
          RUNNING HANDLER [{entry.name}] on {hostList(entry.hosts)}
        </Text>
      );
    case 'warning':
      return (
        <Text color="magenta">
          [WARNING]: {entry.host ? `${entry.host}: ` : ''}
          {entry.message}
        </Text>
      );
    case 'display':
      return <Text>{entry.message}</Text>;
    case 'diff':
      return <DiffBlock host={entry.host} task={entry.task} result={entry.result} />;
    case 'detail':
      return <ResultDetail {...entry} verbosity={verbosity} />;
    case 'summary':
      return <RecapTable recap={entry.recap} failures={entry.failures} check={entry.check} />;
  }
}
