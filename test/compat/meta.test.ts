/**
 * meta actions under ansible-playbook and cxplay on the controller's own
 * connection: the same messages in the same order, the same recap.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasAnsible } from '../support/ansible.js';
import { cxplay, parseRecap, projectRoot } from '../support/cli.js';
import { recordedPlaybook } from '../support/recorded-command.js';

const dir = resolve(projectRoot, 'test', 'compat', 'meta');
let work: string;
let inventory: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'cxplay-meta-'));
  inventory = join(work, 'inventory.yaml');
  writeFileSync(inventory, ['all:', '  hosts:', ...['h1', 'h2', 'h3'].map((name) => `    ${name}: {ansible_connection: local}`), ''].join('\n'));
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The play headers, printed again for each serial batch after the first. */
const playHeaders = (stdout: string) => [...stdout.matchAll(/^PLAY \[.*\]/gm)].map((match) => match[0]);
const messages = (stdout: string) => [...stdout.matchAll(/^ {4}"msg": (.*)$/gm)].map((match) => match[1]);

describe.skipIf(!hasAnsible)('meta', () => {
  it('end_batch, end_play with serial, clear_facts and reset_connection do what ansible-playbook does', async () => {
    const playbook = join(dir, 'meta.yaml');
    // Recorded while the playbook and this file (which writes the inventory) are unchanged.
    const reference = await recordedPlaybook({ name: 'meta/meta.yaml', inputs: [dir, fileURLToPath(import.meta.url)], work, args: ['-i', inventory, playbook], cwd: dir });
    const ours = await cxplay(['run', playbook, '-i', inventory, '-o', 'plain'], { cwd: dir });
    expect(messages(reference.stdout)).toEqual(['"before h1"', '"after h1"', '"before h2"', '"before h3"', '"after h3"', '"play2 h1"', '"1 nofacts"']);
    expect(messages(ours.stdout), ours.stdout + ours.stderr).toEqual(messages(reference.stdout));
    expect(parseRecap(ours.stdout)).toEqual(parseRecap(reference.stdout));
    expect(playHeaders(ours.stdout)).toEqual(playHeaders(reference.stdout));
  }, 120_000);
});
