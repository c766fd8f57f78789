/** setup on this machine: one exec, Ansible's fact names and values the machine confirms, subsets, filter and local facts. */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, hostname, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bytesToHuman } from '../../engine/modules/lib/facts/devices.js';
import { findModule } from '../../engine/modules/registry.js';
import { ansiblePlaybook, hasAnsible } from '../support/ansible.js';
import { runModule, tempDir } from './context.js';

const setup = findModule('setup')!;
let d: string;
let cleanup: () => void;
beforeEach(() => ({ path: d, cleanup } = tempDir()));
afterEach(() => cleanup());

const factsOf = async (args: Record<string, unknown> = {}, environment?: Record<string, string>, vars?: Record<string, unknown>) => {
  const { result, execs } = await runModule(setup, { args, environment, vars });
  expect(result.failed, String(result.msg)).toBeUndefined();
  expect(execs).toBe(1);
  return result.ansible_facts as Record<string, unknown>;
};

describe('setup', () => {
  it('gathers the facts in one exec', async () => {
    const facts = await factsOf();
    const osRelease = readFileSync('/etc/os-release', 'utf8');
    expect(facts).toMatchObject({
      ansible_hostname: hostname().split('.')[0],
      ansible_nodename: hostname(),
      ansible_kernel: release(),
      ansible_memtotal_mb: Math.floor(totalmem() / 1024 / 1024),
      ansible_system: 'Linux',
      ansible_distribution_release: /VERSION_CODENAME=(\w+)/.exec(osRelease)?.[1] ?? 'NA',
      gather_subset: ['all'],
      module_setup: true,
    });
    expect(facts.ansible_processor_nproc).toBeLessThanOrEqual(cpus().length);
    expect(facts.ansible_architecture).toMatch(/^(x86_64|aarch64)$/);
    expect(facts.ansible_distribution_major_version).toBe(String(facts.ansible_distribution_version).split('.')[0]);
    for (const address of facts.ansible_all_ipv4_addresses as string[]) expect(address).toMatch(/^(?!127\.)\d+\.\d+\.\d+\.\d+$/);
    for (const name of facts.ansible_interfaces as string[]) expect(facts[`ansible_${name}`]).toMatchObject({ device: name });
    expect((facts.ansible_env as Record<string, string>).HOME).toBe(process.env.HOME);
    expect(facts.ansible_date_time).toMatchObject({ epoch: expect.stringMatching(/^\d+$/), tz_offset: expect.stringMatching(/^[+-]\d{4}$/) });
    expect(facts.ansible_local).toEqual({});
  });

  it('gathers only what gather_subset asks for', async () => {
    // As Ansible's action, the interpreter is discovered whatever the subset (this machine has /usr/bin/python3).
    expect(Object.keys(await factsOf({ gather_subset: ['!all', '!min'] })).sort()).toEqual(['discovered_interpreter_python', 'gather_subset', 'module_setup']);
    expect(Object.keys(await factsOf({ gather_subset: ['!all', '!min'] }, undefined, { ansible_python_interpreter: '/usr/bin/python3' })).sort()).toEqual(['gather_subset', 'module_setup']);
    const network = await factsOf({ gather_subset: 'network,!all,!min' });
    expect(network).toHaveProperty('ansible_default_ipv4');
    expect(network).toHaveProperty('ansible_distribution');
    expect(network).not.toHaveProperty('ansible_mounts');
    expect(network).not.toHaveProperty('ansible_env');
  });

  it('fails with Ansible message on an unknown subset, before any exec', async () => {
    const { result, execs } = await runModule(setup, { args: { gather_subset: ['bogus'] } });
    expect(result).toMatchObject({ failed: true, msg: expect.stringMatching(/^Bad subset 'bogus' given to Ansible/) });
    expect(execs).toBe(0);
  });

  it('keeps only the facts a filter names', async () => {
    const facts = await factsOf({ filter: ['ansible_distribution*', 'memtotal_mb'] });
    expect(Object.keys(facts).sort()).toEqual(['ansible_distribution', 'ansible_distribution_file_parsed', 'ansible_distribution_file_path', 'ansible_distribution_file_variety', 'ansible_distribution_major_version', 'ansible_distribution_minor_version', 'ansible_distribution_release', 'ansible_distribution_version', 'ansible_memtotal_mb', 'discovered_interpreter_python']);
  });

  it('reads local facts from fact_path: JSON, INI and executable ones', async () => {
    const factPath = join(d, 'facts.d');
    mkdirSync(factPath);
    writeFileSync(join(factPath, 'app.fact'), '{"version": "1.2", "ports": [80]}');
    writeFileSync(join(factPath, 'site.fact'), '[site]\nName = lab\n');
    writeFileSync(join(factPath, 'run.fact'), '#!/bin/sh\necho "{\\"user\\": \\"$(id -un)\\"}"\n');
    chmodSync(join(factPath, 'run.fact'), 0o755);
    writeFileSync(join(factPath, 'ignored.txt'), '{}');
    const facts = await factsOf({ fact_path: factPath, gather_subset: ['!all', 'local'] });
    expect(facts.ansible_local).toEqual({ app: { version: '1.2', ports: [80] }, site: { site: { name: 'lab' } }, run: { user: expect.any(String) } });
  });

  it('gives the python facts of the interpreter Ansible would run, and discovers it when none is set', async () => {
    const python = JSON.parse(execFileSync('/usr/bin/python3', ['-c', 'import sys, json; print(json.dumps([list(sys.version_info), sys.executable, sys.implementation.name]))'], { encoding: 'utf8' })) as [unknown[], string, string];
    const facts = await factsOf({ gather_subset: ['!all', '!min', 'python', 'python_version'] });
    const [major, minor, micro, releaselevel, serial] = python[0];
    expect(facts.ansible_python).toEqual({ version: { major, minor, micro, releaselevel, serial }, version_info: python[0], executable: python[1], has_sslcontext: true, type: python[2] });
    expect(facts.ansible_python_version).toBe(`${major}.${minor}.${micro}`);
    expect(facts.discovered_interpreter_python).toBe('/usr/bin/python3');
    const configured = await factsOf({ gather_subset: ['!all', '!min', 'python'] }, undefined, { ansible_python_interpreter: 'python3' });
    expect(configured).not.toHaveProperty('discovered_interpreter_python');
    // The configured interpreter answers, found on PATH as Ansible runs it.
    const onPath = execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim();
    expect((configured.ansible_python as Record<string, unknown>).executable).toBe(onPath);
  });

  it('reads devices, device links, lvm, capabilities and is_chroot with Ansible types', async () => {
    const facts = await factsOf({ gather_subset: ['!all', '!min', 'hardware', 'caps', 'chroot'] });
    const devices = facts.ansible_devices as Record<string, Record<string, unknown>>;
    expect(Object.keys(devices).sort()).toEqual(readdirSync('/sys/block').sort());
    for (const [name, device] of Object.entries(devices)) {
      const sectors = readFileSync(`/sys/block/${name}/size`, 'utf8').trim();
      expect(device, name).toMatchObject({ virtual: 1, sectors, size: bytesToHuman(Number(sectors) * 512), removable: expect.stringMatching(/^[01]$/), holders: expect.any(Array), partitions: expect.any(Object), host: expect.any(String) });
      expect(device.size).toMatch(/^\d+\.\d\d (Bytes|[KMGTPEZY]B)$/);
      expect(Object.keys(device.links as object).sort()).toEqual(['ids', 'labels', 'masters', 'uuids']);
    }
    expect(Object.keys(facts.ansible_device_links as object).sort()).toEqual(['ids', 'labels', 'masters', 'uuids']);
    // This machine has no vgs: Ansible's N/A.
    expect(facts.ansible_lvm).toBe('N/A');
    expect(facts.ansible_is_chroot).toBe(false);
    expect(facts.ansible_system_capabilities_enforced).toMatch(/^(True|False|N\/A)$/);
    const chrooted = await factsOf({ gather_subset: ['!all', '!min', 'chroot'] }, { debian_chroot: 'build' });
    expect(chrooted.ansible_is_chroot).toBe(true);
  });

  it('gives a mount whose statvfs hangs Ansible note and warning after 10 seconds, the other mounts their sizes', async () => {
    const mounts = (await factsOf({ gather_subset: ['!all', '!min', 'mounts'] })).ansible_mounts as Record<string, unknown>[];
    const hung = String(mounts[0]!.mount);
    // A stat that hangs on that mount (as on a dead NFS server) and is the real one otherwise.
    mkdirSync(join(d, 'bin'));
    writeFileSync(join(d, 'bin', 'stat'), `#!/bin/sh\nfor a in "$@"; do [ "$a" = ${JSON.stringify(hung)} ] && exec sleep 60; done\nexec /usr/bin/stat "$@"\n`, { mode: 0o755 });
    const { result, warnings } = await runModule(setup, { args: { gather_subset: ['!all', '!min', 'mounts'] }, environment: { PATH: `${join(d, 'bin')}:${process.env.PATH}` } });
    const after = (result.ansible_facts as Record<string, unknown>).ansible_mounts as Record<string, unknown>[];
    expect(after.find((mount) => mount.mount === hung)).toEqual({ ...pick(mounts[0]!, ['mount', 'device', 'fstype', 'options']), note: 'Could not get extra information due to timeout' });
    for (const mount of after.filter((each) => each.mount !== hung)) expect(mount).toHaveProperty('size_total');
    expect(warnings).toContain(`Timeout exceeded when getting mount info for ${hung}`);
  }, 60_000);
});

describe.skipIf(!hasAnsible)('setup against ansible-core on this machine', () => {
  it('gives lvm as Ansible when root has the LVM tools (stand-ins for vgs, lvs, pvs and dmsetup first on PATH)', async () => {
    const bin = join(d, 'bin');
    mkdirSync(bin);
    const tools: Record<string, string> = {
      vgs: "printf '  vg0,2,3,0,wz--n-,99.50,10.25\\n'",
      lvs: "printf '  root,vg0,-wi-ao----,20.00,,,,,,,,\\n  swap,vg0,-wi-ao----,4.00,,,,,,,,\\n'",
      pvs: "case \"$*\" in *pv_name*) printf '  /dev/sda2\\n  /dev/dm-3\\n';; *) printf '  /dev/sda2,vg0,lvm2,a--,49.75,5.00\\n  /dev/dm-3,vg0,lvm2,a--,49.75,5.25\\n';; esac",
      dmsetup: "printf 'crypt0\\n'",
    };
    for (const [tool, body] of Object.entries(tools)) writeFileSync(join(bin, tool), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
    const path = `${bin}:${process.env.PATH}`;
    writeFileSync(join(d, 'inventory.ini'), 'localhost ansible_connection=local ansible_python_interpreter=/usr/bin/python3\n');
    writeFileSync(join(d, 'lvm.yaml'), JSON.stringify([{ hosts: 'all', gather_facts: false, tasks: [
      { setup: { gather_subset: ['!all', '!min', 'hardware'], filter: ['ansible_lvm'] }, environment: { PATH: path }, register: 'gathered' },
      { copy: { content: '{{ gathered.ansible_facts.ansible_lvm | to_json }}', dest: join(d, 'lvm.json') } },
    ] }]));
    const run = await ansiblePlaybook(['-i', join(d, 'inventory.ini'), join(d, 'lvm.yaml')], { cwd: d, work: d });
    expect(run.code, run.stdout).toBe(0);
    const theirs = JSON.parse(readFileSync(join(d, 'lvm.json'), 'utf8')) as unknown;
    expect(theirs).toHaveProperty(['pvs', '/dev/mapper/crypt0']);
    const ours = await factsOf({ gather_subset: ['!all', '!min', 'hardware'], filter: ['ansible_lvm'] }, { PATH: path });
    expect(ours.ansible_lvm).toEqual(theirs);
  }, 120_000);
});

function pick(object: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, object[key]]));
}
