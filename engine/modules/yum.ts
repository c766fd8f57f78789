/**
 * yum: as Ansible 2.14's yum action, which picks the backend (use_backend,
 * or `use`, else the host's pkg_mgr fact, else setup's) and runs the dnf
 * module for dnf / yum4: cxplay runs its native dnf (dnf.ts) then, with the
 * dnf command; for yum (yum3, EL7) it runs the same code with the yum
 * command, whose options and transaction table are dnf's, so the result
 * has the dnf module's keys (Ansible's yum3 module returns yum's output
 * lines instead).
 */
import { DNF_ALIASES, DNF_PROPERTIES, runDnf } from './dnf.js';
import type { ModuleContext, ModuleDef } from './module.js';
import { setupModule } from './setup.js';

const BACKENDS = new Set(['yum', 'yum4', 'dnf']);

export const yumModule: ModuleDef = {
  name: 'yum',
  // The dnf module the action runs resolves them.
  argumentAliases: DNF_ALIASES,
  argsSchema: {
    type: 'object',
    properties: { ...DNF_PROPERTIES, use_backend: { enum: ['auto', 'yum', 'yum4', 'dnf'] }, use: { type: 'string' } },
    additionalProperties: false,
  },
  checkMode: 'full',
  diffMode: 'none',
  runsOn: 'target',
  async run(ctx) {
    const { use, use_backend: useBackend, ...args } = ctx.args;
    if (use !== undefined && useBackend !== undefined) return { changed: false, failed: true, msg: "parameters are mutually exclusive: ('use', 'use_backend')" };
    const backend = await chooseBackend(ctx, String(use ?? useBackend ?? 'auto'));
    if (!BACKENDS.has(backend)) {
      return {
        changed: false,
        failed: true,
        // Ansible's msg is a tuple of these two sentences.
        msg:
          'Could not detect which major revision of yum is in use, which is required to determine module backend. ' +
          'You should manually specify use_backend to tell the module whether to use the yum (yum3) or dnf (yum4) backend})',
      };
    }
    return runDnf({ ...ctx, args }, backend === 'yum' ? 'yum' : 'dnf', backend === 'yum' ? 'yum' : 'dnf');
  },
};

/** The backend asked for, else the pkg_mgr fact, else what setup finds on the host. */
async function chooseBackend(ctx: ModuleContext, asked: string): Promise<string> {
  if (asked !== 'auto') return asked;
  try {
    const known = ctx.evaluate('ansible_facts.pkg_mgr');
    if (typeof known === 'string' && BACKENDS.has(known)) return known;
  } catch {
    // Facts were not gathered: ask the host.
  }
  const facts = await setupModule.run({ ...ctx, args: { filter: ['ansible_pkg_mgr'] } });
  return String((facts.ansible_facts as Record<string, unknown> | undefined)?.ansible_pkg_mgr ?? 'auto');
}
