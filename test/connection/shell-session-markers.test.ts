/**
 * The shell session finds the end of a script's output by the markers its
 * shell prints after it: split over chunks at any byte, after output of any
 * size, and never fooled by look-alikes (another token, a marker that does
 * not end the stream, no exit code). A fake channel stands in for sshd, so
 * every split is tried.
 */
import { EventEmitter } from 'node:events';
import type { Client } from 'ssh2';
import { describe, expect, it } from 'vitest';
import type { ExecResult } from '../../engine/connection/connection.js';
import { ShellSession } from '../../engine/connection/shell-session.js';

class FakeChannel extends EventEmitter {
  readonly stderr = new EventEmitter();
  readonly written: string[] = [];
  write(text: string): boolean {
    this.written.push(text);
    return true;
  }
  close(): void {
    this.emit('close');
  }
}

async function session(): Promise<{ session: ShellSession; channel: FakeChannel }> {
  const channel = new FakeChannel();
  const client = { exec: (_command: string, callback: (error: Error | undefined, channel: FakeChannel) => void) => callback(undefined, channel) };
  const opening = ShellSession.open(client as unknown as Client);
  channel.emit('data', Buffer.from('4242\n'));
  return { session: await opening, channel };
}

/** The token of the script just written: cx_run 'SCRIPT' TOKEN */
function token(channel: FakeChannel): string {
  return / (\w+)\n$/.exec(channel.written.at(-1)!)![1]!;
}

/** Emits `data` in pieces cut at `cuts`. */
async function feed(emitter: EventEmitter, data: Buffer, cuts: number[]): Promise<void> {
  let from = 0;
  for (const cut of [...cuts, data.length]) {
    if (cut > from) emitter.emit('data', data.subarray(from, cut));
    from = cut;
  }
}

function settled(promise: Promise<ExecResult>): Promise<ExecResult | 'pending'> {
  return Promise.race([promise, new Promise<'pending'>((resolve) => setImmediate(() => resolve('pending')))]);
}

describe('shell session end markers', () => {
  it('finds both markers split at every byte', async () => {
    const { session: shell, channel } = await session();
    for (let cut = 0; cut < 60; cut += 1) {
      const running = shell.run('true');
      const id = token(channel);
      const stdout = Buffer.from(`out é\n\n@@cxend_${id} 17\n`);
      const stderr = Buffer.from(`err\n@@cxend_${id}\n`);
      await feed(channel, stdout, [Math.min(cut, stdout.length)]);
      expect(await settled(running)).toBe('pending');
      await feed(channel.stderr, stderr, [Math.min(cut, stderr.length)]);
      expect(await running).toEqual({ rc: 17, stdout: 'out é\n', stderr: 'err' });
    }
  });

  it('finds the markers after megabytes cut into many chunks, one byte at the end', async () => {
    const { session: shell, channel } = await session();
    const running = shell.run('big');
    const id = token(channel);
    const body = Buffer.alloc(3_000_000, 'a\n');
    const stdout = Buffer.concat([body, Buffer.from(`\n@@cxend_${id} 0\n`)]);
    const cuts = Array.from({ length: 100 }, (_, index) => index * 30_000).concat(Array.from({ length: 40 }, (_, index) => stdout.length - 40 + index));
    await feed(channel, stdout, cuts);
    await feed(channel.stderr, Buffer.from(`\n@@cxend_${id}\n`), []);
    const result = await running;
    expect({ rc: result.rc, length: result.stdout.length, same: result.stdout === body.toString() }).toEqual({ rc: 0, length: 3_000_000, same: true });
  });

  it('is not fooled by look-alike markers', async () => {
    const { session: shell, channel } = await session();
    const stdoutFirst = shell.run('tricky stdout');
    const id = token(channel);
    channel.stderr.emit('data', Buffer.from(`\n@@cxend_${id}\n`));
    const lookAlikes = [`\n@@cxend_${'0'.repeat(id.length)} 0\n`, `\n@@cxend_${id} \n`, `x@@cxend_${id} 0\n`, `\n@@cxend_${id} 1234\n`, `\n@@cxend_${id} 0\nmore\n`];
    for (const text of lookAlikes) {
      channel.emit('data', Buffer.from(text));
      expect(await settled(stdoutFirst), text).toBe('pending');
    }
    channel.emit('data', Buffer.from(`\n@@cxend_${id} 255\n`));
    expect(await stdoutFirst).toEqual({ rc: 255, stdout: lookAlikes.join(''), stderr: '' });

    const stderrLast = shell.run('tricky stderr');
    const other = 'f'.repeat(id.length);
    channel.emit('data', Buffer.from(`\n@@cxend_${id} 0\n`));
    for (const text of [`\n@@cxend_${other}\n`, `x@@cxend_${id}\n`, `\n@@cxend_${id}\nmore\n`]) {
      channel.stderr.emit('data', Buffer.from(text));
      expect(await settled(stderrLast), text).toBe('pending');
    }
    channel.stderr.emit('data', Buffer.from(`\n@@cxend_${id}\n`));
    expect(await stderrLast).toEqual({ rc: 0, stdout: '', stderr: `\n@@cxend_${other}\nx@@cxend_${id}\n\n@@cxend_${id}\nmore\n` });
  });
});
