/** Throw-away directories of playbooks, roles and inventories for loader tests. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const roots: string[] = [];

/** Write `files` (relative path → content) under a new temporary directory and return it. */
export function writeTree(files: Readonly<Record<string, string>>): string {
  const root = mkdtempSync(join(tmpdir(), 'cxplay-load-'));
  roots.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** Remove every tree written by this test file (call from afterAll). */
export function removeTrees(): void {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
}

/** Run `load` and return the error it throws (fails the test when it does not throw). */
export function errorOf(load: () => unknown): Error & { at?: { file: string; line?: number; col?: number }; exitCode?: number; hint?: string } {
  try {
    load();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the load to fail, but it succeeded');
}
