/**
 * What the facts script (engine/modules/sh/setup.sh) prints, read back:
 * sections that start with a line `MARK NAME`, the small files read by one
 * grep (`PATH:LINE` lines), and which paths exist.
 */

export interface FactSources {
  /** The text of each section by name (the last one when a name repeats). */
  readonly sections: ReadonlyMap<string, string>;
  /** Every section in order, for the repeated ones (local facts). */
  readonly ordered: readonly { readonly name: string; readonly text: string }[];
  /** The small files the script read, by path. */
  readonly files: ReadonlyMap<string, string>;
  /** The paths of the `paths` section that exist. */
  readonly paths: ReadonlySet<string>;
}

export function readSources(stdout: string, mark: string): FactSources {
  const ordered: { name: string; text: string }[] = [];
  const parts = stdout.split(`\n${mark} `);
  for (const part of parts.slice(1)) {
    const newline = part.indexOf('\n');
    ordered.push(newline < 0 ? { name: part, text: '' } : { name: part.slice(0, newline), text: part.slice(newline + 1) });
  }
  const sections = new Map(ordered.map((section) => [section.name, section.text]));
  return {
    sections,
    ordered,
    files: groupLines(sections.get('files') ?? ''),
    paths: new Set((sections.get('paths') ?? '').split('\n').filter((line) => line !== '')),
  };
}

/** grep -H lines `PATH:LINE` back into each file's text. */
function groupLines(text: string): Map<string, string> {
  const lines = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const path = line.slice(0, colon);
    const existing = lines.get(path);
    if (existing) existing.push(line.slice(colon + 1));
    else lines.set(path, [line.slice(colon + 1)]);
  }
  return new Map([...lines].map(([path, content]) => [path, content.join('\n')]));
}

/** A file's first line, trimmed; undefined when the host had no such file. */
export function firstLine(sources: FactSources, path: string): string | undefined {
  return sources.files.get(path)?.split('\n')[0]?.trim();
}
