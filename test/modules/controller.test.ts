/** set_fact, debug, assert, fail and pause: Ansible's results, computed on the controller without any exec. */
import { describe, expect, it } from 'vitest';
import { UndefinedVariableError } from '../../engine/errors.js';
import { findModule } from '../../engine/modules/registry.js';
import { runModule } from './context.js';

const mod = (name: string) => findModule(name)!;
const vars = { port: 6443, nodes: ['a', 'b'], conf: { name: 'x' }, empty: '' };

describe('controller modules', () => {
  it('never touch the host', async () => {
    for (const [name, args] of [
      ['set_fact', { a: 1 }],
      ['debug', { msg: 'hi' }],
      ['assert', { that: 'port > 1' }],
      ['fail', {}],
      ['pause', { seconds: 1 }],
    ] as const) {
      expect(mod(name).runsOn).toBe('controller');
      expect((await runModule(mod(name), { args: { ...args }, vars })).execs).toBe(0);
    }
  });
});

describe('set_fact', () => {
  it('returns the facts, unchanged, with Ansible\'s string-to-boolean rule', async () => {
    const { result } = await runModule(mod('set_fact'), { args: { a: 'yes', b: 'False', c: 'maybe', d: [1], cacheable: true } });
    expect(result).toEqual({ changed: false, ansible_facts: { a: true, b: false, c: 'maybe', d: [1] } });
  });

  it('needs at least one fact', async () => {
    expect((await runModule(mod('set_fact'), { args: {} })).result).toMatchObject({ failed: true, msg: 'No key/value pairs provided, at least one is required for this action to succeed' });
  });
});

describe('debug', () => {
  it('shows msg, or Hello world!', async () => {
    expect((await runModule(mod('debug'), { args: { msg: ['a', 1] } })).result).toEqual({ changed: false, failed: false, msg: ['a', 1] });
    expect((await runModule(mod('debug'), { args: {} })).result).toEqual({ changed: false, failed: false, msg: 'Hello world!' });
  });

  it('shows a variable under its own name, and says when it is not defined', async () => {
    expect((await runModule(mod('debug'), { args: { var: 'conf.name' }, vars })).result).toEqual({ changed: false, failed: false, 'conf.name': 'x' });
    expect((await runModule(mod('debug'), { args: { var: 'nodes | length' }, vars })).result).toMatchObject({ 'nodes | length': 2 });
    expect((await runModule(mod('debug'), { args: { var: 'nothing' }, vars })).result).toMatchObject({ nothing: 'VARIABLE IS NOT DEFINED!' });
    expect((await runModule(mod('debug'), { args: { var: 'nothing' }, vars, verbosity: 1 })).result.nothing).toMatch(/^VARIABLE IS NOT DEFINED!: 'nothing' is undefined/);
  });

  it('is skipped below its verbosity', async () => {
    expect((await runModule(mod('debug'), { args: { msg: 'x', verbosity: 2 }, verbosity: 1 })).result).toEqual({ changed: false, failed: false, skipped: true, skipped_reason: 'Verbosity threshold not met.' });
    expect((await runModule(mod('debug'), { args: { msg: 'x', verbosity: 2 }, verbosity: 2 })).result).toMatchObject({ msg: 'x' });
  });

  it('refuses msg with var', async () => {
    expect((await runModule(mod('debug'), { args: { msg: 'x', var: 'port' }, vars })).result).toMatchObject({ failed: true, msg: "'msg' and 'var' are incompatible options" });
  });
});

describe('assert', () => {
  it('passes when every condition holds', async () => {
    expect((await runModule(mod('assert'), { args: { that: ['port == 6443', 'nodes | length == 2', true], quiet: true }, vars })).result).toEqual({ changed: false, msg: 'All assertions passed' });
    expect((await runModule(mod('assert'), { args: { that: 'port > 1', success_msg: 'fine' }, vars })).result).toEqual({ changed: false, msg: 'fine' });
  });

  it('fails on the first false condition, naming it', async () => {
    const { result } = await runModule(mod('assert'), { args: { that: ['port == 6443', 'empty', 'port == 1'] }, vars });
    expect(result).toEqual({ changed: false, failed: true, assertion: 'empty', evaluated_to: false, msg: 'Assertion failed' });
    expect((await runModule(mod('assert'), { args: { that: 'port == 1', fail_msg: ['bad', 'port'] }, vars })).result).toMatchObject({ msg: ['bad', 'port'] });
    expect((await runModule(mod('assert'), { args: { that: 'port == 1', msg: 'old name' }, vars })).result).toMatchObject({ msg: 'old name' });
  });

  it('lets an undefined name fail the task with the name', async () => {
    await expect(runModule(mod('assert'), { args: { that: 'missing == 1' }, vars })).rejects.toThrow(UndefinedVariableError);
  });
});

describe('fail', () => {
  it('fails with the message, or Ansible\'s default', async () => {
    expect((await runModule(mod('fail'), { args: { msg: 'stop here' } })).result).toEqual({ changed: false, failed: true, msg: 'stop here' });
    expect((await runModule(mod('fail'), { args: {} })).result).toEqual({ changed: false, failed: true, msg: 'Failed as requested from task' });
  });
});

describe('pause', () => {
  it('waits and reports as Ansible does', async () => {
    const { result } = await runModule(mod('pause'), { args: { seconds: '1' } });
    expect(result).toMatchObject({ changed: false, rc: 0, stderr: '', echo: true, user_input: '' });
    expect(result.stdout).toMatch(/^Paused for \d+\.\d+ seconds$/);
    expect(result.start).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$/);
  });

  it('ends early when the run is interrupted', async () => {
    const controller = new AbortController();
    const pending = runModule(mod('pause'), { args: { minutes: 60 }, signal: controller.signal });
    controller.abort();
    expect((await pending).result).toMatchObject({ changed: false, rc: 0 });
  });

  it('shows its lines as Ansible does: the time, then the prompt under the task name', async () => {
    const { displayed } = await runModule(mod('pause'), { args: { seconds: 1, prompt: 'Wait a bit', echo: false }, taskName: 'role : wait' });
    expect(displayed).toEqual(['Pausing for 1 seconds (output is hidden)', "(ctrl+C then 'C' = continue early, ctrl+C then 'A' = abort)\r", '[role : wait]\nWait a bit (output is hidden):']);
  });

  it('does not wait for a prompt when stdin is no terminal, with the warning, and takes the answer from one', async () => {
    const none = await runModule(mod('pause'), { args: { prompt: 'Continue?' } });
    expect(none.result).toMatchObject({ changed: false, user_input: '', stdout: 'Paused for 0.0 minutes' });
    expect(none.displayed).toEqual(['[pause]\nContinue?:', '[WARNING]: Not waiting for response to prompt as stdin is not interactive']);
    expect(none.warnings).toEqual([]);
    const asked: boolean[] = [];
    const answered = await runModule(mod('pause'), { args: { echo: false }, askOperator: async (echo) => (asked.push(echo), 'typed') });
    expect(answered.result).toMatchObject({ changed: false, user_input: 'typed', echo: false });
    expect(answered.displayed).toEqual(['[pause]\nPress enter to continue, Ctrl+C to interrupt (output is hidden):']);
    expect(asked).toEqual([false]);
    const aborted = await runModule(mod('pause'), { args: {}, askOperator: () => Promise.reject(new Error('user requested abort!')) });
    expect(aborted.result).toEqual({ changed: false, failed: true, msg: 'user requested abort!' });
  });

  it('refuses both units at once', async () => {
    expect((await runModule(mod('pause'), { args: { seconds: 1, minutes: 1 } })).result).toMatchObject({ failed: true, msg: 'parameters are mutually exclusive: minutes|seconds' });
  });
});

describe('validate_argument_spec', () => {
  const spec = { type: 'object', properties: { port: { type: 'integer' }, nodes: { type: 'array' }, absent: { type: 'string' } }, required: ['port'] };

  it('passes with the values the host sees, leaving out what is not defined', async () => {
    const { result, execs } = await runModule(mod('validate_argument_spec'), { args: { argument_spec: spec }, vars });
    expect(result).toEqual({ changed: false, msg: 'The arg spec validation passed', validate_args_context: {} });
    expect(execs).toBe(0);
  });

  it('fails naming each variable of the wrong type or missing', async () => {
    const { result } = await runModule(mod('validate_argument_spec'), { args: { argument_spec: spec }, vars: { port: 'high', nodes: 'a' } });
    expect(result).toMatchObject({ changed: false, failed: true, argument_errors: ['port must be integer', 'nodes must be array'] });
    expect((await runModule(mod('validate_argument_spec'), { args: { argument_spec: spec }, vars: {} })).result).toMatchObject({ failed: true, argument_errors: ['port must have required property \'port\''] });
  });
});
