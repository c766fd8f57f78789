/**
 * Gathered facts as variables, as Ansible's variable manager shows them:
 * `ansible_facts.x` without the `ansible_` prefix (but `ansible_local` keeps
 * its name), and with INJECT_FACTS_AS_VARS (the default) every fact also at
 * the top level under the name the module gave it (`ansible_x`,
 * `gather_subset`, `module_setup`); internal `_ansible_*` keys stay inside
 * ansible_facts only.
 */
export function factsLayerValues(facts: Readonly<Record<string, unknown>> | undefined, injectAsVars = true): Record<string, unknown> {
  if (!facts) return {};
  const values: Record<string, unknown> = { ansible_facts: namespaced(facts) };
  if (!injectAsVars) return values;
  for (const [key, value] of Object.entries(facts)) if (!key.startsWith('_ansible_')) values[key] = value;
  return values;
}

function namespaced(facts: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(facts)) out[key.startsWith('ansible_') && key !== 'ansible_local' ? key.slice('ansible_'.length) : key] = value;
  return out;
}
