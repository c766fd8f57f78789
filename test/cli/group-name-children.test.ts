/**
 * force_valid_group_names=always (or silently) renames a group such as
 * child-one to child_one; Ansible's ini and toml plugins then look a
 * `children` entry up by the name as written, do not find it, and fail the
 * whole source (a quirk of 2.14). cxplay refuses such a source with a message
 * naming both names and Ansible's words; YAML and scripts rename children too,
 * and both tools print the same. ansible-inventory's side is recorded in
 * test/references/group-name-children.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasAnsible } from '../support/ansible.js';
import { cxplay } from '../support/cli.js';
import { recordedCommand, recordingName } from '../support/recorded-command.js';

let dir: string;

const FILES: Record<string, string> = {
  'children.ini': '[par-ent:children]\nkid\nchild-one\n[child-one]\nh1\n[kid]\nh2\n',
  'parent-only.ini': '[par-ent:children]\nkid\n[kid]\nh1\n[par-ent:vars]\nv=1\n',
  'children.toml': '[par-ent]\nchildren = ["child-one"]\n[child-one.hosts]\nh1 = {}\n',
  'children.yaml': 'all:\n  children:\n    par-ent:\n      children:\n        child-one:\n          hosts: {h1: }\n        kid:\n          hosts: {h2: }\n',
  'children.sh': '#!/bin/sh\necho \'{"par-ent": {"children": ["child-one", "kid"]}, "child-one": {"hosts": ["h1"]}, "kid": ["h2"]}\'\n',
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cxplay-group-name-children-'));
  for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text);
  chmodSync(join(dir, 'children.sh'), 0o755);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function both(mode: string, args: readonly string[]) {
  const env = { ANSIBLE_NOCOLOR: '1', ANSIBLE_DEPRECATION_WARNINGS: '0', ANSIBLE_LOCAL_TEMP: join(dir, '.ansible-tmp'), ANSIBLE_TRANSFORM_INVALID_GROUP_CHARS: mode };
  const [ansible, ours] = await Promise.all([
    recordedCommand({ name: `group-name-children/${recordingName(mode, ...args)}`, inputs: [fileURLToPath(import.meta.url)], work: dir, command: 'ansible-inventory', args, cwd: dir, env }),
    cxplay(['inventory', ...args], { cwd: dir, env }),
  ]);
  return { ansible, ours };
}

describe.skipIf(!hasAnsible)('renamed child groups under force_valid_group_names', () => {
  it('YAML, scripts and an INI whose children need no renaming: the same groups as ansible-inventory', async () => {
    for (const mode of ['always', 'silently']) {
      for (const file of ['children.yaml', 'children.sh', 'parent-only.ini']) {
        const { ansible, ours } = await both(mode, ['-i', file, '--graph']);
        expect(ours.code, `${mode} ${file}: ${ours.stderr}`).toBe(ansible.code);
        expect(ours.stdout, `${mode} ${file}`).toBe(ansible.stdout);
      }
    }
  }, 300_000);

  it('INI and TOML children entries that are renamed: Ansible fails the source, cxplay refuses it with both names and its words', async () => {
    for (const mode of ['always', 'silently']) {
      for (const [file, words] of [['children.ini', 'Section [par_ent:children] includes undefined group: child-one'], ['children.toml', 'child-one is not a known host nor group']] as const) {
        const { ansible, ours } = await both(mode, ['-i', file, '--graph']);
        expect(ansible.stderr.replace(/\s+/g, ' ').replace(/child- one/g, 'child-one'), `${mode} ${file}`).toContain(words);
        expect(ansible.stdout).not.toContain('child');
        expect(ours.code).toBe(4);
        expect(ours.stderr).toContain(`group 'child-one' (a child of 'par-ent') is renamed 'child_one' by force_valid_group_names`);
        expect(ours.stderr).toContain(words);
      }
    }
    // Left at never, the names are kept and the source read by both.
    const { ansible, ours } = await both('never', ['-i', 'children.ini', '--graph']);
    expect(ours.stdout).toBe(ansible.stdout);
    expect(ours.stdout).toContain('@child-one:');
  }, 300_000);
});
