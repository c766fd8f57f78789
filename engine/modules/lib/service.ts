/**
 * systemd and service, as Ansible 2.14's systemd module decides: one exec
 * reads the unit (`systemctl show`, `is-enabled`) and makes only the changes
 * needed: mask/unmask, enable/disable, start/stop when the ActiveState says
 * so; restarted and reloaded always act (start when not running). `status`
 * is the unit's properties as read before any change, as Ansible returns it.
 */
import { quote } from '../../connection/quote.js';
import type { ModuleContext, ModuleResult } from '../module.js';
import { readReport, REPORT_FUNCTIONS, reportedFailure, scriptFailure, type Report } from './report.js';
import { shellParts } from './shell-code.js';
import SERVICE_SH from '../sh/service.sh';

/** `cx_service_task` (engine/modules/sh/service.sh): the common part, and one for each of masked, enabled, state. */
const SERVICE_PARTS = shellParts(SERVICE_SH);

export const SERVICE_ARGS = {
  name: { type: 'string' },
  state: { enum: ['started', 'stopped', 'restarted', 'reloaded'] },
  enabled: { type: 'boolean' },
  force: { type: 'boolean' },
  masked: { type: 'boolean' },
  daemon_reload: { type: 'boolean', default: false },
  daemon_reexec: { type: 'boolean', default: false },
  scope: { enum: ['system', 'user', 'global'], default: 'system' },
  no_block: { type: 'boolean', default: false },
} as const;

/** What the service script reports. */
const SERVICE_REPORT = { done: 'flag', changed: 'flag', enabled: 'flag', status: 'text', active: 'text' } as const;

export async function manageService(ctx: ModuleContext, name: string | undefined): Promise<ModuleResult> {
  const { args } = ctx;
  const problem = argumentProblem(args, name);
  if (problem) return { changed: false, failed: true, msg: problem };
  const result = await ctx.exec(serviceScript(ctx, name));
  const report = readReport(result.stdout, SERVICE_REPORT);
  const failure = reportedFailure(report, { name: name ?? null });
  if (failure) return failure;
  if (report.done !== true) return scriptFailure(result.rc, result.stderr);
  const out: ModuleResult = { name: name ?? null, changed: report.changed === true, status: parseStatus(report) };
  if (report.enabled !== undefined) out.enabled = report.enabled;
  if (args.state !== undefined) out.state = args.state === 'stopped' ? 'stopped' : 'started';
  return out;
}

/** Ansible's required_one_of / required_by and its refusal of glob patterns. */
function argumentProblem(args: Readonly<Record<string, unknown>>, name: string | undefined): string | undefined {
  const actions = ['state', 'enabled', 'masked'].filter((key) => args[key] !== undefined);
  if (actions.length === 0 && args.daemon_reload !== true && args.daemon_reexec !== true) {
    return 'one of the following is required: state, enabled, masked, daemon_reload, daemon_reexec';
  }
  if (!name && actions.length > 0) return `missing parameter(s) required by '${actions[0]}': name`;
  const glob = name ? ['*', '?', '['].find((pattern) => name.includes(pattern)) : undefined;
  if (glob) return `This module does not currently support using glob patterns, found '${glob}' in service name: ${name}`;
  return undefined;
}

function parseStatus(report: Report<typeof SERVICE_REPORT>): Record<string, string> {
  const status: Record<string, string> = {};
  for (const line of (report.status ?? '').split('\n')) {
    const separator = line.indexOf('=');
    if (separator > 0) status[line.slice(0, separator)] = line.slice(separator + 1);
  }
  if (status.ActiveState === undefined && report.active) status.ActiveState = report.active;
  return status;
}

/** The script: cx_service_task (engine/modules/sh/service.sh) with the task's values, each quoted. */
function serviceScript(ctx: ModuleContext, name: string | undefined): string {
  const { args, check } = ctx;
  const options = [args.scope !== 'system' && args.scope !== undefined ? `--${String(args.scope)}` : '', args.no_block === true ? '--no-block' : '', args.force === true ? '--force' : ''].filter(Boolean).join(' ');
  const wanted = (value: unknown) => (value === undefined ? "''" : String(value === true));
  const call = [
    'cx_service_task',
    String(check),
    quote(options),
    String(args.daemon_reload === true),
    String(args.daemon_reexec === true),
    quote(name ?? ''),
    wanted(args.masked),
    wanted(args.enabled),
    args.state === undefined ? "''" : quote(String(args.state)),
  ];
  const parts = (['masked', 'enabled', 'state'] as const).filter((key) => name && args[key] !== undefined).map((key) => SERVICE_PARTS[key]);
  return `${REPORT_FUNCTIONS}${SERVICE_PARTS.common}${parts.join('')}${call.join(' ')}`;
}
