#!/usr/bin/env node
/**
 * The `cxplay` command. Kept tiny so `cxplay --version` answers fast: the
 * engine and the views are imported only when a command runs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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
  const { runCli } = await loadEngine();
  process.exitCode = await runCli(process.argv, packageJson.version);
}

/** The engine: from the bundle's core.cjs with its code cache when this is the bundle, else tsc's modules. */
async function loadEngine(): Promise<typeof import('./program.js')> {
  const here = dirname(fileURLToPath(import.meta.url));
  const core = join(here, 'core.cjs');
  if (!existsSync(core)) return import('./program.js');
  // core.cjs reaches the live view (ES modules) through this.
  (globalThis as { __cxplayLoadTui?: () => Promise<unknown> }).__cxplayLoadTui = () => import(pathToFileURL(join(here, 'tui.js')).href);
  const { runCachedCommonJs } = await import('./code-cache.js');
  return runCachedCommonJs(core, ranTasks);
}

/** A run that ran tasks (exit 0, or 2 when a host failed) compiled what later runs will need: worth caching. */
function ranTasks(): boolean {
  const listing = args.some((arg) => arg === '--syntax-check' || arg.startsWith('--list-'));
  return !listing && (process.exitCode === 0 || process.exitCode === 2 || process.exitCode === undefined);
}
