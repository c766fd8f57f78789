/**
 * service_facts: the host's services as the `services` fact, as Ansible
 * 2.14's service_facts reads them: `service --status-all` (sysv; running
 * or stopped) and, when PID 1 is systemd, systemctl's units and unit files
 * (state running / stopped / the ActiveState, status from the unit file or
 * the unit's bad state). One exec; upstart, chkconfig and OpenRC hosts are
 * not read.
 */
import { readReport, REPORT_FUNCTIONS, scriptFailure } from './lib/report.js';
import { shellCode } from './lib/shell-code.js';
import type { ModuleContext, ModuleDef } from './module.js';
import SERVICE_FACTS_SH from './sh/service_facts.sh';

const SCRIPT = `${REPORT_FUNCTIONS}${shellCode(SERVICE_FACTS_SH)}cx_service_facts\n`;
const REPORT = { done: 'flag', sysv: 'text', sysv_rc: 'number', sysv_err: 'text', units: 'text', files: 'text', states: 'text' } as const;
const BAD_STATES = ['not-found', 'masked', 'failed'];

type Service = Record<string, string>;

export const serviceFactsModule: ModuleDef = {
  name: 'service_facts',
  argsSchema: { type: 'object', properties: {}, additionalProperties: false },
  checkMode: 'full',
  diffMode: 'none',
  runsOn: 'target',
  gathersFacts: true,
  factNames: ['services'],
  async run(ctx) {
    const result = await ctx.exec(SCRIPT);
    const report = readReport(result.stdout, REPORT);
    if (report.done !== true) return scriptFailure(result.rc, result.stderr);
    const services: Record<string, Service> = {};
    if (report.sysv !== undefined) sysvServices(ctx, report.sysv, report.sysv_rc ?? 0, report.sysv_err ?? '', services);
    if (report.units !== undefined) unitServices(report.units, services);
    if (report.files !== undefined) unitFileServices(report.files, report.states ?? '', services);
    if (Object.keys(services).length === 0) return { changed: false, skipped: true, msg: 'Failed to find any services. This can be due to privileges or some other configuration issue.' };
    return { changed: false, ansible_facts: { services } };
  },
};

/** `[ + ]  name` lines: running; `[ - ]`: stopped; `[ ? ]` lines are left out, as Ansible does. */
function sysvServices(ctx: ModuleContext, output: string, rc: number, stderr: string, services: Record<string, Service>): void {
  if (rc !== 0) ctx.warn(`Unable to query 'service' tool (${rc}): ${stderr}`);
  for (const match of output.matchAll(/^\s*\[ ([+-]) \]\s+(.+)$/gm)) {
    const name = match[2]!;
    services[name] = { name, state: match[1] === '+' ? 'running' : 'stopped', source: 'sysv' };
  }
}

/** list-units: a unit in a bad state (after the bullet) has that as its status, else its ACTIVE column. */
function unitServices(output: string, services: Record<string, Service>): void {
  for (const line of output.split('\n').filter((text) => text.includes('.service'))) {
    let fields = line.split(/\s+/).filter(Boolean);
    const bad = BAD_STATES.find((state) => fields.includes(state));
    const status = bad ?? fields[2] ?? 'unknown';
    if (bad) fields = fields.slice(1);
    const name = fields[0]!;
    services[name] = { name, state: fields[3] === 'running' ? 'running' : 'stopped', status, source: 'systemd' };
  }
}

/** list-unit-files: the status of known units (but a bad state); units systemd has not loaded, with their ActiveState. */
function unitFileServices(output: string, states: string, services: Record<string, Service>): void {
  const active = new Map(states.split('\n').filter(Boolean).map((line) => {
    const [name = '', state = ''] = line.split(' ');
    return [name, state.replace('ActiveState=', '') || 'unknown'] as const;
  }));
  for (const line of output.split('\n').filter((text) => text.includes('.service'))) {
    const [name, status] = line.split(/\s+/).filter(Boolean);
    if (name === undefined || status === undefined) continue;
    const known = services[name];
    if (!known) services[name] = { name, state: active.get(name) ?? 'unknown', status, source: 'systemd' };
    else if (!BAD_STATES.includes(known.status ?? '')) known.status = status;
  }
}
