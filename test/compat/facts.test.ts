/**
 * Facts, differential: ansible-playbook and cxplay gather on the same lab
 * host (test/compat/facts/facts.yaml writes what each saw) and every fact
 * Ansible gives must come back with the same type and value. Only what truly
 * changes between two gathers (the time, free memory and disk, load, uptime,
 * the SSH client's port) is compared by type and plausibility. Each
 * documented gather_subset (and negations, fact ids) must select the same
 * facts with the same values.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from '../lab/lab.js';
import { ansiblePlaybook, hasAnsible } from '../support/ansible.js';
import { cxplay, projectRoot } from '../support/cli.js';

type Facts = Record<string, unknown>;

const dir = resolve(projectRoot, 'test', 'compat', 'facts');
/**
 * Facts of Ansible that cxplay does not give on this machine, each with why
 * (README: facts). Empty: every fact Ansible gathers here, cxplay gathers too.
 */
const NOT_GIVEN: readonly string[] = [];
const FACT_DIR = '/root/facts.d';

let lab: Lab;
let work: string;
const seen: Record<'ansible' | 'cxplay', Record<string, Facts>> = { ansible: {}, cxplay: {} };

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'cxplay-facts-'));
  lab = await Lab.start({ hosts: 1 });
  // /root is the host's own tmpfs: local facts of each kind, one that fails.
  const files = [
    `mkdir -p ${FACT_DIR}`,
    `printf '%s' '{"release": "2.4", "ports": [80, 443], "nested": {"on": true}}' > ${FACT_DIR}/app.fact`,
    `printf '[site]\\nName = lab\\nurl: http://%%(name)s.example\\n\\n[empty]\\n' > ${FACT_DIR}/site.fact`,
    `printf '#!/bin/sh\\necho "{\\\\"who\\\\": \\\\"$(id -un)\\\\"}"\\n' > ${FACT_DIR}/who.fact && chmod 755 ${FACT_DIR}/who.fact`,
    `printf '#!/bin/sh\\necho broken >&2\\nexit 3\\n' > ${FACT_DIR}/broken.fact && chmod 755 ${FACT_DIR}/broken.fact`,
    `printf 'neither json nor ini' > ${FACT_DIR}/junk.fact`,
  ];
  const made = await lab.exec(lab.hosts[0]!.name, files.join(' && '));
  if (made.code !== 0) throw new Error(made.stderr);
  for (const engine of ['ansible', 'cxplay'] as const) {
    const out = join(work, engine);
    mkdirSync(out);
    const args = [join(dir, 'facts.yaml'), '-i', lab.inventoryPath, '-e', `out_dir=${out}`, '-e', `fact_dir=${FACT_DIR}`];
    const run = engine === 'ansible' ? await ansiblePlaybook(args, { cwd: dir, work }) : await cxplay(['run', ...args, '-o', 'plain'], { cwd: dir });
    if (run.code !== 0) throw new Error(`${engine}: ${run.stdout}${run.stderr}`);
    for (const file of ['all', 'vars', 'subsets']) seen[engine][file] = JSON.parse(readFileSync(join(out, `${file}.json`), 'utf8')) as Facts;
  }
}, 300_000);

afterAll(async () => {
  await lab?.stop();
  rmSync(work, { recursive: true, force: true });
});

const typeOf = (value: unknown) => (Array.isArray(value) ? 'list' : value === null ? 'null' : typeof value);
const sorted = (value: unknown) => [...(value as string[])].sort();

/** Facts that change between two gathers: same shape, plausible values. */
const VARYING: Readonly<Record<string, (ours: unknown, theirs: unknown) => void>> = {
  date_time: (ours, theirs) => {
    const [a, b] = [ours as Record<string, string>, theirs as Record<string, string>];
    expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
    for (const key of ['tz', 'tz_dst', 'tz_offset']) expect(a[key], key).toBe(b[key]);
    expect(Math.abs(Number(a.epoch) - Number(b.epoch))).toBeLessThan(900);
    expect(a.weekday).toMatch(/^[A-Z][a-z]+day$/);
    for (const key of Object.keys(b).filter((name) => name !== 'weekday')) expect(a[key], key).toMatch(new RegExp(`^${b[key]!.replace(/[.+]/g, '\\$&').replace(/[0-9]/g, '[0-9]')}$`));
  },
  memfree_mb: (ours) => expect(typeof ours).toBe('number'),
  uptime_seconds: (ours, theirs) => expect(Math.abs((ours as number) - (theirs as number))).toBeLessThan(900),
  loadavg: (ours, theirs) => expect(Object.keys(ours as Facts).sort()).toEqual(Object.keys(theirs as Facts).sort()),
  memory_mb: (ours, theirs) => {
    const [a, b] = [ours as Record<string, Record<string, number>>, theirs as Record<string, Record<string, number>>];
    expect(a.real!.total).toBe(b.real!.total);
    expect(a.swap!.total).toBe(b.swap!.total);
    for (const part of Object.keys(b)) expect(Object.keys(a[part]!).sort(), part).toEqual(Object.keys(b[part]!).sort());
  },
  mounts: (ours, theirs) => {
    const stable = (mounts: unknown) => (mounts as Facts[]).map(({ mount, device, fstype, options, uuid, size_total, block_size, block_total, inode_total }) => ({ mount, device, fstype, options, uuid, size_total, block_size, block_total, inode_total }));
    expect(stable(ours)).toEqual(stable(theirs));
    for (const [index, mount] of (theirs as Facts[]).entries()) expect(Object.keys((ours as Facts[])[index]!).sort()).toEqual(Object.keys(mount).sort());
  },
  env: (ours, theirs) => {
    const pick = (env: unknown) => Object.fromEntries(['HOME', 'LOGNAME', 'USER', 'PATH', 'SHELL', 'PWD', 'MAIL'].map((key) => [key, (env as Record<string, string>)[key]]));
    expect(pick(ours)).toEqual(pick(theirs));
  },
  // The order of a Python set, or of the kernel's directory listing.
  interfaces: (ours, theirs) => expect(sorted(ours)).toEqual(sorted(theirs)),
  all_ipv4_addresses: (ours, theirs) => expect(sorted(ours)).toEqual(sorted(theirs)),
  all_ipv6_addresses: (ours, theirs) => expect(sorted(ours)).toEqual(sorted(theirs)),
  virtualization_tech_guest: (ours, theirs) => expect(sorted(ours)).toEqual(sorted(theirs)),
  virtualization_tech_host: (ours, theirs) => expect(sorted(ours)).toEqual(sorted(theirs)),
};

function expectSameFacts(ours: Facts, theirs: Facts): void {
  const expectedNames = Object.keys(theirs).filter((name) => !NOT_GIVEN.includes(name.replace(/^ansible_/, '')));
  expect(Object.keys(ours).sort()).toEqual(expectedNames.sort());
  for (const name of expectedNames) {
    expect(typeOf(ours[name]), name).toBe(typeOf(theirs[name]));
    const varying = VARYING[name.replace(/^ansible_/, '')];
    if (varying) varying(ours[name], theirs[name]);
    else expect(ours[name], name).toEqual(theirs[name]);
  }
}

describe.skipIf(!hasAnsible)('facts, cxplay against ansible-playbook on one lab host', () => {
  it('gathers every fact Ansible gives with the same type and value', () => {
    const [ours, theirs] = [seen.cxplay.all!, seen.ansible.all!];
    for (const name of ['distribution', 'distribution_version', 'distribution_major_version', 'distribution_release', 'distribution_file_path', 'os_family', 'kernel', 'hostname', 'fqdn', 'date_time', 'processor_vcpus', 'memtotal_mb', 'mounts', 'default_ipv4', 'default_ipv6', 'interfaces', 'dns', 'env', 'user_id', 'service_mgr', 'pkg_mgr', 'virtualization_type', 'selinux', 'apparmor', 'lsb', 'ansible_local', 'userspace_bits']) {
      expect(theirs, `Ansible gives ${name} here`).toHaveProperty([name]);
    }
    expectSameFacts(ours, theirs);
  });

  it('reads local facts (JSON, INI, executable, failing, unreadable) as Ansible does', () => {
    const local = seen.ansible.all!.ansible_local as Facts;
    expect(Object.keys(local).sort()).toEqual(['app', 'broken', 'junk', 'site', 'who']);
    expect(seen.cxplay.all!.ansible_local).toEqual(local);
  });

  it('gives the same top-level variables (INJECT_FACTS_AS_VARS) and namespaced facts', () => {
    expect(seen.cxplay.vars).toEqual(seen.ansible.vars);
  });

  it('resolves gather_subset and filter as Ansible does', () => {
    const [ours, theirs] = [seen.cxplay.subsets!, seen.ansible.subsets!];
    for (const name of Object.keys(theirs).filter((key) => key !== 'each')) expectSameFacts(ours[name] as Facts, theirs[name] as Facts);
  });

  it('selects the same facts as Ansible for every documented gather_subset, negation and fact id', () => {
    const [ours, theirs] = [seen.cxplay.subsets!.each as Facts[], seen.ansible.subsets!.each as Facts[]];
    expect(ours).toHaveLength(theirs.length);
    for (const [index, facts] of theirs.entries()) expectSameFacts(ours[index]!, facts);
  });
});
