/**
 * The Python behaviours filters rely on, against values CPython and glibc
 * give (measured with python3 3.11, crypt(3) and PyYAML 6 on this machine;
 * the lab test compares the whole corpus with ansible-playbook).
 */
import { describe, expect, it } from 'vitest';
import { pythonRound } from '../../engine/template/filters/math.js';
import { seeded } from '../../engine/template/python-random.js';
import { pythonYaml } from '../../engine/template/python-yaml.js';
import { renderString } from '../../engine/template/render.js';
import { scopeFromObject } from '../../engine/template/scope.js';
import { shaCrypt } from '../../engine/template/sha-crypt.js';
import { compareVersions } from '../../engine/template/versions.js';

describe('SHA-crypt as crypt(3)', () => {
  it.each([
    ['sha256', 'Hello world!', 'saltstring', undefined, '$5$saltstring$5B8vYYiY.CVt1RlTTf8KbXBH3hsxY/GNooZaBBGWEc5'],
    ['sha512', 'Hello world!', 'saltstring', undefined, '$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1'],
    ['sha512', 'Hello world!', 'saltstringsaltstring', 10000, '$6$rounds=10000$saltstringsaltst$OW1/O6BYHV6BcXZu8QVeXbDWra3Oeqh0sbHbbMCVNSnCM/UrjmM0Dp8vOuZeHBy/YTBmSK6H9qs/y3RnOaw5v.'],
    ['sha256', 'we have a short salt string but not a short password', 'short', 77777, '$5$rounds=77777$short$JiO1O3ZpDAxGJeaDIuqCoEFysAe1mZNJRs3pw0KQRd/'],
  ] as const)('%s of %j with salt %s', (algorithm, password, salt, rounds, expected) => {
    expect(shaCrypt(algorithm, password, salt, rounds)).toBe(expected);
  });

  it('password_hash leaves the rounds passlib keeps implicit to crypt, as Ansible does', () => {
    const scope = scopeFromObject({});
    expect(renderString('{{ "Hello world!" | password_hash("sha512", "saltstring", rounds=656000) }}', scope)).toBe(
      '$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1',
    );
    expect(() => renderString('{{ "x" | password_hash("sha512", "bad salt!") }}', scope)).toThrow(/invalid characters in salt/);
  });
});

describe("CPython's random.Random", () => {
  it('a str seed picks what Python picks (randrange)', () => {
    const random = seeded('node1');
    expect(Array.from({ length: 5 }, () => random.below(60))).toEqual([36, 37, 43, 1, 29]);
  });

  it('an int seed as Python seeds with an int', () => {
    const random = seeded(42);
    expect(Array.from({ length: 4 }, () => random.below(100))).toEqual([81, 14, 3, 94]);
  });

  it('shuffle with a seed is Python\'s Fisher-Yates on the same draws', () => {
    const scope = scopeFromObject({});
    expect(renderString('{{ range(10) | list | shuffle(seed="x") }}', scope)).toEqual([0, 8, 2, 9, 4, 3, 6, 1, 7, 5]);
  });
});

describe('numbers and versions as Python', () => {
  it('orders text by code point, as Python: a character beyond U+FFFF after U+FFFF (measured with ansible-playbook 2.14)', () => {
    const scope = scopeFromObject({ texts: ['\u{1F600}', '\uffff'], ffff: '\uffff', smiley: '\u{1F600}' });
    expect(renderString('{{ texts | min == ffff }}', scope)).toBe(true);
    expect(renderString('{{ texts | max == smiley }}', scope)).toBe(true);
    expect(renderString('{{ texts | sort | last == smiley }}', scope)).toBe(true);
  });

  it('round is half-even on the exact binary value', () => {
    expect([2.675, 0.125, 0.375, 1.005].map((value) => pythonRound(value, 2))).toEqual([2.67, 0.12, 0.38, 1]);
    expect([2.5, 3.5, -0.5].map((value) => pythonRound(value, 0))).toEqual([2, 4, -0]);
  });

  it('version schemes order as LooseVersion, StrictVersion, SemVer and PEP 440', () => {
    expect(compareVersions('1.10', '1.9', 'gt', undefined, false)).toBe(true);
    expect(compareVersions('1.2a1', '1.2', 'lt', 'strict', false)).toBe(true);
    expect(compareVersions('1.0.0-alpha.1', '1.0.0-alpha.beta', 'lt', 'semver', false)).toBe(true);
    expect(compareVersions('1.0.dev1', '1.0a1', 'lt', 'pep440', false)).toBe(true);
    expect(compareVersions('1.0', '1.0.post1', '<', 'pep440', false)).toBe(true);
    expect(() => compareVersions('v1.2', '1.0', '>', undefined, false)).toThrow(/Version comparison failed/);
    expect(() => compareVersions('1.0', '1.0', 'is', undefined, false)).toThrow(/Invalid operator type/);
  });
});

describe("PyYAML's layout", () => {
  it('to_nice_yaml: indentless sequences, items padded to the indent, quoting by the resolver', () => {
    const value = { k: ['a', { b: null, c: "it's: here" }], z: 'multi\nline' };
    expect(pythonYaml(value, { indent: 4, flowLeaves: false })).toBe("k:\n- a\n-   b: null\n    c: 'it''s: here'\nz: 'multi\n\n    line'\n");
  });

  it('to_yaml: leaf collections in flow style', () => {
    expect(pythonYaml({ k: ['a', 'b'], n: { x: 1 } }, { indent: 2, flowLeaves: true })).toBe('k: [a, b]\nn: {x: 1}\n');
  });
});
