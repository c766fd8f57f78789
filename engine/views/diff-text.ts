/**
 * Ansible-style diffs (`{before, after, before_header, after_header}`) as
 * unified diff text; a module's own `prepared` text (apt's, unarchive's) as
 * it is, as Ansible's callback shows it.
 */
import { createTwoFilesPatch } from 'diff';
import { stringify as toYaml } from 'yaml';

export interface DiffLike {
  before?: unknown;
  after?: unknown;
  before_header?: string;
  after_header?: string;
  prepared?: unknown;
}

export function diffsOf(result: Readonly<Record<string, unknown>>): DiffLike[] {
  const diff = result.diff;
  if (!diff) return [];
  return [diff].flat().filter((entry): entry is DiffLike => Boolean(entry) && typeof entry === 'object');
}

export function unifiedDiff(diff: DiffLike): string {
  if (typeof diff.prepared === 'string') return diff.prepared.trimEnd();
  const text = (value: unknown) => (typeof value === 'string' ? value : value === undefined ? '' : toYaml(value));
  const before = text(diff.before);
  const after = text(diff.after);
  if (before === after) return '';
  const patch = createTwoFilesPatch(`before: ${diff.before_header ?? ''}`.trim(), `after: ${diff.after_header ?? ''}`.trim(), before, after, undefined, undefined, { context: 3 });
  // Drop the "Index"/"===" preamble lines the diff package writes.
  return patch.split('\n').filter((line) => !line.startsWith('Index:') && !/^=+$/.test(line)).join('\n').trimEnd();
}
