/**
 * The command-line options' defaults from Ansible's configuration: a setting
 * read from the environment or ansible.cfg gives the default of its option
 * (`Setting.option`), through the option's own parsing, so a value means the
 * same in ansible.cfg as on the command line. program.ts lets a flag given on
 * the command line win.
 */
import { InvalidArgumentError } from 'commander';
import { OPTIONS, type Key, type OptionSpec } from '../cli/options.js';
import { badValue, type AnsibleConfig, type ResolvedSetting } from './config.js';

export function optionDefaultsFrom(config: AnsibleConfig): Partial<Record<Key, unknown>> {
  const defaults: Partial<Record<Key, unknown>> = {};
  for (const resolved of config.settings.values()) {
    const key = resolved.setting.option;
    if (key === undefined || resolved.origin === 'default' || resolved.value === null) continue;
    const value = optionValue(OPTIONS[key] as OptionSpec, resolved);
    if (value !== undefined) defaults[key] = value;
  }
  return defaults;
}

function optionValue(spec: OptionSpec, resolved: ResolvedSetting): unknown {
  const { setting, value } = resolved;
  if (!spec.parse) return value;
  const parse = spec.parse as (text: string, previous: unknown) => unknown;
  const texts = Array.isArray(value) ? value.map(String) : [String(value)];
  try {
    let result: unknown = spec.initial;
    for (const text of texts) {
      const mapped = setting.optionText ? setting.optionText(text) : text;
      if (mapped === undefined) return undefined;
      result = parse(mapped, result);
    }
    return result;
  } catch (error) {
    if (!(error instanceof InvalidArgumentError)) throw error;
    throw badValue(setting, texts.join(','), resolved.where!, error.message);
  }
}
