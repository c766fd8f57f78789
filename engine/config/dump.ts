/**
 * `cxplay config dump [--only-changed]`, as `ansible-config dump`: one line
 * per setting cxplay honours, `NAME(ORIGIN) = VALUE`, sorted by name, the
 * origin being `default`, `env: VARIABLE` or the ansible.cfg path, values in
 * Python's notation (True, None, ['a', 'b']) so the two outputs compare.
 */
import type { AnsibleConfig, SettingValue } from './config.js';

export function dumpConfig(config: AnsibleConfig, onlyChanged: boolean): string {
  const lines = [`CONFIG_FILE() = ${config.file ?? 'None'}`];
  const settings = [...config.settings.values()].sort((a, b) => a.setting.name.localeCompare(b.setting.name));
  for (const { setting, value, origin } of settings) {
    if (onlyChanged && origin === 'default') continue;
    const note = setting.acceptedOnly ? `  # accepted, no effect: ${setting.acceptedOnly}` : '';
    lines.push(`${setting.name}(${origin}) = ${pythonText(value)}${note}`);
  }
  return `${lines.join('\n')}\n`;
}

function pythonText(value: SettingValue): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (Array.isArray(value)) return `[${value.map((item) => `'${item}'`).join(', ')}]`;
  return String(value);
}
