/**
 * mount (ansible.posix): a filesystem's fstab entry and its mounted state,
 * as ansible.posix's mount decides on Linux: present/absent/absent_from_fstab
 * edit the fstab, mounted also mounts (or remounts after an fstab change),
 * unmounted/remounted/ephemeral only run mount or umount. One exec expands
 * path and src (Ansible's `path` type), reads the fstab and decides whether
 * the path is mounted by the module's rules (os.path.ismount, the kernel's
 * mountinfo for bind mounts, mount's list without one); a second writes and
 * mounts, only when something is to change (engine/modules/sh/mount.sh).
 */
import { randomInt } from 'node:crypto';
import { quote } from '../connection/quote.js';
import { BACKUP_FUNCTION } from './lib/backup.js';
import { readReport, REPORT_FUNCTIONS, reportedFailure, scriptFailure } from './lib/report.js';
import { shellCode } from './lib/shell-code.js';
import { SYSTEM_FUNCTIONS } from './lib/system-run.js';
import type { ModuleContext, ModuleDef } from './module.js';
import MOUNT_SH from './sh/mount.sh';
import REWRITE_SH from './sh/rewrite.sh';

const FUNCTIONS = `${REPORT_FUNCTIONS}${SYSTEM_FUNCTIONS}${BACKUP_FUNCTION}${shellCode(REWRITE_SH)}${shellCode(MOUNT_SH)}`;
const READ_REPORT = { name: 'text', src: 'text', content: 'text', exists: 'flag', mounted: 'flag', same_source: 'flag', no_mountinfo: 'flag', done: 'flag' } as const;
const APPLY_REPORT = { backup_file: 'text', done: 'flag' } as const;
const NEEDS_SOURCE = new Set(['mounted', 'present', 'ephemeral']);

export const mountModule: ModuleDef = {
  name: 'mount',
  aliases: ['ansible.posix.mount'],
  argumentAliases: { name: 'path' },
  argsSchema: {
    type: 'object',
    properties: {
      path: { type: 'string' },
      src: { type: 'string' },
      fstype: { type: 'string' },
      opts: { type: 'string' },
      dump: { type: 'string' },
      passno: { type: 'string' },
      state: { enum: ['absent', 'absent_from_fstab', 'mounted', 'present', 'unmounted', 'remounted', 'ephemeral'] },
      fstab: { type: 'string' },
      backup: { type: 'boolean', default: false },
      boot: { type: 'boolean', default: true },
    },
    required: ['path', 'state'],
    additionalProperties: false,
  },
  checkMode: 'full',
  diffMode: 'none',
  runsOn: 'target',
  async run(ctx) {
    const params = ctx.args;
    const state = String(params.state);
    const missing = ['src', 'fstype'].filter((key) => params[key] === undefined);
    if (NEEDS_SOURCE.has(state) && missing.length > 0) return { changed: false, failed: true, msg: `state is ${state} but all of the following are missing: ${missing.join(', ')}` };
    const args = mountArgs(params, ctx);
    const source = params.src === undefined ? [] : [quote(String(params.src)), quote(String(args.fstype ?? ''))];
    const read = await ctx.exec(`${FUNCTIONS}cx_mnt_read ${quote(state)} ${quote(String(args.fstab))} ${quote(String(params.path))} ${source.join(' ')}\ncx_report done 1`);
    const report = readReport(read.stdout, READ_REPORT);
    const failure = reportedFailure(report);
    if (failure) return failure;
    if (report.done !== true) return scriptFailure(read.rc, read.stderr);
    if (report.no_mountinfo === true) ctx.warn('Cannot open file /proc/self/mountinfo. Bind mounts might be misinterpreted.');
    args.name = report.name;
    if (report.src !== undefined) args.src = report.src;
    const plan = planSteps(state, args, params, report, ctx.check);
    if ('msg' in plan) return { changed: false, failed: true, msg: plan.msg };
    if (plan.steps.length > 0) {
      const applied = await ctx.exec(`${FUNCTIONS}${plan.steps.join('\n')}\ncx_report done 1`);
      const appliedReport = readReport(applied.stdout, APPLY_REPORT);
      const appliedFailure = reportedFailure(appliedReport);
      if (appliedFailure) return appliedFailure;
      if (appliedReport.done !== true) return scriptFailure(applied.rc, applied.stderr);
      if (appliedReport.backup_file !== undefined) args.backup_file = appliedReport.backup_file;
    }
    return { changed: plan.changed, ...args };
  },
};

/** The module's `args` (Linux defaults, then the task's values), which its result also is. */
function mountArgs(params: Readonly<Record<string, unknown>>, ctx: ModuleContext): Record<string, unknown> {
  const args: Record<string, unknown> = { name: params.path, opts: 'defaults', dump: '0', passno: '0', fstab: '/etc/fstab', boot: 'yes', backup_file: '' };
  for (const key of ['src', 'fstype', 'passno', 'opts', 'dump', 'fstab']) if (params[key] !== undefined) args[key] = String(params[key]);
  const opts = String(args.opts).split(',');
  if (opts.includes('noauto')) ctx.warn("Ignore the 'boot' due to 'opts' contains 'noauto'.");
  else if (params.boot !== true) {
    args.boot = 'no';
    if (opts.includes('defaults')) ctx.warn("Ignore the 'boot' due to 'opts' contains 'defaults'.");
    else args.opts = [...opts, 'noauto'].join(',');
  }
  return args;
}

interface ReadState {
  content?: string;
  exists?: boolean;
  mounted?: boolean;
  same_source?: boolean;
}

/** What the state asks for: whether it changes, and the script lines that do it (none in check mode). */
function planSteps(state: string, args: Record<string, unknown>, params: Readonly<Record<string, unknown>>, read: ReadState, check: boolean): { changed: boolean; steps: string[] } | { msg: string } {
  const name = String(args.name);
  const content = read.content ?? '';
  const backup = params.backup === true ? String(randomInt(1, 2 ** 31)) : '';
  const write = (text: string) => `cx_mnt_write ${quote(String(args.fstab))} ${quote(text)} ${backup}`;
  const mountCommand = mountCall(state, args);
  const steps: string[] = [];
  if (state === 'absent' || state === 'absent_from_fstab') {
    const text = unsetMount(content, args);
    if (text === undefined) return { changed: false, steps };
    if (check) return { changed: true, steps };
    steps.push(write(text));
    if (state === 'absent') {
      if (read.mounted) steps.push(`cx_mnt_try umount ${quote(name)} || cx_fail ${quote(`Error unmounting ${name}: `)}"$cx_msg"`);
      steps.push(`cx_mnt_rmdir ${quote(name)}`);
    }
    return { changed: true, steps };
  }
  if (state === 'unmounted') {
    if (!read.mounted) return { changed: false, steps };
    if (!check) steps.push(`cx_mnt_try umount ${quote(name)} || cx_fail ${quote(`Error unmounting ${name}: `)}"$cx_msg"`);
    return { changed: true, steps };
  }
  if (state === 'present') {
    const text = setMount(content, args);
    if (text !== undefined && !check) steps.push(write(text));
    return { changed: text !== undefined, steps };
  }
  if (state === 'remounted') {
    if (!check) steps.push(`${remountCall(state, args, mountCommand)} || cx_fail ${quote(`Error remounting ${name}: `)}"$cx_msg"`);
    return { changed: true, steps };
  }
  // mounted, ephemeral
  if (!read.exists && !check) steps.push(`cx_mnt_mkdir ${quote(name)}`);
  const text = state === 'ephemeral' ? undefined : setMount(content, args);
  if (text !== undefined && !check) steps.push(write(text));
  let changed = text !== undefined;
  let command: string | undefined;
  if (read.mounted) {
    if (changed) command = remountCall(state, args, mountCommand);
    if (state === 'ephemeral') {
      if (read.same_source !== true) return { msg: EPHEMERAL_CLASH };
      changed = true;
      command = remountCall(state, args, mountCommand);
    }
  } else {
    changed = true;
    command = mountCommand;
  }
  if (command !== undefined && !check) steps.push(`${command} || cx_mnt_undo ${quote(text === undefined ? '' : String(args.fstab))} ${quote(content)} ${quote(`Error mounting ${name}: `)}`);
  return { changed, steps };
}

const EPHEMERAL_CLASH =
  'Ephemeral mount point is already mounted with a different source than the specified one. Failing in order to prevent an unwanted unmount or override operation. Try replacing this command with a "state: unmounted" followed by a "state: ephemeral", or use a different destination path.';

/** `mount [-T FSTAB] PATH`, or for ephemeral `mount -t FSTYPE [-o OPTS] SRC PATH`. */
function mountCall(state: string, args: Record<string, unknown>): string {
  return ['cx_mnt_try mount', ...mountOptions(state, args), quote(String(args.name))].join(' ');
}

/** The options of a mount: -T for an fstab other than /etc/fstab, or ephemeral's -t, -o and source. */
function mountOptions(state: string, args: Record<string, unknown>): string[] {
  if (state === 'ephemeral') return ['-t', quote(String(args.fstype)), ...(args.opts === 'defaults' ? [] : ['-o', quote(String(args.opts))]), quote(String(args.src))];
  return args.fstab === '/etc/fstab' ? [] : ['-T', quote(String(args.fstab))];
}

/** mount -o remount (with remounted's options), falling back to umount and mount when it fails (remounted with options fails instead). */
function remountCall(state: string, args: Record<string, unknown>, mountCommand: string): string {
  const withOptions = state === 'remounted' && args.opts !== 'defaults';
  const remount = ['cx_mnt_try mount -o', quote(withOptions ? `remount,${String(args.opts)}` : 'remount'), ...mountOptions(state, args), quote(String(args.name))].join(' ');
  const fallback = withOptions
    ? `cx_fail ${quote('Options were specified with remounted, but the remount command failed. Failing in order to prevent an unexpected mount result. Try replacing this command with a "state: unmounted" followed by a "state: mounted" using the full desired mount options instead.')}`
    : `{ cx_mnt_try umount ${quote(String(args.name))} && ${mountCommand}; }`;
  return `{ ${remount} || ${fallback}; }`;
}

/** fstab's escapes of a field: backslash, space, ampersand as octal. */
function escapeField(value: unknown): string {
  return String(value).replace(/\\/g, '\\134').replace(/ /g, '\\040').replace(/&/g, '\\046');
}

/** The fstab line of these arguments. */
function fstabLine(fields: Record<string, unknown>): string {
  return `${String(fields.src)} ${String(fields.name)} ${String(fields.fstype)} ${String(fields.opts)} ${String(fields.dump)} ${String(fields.passno)}\n`;
}

/** Whether a line is another filesystem's (a swap line of another source counts as another's). */
function otherEntry(fields: Record<string, unknown>, escapedName: string, args: Record<string, unknown>): boolean {
  return fields.name !== escapedName || (args.src !== undefined && fields.name === 'none' && fields.fstype === 'swap' && fields.src !== args.src);
}

/** ansible.posix's set_mount: the fstab's new text, or undefined when the entry is already as wanted. */
function setMount(content: string, args: Record<string, unknown>): string | undefined {
  const escaped = Object.fromEntries(Object.entries(args).map(([key, value]) => [key, escapeField(value)]));
  const out: string[] = [];
  let exists = false;
  let changed = false;
  for (const raw of content.split(/(?<=\n)/).filter((line) => line !== '')) {
    const line = raw.endsWith('\n') ? raw : `${raw}\n`;
    const fields = line.split('#')[0]!.split(/\s+/).filter(Boolean);
    if (!line.trim() || line.trim().startsWith('#') || fields.length < 4 || fields.length > 6) {
      out.push(line);
      continue;
    }
    // A missing dump or passno is the number 0, which never equals the text '0': such a line is rewritten.
    const entry: Record<string, unknown> = { dump: 0, passno: 0 };
    ['src', 'name', 'fstype', 'opts', 'dump', 'passno'].forEach((label, index) => {
      if (index < fields.length) entry[label] = fields[index];
    });
    if (otherEntry(entry, escaped.name!, args)) {
      out.push(line);
      continue;
    }
    exists = true;
    let lineChanged = false;
    for (const key of ['src', 'fstype', 'opts', 'dump', 'passno']) {
      if (entry[key] !== escaped[key]) {
        entry[key] = escaped[key];
        lineChanged = true;
      }
    }
    changed ||= lineChanged;
    out.push(changed ? fstabLine(entry) : line);
  }
  if (!exists) {
    out.push(fstabLine(escaped));
    changed = true;
  }
  return changed ? out.join('') : undefined;
}

/** ansible.posix's unset_mount: the fstab without the path's lines, or undefined when it has none. */
function unsetMount(content: string, args: Record<string, unknown>): string | undefined {
  const escapedName = escapeField(args.name);
  let changed = false;
  const kept = content
    .split(/(?<=\n)/)
    .filter((line) => line !== '')
    .filter((line) => {
      const fields = line.split(/\s+/).filter(Boolean);
      if (!line.trim() || line.trim().startsWith('#') || fields.length !== 6) return true;
      const [src, name, fstype] = fields;
      if (otherEntry({ src, name, fstype }, escapedName, args)) return true;
      changed = true;
      return false;
    });
  return changed ? kept.join('') : undefined;
}
