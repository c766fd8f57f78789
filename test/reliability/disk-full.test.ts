/**
 * A full disk on the target (a 256 KiB tmpfs mounted by the lab host's setup,
 * nearly filled): copy, template and lineinfile fail with a message that
 * says so, the original file is intact and no temp file is left behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from '../lab/lab.js';
import { parseRecap } from '../support/cli.js';
import { cxplayRun, labInventory, scratch, type Scratch } from './support.js';

let lab: Lab;
let work: Scratch;
const big = 'x'.repeat(200 * 1024);

beforeAll(async () => {
  lab = await Lab.start({ names: ['node1'], setup: () => 'mkdir -p /opt/small && mount -t tmpfs -o size=256k tmpfs /opt/small' });
  work = scratch('disk-full');
  work.write('inventory.yaml', labInventory(lab));
  work.write('templates/big.conf.hbs', `{{ filler }}\n`);
  work.write('playbook.yaml', [
    {
      name: 'Writes that do not fit',
      hosts: 'all',
      gather_facts: false,
      vars: { filler: big },
      tasks: [
        { name: 'copy', copy: { content: big, dest: '/opt/small/app.conf' }, ignore_errors: true },
        { name: 'template', template: { src: 'big.conf.hbs', dest: '/opt/small/app.conf' }, ignore_errors: true },
        { name: 'lineinfile', lineinfile: { path: '/opt/small/app.conf', line: big }, ignore_errors: true },
      ],
    },
  ]);
});

afterAll(async () => {
  await lab?.stop();
  work?.remove();
});

describe('a full disk on the target', () => {
  it('fails each write clearly and keeps the original file', async () => {
    await lab.exec('node1', "printf 'original\\n' > /opt/small/app.conf && dd if=/dev/zero of=/opt/small/filler bs=1k count=200 2>/dev/null; true");
    const result = await cxplayRun(['run', 'playbook.yaml', '-i', 'inventory.yaml'], { cwd: work.dir });
    expect(result.code).toBe(0);
    expect(parseRecap(result.stdout).node1).toMatchObject({ changed: 0, failed: 0, ignored: 3 });
    const failures = result.stdout.split('\n').filter((line) => line.startsWith('fatal: [node1]'));
    expect(failures).toHaveLength(3);
    for (const line of failures) expect(line).toMatch(/could not write \/opt\/small\/app\.conf \(disk full or read-only\?\); the original is unchanged/);
    expect((await lab.exec('node1', 'cat /opt/small/app.conf')).stdout).toBe('original\n');
    expect((await lab.exec('node1', 'ls -a /opt/small')).stdout.split('\n').filter(Boolean).sort()).toEqual(['.', '..', 'app.conf', 'filler']);
  });
});
