/**
 * Ansible's configuration as ansible-playbook 2.14 reads it: one ansible.cfg,
 * the first of ANSIBLE_CONFIG (a file, or a directory holding ansible.cfg),
 * ./ansible.cfg (not when the current directory is world-writable: Ansible
 * warns and ignores it), ~/.ansible.cfg, /etc/ansible/ansible.cfg; then the
 * ANSIBLE_* environment variables over it. The command line wins over both
 * (program.ts). Each value remembers where it came from, for `config dump`
 * and for errors: a bad value names its file:line (or variable) and what to
 * write instead, before anything runs.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { ansibleBoolean } from '../booleans.js';
import { CxError, ExitCode, type SourcePosition } from '../errors.js';
import { parseIni, type IniEntry } from './ini.js';
import { SETTINGS, type Setting } from './settings.js';

export type SettingValue = string | number | boolean | null | readonly string[];

export interface ResolvedSetting {
  readonly setting: Setting;
  readonly value: SettingValue;
  /** `default`, `env: NAME`, or the ansible.cfg path (as ansible-config dump shows it). */
  readonly origin: string;
  /** Where it was written, for errors: the line of ansible.cfg, or the variable. */
  readonly where?: { readonly text: string; readonly at?: SourcePosition | undefined };
}

export interface AnsibleConfig {
  /** The ansible.cfg read, if any. */
  readonly file: string | undefined;
  readonly settings: ReadonlyMap<string, ResolvedSetting>;
  /** Said before the run, as Ansible's [WARNING] lines. */
  readonly warnings: readonly string[];
}

export function loadConfig(cwd: string, env: NodeJS.ProcessEnv): AnsibleConfig {
  const warnings: string[] = [];
  const file = findConfigFile(cwd, env, warnings);
  const entries = file ? parseIni(readFileSync(file, 'utf8'), file) : [];
  const settings = new Map(SETTINGS.map((setting) => [settingKey(setting), resolveSetting(setting, entries, file, env, cwd)]));
  for (const resolved of settings.values()) {
    const ignored = ignoredSetting(resolved);
    if (ignored) warnings.push(ignored);
  }
  return { file, settings, warnings };
}

/** A setting cxplay reads but cannot honour, given a value that asks for something else: said, not silently dropped. */
function ignoredSetting({ setting, value, where }: ResolvedSetting): string | undefined {
  if (!setting.acceptedOnly || !where || value === null || value === setting.default) return undefined;
  const at = where.at ? `${where.at.file}:${where.at.line ?? 0}: ` : '';
  return `${at}${setting.name} = ${String(value)} (${where.text}) has no effect in cxplay: ${setting.acceptedOnly}`;
}

/** How settingValue names a setting: its name, or `plugin.option` for a become plugin's option (`sudo.become_flags`). */
export function settingKey(setting: Setting): string {
  return setting.plugin ? `${setting.plugin}.${setting.name}` : setting.name;
}

/** A setting's value (its default when the config was not loaded, e.g. in tests that build RunOptions themselves). */
export function settingValue(config: AnsibleConfig | undefined, name: string): SettingValue {
  const resolved = config?.settings.get(name);
  if (resolved) return resolved.value;
  const setting = SETTINGS.find((item) => settingKey(item) === name);
  if (!setting) throw new Error(`no setting ${name}`);
  return setting.default;
}

function findConfigFile(cwd: string, env: NodeJS.ProcessEnv, warnings: string[]): string | undefined {
  const fromEnv = env.ANSIBLE_CONFIG ? expandHome(env.ANSIBLE_CONFIG, cwd) : undefined;
  if (fromEnv) {
    const candidate = isDirectory(fromEnv) ? join(fromEnv, 'ansible.cfg') : fromEnv;
    if (existsSync(candidate)) return candidate;
  }
  const local = join(cwd, 'ansible.cfg');
  if (existsSync(local)) {
    if ((statSync(cwd).mode & 0o002) === 0) return local;
    warnings.push(
      `Ansible is being run in a world writable directory (${cwd}), ignoring it as an ansible.cfg source. For more information see https://docs.ansible.com/ansible/devel/reference_appendices/config.html#cfg-in-world-writable-dir`,
    );
  }
  return [join(homedir(), '.ansible.cfg'), '/etc/ansible/ansible.cfg'].find((path) => existsSync(path));
}

function resolveSetting(setting: Setting, entries: readonly IniEntry[], file: string | undefined, env: NodeJS.ProcessEnv, cwd: string): ResolvedSetting {
  const variable = setting.env.find((name) => env[name] !== undefined && env[name] !== '');
  if (variable) {
    const where = { text: `the environment variable ${variable}` };
    return { setting, value: convert(setting, env[variable]!, cwd, where), origin: `env: ${variable}`, where };
  }
  const entry = setting.ini.map(([section, key]) => entries.find((item) => item.section === section && item.key === key)).find(Boolean);
  if (entry && file) {
    // As Ansible does, a relative path in ansible.cfg is relative to the file.
    const where = { text: `[${entry.section}] ${entry.key}`, at: { file, line: entry.line } };
    return { setting, value: convert(setting, entry.value, dirname(file), where), origin: file, where };
  }
  return { setting, value: setting.default, origin: 'default' };
}

type Where = NonNullable<ResolvedSetting['where']>;

function convert(setting: Setting, text: string, base: string, where: Where): SettingValue {
  switch (setting.type) {
    case 'int': {
      const number = Number(text.trim());
      if (!/^\s*\d+\s*$/.test(text) || number < 1) throw badValue(setting, text, where, 'write a whole number of at least 1');
      return number;
    }
    case 'bool': {
      const value = ansibleBoolean(text);
      if (value === undefined) throw badValue(setting, text, where, 'write true or false (yes/no, on/off, 1/0)');
      return value;
    }
    case 'path':
      return text.trim() === '' ? null : expandHome(text.trim(), base);
    case 'pathlist':
      return split(text, ',').map((path) => expandHome(path, base));
    case 'pathspec':
      return split(text, ':').map((path) => expandHome(path, base));
    case 'list':
      return split(text, ',');
    case 'string': {
      const value = text.trim();
      if (setting.choices && !setting.choices.includes(value)) throw badValue(setting, text, where, `write one of ${setting.choices.join(', ')}`);
      return value;
    }
  }
}

function split(text: string, separator: string): string[] {
  return text.split(separator).map((item) => item.trim()).filter(Boolean);
}

export function badValue(setting: Setting, text: string, where: Where, hint: string): CxError {
  return new CxError(`invalid value ${JSON.stringify(text.trim())} for ${setting.name} (${where.text})`, { at: where.at, hint, exitCode: ExitCode.badOptions });
}

function expandHome(path: string, base: string): string {
  if (path === '~' || path.startsWith('~/')) return join(homedir(), path.slice(1));
  return resolve(base, path);
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}
