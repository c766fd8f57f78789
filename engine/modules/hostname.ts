/**
 * hostname: the host's permanent and current names, as ansible-core 2.14's
 * hostname sets them with each of its strategies: hostnamectl (`use:
 * systemd`, and `debian`, which Ansible maps to the same strategy), a file
 * holding the name (`alpine`, `sles`, `openbsd`; Debian-family hosts without
 * systemd), HOSTNAME= of /etc/sysconfig/network (`redhat`), hostname="..."
 * of /etc/conf.d/hostname (`openrc`) or /etc/rc.conf.d/hostname with the
 * hostname command (`freebsd`), svccfg and hostname (`solaris`), scutil's
 * three names (`macos`, `macosx`, `darwin`), in one exec
 * (engine/modules/sh/hostname.sh). Its facts (ansible_hostname,
 * ansible_nodename, ansible_fqdn, ansible_domain) become the host's.
 */
import { quote } from '../connection/quote.js';
import { readReport, REPORT_FUNCTIONS, reportedFailure, scriptFailure } from './lib/report.js';
import { shellCode } from './lib/shell-code.js';
import { SYSTEM_FUNCTIONS } from './lib/system-run.js';
import type { ModuleDef, ModuleResult } from './module.js';
import HOSTNAME_SH from './sh/hostname.sh';

const FUNCTIONS = `${REPORT_FUNCTIONS}${SYSTEM_FUNCTIONS}${shellCode(HOSTNAME_SH)}`;
const REPORT = { changed: 'flag', before: 'text', fqdn: 'text', done: 'flag' } as const;

/** Each `use`, as the script's strategy (Ansible's STRATS: debian is systemd, macos and macosx are darwin; generic has none). */
const STRATEGIES: Readonly<Record<string, string>> = {
  systemd: 'systemd',
  debian: 'systemd',
  alpine: 'alpine:/etc/hostname',
  sles: 'file:/etc/HOSTNAME',
  openbsd: 'file:/etc/myname',
  redhat: 'redhat:/etc/sysconfig/network',
  openrc: 'openrc:/etc/conf.d/hostname',
  freebsd: 'freebsd:/etc/rc.conf.d/hostname',
  solaris: 'solaris',
  macos: 'darwin',
  macosx: 'darwin',
  darwin: 'darwin',
};

export const hostnameModule: ModuleDef = {
  name: 'hostname',
  argsSchema: {
    type: 'object',
    properties: {
      name: { type: 'string' },
      use: { enum: [...Object.keys(STRATEGIES), 'generic'] },
    },
    required: ['name'],
    additionalProperties: false,
  },
  checkMode: 'full',
  diffMode: 'full',
  runsOn: 'target',
  factNames: ['ansible_hostname', 'ansible_nodename', 'ansible_fqdn', 'ansible_domain'],
  async run(ctx) {
    const name = String(ctx.args.name);
    const use = ctx.args.use as string | undefined;
    // Ansible's generic strategy cannot read a name: its module fails with NotImplementedError.
    if (use === 'generic') return { changed: false, failed: true, msg: "hostname: use=generic cannot read the host's name (ansible-core 2.14's generic strategy is not implemented and fails with NotImplementedError)" };
    const strategy = use === undefined ? 'auto' : STRATEGIES[use]!;
    const result = await ctx.exec(`${FUNCTIONS}cx_hostname_task ${String(ctx.check)} ${quote(strategy)} ${quote(name)}\ncx_report done 1`);
    const report = readReport(result.stdout, REPORT);
    const failure = reportedFailure(report);
    if (failure) return failure;
    if (report.done !== true) return scriptFailure(result.rc, result.stderr);
    const fqdn = report.fqdn ?? '';
    const changed = report.changed === true;
    const out: ModuleResult = {
      changed,
      name,
      ansible_facts: { ansible_hostname: name.split('.')[0], ansible_nodename: name, ansible_fqdn: fqdn, ansible_domain: fqdn.split('.').slice(1).join('.') },
    };
    if (changed) out.diff = { before: `hostname = ${report.before ?? ''}\n`, after: `hostname = ${name}\n` };
    return out;
  },
};
