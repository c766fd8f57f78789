/**
 * What the tests of an invisible optimisation share (speculation.test.ts,
 * fusion.test.ts): the same corpus run with the optimisation on and off on
 * twin labs, and by ansible-playbook on a third (recorded in test/references
 * while the corpus is unchanged), compared step by step.
 */
import { spawn } from 'node:child_process';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { Lab } from '../lab/lab.js';
import { ansiblePlaybook } from './ansible.js';
import { ansibleReference } from './ansible-reference.js';
import { cliPath, parseRecap, projectRoot, type CommandResult } from './cli.js';

/** The steps each corpus goes through, on the same three labs in turn. */
export const CORPUS_STEPS: readonly { name: string; args: string[] }[] = [
  { name: 'check on fresh hosts', args: ['--check', '--diff'] },
  { name: 'converge', args: [] },
  { name: 'rerun', args: ['--diff'] },
  { name: 'check on converged hosts', args: ['--check', '--diff'] },
];

/** One step's three runs: with the optimisation, without it, and ansible-playbook's; `context` labels a failed expectation. */
export interface StepRuns {
  readonly step: (typeof CORPUS_STEPS)[number];
  readonly withIt: CommandResult;
  readonly without: CommandResult;
  readonly reference: CommandResult;
  readonly context: string;
}

/**
 * The corpus through every step on three fresh labs (on, off, ansible-playbook):
 * the same stderr (without the profile), exit code, recap and files under base
 * each time; `compare` adds what the optimisation's test also asserts (its
 * output comparison, its exec counts).
 */
export async function compareCorpusOnOff(options: {
  hosts: string[];
  corpus: string;
  base: string;
  cwd: string;
  run: (lab: Lab, on: boolean, args: readonly string[]) => Promise<CommandResult>;
  compare: (runs: StepRuns) => void;
}): Promise<void> {
  const { hosts, base } = options;
  const references = await ansibleCorpusRuns(options);
  const [on, off] = await Promise.all([Lab.start({ names: hosts }), Lab.start({ names: hosts })]);
  try {
    for (const [index, step] of CORPUS_STEPS.entries()) {
      const [withIt, without] = await Promise.all([options.run(on, true, step.args), options.run(off, false, step.args)]);
      const { result: reference, files: theirsFiles } = references[index]!;
      const context = `${step.name}\n${withIt.stdout}${withIt.stderr}`;
      options.compare({ step, withIt, without, reference, context });
      expect(withoutProfile(withIt.stderr), context).toBe(withoutProfile(without.stderr));
      expect(withIt.code, context).toBe(without.code);
      expect(withIt.code, context).toBe(reference.code);
      expect(parseRecap(withIt.stdout), `${context}\n${reference.stdout}`).toEqual(parseRecap(reference.stdout));
      const [ours, plain] = await Promise.all([on, off].map((lab) => filesUnder(lab, hosts, base)));
      expect(ours, step.name).toEqual(plain);
      expect(ours, step.name).toEqual(theirsFiles);
    }
  } finally {
    await Promise.all([on, off].map((lab) => lab.stop()));
  }
}

/** ansible-playbook through every step on one fresh lab: each step's result and the files under base; recorded while the corpus is unchanged. */
function ansibleCorpusRuns(options: { hosts: string[]; corpus: string; base: string; cwd: string }): Promise<{ result: CommandResult; files: Record<string, string> }[]> {
  const { hosts, corpus, base, cwd } = options;
  const inputs = [dirname(corpus), resolve(projectRoot, 'test', 'lab'), resolve(projectRoot, 'test', 'support', 'ansible.ts'), fileURLToPath(import.meta.url)];
  const name = `on-off/${basename(dirname(corpus))}`;
  return ansibleReference({ name, inputs, work: cwd, settings: { hosts, base, steps: CORPUS_STEPS } }, async () => {
    const lab = await Lab.start({ names: hosts });
    try {
      const outcomes = [];
      for (const step of CORPUS_STEPS) {
        const result = await ansiblePlaybook(['-i', lab.inventoryPath, corpus, ...step.args], { cwd, work: cwd });
        outcomes.push({ result, files: await filesUnder(lab, hosts, base) });
      }
      return outcomes;
    } finally {
      await lab.stop();
    }
  });
}

/** Output without what differs between two labs whatever the engine does: times (a command's too) and device numbers. */
export function withoutTimes(stdout: string): string {
  return stdout.replace(/"(atime|mtime|ctime|dev)": [\d.]+/g, '"$1": N').replace(/"(start|end|delta)": "[^"]*"/g, '"$1": T');
}

/** --profile's report (on stderr) says where time went: it differs by design. */
export function withoutProfile(stderr: string): string {
  return stderr.split(/^PROFILE /m)[0]!;
}

/** The remote execs --profile counted. */
export function remoteExecs(stderr: string): number {
  const match = /(\d+) remote execs/.exec(stderr);
  if (!match) throw new Error(`no profile in:\n${stderr}`);
  return Number(match[1]);
}

/** Per host, every path under base with its mode (and a file's md5). */
export async function filesUnder(lab: Lab, hosts: readonly string[], base: string): Promise<Record<string, string>> {
  const listing: Record<string, string> = {};
  for (const host of hosts) {
    listing[host] = (await lab.exec(host, `cd ${base} 2>/dev/null && find . | sort | while read -r f; do if [ -f "$f" ]; then echo "$f $(stat -c %a "$f") $(md5sum < "$f")"; else echo "$f $(stat -c %a "$f")"; fi; done`)).stdout;
  }
  return listing;
}

/** `cxplay run PLAYBOOK` on the lab (plain, -v) with ENV, calling `then` once its output shows `marker`. */
export function runUntil(lab: Lab, playbook: string, options: { cwd: string; env: Record<string, string> }, marker: string, then: () => void): Promise<CommandResult> {
  return new Promise((resolvePromise, reject) => {
    const args = [cliPath, 'run', playbook, '-i', lab.inventoryPath, '-o', 'plain', '-v'];
    const child = spawn(process.execPath, args, { cwd: options.cwd, env: { ...process.env, NO_COLOR: '1', ...options.env } });
    let stdout = '';
    let stderr = '';
    let seen = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (!seen && stdout.includes(marker)) {
        seen = true;
        then();
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code: code ?? 1, stdout, stderr }));
  });
}
