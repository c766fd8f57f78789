/** Module shell code as it travels: comment lines, blank lines and indentation dropped (engine/modules/lib/shell-code.ts). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shellCode, shellParts } from '../../engine/modules/lib/shell-code.js';

const SH_DIR = join(import.meta.dirname, '..', '..', 'engine', 'modules', 'sh');
const shFiles = readdirSync(SH_DIR).filter((name) => name.endsWith('.sh'));

/** The rule, line by line: each line without its leading blanks, the empty ones and comments dropped, each ending with a newline. */
function byLines(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trimStart())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => `${line}\n`)
    .join('');
}

describe('shellCode', () => {
  it('drops indentation, blank and whitespace-only lines and comment lines, indented ones too', () => {
    expect(shellCode('# head\nf() {\n  \t echo "a  b"  \n\n   \n    # inner\n}\n')).toBe('f() {\necho "a  b"  \n}\n');
  });

  it('ends the last line with a newline, and drops a last comment that has none', () => {
    expect(shellCode('echo a\necho b')).toBe('echo a\necho b\n');
    expect(shellCode('echo a\n  # trailing')).toBe('echo a\n');
    expect(shellCode('')).toBe('');
    expect(shellCode('\n\n# only comments\n')).toBe('');
  });

  it('keeps a # that does not start the line', () => {
    expect(shellCode('x=${y#pre} # note\n  echo "#"\n')).toBe('x=${y#pre} # note\necho "#"\n');
  });

  it('gives, for every module shell file, what the rule gives line by line; the files end lines with \\n only', () => {
    expect(shFiles.length).toBeGreaterThan(10);
    for (const name of shFiles) {
      const text = readFileSync(join(SH_DIR, name), 'utf8');
      // Another line terminator would start a line for the expressions' `^` (see shellCode).
      expect(/[\r\u2028\u2029]/.test(text), name).toBe(false);
      expect(shellCode(text), name).toBe(byLines(text));
    }
  });
});

describe('shellParts', () => {
  it('splits at `# part:` lines, each part as shellCode gives it', () => {
    expect(shellParts('common() {\n  :\n}\n# part: one\n  one() { :; }\n# part: two\n# note\ntwo\n')).toEqual({ common: 'common() {\n:\n}\n', one: 'one() { :; }\n', two: 'two\n' });
  });
});
