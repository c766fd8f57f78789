/**
 * ansible_sftp_extra_args / ansible_scp_extra_args: Ansible passes them to the
 * sftp or scp program of its ssh connection; cxplay has none, so a host that
 * would use them is named in a warning (never silently ignored).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileTransferArgWarnings } from '../../engine/check/file-transfer-args.js';
import { loadInventory } from '../../engine/load/inventory.js';

const dir = mkdtempSync(join(tmpdir(), 'cxplay-transfer-args-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function loadInventoryFromText(text: string) {
  const file = join(dir, `inventory-${text.length}`);
  writeFileSync(file, text);
  return loadInventory(file);
}

describe('sftp and scp extra arguments', () => {
  it('names each ssh host that sets one, wherever it is set, and leaves local hosts and empty values out', () => {
    const inventory = loadInventoryFromText('[web]\nw1\nw2 ansible_connection=local\nw3 ansible_scp_extra_args=\n[web:vars]\nansible_sftp_extra_args=-l 8192\n[db]\nd1\n');
    expect(fileTransferArgWarnings(inventory, {}, undefined)).toEqual([
      'ansible_sftp_extra_args is set for w1, w3 and has no effect in cxplay: files are sent over its SSH connection, not with sftp or scp (ssh options go in ansible_ssh_common_args)',
    ]);
    expect(fileTransferArgWarnings(inventory, { ansible_scp_extra_args: '-C' }, 'ssh')[1]).toMatch(/^ansible_scp_extra_args is set for w1, w3, d1 and/);
    expect(fileTransferArgWarnings(inventory, {}, 'local')).toEqual([]);
    expect(fileTransferArgWarnings(loadInventoryFromText('[web]\nw1\n'), {}, undefined)).toEqual([]);
  });
});
