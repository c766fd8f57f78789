/**
 * ansible_play_hosts, play_hosts and ansible_play_batch list the hosts still
 * in the play: a host leaves them when it fails or is ended, and with serial
 * each batch sees its own hosts (the lists are computed again only then).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Lab } from '../lab/lab.js';
import { cxplay } from '../support/cli.js';

let lab: Lab;
let work: string;

beforeAll(async () => {
  lab = await Lab.start({ names: ['node1', 'node2', 'node3', 'node4'] });
  work = mkdtempSync(join(tmpdir(), 'cxplay-play-hosts-'));
  const show = (label: string) => `    - debug: {msg: "${label} {{ ansible_play_hosts | join(',') }}/{{ play_hosts | join(',') }}/{{ ansible_play_batch | join(',') }}"}`;
  writeFileSync(
    join(work, 'play.yaml'),
    [
      '- hosts: all',
      '  gather_facts: false',
      '  tasks:',
      show('before'),
      '    - fail: {msg: gone}',
      '      when: inventory_hostname == "node2"',
      show('after-fail'),
      '    - meta: end_host',
      '      when: inventory_hostname == "node3"',
      show('after-end'),
      '- hosts: all',
      '  gather_facts: false',
      '  serial: 2',
      '  tasks:',
      show('serial'),
      '',
    ].join('\n'),
  );
});

afterAll(async () => {
  await lab.stop();
  rmSync(work, { recursive: true, force: true });
});

it('lists the hosts still in the play and in the batch', async () => {
  const result = await cxplay(['run', join(work, 'play.yaml'), '-i', lab.inventoryPath, '-o', 'plain']);
  expect(result.code, result.stdout + result.stderr).toBe(2);
  const shown = [...result.stdout.matchAll(/\[(node\d)\] => \{[^}]*"msg": "(\S+) (\S+)"/g)].map((match) => `${match[1]} ${match[2]} ${match[3]}`);
  const all = 'node1,node2,node3,node4';
  expect(shown).toEqual([
    ...['node1', 'node2', 'node3', 'node4'].map((host) => `${host} before ${all}/${all}/${all}`),
    ...['node1', 'node3', 'node4'].map((host) => `${host} after-fail node1,node3,node4/node1,node3,node4/node1,node3,node4`),
    ...['node1', 'node4'].map((host) => `${host} after-end node1,node4/node1,node4/node1,node4`),
    // The next play: the failed host is out, the ended one back; batches of two.
    ...['node1', 'node3'].map((host) => `${host} serial node1,node3,node4/node1,node3,node4/node1,node3`),
    'node4 serial node1,node3,node4/node1,node3,node4/node4',
  ]);
});
