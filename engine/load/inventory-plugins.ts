/**
 * Ansible's inventory plugins that turn one source into the YAML shape
 * inventory-reader.ts reads (`group: {hosts: {name: vars}, vars, children}`):
 *
 * - host_list (`web1,web2:2222,`) and advanced_host_list (`web[1:3],`): a
 *   source that is no path and holds a comma; whichever is enabled first;
 * - script: an executable file run as `FILE --list` (no shell, bounded in
 *   time and output), host variables from `_meta.hostvars` or else one
 *   `FILE --host NAME` per host;
 * - toml: Ansible's TOML layout (children as a list);
 * - yaml and ini: inventory-ini.ts and the YAML loader.
 */
import { execFileSync } from 'node:child_process';
import { parse as parseToml, TomlError } from 'smol-toml';
import { CxError, type SourcePosition } from '../errors.js';
import { describeValue } from './keyword-check.js';
import { FORBIDDEN_KEYS, readTextFile } from './yaml.js';
import { pythonJsonLoads } from '../template/python-json-loads.js';

export type Mapping = Record<string, unknown>;

/** One source's data as the reader takes it. */
export interface SourceData {
  readonly value: Mapping;
  /** Whether names like web[1:3] are ranges (YAML, INI, TOML, advanced_host_list) or names kept whole. */
  readonly ranges: boolean;
}

/** How long an inventory script may run, and how much it may print, before cxplay gives up on it. */
const SCRIPT_TIMEOUT_MS = 60_000;
const SCRIPT_MAX_OUTPUT = 64 * 1024 * 1024;

/** `a,b:2222,[::1]:23,`: each name in `ungrouped`, a port given after the name as its ansible_port. */
export function readHostList(source: string, advanced: boolean): SourceData {
  const hosts: Mapping = {};
  for (const word of source.split(',').map((each) => each.trim()).filter(Boolean)) {
    const { host, port } = splitAddress(word);
    if (FORBIDDEN_KEYS.has(host)) throw new CxError(`host '${host}' is not allowed`, { at: { file: source } });
    if (!Object.prototype.hasOwnProperty.call(hosts, host)) hosts[host] = port === undefined ? null : { ansible_port: port };
  }
  return { value: { ungrouped: { hosts } }, ranges: advanced };
}

/** `name`, `name:port`, `[address]:port`, or a bare IPv6 address (several colons, no port). */
function splitAddress(word: string): { host: string; port?: number } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(word);
  if (bracketed) return bracketed[2] === undefined ? { host: bracketed[1]! } : { host: bracketed[1]!, port: Number(bracketed[2]) };
  const withPort = /^([^:]+):(\d+)$/.exec(word);
  return withPort ? { host: withPort[1]!, port: Number(withPort[2]) } : { host: word };
}

/** The script's `--list` answer in the reader's shape (see the module comment). */
export function readInventoryScript(file: string): SourceData {
  const listed = runScript(file, ['--list']);
  if (!isMapping(listed)) throw scriptError(file, `its --list output must be a JSON object of groups, got ${describeValue(listed)}`);
  const meta = listed._meta;
  const hostvars = isMapping(meta) && meta.hostvars !== undefined ? meta.hostvars : undefined;
  if (hostvars !== undefined && !isMapping(hostvars)) throw scriptError(file, `_meta.hostvars must be an object of hosts, got ${describeValue(hostvars)}`);
  const value: Mapping = {};
  const varsOf = new Map<string, unknown>();
  const hostVars = (host: string): unknown => {
    if (!varsOf.has(host)) varsOf.set(host, hostvars ? (hostvars[host] ?? null) : runScript(file, ['--host', host], true));
    return varsOf.get(host);
  };
  for (const [group, data] of Object.entries(listed)) {
    if (group === '_meta') continue;
    value[group] = scriptGroup(file, group, data, hostVars);
  }
  return { value, ranges: false };
}

/** A group of a script's answer: a list of hosts, `{hosts, vars, children}`, or (Ansible's old form) the vars of a host named as the group. */
function scriptGroup(file: string, group: string, data: unknown, hostVars: (host: string) => unknown): Mapping {
  const body: Mapping = Array.isArray(data) ? { hosts: data } : isMapping(data) && !['hosts', 'vars', 'children'].some((key) => key in data) ? { hosts: [group], vars: data } : (data as Mapping);
  if (!isMapping(body)) throw scriptError(file, `group '${group}' must be a list of hosts or an object with hosts, vars, children; got ${describeValue(data)}`);
  const list = (key: string): string[] => {
    const items = body[key] ?? [];
    if (!Array.isArray(items) || !items.every((item) => typeof item === 'string')) throw scriptError(file, `${key} of group '${group}' must be a list of names, got ${describeValue(items)}`);
    return items as string[];
  };
  if (body.vars !== undefined && !isMapping(body.vars)) throw scriptError(file, `vars of group '${group}' must be an object, got ${describeValue(body.vars)}`);
  const hosts = Object.fromEntries(list('hosts').map((host) => [host, hostVars(host)]));
  const children = Object.fromEntries(list('children').map((child) => [child, null]));
  return { hosts, vars: body.vars ?? null, children };
}

/** Runs the script without a shell; its JSON answer, or a CxError with its stderr. `--host` may answer nothing (no variables). */
function runScript(file: string, args: readonly string[], emptyIsNothing = false): unknown {
  let stdout: string;
  try {
    stdout = execFileSync(file, args, { encoding: 'utf8', timeout: SCRIPT_TIMEOUT_MS, maxBuffer: SCRIPT_MAX_OUTPUT, stdio: ['ignore', 'pipe', 'pipe'], killSignal: 'SIGKILL' });
  } catch (error) {
    throw scriptError(file, `${args.join(' ')} ${failureOf(error as ScriptFailure)}`);
  }
  if (emptyIsNothing && stdout.trim() === '') return null;
  try {
    return pythonJsonLoads(stdout, (key, value: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) throw new Error(`the key '${key}' is not allowed`);
      return value;
    });
  } catch (error) {
    throw scriptError(file, `${args.join(' ')} did not print JSON: ${(error as Error).message}`);
  }
}

interface ScriptFailure extends Error {
  readonly code?: string;
  readonly status?: number | null;
  readonly signal?: string | null;
  readonly stderr?: string;
}

function failureOf(error: ScriptFailure): string {
  const stderr = error.stderr?.trim() ? `; it said:\n${error.stderr.trim()}` : '';
  if (error.code === 'ETIMEDOUT') return `did not finish within ${SCRIPT_TIMEOUT_MS / 1000} s${stderr}`;
  if (error.code === 'ENOBUFS') return `printed more than ${SCRIPT_MAX_OUTPUT / 1024 / 1024} MiB`;
  if (error.code === 'EACCES' || error.code === 'ENOENT' || error.code === 'ENOEXEC') return `could not be started (${error.code})`;
  return `failed (${error.status === null || error.status === undefined ? `signal ${error.signal}` : `exit code ${error.status}`})${stderr}`;
}

function scriptError(file: string, why: string): CxError {
  return new CxError(`inventory script ${file}: ${why}`, { at: { file }, hint: 'run it yourself with --list to see what it prints; it must print a JSON object of groups' });
}

/** Ansible's TOML inventory: `[group]` tables with `hosts`, `vars` and `children` (a list of group names). */
/** How a TOML file is read: Ansible's warnings, and whether the ini plugin tries it first (it does by default). */
export interface TomlReading {
  readonly warn?: ((message: string) => void) | undefined;
  readonly iniFirst: boolean;
}

const TOML_GROUP_KEYS = ['vars', 'children', 'hosts'];

export function readTomlInventory(file: string, { warn, iniFirst }: TomlReading): SourceData {
  const text = readTextFile(file);
  let parsed: Mapping;
  try {
    parsed = parseToml(text) as Mapping;
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    const at: SourcePosition = { file, line: error.line, col: error.column };
    throw new CxError(`not valid TOML: ${error.message.split('\n')[0]}`, { at, hint: '[web]\nhosts = { web1 = { ansible_host = "10.0.0.1" } }' });
  }
  const value: Mapping = Object.fromEntries((iniFirst ? iniLeftovers(text) : []).map((group) => [group, null]));
  for (const [group, body] of Object.entries(parsed)) {
    checkKeys(file, body);
    value[group] = isMapping(body) ? tomlGroup(group, body, warn) : body;
  }
  return { value, ranges: true };
}

/** A group's table: children as a list; any other key than vars, children and hosts skipped with Ansible's warning (a dotted header such as [a.b] makes one). */
function tomlGroup(group: string, body: Mapping, warn: TomlReading['warn']): Mapping {
  const kept: Mapping = {};
  for (const [key, item] of Object.entries(body)) {
    if (TOML_GROUP_KEYS.includes(key)) kept[key] = key === 'children' && Array.isArray(item) ? Object.fromEntries(item.map((child) => [String(child), null])) : item;
    else warn?.(`Skipping unexpected key "${key}" in group "${group}", only "vars", "children" and "hosts" are valid`);
  }
  return kept;
}

/**
 * The groups Ansible's ini plugin leaves behind when it tries a TOML file
 * before the toml plugin: each section header it reads (`[all.vars]`,
 * `[web.hosts]`) adds a group of that name, until the first other line,
 * which it cannot read as a host and gives up. Its groups stay (measured
 * with ansible-inventory 2.14), so they are groups of the inventory here too.
 */
function iniLeftovers(text: string): string[] {
  const groups: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    // The ini plugin's section pattern ([name] or [name:state], then an optional # comment); `:` is not in a TOML bare key.
    const header = /^\[([^:\]\s]+)(?::\w+)?\]\s*(?:#.*)?$/.exec(line);
    if (!header) break;
    groups.push(header[1]!);
  }
  return groups;
}

/** TOML tables may name __proto__ and its kind; refused as the YAML loader refuses them. */
function checkKeys(file: string, value: unknown): void {
  if (!value || typeof value !== 'object') return;
  for (const [key, item] of Object.entries(value)) {
    if (FORBIDDEN_KEYS.has(key)) throw new CxError(`key '${key}' is not allowed`, { at: { file }, hint: 'rename it: as an object key it could change how every object behaves' });
    checkKeys(file, item);
  }
}

function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
