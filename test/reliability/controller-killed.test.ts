/**
 * The controller killed with SIGKILL (no handler runs) while it sends large
 * files to two hosts: no destination is ever half-written (each is either
 * absent or whole), the temp files go away once sshd sees the connection
 * drop, and a rerun converges.
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from '../lab/lab.js';
import { parseRecap } from '../support/cli.js';
import { cxplayRun, labInventory, scratch, startCxplay, waitUntil, type Scratch } from './support.js';

let lab: Lab;
let work: Scratch;
const hosts = ['node1', 'node2'];
const dests = ['/opt/a.bin', '/opt/b.bin', '/opt/c.bin', '/opt/d.bin'];
let wholeSum: string;

beforeAll(async () => {
  lab = await Lab.start({ names: hosts });
  work = scratch('controller-killed');
  work.write('inventory.yaml', labInventory(lab));
  const data = randomBytes(12 * 1024 * 1024);
  wholeSum = createHash('sha1').update(data).digest('hex');
  work.write('files/big.bin', data);
  work.write('playbook.yaml', [
    { name: 'Large files', hosts: 'all', gather_facts: false, tasks: [{ name: 'Copy', copy: { src: 'big.bin', dest: '{{ item }}' }, loop: dests }] },
  ]);
});

afterAll(async () => {
  await lab?.stop();
  work?.remove();
});

/** `name sha1` for each destination that exists on the host. */
async function destSums(host: string): Promise<string[]> {
  const { stdout } = await lab.exec(host, `for f in ${dests.join(' ')}; do [ -e "$f" ] && echo "$f $(sha1sum < "$f" | cut -c1-40)"; done; true`);
  return stdout.split('\n').filter(Boolean);
}

describe('the controller killed with SIGKILL while writing files', () => {
  it('leaves every destination absent or whole, no temp files, and a rerun converges', async () => {
    const running = startCxplay(['run', 'playbook.yaml', '-i', 'inventory.yaml'], { cwd: work.dir });
    // A temp file while the third file is not there yet: at least one destination is still to come when the kill lands.
    await waitUntil(async () => {
      const listing = (await lab.exec('node1', 'ls -a /opt; test -e /opt/c.bin && echo third-done')).stdout;
      return listing.includes('.cxplay.') && !listing.includes('third-done');
    }, 'a temp file on node1 before the third file');
    running.child.kill('SIGKILL');
    const killed = await running.done;
    expect(killed.signal).toBe('SIGKILL');

    for (const host of hosts) {
      await waitUntil(async () => !(await lab.exec(host, 'ls -a /opt')).stdout.includes('.cxplay.'), `temp files gone on ${host}`, 200);
      for (const line of await destSums(host)) expect(line, host).toMatch(new RegExp(` ${wholeSum}$`));
    }
    expect((await destSums('node1')).length).toBeLessThan(dests.length);

    const rerun = await cxplayRun(['run', 'playbook.yaml', '-i', 'inventory.yaml'], { cwd: work.dir });
    expect(rerun.code).toBe(0);
    for (const host of hosts) expect(await destSums(host)).toEqual(dests.map((dest) => `${dest} ${wholeSum}`));
    const again = await cxplayRun(['run', 'playbook.yaml', '-i', 'inventory.yaml'], { cwd: work.dir });
    expect(again.code).toBe(0);
    for (const host of hosts) expect(parseRecap(again.stdout)[host]).toMatchObject({ ok: 1, changed: 0 });
  }, 120_000);
});
