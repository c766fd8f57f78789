/**
 * An interrupted exec ends its remote process group, and closing the
 * connection right after (as the runner does when Ctrl-C stops a run) does
 * not cut that kill short.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ExecAbortedError } from '../../engine/connection/connection.js';
import { Lab } from '../lab/lab.js';
import { openLabConnection } from '../support/lab-connection.js';

let lab: Lab;

beforeAll(async () => {
  lab = await Lab.start({ names: ['box'] });
});

afterAll(async () => {
  await lab?.stop();
});

/** The exact command line: ps and grep themselves never match it. */
const sleeping = () => lab.exec('box', "ps -eo args | grep -qx 'sleep 300'").then((result) => result.code === 0);

async function until(test: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (await test()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('never happened');
}

it('an interrupted command is ended on the host before close() returns', async () => {
  const connection = await openLabConnection(lab, { host: 'box', keepaliveIntervalMs: 0 });
  const interrupt = new AbortController();
  const running = connection.exec('sleep 300\n', { signal: interrupt.signal });
  await until(sleeping);
  interrupt.abort();
  await expect(running).rejects.toBeInstanceOf(ExecAbortedError);
  await connection.close();
  expect(await sleeping()).toBe(false);
});
