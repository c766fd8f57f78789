/**
 * Typed role variables (meta/argument_specs) are checked for every host the
 * play targets before anything runs, with the values the host would see.
 */
import { CxError, UndefinedVariableError } from '../errors.js';
import { argumentProblems } from '../load/argument-check.js';
import { selectPlayHosts } from '../load/host-pattern.js';
import type { BlockNode, Play } from '../load/model.js';
import { RunContext } from '../run/run-context.js';
import { PlayRuntime } from '../run/play-runtime.js';
import { enterNode, playFrame } from '../run/frame.js';
import type { RunOptions } from '../run/run-options.js';
import { isTemplated } from '../template/render.js';

export function checkRoleArguments(play: Play, options: RunOptions): void {
  const roles = play.roles.filter((block): block is BlockNode & { role: NonNullable<BlockNode['role']> } => Boolean(block.role?.role.argumentSpec));
  if (roles.length === 0 || isTemplated(play.hosts)) return;
  const hosts = selectPlayHosts(options.inventory, play.hosts, options.limit);
  const run = new RunContext(options);
  const runtime = new PlayRuntime(run, play, hosts);
  for (const block of roles) {
    const spec = block.role.role.argumentSpec!;
    const properties = Object.keys((spec.schema.properties as Record<string, unknown> | undefined) ?? {});
    for (const name of hosts) {
      const host = run.host(name);
      runtime.loadVarsFiles(host);
      const scope = runtime.scope(host, enterNode(playFrame(play), block));
      const values: Record<string, unknown> = {};
      for (const property of properties) {
        if (!scope.has(property)) continue;
        try {
          values[property] = scope.get(property);
        } catch (error) {
          // A value built from facts or registered results is only known at run time.
          if (error instanceof UndefinedVariableError) continue;
          throw error;
        }
      }
      const problems = argumentProblems(spec.schema, values);
      if (problems.length > 0) {
        throw new CxError(`role '${block.role.role.name}' got invalid variables for host ${name}: ${problems.join('; ')}`, {
          at: spec.at,
          hint: 'fix the values in the inventory, group_vars/host_vars, play vars or -e',
        });
      }
    }
  }
}
