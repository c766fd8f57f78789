/**
 * A warning as Ansible's display prints it: `[WARNING]: ` and the message,
 * every whitespace character a space (Python's textwrap.wrap with its
 * defaults), wrapped at 79 columns, or at the terminal's width less one when
 * stdout is a wider terminal; a line end after it.
 */
import { wrapLine } from '../text-wrap.js';

const NARROWEST = 79;

export function warningText(message: string, terminalColumns?: number): string {
  const width = Math.max(NARROWEST, (terminalColumns ?? 0) - 1);
  const spaced = `[WARNING]: ${expandTabs(message)}`.replace(/[\t\n\v\f\r]/g, ' ');
  return `${wrapLine(spaced, width, true, true).join('\n')}\n`;
}

/** Python's str.expandtabs(8), which textwrap applies first: a tab pads to the next multiple of 8 columns of its line. */
function expandTabs(text: string): string {
  let out = '';
  let column = 0;
  for (const char of text) {
    if (char === '\t') {
      const pad = 8 - (column % 8);
      out += ' '.repeat(pad);
      column += pad;
    } else {
      out += char;
      column = char === '\n' || char === '\r' ? 0 : column + 1;
    }
  }
  return out;
}
