/**
 * PLAY RECAP lists the hosts sorted by name, as ansible-playbook 2.14's
 * default callback does (`sorted(stats.processed.keys())`), not in inventory
 * order: the same rows in the same order, on local connections.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { hasAnsible } from '../support/ansible.js';
import { cxplay, projectRoot } from '../support/cli.js';
import { recordedPlaybook } from '../support/recorded-command.js';

const dir = resolve(projectRoot, 'test', 'compat', 'recap-order');
const work = mkdtempSync(join(tmpdir(), 'cxplay-recap-order-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The host names of the recap rows, in the order printed. */
function recapRows(stdout: string): string[] {
  return stdout
    .slice(stdout.lastIndexOf('PLAY RECAP'))
    .split('\n')
    .flatMap((line) => /^(\S+)\s+: ok=/.exec(line)?.[1] ?? []);
}

it.skipIf(!hasAnsible)('PLAY RECAP rows come sorted by host name, as in ansible-playbook', async () => {
  const args = ['-i', join(dir, 'inventory.ini'), join(dir, 'play.yaml')];
  // Recorded while the inventory, the playbook and this file are unchanged.
  const reference = await recordedPlaybook({ name: 'recap-order/play.yaml', inputs: [dir, fileURLToPath(import.meta.url)], work, args, cwd: dir, pipelining: false });
  const ours = await cxplay(['run', ...args, '-o', 'plain'], { cwd: dir });
  expect(recapRows(reference.stdout)).toEqual(['Web10', 'app', 'db1', 'web10', 'web2']);
  expect(recapRows(ours.stdout), ours.stdout + ours.stderr).toEqual(recapRows(reference.stdout));
});
