/**
 * The bundle's engine starts from a V8 code cache made by the first run that
 * ran tasks: kept per bundle and Node version in the cache directory, not
 * made by a listing, and a damaged one is only compiled past.
 */
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cxplay } from '../support/cli.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cxplay-code-cache-'));
  writeFileSync(join(dir, 'inventory.yaml'), 'all:\n  hosts:\n    localhost:\n      ansible_connection: local\n');
  writeFileSync(join(dir, 'play.yaml'), '- hosts: localhost\n  gather_facts: false\n  tasks:\n    - name: Say\n      debug:\n        msg: hello from the engine\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: readonly string[]) => cxplay([...args, '-i', 'inventory.yaml'], { cwd: dir, env: { XDG_CACHE_HOME: join(dir, 'cache') } });
const caches = () => {
  try {
    return readdirSync(join(dir, 'cache', 'cxplay'));
  } catch {
    return [];
  }
};

describe('the code cache', () => {
  it('is made by a run that runs tasks, not by a listing, and later runs start from it', async () => {
    expect((await run(['run', 'play.yaml', '--syntax-check'])).code).toBe(0);
    expect(caches()).toEqual([]);
    const first = await run(['run', 'play.yaml']);
    expect(first.code).toBe(0);
    expect(caches()).toEqual([expect.stringMatching(new RegExp(`^core-\\d+-\\d+-${process.version}-${process.arch}\\.cache$`))]);
    const second = await run(['run', 'play.yaml']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('hello from the engine');
  });

  it('is compiled past when it is damaged, and made anew', async () => {
    expect((await run(['run', 'play.yaml'])).code).toBe(0);
    const [name] = caches();
    writeFileSync(join(dir, 'cache', 'cxplay', name!), 'not a code cache');
    const result = await run(['run', 'play.yaml']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('hello from the engine');
    expect(caches()).toEqual([name]);
    expect(statSync(join(dir, 'cache', 'cxplay', name!)).size).toBeGreaterThan(1000);
  });
});
