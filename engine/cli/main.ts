#!/usr/bin/env node
/**
 * The `cxplay` command. Kept tiny so `cxplay --version` answers fast: the
 * engine and the views are imported only when a command runs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's package.json: the first one above this file, whether it runs from tsc's dist/ or the bundle. */
function packageJsonPath(start: string): string {
  for (let dir = start; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'package.json');
  }
  throw new Error(`no package.json above ${start}`);
}

const packageJson = JSON.parse(readFileSync(packageJsonPath(dirname(fileURLToPath(import.meta.url))), 'utf8')) as { version: string };
const args = process.argv.slice(2);

if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`cxplay ${packageJson.version}\n`);
} else {
  const { runCli } = await import('./program.js');
  process.exitCode = await runCli(process.argv, packageJson.version);
}
