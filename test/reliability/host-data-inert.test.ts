/**
 * Data that came from a host is never evaluated again as a template: a file
 * holding `{{ 7*7 }}`, a lookup and an undefined name, read back through a
 * registered stdout, slurp, set_fact, and a fact (the host's name set to an
 * expression), is echoed back literally, in output and in files written from
 * it. A property test throws random expression-shaped text from a host through
 * every path that could template it twice, and expects what ansible-playbook
 * 2.14 gives (measured): literal data, or Ansible's refusal of a condition
 * built from it ("Conditional is marked as unsafe").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from '../lab/lab.js';
import { cxplayRun, labInventory, scratch, type Scratch } from './support.js';
import { seededRandom } from '../support/seeded-random.js';

const HOSTILE = "{{ 7*7 }} {{ lookup('pipe', 'touch /tmp/pwned') }} {{ not_defined_anywhere }} {% if true %}x{% endif %}";
const HOSTNAME = '{{7*7}}';
/** A controller environment variable no output may ever show, and what evaluating the texts' expressions would give. */
const CANARY = `canary-${process.pid}-Xw8`;
const EVALUATED = 'ZqZqZq';
const UNSAFE = 'Conditional is marked as unsafe, and cannot be evaluated.';
const SAMPLES = 10;
const SEED = Number(process.env.CXPLAY_PROPERTY_SEED ?? Date.now() % 1_000_000);

let lab: Lab;
let work: Scratch;

beforeAll(async () => {
  lab = await Lab.start({ names: ['node1'], setup: () => `printf '%s' '${HOSTNAME}' > /proc/sys/kernel/hostname` });
  work = scratch('host-data');
  work.write('inventory.yaml', labInventory(lab));
  work.write('playbook.yaml', [
    {
      name: 'Echo host data back',
      hosts: 'all',
      tasks: [
        { name: 'Read', command: 'cat /opt/hostile', register: 'out' },
        { name: 'Show registered', debug: { msg: 'registered={{ out.stdout }}' } },
        { name: 'Write registered', copy: { content: '{{ out.stdout }}', dest: '/opt/echo-registered' } },
        { name: 'Slurp', slurp: { src: '/opt/hostile' }, register: 'slurped' },
        { name: 'Write slurped', copy: { content: "{{ slurped.content | b64decode }}", dest: '/opt/echo-slurped' } },
        { name: 'Keep as fact', set_fact: { kept: '{{ out.stdout }}' } },
        { name: 'Write fact', copy: { content: '{{ kept }}', dest: '/opt/echo-fact' } },
        { name: 'Write hostname fact', copy: { content: '{{ ansible_hostname }}', dest: '/opt/echo-hostname' } },
      ],
    },
  ]);
  work.write('templates/kept.j2', 'kept={{ kept_text }}\n');
});

afterAll(async () => {
  await lab?.stop();
  work?.remove();
});

async function read(path: string): Promise<string> {
  return (await lab.exec('node1', `cat '${path}'`)).stdout;
}

describe('data from a host', () => {
  it('stays literal when registered, slurped, kept as a fact or gathered', async () => {
    await lab.exec('node1', `printf '%s' "${HOSTILE.replaceAll('"', '\\"')}" > /opt/hostile`);
    const result = await cxplayRun(['run', 'playbook.yaml', '-i', 'inventory.yaml'], { cwd: work.dir });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain(JSON.stringify(`registered=${HOSTILE}`));
    expect(await read('/opt/echo-registered')).toBe(HOSTILE);
    expect(await read('/opt/echo-slurped')).toBe(HOSTILE);
    expect(await read('/opt/echo-fact')).toBe(HOSTILE);
    expect(await read('/opt/echo-hostname')).toBe(HOSTNAME);
    expect((await lab.exec('node1', 'test -e /tmp/pwned')).code).not.toBe(0);
  });

  it(`is never evaluated on any path that could template it twice (${SAMPLES} random texts, seed ${SEED})`, async () => {
    const texts = hostileTexts(SEED, SAMPLES);
    const files = texts.map((text, index) => `echo ${Buffer.from(text).toString('base64')} | base64 -d > /opt/hostile-dir/${index}`);
    await lab.exec('node1', ['rm -rf /opt/hostile-dir /opt/kept-*', 'mkdir -p /opt/hostile-dir', ...files].join('\n'));
    work.write('every-path.yaml', everyPathPlaybook(texts.length));
    const run = await cxplayRun(['run', 'every-path.yaml', '-i', 'inventory.yaml', '-o', 'json'], {
      cwd: work.dir,
      env: { CXPLAY_CANARY: CANARY },
    });
    const context = `seed ${SEED} (rerun with CXPLAY_PROPERTY_SEED=${SEED}); texts: ${JSON.stringify(texts)}\n${run.stdout}${run.stderr}`;
    const output = run.stdout + run.stderr;
    expect(output.includes(CANARY), `the controller's environment leaked; ${context}`).toBe(false);
    expect(output.includes(EVALUATED), `host text was evaluated; ${context}`).toBe(false);

    const results = itemResults(run.stdout);
    const item = (task: string, index: number) => {
      const found = results.get(task)?.[index];
      if (!found) throw new Error(`no result for item ${index} of '${task}'; ${context}`);
      return found;
    };
    texts.forEach((text, index) => {
      const where = `text ${JSON.stringify(text)}; ${context}`;
      expect(item('debug msg', index).result.msg, where).toBe(text);
      expect(item('debug var templated', index).result[text], where).toBe(`{{${text}}}`);
      expect(item('debug msg from set_fact', index).result.msg, where).toBe(text);
      expect(item('debug var from set_fact', index).result.t, where).toBe(text);
      for (const path of CONDITION_PATHS) {
        const task = `${path} ${index}`;
        expect(item(task, 0).status, `${task}: ${where}`).toBe('failed');
        expect(String(item(task, 0).result.msg), `${task}: ${where}`).toContain(UNSAFE);
      }
    });
    const kept = texts.join('|');
    expect(await read('/opt/kept-copy')).toBe(kept);
    expect(await read('/opt/kept-template')).toBe(`kept=${kept}\n`);
    const include = item('include_tasks from host text', 0);
    expect(include.status).toBe('failed');
    expect(String(include.result.msg), context).toContain(`${texts[0]}.yml`);
  });
});

/** Conditions built from host text: Ansible fails the task (for a loop, at the first item), so each text gets its own tasks. */
const CONDITION_PATHS = ['assert interpolated', 'when whole', 'when interpolated', 'failed_when', 'changed_when', 'until', 'when from set_fact'];

function conditionTasks(index: number): object[] {
  const each = { vars: { r: `{{ rs.results[${index}] }}` }, ignore_errors: true };
  return [
    { name: `assert interpolated ${index}`, assert: { that: ["'{{ r.stdout }}' == 'ready'"] }, ...each },
    { name: `when whole ${index}`, debug: { msg: 'ran' }, when: '{{ r.stdout }}', ...each },
    { name: `when interpolated ${index}`, debug: { msg: 'ran' }, when: "'{{ r.stdout }}' != 'x'", ...each },
    { name: `failed_when ${index}`, command: 'true', failed_when: "'{{ r.stdout }}' == 'x'", ...each },
    { name: `changed_when ${index}`, command: 'true', changed_when: "'{{ r.stdout }}' == 'x'", ...each },
    { name: `until ${index}`, command: 'true', until: "'{{ r.stdout }}' != 'x'", retries: 1, delay: 0, ...each },
    { name: `when from set_fact ${index}`, debug: { msg: 'ran' }, when: `'{{ kept[${index}] }}' != 'q'`, ...each },
  ];
}

/** Every path that could template host data a second time, over the texts in /opt/hostile-dir (as `rs.results`). */
function everyPathPlaybook(count: number): object[] {
  const overResults = { loop: '{{ rs.results }}', loop_control: { label: '{{ item.item }}' } };
  const overKept = { loop: '{{ kept }}', loop_control: { loop_var: 't' } };
  return [
    {
      name: 'Every path',
      hosts: 'all',
      gather_facts: false,
      tasks: [
        { name: 'Find the texts', shell: 'ls /opt/hostile-dir | sort -n', register: 'names' },
        { name: 'Read', command: 'cat /opt/hostile-dir/{{ item }}', loop: '{{ names.stdout_lines }}', register: 'rs' },
        { name: 'debug msg', debug: { msg: '{{ item.stdout }}' }, ...overResults },
        { name: 'debug var templated', debug: { var: '{{ item.stdout }}' }, ...overResults },
        { name: 'Keep them', set_fact: { kept: "{{ rs.results | map(attribute='stdout') | list }}" } },
        { name: 'Join them', set_fact: { kept_text: "{{ kept | join('|') }}" } },
        { name: 'debug msg from set_fact', debug: { msg: '{{ t }}' }, ...overKept },
        { name: 'debug var from set_fact', debug: { var: 't' }, ...overKept },
        ...Array.from({ length: count }, (_, index) => conditionTasks(index)).flat(),
        { name: 'Copy them', copy: { content: '{{ kept_text }}', dest: '/opt/kept-copy' } },
        { name: 'Template them', template: { src: 'kept.j2', dest: '/opt/kept-template' } },
        { name: 'include_tasks from host text', include_tasks: '{{ kept[0] }}.yml' },
      ],
    },
  ];
}

interface ItemResult {
  readonly status: string;
  readonly result: Record<string, unknown>;
}

/** The per-item results of each task, in item order, from the JSON event stream (a task without a loop: one item). */
function itemResults(jsonLines: string): Map<string, ItemResult[]> {
  const byTask = new Map<string, ItemResult[]>();
  const events = jsonLines.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
  for (const event of events) {
    if (event.type !== 'host_result') continue;
    const task = (event.task as { name: string }).name;
    const looped = (event.result as { results?: unknown }).results !== undefined;
    if (looped) continue; // the loop's summary; its items came before it
    const list = byTask.get(task) ?? [];
    list.push({ status: String(event.status), result: event.result as Record<string, unknown> });
    byTask.set(task, list);
  }
  return byTask;
}

/** Random text shaped like expressions and templates: braces, statements, lookups, quotes, operators, words. */
function hostileTexts(seed: number, count: number): string[] {
  const random = seededRandom(seed);
  const lookup = "lookup('env','CXPLAY_CANARY')";
  const fragments = [
    "{{ 'Zq' * 3 }}",
    `{{ ${lookup} }}`,
    lookup,
    `' ~ ${lookup} ~ '`,
    `" + lookup("env", "CXPLAY_CANARY") + "`,
    '{% if true %}ZqZq{% endif %}Zq',
    '{%- for i in range(3) %}{{ i }}{% endfor %}',
    '{# note #}',
    "'Zq' * 3",
    '}} {{',
    '{{',
    '{%',
    "'",
    '"',
    '\\',
    ' == ',
    'ready',
    '{{ undefined_thing }}',
    "{{ '{{' ~ \"'Zq' * 3\" ~ '}}' }}",
  ];
  const word = () => Array.from({ length: 1 + Math.floor(random() * 6) }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join('');
  return Array.from({ length: count }, () => {
    const parts = Array.from({ length: 1 + Math.floor(random() * 4) }, () => (random() < 0.8 ? fragments[Math.floor(random() * fragments.length)]! : word()));
    const text = parts.join(random() < 0.5 ? '' : ' ').trim();
    return text === '' ? word() : text;
  });
}
