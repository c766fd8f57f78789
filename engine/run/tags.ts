/** Ansible's --tags / --skip-tags selection, including always, never, tagged, untagged and all. */
export function selectedByTags(taskTags: readonly string[], only: readonly string[], skip: readonly string[]): boolean {
  const tags = new Set(taskTags);
  if (matches(tags, skip)) return false;
  if (tags.has('always')) return true;
  const wanted = only.length === 0 ? ['all'] : only;
  if (wanted.includes('all') && !tags.has('never')) return true;
  return matches(tags, wanted);
}

function matches(tags: ReadonlySet<string>, selectors: readonly string[]): boolean {
  return selectors.some((selector) => {
    if (selector === 'tagged') return tags.size > 0;
    if (selector === 'untagged') return tags.size === 0;
    return tags.has(selector);
  });
}
