/**
 * The Ansible settings cxplay honours, by Ansible's names (as
 * `ansible-config dump` shows them): where each is read in ansible.cfg, its
 * environment variables, its type, cxplay's default, and the command-line
 * option whose default it gives (`option`), if any. Keys of ansible.cfg
 * that are not here are ignored, as Ansible ignores keys it does not know.
 */
import type { Key } from '../cli/options.js';
import { GROUP_NAME_MODES } from '../load/group-names.js';
import { DEFAULT_IGNORE_EXTENSIONS, DEFAULT_INVENTORY_PLUGINS, DEFAULT_INVENTORY_SOURCE } from '../load/inventory-defaults.js';

export type SettingType = 'int' | 'bool' | 'string' | 'path' | 'pathlist' | 'pathspec' | 'list';

export interface Setting {
  readonly name: string;
  /** [section, key] pairs of ansible.cfg, the first found wins. */
  readonly ini: readonly (readonly [string, string])[];
  /** Environment variables, the first set wins. */
  readonly env: readonly string[];
  readonly type: SettingType;
  readonly choices?: readonly string[];
  /** cxplay's default (null: none). */
  readonly default: string | number | boolean | null | readonly string[];
  /** The option whose default this gives. */
  readonly option?: Key;
  /** The option's text for a value (default: the value itself); undefined leaves the option at its default. */
  readonly optionText?: (value: string) => string | undefined;
  /** Read and shown, with no effect in cxplay: why. */
  readonly acceptedOnly?: string;
  /** A become plugin's option (`name` is then the option's): dumped under the plugin, as `ansible-config dump -t become`. */
  readonly plugin?: 'sudo' | 'su';
  /** A secret: its value is never shown. */
  readonly secret?: boolean;
}

/** stdout_callback: Ansible's json is our json view; any other (default, yaml, ...) leaves our default views (live on a terminal, plain lines otherwise). */
function viewOfCallback(callback: string): string | undefined {
  return callback === 'json' ? 'json' : undefined;
}

const ESCALATION = 'privilege_escalation';
const FILE_TRANSFER = 'cxplay sends files over its SSH connection, not with sftp or scp; ssh options go in ssh_common_args';

/**
 * The options of Ansible's sudo and su become plugins, winner first: the
 * plugin's own section and variable win over the general ones, as Ansible
 * takes the last of its lists (measured with ansible-config 2.14).
 */
function becomePluginSettings(plugin: 'sudo' | 'su'): Setting[] {
  const section = `${plugin}_become_plugin`;
  const env = (name: string) => [`ANSIBLE_${plugin.toUpperCase()}_${name}`, `ANSIBLE_BECOME_${name}`];
  return [
    { name: 'become_exe', plugin, ini: [[section, 'executable'], [ESCALATION, 'become_exe']], env: env('EXE'), type: 'string', default: plugin },
    { name: 'become_flags', plugin, ini: [[section, 'flags'], [ESCALATION, 'become_flags']], env: env('FLAGS'), type: 'string', default: plugin === 'sudo' ? '-H -S -n' : '' },
    { name: 'become_pass', plugin, ini: [[section, 'password']], env: env('PASS'), type: 'string', default: null, secret: true },
    { name: 'become_user', plugin, ini: [[section, 'user'], [ESCALATION, 'become_user']], env: env('USER'), type: 'string', default: 'root' },
  ];
}

export const SETTINGS: readonly Setting[] = [
  { name: 'DEFAULT_HOST_LIST', ini: [['defaults', 'inventory'], ['defaults', 'hostfile']], env: ['ANSIBLE_INVENTORY'], type: 'pathlist', default: [DEFAULT_INVENTORY_SOURCE], option: 'inventory' },
  { name: 'INVENTORY_ENABLED', ini: [['inventory', 'enable_plugins']], env: ['ANSIBLE_INVENTORY_ENABLED'], type: 'list', default: DEFAULT_INVENTORY_PLUGINS },
  {
    name: 'INVENTORY_IGNORE_EXTS',
    ini: [['defaults', 'inventory_ignore_extensions'], ['inventory', 'ignore_extensions']],
    env: ['ANSIBLE_INVENTORY_IGNORE'],
    type: 'list',
    default: DEFAULT_IGNORE_EXTENSIONS,
  },
  { name: 'INVENTORY_IGNORE_PATTERNS', ini: [['defaults', 'inventory_ignore_patterns'], ['inventory', 'ignore_patterns']], env: ['ANSIBLE_INVENTORY_IGNORE_REGEX'], type: 'list', default: [] },
  { name: 'TRANSFORM_INVALID_GROUP_CHARS', ini: [['defaults', 'force_valid_group_names']], env: ['ANSIBLE_TRANSFORM_INVALID_GROUP_CHARS'], type: 'string', choices: GROUP_NAME_MODES, default: 'never' },
  { name: 'DEFAULT_ROLES_PATH', ini: [['defaults', 'roles_path']], env: ['ANSIBLE_ROLES_PATH'], type: 'pathspec', default: ['~/.ansible/roles', '/usr/share/ansible/roles', '/etc/ansible/roles'] },
  { name: 'DEFAULT_FORKS', ini: [['defaults', 'forks']], env: ['ANSIBLE_FORKS'], type: 'int', default: 50, option: 'forks' },
  { name: 'DEFAULT_REMOTE_USER', ini: [['defaults', 'remote_user']], env: ['ANSIBLE_REMOTE_USER'], type: 'string', default: null, option: 'remoteUser' },
  // Vault passwords: the list's ids come before --vault-id's, the file after --vault-password-file's (ansible/cli/__init__.py).
  { name: 'DEFAULT_VAULT_IDENTITY_LIST', ini: [['defaults', 'vault_identity_list']], env: ['ANSIBLE_VAULT_IDENTITY_LIST'], type: 'list', default: [] },
  { name: 'DEFAULT_VAULT_PASSWORD_FILE', ini: [['defaults', 'vault_password_file']], env: ['ANSIBLE_VAULT_PASSWORD_FILE'], type: 'path', default: null },
  { name: 'DEFAULT_PRIVATE_KEY_FILE', ini: [['defaults', 'private_key_file']], env: ['ANSIBLE_PRIVATE_KEY_FILE'], type: 'path', default: null, option: 'privateKeyFile' },
  { name: 'DEFAULT_TIMEOUT', ini: [['defaults', 'timeout']], env: ['ANSIBLE_TIMEOUT'], type: 'int', default: 10, option: 'connectTimeoutMs' },
  {
    name: 'HOST_KEY_CHECKING',
    ini: [['defaults', 'host_key_checking'], ['ssh_connection', 'host_key_checking']],
    env: ['ANSIBLE_SSH_HOST_KEY_CHECKING', 'ANSIBLE_HOST_KEY_CHECKING'],
    type: 'bool',
    default: true,
  },
  { name: 'DEFAULT_ASK_PASS', ini: [['defaults', 'ask_pass']], env: ['ANSIBLE_ASK_PASS'], type: 'bool', default: false, option: 'askPass' },
  { name: 'DEFAULT_BECOME', ini: [[ESCALATION, 'become']], env: ['ANSIBLE_BECOME'], type: 'bool', default: false, option: 'become' },
  { name: 'DEFAULT_BECOME_METHOD', ini: [[ESCALATION, 'become_method']], env: ['ANSIBLE_BECOME_METHOD'], type: 'string', default: 'sudo', option: 'becomeMethod' },
  /** Shown as Ansible shows them; the become plugins' options below are what a task's become reads. */
  { name: 'DEFAULT_BECOME_FLAGS', ini: [[ESCALATION, 'become_flags']], env: ['ANSIBLE_BECOME_FLAGS'], type: 'string', default: null },
  { name: 'DEFAULT_BECOME_EXE', ini: [[ESCALATION, 'become_exe']], env: ['ANSIBLE_BECOME_EXE'], type: 'string', default: null },
  ...becomePluginSettings('sudo'),
  ...becomePluginSettings('su'),
  /** Shown as Ansible shows it; a task's become reads the plugin's become_user above (its own section and variable win). */
  { name: 'DEFAULT_BECOME_USER', ini: [[ESCALATION, 'become_user']], env: ['ANSIBLE_BECOME_USER'], type: 'string', default: 'root' },
  { name: 'DEFAULT_BECOME_ASK_PASS', ini: [[ESCALATION, 'become_ask_pass']], env: ['ANSIBLE_BECOME_ASK_PASS'], type: 'bool', default: false, option: 'askBecomePass' },
  { name: 'RETRY_FILES_ENABLED', ini: [['defaults', 'retry_files_enabled']], env: ['ANSIBLE_RETRY_FILES_ENABLED'], type: 'bool', default: false },
  { name: 'RETRY_FILES_SAVE_PATH', ini: [['defaults', 'retry_files_save_path']], env: ['ANSIBLE_RETRY_FILES_SAVE_PATH'], type: 'path', default: null },
  /** The default callback's option: CUSTOM STATS after the recap. */
  { name: 'LOCALHOST_WARNING', ini: [['defaults', 'localhost_warning']], env: ['ANSIBLE_LOCALHOST_WARNING'], type: 'bool', default: true },
  { name: 'SHOW_CUSTOM_STATS', ini: [['defaults', 'show_custom_stats']], env: ['ANSIBLE_SHOW_CUSTOM_STATS'], type: 'bool', default: false },
  { name: 'INJECT_FACTS_AS_VARS', ini: [['defaults', 'inject_facts_as_vars']], env: ['ANSIBLE_INJECT_FACT_VARS'], type: 'bool', default: true },
  { name: 'DEFAULT_GATHERING', ini: [['defaults', 'gathering']], env: ['ANSIBLE_GATHERING'], type: 'string', choices: ['implicit', 'explicit', 'smart'], default: 'implicit' },
  { name: 'DEFAULT_STDOUT_CALLBACK', ini: [['defaults', 'stdout_callback']], env: ['ANSIBLE_STDOUT_CALLBACK'], type: 'string', default: 'default', option: 'output', optionText: viewOfCallback },
  { name: 'CACHE_PLUGIN', ini: [['defaults', 'fact_caching']], env: ['ANSIBLE_CACHE_PLUGIN'], type: 'string', default: 'memory', acceptedOnly: 'facts live for one run' },
  { name: 'ANSIBLE_PIPELINING', ini: [['connection', 'pipelining'], ['ssh_connection', 'pipelining']], env: ['ANSIBLE_PIPELINING'], type: 'bool', default: true, acceptedOnly: 'scripts always travel on stdin' },
  { name: 'DEFAULT_MODULE_PATH', ini: [['defaults', 'library']], env: ['ANSIBLE_LIBRARY'], type: 'pathspec', default: ['~/.ansible/plugins/modules', '/usr/share/ansible/plugins/modules'] },
  { name: 'DEFAULT_MODULE_UTILS_PATH', ini: [['defaults', 'module_utils']], env: ['ANSIBLE_MODULE_UTILS'], type: 'pathspec', default: ['~/.ansible/plugins/module_utils', '/usr/share/ansible/plugins/module_utils'] },
  {
    name: 'COLLECTIONS_PATHS',
    ini: [['defaults', 'collections_paths'], ['defaults', 'collections_path']],
    env: ['ANSIBLE_COLLECTIONS_PATHS', 'ANSIBLE_COLLECTIONS_PATH'],
    type: 'pathspec',
    default: ['~/.ansible/collections', '/usr/share/ansible/collections'],
  },
  /** The host's directory for a module's temporary files (Ansible's shell option remote_tmp; a path on the host, not expanded here). */
  { name: 'DEFAULT_REMOTE_TMP', ini: [['defaults', 'remote_tmp']], env: ['ANSIBLE_REMOTE_TMP'], type: 'string', default: '~/.ansible/tmp' },
  /** cxplay's own: modules that run through Ansible's Python module even where cxplay has a native one (engine/modules/python/). */
  /** cxplay's own: SSH handshakes under way at once (engine/connection/handshakes.ts). */
  { name: 'CXPLAY_HANDSHAKES', ini: [['cxplay', 'handshakes']], env: ['CXPLAY_HANDSHAKES'], type: 'int', default: null, option: 'handshakes' },
  { name: 'CXPLAY_PYTHON_MODULES', ini: [['cxplay', 'python_modules']], env: ['CXPLAY_PYTHON_MODULES'], type: 'list', default: [] },
  /** cxplay's own: check the next tasks in the exec of the current one (engine/run/speculation.ts). */
  { name: 'CXPLAY_SPECULATION', ini: [['cxplay', 'speculation']], env: ['CXPLAY_SPECULATION'], type: 'bool', default: true },
  /** cxplay's own: under strategy free and host_pinned, apply the next tasks in the exec of the current one (engine/run/fusion.ts). */
  { name: 'CXPLAY_FUSION', ini: [['cxplay', 'fusion']], env: ['CXPLAY_FUSION'], type: 'bool', default: true },
  /** The ssh connection plugin's ssh_common_args / ssh_extra_args: defaults of --ssh-common-args / --ssh-extra-args (the flag wins, then the environment, then ansible.cfg; a host's variable wins over all, as measured with ansible 2.14). */
  { name: 'SSH_COMMON_ARGS', ini: [['ssh_connection', 'ssh_common_args']], env: ['ANSIBLE_SSH_COMMON_ARGS'], type: 'string', default: null, option: 'sshCommonArgs' },
  { name: 'SSH_EXTRA_ARGS', ini: [['ssh_connection', 'ssh_extra_args']], env: ['ANSIBLE_SSH_EXTRA_ARGS'], type: 'string', default: null, option: 'sshExtraArgs' },
  { name: 'SSH_ARGS', ini: [['ssh_connection', 'ssh_args']], env: ['ANSIBLE_SSH_ARGS'], type: 'string', default: null, acceptedOnly: 'cxplay does not run ssh; per-host options go in ansible_ssh_common_args' },
  /** The ssh plugin's options for the sftp and scp programs it sends files with (cxplay sends files over its SSH connection). */
  { name: 'SFTP_EXTRA_ARGS', ini: [['ssh_connection', 'sftp_extra_args']], env: ['ANSIBLE_SFTP_EXTRA_ARGS'], type: 'string', default: '', acceptedOnly: FILE_TRANSFER },
  { name: 'SCP_EXTRA_ARGS', ini: [['ssh_connection', 'scp_extra_args']], env: ['ANSIBLE_SCP_EXTRA_ARGS'], type: 'string', default: '', acceptedOnly: FILE_TRANSFER },
];
