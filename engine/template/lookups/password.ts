/**
 * The password lookup: a random password kept in a file on the controller
 * (created 0600 in a 0700 directory, as Ansible), read back on later runs.
 * `path length=N chars=a,b seed=S` as Ansible parses it; a seed makes it
 * reproducible with Python's generator. `encrypt` is not supported yet: it is
 * refused, not ignored.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { fail, textTerm, type Lookup } from './lookup.js';
import { seeded, unseeded } from '../python-random.js';
import { baseDir } from './search-path.js';

const PARAMETERS = new Set(['length', 'encrypt', 'chars', 'ident', 'seed']);
/** Python's `string` module constants that `chars` may name. */
const CHAR_SETS: Readonly<Record<string, string>> = {
  ascii_letters: 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
  ascii_lowercase: 'abcdefghijklmnopqrstuvwxyz',
  ascii_uppercase: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  digits: '0123456789',
  hexdigits: '0123456789abcdefABCDEF',
  octdigits: '01234567',
  punctuation: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
  printable: '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~ \t\n\r\x0b\x0c',
  whitespace: ' \t\n\r\x0b\x0c',
};
const DEFAULT_CHARS = ['ascii_letters', 'digits', '.,:-_'];

export const password: Lookup = (terms, kwargs, { scope }) =>
  terms.map((term) => {
    const { path, options } = parseTerm(textTerm('password', term), kwargs);
    if (options.encrypt !== undefined && options.encrypt !== null && options.encrypt !== '') {
      fail('password', 'the encrypt option is not supported yet', "drop encrypt= and hash the password where it is used: {{ lookup('password', ...) | password_hash('sha512') }}");
    }
    const file = isAbsolute(path) ? path : join(baseDir(scope), path);
    if (file === '/dev/null') return generate(options);
    if (existsSync(file)) return withoutSalt(readFileSync(file, 'utf8').trimEnd());
    const secret = generate(options);
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, `${secret}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
    return secret;
  });

interface Options {
  length: number;
  chars: string;
  seed: string | number | undefined;
  encrypt: unknown;
}

/** `path key=value ...`; a path may hold spaces before the first key=value. */
function parseTerm(term: string, kwargs: Readonly<Record<string, unknown>>): { path: string; options: Options } {
  const firstKey = /\s\w+=/.exec(term);
  const path = (firstKey ? term.slice(0, firstKey.index) : term).trim();
  const params: Record<string, string> = {};
  for (const match of (firstKey ? term.slice(firstKey.index) : '').matchAll(/\s*(\S+?)=("[^"]*"|'[^']*'|\S*)/gy)) {
    params[match[1]!] = match[2]!.replace(/^(["'])(.*)\1$/, '$2');
  }
  const unknown = Object.keys(params).filter((key) => !PARAMETERS.has(key));
  if (unknown.length > 0) fail('password', `Unrecognized parameter(s) given to password lookup: ${unknown.join(', ')}`);
  const length = Number(params.length ?? kwargs.length ?? 20);
  if (!Number.isInteger(length) || length < 0) fail('password', `length must be a whole number, got ${params.length ?? String(kwargs.length)}`);
  const chars = candidateChars(params.chars ?? kwargs.chars ?? DEFAULT_CHARS);
  if (chars === '') fail('password', 'chars leaves no character to choose from');
  return { path, options: { length, chars, seed: (params.seed ?? kwargs.seed) as string | number | undefined, encrypt: params.encrypt ?? kwargs.encrypt } };
}

/** `chars`: names of Python string constants or literal characters, comma separated (`,,` is a comma); quotes are dropped. */
function candidateChars(spec: unknown): string {
  let specs: string[];
  if (typeof spec === 'string') {
    specs = spec.includes(',,') ? [','] : [];
    specs.push(...spec.replace(/,,/g, ',').split(',').filter(Boolean));
  } else specs = (spec as unknown[]).map(String);
  return specs.map((name) => CHAR_SETS[name] ?? name).join('').replace(/["']/g, '');
}

function generate(options: Options): string {
  // With a seed, Python's random.choice for that seed, as Ansible's password lookup draws.
  const random = options.seed === undefined ? unseeded() : seeded(options.seed);
  let out = '';
  for (let index = 0; index < options.length; index += 1) out += options.chars[random.below(options.chars.length)]!;
  return out;
}

/** The password of a file Ansible wrote with encrypt (`password salt=...`). */
function withoutSalt(content: string): string {
  const at = content.lastIndexOf(' salt=');
  return at < 0 ? content : content.slice(0, at);
}
