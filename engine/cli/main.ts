#!/usr/bin/env node
/**
 * The `cxplay` command. Kept tiny so `cxplay --version` answers fast: the
 * engine and the views are imported only when a command runs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { LoadTui } from '../views/view.js';

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
  const { engine, tuiFile } = await loadEngine();
  // An ES module imports the live view: the bundle's CommonJS engine cannot (see LoadTui).
  const loadTui = () => import(pathToFileURL(tuiFile).href) as ReturnType<LoadTui>;
  process.exitCode = await engine.runCli(process.argv, { version: packageJson.version, loadTui });
}

/**
 * The engine and the live view's module: the bundle's core.cjs (run with its
 * code cache) and tui.js when this is the bundle, else tsc's modules.
 */
async function loadEngine(): Promise<{ engine: typeof import('./program.js'); tuiFile: string }> {
  const here = dirname(fileURLToPath(import.meta.url));
  const core = join(here, 'core.cjs');
  if (!existsSync(core)) return { engine: await import('./program.js'), tuiFile: join(here, '..', 'views', 'tui', 'tui-view.js') };
  const { runCachedCommonJs } = await import('./code-cache.js');
  return { engine: runCachedCommonJs(core, ranTasks), tuiFile: join(here, 'tui.js') };
}

/** A run that ran tasks (exit 0, or 2 when a host failed) compiled what later runs will need: worth caching. */
function ranTasks(): boolean {
  const listing = args.some((arg) => arg === '--syntax-check' || arg.startsWith('--list-'));
  return !listing && (process.exitCode === 0 || process.exitCode === 2 || process.exitCode === undefined);
}
