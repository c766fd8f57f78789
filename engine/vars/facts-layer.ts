/** Facts are visible as `ansible_facts.x` and, as Ansible injects them, as top-level `ansible_x`. */
export function factsLayerValues(facts: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> {
  if (!facts) return {};
  const values: Record<string, unknown> = { ansible_facts: stripPrefix(facts) };
  for (const [key, value] of Object.entries(facts)) {
    values[key.startsWith('ansible_') ? key : `ansible_${key}`] = value;
    // Ansible injects each fact under the name its module gave it (package_facts' `packages`).
    if (!key.startsWith('ansible_')) values[key] = value;
  }
  return values;
}

function stripPrefix(facts: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(facts)) out[key.replace(/^ansible_/, '')] = value;
  return out;
}
