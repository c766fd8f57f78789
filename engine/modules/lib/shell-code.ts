/**
 * Shell code from a `.sh` file of engine/modules/sh/ as it goes into a module
 * script: without its comment lines, blank lines and indentation, which would
 * travel to every host on every exec for nothing. (So the files hold no
 * multi-line quoted text or here-document with a line that starts with `#` or
 * a blank, or is empty.) Each line ends with a newline, so the code can be
 * followed by anything.
 */
export function shellCode(file: string): string {
  return file
    .split('\n')
    .map((line) => line.trimStart())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => `${line}\n`)
    .join('');
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
