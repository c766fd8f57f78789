/**
 * cron: a job (under its `#Ansible: NAME` comment) or an environment
 * variable in a user's crontab or a cron file, present or absent, as Ansible
 * 2.14's cron decides. One exec reads the crontab (crontab -l, or the file);
 * the new text is worked out here; a second exec writes it only when it
 * changes (engine/modules/sh/cron.sh).
 */
import { quote } from '../connection/quote.js';
import { readReport, REPORT_FUNCTIONS, reportedFailure, scriptFailure } from './lib/report.js';
import { splitLines } from './lib/run-command.js';
import { shellCode } from './lib/shell-code.js';
import { SYSTEM_FUNCTIONS } from './lib/system-run.js';
import type { ModuleContext, ModuleDef, ModuleResult } from './module.js';
import CRON_SH from './sh/cron.sh';

const CRON_FUNCTIONS = `${REPORT_FUNCTIONS}${SYSTEM_FUNCTIONS}${shellCode(CRON_SH)}`;
const READ_REPORT = { me: 'text', exists: 'flag', content: 'text', done: 'flag' } as const;
const WRITE_REPORT = { backup_file: 'text', removed: 'flag', done: 'flag' } as const;
const MARK = '#Ansible: ';
const TIME_FIELDS = ['minute', 'hour', 'day', 'month', 'weekday'] as const;

export const cronModule: ModuleDef = {
  name: 'cron',
  // In Ansible's order: given with its argument, the alias wins.
  argumentAliases: { value: 'job', dom: 'day', dow: 'weekday' },
  argsSchema: {
    type: 'object',
    properties: {
      name: { type: 'string' },
      user: { type: 'string' },
      job: { type: 'string' },
      cron_file: { type: 'string' },
      state: { enum: ['present', 'absent'], default: 'present' },
      backup: { type: 'boolean', default: false },
      minute: { type: 'string', default: '*' },
      hour: { type: 'string', default: '*' },
      day: { type: 'string', default: '*' },
      month: { type: 'string', default: '*' },
      weekday: { type: 'string', default: '*' },
      special_time: { enum: ['reboot', 'yearly', 'annually', 'monthly', 'weekly', 'daily', 'hourly'] },
      disabled: { type: 'boolean', default: false },
      env: { type: 'boolean', default: false },
      insertafter: { type: 'string' },
      insertbefore: { type: 'string' },
    },
    required: ['name'],
    additionalProperties: false,
  },
  checkMode: 'full',
  diffMode: 'full',
  runsOn: 'target',
  async run(ctx) {
    const { args } = ctx;
    const problem = argumentProblem(args);
    if (problem) return { changed: false, failed: true, msg: problem };
    const givenFile = args.cron_file as string | undefined;
    const file = givenFile === undefined ? '' : givenFile.startsWith('/') ? givenFile : `/etc/cron.d/${givenFile}`;
    const user = (args.user as string | undefined) ?? '';
    const read = await ctx.exec(`${CRON_FUNCTIONS}cx_cron_read ${quote(file)} ${quote(user)}\ncx_report done 1`);
    const report = readReport(read.stdout, READ_REPORT);
    const failure = reportedFailure(report);
    if (failure) return failure;
    if (report.done !== true) return scriptFailure(read.rc, read.stderr);
    const existing = (report.content ?? 'x').slice(0, -1);
    const tab = new Crontab(existing, file !== '', user || (report.me ?? ''));
    const header = file || (user ? `crontab for user "${user}"` : 'crontab');
    const warnings = fileNameWarnings(givenFile);
    const before = tab.render();
    const edit = tab.apply(args, warnings);
    if ('msg' in edit) return { changed: false, failed: true, msg: edit.msg };
    for (const warning of warnings) ctx.warn(warning);
    if (edit.removeFile) return removeFile(ctx, file, givenFile!, header, tab.existing);
    let changed = edit.changed || (tab.existing !== '' && !/[\r\n]$/.test(tab.existing));
    const out: ModuleResult = { jobs: tab.jobNames(), envs: tab.envNames(), changed };
    if (changed) {
      if (!ctx.check) {
        const written = await ctx.exec(`${CRON_FUNCTIONS}cx_cron_write ${quote(file)} ${quote(user)} ${quote(tab.render())} ${String(args.backup === true)} ${quote(before)}\ncx_report done 1`);
        const writeReport = readReport(written.stdout, WRITE_REPORT);
        const writeFailure = reportedFailure(writeReport);
        if (writeFailure) return writeFailure;
        if (writeReport.done !== true) return scriptFailure(written.rc, written.stderr);
        if (writeReport.backup_file !== undefined) out.backup_file = writeReport.backup_file;
      }
      if (ctx.diff) out.diff = { before: tab.existing, before_header: header, after: tab.render(), after_header: header };
    }
    changed = out.changed as boolean;
    if (givenFile !== undefined) out.cron_file = givenFile;
    return { ...out, changed };
  },
};

/** Ansible's checks of the arguments, with its messages. */
function argumentProblem(args: Readonly<Record<string, unknown>>): string | undefined {
  if (args.insertafter !== undefined && args.insertbefore !== undefined) return 'parameters are mutually exclusive: insertafter|insertbefore';
  if (args.cron_file === '/etc/crontab') return 'Will not manage /etc/crontab via cron_file, see documentation.';
  if (args.special_time !== undefined && TIME_FIELDS.some((field) => args[field] !== '*')) return 'You must specify time and date fields or special time.';
  if (args.state === 'present') {
    if (args.cron_file !== undefined && args.user === undefined) return 'To use cron_file=... parameter you must specify user=... as well';
    if (args.job === undefined) return "You must specify 'job' to install a new cron job or variable";
    if ((args.insertafter !== undefined || args.insertbefore !== undefined) && args.env !== true) return 'Insertafter and insertbefore parameters are valid only with env=yes';
  }
  if (args.env === true && String(args.name).includes(' ')) return 'Invalid name for environment variable';
  return undefined;
}

function fileNameWarnings(cronFile: string | undefined): string[] {
  if (cronFile === undefined) return [];
  const base = cronFile.slice(cronFile.lastIndexOf('/') + 1);
  if (/^[A-Z0-9_-]+$/i.test(base)) return [];
  return [`Filename portion of cron_file ("${base}") should consist solely of upper- and lower-case letters, digits, underscores, and hyphens`];
}

/** A cron file left with no job is removed, as Ansible does; its result is only changed, cron_file, state and diff. */
async function removeFile(ctx: ModuleContext, file: string, givenFile: string, header: string, existing: string): Promise<ModuleResult> {
  const diff = ctx.diff ? { before: existing, before_header: header, after: '', after_header: '/dev/null' } : {};
  if (ctx.check) return { changed: true, cron_file: givenFile, state: 'absent', diff };
  const removed = await ctx.exec(`${CRON_FUNCTIONS}cx_cron_remove ${quote(file)}\ncx_report done 1`);
  const report = readReport(removed.stdout, WRITE_REPORT);
  return { changed: report.removed === true, cron_file: givenFile, state: 'absent', diff };
}

/** A crontab's lines as Ansible's CronTab keeps them (crontab -l's header lines left out). */
class Crontab {
  lines: string[];
  existing: string;

  constructor(
    text: string,
    private readonly isFile: boolean,
    private readonly user: string,
  ) {
    this.existing = text;
    this.lines = [];
    if (isFile) {
      this.lines = splitLines(text);
      return;
    }
    splitLines(text).forEach((line, count) => {
      const header = count <= 2 && (/^# DO NOT EDIT THIS FILE - edit the master and reinstall\./.test(line) || /^# \(\/tmp\/.*installed on.*\)/.test(line) || /^# \(.*version.*\)/.test(line));
      if (!header) this.lines.push(line);
      else this.existing = this.existing.replace(new RegExp(`${line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\r\\n]?`), '');
    });
  }

  render(): string {
    const text = this.lines.join('\n');
    return text ? `${text.replace(/[\r\n]+$/, '')}\n` : '';
  }

  jobNames(): string[] {
    return this.lines.filter((line) => line.startsWith(MARK)).map((line) => line.slice(MARK.length));
  }

  envNames(): string[] {
    return this.lines.filter((line) => /^\S+=/.test(line)).map((line) => line.split('=')[0]!);
  }

  /** The task's change to the lines: whether they changed, or that a cron file is to go. */
  apply(args: Readonly<Record<string, unknown>>, warnings: string[]): { changed: boolean; removeFile?: boolean } | { msg: string } {
    const name = String(args.name);
    const install = args.state === 'present';
    if (args.env === true) return this.applyEnv(name, `${name}="${String(args.job)}"`, install, args);
    if (!install) {
      if (this.findJob(name).length === 0) return { changed: false };
      this.updateJob(name, undefined);
      return { changed: true, removeFile: this.isFile && this.lines.every((line) => !line.trim()) };
    }
    const raw = String(args.job);
    if (/[\r\n]/.test(raw.replace(/^[\r\n]+|[\r\n]+$/g, ''))) warnings.push('Job should not contain line breaks');
    const job = this.cronJob(args, raw.replace(/^[\r\n]+|[\r\n]+$/g, ''));
    const old = this.findJob(name, job);
    if (old.length === 0) {
      this.lines.push(`${MARK}${name}`, job);
      return { changed: true };
    }
    if (old[1] !== job || old.length > 2) {
      this.updateJob(name, job);
      return { changed: true };
    }
    return { changed: false };
  }

  private applyEnv(name: string, decl: string, install: boolean, args: Readonly<Record<string, unknown>>): { changed: boolean } | { msg: string } {
    const old = this.findEnv(name);
    if (!install) {
      if (old === undefined) return { changed: false };
      this.lines = this.lines.filter((line) => !line.startsWith(`${name}=`));
      return { changed: true };
    }
    if (old === undefined) {
      const other = (args.insertafter ?? args.insertbefore) as string | undefined;
      if (other === undefined) {
        this.lines.unshift(decl);
        return { changed: true };
      }
      const at = this.findEnv(other);
      if (at === undefined) return { msg: `Variable named '${other}' not found.` };
      this.lines.splice(args.insertafter !== undefined ? at + 1 : at, 0, decl);
      return { changed: true };
    }
    if (this.lines[old] === decl) return { changed: false };
    this.lines = this.lines.map((line) => (line.startsWith(`${name}=`) ? decl : line));
    return { changed: true };
  }

  private cronJob(args: Readonly<Record<string, unknown>>, job: string): string {
    const prefix = args.disabled === true ? '#' : '';
    const user = this.isFile ? ` ${this.user}` : '';
    if (args.special_time !== undefined) return `${prefix}@${String(args.special_time)}${user} ${job}`;
    return `${prefix}${TIME_FIELDS.map((field) => String(args[field])).join(' ')}${user} ${job}`;
  }

  private findEnv(name: string): number | undefined {
    const index = this.lines.findIndex((line) => line.startsWith(`${name}=`));
    return index < 0 ? undefined : index;
  }

  /** Ansible's find_job: by the comment before the job, else by the job's exact line (then marking it). */
  private findJob(name: string, job?: string): string[] {
    let comment: string | undefined;
    for (const line of this.lines) {
      if (comment !== undefined) {
        if (comment === name) return [comment, line];
        comment = undefined;
      } else if (line.startsWith(MARK)) comment = line.slice(MARK.length);
    }
    if (!job) return [];
    const index = this.lines.indexOf(job);
    if (index < 0) return [];
    const previous = this.lines.at(index - 1) ?? '';
    if (!previous.startsWith(MARK)) {
      this.lines.splice(index, 0, `${MARK}${name}`);
      return [this.lines[index]!, job, 'inserted'];
    }
    if (name && previous === `${MARK}None`) {
      this.lines[index - 1] = `${MARK}${name}`;
      return [this.lines[index - 1]!, job, 'renamed'];
    }
    return [];
  }

  /** The job under NAME's comment replaced by JOB, or both lines dropped (JOB undefined). */
  private updateJob(name: string, job: string | undefined): void {
    const out: string[] = [];
    let comment: string | undefined;
    for (const line of this.lines) {
      if (comment !== undefined) {
        if (job !== undefined) out.push(comment, job);
        comment = undefined;
      } else if (line === `${MARK}${name}`) comment = line;
      else out.push(line);
    }
    this.lines = out;
  }
}
