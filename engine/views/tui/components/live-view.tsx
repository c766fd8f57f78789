/**
 * The whole live view: what is finished goes to ink's <Static> (printed
 * once, scrolls away like normal output), what changes stays below it,
 * sized to the terminal. Pure: state, clock and terminal size come in as props.
 */
import { Box, Static, Text } from 'ink';
import { layoutRows } from '../row-layout.js';
import type { TuiState } from '../tui-state.js';
import { CONTINUE_OR_ABORT } from '../../operator-keys.js';
import { CollapsedRows } from './collapsed-rows.js';
import { FailureList } from './failure-list.js';
import { Header } from './header.js';
import { countsWidth, HostRow } from './host-row.js';
import { LogEntryView } from './log-entry.js';

export interface LiveViewProps {
  readonly state: TuiState;
  readonly now: number;
  readonly rows: number;
}

const MAX_NAME_WIDTH = 24;

export function LiveView({ state, now, rows }: LiveViewProps) {
  return (
    <>
      <Static items={[...state.log]}>{(entry) => <LogEntryView key={entry.id} entry={entry} verbosity={state.settings.verbosity} />}</Static>
      {state.recap === undefined ? <LiveArea state={state} now={now} rows={rows} /> : null}
    </>
  );
}

function LiveArea({ state, now, rows }: LiveViewProps) {
  const layout = layoutRows(state, rows);
  // From every host, not the visible ones: columns stay put when the collapsed set changes.
  const nameWidth = Math.min(MAX_NAME_WIDTH, state.hostOrder.reduce((width, name) => Math.max(width, name.length), 4));
  const counts = countsWidth(layout.visible);
  return (
    <Box flexDirection="column">
      <Header state={state} now={now} />
      <Box flexDirection="column" marginTop={1}>
        {layout.visible.map((host) => (
          <HostRow key={host.name} host={host} nameWidth={nameWidth} countsWidth={counts} now={now} />
        ))}
        {layout.hidden ? <CollapsedRows hidden={layout.hidden} /> : null}
      </Box>
      <FailureList failures={state.failures} shown={layout.failuresShown} />
      {state.answer ? <AnswerLine answer={state.answer} /> : null}
      <Text dimColor>{state.stopping ? 'stopping: no new task starts' : 'Ctrl-C: stop (no new task; running commands are ended)'}</Text>
    </Box>
  );
}

/** pause's answer as it is typed (the prompt is printed above, as Ansible prints it), or Ctrl-C's question. */
function AnswerLine({ answer }: { readonly answer: NonNullable<TuiState['answer']> }) {
  if (answer.interrupted) return <Text color="yellow">{CONTINUE_OR_ABORT}</Text>;
  return <Text color="cyan">{`› ${answer.echo ? answer.text : ''}`}</Text>;
}
