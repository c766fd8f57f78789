#!/usr/bin/env node
/**
 * The `cxplay` command. Kept tiny so `cxplay --version` answers fast: the
 * engine and the views are imported only when a command runs.
 */
import { readFileSync } from 'node:fs';

const packageJson = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
const args = process.argv.slice(2);

if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`cxplay ${packageJson.version}\n`);
} else {
  const { runCli } = await import('./program.js');
  process.exitCode = await runCli(process.argv, packageJson.version);
}
