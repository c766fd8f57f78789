/** setup on this machine: one exec, Ansible's fact names and values the machine confirms, subsets, filter and local facts. */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, hostname, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findModule } from '../../engine/modules/registry.js';
import { runModule, tempDir } from './context.js';

const setup = findModule('setup')!;
let d: string;
let cleanup: () => void;
beforeEach(() => ({ path: d, cleanup } = tempDir()));
afterEach(() => cleanup());

const factsOf = async (args: Record<string, unknown> = {}, environment?: Record<string, string>) => {
  const { result, execs } = await runModule(setup, { args, environment });
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
    expect(Object.keys(await factsOf({ gather_subset: ['!all', '!min'] })).sort()).toEqual(['gather_subset', 'module_setup']);
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
    expect(Object.keys(facts).sort()).toEqual(['ansible_distribution', 'ansible_distribution_file_parsed', 'ansible_distribution_file_path', 'ansible_distribution_file_variety', 'ansible_distribution_major_version', 'ansible_distribution_minor_version', 'ansible_distribution_release', 'ansible_distribution_version', 'ansible_memtotal_mb']);
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
});
