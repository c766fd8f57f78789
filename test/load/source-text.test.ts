/**
 * Files as ansible-playbook 2.14 reads them (measured): a UTF-8 byte-order
 * mark and lone-CR line ends are accepted; UTF-16, bytes that are not UTF-8
 * and control characters are refused, here with file:line:col. And the YAML
 * bounds that hold before the `yaml` package composes anything: nesting
 * depth (its composer recurses) and the number of aliases.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadYamlFile, parseYaml } from '../../engine/load/yaml.js';
import { errorOf, removeTrees, writeTree } from './tree.js';
import { SourceCache } from '../../engine/load/source-cache.js';

afterAll(removeTrees);

const playbook = '- hosts: all\n  tasks:\n    - debug:\n        msg: hi\n';
const expected = [{ hosts: 'all', tasks: [{ debug: { msg: 'hi' } }] }];

function fileWith(bytes: Uint8Array | string): string {
  const file = join(writeTree({}), 'playbook.yaml');
  writeFileSync(file, bytes);
  return file;
}

describe('encodings and line ends', () => {
  it('reads a file that starts with a UTF-8 byte-order mark', () => {
    expect(loadYamlFile(fileWith(`\ufeff${playbook}`), new SourceCache())).toEqual(expected);
  });

  it('reads a file whose lines end with a lone CR', () => {
    expect(loadYamlFile(fileWith(playbook.replaceAll('\n', '\r')), new SourceCache())).toEqual(expected);
  });

  it('refuses UTF-16 at 1:1', () => {
    const file = fileWith(Buffer.from(`\ufeff${playbook}`, 'utf16le'));
    const error = errorOf(() => loadYamlFile(file, new SourceCache()));
    expect(error.message).toBe('the file is encoded as UTF-16');
    expect(error.at).toEqual({ file, line: 1, col: 1 });
  });

  it('refuses bytes that are not UTF-8 where they are, instead of reading U+FFFD', () => {
    const file = fileWith(Buffer.from(playbook.replace('msg: hi', 'msg: h\xe9'), 'latin1'));
    const error = errorOf(() => loadYamlFile(file, new SourceCache()));
    expect(error.message).toBe('the file is not valid UTF-8');
    expect(error.at).toEqual({ file, line: 4, col: 15 });
  });

  it('refuses a raw NUL (or other control character) where it is', () => {
    const error = errorOf(() => parseYaml(playbook.replace('msg: hi', 'msg: h\0i'), 'p.yaml'));
    expect(error.message).toBe('control character U+0000 is not allowed in a YAML file');
    expect(error.at).toEqual({ file: 'p.yaml', line: 4, col: 15 });
    expect(errorOf(() => parseYaml('a: "\x1b[31m"\n', 'p.yaml')).message).toBe('control character U+001B is not allowed in a YAML file');
  });

  it('keeps an escaped NUL in a double-quoted string, as Ansible does', () => {
    expect(parseYaml('a: "x\\0y"\n', 'p.yaml')).toEqual({ a: 'x\0y' });
  });
});

describe('bounds checked before composing', () => {
  it('refuses 10,000 nested flow lists with the position of the first level too deep', () => {
    const error = errorOf(() => parseYaml(`a: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, 'p.yaml'));
    expect(error.message).toBe('nesting deeper than 200 levels');
    expect(error.at).toEqual({ file: 'p.yaml', line: 1, col: 203 });
  });

  it('refuses 2,500 nested block lists', () => {
    const source = Array.from({ length: 2_500 }, (_, depth) => `${' '.repeat(depth)}-\n`).join('');
    const error = errorOf(() => parseYaml(source, 'p.yaml'));
    expect(error.message).toBe('nesting deeper than 200 levels');
    expect(error.at?.line).toBe(201);
  });

  it('refuses a file of 160,000 aliases at the first alias over the bound, before resolving any', () => {
    const source = `a: &a 1\nl:\n${'  - *a\n'.repeat(160_000)}`;
    const error = errorOf(() => parseYaml(source, 'p.yaml'));
    expect(error.message).toBe('more than 10000 aliases in one file (an alias bomb?)');
    expect(error.at).toEqual({ file: 'p.yaml', line: 10_003, col: 5 });
  });

  it('still resolves up to the bound, each alias to the anchor defined last before it', () => {
    const source = `a: &x 1\nl: [${Array(5000).fill('*x').join(', ')}]\nb: &x 2\nm: *x\n`;
    const value = parseYaml(source, 'p.yaml') as { l: number[]; m: number };
    expect(value.l.every((item) => item === 1)).toBe(true);
    expect(value.m).toBe(2);
  });
});
