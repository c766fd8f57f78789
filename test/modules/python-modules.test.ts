/**
 * Modules cxplay has no native version of run on a host over SSH through
 * Ansible's module protocol (engine/modules/python/): ansible-core's own
 * getent, ping (forced onto the Python path) and apt in check mode (with a
 * stand-in apt-get first on PATH, so nothing is installed), and a custom
 * module from a role's library/ that reports the check and diff mode it was
 * told and the user it ran as (become). The same playbook under
 * ansible-playbook gives the same recap and registered results; a no_log
 * argument never shows in the output nor in any process's arguments.
 * ansible-playbook's side is recorded in test/references/python-modules while
 * its inputs are unchanged (test/support/lab-reference.ts).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from '../lab/lab.js';
import { ansiblePlaybook, hasAnsible } from '../support/ansible.js';
import { parseRecap, projectRoot } from '../support/cli.js';
import { labReference } from '../support/lab-reference.js';
import { cxplayRun, labInventory, scratch, watchProcessArguments, type Scratch } from '../reliability/support.js';

const fixture = resolve(projectRoot, 'test', 'modules', 'data', 'python-path');
const SECRET = 'Py-S3cret-Arg-51x';
/** ping has a native version: the operator's setting sends it through ansible-core's module instead. */
// ping and apt have native versions: these runs send them through the Python path on purpose.
const FORCE_PYTHON = { CXPLAY_PYTHON_MODULES: 'ping,apt' };
let lab: Lab;
let work: Scratch;

/** A lab host with the fixture's stand-in apt-get in /opt/standins. */
async function withStandIn(host: Lab): Promise<void> {
  const standIn = readFileSync(join(fixture, 'apt-get')).toString('base64');
  await host.exec('node1', `mkdir -p /opt/standins && echo ${standIn} | base64 -d > /opt/standins/apt-get && chmod 755 /opt/standins/apt-get`);
}

beforeAll(async () => {
  lab = await Lab.start({ names: ['node1'] });
  work = scratch('python-path');
  work.write('inventory.yaml', labInventory(lab));
  await withStandIn(lab);
});

afterAll(async () => {
  await lab?.stop();
  work?.remove();
});

async function hostFile(path: string): Promise<string> {
  return (await lab.exec('node1', `cat ${path}`)).stdout;
}

async function runOurs(args: readonly string[]): Promise<{ code: number; out: string; results: Record<string, Record<string, unknown>> }> {
  await lab.exec('node1', 'rm -f /opt/results.json /opt/standins/apt-get.calls');
  // The remote_tmp ansiblePlaybook() sets: modules report it in their warnings.
  const env = { ...FORCE_PYTHON, ANSIBLE_REMOTE_TMP: '/tmp/.ansible-remote' };
  const run = await cxplayRun(['run', join(fixture, 'site.yaml'), '-i', work.path('inventory.yaml'), '-o', 'plain', ...args], { cwd: fixture, env });
  return { code: run.code, out: run.stdout + run.stderr, results: JSON.parse((await hostFile('/opt/results.json')) || '{}') as Record<string, Record<string, unknown>> };
}

describe('modules through the Python path, over SSH', () => {
  it('--list-tasks says which tasks take the Python path and from which file', async () => {
    const run = await cxplayRun(['run', join(fixture, 'site.yaml'), '-i', work.path('inventory.yaml'), '--list-tasks'], { cwd: fixture, env: FORCE_PYTHON });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`echo : Custom module from the role's library\tTAGS: []\tPYTHON: ${join(fixture, 'roles', 'echo', 'library', 'echo_args.py')}`);
    expect(run.stdout).toMatch(/ansible-core's getent\tTAGS: \[\]\tPYTHON: \S+\/ansible\/modules\/getent\.py\n/);
    expect(run.stdout).toMatch(/ansible-core's ping\tTAGS: \[\]\tPYTHON: \S+\/ansible\/modules\/ping\.py\n/);
    expect(run.stdout).toMatch(/ansible-core's apt, in check mode.*\tPYTHON: \S+\/ansible\/modules\/apt\.py\n/);
    // The native path stays the default: no PYTHON note without the setting, nor for copy.
    const native = await cxplayRun(['run', join(fixture, 'site.yaml'), '-i', work.path('inventory.yaml'), '--list-tasks'], { cwd: fixture });
    expect(native.stdout).toMatch(/ansible-core's ping\tTAGS: \[\]\n/);
    expect(native.stdout).toMatch(/Collect the registered results on the host\tTAGS: \[\]\n/);
  });

  it('runs ansible-core modules and a role library module, with check mode, diff and become passed as Ansible passes them', async () => {
    const { code, out, results } = await runOurs(['--diff']);
    expect(code, out).toBe(0);
    expect(parseRecap(out)).toEqual({ node1: { ok: 7, changed: 4, unreachable: 0, failed: 0, skipped: 0, rescued: 0, ignored: 0 } });
    expect(results.echo_plain).toMatchObject({ changed: true, value: 'hello from the controller', check_mode: false, diff_mode: true, uid: 0 });
    expect(results.echo_check).toMatchObject({ changed: true, check_mode: true, diff_mode: true, diff: { before: 'old\n', after: 'hello from the controller\n' } });
    expect(results.echo_become).toMatchObject({ changed: false, value: 'as nobody', uid: 65534 });
    // register keeps what Ansible keeps: no echoed arguments.
    expect(results.echo_plain).not.toHaveProperty('invocation');
    expect(results.getent).toMatchObject({ changed: false, ansible_facts: { getent_passwd: { root: ['x', '0', '0', 'root', '/root', expect.any(String)] } } });
    expect(results.getent_fact).toEqual(['x', '0', '0', 'root', '/root', expect.any(String)]);
    expect(results.ping).toEqual({ changed: false, failed: false, ping: 'through python' });
    expect(results.apt).toMatchObject({ changed: true, failed: false });
    expect(String(results.apt!.stdout)).toMatch(/^Inst hello=\S+ \(1\.0 stand-in \[amd64\]\)$/m);
    // The diff of the check-mode task is shown as Ansible shows a module's diff.
    expect(out).toContain('-old\n+hello from the controller');
    const calls = await hostFile('/opt/standins/apt-get.calls');
    expect(calls).toMatch(/--simulate install hello=/);
    expect((await lab.exec('node1', 'dpkg -s hello')).code).not.toBe(0);
  });

  it('a no_log argument never shows in the output nor in any process argument; the module is told no_log', async () => {
    const playbook = work.write('no-log.yaml', [
      {
        hosts: 'all',
        gather_facts: false,
        roles: [],
        tasks: [
          { name: 'Secret argument', echo_args: { value: 'visible', secret: SECRET }, no_log: true, register: 'hidden' },
          { name: 'Secret in a task without no_log (the module censors its own no_log argument)', echo_args: { value: 'shown', secret: SECRET }, register: 'shown' },
          { copy: { dest: '/opt/no-log.json', content: '{{ shown | to_json }}' } },
        ],
      },
    ]);
    // The module lives in the fixture role's library/: a playbook-adjacent library/ is searched too.
    work.write('library/echo_args.py', readFileSync(join(fixture, 'roles', 'echo', 'library', 'echo_args.py')));
    const stopWatching = await watchProcessArguments(lab, ['node1'], [SECRET]);
    const run = await cxplayRun(['run', playbook, '-i', work.path('inventory.yaml'), '-vvv'], { cwd: work.dir });
    const hits = await stopWatching();
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout + run.stderr).not.toContain(SECRET);
    expect(hits).toEqual([]);
    expect(run.stdout).toContain("the output has been hidden due to the fact that 'no_log: true' was specified for this result");
    expect(await hostFile('/opt/no-log.json')).not.toContain(SECRET);
  });

  it('refuses at load, naming file:line:col, a module that is nowhere, and one that needs an Ansible action plugin', async () => {
    const playbook = work.write('bad.yaml', [{ hosts: 'all', gather_facts: false, tasks: [{ getentt: { database: 'passwd' } }] }]);
    const unknown = await cxplayRun(['run', playbook, '-i', work.path('inventory.yaml')], { cwd: work.dir });
    expect(unknown.code).toBe(4);
    expect(unknown.stderr).toMatch(/bad\.yaml:4:\d+: unknown module 'getentt'/);
    // A collection's module with an action plugin of the same name (ansible-core's own all have a native version).
    work.write('collections/ansible_collections/acme/tools/plugins/modules/deploy.py', 'from ansible.module_utils.basic import AnsibleModule\n');
    work.write('collections/ansible_collections/acme/tools/plugins/action/deploy.py', 'from ansible.plugins.action import ActionBase\n');
    const needsPlugin = work.write('plugin.yaml', [{ hosts: 'all', gather_facts: false, tasks: [{ 'acme.tools.deploy': { what: 'a' } }] }]);
    const refused = await cxplayRun(['run', needsPlugin, '-i', work.path('inventory.yaml')], { cwd: work.dir });
    expect(refused.code).toBe(4);
    expect(refused.stderr).toMatch(/plugin\.yaml:4:\d+: module 'acme\.tools\.deploy' needs Ansible's action plugin/);
  });

  it.skipIf(!hasAnsible)('gives the recap and registered results ansible-playbook gives', { timeout: 300_000 }, async () => {
    const ours = await runOurs([]);
    // Ansible's run on a lab of its own, recorded while the fixture, the inventory's maker and this file are unchanged.
    const inputs = [fixture, resolve(projectRoot, 'test', 'reliability', 'support.ts'), fileURLToPath(import.meta.url)];
    const { theirs, reference } = await labReference({ name: 'python-modules/site.yaml', inputs, work: work.dir, lab: { names: ['node1'] } }, async (ansibleLab) => {
      await withStandIn(ansibleLab);
      const inventory = work.write('ansible-inventory.yaml', labInventory(ansibleLab));
      const result = await ansiblePlaybook(['-i', inventory, join(fixture, 'site.yaml')], { cwd: fixture, work: work.dir });
      return { theirs: result, reference: JSON.parse((await ansibleLab.exec('node1', 'cat /opt/results.json')).stdout) as unknown };
    });
    expect(ours.code, ours.out).toBe(theirs.code);
    expect(parseRecap(ours.out), ours.out).toEqual(parseRecap(theirs.stdout));
    expect(machineValuesAsTypes(ours.results)).toEqual(machineValuesAsTypes(reference));
  });
});

/** apt's cache_update_time is when this machine last updated its package lists (for both engines): compared as its type. */
function machineValuesAsTypes(results: unknown): unknown {
  return JSON.parse(JSON.stringify(results), (key, value: unknown) => (key === 'cache_update_time' ? typeof value : value));
}
