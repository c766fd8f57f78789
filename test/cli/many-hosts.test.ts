/**
 * A run on more hosts than Node's default listener limit: every running exec
 * listens for Ctrl-C on the same signal, and Node must not print its
 * "possible memory leak" warning into the operator's terminal.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Lab } from '../lab/lab.js';
import { cxplay } from '../support/cli.js';

const NAMES = Array.from({ length: 14 }, (_, index) => `host${index + 1}`);
let lab: Lab;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cxplay-many-'));
  writeFileSync(join(dir, 'wait.yaml'), '- hosts: all\n  gather_facts: false\n  tasks:\n    - name: All at once\n      command: sleep 1\n');
  lab = await Lab.start({ names: NAMES });
});

afterAll(async () => {
  await lab?.stop();
  rmSync(dir, { recursive: true, force: true });
});

it('14 hosts executing at once: no MaxListenersExceededWarning on stderr', async () => {
  const result = await cxplay(['run', join(dir, 'wait.yaml'), '-i', lab.inventoryPath, '--known-hosts', lab.knownHostsPath]);
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/^host14\s+: ok=1 /m);
  expect(result.stderr).not.toContain('MaxListenersExceededWarning');
});
