/**
 * A reader that goes away (`cxplay ... | head -1`, a pager quit) stops the
 * run cleanly, as a SIGINT would: no crash trace, no further task started,
 * exit 99 (ansible-playbook's "interrupted").
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliPath, projectRoot } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'cxplay-closed-output-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('output whose reader went away', () => {
  it.each(['json', 'plain'])('-o %s: stops before the next task and exits 99 without a crash', async (view) => {
    const marker = join(dir, `${view}-last-task-ran`);
    writeFileSync(join(dir, 'inventory.ini'), 'lh ansible_connection=local\n');
    writeFileSync(join(dir, 'play.yml'), `- hosts: lh\n  gather_facts: false\n  tasks:\n    - command: sleep 1\n    - command: sleep 1\n    - command: sleep 1\n    - command: touch ${marker}\n`);
    const child = spawn(process.execPath, [cliPath, 'run', join(dir, 'play.yml'), '-i', join(dir, 'inventory.ini'), '-o', view], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    const stderr: Buffer[] = [];
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(Buffer.concat(stderr).toString()).not.toMatch(/EPIPE|Unhandled/);
    expect(code).toBe(99);
    expect(existsSync(marker)).toBe(false);
  });
});
