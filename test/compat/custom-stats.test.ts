/**
 * set_stats' CUSTOM STATS after the recap, as ansible-playbook 2.14's
 * default callback prints them with show_custom_stats (ansible.cfg
 * [defaults] or ANSIBLE_SHOW_CUSTOM_STATS), on the controller's own
 * connection with several hosts: the same lines, blank lines included,
 * from the last recap row on; none without the setting. `-o json`'s recap
 * event carries them.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Ajv } from 'ajv';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { hasAnsible } from '../support/ansible.js';
import { cxplay, projectRoot } from '../support/cli.js';
import { recordedPlaybook } from '../support/recorded-command.js';

const dir = resolve(projectRoot, 'test', 'compat', 'custom-stats');
/** Its ansible.cfg sets show_custom_stats. */
const shown = join(dir, 'shown');
const inventory = join(dir, 'inventory.ini');
const work = mkdtempSync(join(tmpdir(), 'cxplay-custom-stats-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `ansible-playbook -i inventory.ini PLAYBOOK` in `cwd`, recorded while the playbooks, their ansible.cfg and this file are unchanged. */
function ansible(name: string, playbook: string, cwd: string) {
  return recordedPlaybook({ name: `custom-stats/${name}`, inputs: [dir, fileURLToPath(import.meta.url)], work, args: ['-i', inventory, playbook], cwd });
}

/** The lines after the last PLAY RECAP row, through the empty line after the last stats line (cxplay's own timing line comes after). */
function afterRecap(stdout: string): string[] {
  const lines = stdout.split('\n');
  const recap = lines.findIndex((line) => line.startsWith('PLAY RECAP'));
  let end = recap + 1;
  while (/^\S+\s+: ok=/.test(lines[end] ?? '')) end += 1;
  const lastStat = lines.map((line) => line.startsWith('\t')).lastIndexOf(true);
  return lastStat < end ? [] : lines.slice(end, lastStat + 2);
}

describe.skipIf(!hasAnsible)('CUSTOM STATS after the recap', () => {
  for (const name of ['stats.yaml', 'per-host.yaml']) {
    it(`${name}: the lines ansible-playbook prints with show_custom_stats in ansible.cfg, or ANSIBLE_SHOW_CUSTOM_STATS`, async () => {
      const playbook = join(dir, name);
      const reference = await ansible(`${name}.shown`, playbook, shown);
      const ours = await cxplay(['run', playbook, '-i', inventory, '-o', 'plain'], { cwd: shown });
      const label = `${ours.stdout}${ours.stderr}\n--- ansible ---\n${reference.stdout}${reference.stderr}`;
      expect(afterRecap(reference.stdout), label).toContain('\tdb: ' + (name === 'stats.yaml' ? '{ "deployed": 3, "name": "db-again", "once": 1}' : '{ "size": "2"}'));
      expect(ours.code, label).toBe(reference.code);
      expect(afterRecap(ours.stdout), label).toEqual(afterRecap(reference.stdout));
      const byEnvironment = await cxplay(['run', playbook, '-i', inventory, '-o', 'plain'], { cwd: dir, env: { ANSIBLE_SHOW_CUSTOM_STATS: 'true' } });
      expect(afterRecap(byEnvironment.stdout), byEnvironment.stdout).toEqual(afterRecap(reference.stdout));
    }, 300_000);
  }

  it("are in -o json's recap event, setting or not, as its schema describes them", async () => {
    const result = await cxplay(['run', join(dir, 'per-host.yaml'), '-i', inventory, '-o', 'json'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const recap = JSON.parse(result.stdout.trimEnd().split('\n').at(-1)!) as Record<string, unknown>;
    const schema = JSON.parse(readFileSync(join(projectRoot, 'engine', 'schema', 'json-events.schema.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
    expect(validate(recap) ? [] : validate.errors).toEqual([]);
    expect(recap.customStats).toEqual({ hosts: { db: { size: '2' }, web1: { size: '4' }, web2: { size: '4' } } });
  });

  it('are not shown without the setting, as in ansible-playbook', async () => {
    const playbook = join(dir, 'stats.yaml');
    const reference = await ansible('stats.yaml', playbook, dir);
    const ours = await cxplay(['run', playbook, '-i', inventory, '-o', 'plain'], { cwd: dir });
    expect(reference.stdout).not.toContain('CUSTOM STATS');
    expect(ours.code, ours.stdout + ours.stderr).toBe(0);
    expect(ours.stdout).not.toContain('CUSTOM STATS');
  }, 300_000);
});
