/**
 * ansible-playbook's side of a differential test on the lab, recorded
 * (ansible-reference.ts): it runs on a lab of its own, so the recording is
 * made without the lab the test starts for cxplay.
 */
import { resolve } from 'node:path';
import { Lab, type LabOptions } from '../lab/lab.js';
import { ansibleReference } from './ansible-reference.js';
import { projectRoot } from './cli.js';

export interface LabReferenceRequest {
  /** Where the recording lives under test/references. */
  readonly name: string;
  /** What decides the outcome besides the lab's code and the harness (added here): the test file, the playbooks it runs. */
  readonly inputs: readonly string[];
  /** The test's temp directory, written `<WORK>` in the recording. */
  readonly work: string;
  /** How the lab is started; its functions (a setup script) are read from the test file, an input. */
  readonly lab: LabOptions;
  /** Anything else that decides the outcome (flags, the controller's environment), as JSON. */
  readonly settings?: unknown;
}

/**
 * `run(lab)`'s outcome (it runs ansible-playbook on the lab and reads what it
 * left), recorded while the inputs, the lab's code, the harness and the
 * settings are unchanged. The lab's 127.0.X.0/24, picked free per run, is
 * written 127.0.<LAB> in the recording.
 */
export function labReference<T>(request: LabReferenceRequest, run: (lab: Lab) => Promise<T>): Promise<T> {
  const inputs = [...request.inputs, resolve(projectRoot, 'test', 'lab'), resolve(projectRoot, 'test', 'support', 'ansible.ts'), resolve(projectRoot, 'test', 'support', 'lab-reference.ts')];
  const settings = { lab: request.lab, settings: request.settings ?? null };
  return ansibleReference({ name: request.name, inputs, work: request.work, settings }, async () => {
    const lab = await Lab.start(request.lab);
    try {
      const outcome = JSON.stringify(await run(lab));
      const subnet = /^127\.0\.\d+\./.exec(lab.hosts[0]?.address ?? '')?.[0];
      return JSON.parse(subnet ? outcome.split(subnet).join('127.0.<LAB>.') : outcome) as T;
    } finally {
      await lab.stop();
    }
  });
}
