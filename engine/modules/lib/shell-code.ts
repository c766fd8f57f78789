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
