/**
 * What a Python module printed, as Ansible reads it: the JSON object among
 * the output (lines before its first `{` line and after its last `}` line are
 * dropped, trailing ones with a warning), Ansible's internal `_ansible_*` keys
 * removed at every depth; output that holds no JSON object is Ansible's MODULE FAILURE, with
 * the host's stdout, stderr and exit code.
 */
import type { ExecResult } from '../../connection/connection.js';
import { splitLines } from '../lib/run-command.js';
import type { ModuleResult } from '../module.js';
import { pythonJsonLoads } from '../../template/python-json-loads.js';

export interface ParsedModuleOutput {
  readonly result: ModuleResult;
  /** Ansible's warnings about the output itself (junk after the JSON). */
  readonly warnings: readonly string[];
}

export function parseModuleOutput(output: ExecResult): ParsedModuleOutput {
  const found = jsonObjectIn(output.stdout);
  if (found) {
    try {
      const data = pythonJsonLoads(found.json);
      if (data && typeof data === 'object' && !Array.isArray(data)) return { result: withoutInternalKeys(data as Record<string, unknown>), warnings: found.warnings };
    } catch {
      // not JSON: a module failure, below
    }
  }
  return { result: moduleFailure(output), warnings: [] };
}

/** The text from the first line starting with `{` to the last line ending with `}` (Ansible's _filter_non_json_lines, objects only). */
function jsonObjectIn(stdout: string): { json: string; warnings: string[] } | undefined {
  const lines = stdout.split(/\r?\n|\r/);
  const start = lines.findIndex((line) => line.trim().startsWith('{'));
  if (start < 0) return undefined;
  let end = lines.length - 1;
  while (end >= start && !lines[end]!.trim().endsWith('}')) end -= 1;
  if (end < start) return undefined;
  const trailing = lines.slice(end + 1);
  const warnings = trailing.some((line) => line.trim() !== '') ? [`Module invocation had junk after the JSON data: ${trailing.join('\n')}`] : [];
  return { json: lines.slice(start, end + 1).join('\n'), warnings };
}

function withoutInternalKeys(data: Record<string, unknown>): ModuleResult {
  const result = stripInternalKeys(data) as Record<string, unknown>;
  if (typeof result.changed !== 'boolean') result.changed = result.changed === undefined ? false : Boolean(result.changed);
  // Ansible splits a module's stdout and stderr into lines for it (ActionBase._execute_module).
  for (const stream of ['stdout', 'stderr']) {
    if (stream in result && !(`${stream}_lines` in result)) result[`${stream}_lines`] = splitLines(typeof result[stream] === 'string' ? (result[stream] as string) : '');
  }
  return result as ModuleResult;
}

/** Ansible's strip_internal_keys: `_ansible_*` keys removed at every depth. */
function stripInternalKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripInternalKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !key.startsWith('_ansible_')).map(([key, inner]) => [key, stripInternalKeys(inner)]));
}

function moduleFailure(output: ExecResult): ModuleResult {
  const result: ModuleResult = { changed: false, failed: true, msg: 'MODULE FAILURE\nSee stdout/stderr for the exact error', module_stdout: output.stdout, module_stderr: output.stderr, rc: output.rc };
  if (output.stderr.startsWith('Traceback')) result.exception = output.stderr;
  else if (output.stdout.startsWith('Traceback')) result.exception = output.stdout;
  return result;
}
