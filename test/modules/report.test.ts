/** How module scripts report back: every value arrives as it was, whatever bytes it holds. */
import { describe, expect, it } from 'vitest';
import { LocalConnection } from '../../engine/connection/local.js';
import { quote } from '../../engine/connection/quote.js';
import { parseReport, REPORT_FUNCTIONS } from '../../engine/modules/lib/report.js';

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

describe('cx_report64', () => {
  it('brings every value back unchanged through the report lines', async () => {
    const script = REPORT_FUNCTIONS + Object.entries(VALUES).map(([key, value]) => `cx_report64 ${key} ${quote(value)}`).join('\n');
    const { stdout } = await new LocalConnection().exec(script);
    expect(parseReport(stdout)).toEqual(VALUES);
  });
});
