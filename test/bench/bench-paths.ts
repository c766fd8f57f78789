/** Paths of the project as the compiled benchmark (dist/test/bench) sees them. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findProjectRoot(start: string): string {
  for (let dir = start; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
  }
  throw new Error(`no package.json above ${start}`);
}

export const PROJECT_ROOT = findProjectRoot(dirname(fileURLToPath(import.meta.url)));
export const CLI_PATH = join(PROJECT_ROOT, 'dist', 'bundle', 'cxplay.js');
export const PLAYBOOK_DIR = join(PROJECT_ROOT, 'test', 'bench', 'playbook');
