/**
 * The plain and JSON-lines outputs of a real run against the lab: piped
 * output is plain Ansible-like lines (also when the live view is asked for),
 * every JSON line validates against engine/schema/json-events.schema.json,
 * and the no_log secret shows in neither.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from '../lab/lab.js';
import { cxplay, parseRecap, projectRoot, type CommandResult } from '../support/cli.js';
import { SECRET, writePlaybooks } from './playbooks.js';

let lab: Lab;
let books: ReturnType<typeof writePlaybooks>;

beforeAll(async () => {
  books = writePlaybooks();
  // `gone` has an address of this lab with no sshd listening: unreachable, and no one else's host.
  lab = await Lab.start({ names: ['web1', 'web2', 'gone'], groups: { web: ['web1', 'web2', 'gone'], empty: [] }, hostVars: { gone: { ansible_port: 1 } } });
});

afterAll(async () => {
  await lab?.stop();
  rmSync(books.dir, { recursive: true, force: true });
});

function run(extra: readonly string[]): Promise<CommandResult> {
  return cxplay(['run', books.tour, '-i', lab.inventoryPath, '--known-hosts', lab.knownHostsPath, ...extra]);
}

describe('piped output', () => {
  it('is plain Ansible-like lines when stdout is not a terminal, even if the live view is asked for', async () => {
    for (const extra of [[], ['-o', 'tui']]) {
      const result = await run(extra);
      expect(result.code).toBe(4);
      const out = result.stdout;
      expect(out).not.toContain('\u001b[');
      expect(out).toMatch(/^PLAY \[Tour of results\] \*+$/m);
      expect(out).toMatch(/^TASK \[Say hello\] \*+$/m);
      expect(out).toMatch(/^changed: \[web1\]$/m);
      // A debug item shows its message alone, as Ansible's default callback cleans it.
      expect(out).toMatch(/^ok: \[web2\] => \(item=two\) => \{\n {4}"msg": "item two"\n\}$/m);
      expect(out).toMatch(/^skipping: \[web1\]$/m);
      expect(out).toMatch(/^fatal: \[web2\]: FAILED! => .*"rc": ?3.*"stderr": ?"disk full"/m);
      expect(out).toMatch(/^fatal: \[gone\]: UNREACHABLE! => /m);
      expect(out).toMatch(/^RUNNING HANDLER \[restart app\] \*+$/m);
      expect(result.stderr).toContain("no hosts matched 'empty'");
      expect(parseRecap(out)).toEqual({
        web1: { ok: 6, changed: 5, unreachable: 0, failed: 0, skipped: 2, rescued: 0, ignored: 0 },
        web2: { ok: 6, changed: 5, unreachable: 0, failed: 1, skipped: 0, rescued: 0, ignored: 0 },
        gone: { ok: 0, changed: 0, unreachable: 1, failed: 0, skipped: 0, rescued: 0, ignored: 0 },
      });
      expect(out).toMatch(/^TASK \[Use a secret\] \*+\nchanged: \[web\d\]\nchanged: \[web\d\]$/m);
      expect(out + result.stderr).not.toContain(SECRET);
    }
  });

  it('-v shows each result in detail (stdout, stderr), still never the no_log secret', async () => {
    const quiet = await run([]);
    expect(quiet.stdout).not.toContain('hello from web1');
    const verbose = await run(['-v']);
    expect(verbose.stdout).toMatch(/^changed: \[web1\] => \{.*"stdout": ?"hello from web1"/m);
    expect(verbose.stdout).toMatch(/^fatal: \[web2\]: FAILED! => \{.*"stderr": ?"disk full"/m);
    // Ansible's callback layout: Python's json.dumps, sorted keys, ", " and ": ".
    expect(verbose.stdout).toMatch(/^changed: \[web1\] => \{"censored": "the output has been hidden due to the fact that 'no_log: true' was specified for this result", "changed": true\}$/m);
    expect(await run(['-vv']).then((result) => result.stdout)).toMatch(/^task path: .*tour\.yaml:\d+$/m);
    expect(verbose.stdout + verbose.stderr).not.toContain(SECRET);
  });
});

describe('--output json', () => {
  const schema = JSON.parse(readFileSync(join(projectRoot, 'engine', 'schema', 'json-events.schema.json'), 'utf8')) as object;
  const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

  it('prints one event per line, each valid against the schema, ending with the recap', async () => {
    const result = await run(['-o', 'json', '--diff']);
    expect(result.code).toBe(4);
    const lines = result.stdout.trimEnd().split('\n');
    const events = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const event of events) {
      const valid = validate(event);
      expect(valid ? [] : validate.errors, JSON.stringify(event)).toEqual([]);
    }
    const types = new Set(events.map((event) => event.type));
    expect([...types].sort()).toEqual(['batch_start', 'handlers_start', 'host_result', 'host_task_start', 'play_end', 'play_start', 'playbook_start', 'recap', 'task_start', 'warning']);
    expect(events.at(-1)).toMatchObject({ type: 'recap', exitCode: 4, interrupted: false, hosts: { web2: { failed: 1 }, gone: { unreachable: 1 } } });
    expect(events.find((event) => event.type === 'play_start')).toMatchObject({ strategy: 'linear' });
    const failure = events.find((event) => event.type === 'host_result' && event.status === 'failed');
    expect(failure).toMatchObject({ host: 'web2', task: { name: 'Fail on web2', module: 'shell', index: 7, total: 7 }, result: { rc: 3, stderr: 'disk full' } });
    expect(String((failure?.task as { path: string }).path)).toMatch(/tour\.yaml:\d+$/);
    const secret = events.find((event) => event.type === 'host_result' && (event.task as { name: string }).name === 'Use a secret');
    expect(secret?.result).toEqual({ censored: "the output has been hidden due to the fact that 'no_log: true' was specified for this result", changed: true });
    expect(result.stdout).not.toContain(SECRET);
  });

  it('marks a failure caught by a rescue section as rescued, as the recap counts it', async () => {
    const result = await cxplay(['run', books.rescue, '-i', lab.inventoryPath, '--known-hosts', lab.knownHostsPath, '--limit', 'web1', '-o', 'json']);
    expect(result.code).toBe(0);
    const events = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const event of events) expect(validate(event), JSON.stringify(validate.errors)).toBe(true);
    const results = events.filter((event) => event.type === 'host_result').map((event) => [(event.task as { name: string }).name, event.status, event.rescued]);
    expect(results).toEqual([
      ['Fails, then rescued', 'failed', true],
      ['Rescue it', 'changed', false],
    ]);
    expect(events.at(-1)).toMatchObject({ type: 'recap', hosts: { web1: { ok: 1, changed: 1, failed: 0, rescued: 1 } } });
  });

  it('shows the diff of a task with diff: true without --diff, and a debug variable without bookkeeping keys', async () => {
    const playbook = join(books.dir, 'diff-keyword.yaml');
    writeFileSync(
      playbook,
      [
        '- hosts: web1',
        '  gather_facts: false',
        '  tasks:',
        '    - copy: {content: "first\\n", dest: /tmp/diff-keyword.txt}',
        '    - copy: {content: "second\\n", dest: /tmp/diff-keyword.txt}',
        '      diff: true',
        '    - debug: {var: inventory_hostname}',
        '',
      ].join('\n'),
    );
    const result = await cxplay(['run', playbook, '-i', lab.inventoryPath, '--known-hosts', lab.knownHostsPath, '-o', 'plain']);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout.match(/^--- before/gm)).toHaveLength(1);
    expect(result.stdout).toMatch(/^-first\n\+second$/m);
    expect(result.stdout).toMatch(/^ok: \[web1\] => \{\n {4}"inventory_hostname": "web1"\n\}$/m);
  });

  it('the schema rejects what it does not describe', () => {
    const good = { version: 1, type: 'play_end', time: '2026-01-01T00:00:00.000Z', name: 'x' };
    expect(validate(good)).toBe(true);
    expect(validate({ ...good, surprise: 1 })).toBe(false);
    expect(validate({ ...good, type: 'play_ended' })).toBe(false);
    expect(validate({ version: 1, type: 'host_result', time: good.time, host: 'a', status: 'weird' })).toBe(false);
    const play = { version: 1, type: 'play_start', time: good.time, name: 'x', strategy: 'free', hosts: ['a'], playIndex: 0, taskCount: 1 };
    expect(validate(play)).toBe(true);
    expect(validate({ ...play, strategy: 'parallel' })).toBe(false);
    const { strategy: _strategy, ...withoutStrategy } = play;
    expect(validate(withoutStrategy)).toBe(false);
  });
});
