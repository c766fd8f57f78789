/**
 * A result as Ansible's default callback prints it: Python's json.dumps with
 * sorted keys at every level, on one line with `, ` and `: ` between items,
 * or indented (as debug results are); non-ASCII text kept as it is.
 */
export function pythonJson(value: unknown, indent = 0, depth = 0): string {
  const items = jsonItems(value, indent, depth);
  if (items === undefined) return JSON.stringify(value) ?? 'null';
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (items.length === 0) return open + close;
  if (indent === 0) return `${open}${items.join(', ')}${close}`;
  const inner = ' '.repeat(indent * (depth + 1));
  return `${open}\n${inner}${items.join(`,\n${inner}`)}\n${' '.repeat(indent * depth)}${close}`;
}

function jsonItems(value: unknown, indent: number, depth: number): string[] | undefined {
  if (Array.isArray(value)) return value.map((item) => pythonJson(item, indent, depth + 1));
  if (value === null || typeof value !== 'object') return undefined;
  return Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, item]) => `${JSON.stringify(key)}: ${pythonJson(item, indent, depth + 1)}`);
}
