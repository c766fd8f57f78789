/** The lookups that read files on the controller: file, fileglob, first_found, template. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isTrue } from '../../booleans.js';
import { pythonString } from '../python.js';
import { renderString } from '../render.js';
import { fail, flattenOnce, textTerm, type Lookup, type LookupContext } from './lookup.js';
import { findFile, searchDirs } from './search-path.js';

export const file: Lookup = (terms, kwargs, { scope }) =>
  terms.map((term) => {
    const name = textTerm('file', term);
    const path = findFile(scope, 'files', name);
    if (!path || !isFile(path)) fail('file', `could not locate file in lookup: ${name}`, 'relative paths are looked up in the role\'s files/, the role, then the playbook directory\'s files/ and itself');
    let contents = readFileSync(path, 'utf8');
    if (kwargs.lstrip !== undefined && isTrue(kwargs.lstrip)) contents = contents.trimStart();
    if (kwargs.rstrip === undefined || isTrue(kwargs.rstrip)) contents = contents.trimEnd();
    return contents;
  });

export const fileglob: Lookup = (terms, _kwargs, { scope }) =>
  terms.flatMap((term) => {
    const pattern = textTerm('fileglob', term);
    const name = basename(pattern);
    const dirs = name === pattern ? searchDirs(scope).flatMap((dir) => [join(dir, 'files'), dir]) : [findFile(scope, 'files', dirname(pattern))];
    for (const dir of dirs) {
      if (!dir) continue;
      const found = globNames(dir, name).filter(isFile);
      if (found.length > 0) return found;
    }
    return [];
  });

/** Python's glob of one directory level: `*`, `?`, `[...]`; hidden files only when the pattern starts with a dot. */
function globNames(dir: string, pattern: string): string[] {
  if (!/[*?[]/.test(pattern)) return [join(dir, pattern)];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  const matcher = fnmatch(pattern);
  return entries.filter((entry) => (pattern.startsWith('.') || !entry.startsWith('.')) && matcher.test(entry)).map((entry) => join(dir, entry));
}

/** Python's fnmatch.fnmatchcase as a RegExp: `*`, `?`, `[seq]`, `[!seq]`, the rest literal, the whole name. */
export function fnmatch(pattern: string): RegExp {
  let source = '';
  for (let index = 0; index < pattern.length; index += 1) {
    const char = pattern[index]!;
    const close = char === '[' ? pattern.indexOf(']', index + 2) : -1;
    if (char === '*') source += '.*';
    else if (char === '?') source += '.';
    else if (close > 0) {
      const body = pattern.slice(index + 1, close);
      source += `[${body.startsWith('!') ? `^${body.slice(1)}` : body.replace(/\\/g, '\\\\')}]`;
      index = close;
    } else source += char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 's');
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export const firstFound: Lookup = (terms, kwargs, context) => {
  const { names, skip } = searchList(terms, kwargs);
  for (const name of names) {
    const path = findFile(context.scope, context.subdir ?? 'files', name);
    if (path) return [path];
  }
  if (skip) return [];
  fail('first_found', 'No file was found when using first_found.', `looked for: ${names.join(', ')}`);
};

/** The file names to try, in order: each term, or each of a mapping's `files` under each of its `paths`. */
function searchList(terms: readonly unknown[], kwargs: Readonly<Record<string, unknown>>): { names: string[]; skip: boolean } {
  let names: string[] = [];
  let skip = false;
  for (const term of terms) {
    if (Array.isArray(term)) {
      const inner = searchList(term, kwargs);
      names.push(...inner.names);
      skip = inner.skip;
      continue;
    }
    if (typeof term !== 'string' && (!term || typeof term !== 'object')) fail('first_found', `Invalid term supplied, can handle string, mapping or list of strings but got: ${JSON.stringify(term)}`);
    const options = (typeof term === 'string' ? kwargs : term) as Record<string, unknown>;
    const files = splitOn(options.files, /[,;]/);
    const paths = splitOn(options.paths, /[,:;]/);
    skip = options.skip === undefined ? false : isTrue(options.skip);
    if (paths.length > 0) names.push(...paths.flatMap((path) => files.map((each) => join(path, each))));
    else if (files.length > 0) names = files; // Ansible replaces the list here, so the last mapping with files wins
    else names.push(String(term));
  }
  return { names, skip };
}

function splitOn(value: unknown, separators: RegExp): string[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? flattenOnce(value) : [value];
  return list.flatMap((item) => String(item).split(separators).map((part) => part.trim())).filter(Boolean);
}

export const template: Lookup = (terms, _kwargs, context: LookupContext) =>
  terms.map((term) => {
    const name = textTerm('template', term);
    const path = findFile(context.scope, 'templates', name);
    if (!path || !isFile(path)) fail('template', `the template file ${name} could not be found for the lookup`);
    return pythonString(renderString(readFileSync(path, 'utf8'), context.scope));
  });

