/**
 * Ansible's `constructed` inventory plugin (a YAML file with `plugin:
 * constructed`), applied to the hosts of the sources read before it: for
 * each host, `compose` sets variables from expressions, `groups` adds it to
 * each group whose condition holds, `keyed_groups` to groups named after a
 * value (`prefix` + `separator` + value; a list gives several, a mapping
 * `key_value` names; `default_value`, `trailing_separator`, `parent_group`,
 * `leading_separator`). The expressions see the host's inventory variables
 * and go through cxplay's own expression parser (never eval), rendered as
 * Ansible renders `{{ expression }}` (compose and keyed_groups' key: text
 * unless a list, mapping or boolean; a variable holding a template gives its
 * rendered value). An expression that fails (an undefined name) skips that
 * entry, its variable not set, unless `strict: true` makes it an error.
 */
import { CxError, type SourcePosition } from '../errors.js';
import { evaluateExpression, renderString } from '../template/render.js';
import { truthy } from '../template/python.js';
import { layer, LayeredScope } from '../vars/layered-scope.js';
import { safeGroupName } from './group-names.js';
import { describeValue } from './keyword-check.js';
import { editableCopy, type MutableGroup } from './inventory-reader.js';
import { hostVarsFromInventory } from './inventory-vars.js';
import type { Inventory, InventoryGroup } from './model.js';
import { keyPositionOf } from './positions.js';
import { didYouMean } from './suggest.js';
import { FORBIDDEN_KEYS } from './yaml.js';

type Mapping = Record<string, unknown>;

const OPTIONS = ['plugin', 'strict', 'compose', 'groups', 'keyed_groups', 'leading_separator', 'use_vars_plugins', 'use_extra_vars'];
const KEYED_OPTIONS = ['key', 'prefix', 'separator', 'default_value', 'trailing_separator', 'parent_group'];
export const CONSTRUCTED_NAMES: readonly string[] = ['constructed', 'ansible.builtin.constructed'];

interface Settings {
  readonly strict: boolean;
  readonly compose: Mapping;
  readonly groups: Mapping;
  readonly keyedGroups: readonly Mapping[];
  readonly leadingSeparator: boolean;
}

export function applyConstructed(inventory: Inventory, config: Mapping, file: string): Inventory {
  const at: SourcePosition = { file, line: 1 };
  const settings = readSettings(config, at);
  const { groups, hosts } = editableCopy(inventory);
  const builder = new GroupBuilder(groups, at);
  for (const [name, host] of hosts) {
    const fail = (what: string, error: unknown) => new CxError(`${file}: ${what} for host ${name}: ${(error as Error).message}`, { at, hint: 'fix the expression, or leave strict: false to skip what fails' });
    const before = hostVarsFromInventory(inventory, name);
    // As Ansible: every compose entry sees the variables before compose (not each other's), their templates rendered.
    const composeScope = inventoryScope(before);
    const composed: Mapping = {};
    for (const [variable, expression] of Object.entries(settings.compose)) {
      const value = attempt(() => compose(String(expression), composeScope), settings.strict, (error) => fail(`could not set ${variable}`, error));
      if (value !== SKIPPED) composed[variable] = value;
    }
    Object.assign(host.vars, composed);
    const scope = inventoryScope({ ...before, ...composed });
    for (const [group, condition] of Object.entries(settings.groups)) {
      const holds = attempt(() => truthy(evaluateExpression(String(condition), scope)), settings.strict, (error) => fail(`could not decide group ${group}`, error));
      if (holds === true) builder.addHost(group, name);
    }
    for (const keyed of settings.keyedGroups) {
      const key = attempt(() => compose(String(keyed.key), scope), settings.strict, (error) => fail(`could not make a group from ${String(keyed.key)}`, error));
      if (key === SKIPPED) continue;
      for (const group of keyedNames(keyed, key, settings, (why) => new CxError(`${file}: ${why} (host ${name})`, { at }))) {
        builder.addHost(group, name);
        const parent = keyed.parent_group === undefined ? undefined : attempt(() => String(renderString(String(keyed.parent_group), scope)), settings.strict, (error) => fail('could not name the parent group', error));
        if (typeof parent === 'string' && parent) builder.addChild(parent, group);
      }
    }
  }
  builder.finish(hosts.keys());
  return { file: inventory.file, groups, hosts };
}

const SKIPPED = Symbol('skipped');

/** A host's inventory variables, each rendered when first read (a variable holding `{{ b }}` gives b's value), as Ansible's templar reads them. */
function inventoryScope(vars: Mapping): LayeredScope {
  return new LayeredScope([layer('inventory', vars)]);
}

/**
 * Ansible's _compose: the expression rendered as `{{ expression }}` by its
 * templar, so its value is text unless it is a list, a mapping, a boolean or
 * a lone variable's number (`port + 1` gives "23"); an undefined name fails it.
 */
function compose(expression: string, scope: LayeredScope): unknown {
  return renderString(`{{ ${expression} }}`, scope);
}

/** The value of `work`, or SKIPPED when it fails and strict is off. */
function attempt<T>(work: () => T, strict: boolean, failure: (error: unknown) => CxError): T | typeof SKIPPED {
  try {
    return work();
  } catch (error) {
    if (strict) throw failure(error);
    return SKIPPED;
  }
}

/** The group names of one keyed_groups entry for a key's value, as Ansible builds them. */
function keyedNames(keyed: Mapping, key: unknown, settings: Settings, bad: (why: string) => CxError): string[] {
  const defaultValue = keyed.default_value === undefined || keyed.default_value === null ? undefined : String(keyed.default_value);
  const trailing = keyed.trailing_separator;
  if (trailing !== undefined && defaultValue !== undefined) throw bad('default_value and trailing_separator cannot go together in keyed_groups');
  const emptyButDefaulted = key === '' && defaultValue !== undefined;
  if (!truthy(key) && !emptyButDefaulted) {
    if (settings.strict && !(Array.isArray(key) || (key && typeof key === 'object'))) throw bad(`the key ${String(keyed.key)} gave nothing to name a group after`);
    return [];
  }
  const separator = String(keyed.separator ?? '_');
  const orDefault = (value: unknown) => (value === '' && defaultValue !== undefined ? defaultValue : String(value));
  let bare: string[];
  if (typeof key === 'string') bare = [orDefault(key)];
  else if (Array.isArray(key)) bare = key.map(orDefault);
  else if (key && typeof key === 'object') {
    bare = Object.entries(key as Mapping).map(([name, value]) => {
      if (value !== '') return `${name}${separator}${String(value)}`;
      return defaultValue !== undefined ? `${name}${separator}${defaultValue}` : trailing === false ? name : `${name}${separator}`;
    });
  } else throw bad(`a keyed group's key must give a string, a list or a mapping, got ${describeValue(key)}`);
  const prefix = String(keyed.prefix ?? '');
  const lead = prefix === '' && !settings.leadingSeparator ? '' : separator;
  return bare.map((name) => `${prefix}${lead}${name}`);
}

function readSettings(config: Mapping, at: SourcePosition): Settings {
  for (const key of Object.keys(config)) {
    if (!OPTIONS.includes(key)) throw new CxError(`unknown option '${key}' of the constructed plugin${didYouMean(key, OPTIONS)}`, { at: keyPositionOf(config, key, at), hint: `it takes ${OPTIONS.join(', ')}` });
  }
  if (config.use_vars_plugins === true) throw new CxError('use_vars_plugins is not supported by cxplay', { at: keyPositionOf(config, 'use_vars_plugins', at), hint: 'group_vars/ and host_vars/ are applied after every source is read; leave it out' });
  const mapping = (key: string): Mapping => {
    const value = config[key] ?? {};
    if (typeof value !== 'object' || Array.isArray(value)) throw new CxError(`${key} must be a mapping, got ${describeValue(value)}`, { at: keyPositionOf(config, key, at) });
    return value as Mapping;
  };
  const keyed = config.keyed_groups ?? [];
  if (!Array.isArray(keyed) || keyed.some((entry) => !entry || typeof entry !== 'object' || Array.isArray(entry) || !('key' in entry))) {
    throw new CxError('keyed_groups must be a list of mappings, each with a key:', { at: keyPositionOf(config, 'keyed_groups', at), hint: 'keyed_groups:\n    - key: os\n      prefix: os' });
  }
  for (const entry of keyed as Mapping[]) {
    const unknown = Object.keys(entry).find((key) => !KEYED_OPTIONS.includes(key));
    if (unknown) throw new CxError(`unknown option '${unknown}' in keyed_groups${didYouMean(unknown, KEYED_OPTIONS)}`, { at: keyPositionOf(config, 'keyed_groups', at) });
  }
  return { strict: config.strict === true, compose: mapping('compose'), groups: mapping('groups'), keyedGroups: keyed as Mapping[], leadingSeparator: config.leading_separator !== false };
}

/** Adds groups (their names made safe, silently, as Ansible's constructed makes them) and memberships as Ansible's inventory does, then reconciles: parentless new groups under all, grouped hosts out of ungrouped. */
class GroupBuilder {
  private readonly added: string[] = [];

  constructor(
    private readonly groups: Map<string, MutableGroup>,
    private readonly at: SourcePosition,
  ) {}

  addHost(group: string, host: string): void {
    const entry = this.group(safeGroupName(group));
    if (!entry.hosts.includes(host)) entry.hosts.push(host);
  }

  addChild(parentName: string, childName: string): void {
    const [parent, child] = [safeGroupName(parentName), safeGroupName(childName)];
    const entry = this.group(parent);
    if (parent === child) throw new CxError(`group '${parent}' cannot be its own child`, { at: this.at });
    if (!entry.children.includes(child)) entry.children.push(child);
  }

  finish(hosts: Iterable<string>): void {
    const all = this.groups.get('all')!;
    const isChild = new Set([...this.groups.values()].flatMap((group: InventoryGroup) => group.children));
    for (const name of this.added) if (!isChild.has(name) && !all.children.includes(name)) all.children.push(name);
    const ungrouped = this.groups.get('ungrouped')!;
    const grouped = new Set([...this.groups.values()].filter((group) => group.name !== 'all' && group.name !== 'ungrouped').flatMap((group) => group.hosts));
    ungrouped.hosts = ungrouped.hosts.filter((host) => !grouped.has(host));
    for (const host of hosts) if (!grouped.has(host) && !ungrouped.hosts.includes(host)) ungrouped.hosts.push(host);
  }

  private group(name: string): MutableGroup {
    if (FORBIDDEN_KEYS.has(name)) throw new CxError(`group '${name}' is not allowed`, { at: this.at });
    let group = this.groups.get(name);
    if (!group) {
      group = { name, vars: {}, children: [], hosts: [], at: this.at };
      this.groups.set(name, group);
      this.added.push(name);
    }
    return group;
  }
}
