/**
 * Path filters as Python's os.path (posixpath) and ntpath compute them on
 * the controller: basename('/etc/') is '', dirname keeps '//', splitext
 * ignores leading dots, path_join restarts at an absolute part.
 */
import { existsSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { TemplateError } from '../../errors.js';
import { PyTuple } from '../python.js';
import { type FilterTable, param, text } from './support.js';

function pyBasename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function pyDirname(path: string): string {
  const head = path.slice(0, path.lastIndexOf('/') + 1);
  return head && !/^\/+$/.test(head) ? head.replace(/\/+$/, '') : head;
}

function splitext(path: string, separators: RegExp): PyTuple<string> {
  const name = path.split(separators).at(-1)!;
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || /^\.+$/.test(name.slice(0, dot + 1))) return PyTuple.of(path, '');
  const cut = path.length - name.length + dot;
  return PyTuple.of(path.slice(0, cut), path.slice(cut));
}

function pathJoin(parts: readonly string[]): string {
  let out = '';
  for (const part of parts) {
    if (part.startsWith('/')) out = part;
    else if (out === '' || out.endsWith('/')) out += part;
    else out += `/${part}`;
  }
  return out;
}

/** os.path.realpath: symlinks resolved as far as the path exists, the rest normalised. */
function realpath(path: string): string {
  const absolute = resolve(path);
  let existing = absolute;
  while (!existsSync(existing) && existing !== '/') existing = pyDirname(existing);
  const real = realpathSync(existing);
  const rest = absolute.slice(existing.length).replace(/^\/+/, '');
  return rest ? pathJoin([real, rest]) : real;
}

function relpath(path: string, start: string): string {
  if (!path) throw new TemplateError('no path specified');
  const from = resolve(start).split('/').filter(Boolean);
  const to = resolve(path).split('/').filter(Boolean);
  let common = 0;
  while (common < from.length && common < to.length && from[common] === to[common]) common += 1;
  const parts = [...Array.from({ length: from.length - common }, () => '..'), ...to.slice(common)];
  return parts.length === 0 ? '.' : parts.join('/');
}

function expanduser(path: string): string {
  if (!path.startsWith('~')) return path;
  const end = path.indexOf('/') < 0 ? path.length : path.indexOf('/');
  const user = path.slice(1, end);
  const home = user === '' ? (process.env.HOME ?? homedir()) : homeOf(user);
  return home === undefined ? path : (home.replace(/\/+$/, '') || '/') + path.slice(end);
}

function homeOf(user: string): string | undefined {
  try {
    const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((entry) => entry.split(':')[0] === user);
    return line?.split(':')[5];
  } catch {
    return undefined;
  }
}

function expandvars(path: string): string {
  return path.replace(/\$(\w+|\{[^}]*\})/g, (whole, name: string) => {
    const key = name.startsWith('{') ? name.slice(1, -1) : name;
    return process.env[key] ?? whole;
  });
}

/** Python's glob.glob for one pattern (*, ?, [...] within a path part), keeping regular files only. */
function fileglob(pattern: string): string[] {
  const parts = pattern.split('/');
  let paths = [pattern.startsWith('/') ? '/' : ''];
  for (const part of parts.filter((segment, index) => segment !== '' || index === parts.length - 1)) {
    if (!/[*?[]/.test(part)) {
      paths = paths.map((base) => pathJoin([base, part])).filter((path) => existsSync(path || '.'));
      continue;
    }
    const matcher = new RegExp(`^${part.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
    paths = paths.flatMap((base) => {
      try {
        return readdirSync(base || '.').filter((name) => matcher.test(name) && (!name.startsWith('.') || part.startsWith('.'))).sort().map((name) => pathJoin([base, name]));
      } catch {
        return [];
      }
    });
  }
  return paths.filter((path) => statSync(path, { throwIfNoEntry: false })?.isFile());
}

const WINDOWS_SEPARATORS = /[\\/]/;

function winSplitdrive(path: string): PyTuple<string> {
  const unc = /^([\\/]{2}[^\\/]+[\\/][^\\/]+)/.exec(path);
  if (unc) return PyTuple.of(unc[1]!, path.slice(unc[1]!.length));
  return path[1] === ':' ? PyTuple.of(path.slice(0, 2), path.slice(2)) : PyTuple.of('', path);
}

function winSplit(path: string): [string, string] {
  const [drive, rest] = winSplitdrive(path) as unknown as [string, string];
  let index = rest.length;
  while (index > 0 && !WINDOWS_SEPARATORS.test(rest[index - 1]!)) index -= 1;
  const head = rest.slice(0, index);
  const trimmed = head.replace(/[\\/]+$/, '');
  return [drive + (trimmed || head), rest.slice(index)];
}

export const PATH_FILTERS: FilterTable = {
  basename: (value) => pyBasename(text(value)),
  dirname: (value) => pyDirname(text(value)),
  expanduser: (value) => expanduser(text(value)),
  expandvars: (value) => expandvars(text(value)),
  realpath: (value) => realpath(text(value)),
  relpath: (value, args, kwargs) => relpath(text(value), text(param(args, kwargs, 0, 'start', '.'))),
  splitext: (value) => splitext(text(value), /\//),
  path_join: (value) => {
    if (typeof value === 'string') return value;
    if (!Array.isArray(value)) throw new TemplateError('|path_join expects string or sequence');
    return pathJoin(value.map(text));
  },
  fileglob: (value) => fileglob(text(value)),
  win_basename: (value) => winSplit(text(value))[1],
  win_dirname: (value) => winSplit(text(value))[0],
  win_splitdrive: (value) => winSplitdrive(text(value)),
};
