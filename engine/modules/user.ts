/**
 * user: an account present (added with useradd, or changed with usermod
 * where it differs) or absent (userdel), with its password hash, lock,
 * expiry, password aging (chage), groups, home and ssh key, as Ansible
 * 2.14's user does on Linux, in one exec (engine/modules/sh/user.sh); with
 * `local`, libuser's luseradd/lusermod/luserdel, lgroupmod and lchage, the
 * account looked for in /etc/passwd. The hash goes to chpasswd's (lpasswd's)
 * standard input, never into a process's arguments or the result.
 */
import { quote } from '../connection/quote.js';
import { readReport, REPORT_FUNCTIONS, reportedFailure, scriptFailure } from './lib/report.js';
import { shellCode } from './lib/shell-code.js';
import { ranCommand, RUN_REPORT, SYSTEM_FUNCTIONS } from './lib/system-run.js';
import type { ModuleContext, ModuleDef, ModuleResult } from './module.js';
import USER_SH from './sh/user.sh';

const USER_FUNCTIONS = shellCode(USER_SH);
const USER_REPORT = {
  ...RUN_REPORT,
  early: 'flag',
  failed_run: 'flag',
  warning: 'text',
  uid: 'number',
  gid: 'number',
  comment: 'text',
  home: 'text',
  shell: 'text',
  home_made: 'flag',
  ssh_made: 'flag',
  created: 'flag',
  ssh_key_file: 'text',
  ssh_fingerprint: 'text',
  ssh_public_key: 'text',
  aging_changed: 'flag',
} as const;

/** Arguments Ansible's user reads only on other systems (macOS, BSD, Solaris, AIX): accepted, unused on Linux. */
const OTHER_SYSTEMS = { hidden: { type: 'boolean' }, login_class: { type: 'string' }, profile: { type: 'string' }, authorization: { type: 'string' }, role: { type: 'string' } };

export const userModule: ModuleDef = {
  name: 'user',
  // Ansible's no_log arguments: masked in everything the run shows.
  secretArgs: ['password', 'ssh_key_passphrase'],
  argsSchema: {
    type: 'object',
    properties: {
      name: { type: 'string' },
      user: { type: 'string' },
      state: { enum: ['absent', 'present'], default: 'present' },
      uid: { type: 'integer' },
      non_unique: { type: 'boolean', default: false },
      group: { type: 'string' },
      groups: { type: 'array', items: { type: 'string' } },
      append: { type: 'boolean', default: false },
      comment: { type: 'string' },
      home: { type: 'string' },
      shell: { type: 'string' },
      password: { type: 'string' },
      password_lock: { type: 'boolean' },
      update_password: { enum: ['always', 'on_create'], default: 'always' },
      expires: { type: 'number' },
      force: { type: 'boolean', default: false },
      remove: { type: 'boolean', default: false },
      create_home: { type: 'boolean', default: true },
      createhome: { type: 'boolean' },
      move_home: { type: 'boolean', default: false },
      skeleton: { type: 'string' },
      system: { type: 'boolean', default: false },
      seuser: { type: 'string' },
      umask: { type: 'string' },
      local: { type: 'boolean', default: false },
      password_expire_max: { type: 'integer' },
      password_expire_min: { type: 'integer' },
      generate_ssh_key: { type: 'boolean' },
      ssh_key_bits: { type: 'integer', default: 0 },
      ssh_key_type: { type: 'string', default: 'rsa' },
      ssh_key_file: { type: 'string' },
      ssh_key_comment: { type: 'string' },
      ssh_key_passphrase: { type: 'string' },
      ...OTHER_SYSTEMS,
    },
    oneOf: [{ required: ['name'] }, { required: ['user'] }],
    additionalProperties: false,
  },
  checkMode: 'full',
  diffMode: 'none',
  runsOn: 'target',
  async run(ctx) {
    const args: UserArgs = { ...ctx.args, name: ctx.args.name ?? ctx.args.user, create_home: ctx.args.createhome ?? ctx.args.create_home };
    const refused = refusal(args);
    if (refused) return { changed: false, failed: true, msg: refused };
    if (args.groups === undefined && args.append === true) ctx.warn("'append' is set, but no 'groups' are specified. Use 'groups' for appending new groups.This will change to an error in Ansible 2.14.");
    if (typeof args.password === 'string' && !looksHashed(args.password)) ctx.warn("The input password appears not to have been hashed. The 'password' argument must be encrypted for this module to work properly.");
    const result = await ctx.exec(`${REPORT_FUNCTIONS}${SYSTEM_FUNCTIONS}${USER_FUNCTIONS}${assignments(ctx, args).join('\n')}\ncx_user_task\ncx_report done 1`);
    const report = readReport(result.stdout, USER_REPORT);
    for (const warning of (report.warning ?? '').split('\n').filter(Boolean)) ctx.warn(warning);
    const failure = reportedFailure(report);
    if (failure) return failure;
    if (report.done !== true && report.failed_run !== true) return scriptFailure(result.rc, result.stderr);
    if (report.early === true) return { changed: true };
    return userResult(args, report);
  },
};

type UserArgs = Record<string, unknown>;
type UserReport = ReturnType<typeof readReport<typeof USER_REPORT>>;

/** Arguments that cannot go together: Ansible's message (luseradd has no umask option). */
function refusal(args: UserArgs): string | undefined {
  if (args.umask !== undefined && args.local === true) return "'umask' can not be used with 'local'";
  return undefined;
}

/** Ansible's check_password_encrypted: a crypt(3) hash, or one of the values that disable the account. */
function looksHashed(password: string): boolean {
  if (['*', '!', '*************'].includes(password)) return true;
  if (/[:*!]/.test(password) || !password.includes('$')) return false;
  const fields = password.split('$');
  if (fields.length < 3) return false;
  const hash = fields[fields.length - 1]!;
  const lengths: Record<string, number> = { '1': 22, '5': 43, '6': 86 };
  return !/[^a-zA-Z0-9./=]/.test(hash) && (lengths[fields[1]!] === undefined || lengths[fields[1]!] === hash.length);
}

/** The task's u_* variables for user.sh, each value quoted. */
function assignments(ctx: ModuleContext, args: UserArgs): string[] {
  const text = (key: string) => quote(args[key] === undefined ? '' : String(args[key]));
  const isSet = (key: string) => (args[key] === undefined ? '0' : '1');
  const groups = args.groups === undefined ? undefined : (args.groups as string[]).join(',');
  const expires = args.expires === undefined ? undefined : Number(args.expires);
  const lines = [
    `u_check=${String(ctx.check)} u_state=${text('state')} u_name=${text('name')} u_uid=${text('uid')} u_non_unique=${String(args.non_unique)}`,
    `u_group=${text('group')} u_groups=${quote(groups ?? '')} u_groups_set=${groups === undefined ? 0 : 1} u_append=${String(args.append)}`,
    `u_comment=${text('comment')} u_comment_set=${isSet('comment')} u_home=${text('home')} u_shell=${text('shell')} u_seuser=${text('seuser')} u_umask=${text('umask')}`,
    `u_password=${text('password')} u_password_set=${isSet('password')} u_password_lock=${text('password_lock')} u_update_password=${text('update_password')}`,
    `u_expires=${quote(expires === undefined || expires < 0 ? '' : new Date(expires * 1000).toISOString().slice(0, 10))} u_expires_set=${isSet('expires')} u_expires_days=${expires === undefined ? "''" : String(Math.floor(expires / 86400))}`,
    `u_force=${String(args.force)} u_remove=${String(args.remove)} u_create_home=${String(args.create_home)} u_move_home=${String(args.move_home)} u_skeleton=${text('skeleton')} u_system=${String(args.system)}`,
    `u_local=${String(args.local)} u_expire_min=${text('password_expire_min')} u_expire_max=${text('password_expire_max')}`,
    `u_generate_ssh_key=${String(args.generate_ssh_key === true)} u_ssh_key_bits=${String(args.ssh_key_bits)} u_ssh_key_type=${text('ssh_key_type')} u_ssh_key_file=${quote(String(args.ssh_key_file ?? `.ssh/id_${String(args.ssh_key_type)}`))}`,
  ];
  if (args.ssh_key_comment !== undefined) lines.push(`u_ssh_key_comment=${text('ssh_key_comment')}`);
  if (args.ssh_key_passphrase !== undefined) lines.push(`u_ssh_key_passphrase=${text('ssh_key_passphrase')}`);
  return lines;
}

/** Ansible's result: what was asked and what the account is now, the password never. */
function userResult(args: UserArgs, report: UserReport): ModuleResult {
  const name = String(args.name);
  const ran = ranCommand(report);
  if (report.failed_run === true) return { changed: false, failed: true, name, msg: ran.stderr ?? '', rc: ran.rc };
  const out: ModuleResult = { name, state: args.state, changed: ran.rc !== undefined };
  if (args.state === 'absent') {
    if (ran.rc !== undefined) Object.assign(out, { force: args.force, remove: args.remove });
    return { ...out, ...ran.output };
  }
  if (report.created === true) Object.assign(out, { system: args.system, create_home: args.create_home });
  else Object.assign(out, { append: args.append, move_home: args.move_home });
  if (args.password !== undefined) out.password = 'NOT_LOGGING_PASSWORD';
  Object.assign(out, ran.output);
  if (report.uid === undefined) return out;
  Object.assign(out, { uid: report.uid, group: report.gid, comment: report.comment ?? '', home: report.home ?? '', shell: report.shell ?? '' });
  if (args.groups !== undefined) out.groups = (args.groups as string[]).join(',');
  if (report.home_made === true) out.changed = true;
  if (args.generate_ssh_key === true) {
    if (report.ssh_made === true) out.changed = true;
    Object.assign(out, { ssh_fingerprint: (report.ssh_fingerprint ?? '').trim(), ssh_key_file: report.ssh_key_file, ssh_public_key: report.ssh_public_key?.trim() ?? null });
  }
  if (report.aging_changed === true) out.changed = true;
  return out;
}
