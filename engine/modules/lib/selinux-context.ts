/**
 * seuser, serole, setype and selevel as Ansible's file-handling modules take
 * them (module_utils/basic.py): the wanted parts of a path's SELinux
 * context, set by engine/modules/sh/selinux.sh where SELinux is enabled,
 * with what the result and the diff say of it (secontext).
 */
import { quote } from '../../connection/quote.js';
import SELINUX_SH from '../sh/selinux.sh';
import type { Report } from './report.js';
import { shellCode } from './shell-code.js';

const PARTS = ['seuser', 'serole', 'setype', 'selevel'] as const;

/** The sh functions (cx_se_*); attributes.sh calls them. */
export const SELINUX_FUNCTIONS = shellCode(SELINUX_SH);

/** What the script reports: the path's context (add_path_info), and before and after a change. */
export const SELINUX_REPORT = { secontext: 'text', secontext_before: 'text', secontext_after: 'text' } as const;

/** Whether the task gives any part of a context. */
export function selinuxGiven(args: Readonly<Record<string, unknown>>): boolean {
  return PARTS.some((name) => args[name] !== undefined && args[name] !== null);
}

/** The line that tells the script the wanted parts (`_default`: the policy's part for the path). */
export function selinuxWanted(args: Readonly<Record<string, unknown>>): string {
  const parts = PARTS.map((name) => (args[name] === undefined || args[name] === null ? "''" : quote(`+${String(args[name])}`)));
  return `cx_se_wanted ${parts.join(' ')}`;
}

/** Python's context.split(':', 3): a level may hold colons. */
function contextParts(context: string): string[] {
  const parts = context.split(':');
  return parts.length <= 4 ? parts : [...parts.slice(0, 3), parts.slice(3).join(':')];
}

/** The result's secontext, where the script reported one. */
export function secontextInfo(report: Partial<Report<typeof SELINUX_REPORT>>): Record<string, unknown> {
  return report.secontext === undefined ? {} : { secontext: report.secontext };
}

/** Ansible's diff of a context change: the parts before and after. */
export function secontextDiff(report: Partial<Report<typeof SELINUX_REPORT>>): { before: Record<string, unknown>; after: Record<string, unknown> } {
  if (report.secontext_before === undefined || report.secontext_after === undefined) return { before: {}, after: {} };
  return { before: { secontext: contextParts(report.secontext_before) }, after: { secontext: contextParts(report.secontext_after) } };
}
