/**
 * The helper code a Python file imports that a module's payload must carry:
 * names under `ansible.module_utils` and `ansible_collections`, as written in
 * `import` and `from ... import` statements (relative ones resolved against
 * the file's own package). A scan of the text, as Ansible's is a scan of the
 * syntax tree: an import inside a function or a `try:` counts too, and a name
 * that turns out to be an attribute, not a file, is dropped by the caller.
 */

/** Dotted names imported by `source`, most specific first for `from X import a` (X.a, then X). */
export function importedNames(source: string, ownName: string, isPackage: boolean): string[] {
  const names: string[] = [];
  const text = source.replace(/\\\r?\n/g, ' ');
  for (const match of text.matchAll(/^[ \t]*from[ \t]+([.\w]+)[ \t]+import[ \t]+(\([^)]*\)|[^\n]*)/gm)) {
    const base = absoluteName(match[1]!, ownName, isPackage);
    if (base === undefined) continue;
    for (const imported of importList(match[2]!)) if (imported !== '*') names.push(`${base}.${imported}`);
    names.push(base);
  }
  for (const match of text.matchAll(/^[ \t]*import[ \t]+([^\n]*)/gm)) names.push(...importList(match[1]!));
  return [...new Set(names)].filter((name) => name.startsWith('ansible.module_utils.') || name === 'ansible.module_utils' || name.startsWith('ansible_collections.'));
}

/** `a, b as c` or `(a,\n b)` into [a, b]: comments, parentheses and aliases left out. */
function importList(text: string): string[] {
  return text
    .replace(/#[^\n]*/g, '')
    .replace(/[()]/g, '')
    .split(/[,;]/)
    .map((item) => item.trim().split(/\s+as\s+/)[0]!.trim())
    .filter((item) => /^[\w.*]+$/.test(item));
}

/** `..module_utils.x` in package `a.b.c` gives `a.b.module_utils.x`; an absolute name stays. */
function absoluteName(name: string, ownName: string, isPackage: boolean): string | undefined {
  const dots = /^\.*/.exec(name)![0].length;
  if (dots === 0) return name;
  const packageParts = ownName.split('.').slice(0, isPackage ? undefined : -1);
  if (dots - 1 > packageParts.length) return undefined;
  const base = packageParts.slice(0, packageParts.length - (dots - 1));
  const rest = name.slice(dots);
  return [...base, ...(rest ? [rest] : [])].join('.');
}
