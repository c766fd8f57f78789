/**
 * set_stats' custom stats as Ansible's AggregateStats keeps them (measured
 * with ansible-playbook 2.14; test/compat/custom-stats.test.ts compares the
 * printed lines), and as the default callback prints them.
 */
import { describe, expect, it } from 'vitest';
import { CustomStats } from '../../engine/run/custom-stats.js';
import { SecretRegistry } from '../../engine/run/secrets.js';
import { PyFloat, pyFloat } from '../../engine/template/python.js';
import { customStatsLines } from '../../engine/views/custom-stats-text.js';

describe('custom stats', () => {
  it('adds as Python += does: int with bool, float with float, a value of another type ignored', () => {
    const stats = new CustomStats();
    stats.keep({ count: 1, flag: true, ratio: pyFloat(1), text: 'a', list: [1], tree: { a: { b: 1 }, l: [1] } }, undefined, true);
    stats.keep({ count: true, flag: 1, ratio: 2, text: 'b', list: [2], tree: { a: { c: 2 }, l: [2] } }, undefined, true);
    stats.keep({ count: 'x', flag: true, ratio: 0.5, text: 3, list: 'x', tree: [1] }, undefined, true);
    expect(stats.view()).toEqual({ hosts: {}, run: { count: 2, flag: 2, ratio: 1.5, text: 'ab', list: [1, 2], tree: { a: { b: 1, c: 2 }, l: [2] } } });
  });

  it('keeps per host apart from the run, replaces without aggregate, and lists hosts sorted', () => {
    const stats = new CustomStats();
    stats.keep({ n: 1 }, 'web2', true);
    stats.keep({ n: 1 }, 'db', true);
    stats.keep({ n: 5 }, 'db', true);
    stats.keep({ n: 7 }, 'web2', false);
    expect(Object.keys(stats.view()!.hosts)).toEqual(['db', 'web2']);
    expect(stats.view()).toEqual({ hosts: { db: { n: 6 }, web2: { n: 7 } }, run: undefined });
    expect(new CustomStats().view()).toBeUndefined();
  });

  it('refuses None += None with Python\'s words (ansible-playbook stops the run on it)', () => {
    const stats = new CustomStats();
    stats.keep({ nothing: null }, undefined, true);
    expect(() => stats.keep({ nothing: null }, undefined, true)).toThrow("unsupported operand type(s) for +=: 'NoneType' and 'NoneType'");
    stats.keep({ nothing: 1 }, undefined, true);
    expect(stats.view()!.run).toEqual({ nothing: null });
  });

  it('prints each host, then the run, as one-line JSON with indent 1, without the keys the callback hides', () => {
    const lines = customStatsLines({ hosts: { db: { size: '2', _ansible_no_log: true } }, run: { tree: { a: [1, pyFloat(2)] }, text: 'é', diff: 'x', exception: 'y' } }, 0);
    expect(lines).toEqual(['\tdb: { "size": "2"}', '', '\tRUN: { "text": "é", "tree": {  "a": [   1,   2.0  ] }}']);
    expect(customStatsLines({ hosts: {}, run: { diff: 'x' } }, 3)).toEqual(['', '\tRUN: { "diff": "x"}']);
  });

  it('a whole float keeps its type when known secrets are masked in it', () => {
    const secrets = new SecretRegistry();
    secrets.add('s3cret-value');
    const masked = secrets.mask({ ratio: pyFloat(2), note: 'is s3cret-value' });
    expect(masked.ratio).toBeInstanceOf(PyFloat);
    expect(customStatsLines({ hosts: {}, run: masked }, 0)).toEqual(['', '\tRUN: { "note": "is ********", "ratio": 2.0}']);
  });
});
