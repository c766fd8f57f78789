/** The live view's reducer on its own: events in, state out, no ink. */
import { describe, expect, it } from 'vitest';
import { initialState, reduce, type TuiEvent, type TuiState } from '../../engine/views/tui/tui-state.js';
import { layoutRows } from '../../engine/views/tui/row-layout.js';
import { hostResult, hostStart, playbookStart, playStart, recap, T0, taskRef, taskStart } from './run-events.js';

const settings = { verbosity: 0, diff: false, playbook: '/work/site.yaml' };

function run(events: readonly TuiEvent[], options: Partial<typeof settings> = {}): TuiState {
  return events.reduce(reduce, initialState({ ...settings, ...options }));
}

const install = taskRef('Install', 1, 3);
const configure = taskRef('Configure', 2, 3);

describe('tui reducer', () => {
  it('tracks play, task progress and check mode from the start events', () => {
    const state = run([playbookStart({ check: true }), playStart('Converge', ['a', 'b'], 3), taskStart(configure, ['a', 'b'])]);
    expect(state.check).toBe(true);
    expect(state.play).toMatchObject({ name: 'Converge', taskCount: 3, hosts: 2 });
    expect(state.task).toMatchObject({ name: 'Configure', index: 2, total: 3 });
    expect(state.hostOrder).toEqual(['a', 'b']);
    expect(state.hosts.a).toMatchObject({ activity: 'queued', outcome: 'pending' });
  });

  it('moves a host from running to idle and tallies its result as Ansible does', () => {
    const state = run([
      playbookStart(),
      playStart('Converge', ['a'], 3),
      hostStart('a', install, T0 + 1000),
      hostResult('a', install, 'changed', {}, { time: T0 + 3000 }),
      hostStart('a', configure, T0 + 3000),
    ]);
    expect(state.hosts.a).toMatchObject({ activity: 'running', task: 'Configure', outcome: 'changed', startedAt: T0 + 1000, lastAt: T0 + 3000 });
    expect(state.hosts.a?.counts).toMatchObject({ ok: 1, changed: 1, failed: 0 });
    const after = run([playStart('Converge', ['a'], 3), hostStart('a', configure), hostResult('a', configure, 'skipped')]);
    expect(after.hosts.a).toMatchObject({ activity: 'idle', outcome: 'pending', counts: expect.objectContaining({ skipped: 1, ok: 0 }) });
  });

  it('records a failure with rc, position and the last lines of stderr, and takes the host out', () => {
    const stderr = ['one', 'two', 'three', 'four', 'five', 'six', ''].join('\n');
    const state = run([playStart('P', ['a'], 3), hostStart('a', install), hostResult('a', install, 'failed', { rc: 3, msg: 'non-zero return code', stderr, stdout: 'ignored' })]);
    expect(state.hosts.a).toMatchObject({ activity: 'done', outcome: 'failed', counts: expect.objectContaining({ failed: 1 }) });
    expect(state.failures).toEqual([
      { host: 'a', task: 'Install', at: { file: 'site.yaml', line: 4 }, unreachable: false, msg: 'non-zero return code', rc: 3, tail: ['two', 'three', 'four', 'five', 'six'] },
    ]);
  });

  it('keeps unreachable apart from failed, and ignored failures out of the failures', () => {
    const state = run([
      playStart('P', ['a', 'b'], 3),
      hostResult('a', install, 'unreachable', { unreachable: true, msg: 'connection refused' }),
      hostResult('b', install, 'failed', { msg: 'oops', changed: true }, { ignored: true }),
    ]);
    expect(state.hosts.a).toMatchObject({ outcome: 'unreachable', counts: expect.objectContaining({ unreachable: 1, failed: 0 }) });
    expect(state.failures.map((failure) => [failure.host, failure.unreachable])).toEqual([['a', true]]);
    expect(state.hosts.b).toMatchObject({ outcome: 'ok', activity: 'idle', counts: expect.objectContaining({ ok: 1, ignored: 1, changed: 1, failed: 0 }) });
  });

  it('counts a failure caught by a rescue section as rescued, and the host goes on', () => {
    const state = run([playStart('P', ['a'], 2), hostStart('a', install), hostResult('a', install, 'failed', { msg: 'caught' }, { rescued: true }), hostStart('a', configure)]);
    expect(state.hosts.a).toMatchObject({ activity: 'running', outcome: 'ok', counts: expect.objectContaining({ rescued: 1, failed: 0, ok: 0 }) });
    expect(state.failures).toEqual([]);
  });

  it('shows the loop item being worked on and counts a loop once', () => {
    const loop = taskRef('Loop', 1, 1, { module: 'debug' });
    const during = run([playStart('P', ['a'], 1), hostStart('a', loop), hostResult('a', loop, 'ok', { msg: 'x' }, { item: 'x' })]);
    expect(during.hosts.a).toMatchObject({ activity: 'running', item: 'x', counts: expect.objectContaining({ ok: 0 }) });
    const after = [hostResult('a', loop, 'ok', { results: [{}] })].reduce(reduce, during);
    expect(after.hosts.a).toMatchObject({ activity: 'idle', item: undefined, counts: expect.objectContaining({ ok: 1 }) });
  });

  it('logs handlers, warnings, finished plays, and diffs only with --diff', () => {
    const handler = taskRef('restart web', 4, 4, { handler: true });
    const diffResult = { diff: { before: 'a\n', after: 'b\n' } };
    const events: TuiEvent[] = [
      playStart('P', ['a'], 3),
      hostResult('a', install, 'changed', diffResult),
      taskStart(handler, ['a']),
      { kind: 'warning', host: 'a', message: 'careful', time: T0 },
      { kind: 'play_end', name: 'P', time: T0 + 65_000 },
    ];
    expect(run(events).log.map((entry) => entry.kind)).toEqual(['handler', 'warning', 'play_done']);
    const withDiff = run(events, { diff: true });
    expect(withDiff.log.map((entry) => entry.kind)).toEqual(['diff', 'handler', 'warning', 'play_done']);
    expect(withDiff.log[3]).toMatchObject({ name: 'P', elapsedMs: 65_000, hosts: 1, broken: 0, stopped: false });
    const failedThenStopped = run([playStart('P', ['a', 'b'], 1), hostResult('a', install, 'failed'), { kind: 'interrupt_requested' }, { kind: 'play_end', name: 'P', time: T0 }]);
    expect(failedThenStopped.log.at(-1)).toMatchObject({ kind: 'play_done', broken: 1, stopped: true });
    expect(withDiff.log.map((entry) => entry.id)).toEqual([0, 1, 2, 3]);
    expect(withDiff.task).toBeUndefined();
  });

  it('logs result details with -v, as ansible-playbook prints them (items, not the loop summary)', () => {
    const loop = taskRef('Loop', 1, 1, { module: 'command' });
    const events = [playStart('P', ['a'], 1), hostResult('a', loop, 'ok', { msg: 'x' }, { item: 'x' }), hostResult('a', loop, 'ok', { results: [{}] }), hostResult('a', install, 'changed', { stdout: 'hi' })];
    expect(run(events).log).toEqual([]);
    const verbose = run(events, { verbosity: 1 });
    expect(verbose.log.map((entry) => (entry.kind === 'detail' ? [entry.task, entry.item] : entry.kind))).toEqual([
      ['Loop', 'x'],
      ['Install', undefined],
    ]);
  });

  it('ends with the runner’s exact counts and a summary entry holding the failures', () => {
    const state = run([
      playbookStart({ check: true }),
      playStart('P', ['a'], 1),
      hostStart('a', install),
      hostResult('a', install, 'failed', { msg: 'it failed' }),
      recap({ a: { ok: 3, failed: 1 } }, { exitCode: 2 }),
    ]);
    expect(state.recap).toMatchObject({ exitCode: 2, interrupted: false });
    expect(state.hosts.a).toMatchObject({ activity: 'done', counts: expect.objectContaining({ ok: 3, failed: 1 }) });
    const summary = state.log.at(-1);
    expect(summary).toMatchObject({ kind: 'summary', check: true, failures: [expect.objectContaining({ host: 'a', msg: 'it failed' })] });
  });

  it('marks the view stopping on Ctrl-C', () => {
    expect(run([playStart('P', ['a'], 1), { kind: 'interrupt_requested' }]).stopping).toBe(true);
  });

  it('keeps hosts of earlier plays as done when a later play starts without them', () => {
    const state = run([playStart('One', ['a', 'b'], 1), hostResult('b', install, 'failed', {}), playStart('Two', ['a', 'c'], 1)]);
    expect(state.hostOrder).toEqual(['a', 'b', 'c']);
    expect([state.hosts.a?.activity, state.hosts.b?.activity, state.hosts.c?.activity]).toEqual(['queued', 'done', 'queued']);
  });
});

describe('row layout', () => {
  const names = Array.from({ length: 200 }, (_, index) => `node${index + 1}`);

  it('shows every host when they fit', () => {
    const state = run([playStart('P', names.slice(0, 5), 1)]);
    expect(layoutRows(state, 30)).toMatchObject({ hidden: undefined, visible: expect.arrayContaining([expect.objectContaining({ name: 'node5' })]) });
  });

  it('collapses 200 hosts into what fits, failures and running hosts first, and counts the rest', () => {
    const events: TuiEvent[] = [playStart('P', names, 1), ...names.slice(0, 190).map((name) => hostResult(name, install, 'ok'))];
    events.push(hostStart('node195', install), hostStart('node196', install), hostResult('node150', install, 'failed', { stderr: 'x' }));
    const state = run(events);
    const layout = layoutRows(state, 40);
    expect(layout.visible.length).toBeGreaterThan(20);
    expect(layout.visible.length).toBeLessThan(40 - 6);
    const shown = layout.visible.map((host) => host.name);
    // The failed, the running and the waiting hosts are all on screen, in inventory order.
    expect(shown).toEqual(expect.arrayContaining(['node150', 'node195', 'node196', 'node191', 'node200']));
    expect(shown.indexOf('node150')).toBeLessThan(shown.indexOf('node195'));
    expect(layout.hidden).toEqual({ count: 200 - shown.length, failed: 0, unreachable: 0, running: 0, queued: 0, done: 200 - shown.length });
  });

  it('gives the room of failures it cannot show to host rows', () => {
    const failing = run([playStart('P', names.slice(0, 4), 1), hostResult('node4', install, 'unreachable', { msg: 'refused', stderr: 'a\nb\nc' })]);
    expect(layoutRows(failing, 9)).toMatchObject({ failuresShown: 0, visible: [expect.objectContaining({ name: 'node4' })], hidden: expect.objectContaining({ count: 3 }) });
    expect(layoutRows(failing, 30)).toMatchObject({ failuresShown: 1, hidden: undefined });
  });

  it('leaves room for at least one row on a tiny terminal', () => {
    const state = run([playStart('P', names, 1)]);
    expect(layoutRows(state, 5).visible.length).toBe(0);
    expect(layoutRows(state, 5).hidden?.count).toBe(200);
  });
});
