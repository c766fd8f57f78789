/** Python's textwrap, where cxplay gives text as Python would wrap it (Jinja's wordwrap filter, Ansible's warnings). */

/** Python's textwrap.wrap for one paragraph (words split on whitespace and after hyphens). */
export function wrapLine(line: string, width: number, breakLongWords: boolean, breakOnHyphens: boolean): string[] {
  const chunks = line.split(breakOnHyphens ? /(\s+|(?<=\w-)(?=\w))/ : /(\s+)/).filter((chunk) => chunk !== '');
  const lines: string[] = [];
  let current = '';
  for (let chunk of chunks) {
    if (/^\s+$/.test(chunk) && current === '') continue;
    while (current.length + chunk.length > width) {
      if (current.trim() !== '') {
        lines.push(current.trimEnd());
        current = '';
        if (/^\s+$/.test(chunk)) chunk = '';
      } else if (breakLongWords && chunk.length > width) {
        lines.push(chunk.slice(0, width));
        chunk = chunk.slice(width);
      } else {
        break;
      }
    }
    current += chunk;
  }
  if (current.trim() !== '') lines.push(current.trimEnd());
  return lines;
}
