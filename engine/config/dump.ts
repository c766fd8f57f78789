/**
 * `cxplay config dump [--only-changed]`, as `ansible-config dump`: one line
 * per setting cxplay honours, `NAME(ORIGIN) = VALUE`, sorted by name, the
 * origin being `default`, `env: VARIABLE` or the ansible.cfg path, values in
 * Python's notation (True, None, ['a', 'b']) so the two outputs compare.
 */
import type { AnsibleConfig, ResolvedSetting, SettingValue } from './config.js';

export function dumpConfig(config: AnsibleConfig, onlyChanged: boolean): string {
  const lines = [`CONFIG_FILE() = ${config.file ?? 'None'}`];
  const shown = [...config.settings.values()].filter(({ origin }) => !onlyChanged || origin !== 'default');
  lines.push(...settingLines(shown.filter(({ setting }) => !setting.plugin)));
  // The become plugins' options, as `ansible-config dump -t become` shows them: under each plugin's name.
  for (const plugin of ['su', 'sudo'] as const) {
    const options = shown.filter(({ setting }) => setting.plugin === plugin);
    if (options.length > 0) lines.push('', `${plugin}:`, '_'.repeat(plugin.length), ...settingLines(options));
  }
  return `${lines.join('\n')}\n`;
}

function settingLines(settings: readonly ResolvedSetting[]): string[] {
  return [...settings]
    .sort((a, b) => a.setting.name.localeCompare(b.setting.name))
    .map(({ setting, value, origin }) => {
      const note = setting.acceptedOnly ? `  # accepted, no effect: ${setting.acceptedOnly}` : '';
      // Ansible shows a password here; cxplay never prints one.
      return `${setting.name}(${origin}) = ${setting.secret && value !== null ? '********' : pythonText(value)}${note}`;
    });
}

function pythonText(value: SettingValue): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (Array.isArray(value)) return `[${value.map((item) => `'${item}'`).join(', ')}]`;
  return String(value);
}
