/**
 * What a task's become takes from the configuration for each method: the
 * sudo and su plugins' options (executable, flags, user, password), as
 * Ansible's config manager settles them (engine/config/settings.ts).
 */
import { settingValue, type AnsibleConfig } from './config.js';

export interface BecomePluginOptions {
  readonly exe: string;
  readonly flags: string;
  readonly user: string;
  readonly password?: string | undefined;
}

export type BecomePlugins = Readonly<Record<'sudo' | 'su', BecomePluginOptions>>;

export function becomePluginsFrom(config: AnsibleConfig | undefined): BecomePlugins {
  const options = (plugin: 'sudo' | 'su'): BecomePluginOptions => {
    const value = (name: string) => settingValue(config, `${plugin}.${name}`) as string | null;
    return { exe: value('become_exe')!, flags: value('become_flags')!, user: value('become_user')!, password: value('become_pass') ?? undefined };
  };
  return { sudo: options('sudo'), su: options('su') };
}
