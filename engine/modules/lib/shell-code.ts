/**
 * Shell code from a `.sh` file of engine/modules/sh/ as it goes into a module
 * script: without its comment lines, blank lines and indentation, which would
 * travel to every host on every exec for nothing. (So the files hold no
 * multi-line quoted text or here-document with a line that starts with `#` or
 * a blank, or is empty.) Each line ends with a newline, so the code can be
 * followed by anything.
 * Two regular expressions over the whole text, not a pass per line: every
 * module's code is made when the engine loads, and line by line that cost
 * some 9 ms of every run. Lines end with `\n` only (a `\r` would start a line
 * for `^`; test/modules/shell-code.test.ts checks the files).
 */
export function shellCode(file: string): string {
  const text = file.endsWith('\n') ? file : `${file}\n`;
  return text.replace(/^[^\S\n]+/gm, '').replace(/^(?:#[^\n]*)?\n/gm, '');
}

/**
 * A `.sh` file split at its `# part: NAME` lines: `common` is what comes
 * before the first, each NAME what follows its line up to the next (each as
 * shellCode gives it). For a file of which a script carries only the parts
 * it needs.
 */
export function shellParts(file: string): Readonly<Record<string, string>> {
  const [common = '', ...rest] = file.split(/^# part: /m);
  const parts: Record<string, string> = { common: shellCode(common) };
  for (const part of rest) {
    const newline = part.indexOf('\n');
    parts[part.slice(0, newline).trim()] = shellCode(part.slice(newline + 1));
  }
  return parts;
}
