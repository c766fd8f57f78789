/**
 * Ansible's python facts (and platform's python_version) from the host's
 * Python, run once by the facts script: the interpreter Ansible would use
 * (ansible_python_interpreter, else the one it discovers). A host without
 * Python has none of these facts (Ansible needs Python to gather at all).
 */
import type { FactSources } from './sections.js';

type PythonAnswer = [[number, number, number, string, number], string, boolean, string, string];

/** What the Python program printed, or undefined when no Python answered. */
function pythonAnswer(sources: FactSources): PythonAnswer | undefined {
  const text = (sources.sections.get('python') ?? '').trim();
  if (text === '') return undefined;
  try {
    const answer = JSON.parse(text) as unknown;
    return Array.isArray(answer) && answer.length === 5 && Array.isArray(answer[0]) ? (answer as PythonAnswer) : undefined;
  } catch {
    return undefined;
  }
}

/** The python collector's fact: version (dict and list), executable, has_sslcontext, type. */
export function pythonFacts(sources: FactSources): Record<string, unknown> {
  const answer = pythonAnswer(sources);
  if (!answer) return {};
  const [versionInfo, executable, hasSslContext, type] = answer;
  const [major, minor, micro, releaselevel, serial] = versionInfo;
  return { python: { version: { major, minor, micro, releaselevel, serial }, version_info: versionInfo, executable, has_sslcontext: hasSslContext, type } };
}

/** platform's python_version ("3.11.2"). */
export function pythonVersionFacts(sources: FactSources): Record<string, unknown> {
  const answer = pythonAnswer(sources);
  return answer ? { python_version: answer[4] } : {};
}

/** The interpreter the script found by Ansible's discovery (when none was configured). */
export function discoveredInterpreter(sources: FactSources): string | undefined {
  return sources.sections.get('python_found')?.trim() || undefined;
}
