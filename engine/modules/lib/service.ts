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

function serviceScript(ctx: ModuleContext, name: string | undefined): string {
  const { args, check } = ctx;
  const options = [args.scope !== 'system' && args.scope !== undefined ? `--${String(args.scope)}` : '', args.no_block === true ? '--no-block' : '', args.force === true ? '--force' : ''].filter(Boolean).join(' ');
  const act = (action: string, failure: string) => `changed=1; ${check ? ':' : `out=$(cx_systemctl ${action} "$unit" 2>&1) || cx_fail "${failure}: $out"`}`;
  const lines = [
    REPORT_FUNCTIONS,
    'changed=0',
    'command -v systemctl >/dev/null 2>&1 || cx_fail "Failed to find required executable \\"systemctl\\" in paths: $PATH"',
    `cx_systemctl() { systemctl ${options} "$@"; }`,
  ];
  if (args.daemon_reload === true && !check) lines.push('out=$(cx_systemctl daemon-reload 2>&1) || cx_fail "failure $? during daemon-reload: $out"');
  if (args.daemon_reexec === true && !check) lines.push('out=$(cx_systemctl daemon-reexec 2>&1) || cx_fail "failure $? during daemon-reexec: $out"');
  if (name) {
    lines.push(
      `unit=${quote(name)}`,
      'status=$(cx_systemctl show "$unit" 2>/dev/null); cx_report64 status "$status"',
      'load=$(printf \'%s\\n\' "$status" | sed -n \'s/^LoadState=//p\')',
      'active=$(printf \'%s\\n\' "$status" | sed -n \'s/^ActiveState=//p\')',
      '[ -n "$active" ] || active=$(cx_systemctl is-active "$unit" 2>/dev/null); cx_report active "$active"',
      // Without LoadState (a minimal systemctl), is-enabled saying "not found" is the sign.
      'found=1; if [ "$load" = not-found ]; then found=0; elif [ -z "$load" ]; then cx_systemctl is-enabled "$unit" 2>&1 | grep -qi "not found\\|no such file" && found=0; fi',
      'cx_missing() { [ "$found" = 1 ] || cx_fail "Could not find the requested service $unit: host"; }',
    );
    if (args.masked !== undefined) {
      const want = args.masked === true;
      lines.push(`masked=0; [ "$(cx_systemctl is-enabled "$unit" 2>/dev/null)" = masked ] && masked=1`, `if [ "$masked" != ${want ? 1 : 0} ]; then ${act(want ? 'mask' : 'unmask', `Unable to ${want ? 'mask' : 'unmask'} service $unit`)}; fi`);
    }
    if (args.enabled !== undefined) {
      const want = args.enabled === true;
      lines.push(
        'cx_missing',
        // is-enabled succeeds for enabled, static, ... ; indirect and alias do not count (as Ansible).
        'enabled=0; if state=$(cx_systemctl is-enabled "$unit" 2>/dev/null); then case "$state" in indirect|alias) ;; *) enabled=1;; esac; fi',
        `if [ "$enabled" != ${want ? 1 : 0} ]; then ${act(want ? 'enable' : 'disable', `Unable to ${want ? 'enable' : 'disable'} service $unit`)}; fi`,
        `cx_report enabled ${want ? 1 : 0}`,
      );
    }
    if (args.state !== undefined) lines.push('cx_missing', stateLine(String(args.state), act));
  }
  lines.push('cx_report changed "$changed"', 'cx_report done 1');
  return lines.join('\n');
}

/** Running means ActiveState active or activating (Ansible's is_running_service). */
function stateLine(state: string, act: (action: string, failure: string) => string): string {
  const running = 'case "$active" in active|activating) true;; *) false;; esac';
  switch (state) {
    case 'started':
      return `${running} || { ${act('start', 'Unable to start service $unit')}; }`;
    case 'stopped':
      return `case "$active" in active|activating|deactivating) ${act('stop', 'Unable to stop service $unit')};; esac`;
    default: {
      const action = state === 'restarted' ? 'restart' : 'reload';
      return `if ${running}; then ${act(action, `Unable to ${action} service $unit`)}; else ${act('start', 'Unable to start service $unit')}; fi`;
    }
  }
}
