/**
 * Lookups, each against what ansible-playbook 2.14 gives for the examples of
 * its documentation (measured; test/compat/lookups compares the two engines
 * on the lab), and how lookup/query/wantlist/errors shape the result.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderString } from '../../engine/template/render.js';
import { scopeFromObject } from '../../engine/template/scope.js';
import { tracked } from '../../engine/template/unsafe.js';
import { withLookupWarnings } from '../../engine/template/lookups/warnings.js';
import { lookupLoopItems } from '../../engine/run/loop-lookup.js';

let dir: string;
const people = [
  { name: 'alice', authorized: { keys: ['/a/one.pub', '/a/two.pub'] }, groups: ['wheel', 'docker'] },
  { name: 'carol', groups: [] },
];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cxplay-lookup-unit-'));
  mkdirSync(join(dir, 'files'));
  mkdirSync(join(dir, 'templates'));
  mkdirSync(join(dir, 'role', 'files'), { recursive: true });
  writeFileSync(join(dir, 'files', 'hello.txt'), 'hello\nworld\n\n');
  writeFileSync(join(dir, 'files', 'a.conf'), 'alpha\nbeta\n');
  writeFileSync(join(dir, 'files', '.hidden.conf'), 'no\n');
  writeFileSync(join(dir, 'top.txt'), 'top\n');
  writeFileSync(join(dir, 'role', 'files', 'hello.txt'), 'from the role\n');
  writeFileSync(join(dir, 'templates', 'greet.j2'), 'hi {{ who }}\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function render(expression: string, vars: Record<string, unknown> = {}): unknown {
  return renderString(`{{ ${expression} }}`, scopeFromObject({ playbook_dir: dir, who: 'World', people, ...vars }));
}

describe('lookup, query and wantlist', () => {
  it('joins text with commas for lookup, gives a list for query/q/wantlist, a lone value alone', () => {
    expect(render("lookup('items', 'a', 'b')")).toBe('a,b');
    expect(render("query('items', 'a', 'b')")).toEqual(['a', 'b']);
    expect(render("q('items', 'a')")).toEqual(['a']);
    expect(render("lookup('items', 'a', wantlist=True)")).toEqual(['a']);
    expect(render("lookup('list', 1)")).toBe('1');
    expect(render("lookup('list', 'x', 2)")).toEqual(['x', 2]);
    expect(render("lookup('items', [])")).toEqual([]);
    expect(render("lookup('ansible.builtin.items', 'a')")).toBe('a');
  });

  it("marks every result as data from outside (never templated again), as Ansible's unsafe", () => {
    expect(tracked(() => render("lookup('file', 'hello.txt')")).unsafe).toBe(true);
    expect(tracked(() => render("lookup('pipe', 'echo x')")).unsafe).toBe(true);
    expect(tracked(() => render("'{{ lookup(\"items\", \"x\") }}'")).unsafe).toBe(false);
    expect(tracked(() => render("lookup('items', 'x', allow_unsafe=True)")).unsafe).toBe(false);
  });

  it('obeys errors=: strict fails, warn warns and gives None or [], ignore is silent', async () => {
    expect(() => render("lookup('file', 'missing.txt')")).toThrow(/could not locate file in lookup: missing.txt/);
    expect(render("lookup('file', 'missing.txt', errors='ignore')")).toBe('');
    const warnings: string[] = [];
    await withLookupWarnings((message) => warnings.push(message), async () => {
      expect(render("query('file', 'missing.txt', errors='warn')")).toEqual([]);
    });
    expect(warnings).toEqual(["Lookup failed but the error is being ignored: lookup 'file': could not locate file in lookup: missing.txt"]);
    expect(() => render("lookup('vars', nope, errors='ignore')")).toThrow(/'nope' is undefined/);
  });

  it('names an unknown lookup with a suggestion', () => {
    expect(() => render("lookup('fiel', 'x')")).toThrow("lookup plugin 'fiel' not found — did you mean 'file'?");
  });
});

describe('lookups on files', () => {
  it('file: strips the end unless rstrip=False, looks in the role, then the playbook files/ and itself', () => {
    expect(render("lookup('file', 'hello.txt')")).toBe('hello\nworld');
    expect(render("lookup('file', 'hello.txt', rstrip=False)")).toBe('hello\nworld\n\n');
    expect(render("lookup('file', 'top.txt')")).toBe('top');
    expect(render("lookup('file', 'files/hello.txt')")).toBe('hello\nworld');
    expect(render("lookup('file', 'hello.txt')", { role_path: join(dir, 'role') })).toBe('from the role');
  });

  it("follows the task's ansible_search_path (role, the task file's directory), then the playbook's directory", () => {
    const searchPath = { ansible_search_path: [join(dir, 'role'), join(dir, 'nowhere')] };
    expect(render("lookup('file', 'hello.txt')", searchPath)).toBe('from the role');
    expect(render("lookup('file', 'top.txt')", searchPath)).toBe('top');
    expect(render("lookup('file', 'hello.txt')", { ansible_search_path: [join(dir, 'nowhere')] })).toBe('hello\nworld');
  });

  it('fileglob: files matching in files/ (no hidden ones), [] when none', () => {
    expect(render("query('fileglob', '*.conf')")).toEqual([join(dir, 'files', 'a.conf')]);
    expect(render("query('fileglob', 'files/*.conf')")).toEqual([join(dir, 'files', 'a.conf')]);
    expect(render("query('fileglob', '*.none')")).toEqual([]);
  });

  it('first_found: the first existing of the terms, files under paths, skip', () => {
    expect(render("lookup('first_found', ['nope.txt', 'top.txt'])")).toBe(join(dir, 'top.txt'));
    expect(render("lookup('first_found', {'files': 'nope,a.conf', 'paths': 'files'})")).toBe(join(dir, 'files', 'a.conf'));
    expect(render("query('first_found', 'nope', skip=True)")).toEqual([]);
    expect(() => render("lookup('first_found', 'nope')")).toThrow(/No file was found when using first_found/);
  });

  it('template: renders a templates/ file with the variables in scope', () => {
    expect(render("lookup('template', 'greet.j2')")).toBe('hi World\n');
  });
});

describe('lookups that reshape lists', () => {
  it('items flattens one level, indexed_items numbers, together zips with None, nested multiplies', () => {
    expect(render("query('items', [1, [2, 3]], 4)")).toEqual([1, [2, 3], 4]);
    expect(render("query('indexed_items', ['a', 'b'])")).toEqual([[0, 'a'], [1, 'b']]);
    expect(render("query('together', [1, 2, 3], ['a', 'b'])")).toEqual([[1, 'a'], [2, 'b'], [3, null]]);
    expect(render("query('nested', ['a', 'b'], [1, 2])")).toEqual([['a', 1], ['a', 2], ['b', 1], ['b', 2]]);
    expect(render("query('nested', ['ab'])")).toEqual([['a', 'b']]);
  });

  it('dict gives key/value pairs; subelements pairs items with sub-list elements', () => {
    expect(render("query('dict', {'a': 1, 'b': [2]})")).toEqual([{ key: 'a', value: 1 }, { key: 'b', value: [2] }]);
    expect(render("query('subelements', people, 'groups')")).toEqual([
      [{ name: 'alice', authorized: { keys: ['/a/one.pub', '/a/two.pub'] } }, 'wheel'],
      [{ name: 'alice', authorized: { keys: ['/a/one.pub', '/a/two.pub'] } }, 'docker'],
    ]);
    expect(render("query('subelements', people, 'authorized.keys', {'skip_missing': True}) | length")).toBe('2');
    expect(() => render("query('subelements', people, 'authorized.keys')")).toThrow(/could not find 'authorized' key in iterated item/);
    expect(people[0]!.groups).toEqual(['wheel', 'docker']); // the variable itself is left whole
  });
});

describe('sequence', () => {
  it.each([
    ['start=5 end=11 stride=2 format=0x%02x', ['0x05', '0x07', '0x09', '0x0b']],
    ['count=5', ['1', '2', '3', '4', '5']],
    ['start=0x0f00 count=4 format=%04x', ['0f00', '0f01', '0f02', '0f03']],
    ['start=0 count=5 stride=2', ['0', '2', '4', '6', '8']],
    ['5-8', ['5', '6', '7', '8']],
    ['2-10/2', ['2', '4', '6', '8', '10']],
    ['4:host%02d', ['host01', 'host02', 'host03', 'host04']],
    ['start=10 end=0 stride=-4', ['10', '6', '2']],
    ['start=1 end=2 format=[%-3d]', ['[1  ]', '[2  ]']],
    ['count=0', []],
  ])('%s', (term, expected) => {
    expect(render(`query('sequence', '${term}')`)).toEqual(expected);
  });

  it('refuses what Ansible refuses', () => {
    expect(() => render("query('sequence', 'start=5 end=1')")).toThrow(/to count backwards make stride negative/);
    expect(() => render("query('sequence', 'end=3 count=2')")).toThrow(/can't specify both count and end/);
    expect(() => render("query('sequence', 'end=3 format=%d%d')")).toThrow(/bad formatting string/);
    expect(() => render("query('sequence', 'end=3 bogus=1')")).toThrow(/unrecognized arguments to with_sequence: bogus/);
  });
});

describe('variables and the environment', () => {
  it('env, vars with default, varnames by regex', () => {
    process.env.CXPLAY_LOOKUP_TEST = 'set';
    expect(render("lookup('env', 'CXPLAY_LOOKUP_TEST')")).toBe('set');
    expect(render("lookup('env', 'CXPLAY_LOOKUP_UNSET', default='nobody')")).toBe('nobody');
    expect(render("lookup('vars', 'who')")).toBe('World');
    expect(render("lookup('vars', 'nope', default='d')")).toBe('d');
    expect(() => render("lookup('vars', 'nope')")).toThrow(/No variable found with this name: nope/);
    expect(render("query('varnames', '^qz_')", { qz_a: 1, qz_b: 2, other: 3 })).toEqual(['qz_a', 'qz_b']);
  });
});

describe('pipe and lines', () => {
  it("run a literal command with sh in the playbook's directory", () => {
    expect(render("lookup('pipe', 'echo a; echo b  ')")).toBe('a\nb');
    expect(render("lookup('pipe', 'pwd')")).toBe(dir);
    expect(render("query('lines', 'cat files/a.conf')")).toEqual(['alpha', 'beta']);
    expect(() => render("lookup('pipe', 'exit 3')")).toThrow(/lookup_plugin.pipe\(exit 3\) returned 3/);
  });

  it('run a command built from variables without a shell, and refuse shell syntax in it', () => {
    expect(render("lookup('pipe', 'echo ' ~ who)")).toBe('World');
    expect(render("lookup('pipe', 'echo ' ~ x)", { x: "'a  b'" })).toBe('a  b');
    for (const x of ['a; touch /tmp/cxplay-pwned', '$(id)', 'a | cat', '`id`']) {
      expect(() => render("lookup('pipe', 'echo ' ~ x)", { x }), x).toThrow(/built from variables and uses shell syntax/);
    }
  });
});

describe('password', () => {
  it("gives Python's seeded password (the value ansible-playbook gives), nothing written for /dev/null", () => {
    expect(render("lookup('password', '/dev/null seed=foo')")).toBe('6JUEsF6-,RiuGZDEWF4r');
    expect(render("lookup('password', '/dev/null length=8 chars=digits seed=123')")).toBe('15704980');
    expect(render("lookup('password', '/dev/null', length=12, chars=['ascii_lowercase', ','], seed=123)")).toBe('bicynid,bmrr');
  });

  it('writes a new password 0600 in a 0700 directory, and reads it back later', () => {
    const first = render("lookup('password', 'credentials/db.txt length=15 chars=ascii_letters')") as string;
    expect(first).toMatch(/^[A-Za-z]{15}$/);
    const file = join(dir, 'credentials', 'db.txt');
    expect(readFileSync(file, 'utf8')).toBe(`${first}\n`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'credentials')).mode & 0o777).toBe(0o700);
    expect(render("lookup('password', 'credentials/db.txt length=15')")).toBe(first);
  });

  it('with encrypt= gives the crypt hash with the salt the file keeps, adding one to a file without (hashes measured with ansible-playbook 2.14)', () => {
    mkdirSync(join(dir, 'hashed'), { recursive: true });
    writeFileSync(join(dir, 'hashed', 'a'), 'mypass salt=abcdefghijklmnop\n');
    expect(render("lookup('password', 'hashed/a encrypt=sha512_crypt')")).toBe('$6$abcdefghijklmnop$FVH45y9TUvtLdwHH6Wf8MDBuD8jHDeM3gmuIbmhcyDdeaG8Xkx2JBzyyXgzmVldnOGsA6I/8M84hogcGVbbf50');
    expect(render("lookup('password', 'hashed/a encrypt=sha256_crypt')")).toBe('$5$abcdefghijklmnop$gg7irQKzE19TRl6m4qu6rJFb8UqrRFTBnjhAKKDc3.9');
    expect(render("lookup('password', 'hashed/a')")).toBe('mypass');
    writeFileSync(join(dir, 'hashed', 'b'), 'other\n');
    const hash = render("lookup('password', 'hashed/b encrypt=sha512_crypt')") as string;
    const salt = /^other salt=([A-Za-z0-9./]{16})\n$/.exec(readFileSync(join(dir, 'hashed', 'b'), 'utf8'))?.[1];
    expect(hash.startsWith(`$6$${salt}$`)).toBe(true);
    expect(render("lookup('password', 'hashed/b encrypt=sha512_crypt')")).toBe(hash);
    expect(() => render("lookup('password', '/dev/null encrypt=md5_crypt')")).toThrow(/encrypt=md5_crypt is not supported/);
  });

  it('refuses unknown parameters', () => {
    expect(() => render("lookup('password', '/dev/null lenght=3')")).toThrow(/Unrecognized parameter\(s\) given to password lookup: lenght/);
  });
});

describe('config', () => {
  it("gives the settings cxplay has, as cxplay behaves, and refuses others by name", () => {
    expect(render("lookup('config', 'DEFAULT_BECOME_METHOD')")).toBe('sudo');
    expect(render("query('config', 'HOST_KEY_CHECKING', 'DEFAULT_FORKS')", { ansible_forks: 7 })).toEqual([true, 7]);
    expect(() => render("lookup('config', 'DEFAULT_NOPE')")).toThrow(/Unable to find setting DEFAULT_NOPE: cxplay has /);
    expect(render("query('config', 'DEFAULT_NOPE', on_missing='skip')")).toEqual([]);
    expect(() => render("lookup('config', 'x', plugin_type='become', plugin_name='sudo')")).toThrow(/plugin settings/);
  });
});

describe('with_<lookup> loops', () => {
  const scope = () => scopeFromObject({ playbook_dir: dir, users: { a: 1 }, letters: ['x', 'y'] });

  it('template the terms, then run the lookup over them', () => {
    expect(lookupLoopItems('dict', '{{ users }}', 'debug', scope())).toEqual([{ key: 'a', value: 1 }]);
    expect(lookupLoopItems('sequence', 'start=1 end=2', 'debug', scope())).toEqual(['1', '2']);
    expect(lookupLoopItems('nested', ['{{ letters }}', [1]], 'debug', scope())).toEqual([['x', 1], ['y', 1]]);
  });

  it('with_first_found drops a term whose variables are undefined, and searches templates/ under template tasks', () => {
    expect(lookupLoopItems('first_found', ['{{ distro }}.txt', 'top.txt'], 'debug', scope())).toEqual([join(dir, 'top.txt')]);
    expect(lookupLoopItems('first_found', ['greet.j2'], 'template', scope())).toEqual([join(dir, 'templates', 'greet.j2')]);
  });
});
