/** The live view's components, rendered with ink-testing-library, one state at a time. */
import { vi } from 'vitest';

// Colours are part of what is tested; chalk decides its level when it loads.
vi.hoisted(() => {
  process.env.FORCE_COLOR = '1';
});

import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { LiveView } from '../../engine/views/tui/components/live-view.js';
import { countsWidth, HostRow } from '../../engine/views/tui/components/host-row.js';
import { initialState, reduce, type HostView, type TuiEvent, type TuiState } from '../../engine/views/tui/tui-state.js';
import { emptyCounts } from '../../engine/events.js';
import { hostResult, hostStart, playbookStart, playStart, recap, T0, taskRef, taskStart } from './run-events.js';

const ESC = '\u001b[';
const RED = `${ESC}31m`;
const GREEN = `${ESC}32m`;
const YELLOW = `${ESC}33m`;
const CYAN = `${ESC}36m`;
const MAGENTA_BRIGHT = `${ESC}95m`;

const plain = (text: string | undefined) => (text ?? '').replace(/\u001b\[[0-9;]*m/g, '');

function stateOf(events: readonly TuiEvent[], settings: { verbosity?: number; diff?: boolean; showCustomStats?: boolean } = {}): TuiState {
  return events.reduce(reduce, initialState({ verbosity: settings.verbosity ?? 0, diff: settings.diff ?? false, playbook: '/work/site.yaml', showCustomStats: settings.showCustomStats }));
}

function frameOf(state: TuiState, options: { now?: number; rows?: number } = {}): string {
  const view = render(<LiveView state={state} now={options.now ?? T0 + 12_000} rows={options.rows ?? 40} />);
  const frame = view.lastFrame() ?? '';
  view.unmount();
  return frame;
}

/** The line of the frame that names the host (colour codes kept). */
function rowOf(frame: string, host: string): string {
  const line = frame.split('\n').find((each) => new RegExp(`^\\S ${host}\\s`).test(plain(each)));
  if (line === undefined) throw new Error(`no row for ${host} in:\n${plain(frame)}`);
  return line;
}

const install = taskRef('Install packages', 1, 4);
const configure = taskRef('Write config', 2, 4);
const start = [playbookStart(), playStart('Converge', ['web1', 'web2'], 4), taskStart(configure, ['web1', 'web2'], T0 + 2000)];

describe('live view', () => {
  it('shows the header: playbook, play, task N of M with a progress bar, elapsed time', () => {
    const frame = plain(frameOf(stateOf(start), { now: T0 + 75_000 }));
    expect(frame).toContain('cxplay site.yaml ▸ PLAY [Converge]');
    expect(frame).toContain('1:15');
    expect(frame).toMatch(/█{5}░{15} task 2\/4: Write config/);
    expect(frame).not.toContain('CHECK MODE');
  });

  it('says CHECK MODE when the run only predicts', () => {
    expect(plain(frameOf(stateOf([playbookStart({ check: true }), playStart('Converge', ['web1'], 4)])))).toContain('CHECK MODE');
  });

  it('running: a spinner, the current task and the elapsed time, in cyan', () => {
    const state = stateOf([...start, hostStart('web1', configure, T0 + 2000)]);
    const row = rowOf(frameOf(state, { now: T0 + 9000 }), 'web1');
    expect(row).toContain(CYAN);
    expect(plain(row)).toMatch(/^[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] web1\s+Write config\s+ok=0 changed=0 failed=0 skipped=0\s+0:07$/);
    expect(plain(rowOf(frameOf(state), 'web2'))).toMatch(/· web2\s+waiting/);
  });

  it('ok and changed: counts, green for ok, yellow once something changed', () => {
    const state = stateOf([...start, hostStart('web1', install), hostResult('web1', install, 'ok'), hostStart('web2', install), hostResult('web2', install, 'changed')]);
    const frame = frameOf(state);
    expect(rowOf(frame, 'web1')).toContain(GREEN);
    expect(plain(rowOf(frame, 'web1'))).toMatch(/• web1\s+Install packages\s+ok=1 changed=0 failed=0 skipped=0/);
    expect(rowOf(frame, 'web2')).toContain(YELLOW);
    expect(plain(rowOf(frame, 'web2'))).toContain('ok=1 changed=1 failed=0');
  });

  it('skipped: counted, the host stays as it was', () => {
    const state = stateOf([...start, hostStart('web1', install), hostResult('web1', install, 'skipped', { skipped: true })]);
    expect(plain(rowOf(frameOf(state), 'web1'))).toContain('ok=0 changed=0 failed=0 skipped=1');
  });

  it('failed: a red row, and the failure expanded below with task, file:line, rc and the last lines of stderr', () => {
    const stderr = Array.from({ length: 8 }, (_, index) => `error line ${index + 1}`).join('\n');
    const state = stateOf([...start, hostStart('web2', configure), hostResult('web2', configure, 'failed', { rc: 2, msg: 'non-zero return code', stderr })]);
    const frame = frameOf(state);
    expect(rowOf(frame, 'web2')).toContain(RED);
    expect(plain(rowOf(frame, 'web2'))).toMatch(/✗ web2\s+FAILED: Write config\s+ok=0 changed=0 failed=1/);
    const text = plain(frame);
    expect(text).toContain('✗ FAILED web2 · Write config  site.yaml:8  rc=2');
    expect(text).toContain('non-zero return code');
    expect(text).toContain('│ error line 8');
    expect(text).toContain('│ error line 4');
    expect(text).not.toContain('error line 3');
  });

  it('unreachable: distinct from failed, in bright magenta', () => {
    const state = stateOf([...start, hostStart('web1', install), hostResult('web1', install, 'unreachable', { unreachable: true, msg: 'connect ECONNREFUSED 127.0.9.1:22' })]);
    const frame = frameOf(state);
    expect(rowOf(frame, 'web1')).toContain(MAGENTA_BRIGHT);
    expect(rowOf(frame, 'web1')).not.toContain(RED);
    expect(plain(rowOf(frame, 'web1'))).toMatch(/⊘ web1\s+UNREACHABLE: Install packages\s+ok=0 changed=0 failed=0 skipped=0 unreachable=1/);
    expect(plain(frame)).toContain('⊘ UNREACHABLE web1 · Install packages');
    // The counts of every row line up, the longer unreachable one included.
    const rows = [rowOf(frame, 'web1'), rowOf(frame, 'web2')].map(plain);
    expect(rows[0]!.indexOf('ok=')).toBe(rows[1]!.indexOf('ok='));
    expect(plain(frame)).toContain('connect ECONNREFUSED 127.0.9.1:22');
  });

  it('handlers: the header and the rows say a handler runs, and it is logged', () => {
    const handler = taskRef('restart nginx', 5, 5, { handler: true });
    const state = stateOf([...start, taskStart(handler, ['web1']), hostStart('web1', handler)]);
    const frame = plain(frameOf(state));
    expect(frame).toContain('RUNNING HANDLER [restart nginx] on web1');
    expect(frame).toMatch(/████████████████████ RUNNING HANDLER \[restart nginx\]/);
    expect(rowOf(frame, 'web1')).toContain('handler: restart nginx');
    const many = Array.from({ length: 40 }, (_, index) => `n${index}`);
    expect(plain(frameOf(stateOf([playStart('P', many, 4), taskStart(handler, many)])))).toContain('RUNNING HANDLER [restart nginx] on n0, n1, n2, n3, n4 and 35 more');
  });

  it('collapses the rows that do not fit into one summary line, and stays shorter than the terminal', () => {
    const names = Array.from({ length: 200 }, (_, index) => `node${String(index + 1).padStart(3, '0')}`);
    const events: TuiEvent[] = [playbookStart(), playStart('Converge', names, 4), taskStart(install, names)];
    for (const name of names.slice(0, 150)) events.push(hostStart(name, install), hostResult(name, install, 'ok'));
    for (const name of names.slice(150)) events.push(hostStart(name, install));
    events.push(hostResult('node007', install, 'failed', { rc: 1, stderr: 'disk full' }));
    const frame = plain(frameOf(stateOf(events), { rows: 30 }));
    const lines = frame.split('\n');
    expect(lines.length).toBeLessThan(30);
    const shown = lines.filter((line) => /^\S node\d{3}\s/.test(line)).length;
    expect(frame).toContain(`+${200 - shown} hosts: `);
    const summary = lines.find((line) => line.startsWith('+'))!;
    const [, done, running] = /(\d+) done, (\d+) running/.exec(summary)!.map(Number);
    expect(shown + done! + running!).toBe(200);
    expect(rowOf(frame, 'node007')).toContain('FAILED: Install packages');
    expect(frame).toContain('│ disk full');
  });

  it('recap: the table with ansible-playbook columns, failures repeated, the total time; the live rows are gone', () => {
    const state = stateOf([
      ...start,
      hostStart('web2', configure),
      hostResult('web2', configure, 'failed', { rc: 1, msg: 'boom' }),
      recap({ web1: { ok: 4, changed: 2 }, web2: { ok: 1, failed: 1 } }, { exitCode: 2, elapsedMs: 12_345 }),
    ]);
    const frame = frameOf(state);
    const text = plain(frame);
    expect(text).toContain('PLAY RECAP');
    expect(text).toMatch(/web1 : ok=4\s+changed=2\s+unreachable=0\s+failed=0\s+skipped=0\s+rescued=0\s+ignored=0/);
    expect(text).toMatch(/web2 : ok=1\s+changed=0\s+unreachable=0\s+failed=1/);
    expect(text).toContain('2 host(s) in 12.35 s, exit code 2');
    expect(text).toContain('✗ FAILED web2 · Write config');
    expect(text).not.toContain('task 2/4');
    expect(frame.split('\n').find((line) => plain(line).startsWith('web2 :'))).toContain(`${RED}web2`);
  });

  it("recap with show_custom_stats: set_stats' stats under the table, per host then the run's, as Ansible prints them", () => {
    const customStats = { hosts: { web1: { deployed: 2 } }, run: { total: 3, names: ['a'] } };
    const events = [...start, { ...recap({ web1: { ok: 2 } }), customStats } as TuiEvent];
    const text = plain(frameOf(stateOf(events, { showCustomStats: true })));
    expect(text).toMatch(/web1 : ok=2[^\n]*\n\s*\nCUSTOM STATS\n {2}web1: \{ "deployed": 2\}\n\s*\n {2}RUN: \{ "names": \[ {2}"a" \], "total": 3\}\n/);
    expect(plain(frameOf(stateOf(events)))).not.toContain('CUSTOM STATS');
  });

  it('after Ctrl-C: STOPPING in the header, then the interrupted recap', () => {
    const stopping = stateOf([...start, hostStart('web1', configure), { kind: 'interrupt_requested' }]);
    expect(plain(frameOf(stopping))).toContain('STOPPING');
    const ended = [hostResult('web1', configure, 'failed', { msg: 'interrupted: the remote command was ended', interrupted: true }), recap({ web1: { failed: 1 } }, { interrupted: true, exitCode: 99 })].reduce(reduce, stopping);
    const text = plain(frameOf(ended));
    expect(text).toContain('[interrupted] no new task was started; running remote commands were ended');
    expect(text).toContain('exit code 99');
    const played = [{ kind: 'play_end', name: 'Converge', time: T0 + 3000 } as const].reduce(reduce, stopping);
    expect(plain(frameOf(played))).toContain('■ PLAY [Converge] on 2 host(s) stopped after 0:03');
  });

  it('the recap never says commands were ended when a host could not end one; a timeout that could not is reported too', () => {
    const stopping = stateOf([...start, hostStart('web1', configure), { kind: 'interrupt_requested' }]);
    const left = [recap({ web1: { failed: 1 } }, { interrupted: true, unendedHosts: ['web1'], exitCode: 99 })].reduce(reduce, stopping);
    // The note wraps at the frame's width: read it as one line.
    const text = plain(frameOf(left)).replace(/\s*\n/g, ' ');
    expect(text).toContain('[interrupted] no new task was started; remote commands could NOT be ended on web1 and may still run there');
    expect(text).not.toContain('were ended');
    const timedOut = plain(frameOf(stateOf([...start, recap({ web1: { failed: 1 } }, { unendedHosts: ['web1'], exitCode: 2 })]))).replace(/\s*\n/g, ' ');
    expect(timedOut).toContain('[warning] timed-out remote commands could NOT be ended on web1 and may still run there');
    expect(plain(frameOf(stateOf([...start, recap({ web1: { failed: 1 } }, { exitCode: 2 })])))).not.toContain('ended');
  });

  it('a finished play says whether hosts failed', () => {
    const end = { kind: 'play_end', name: 'Converge', time: T0 + 9000 } as const;
    expect(plain(frameOf(stateOf([...start, hostResult('web1', install, 'ok'), end])))).toContain('✓ PLAY [Converge] on 2 host(s) in 0:09');
    expect(plain(frameOf(stateOf([...start, hostResult('web1', install, 'failed'), end])))).toContain('✗ PLAY [Converge] on 2 host(s) in 0:09, 1 host(s) failed or unreachable');
  });

  it('--diff: the diff in colour, additions green and removals red', () => {
    const result = { diff: { before: 'port=80\n', after: 'port=8080\n', before_header: '/etc/app.conf', after_header: '/etc/app.conf' } };
    const frame = frameOf(stateOf([...start, hostResult('web1', configure, 'changed', result)], { diff: true }));
    expect(plain(frame)).toContain('diff web1 · Write config');
    expect(frame).toContain(`${RED}-port=80`);
    expect(frame).toContain(`${GREEN}+port=8080`);
    expect(plain(frameOf(stateOf([...start, hostResult('web1', configure, 'changed', result)])))).not.toContain('port=8080');
  });

  it('-v shows stdout and stderr of results, -vv the task path and the whole result', () => {
    const events = [...start, hostResult('web1', install, 'changed', { stdout: 'installed nginx', stderr: 'a warning', rc: 0 })];
    expect(plain(frameOf(stateOf(events)))).not.toContain('installed nginx');
    const verbose = plain(frameOf(stateOf(events, { verbosity: 1 })));
    expect(verbose).toContain('changed: [web1] Install packages');
    expect(verbose).toContain('stdout: installed nginx');
    expect(verbose).toContain('stderr: a warning');
    const veryVerbose = plain(frameOf(stateOf(events, { verbosity: 2 })));
    expect(veryVerbose).toContain('site.yaml:4');
    expect(veryVerbose).toContain('"rc": 0');
  });

  it('debug output shows without -v, as ansible-playbook shows it: a list of lines as lines', () => {
    const show = taskRef('Show the nodes', 3, 4, { module: 'debug' });
    const lines = ['NAME STATUS ROLES', 'cp1 Ready control-plane'];
    const events = [...start, hostResult('web1', show, 'ok', { changed: false, 'nodes.stdout_lines': lines }), hostResult('web2', show, 'ok', { changed: false, msg: 'all Ready' })];
    const frame = plain(frameOf(stateOf(events)));
    expect(frame).toContain('ok: [web1] Show the nodes');
    expect(frame).toContain('nodes.stdout_lines:');
    expect(frame).toMatch(/^ {4}NAME STATUS ROLES\n {4}cp1 Ready control-plane$/m);
    expect(frame).toMatch(/^ {4}all Ready$/m);
    expect(frame).not.toContain('changed:');
  });

  it('a no_log result shows only the censored text, even with -vv and when it fails', () => {
    const censored = { censored: "the output has been hidden due to the fact that 'no_log: true' was specified for this result", changed: false };
    const events = [...start, hostResult('web1', install, 'ok', censored), hostResult('web2', install, 'failed', censored)];
    const text = plain(frameOf(stateOf(events, { verbosity: 2 })));
    expect(text).toContain("'no_log: true' was specified");
    expect(text).toContain('✗ FAILED web2 · Install packages');
  });
});

describe('host row', () => {
  const host: HostView = { name: 'db1', activity: 'done', outcome: 'changed', task: undefined, isHandler: false, item: undefined, startedAt: T0, lastAt: T0 + 61_000, counts: { ...emptyCounts(), ok: 7, changed: 3 } };

  it('is a pure function of its props: done, with the time the host took', () => {
    const view = render(<HostRow host={host} nameWidth={6} countsWidth={countsWidth([host])} now={T0 + 500_000} />);
    expect(plain(view.lastFrame())).toMatch(/^✓ db1\s+done\s+ok=7 changed=3 failed=0 skipped=0\s+1:01$/);
    view.unmount();
  });

  it('shows the loop item a running host works on', () => {
    const view = render(<HostRow host={{ ...host, activity: 'running', task: 'Create users', item: 'alice' }} nameWidth={6} countsWidth={40} now={T0 + 2000} />);
    expect(plain(view.lastFrame())).toContain('Create users (item=alice)');
    view.unmount();
  });
});
