/**
 * ping: Ansible's "can this host run a module" test. The host runs a small
 * script that answers `ping: <data>` (engine/modules/sh/ping.sh); `data:
 * crash` fails as Ansible's ping does when it raises (MODULE FAILURE, rc 1,
 * the host's stderr).
 */
import { quote } from '../connection/quote.js';
import { readReport, REPORT_FUNCTIONS } from './lib/report.js';
import { shellCode } from './lib/shell-code.js';
import type { ModuleDef } from './module.js';
import PING_SH from './sh/ping.sh';

const PING_FUNCTION = shellCode(PING_SH);

export const pingModule: ModuleDef = {
  name: 'ping',
  argsSchema: {
    type: 'object',
    properties: { data: { type: 'string', default: 'pong' } },
    additionalProperties: false,
  },
  checkMode: 'full',
  diffMode: 'none',
  runsOn: 'target',
  speculative: true,
  appliesInOneExec: true,
  async run(ctx) {
    const result = await ctx.exec(`${REPORT_FUNCTIONS}${PING_FUNCTION}cx_ping ${quote(String(ctx.args.data))}\n`);
    const report = readReport(result.stdout, { ping: 'text' });
    if (report.ping === undefined) {
      return { changed: false, failed: true, msg: 'MODULE FAILURE\nSee stdout/stderr for the exact error', rc: result.rc, module_stdout: result.stdout, module_stderr: result.stderr };
    }
    return { changed: false, ping: report.ping };
  },
};
