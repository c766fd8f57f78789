/**
 * The plain view's task headers, as Ansible 2.14's default callback prints
 * them: under linear when the task starts; under free and host_pinned when
 * a result of the task comes, and again after a result of another task
 * (its task uuid, our TaskRef id). test/compat/free-headers.test.ts compares
 * runs with ansible-playbook's; here the interleaving is fixed.
 */
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../engine/events.js';
import { PlainView } from '../../engine/views/plain/plain-view.js';
import { hostResult, playStart, recap, taskRef, taskStart } from './run-events.js';

function printed(events: readonly RunEvent[], verbosity = 0): string[] {
  let text = '';
  const out = { write: (chunk: string) => ((text += chunk), true) } as unknown as NodeJS.WritableStream;
  const view = new PlainView({ out, err: out, isTTY: false, verbosity, diff: false, color: false, playbookName: 'site.yaml' });
  for (const event of events) view.handle(event);
  return text.split('\n').filter((line) => line !== '' && !line.startsWith('PLAY RECAP') && !/^\w+ +: ok=/.test(line) && !/host\(s\) in/.test(line)).map((line) => line.replace(/ \*+$/, ''));
}

const first = taskRef('first', 1, 3);
const second = taskRef('second', 2, 3);
const handler = taskRef('handled', 3, 3, { handler: true });

/** Two hosts: both start `first`, h1 gets on to `second` and its handler while h2 is still on `first`. */
function interleaved(strategy: 'linear' | 'free' | 'host_pinned'): RunEvent[] {
  return [
    playStart('p', ['h1', 'h2'], 3, undefined, strategy),
    taskStart(first, ['h1']),
    taskStart(first, ['h2']),
    hostResult('h1', first, 'ok'),
    taskStart(second, ['h1']),
    hostResult('h1', second, 'changed', {}, { item: 'a' }),
    hostResult('h1', second, 'changed', {}, { item: 'b' }),
    hostResult('h2', first, 'ok'),
    hostResult('h1', second, 'changed', { results: [{}, {}] }),
    taskStart(handler, ['h1']),
    hostResult('h1', handler, 'ok'),
    taskStart(second, ['h2']),
    hostResult('h2', second, 'skipped'),
    recap({ h1: { ok: 3 }, h2: { ok: 1, skipped: 1 } }),
  ];
}

describe('plain view: task headers', () => {
  it.each(['free', 'host_pinned'] as const)('under %s, a header when a result comes, again after a result of another task', (strategy) => {
    expect(printed(interleaved(strategy))).toEqual([
      'PLAY [p]',
      'TASK [first]',
      'ok: [h1]',
      'TASK [second]',
      'changed: [h1] => (item=a)',
      'changed: [h1] => (item=b)',
      'TASK [first]',
      'ok: [h2]',
      // The loop's own result prints nothing, so no header either.
      'RUNNING HANDLER [handled]',
      'ok: [h1]',
      'TASK [second]',
      'skipping: [h2]',
    ]);
  });

  it('under free at -vv, the task path follows each header', () => {
    const lines = printed(interleaved('free'), 2);
    expect(lines.filter((line, index) => line.startsWith('TASK [') && !lines[index + 1]!.startsWith('task path: site.yaml:'))).toEqual([]);
    expect(lines.filter((line) => line.startsWith('task path: '))).toHaveLength(5);
  });

  it('under linear, a header when the task starts, for each start', () => {
    expect(printed(interleaved('linear')).filter((line) => line.startsWith('TASK') || line.startsWith('RUNNING'))).toEqual([
      'TASK [first]',
      'TASK [first]',
      'TASK [second]',
      'RUNNING HANDLER [handled]',
      'TASK [second]',
    ]);
  });

  it('under free, a serial batch shows its PLAY header but not the header of the task shown last again (ansible-playbook 2.14, measured: serial: 1, one task)', () => {
    const only = taskRef('only', 1, 1);
    const batch = (index: number, host: string): RunEvent => ({ kind: 'batch_start', name: 'p', hosts: [host], batchIndex: index, time: 0 });
    const events = [playStart('p', ['h1', 'h2'], 1, undefined, 'free'), batch(0, 'h1'), hostResult('h1', only, 'ok'), batch(1, 'h2'), hostResult('h2', only, 'ok')];
    expect(printed(events)).toEqual(['PLAY [p]', 'TASK [only]', 'ok: [h1]', 'PLAY [p]', 'ok: [h2]']);
  });

  it('a new play starts with no header shown: its first result brings one, whatever the task id', () => {
    const events = [...interleaved('free').slice(0, 4), playStart('q', ['h1'], 1, undefined, 'free'), hostResult('h1', first, 'ok')];
    expect(printed(events)).toEqual(['PLAY [p]', 'TASK [first]', 'ok: [h1]', 'PLAY [q]', 'TASK [first]', 'ok: [h1]']);
  });
});
