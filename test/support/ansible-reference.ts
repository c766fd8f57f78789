/**
 * Recorded ansible-playbook outcomes for the differential tests.
 *
 * ansible-playbook's side of a differential test is a function of the files
 * it runs (playbooks, stand-ins, the harness that normalises its outcome) and
 * of the ansible-core version. Running it costs several times cxplay's CPU, so
 * its normalised outcome is kept in test/references/, keyed by a hash of
 * exactly those inputs: while they are unchanged the test compares cxplay with
 * the recording; when any of them changed (or the installed ansible-core is
 * another version, or CXPLAY_ANSIBLE=live) ansible-playbook runs again and the
 * recording is rewritten, to be committed with the change.
 *
 * A recording writes the paths of this checkout and of the test's temp
 * directory as placeholders, so a clone elsewhere reads it.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { projectRoot } from './cli.js';

const referencesDir = join(projectRoot, 'test', 'references');

/** `ansible-playbook [core 2.14.18]`: a recording made by another version is not used. */
const ansibleVersion: string = (() => {
  try {
    return execFileSync('ansible-playbook', ['--version'], { encoding: 'utf8' }).split('\n')[0]!.trim();
  } catch {
    return 'none';
  }
})();

export interface ReferenceRequest {
  /** Where the recording lives under test/references, e.g. `modules/file.yaml.check`. */
  readonly name: string;
  /** Files and directories (read whole, recursively) whose content decides Ansible's outcome, the harness among them. */
  readonly inputs: readonly string[];
  /** The test's own temp directory, written `<WORK>` in the recording. */
  readonly work?: string;
  /** Anything else that decides the outcome (flags, variables), as JSON. */
  readonly settings?: unknown;
}

/** The sha256 of the inputs' content, their paths relative to the project, the settings and the ansible-core version. */
function keyOf(request: ReferenceRequest): string {
  const hash = createHash('sha256').update(`${ansibleVersion}\n${JSON.stringify(request.settings ?? null)}\n`);
  const add = (path: string): void => {
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) add(join(path, name));
      return;
    }
    hash.update(`${relative(projectRoot, path)}\n`).update(readFileSync(path)).update('\n');
  };
  for (const input of request.inputs) add(input);
  return hash.digest('hex');
}

/** Checkout- and run-specific paths and their placeholders, the longer first so a path inside another is not split. */
function placeholders(work: string | undefined): [string, string][] {
  const pairs: [string, string][] = [[projectRoot, '<ROOT>']];
  if (work) pairs.push([work, '<WORK>']);
  return pairs.sort((a, b) => b[0].length - a[0].length);
}

/** The outcome with each path written as its placeholder (`toPlaceholder`) or back. */
function translated(outcome: unknown, work: string | undefined, toPlaceholder: boolean): unknown {
  let text = JSON.stringify(outcome);
  for (const [real, placeholder] of placeholders(work)) text = toPlaceholder ? text.split(real).join(placeholder) : text.split(placeholder).join(real);
  return JSON.parse(text);
}

interface Recording {
  readonly key: string;
  readonly ansible: string;
  readonly outcome: unknown;
}

function read(path: string): Recording | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Recording;
  } catch {
    return undefined;
  }
}

/** Which recordings were stale and ran live, for the CI log (one line each). */
function noteLiveRun(name: string): void {
  const log = process.env['CXPLAY_ANSIBLE_LIVE_LOG'];
  if (log) appendFileSync(log, `${name}\n`);
}

/**
 * Ansible's outcome for the request: the recording when it is current, else
 * `run()` (which runs ansible-playbook and normalises what it did), recorded.
 */
export async function ansibleReference<T>(request: ReferenceRequest, run: () => Promise<T>): Promise<T> {
  const path = join(referencesDir, `${request.name}.json`);
  const key = keyOf(request);
  const recording = process.env['CXPLAY_ANSIBLE'] === 'live' ? undefined : read(path);
  if (recording?.key === key) return translated(recording.outcome, request.work, false) as T;
  noteLiveRun(request.name);
  const outcome = await run();
  mkdirSync(dirname(path), { recursive: true });
  const fresh: Recording = { key, ansible: ansibleVersion, outcome: translated(outcome, request.work, true) };
  writeFileSync(path, `${JSON.stringify(fresh, null, 1)}\n`);
  return outcome;
}
