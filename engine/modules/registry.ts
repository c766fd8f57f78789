/** Every module by name; `ansible.builtin.X` and `ansible.legacy.X` name the same module. */
import { addHostModule } from './add_host.js';
import { assembleModule } from './assemble.js';
import { aptModule } from './apt.js';
import { aptRepositoryModule } from './apt_repository.js';
import { assertModule } from './assert.js';
import { asyncStatusModule } from './async_status.js';
import { authorizedKeyModule } from './authorized_key.js';
import { blockinfileModule } from './blockinfile.js';
import { commandModule } from './command.js';
import { copyModule } from './copy.js';
import { cronModule } from './cron.js';
import { debugModule } from './debug.js';
import { dnfModule } from './dnf.js';
import { failModule } from './fail.js';
import { fetchModule } from './fetch.js';
import { fileModule } from './file.js';
import { findFilesModule } from './find.js';
import { getUrlModule } from './get_url.js';
import { groupByModule } from './group_by.js';
import { groupModule } from './group.js';
import { hostnameModule } from './hostname.js';
import { includeVarsModule } from './include_vars.js';
import { knownHostsModule } from './known_hosts.js';
import { lineinfileModule } from './lineinfile.js';
import type { ModuleDef } from './module.js';
import { mountModule } from './mount.js';
import { packageModule } from './package.js';
import { packageFactsModule } from './package_facts.js';
import { pauseModule } from './pause.js';
import { pingModule } from './ping.js';
import { rawModule } from './raw.js';
import { rebootModule } from './reboot.js';
import { replaceModule } from './replace.js';
import { scriptModule } from './script.js';
import { serviceModule } from './service.js';
import { serviceFactsModule } from './service_facts.js';
import { setFactModule } from './set_fact.js';
import { setStatsModule } from './set_stats.js';
import { gatherFactsModule, setupModule } from './setup.js';
import { shellModule } from './shell.js';
import { slurpModule } from './slurp.js';
import { statModule } from './stat.js';
import { sysctlModule } from './sysctl.js';
import { systemdModule } from './systemd.js';
import { templateModule } from './template.js';
import { tempfileModule } from './tempfile.js';
import { unarchiveModule } from './unarchive.js';
import { uriModule } from './uri.js';
import { userModule } from './user.js';
import { validateArgumentSpecModule } from './validate_argument_spec.js';
import { waitForConnectionModule } from './wait_for_connection.js';
import { waitForModule } from './wait_for.js';
import { yumModule } from './yum.js';

const ALL: readonly ModuleDef[] = [
  addHostModule,
  assembleModule,
  aptModule,
  aptRepositoryModule,
  assertModule,
  asyncStatusModule,
  authorizedKeyModule,
  blockinfileModule,
  commandModule,
  copyModule,
  cronModule,
  debugModule,
  dnfModule,
  failModule,
  fetchModule,
  fileModule,
  findFilesModule,
  gatherFactsModule,
  getUrlModule,
  groupByModule,
  groupModule,
  hostnameModule,
  includeVarsModule,
  knownHostsModule,
  lineinfileModule,
  mountModule,
  packageModule,
  packageFactsModule,
  pauseModule,
  pingModule,
  rawModule,
  rebootModule,
  replaceModule,
  scriptModule,
  serviceModule,
  serviceFactsModule,
  setFactModule,
  setStatsModule,
  setupModule,
  shellModule,
  slurpModule,
  statModule,
  sysctlModule,
  systemdModule,
  templateModule,
  tempfileModule,
  unarchiveModule,
  uriModule,
  userModule,
  validateArgumentSpecModule,
  waitForModule,
  waitForConnectionModule,
  yumModule,
];

const byName = new Map<string, ModuleDef>();
for (const module of ALL) for (const name of [module.name, ...(module.aliases ?? [])]) byName.set(name, module);

/** The module a task names, with or without the `ansible.builtin.` / `ansible.legacy.` prefix. */
export function findModule(name: string): ModuleDef | undefined {
  return byName.get(name.replace(/^ansible\.(builtin|legacy)\./, ''));
}

/** Every name a task may use (for "did you mean"). */
export function moduleNames(): string[] {
  return [...byName.keys()];
}
