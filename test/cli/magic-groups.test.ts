/**
 * The `groups` and `group_names` magic variables as `ansible` 2.14 shows
 * them (`-m debug -a var=...`) on INI, YAML and TOML inventories with child
 * groups, an empty group and a host in no group: the same groups, in the
 * same order (`all`, `ungrouped`, then the groups as the inventory declares them),
 * the same hosts in each.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasAnsible } from '../support/ansible.js';
import { cxplay } from '../support/cli.js';
import { recordedCommand, recordingName } from '../support/recorded-command.js';

const INVENTORIES: Record<string, string> = {
  'inventory.ini': 'lone\n[web]\nw1\nw2\n[db]\nd1\n[prod:children]\nweb\ndb\n[zeta]\n[alpha]\nw1\n',
  'inventory.yaml': 'all:\n  hosts:\n    lone:\n  children:\n    zgroup:\n      hosts:\n        z1:\n    prod:\n      children:\n        web:\n          hosts:\n            w1:\n        db:\n          hosts:\n            d1:\n    agroup:\n      hosts:\n        w1:\n',
  'inventory.toml': '[zgroup]\nhosts = { z1 = {} }\n[prod]\nchildren = ["web"]\n[web]\nhosts = { w1 = {} }\n',
};

describe.skipIf(!hasAnsible)('groups and group_names are what ansible shows', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cxplay-groups-'));
    for (const [name, text] of Object.entries(INVENTORIES)) writeFileSync(join(dir, name), text);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const cases = Object.keys(INVENTORIES).flatMap((file) => [
    [file, 'groups'],
    [file, 'group_names'],
  ]);
  it.each(cases)('%s: %s', async (file, variable) => {
    // As JSON text: `var=` would show the keys sorted, and their order is what is tested.
    const args = ['-i', file, 'w1', '-c', 'local', '-m', 'debug', '-a', `msg={{${variable}|to_json}}`];
    const env = { ANSIBLE_NOCOLOR: '1', ANSIBLE_LOCAL_TEMP: join(dir, '.ansible-tmp') };
    const [ours, theirs] = await Promise.all([cxplay(['adhoc', ...args], { cwd: dir, env }), recordedCommand({ name: `magic-groups/${recordingName(file, variable)}`, inputs: [fileURLToPath(import.meta.url)], work: dir, command: 'ansible', args, cwd: dir, env })]);
    expect(theirs.code, theirs.stderr).toBe(0);
    expect(ours.code, ours.stderr).toBe(0);
    expect(ours.stdout).toBe(theirs.stdout);
  });
});
