/**
 * systemd and service: one exec reads is-active/is-enabled and makes only the
 * changes needed (enable/disable, start/stop, restart/reload always act).
 */
import { quote } from '../../connection/quote.js';
import type { ModuleContext, ModuleResult } from '../module.js';
import { parseReport, REPORT_FUNCTIONS, reportedFailure, scriptFailure } from './report.js';

export const SERVICE_ARGS = {
  name: { type: 'string' },
  state: { enum: ['started', 'stopped', 'restarted', 'reloaded'] },
  enabled: { type: 'boolean' },
  daemon_reload: { type: 'boolean', default: false },
  daemon_reexec: { type: 'boolean', default: false },
  masked: { type: 'boolean' },
  no_block: { type: 'boolean', default: false },
  scope: { enum: ['system', 'user', 'global'] },
} as const;

export async function manageService(ctx: ModuleContext): Promise<ModuleResult> {
  const { args } = ctx;
  const name = args.name as string | undefined;
  if (!name && !args.daemon_reload) return { changed: false, failed: true, msg: 'name is required' };
  const result = await ctx.exec(serviceScript(ctx, name));
  const report = parseReport(result.stdout);
  const failure = reportedFailure(report, { name });
  if (failure) return failure;
  if (report.done !== '1') return scriptFailure(result.rc, result.stderr);
  const out: ModuleResult = { changed: report.changed === '1', name };
  if (args.state !== undefined) out.state = args.state;
  if (args.enabled !== undefined) out.enabled = args.enabled;
  if (name) out.status = { ActiveState: report.active_after ?? report.active, UnitFileState: report.enabled_after ?? report.enabled };
  return out;
}

function serviceScript(ctx: ModuleContext, name: string | undefined): string {
  const { args, check } = ctx;
  const act = (command: string, what: string) => (check ? 'changed=1' : `out=$(${command} 2>&1) || cx_fail "Unable to ${what} service $unit: $out"; changed=1`);
  const lines = [REPORT_FUNCTIONS, 'changed=0', 'command -v systemctl >/dev/null 2>&1 || cx_fail "systemctl was not found on the host"'];
  if (args.daemon_reload === true && !check) lines.push('systemctl daemon-reload || cx_fail "daemon-reload failed"');
  if (name) {
    lines.push(
      `unit=${quote(name)}`,
      'load=$(systemctl show -p LoadState --value "$unit" 2>/dev/null)',
      '[ "$load" = not-found ] && cx_fail "Could not find the requested service $unit: host"',
      'active=$(systemctl is-active "$unit" 2>/dev/null); cx_report active "$active"',
      'enabled=$(systemctl is-enabled "$unit" 2>/dev/null); cx_report enabled "$enabled"',
    );
    if (args.enabled === true) lines.push(`case "$enabled" in enabled|enabled-runtime|static|alias|indirect|generated) ;; *) ${act('systemctl enable "$unit"', 'enable')};; esac`);
    if (args.enabled === false) lines.push(`case "$enabled" in enabled|enabled-runtime) ${act('systemctl disable "$unit"', 'disable')};; esac`);
    switch (args.state) {
      case 'started':
        lines.push(`case "$active" in active|activating|reloading) ;; *) ${act('systemctl start "$unit"', 'start')};; esac`);
        break;
      case 'stopped':
        lines.push(`case "$active" in active|activating|reloading|deactivating) ${act('systemctl stop "$unit"', 'stop')};; esac`);
        break;
      case 'restarted':
        lines.push(act('systemctl restart "$unit"', 'restart'));
        break;
      case 'reloaded':
        lines.push(`case "$active" in active|activating|reloading) ${act('systemctl reload "$unit"', 'reload')};; *) ${act('systemctl start "$unit"', 'start')};; esac`);
        break;
    }
    lines.push('cx_report active_after "$(systemctl is-active "$unit" 2>/dev/null)"', 'cx_report enabled_after "$(systemctl is-enabled "$unit" 2>/dev/null)"');
  }
  lines.push('cx_report changed "$changed"', 'cx_report done 1');
  return lines.join('\n');
}
