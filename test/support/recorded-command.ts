/**
 * One run of an Ansible command (ansible, ansible-inventory, ansible-playbook)
 * as a differential test compares it, recorded by ansibleReference: while the
 * inputs and the command line are unchanged, its exit code, output and what
 * `collect` read of the files it left come from test/references.
 */
import { join } from 'node:path';
import { ansiblePlaybook } from './ansible.js';
import { ansibleReference } from './ansible-reference.js';
import { projectRoot, runCommand, type CommandResult } from './cli.js';

export interface Recorded<T> {
  /** Where the recording lives under test/references. */
  readonly name: string;
  /** Files and directories whose content decides the outcome (the test file itself among them). */
  readonly inputs: readonly string[];
  /** The test's temp directory, written `<WORK>` in the recording and in the key. */
  readonly work: string;
  readonly args: readonly string[];
  readonly cwd?: string;
  /** What the run left that the test compares (files it wrote), as plain JSON. */
  readonly collect?: () => T;
  /** Values that differ from run to run (a port, a temp name), replaced in the outcome's JSON text before it is recorded. */
  readonly normalise?: (json: string) => string;
}

export type RecordedResult<T> = CommandResult & { left: T };

/** The run's result and what `collect` read, the recorded ones while the inputs and `settings` (the command line) are unchanged. */
function recorded<T>(request: Recorded<T>, settings: object, run: () => Promise<CommandResult>): Promise<RecordedResult<T>> {
  // The key sees the command line with the temp directory and the checkout as placeholders: they differ per run and per clone.
  const key = JSON.parse(JSON.stringify(settings).split(request.work).join('<WORK>').split(projectRoot).join('<ROOT>')) as unknown;
  return ansibleReference({ name: request.name, inputs: request.inputs, work: request.work, settings: key }, async () => {
    const result = await run();
    const outcome = JSON.stringify({ code: result.code, stdout: result.stdout, stderr: result.stderr, left: request.collect?.() ?? null });
    return JSON.parse(request.normalise ? request.normalise(outcome) : outcome) as RecordedResult<T>;
  });
}

/** `command ARGS` (ansible, ansible-inventory) with `env` and `input`. */
export function recordedCommand<T = null>(request: Recorded<T> & { command: string; env?: NodeJS.ProcessEnv; input?: string }): Promise<RecordedResult<T>> {
  const { command, args, cwd, env, input } = request;
  return recorded(request, { command, args, cwd: cwd ?? null, env: env ?? null, input: input ?? null }, () => runCommand(command, args, { cwd, env, input }));
}

/** `ansible-playbook ARGS` as test/support/ansible.ts runs it (that file is an input too), in `cwd` (the work directory unless given). */
export function recordedPlaybook<T = null>(request: Recorded<T> & { pipelining?: boolean }): Promise<RecordedResult<T>> {
  const { args, cwd, work, pipelining } = request;
  const withHarness = { ...request, inputs: [...request.inputs, join(projectRoot, 'test', 'support', 'ansible.ts')] };
  return recorded(withHarness, { command: 'ansible-playbook', args, cwd: cwd ?? null, pipelining: pipelining ?? null }, () => ansiblePlaybook(args, { cwd: request.cwd ?? work, work, pipelining }));
}

/** A name for a recording from words and arguments: what a file name can hold. */
export function recordingName(...parts: readonly string[]): string {
  return parts.join(' ').replace(/[^\w.=@,-]+/g, '-').replace(/^-|-$/g, '').slice(0, 150);
}
