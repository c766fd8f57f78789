/**
 * ExecBatch: several module runs' scripts in one remote exec, each result as
 * if its script had run alone (stdout without a final newline, stderr, exit
 * codes, a script that exits early), members that end without an exec, a
 * later exec sent only while still wanted, and a fallback to one exec per
 * script when the combined output cannot be split.
 */
import { describe, expect, it } from 'vitest';
import { LocalConnection } from '../../engine/connection/local.js';
import type { Connection, ExecOptions, ExecResult } from '../../engine/connection/connection.js';
import { ExecBatch } from '../../engine/run/exec-batch.js';

function batchOver(connection: Connection, stillWanted = () => true): ExecBatch {
  return new ExecBatch(async () => connection, stillWanted);
}

async function execAs(batch: ExecBatch, script: string): Promise<ExecResult> {
  const member = batch.join();
  try {
    return await (await member.connect()).exec(script);
  } finally {
    member.end();
  }
}

describe('ExecBatch', () => {
  it('runs every member in one exec and gives each its own result', async () => {
    const connection = new LocalConnection();
    const batch = batchOver(connection);
    const scripts = [
      "printf 'first\\n'; printf 'warn\\n' >&2",
      "printf 'no newline é'; exit 3",
      'exit 0; echo never',
      "cd /; x=1; printf '%s' \"$x\"; printf 'err' >&2; false",
    ];
    const results = await Promise.all(scripts.map((script) => execAs(batch, script)));
    expect(results).toEqual([
      { rc: 0, stdout: 'first\n', stderr: 'warn\n' },
      { rc: 3, stdout: 'no newline é', stderr: '' },
      { rc: 0, stdout: '', stderr: '' },
      { rc: 1, stdout: '1', stderr: 'err' },
    ]);
    expect(connection.execCount).toBe(1);
  });

  it('does not wait for a member that ends without an exec', async () => {
    const connection = new LocalConnection();
    const batch = batchOver(connection);
    const idle = batch.join();
    const running = execAs(batch, 'echo alone');
    idle.end();
    expect(await running).toEqual({ rc: 0, stdout: 'alone\n', stderr: '' });
  });

  it('sends a later exec of another member only while it is still wanted', async () => {
    let wanted = true;
    const connection = new LocalConnection();
    const batch = batchOver(connection, () => wanted);
    const first = batch.join();
    const second = batch.join();
    const secondConnection = await second.connect();
    const firstRun = (await first.connect()).exec('echo one');
    const secondRun = secondConnection.exec('echo two').then(() => secondConnection.exec('echo again'));
    expect(await firstRun).toMatchObject({ stdout: 'one\n' });
    wanted = false;
    first.end();
    await expect(secondRun).rejects.toThrow('no longer wanted');
    second.end();
    expect(connection.execCount).toBe(1);
  });

  it('runs each script alone when the combined output cannot be split', async () => {
    const scripts: string[] = [];
    const garbling: Connection = {
      host: 'h',
      execCount: 0,
      unendedCommands: 0,
      alive: true,
      close: async () => undefined,
      exec: async (script: string, _options?: ExecOptions) => {
        scripts.push(script);
        return scripts.length === 1 ? { rc: 1, stdout: '', stderr: 'sudo: a password is required\n' } : { rc: 0, stdout: `ran ${scripts.length}`, stderr: '' };
      },
    };
    const batch = batchOver(garbling);
    const results = await Promise.all([execAs(batch, 'a'), execAs(batch, 'b')]);
    expect(results.map((result) => result.stdout)).toEqual(['ran 2', 'ran 3']);
    expect(scripts.slice(1)).toEqual(['a', 'b']);
  });
});
