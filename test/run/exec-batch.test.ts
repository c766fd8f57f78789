/**
 * ExecBatch: several module runs' scripts in one remote exec, each result as
 * if its script had run alone (stdout without a final newline, stderr, exit
 * codes, a script that exits early), members that end without an exec, a
 * later exec sent only while still wanted, and a fallback to one exec per
 * script when the combined output cannot be split. A batch that applies
 * (fused execution) stops at the first member that fails, and sends nothing
 * of a member after one that ended badly.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalConnection } from '../../engine/connection/local.js';
import type { Connection, ExecOptions, ExecResult } from '../../engine/connection/connection.js';
import { ExecBatch, NotSent } from '../../engine/run/exec-batch.js';

function batchOver(connection: Connection, stillWanted = () => true, applies = false): ExecBatch {
  return new ExecBatch(async () => connection, stillWanted, applies);
}

/** A member's exec result, or the error it was refused with. */
function settled(run: Promise<ExecResult>): Promise<ExecResult | Error> {
  return run.catch((error: Error) => error);
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

  describe('applying', () => {
    it('stops after a member that exits non-zero or reports failed=1; the members after it do not run', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'cxplay-batch-'));
      try {
        for (const failing of ['printf out; exit 2', "printf '@@cx msg=no\\n@@cx failed=1\\n'"]) {
          const connection = new LocalConnection();
          const batch = batchOver(connection, () => true, true);
          const scripts = [`printf 'one\\n\\n'; touch ${dir}/one`, failing, `touch ${dir}/three`];
          const members = scripts.map(() => batch.join());
          const results = await Promise.all(scripts.map(async (script, index) => settled((await members[index]!.connect()).exec(script))));
          expect(results[0]).toEqual({ rc: 0, stdout: 'one\n\n', stderr: '' });
          expect(results[1]).toMatchObject({ stdout: failing.startsWith('printf out') ? 'out' : '@@cx msg=no\n@@cx failed=1\n' });
          expect(results[2]).toBeInstanceOf(NotSent);
          expect(members.map((member) => member.refused)).toEqual([false, false, true]);
          expect(existsSync(`${dir}/one`)).toBe(true);
          expect(existsSync(`${dir}/three`)).toBe(false);
          expect(connection.execCount).toBe(1);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('sends nothing of a member after one that ended badly without an exec', async () => {
      const connection = new LocalConnection();
      const batch = batchOver(connection, () => true, true);
      const first = batch.join();
      const second = batch.join();
      const running = settled((await second.connect()).exec('echo never'));
      first.end(false);
      expect(await running).toBeInstanceOf(NotSent);
      expect(connection.execCount).toBe(0);
    });

    it('runs only the first member alone when the combined output cannot be split', async () => {
      const scripts: string[] = [];
      const refusing: Connection = {
        host: 'h',
        execCount: 0,
        unendedCommands: 0,
        alive: true,
        close: async () => undefined,
        exec: async (script: string) => {
          scripts.push(script);
          return scripts.length === 1 ? { rc: 1, stdout: '', stderr: 'sudo: a password is required\n' } : { rc: 0, stdout: 'ran', stderr: '' };
        },
      };
      const batch = batchOver(refusing, () => true, true);
      const results = await Promise.all(['a', 'b'].map((script) => settled(execAs(batch, script))));
      expect(results[0]).toMatchObject({ stdout: 'ran' });
      expect(results[1]).toBeInstanceOf(NotSent);
      expect(scripts.slice(1)).toEqual(['a']);
    });
  });
});
