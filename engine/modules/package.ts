/**
 * package: runs the package manager's own module with the task's arguments
 * (all but `use`), as Ansible 2.14's package action does. `use: auto` takes
 * the host's pkg_mgr fact, or, when facts were not gathered, asks the host
 * (setup's pkg_mgr, filtered: the same single exec Ansible makes). The
 * arguments are checked against the chosen module's own schema, with its
 * warnings (an option given with its alias) the task's.
 */
import { CxError } from '../errors.js';
import type { ModuleContext, ModuleDef } from './module.js';
import { setupModule } from './setup.js';
import { validateArgs } from './validate-args.js';

export const packageModule: ModuleDef = {
  name: 'package',
  argsSchema: {
    type: 'object',
    properties: {
      name: { type: ['array', 'string'], items: { type: 'string' } },
      state: { type: 'string' },
      use: { type: 'string', default: 'auto' },
    },
    // The rest are the chosen module's, checked when it is known.
    additionalProperties: true,
  },
  checkMode: 'full',
  diffMode: 'full',
  runsOn: 'target',
  async run(ctx) {
    const manager = ctx.args.use === 'auto' ? await packageManager(ctx) : String(ctx.args.use);
    if (manager === 'auto') return { changed: false, failed: true, msg: 'Could not detect which package manager to use. Try gathering facts or setting the "use" option.' };
    // Imported here: the registry lists this module, so a top-level import would be circular.
    const { findModule } = await import('./registry.js');
    const backend = manager === 'package' ? undefined : findModule(manager);
    if (!backend) return { changed: false, failed: true, msg: `Could not find a module for ${manager}.` };
    const { use: _use, ...given } = ctx.args;
    let args: Record<string, unknown>;
    try {
      // The backend's own warnings (an option given with its alias) are the task's, as Ansible's package action returns the module's.
      args = validateArgs(backend, given, (message) => ctx.warn(message));
    } catch (error) {
      if (error instanceof CxError) return { changed: false, failed: true, msg: error.message };
      throw error;
    }
    return backend.run({ ...ctx, args });
  },
};

/** The pkg_mgr fact, else what setup finds on the host; `auto` when neither says. */
async function packageManager(ctx: ModuleContext): Promise<string> {
  try {
    const known = ctx.evaluate('ansible_facts.pkg_mgr');
    if (typeof known === 'string' && known !== '') return known;
  } catch {
    // Facts were not gathered: ask the host.
  }
  const facts = await setupModule.run({ ...ctx, args: { filter: ['ansible_pkg_mgr'] } });
  const found = (facts.ansible_facts as Record<string, unknown> | undefined)?.ansible_pkg_mgr;
  return typeof found === 'string' && found !== 'unknown' ? found : 'auto';
}
