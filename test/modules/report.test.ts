/** How module scripts report back: every value arrives as it was, whatever bytes it holds, typed as the module declared it. */
import { describe, expect, it } from 'vitest';
import { LocalConnection } from '../../engine/connection/local.js';
import { quote } from '../../engine/connection/quote.js';
import { readReport, REPORT_FUNCTIONS } from '../../engine/modules/lib/report.js';

const VALUES: Record<string, string> = {
  plain: '/opt/bench/app.conf',
  spaces: 'text/plain; charset=us-ascii',
  separators: '81a4|6|0|0|root|root|1.5',
  newlines: 'line one\nline two\n',
  carriage: 'dos line\r',
  unicode: 'café — ✓',
  quotes: `it's "quoted" \\ $HOME \`x\``,
  marker: '@@cx failed=1',
  empty: '',
};

async function run(body: string): Promise<string> {
  return (await new LocalConnection().exec(REPORT_FUNCTIONS + body)).stdout;
}

describe('the result protocol', () => {
  it('brings every value back unchanged through the report lines', async () => {
    const stdout = await run(Object.entries(VALUES).map(([key, value]) => `cx_report64 ${key} ${quote(value)}`).join('\n'));
    const fields = Object.fromEntries(Object.keys(VALUES).map((key) => [key, 'text' as const]));
    expect(readReport(stdout, fields)).toEqual({ failed: false, ...VALUES });
  });

  it('gives flags as booleans and numbers as numbers, and leaves out what was not sent or not declared', async () => {
    const stdout = await run('cx_report changed 1; cx_report content_changed 0; cx_report uid 1000; cx_report other x');
    expect(readReport(stdout, { changed: 'flag', content_changed: 'flag', uid: 'number', backup_file: 'text' })).toEqual({ failed: false, changed: true, content_changed: false, uid: 1000 });
  });

  it('reads a failure from cx_fail, which ends the script', async () => {
    const stdout = await run('cx_fail "no space left"; cx_report changed 1');
    expect(readReport(stdout, { changed: 'flag' })).toEqual({ failed: true, msg: 'no space left' });
  });
});
