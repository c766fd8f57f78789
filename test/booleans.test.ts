/**
 * Ansible's two boolean readings, as ansible-playbook 2.14 gives them
 * (measured: a stat task with get_checksum set to each value, ignore_errors
 * set to each value, and `{{ value | bool }}` for each value).
 */
import { describe, expect, it } from 'vitest';
import { loadConfig, settingValue } from '../engine/config/config.js';
import { connectionSpecFromVars } from '../engine/connection/spec.js';
import { CxError } from '../engine/errors.js';
import { findModule } from '../engine/modules/registry.js';
import { validateArgs } from '../engine/modules/validate-args.js';
import { flag } from '../engine/run/keywords.js';
import { renderString } from '../engine/template/render.js';
import { scopeFromObject } from '../engine/template/scope.js';

const scope = scopeFromObject({});
const stat = findModule('stat')!;

describe('module arguments (convert_bool)', () => {
  it.each([
    [' yes', true], ['Y', true], ['T', true], ['on', true], [1, true],
    ['F', false], ['off', false], [0, false],
  ])('get_checksum=%j is %s', (value, expected) => {
    expect(validateArgs(stat, { path: '/tmp', get_checksum: value }).get_checksum).toBe(expected);
  });

  it.each(['1.0', '2', 2])('refuses get_checksum=%j, as Ansible does', (value) => {
    expect(() => validateArgs(stat, { path: '/tmp', get_checksum: value })).toThrow(CxError);
  });
});

describe('keywords', () => {
  it.each([['y', true], [' Y ', true], ['t', true], ['yes', true], ['foo', false], ['no', false]])('ignore_errors: %j reads %s', (value, expected) => {
    expect(flag(value, scope)).toBe(expected);
  });
});

describe('the bool filter, narrower than convert_bool', () => {
  it.each([
    ["'y'", 'False'], ["'t'", 'False'], ["'Y'", 'False'], ["' yes'", 'False'], ["'1.0'", 'False'], ["'n'", 'False'],
    ["'on'", 'True'], ["'TRUE'", 'True'], ["'1'", 'True'], ['1', 'True'], ['1.0', 'True'], ['2', 'False'], ['0.5', 'False'],
  ])('{{ %s | bool }} is %s', (value, expected) => {
    expect(renderString(`{{ ${value} | bool }}`, scope)).toBe(expected === 'True');
    expect(renderString(`x{{ ${value} | bool }}`, scope)).toBe(`x${expected}`);
  });
});

describe('ANSIBLE_HOST_KEY_CHECKING (ansible-config dump: off, n, f, no, 0, false are False)', () => {
  const base = { knownHostsFile: '/nonexistent/known_hosts', acceptNewHostKeys: false };
  const specWith = (value: string) => {
    const config = loadConfig('/nonexistent', { ANSIBLE_CONFIG: '/nonexistent/ansible.cfg', ANSIBLE_HOST_KEY_CHECKING: value });
    return connectionSpecFromVars('h', {}, { ...base, hostKeyChecking: settingValue(config, 'HOST_KEY_CHECKING') as boolean });
  };

  it.each(['off', 'n', 'F', 'no', '0', 'false'])('%j accepts new host keys', (value) => {
    expect(specWith(value).acceptNewHostKeys).toBe(true);
  });

  it.each(['yes', 'true', ''])('%j keeps host keys checked', (value) => {
    expect(specWith(value).acceptNewHostKeys).toBe(false);
  });

  it('refuses a word that is no boolean (Ansible would read it as false and stop checking keys)', () => {
    expect(() => specWith('maybe')).toThrow(/invalid value "maybe" for HOST_KEY_CHECKING \(the environment variable ANSIBLE_HOST_KEY_CHECKING\)/);
  });
});
