/**
 * The stand-in commands of test/standins, copied where lab hosts can run
 * them: a lab host has its own /tmp, /root and /opt, and the checkout may
 * live under one of those (a clean clone in /tmp does), so a path into the
 * checkout is not one every host sees. LAB_ROOT is on the shared disk.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { LAB_ROOT } from '../lab/lab.js';
import { projectRoot } from './cli.js';

export function sharedStandins(): { readonly dir: string; remove(): void } {
  mkdirSync(LAB_ROOT, { recursive: true });
  const dir = mkdtempSync(join(LAB_ROOT, 'standins-'));
  cpSync(join(projectRoot, 'test', 'standins'), dir, { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
