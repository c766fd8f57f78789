/**
 * Property test: strings built by a seeded generator from shell-dangerous
 * pieces (quotes, $(...), backticks, newlines, globs, spaces, backslashes,
 * redirections) used as command argv, shell environment, file names, copy
 * content, lineinfile lines and template values reach the target literally,
 * and none of the embedded commands ever runs there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from '../lab/lab.js';
import { parseRecap } from '../support/cli.js';
import { cxplayRun, labInventory, scratch, type Scratch } from './support.js';
import { seededRandom } from '../support/seeded-random.js';

const PIECES = [
  "'", '"', "'\\''", '$(touch /tmp/pwned)', '`touch /tmp/pwned`', '\n', '\t', '*', '?', '[a-z]', ' ', '  ', '\\', '\\n', '$HOME', '${x:-y}',
  ';', '&&', '|', '>', '<', '~', '#', '!', '%s', '%', '-n', '--', 'é', 'EOF', "'EOF'", 'word', 'a b', '$((1+1))', '&', ')', '(',
];

function samples(seed: number, count: number): string[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const length = 1 + Math.floor(random() * 6);
    return Array.from({ length }, () => PIECES[Math.floor(random() * PIECES.length)]!).join('');
  });
}

const SEED = 20261125;
const values = samples(SEED, 40);
const singleLine = values.map((value) => `line ${value.replaceAll('\n', ' ')}`);
const fileNames = values.map((value, index) => `f${index}-${value.replaceAll('/', '_')}`);

let lab: Lab;
let work: Scratch;

beforeAll(async () => {
  lab = await Lab.start({ names: ['node1'] });
  work = scratch('injection');
  work.write('inventory.yaml', labInventory(lab));
  work.write('vars.json', JSON.stringify({ values, single_line: singleLine, file_names: fileNames }));
  work.write('templates/value.hbs', '{{ value }}');
  const loop = (list: string) => ({ loop: `{{ ${list} }}`, loop_control: { index_var: 'idx' } });
  work.write('playbook.yaml', [
    {
      name: 'Dangerous strings, literally',
      hosts: 'all',
      gather_facts: false,
      vars_files: ['vars.json'],
      tasks: [
        { name: 'Directories', file: { path: '{{ item }}', state: 'directory' }, loop: ['/opt/inj', '/opt/inj/names'] },
        { name: 'command argv', command: { argv: ['printf', '%s|', '{{ item }}'] }, ...loop('values') },
        { name: 'shell environment', shell: `printf '%s|' "$INJ"`, environment: { INJ: '{{ item }}' }, ...loop('values') },
        { name: 'copy content', copy: { content: '{{ item }}', dest: '/opt/inj/copy-{{ idx }}' }, ...loop('values') },
        { name: 'template value', template: { src: 'value.hbs', dest: '/opt/inj/template-{{ idx }}' }, vars: { value: '{{ item }}' }, ...loop('values') },
        { name: 'file names', file: { path: '/opt/inj/names/{{ item }}', state: 'touch' }, ...loop('file_names') },
        { name: 'lineinfile lines', lineinfile: { path: '/opt/inj/lines', line: '{{ item }}', create: true }, ...loop('single_line') },
      ],
    },
  ]);
});

afterAll(async () => {
  await lab?.stop();
  work?.remove();
});

/** stdout of each loop item of a task, by index, from the JSON event stream. */
function itemStdouts(jsonLines: string, task: string): string[] {
  const out: string[] = [];
  for (const line of jsonLines.split('\n')) {
    if (!line.startsWith('{')) continue;
    const event = JSON.parse(line) as { type: string; task?: { name: string }; item?: unknown; result?: { stdout?: string; idx?: number } };
    if (event.type === 'host_result' && event.task?.name === task && event.item !== undefined) out[event.result!.idx!] = event.result!.stdout!;
  }
  return out;
}

async function remoteFile(path: string): Promise<string> {
  const { stdout } = await lab.exec('node1', `base64 -w0 ${path}`);
  return Buffer.from(stdout, 'base64').toString('utf8');
}

describe(`dangerous strings (seed ${SEED})`, () => {
  it('reach the target literally through every module argument, and nothing embedded runs', async () => {
    const result = await cxplayRun(['run', 'playbook.yaml', '-i', 'inventory.yaml', '-o', 'json'], { cwd: work.dir });
    expect(result.code, result.stderr).toBe(0);

    expect(itemStdouts(result.stdout, 'command argv')).toEqual(values.map((value) => `${value}|`));
    expect(itemStdouts(result.stdout, 'shell environment')).toEqual(values.map((value) => `${value}|`));
    for (const [index, value] of values.entries()) {
      expect(await remoteFile(`/opt/inj/copy-${index}`), `copy ${JSON.stringify(value)}`).toBe(value);
      expect(await remoteFile(`/opt/inj/template-${index}`), `template ${JSON.stringify(value)}`).toBe(value);
    }
    const names = (await lab.exec('node1', 'cd /opt/inj/names && find . -mindepth 1 -print0 | base64 -w0')).stdout;
    const listed = Buffer.from(names, 'base64').toString('utf8').split('\0').filter(Boolean).map((name) => name.slice(2));
    expect(listed.sort()).toEqual([...fileNames].sort());
    expect(await remoteFile('/opt/inj/lines')).toBe(singleLine.map((line) => `${line}\n`).join(''));
    expect((await lab.exec('node1', 'test -e /tmp/pwned')).code).not.toBe(0);

    const again = await cxplayRun(['run', 'playbook.yaml', '-i', 'inventory.yaml'], { cwd: work.dir });
    const recap = parseRecap(again.stdout).node1!;
    expect(recap.failed).toBe(0);
    // command, shell and file touch always report a change; the writes do not repeat.
    expect(recap.changed).toBe(3);
  }, 120_000);
});
