/**
 * set_stats' custom stats as Ansible's default callback prints them under
 * CUSTOM STATS (show_custom_stats): one line per host (sorted), then the
 * run's, each a JSON dump with indent 1 and its newlines taken out, keys
 * sorted, non-ASCII as is, cleaned as the callback cleans a result.
 */
import type { CustomStatsView } from '../events.js';
import { isDict } from '../template/python.js';
import { pythonJson } from '../template/python-json.js';

/** The lines after the CUSTOM STATS banner: `\thost: {...}`, and an empty line then `\tRUN: {...}` when the run has stats. */
export function customStatsLines(stats: CustomStatsView, verbosity: number): string[] {
  const lines = Object.entries(stats.hosts).map(([host, values]) => `\t${host}: ${oneLine(values, verbosity)}`);
  if (stats.run) lines.push('', `\tRUN: ${oneLine(stats.run, verbosity)}`);
  return lines;
}

function oneLine(values: Readonly<Record<string, unknown>>, verbosity: number): string {
  return pythonJson(cleaned(values, verbosity), { indent: 1, sortKeys: true, ensureAscii: false }).replaceAll('\n', '');
}

/** Ansible's _dump_results: no `_ansible_` keys at any depth, no top-level exception, nor invocation and diff below -vvv. */
function cleaned(values: Readonly<Record<string, unknown>>, verbosity: number): Record<string, unknown> {
  const { exception: _exception, invocation, diff, ...rest } = withoutInternalKeys(values) as Record<string, unknown>;
  return verbosity >= 3 ? { ...rest, ...(invocation === undefined ? {} : { invocation }), ...(diff === undefined ? {} : { diff }) } : rest;
}

function withoutInternalKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutInternalKeys);
  if (!isDict(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !key.startsWith('_ansible_')).map(([key, item]) => [key, withoutInternalKeys(item)]));
}
