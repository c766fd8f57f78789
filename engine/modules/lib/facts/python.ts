/**
 * Ansible's python facts (and platform's python_version) from the host's
 * Python, run once by the facts script: the interpreter Ansible would use
 * (ansible_python_interpreter, else the one it discovers). A host without
 * Python has none of these facts (Ansible needs Python to gather at all).
 * has_sslcontext is whether the ssl module's _ssl can be found (loading it
 * would double the Python's start time).
 */
import type { FactSources } from './sections.js';

interface PythonAnswer {
  readonly versionInfo: [number, number, number, string, number];
  readonly executable: string;
  readonly hasSslContext: boolean;
  readonly type: string;
  readonly version: string;
}

/**
 * What the Python program printed (`True cpython 3.11.2 3 11 2 final 0`,
 * then sys.executable), or undefined when no Python answered.
 */
function pythonAnswer(sources: FactSources): PythonAnswer | undefined {
  const [first = '', executable] = (sources.sections.get('python') ?? '').split('\n');
  const fields = /^(True|False) (\S+) (\S+) (\d+) (\d+) (\d+) (\S+) (\d+)$/.exec(first);
  if (!fields || executable === undefined) return undefined;
  const [, ssl, type, version, major, minor, micro, releaselevel, serial] = fields as unknown as [string, string, string, string, string, string, string, string, string];
  return { versionInfo: [Number(major), Number(minor), Number(micro), releaselevel, Number(serial)], executable, hasSslContext: ssl === 'True', type, version };
}

/** The python collector's fact: version (dict and list), executable, has_sslcontext, type. */
export function pythonFacts(sources: FactSources): Record<string, unknown> {
  const answer = pythonAnswer(sources);
  if (!answer) return {};
  const { versionInfo, executable, hasSslContext, type } = answer;
  const [major, minor, micro, releaselevel, serial] = versionInfo;
  return { python: { version: { major, minor, micro, releaselevel, serial }, version_info: versionInfo, executable, has_sslcontext: hasSslContext, type } };
}

/** platform's python_version ("3.11.2"). */
export function pythonVersionFacts(sources: FactSources): Record<string, unknown> {
  const answer = pythonAnswer(sources);
  return answer ? { python_version: answer.version } : {};
}

/** The interpreter the script found by Ansible's discovery (when none was configured). */
export function discoveredInterpreter(sources: FactSources): string | undefined {
  return sources.sections.get('python_found')?.trim() || undefined;
}
