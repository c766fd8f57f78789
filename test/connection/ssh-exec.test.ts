/**
 * SshConnection.exec against a real sshd: a script run in the connection's
 * shell session sees what a channel of its own would give it (fresh shell,
 * exact stdout/stderr/rc, EOF on stdin, nothing left over from the previous
 * script), concurrent execs all complete, and a timed-out script is ended
 * without taking the connection with it. A batch of checks costs the host one
 * process per member, none around them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExecTimeoutError } from '../../engine/connection/connection.js';
import type { SshConnection } from '../../engine/connection/ssh.js';
import { ExecBatch } from '../../engine/run/exec-batch.js';
import { Lab } from '../lab/lab.js';
import { openLabConnection } from '../support/lab-connection.js';

let lab: Lab;
let conn: SshConnection;

beforeAll(async () => {
  lab = await Lab.start({ hosts: 1 });
  conn = await openLabConnection(lab);
});

afterAll(async () => {
  await conn?.close();
  await lab?.stop();
});

describe('ssh exec', () => {
  it('gives exact output and exit codes, and a fresh shell each time', async () => {
    expect(await conn.exec("printf 'no newline'; printf 'err\\n\\n' >&2; exit 3")).toEqual({ rc: 3, stdout: 'no newline', stderr: 'err\n\n' });
    await conn.exec('cx_leak=1; cd /tmp; trap "echo trapped" EXIT; umask 077');
    expect(await conn.exec('echo "${cx_leak:-unset} $(pwd) $(umask)"')).toMatchObject({ rc: 0, stdout: 'unset /root 0022\n' });
    expect(await conn.exec('printf "%s" "$(cat)"')).toEqual({ rc: 0, stdout: '', stderr: '' });
    const binary = await conn.exec("printf '\\303\\251\\n@@cxend_ 0\\n'");
    expect(binary.stdout).toBe('é\n@@cxend_ 0\n');
    expect(conn.execCount).toBe(5);
  });

  it('carries large output on both streams whole', async () => {
    const result = await conn.exec("head -c 3000000 /dev/zero | tr '\\0' a; head -c 70000 /dev/zero | tr '\\0' b >&2; exit 7");
    expect({ rc: result.rc, out: result.stdout.length, err: result.stderr.length }).toEqual({ rc: 7, out: 3_000_000, err: 70_000 });
    expect(result.stdout.replace(/a/g, '') + result.stderr.replace(/b/g, '')).toBe('');
  });

  it('runs concurrent execs to completion, each with its own result', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, (_, index) => conn.exec(`sleep 0.0${index % 3}; echo ${index}`)));
    expect(results.map((result) => result.stdout)).toEqual(Array.from({ length: 12 }, (_, index) => `${index}\n`));
  });

  it('ends a script that outlives its timeout, and the next exec still works', async () => {
    await expect(conn.exec('sleep 30', { timeoutMs: 300 })).rejects.toBeInstanceOf(ExecTimeoutError);
    expect(await conn.exec('echo after')).toMatchObject({ rc: 0, stdout: 'after\n' });
    // TERM ends the script's process group at once (the killer's own `sleep 2` is the only sleep left).
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await lab.exec(lab.hosts[0]!.name, 'ps -eo args | grep -cx "sleep 30"')).stdout).toBe('0\n');
  });

  it('runs a batch of checks with each member a child of the session shell, and a lone script in a subshell of its own', async () => {
    // `$$` is the session shell's pid in any subshell of it; /proc/self/stat is the subshell's own (its 4th field the parent's pid).
    const parentAndSession = 'read -r _ _ _ parent _ < /proc/self/stat; echo "$parent $$"';
    const batch = new ExecBatch(async () => conn, () => true);
    const members = [batch.join(), batch.join()];
    const results = await Promise.all(members.map(async (member) => (await member.connect()).exec(parentAndSession).finally(() => member.end())));
    for (const result of results) {
      const [parent, session] = result.stdout.trim().split(' ');
      expect(parent).toBe(session);
    }
    const [loneParent, loneSession] = (await conn.exec(`( ${parentAndSession} )`)).stdout.trim().split(' ');
    expect(loneParent).not.toBe(loneSession);
    expect(await conn.exec('echo "${parent:-unset}"')).toMatchObject({ stdout: 'unset\n' });
  });
});
