/**
 * Shell code from a `.sh` file of engine/modules/sh/ as it goes into a module
 * script: without its comment lines, which would travel to every host on
 * every exec for nothing. (The files hold no multi-line quoted text whose
 * lines start with `#`.)
 */
export function shellCode(file: string): string {
  return file
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n');
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
