/** Playbook, play, task N of M with a progress bar, elapsed time, CHECK MODE, and STOPPING after Ctrl-C. */
import { basename } from 'node:path';
import { Box, Text } from 'ink';
import { formatElapsed, progressBar } from '../format.js';
import type { TuiState } from '../tui-state.js';

export interface HeaderProps {
  readonly state: TuiState;
  readonly now: number;
}

const BAR_WIDTH = 20;

export function Header({ state, now }: HeaderProps) {
  const { play, task } = state;
  const elapsed = state.startedAt === undefined ? 0 : now - state.startedAt;
  const taskCount = play?.taskCount ?? 0;
  const done = task === undefined ? 0 : task.isHandler ? taskCount : task.index - 1;
  return (
    <Box flexDirection="column">
      <Box>
        <Text bold>cxplay </Text>
        <Text>{basename(state.settings.playbook)}</Text>
        {play ? <Text wrap="truncate-end"> ▸ PLAY [{play.name}]{state.playCount > 1 ? ` ${play.index + 1}/${state.playCount}` : ''}</Text> : null}
        <Text dimColor> {formatElapsed(elapsed)}</Text>
        {state.check ? <Text color="black" backgroundColor="yellow"> CHECK MODE </Text> : null}
        {state.stopping ? <Text color="white" backgroundColor="red"> STOPPING: ending running commands </Text> : null}
      </Box>
      <Box>
        <Text color="cyan">{progressBar(done, taskCount, BAR_WIDTH)} </Text>
        <Text>{taskLine(task, taskCount)}</Text>
      </Box>
    </Box>
  );
}

function taskLine(task: TuiState['task'], taskCount: number): string {
  if (task === undefined) return taskCount > 0 ? `0/${taskCount} tasks` : 'starting';
  if (task.isHandler) return `RUNNING HANDLER [${task.name}]`;
  return `task ${task.index}/${taskCount}: ${task.name}`;
}
