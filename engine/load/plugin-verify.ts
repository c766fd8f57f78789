/**
 * Ansible's inventory plugins' verify_file(): which of the enabled plugins
 * tried before the one that read a source turned it down, as
 * ansible-inventory -vvv says ("host_list declined parsing SOURCE as it did
 * not pass its verify_file() method"). A plugin that accepted the file and
 * then failed to parse it (auto on a YAML inventory) says nothing there.
 */
import { accessSync, closeSync, constants, existsSync, openSync, readSync, statSync } from 'node:fs';
import { extname } from 'node:path';

/** The enabled plugins before `plugin` whose verify_file() refuses `source`, in order. */
export function decliningPlugins(source: string, plugin: string, enabled: readonly string[]): string[] {
  const before = enabled.indexOf(plugin) < 0 ? [] : enabled.slice(0, enabled.indexOf(plugin));
  return before.filter((name) => !verifies(name, source));
}

/**
 * Whether this plugin's verify_file() first asks whether the source is a
 * readable file (Ansible's base check, which says "Skipping due to inventory
 * source not existing or not being readable by the current user" at -vvv
 * when it is not): all but the host lists, and auto only for a .yml/.yaml name.
 */
export function checksReadable(plugin: string, source: string): boolean {
  if (plugin === 'host_list' || plugin === 'advanced_host_list') return false;
  if (plugin === 'auto') return source.endsWith('.yml') || source.endsWith('.yaml');
  return true;
}

function verifies(plugin: string, source: string): boolean {
  const readable = isReadable(source);
  const extension = extname(source);
  switch (plugin) {
    case 'host_list':
    case 'advanced_host_list':
      return !existsSync(source) && source.includes(',');
    case 'script':
      return readable && (isExecutable(source) || startsWithShebang(source));
    case 'auto':
      return source.endsWith('.yml') || source.endsWith('.yaml');
    case 'yaml':
      return readable && ['', '.yaml', '.yml', '.json'].includes(extension);
    case 'toml':
      return readable && extension === '.toml';
    case 'constructed':
      return readable && ['', '.config', '.yaml', '.yml', '.json'].includes(extension);
    default:
      return readable;
  }
}

function isReadable(path: string): boolean {
  try {
    accessSync(path, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

/** Executable by this user (Ansible's script plugin runs such a file whatever its extension; root passes X_OK on any x bit). */
export function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return (statSync(path).mode & 0o111) !== 0;
  } catch {
    return false;
  }
}

function startsWithShebang(path: string): boolean {
  const head = Buffer.alloc(2);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    return readSync(fd, head, 0, 2, 0) === 2 && head.toString('latin1') === '#!';
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
