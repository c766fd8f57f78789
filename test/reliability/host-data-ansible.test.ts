/**
 * Host data that looks like an expression, side by side with ansible-playbook
 * 2.14 on the same playbook and host: each task ends the same way (ok,
 * changed, failed) and debug shows the same values. Ansible never evaluates
 * such text again: a condition built from it fails ("Conditional is marked as
 * unsafe"), and debug's `var` gives the text back between braces. Values the
 * playbook marks `!unsafe` (in inventory group_vars, vars_files, task
 * arguments and task vars) are treated the same way. ansible-playbook's run is
 * recorded in test/references/host-data-ansible while this file is unchanged.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from '../lab/lab.js';
import { ansiblePlaybook, hasAnsible } from '../support/ansible.js';
import type { CommandResult } from '../support/cli.js';
import { labReference } from '../support/lab-reference.js';
import { cxplayRun, labInventory, scratch, type Scratch } from './support.js';

const TEXTS = ["{{ 7*7 }} ' ~ lookup('env','CXPLAY_CANARY') ~ ' {{ lookup('env','CXPLAY_CANARY') }}", 'ready'];
const CANARY = `canary-${process.pid}-Kp3`;

let lab: Lab;
let work: Scratch;

const LAB_OPTIONS = { names: ['node1'] };

/** TARGET's node1 holding the texts (/opt/texts/0, 1...) and its inventory written to INVENTORY. */
async function prepare(target: Lab, inventory: string): Promise<void> {
  work.write(inventory, labInventory(target, { node1: { ansible_python_interpreter: '/usr/bin/python3' } }));
  const files = TEXTS.map((text, index) => `echo ${Buffer.from(text).toString('base64')} | base64 -d > /opt/texts/${index}`);
  await target.exec('node1', ['mkdir -p /opt/texts', ...files].join('\n'));
}

/** ansible-playbook's run at -v on a lab of its own, recorded while this file (which writes the playbook and the texts) is unchanged. */
function ansibleRun(): Promise<CommandResult> {
  return labReference({ name: 'host-data-ansible/playbook', inputs: [fileURLToPath(import.meta.url)], work: work.dir, lab: LAB_OPTIONS }, async (target) => {
    await prepare(target, 'ansible-inventory.yaml');
    const { code, stdout, stderr } = await ansiblePlaybook(['-i', 'ansible-inventory.yaml', 'playbook.yaml', '-v'], { cwd: work.dir, work: work.dir });
    return { code, stdout, stderr };
  });
}

beforeAll(async () => {
  lab = await Lab.start(LAB_OPTIONS);
  work = scratch('host-data-ansible');
  work.write('playbook.yaml', [{ name: 'Host data', hosts: 'all', gather_facts: false, vars_files: ['unsafe-vars.yaml'], tasks: [...tasks(), { import_tasks: 'unsafe-tasks.yaml' }] }]);
  work.write('group_vars/all.yaml', "inv_unsafe: !unsafe 'p{{ 7*7 }}w{%'\n");
  work.write('unsafe-vars.yaml', "vf_unsafe: !unsafe '{{ 7*7 }} from vars_files'\n");
  work.write('unsafe-tasks.yaml', UNSAFE_TASKS);
  await prepare(lab, 'inventory.yaml');
});

afterAll(async () => {
  await lab?.stop();
  work?.remove();
});

function tasks(): object[] {
  const read = { name: 'Read', command: 'cat /opt/texts/{{ item }}', loop: TEXTS.map((_, index) => index), register: 'rs', changed_when: false };
  return [read, ...TEXTS.flatMap((_, index) => textTasks(index))];
}

function textTasks(index: number): object[] {
  const each = { vars: { r: `{{ rs.results[${index}] }}` }, ignore_errors: true };
  return [
    { name: `debug msg ${index}`, debug: { msg: '{{ r.stdout }}' }, ...each },
    { name: `debug var templated ${index}`, debug: { var: '{{ r.stdout }}' }, ...each },
    { name: `assert interpolated ${index}`, assert: { that: ["'{{ r.stdout }}' == 'ready'"] }, ...each },
    { name: `assert on the variable ${index}`, assert: { that: ["r.stdout != 'x'"] }, ...each },
    { name: `when whole ${index}`, debug: { msg: 'ran' }, when: '{{ r.stdout }}', ...each },
    { name: `when interpolated ${index}`, debug: { msg: 'ran' }, when: "'{{ r.stdout }}' != 'x'", ...each },
    { name: `when whole, not text ${index}`, debug: { msg: 'ran' }, when: '{{ r.rc == 0 }}', ...each },
    { name: `failed_when ${index}`, command: 'true', failed_when: "'{{ r.stdout }}' == 'x'", ...each },
    { name: `changed_when ${index}`, command: 'true', changed_when: "'{{ r.stdout }}' == 'x'", ...each },
    { name: `until ${index}`, command: 'true', register: 'u', until: "'{{ r.stdout }}' != 'x'", retries: 1, delay: 0, ...each },
    { name: `set_fact ${index}`, set_fact: { kept: '{{ r.stdout }}', around: 'a {{ r.stdout }} b' }, vars: each.vars },
    { name: `debug msg of the fact ${index}`, debug: { msg: '{{ kept }} / {{ around }}' }, ...each },
    { name: `debug var of the fact ${index}`, debug: { var: 'kept' }, ...each },
    { name: `when the fact ${index}`, debug: { msg: 'ran' }, when: 'kept', ...each },
    { name: `when interpolated fact ${index}`, debug: { msg: 'ran' }, when: "'{{ around }}' != 'x'", ...each },
    { name: `loop over the fact ${index}`, debug: { msg: '{{ item }}' }, loop: ['{{ kept }}', 'x{{ kept }}'], ...each },
  ];
}

/** Tasks with `!unsafe` values (written as YAML text: the tag has no JS form). */
const UNSAFE_TASKS = `
- name: debug an unsafe argument
  debug:
    msg: !unsafe '{{ 7*7 }} argument'
- name: debug unsafe inventory and vars_files values
  debug:
    msg: "{{ inv_unsafe }} / {{ vf_unsafe }}"
- name: when built from an unsafe value
  debug: {msg: ran}
  when: "'{{ vf_unsafe }}' != 'x'"
  ignore_errors: true
- name: debug var templated from an unsafe value
  debug:
    var: "{{ vf_unsafe }}"
- name: debug unsafe task vars
  debug:
    msg: "{{ tv }}"
  vars:
    tv: !unsafe '{{ tv_inner }}'
`;

interface Outcome {
  readonly status: string;
  /** What debug showed: its msg, or the value under its var's name. */
  readonly shown?: unknown;
}

function shownBy(result: Record<string, unknown>): unknown {
  const keys = Object.keys(result).filter((key) => !['changed', 'failed', '_ansible_verbose_always', '_ansible_no_log', 'ansible_loop_var', 'item'].includes(key));
  return keys.length === 1 ? { [keys[0]!]: result[keys[0]!] } : undefined;
}

const ANSIBLE_STATUS: Record<string, string> = { ok: 'ok', changed: 'changed', fatal: 'failed', failed: 'failed', skipping: 'skipped' };

/**
 * ansible-playbook's default output: each task's status on node1 (a loop's
 * worst item) and, for a debug task without a loop, the result it printed.
 */
function ansibleOutcomes(stdout: string): Map<string, Outcome> {
  const outcomes = new Map<string, Outcome>();
  for (const section of stdout.split(/^TASK \[/m).slice(1)) {
    const name = section.slice(0, section.indexOf(']'));
    const lines = [...section.matchAll(/^(ok|changed|fatal|failed|skipping): \[node1\](.*)$/gm)];
    const statuses = lines.map((line) => ANSIBLE_STATUS[line[1]!]!);
    const status = ['failed', 'changed', 'ok', 'skipped'].find((candidate) => statuses.includes(candidate))!;
    const looped = lines.some((line) => line[2]!.includes('(item='));
    const printed = /=> (\{\n[\s\S]*?\n\})\n/.exec(section);
    const shown = name.startsWith('debug') && !looped && printed ? shownBy(JSON.parse(printed[1]!) as Record<string, unknown>) : undefined;
    outcomes.set(name, { status, shown });
  }
  return outcomes;
}

/** cxplay's JSON events: each task's final result on node1. */
function cxplayOutcomes(stdout: string): Map<string, Outcome> {
  const outcomes = new Map<string, Outcome>();
  for (const line of stdout.split('\n').filter((text) => text.startsWith('{'))) {
    const event = JSON.parse(line) as { type: string; item?: unknown; status: string; task: { name: string }; result: Record<string, unknown> };
    if (event.type !== 'host_result' || event.item !== undefined) continue;
    const name = event.task.name;
    const shown = name.startsWith('debug') && event.result.results === undefined ? shownBy(event.result) : undefined;
    outcomes.set(name, { status: event.status, shown });
  }
  return outcomes;
}

describe.skipIf(!hasAnsible)('host data that looks like an expression, as ansible-playbook treats it', () => {
  it('ends every task as Ansible does and shows the same values, never evaluating the text', async () => {
    const env = { CXPLAY_CANARY: CANARY };
    const ansible = await ansibleRun();
    const cxplay = await cxplayRun(['run', 'playbook.yaml', '-i', 'inventory.yaml', '-o', 'json'], { cwd: work.dir, env });
    expect(ansible.code, ansible.stdout + ansible.stderr).toBe(0);
    expect(cxplay.code, cxplay.stdout + cxplay.stderr).toBe(0);
    expect(cxplay.stdout + cxplay.stderr).not.toContain(CANARY);
    const expected = ansibleOutcomes(ansible.stdout);
    const actual = cxplayOutcomes(cxplay.stdout);
    expect(actual.size).toBe(expected.size);
    for (const [name, outcome] of expected) expect({ name, ...actual.get(name) }).toEqual({ name, ...outcome });
  }, 300_000);
});
