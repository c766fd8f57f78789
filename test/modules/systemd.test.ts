/**
 * systemd and service against a fake `systemctl` (a sh script first on PATH)
 * that keeps each unit's state in files and logs every command that changes
 * something: state, enabled, masked, daemon_reload, idempotency, check mode.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findModule } from '../../engine/modules/registry.js';
import { runModule, tempDir } from './context.js';
import { FAKE_SYSTEMCTL } from '../support/fake-systemctl.js';

const systemd = findModule('systemd')!;
const service = findModule('service')!;


let d: string;
let cleanup: () => void;
let environment: Record<string, string>;

beforeEach(() => {
  ({ path: d, cleanup } = tempDir());
  mkdirSync(join(d, 'bin'));
  mkdirSync(join(d, 'units'));
  writeFileSync(join(d, 'bin', 'systemctl'), FAKE_SYSTEMCTL);
  chmodSync(join(d, 'bin', 'systemctl'), 0o755);
  environment = { PATH: `${join(d, 'bin')}:/usr/bin:/bin`, CX_UNITS: join(d, 'units') };
});
afterEach(() => cleanup());

function unit(name: string, active: string, enabled: string, broken = false): void {
  mkdirSync(join(d, 'units', name));
  writeFileSync(join(d, 'units', name, 'active'), `${active}\n`);
  writeFileSync(join(d, 'units', name, 'enabled'), `${enabled}\n`);
  if (broken) writeFileSync(join(d, 'units', name, 'broken'), '');
}
const commandsRun = () => (existsSync(join(d, 'units', 'log')) ? readFileSync(join(d, 'units', 'log'), 'utf8').split('\n').filter(Boolean) : []);

interface Case {
  readonly name: string;
  readonly unit: [active: string, enabled: string];
  readonly args: Record<string, unknown>;
  readonly commands: string[];
  readonly expected: Record<string, unknown>;
  /** restarted/reloaded act on every run, as in Ansible. */
  readonly changesAgain?: boolean;
}

const CASES: Case[] = [
  { name: 'start and enable a stopped, disabled unit', unit: ['inactive', 'disabled'], args: { state: 'started', enabled: true }, commands: ['enable app.service', 'start app.service'], expected: { changed: true, state: 'started', enabled: true } },
  { name: 'already started and enabled', unit: ['active', 'enabled'], args: { state: 'started', enabled: true }, commands: [], expected: { changed: false, state: 'started', enabled: true } },
  { name: 'stop a running unit', unit: ['active', 'enabled'], args: { state: 'stopped' }, commands: ['stop app.service'], expected: { changed: true, state: 'stopped' } },
  { name: 'disable', unit: ['inactive', 'enabled'], args: { enabled: false }, commands: ['disable app.service'], expected: { changed: true, enabled: false } },
  { name: 'static units count as enabled', unit: ['inactive', 'static'], args: { enabled: true }, commands: [], expected: { changed: false, enabled: true } },
  { name: 'restart a running unit', unit: ['active', 'enabled'], args: { state: 'restarted' }, commands: ['restart app.service'], expected: { changed: true, state: 'started' }, changesAgain: true },
  { name: 'reload starts a stopped unit', unit: ['inactive', 'enabled'], args: { state: 'reloaded' }, commands: ['start app.service'], expected: { changed: true, state: 'started' }, changesAgain: true },
  { name: 'mask', unit: ['inactive', 'disabled'], args: { masked: true }, commands: ['mask app.service'], expected: { changed: true } },
];

describe('systemd', () => {
  it.each(CASES)('$name', async ({ unit: [active, enabled], args, commands, expected, changesAgain }) => {
    unit('app.service', active, enabled);
    const taskArgs = { name: 'app.service', ...args };
    const predicted = await runModule(systemd, { args: taskArgs, environment, check: true });
    expect(predicted.result.changed).toBe(expected.changed);
    expect(commandsRun()).toEqual([]);

    const first = await runModule(systemd, { args: taskArgs, environment });
    expect(first.result).toMatchObject({ name: 'app.service', ...expected });
    expect(first.result.status).toMatchObject({ LoadState: 'loaded', ActiveState: active, Id: 'app.service' });
    expect(first.execs).toBe(1);
    expect(commandsRun()).toEqual(commands);

    const second = await runModule(systemd, { args: taskArgs, environment });
    expect(second.result.changed).toBe(changesAgain === true);
    expect(second.execs).toBe(1);
  });

  it('runs daemon-reload (not in check mode), with or without a unit', async () => {
    expect((await runModule(systemd, { args: { daemon_reload: true }, environment, check: true })).result).toMatchObject({ changed: false });
    expect(commandsRun()).toEqual([]);
    expect((await runModule(systemd, { args: { daemon_reload: true }, environment })).result).toMatchObject({ changed: false, name: null });
    unit('app.service', 'inactive', 'enabled');
    await runModule(systemd, { args: { name: 'app.service', daemon_reload: true, state: 'started' }, environment });
    expect(commandsRun()).toEqual(['daemon-reload', 'daemon-reload', 'start app.service']);
  });

  it('fails as Ansible does for a missing unit, a failing start and bad arguments', async () => {
    expect((await runModule(systemd, { args: { name: 'nope.service', state: 'started' }, environment })).result).toMatchObject({ failed: true, msg: 'Could not find the requested service nope.service: host' });
    unit('bad.service', 'inactive', 'enabled', true);
    const failed = await runModule(systemd, { args: { name: 'bad.service', state: 'started' }, environment });
    expect(failed.result).toMatchObject({ failed: true, changed: false });
    expect(String(failed.result.msg)).toMatch(/^Unable to start service bad.service: Job for bad.service failed/);
    expect((await runModule(systemd, { args: { name: 'app.service' }, environment })).result).toMatchObject({ failed: true, msg: 'one of the following is required: state, enabled, masked, daemon_reload, daemon_reexec' });
    expect((await runModule(systemd, { args: { name: 'app*', state: 'started' }, environment })).result).toMatchObject({ failed: true, msg: "This module does not currently support using glob patterns, found '*' in service name: app*" });
    expect((await runModule(systemd, { args: { state: 'started' }, environment })).result).toMatchObject({ failed: true, msg: "missing parameter(s) required by 'state': name" });
  });

  it('takes a unit name with shell specials literally', async () => {
    const name = "we'ird $(touch pwned).service";
    unit(name, 'inactive', 'disabled');
    expect((await runModule(systemd, { args: { name, state: 'started' }, environment })).result).toMatchObject({ changed: true });
    expect(commandsRun()).toEqual([`start ${name}`]);
    expect(existsSync(join(d, 'pwned'))).toBe(false);
  });
});

describe('service', () => {
  it('manages the unit like systemd and warns about arguments systemd ignores', async () => {
    unit('web.service', 'inactive', 'disabled');
    const { result, warnings } = await runModule(service, { args: { name: 'web.service', state: 'started', enabled: 'yes', sleep: 3 }, environment });
    expect(result).toMatchObject({ changed: true, state: 'started', enabled: true });
    expect(warnings).toEqual(['Ignoring "sleep" as it is not used in "systemd"']);
    expect((await runModule(service, { args: { name: 'web.service', state: 'started', enabled: true }, environment })).result.changed).toBe(false);
  });
});
