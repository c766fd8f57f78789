/**
 * wait_for: poll on the host, in one exec, until a path exists (or is gone,
 * or holds a pattern) or a TCP port opens (or closes). Ports are probed with
 * bash's /dev/tcp when bash is there, else nc.
 */
import { quote } from '../connection/quote.js';
import { parseReport, REPORT_FUNCTIONS, reportedFailure, scriptFailure } from './lib/report.js';
import type { ModuleDef } from './module.js';

export const waitForModule: ModuleDef = {
  name: 'wait_for',
  argsSchema: {
    type: 'object',
    properties: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'integer' },
      path: { type: 'string' },
      state: { enum: ['started', 'present', 'stopped', 'absent', 'drained'], default: 'started' },
      timeout: { type: 'integer', default: 300 },
      delay: { type: 'integer', default: 0 },
      sleep: { type: 'integer', default: 1 },
      connect_timeout: { type: 'integer', default: 5 },
      search_regex: { type: 'string' },
      msg: { type: 'string' },
    },
    additionalProperties: false,
  },
  checkMode: 'full',
  diffMode: 'none',
  runsOn: 'target',
  async run(ctx) {
    const { args } = ctx;
    const wantPresent = ['started', 'present'].includes(String(args.state));
    const what = args.path !== undefined ? `file ${String(args.path)}` : args.port !== undefined ? `${String(args.host)}:${String(args.port)}` : undefined;
    const started = Date.now();
    const result = await ctx.exec(waitScript(args, wantPresent));
    const report = parseReport(result.stdout);
    const elapsed = Math.round((Date.now() - started) / 1000);
    if (report.timeout === '1') {
      const message = args.msg !== undefined ? String(args.msg) : `Timeout when waiting for ${what ?? 'the delay'}${wantPresent ? '' : ' to stop'}`;
      return { changed: false, failed: true, elapsed, msg: message };
    }
    const failure = reportedFailure(report);
    if (failure) return failure;
    if (report.done !== '1') return scriptFailure(result.rc, result.stderr);
    const out: Record<string, unknown> = { changed: false, elapsed, state: args.state };
    if (args.path !== undefined) out.path = args.path;
    if (args.port !== undefined) out.port = args.port;
    if (report.match !== undefined) out.match_groups = [];
    return out as { changed: false };
  },
};

function waitScript(args: Readonly<Record<string, unknown>>, wantPresent: boolean): string {
  const lines = [
    REPORT_FUNCTIONS,
    `deadline=$(( $(date +%s) + ${Number(args.timeout)} ))`,
    `sleep ${Number(args.delay)}`,
    'cx_port_open() { if command -v bash >/dev/null 2>&1; then timeout "$3" bash -c \'exec 3<>"/dev/tcp/$0/$1"\' "$1" "$2" 2>/dev/null; elif command -v nc >/dev/null 2>&1; then nc -z -w "$3" "$1" "$2" 2>/dev/null; else cx_fail "wait_for needs bash or nc on the host to probe ports"; fi; }',
  ];
  let probe = 'true';
  if (args.path !== undefined) {
    lines.push(`p=${quote(String(args.path))}`);
    probe = args.search_regex !== undefined ? `[ -f "$p" ] && grep -Eq ${quote(String(args.search_regex))} "$p"` : '[ -e "$p" ]';
  } else if (args.port !== undefined) {
    probe = `cx_port_open ${quote(String(args.host))} ${Number(args.port)} ${Number(args.connect_timeout)}`;
  }
  lines.push(
    `cx_ready() { if ${probe}; then ${wantPresent ? 'return 0' : 'return 1'}; else ${wantPresent ? 'return 1' : 'return 0'}; fi; }`,
    'while ! cx_ready; do',
    '  [ "$(date +%s)" -ge "$deadline" ] && { cx_report timeout 1; exit 0; }',
    `  sleep ${Math.max(1, Number(args.sleep))}`,
    'done',
    'cx_report done 1',
  );
  return lines.join('\n');
}
