/**
 * The password lookup: a random password kept in a file on the controller
 * (created 0600 in a 0700 directory, as Ansible), read back on later runs.
 * `path length=N chars=a,b seed=S` as Ansible parses it; a seed makes it
 * reproducible with Python's generator. With `encrypt=sha512_crypt` (or
 * sha256_crypt) the file keeps the plain password and a salt
 * (`password salt=...`, the salt added to a file that lacks one) and the
 * lookup gives the crypt hash, as Ansible's does.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { fail, textTerm, type Lookup } from './lookup.js';
import { seeded, unseeded } from '../python-random.js';
import { baseDir } from './search-path.js';
import { passwordHash, randomSalt } from '../filters/hash.js';

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
/** The schemes encrypt= takes here (crypt's SHA schemes, as password_hash without passlib), with their salt sizes. */
const SALT_SIZES: Readonly<Record<string, number>> = { sha256_crypt: 16, sha512_crypt: 16 };

export const password: Lookup = (terms, kwargs, { scope }) =>
  terms.map((term) => {
    const { path, options } = parseTerm(textTerm('password', term), kwargs);
    const encrypt = options.encrypt === undefined || options.encrypt === null || options.encrypt === '' ? undefined : String(options.encrypt);
    if (encrypt !== undefined && SALT_SIZES[encrypt] === undefined) {
      fail('password', `encrypt=${encrypt} is not supported: cxplay hashes with crypt's sha512_crypt and sha256_crypt`, 'use encrypt=sha512_crypt');
    }
    const file = isAbsolute(path) ? path : join(baseDir(scope), path);
    const stored = file !== '/dev/null' && existsSync(file) ? parseContent(readFileSync(file, 'utf8').trimEnd()) : undefined;
    const plaintext = stored?.password ?? generate(options);
    const salt = stored?.salt ?? (encrypt ? randomSalt(SALT_SIZES[encrypt]!) : undefined);
    if (file !== '/dev/null' && (!stored || salt !== stored.salt)) writePasswordFile(file, salt ? `${plaintext} salt=${salt}` : plaintext);
    return encrypt ? passwordHash(plaintext, encrypt, salt) : plaintext;
  });

function writePasswordFile(file: string, content: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, `${content}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
}


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

/** A password file's content: the password, and the salt (and ident) Ansible keeps after it when encrypt= was used. */
function parseContent(content: string): { password: string; salt: string | undefined } {
  const at = content.lastIndexOf(' salt=');
  if (at < 0) return { password: content, salt: undefined };
  const rest = content.slice(at + ' salt='.length);
  const ident = rest.indexOf(' ident=');
  return { password: content.slice(0, at), salt: ident < 0 ? rest : rest.slice(0, ident) };
}
