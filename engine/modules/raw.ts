/**
 * raw: the command line as written, run by the host's shell (or `executable`)
 * with no module around it: no creates/removes/chdir, output untouched (not
 * stripped), changed every time, as Ansible's raw. Ansible skips it in check
 * mode. Over SSH Ansible gives raw a terminal (stderr then arrives in stdout,
 * lines end in \r\n); cxplay keeps the two streams apart.
 */
import { quote } from '../connection/quote.js';
import { splitLines } from './lib/run-command.js';
import type { ModuleDef } from './module.js';

/** Words Ansible splits off every free-form line (creates=..., chdir=...), which raw then ignores. */
const IGNORED_WORDS = Object.fromEntries(['creates', 'removes', 'chdir', 'warn', 'stdin', 'stdin_add_newline', 'strip_empty_ends'].map((name) => [name, {}]));

export const rawModule: ModuleDef = {
  name: 'raw',
  argsSchema: {
    type: 'object',
    properties: { _raw_params: { type: 'string' }, executable: { type: 'string' }, ...IGNORED_WORDS },
    required: ['_raw_params'],
    additionalProperties: false,
  },
  freeForm: true,
  // Skipped in check mode, without the message other modules give (Ansible's raw action says nothing).
  checkMode: 'full',
  diffMode: 'none',
  runsOn: 'target',
  async run(ctx) {
    if (ctx.check) return { changed: false, skipped: true };
    const command = String(ctx.args._raw_params);
    const shell = typeof ctx.args.executable === 'string' ? ctx.args.executable : '/bin/sh';
    const result = await ctx.exec(`exec ${quote(shell)} -c ${quote(command)} </dev/null\n`);
    const out = { changed: true, rc: result.rc, stdout: result.stdout, stdout_lines: splitLines(result.stdout), stderr: result.stderr, stderr_lines: splitLines(result.stderr) };
    return result.rc === 0 ? out : { ...out, failed: true, msg: 'non-zero return code' };
  },
};
