/**
 * wait_for: poll on the host, in one exec, until a path exists (or holds a
 * pattern, or is gone) or a TCP port opens (or closes), with Ansible's timing
 * (the timeout counts from before `delay`) and messages. Ports are probed with
 * bash's /dev/tcp when the host has bash, else with `nc -z`; a host with
 * neither cannot wait for ports. A pattern on a port (bash only) is searched
 * in what the server sent so far, as the file's is. `drained` counts the port's connections in
 * /proc/net/tcp and tcp6 as Ansible's Linux module does (with awk). A pattern in a file is searched with
 * `grep -P` (Python-like), or `grep -E` where grep has no -P; the groups of
 * the match are then worked out here with Python's rules.
 */
import { quote } from '../connection/quote.js';
import { pythonRegExp } from '../template/regex.js';
import { readReport, REPORT_FUNCTIONS, reportedFailure, scriptFailure } from './lib/report.js';
import { ATTRIBUTE_FUNCTIONS, PATH_INFO_REPORT, withPathInfo } from './lib/file-attributes.js';
import type { ModuleContext, ModuleDef, ModuleResult } from './module.js';
import { shellParts } from './lib/shell-code.js';
import WAIT_FOR_SH from './sh/wait_for.sh';

/** engine/modules/sh/wait_for.sh: the common loop and one part per kind of watch. */
const WAIT_PARTS = shellParts(WAIT_FOR_SH);

/** At most this much of a matching file comes back to compute match_groups. */
const MAX_CONTENT_BYTES = 1024 * 1024;

/** What the wait script reports. */
const WAIT_REPORT = { timeout: 'flag', done: 'flag', content: 'text', ...PATH_INFO_REPORT } as const;

/** The connection states Ansible counts as active, by the hex code the kernel writes in /proc/net/tcp. */
const CONNECTION_STATE_CODES: Readonly<Record<string, string>> = {
  ESTABLISHED: '01',
  SYN_SENT: '02',
  SYN_RECV: '03',
  FIN_WAIT1: '04',
  FIN_WAIT2: '05',
  TIME_WAIT: '06',
};

export const waitForModule: ModuleDef = {
  name: 'wait_for',
  argsSchema: {
    type: 'object',
    properties: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'integer', minimum: 1, maximum: 65535 },
      path: { type: 'string' },
      state: { enum: ['started', 'present', 'stopped', 'absent', 'drained'], default: 'started' },
      timeout: { type: 'integer', default: 300 },
      delay: { type: 'integer', default: 0 },
      sleep: { type: 'integer', default: 1 },
      connect_timeout: { type: 'integer', default: 5 },
      search_regex: { type: 'string' },
      msg: { type: 'string' },
      active_connection_states: { type: 'array', items: { type: 'string' }, default: ['ESTABLISHED', 'FIN_WAIT1', 'FIN_WAIT2', 'SYN_RECV', 'SYN_SENT', 'TIME_WAIT'] },
      exclude_hosts: { type: 'array', items: { type: 'string' } },
    },
    additionalProperties: false,
  },
  // Ansible 2.14's module does not declare check mode support: under --check the task is skipped (measured).
  checkMode: 'none',
  diffMode: 'none',
  runsOn: 'target',
  async run(ctx) {
    const { args } = ctx;
    const problem = argumentProblem(args);
    if (problem) return { changed: false, failed: true, elapsed: 0, msg: problem };
    const started = Date.now();
    const result = await ctx.exec(waitScript(args));
    const elapsed = Math.floor((Date.now() - started) / 1000);
    const report = readReport(result.stdout, WAIT_REPORT);
    if (report.timeout === true) return { changed: false, failed: true, elapsed, msg: args.msg !== undefined ? String(args.msg) : timeoutMessage(args) };
    const failure = reportedFailure(report, { elapsed });
    if (failure) return failure;
    if (report.done !== true) return scriptFailure(result.rc, result.stderr);
    const out: Record<string, unknown> = { changed: false, elapsed, state: args.state, port: args.port ?? null, path: args.path ?? null, search_regex: args.search_regex ?? null, ...matchGroups(ctx, report.content) };
    // Like Ansible's add_path_info, a path that exists is described (mode, owner, ...) and its kind replaces state.
    return withPathInfo(out, report) as ModuleResult;
  },
};

function argumentProblem(args: Readonly<Record<string, unknown>>): string | undefined {
  const { port, path, state } = args;
  if (port !== undefined && path !== undefined) return 'port and path parameter can not both be passed to wait_for';
  if (path !== undefined && state === 'stopped') return 'state=stopped should only be used for checking a port in the wait_for module';
  if (path !== undefined && state === 'drained') return 'state=drained should only be used for checking a port in the wait_for module';
  if (args.exclude_hosts !== undefined && state !== 'drained') return 'exclude_hosts should only be with state=drained';
  const unknown = (args.active_connection_states as string[]).find((name) => !Object.prototype.hasOwnProperty.call(CONNECTION_STATE_CODES, name));
  if (unknown !== undefined) return `unknown active_connection_state (${unknown}) defined`;
  // Ansible's module fails with a Python TypeError here.
  if (state === 'drained' && port === undefined) return 'wait_for: state=drained needs the port whose connections to wait for';
  if (args.search_regex !== undefined) {
    try {
      pythonRegExp(String(args.search_regex), 'search', 'm');
    } catch (error) {
      return `Invalid regular expression: ${(error as Error).message}`;
    }
  }
  return undefined;
}

function timeoutMessage(args: Readonly<Record<string, unknown>>): string {
  const { host, port, path, state } = args;
  const toStop = state === 'stopped' || state === 'absent';
  if (state === 'drained') return `Timeout when waiting for ${String(host)}:${String(port)} to drain`;
  if (port !== undefined && toStop) return `Timeout when waiting for ${String(host)}:${String(port)} to stop.`;
  if (port !== undefined) return args.search_regex !== undefined ? `Timeout when waiting for search string ${String(args.search_regex)} in ${String(host)}:${String(port)}` : `Timeout when waiting for ${String(host)}:${String(port)}`;
  if (toStop) return `Timeout when waiting for ${String(path)} to be absent.`;
  if (args.search_regex !== undefined) return `Timeout when waiting for search string ${String(args.search_regex)} in ${String(path)}`;
  return `Timeout when waiting for file ${String(path)}`;
}

function matchGroups(ctx: ModuleContext, content: string | undefined): { match_groups: unknown[]; match_groupdict: Record<string, unknown> } {
  const pattern = ctx.args.search_regex;
  const match = pattern === undefined || content === undefined ? null : pythonRegExp(String(pattern), 'search', 'm').exec(content);
  return { match_groups: match ? match.slice(1) : [], match_groupdict: match?.groups ? { ...match.groups } : {} };
}

/** The script: cx_wait_for (engine/modules/sh/wait_for.sh) with what to watch, each value quoted. */
function waitScript(args: Readonly<Record<string, unknown>>): string {
  const { port, path, state } = args;
  const toStop = state === 'stopped' || state === 'absent';
  const timing = `${Number(args.timeout)} ${Number(args.delay)} ${Number(args.sleep)}`;
  const wait = `cx_wait_for ${timing} ${toStop ? 'true' : 'false'}`;
  if (state === 'drained') {
    const states = (args.active_connection_states as string[]).map((name) => CONNECTION_STATE_CODES[name]!).join(' ');
    const excluded = ((args.exclude_hosts as string[] | undefined) ?? []).map(quote);
    return [REPORT_FUNCTIONS, WAIT_PARTS.common, WAIT_PARTS.drained, [`cx_wait_drain ${timing}`, quote(String(args.host)), Number(port), quote(states), ...excluded].join(' ') + ' && cx_report done 1'].join('\n');
  }
  if (port !== undefined && args.search_regex !== undefined && !toStop) {
    const probe = `cx_wait_port_search ${quote(String(args.host))} ${Number(port)} ${Number(args.connect_timeout)} ${quote(String(args.search_regex))}`;
    return [REPORT_FUNCTIONS, WAIT_PARTS.common, WAIT_PARTS['port-search'], `${wait} ${probe} && cx_report done 1`].join('\n');
  }
  if (port !== undefined) {
    return [REPORT_FUNCTIONS, WAIT_PARTS.common, WAIT_PARTS.port, `${wait} cx_wait_port ${quote(String(args.host))} ${Number(port)} ${Number(args.connect_timeout)} && cx_report done 1`].join('\n');
  }
  if (path === undefined) {
    // Nothing to watch: Ansible just sleeps for the timeout.
    return [REPORT_FUNCTIONS, WAIT_PARTS.common, `cx_wait_sleep ${Number(args.delay)} ${Number(args.timeout)}; cx_report done 1`].join('\n');
  }
  const p = quote(String(path));
  const lines = [REPORT_FUNCTIONS, ATTRIBUTE_FUNCTIONS, WAIT_PARTS.common, WAIT_PARTS.path];
  if (args.search_regex === undefined) {
    lines.push(`${wait} cx_wait_path ${p} && { cx_wait_path_report ${p}; cx_report done 1; }`);
  } else {
    lines.push(WAIT_PARTS.search, `${wait} cx_wait_search ${quote(String(args.search_regex))} ${p} && { cx_wait_content ${p} ${MAX_CONTENT_BYTES}; cx_wait_path_report ${p}; cx_report done 1; }`);
  }
  return lines.join('\n');
}
