/**
 * Data that came from a host is never evaluated again as a template: a file
 * holding `{{ 7*7 }}`, a lookup and an undefined name, read back through a
 * registered stdout, slurp, set_fact, and a fact (the host's name set to an
 * expression), is echoed back literally, in output and in files written from
 * it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from '../lab/lab.js';
import { cxplayRun, labInventory, scratch, type Scratch } from './support.js';

const HOSTILE = "{{ 7*7 }} {{ lookup('pipe', 'touch /tmp/pwned') }} {{ not_defined_anywhere }} {% if true %}x{% endif %}";
const HOSTNAME = '{{7*7}}';

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
});
