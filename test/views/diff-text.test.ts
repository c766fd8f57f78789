/** The diff text the views show under --diff. */
import { describe, expect, it } from 'vitest';
import { diffsOf, unifiedDiff } from '../../engine/views/diff-text.js';

describe('diff text', () => {
  it("shows a module's prepared diff as it is, as Ansible's callback does (unarchive's itemized lines)", () => {
    const [diff] = diffsOf({ changed: true, diff: { prepared: '>f++++++.?? a.txt\n.d...p...?? bin/\n' } });
    expect(unifiedDiff(diff!)).toBe('>f++++++.?? a.txt\n.d...p...?? bin/');
  });

  it('shows before and after as a unified diff', () => {
    const text = unifiedDiff({ before: 'a\n', after: 'b\n', before_header: 'f', after_header: 'f' });
    expect(text).toContain('-a');
    expect(text).toContain('+b');
  });
});
