/**
 * The dependencies our security review pinned: package-lock.json (what
 * `npm ci` installs) and the installed copies meet the minimums
 * (handlebars >= 4.7.9, ssh2 >= 1.15.0), and the check itself refuses an
 * older lock.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLock, MINIMUMS, newerOrEqual } from '../../scripts/dependency-minimums.mjs';
import { projectRoot } from '../support/cli.js';

const lock = JSON.parse(readFileSync(join(projectRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version: string }> };

describe('pinned dependency minimums', () => {
  it('package-lock.json satisfies every minimum', () => {
    expect(checkLock(lock).problems).toEqual([]);
    expect(Object.keys(MINIMUMS).sort()).toEqual(['handlebars', 'ssh2']);
  });

  it('the installed packages are the locked ones', () => {
    for (const name of Object.keys(MINIMUMS)) {
      const installed = JSON.parse(readFileSync(join(projectRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
      expect(installed.version).toBe(lock.packages[`node_modules/${name}`]!.version);
    }
  });

  it('an older or missing package is refused', () => {
    const old = { packages: { 'node_modules/handlebars': { version: '4.7.8' }, 'node_modules/ssh2': { version: '1.15.0' } } };
    expect(checkLock(old).problems).toEqual(['handlebars 4.7.8 is older than 4.7.9']);
    expect(checkLock({ packages: {} }).problems).toEqual(['handlebars is not in package-lock.json', 'ssh2 is not in package-lock.json']);
    expect(newerOrEqual('1.15.0', '1.15.0')).toBe(true);
    expect(newerOrEqual('1.9.9', '1.15.0')).toBe(false);
    expect(newerOrEqual('4.10.0', '4.7.9')).toBe(true);
  });
});
