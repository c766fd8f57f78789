/**
 * What a task inherits from the play, blocks, roles and includes around it.
 * A frame is immutable; entering a block or role gives a new one. Scalar
 * keywords: the innermost wins; `when`, `tags` and `environment` accumulate;
 * block vars stack.
 */
import { INHERITED_KEYWORDS, type Inheritable, type InheritedKeywords, type Play, type RoleInstance } from '../load/model.js';
import { layer, type VarLayer } from '../vars/layered-scope.js';
import type { SourcePosition } from '../errors.js';
import type { ModuleDefaults } from '../load/module-defaults.js';

/** One `environment:` as written: a mapping, or a template that renders to one. */
export type EnvironmentKeyword = NonNullable<InheritedKeywords['environment']>;

export interface Frame extends Omit<InheritedKeywords, 'environment'> {
  readonly play: Play;
  /** The `environment:` of the play, roles, blocks and task around, outermost first: Ansible merges them, the inner names winning. */
  readonly environments: readonly EnvironmentKeyword[];
  readonly when: readonly string[];
  readonly tags: readonly string[];
  /** Block vars, innermost first. */
  readonly blockVars: readonly VarLayer[];
  readonly anyErrorsFatal: boolean;
  readonly role?: RoleInstance | undefined;
  /** A failure here is caught by an enclosing block's rescue. */
  readonly rescuable: boolean;
  readonly isHandler: boolean;
  /** Files being included, outermost first, to refuse include cycles. */
  readonly includeStack: readonly string[];
  /** The inclusion (include_tasks or include_role run) the tasks here came from, 0 for the play's own: part of each task's identity (task-identity.ts). */
  readonly inclusion: number;
  /** Extra vars layers from includes (include_tasks vars, include_role params), innermost first. */
  readonly includeParams: readonly VarLayer[];
  /** module_defaults of the play, roles, blocks and task around, outermost first. */
  readonly moduleDefaults: readonly ModuleDefaults[];
}

export function playFrame(play: Play): Frame {
  return {
    play,
    when: play.when,
    tags: play.tags,
    blockVars: [],
    ...inherit(play, {}),
    environments: play.environment === undefined ? [] : [play.environment],
    // A play has no delegate_to of its own.
    delegateTo: undefined,
    anyErrorsFatal: play.anyErrorsFatal ?? false,
    role: undefined,
    rescuable: false,
    isHandler: false,
    includeStack: [],
    inclusion: 0,
    includeParams: [],
    moduleDefaults: play.moduleDefaults ? [play.moduleDefaults] : [],
  };
}

/** Enter a block, role block or include: its keywords apply to everything inside. */
export function enterNode(frame: Frame, node: Inheritable): Frame {
  const vars = Object.keys(node.vars).length > 0 ? [layer(describe(node.at, 'vars'), node.vars), ...frame.blockVars] : frame.blockVars;
  return {
    ...frame,
    when: node.when.length > 0 ? [...frame.when, ...node.when] : frame.when,
    tags: node.tags.length > 0 ? [...frame.tags, ...node.tags] : frame.tags,
    blockVars: vars,
    ...inherit(node, frame),
    environments: node.environment === undefined ? frame.environments : [...frame.environments, node.environment],
    anyErrorsFatal: node.anyErrorsFatal ?? frame.anyErrorsFatal,
    role: node.role ?? frame.role,
    moduleDefaults: node.moduleDefaults ? [...frame.moduleDefaults, node.moduleDefaults] : frame.moduleDefaults,
  };
}

/** The inherited keywords but environment: the node's where it sets them, else the outer ones. */
function inherit(node: InheritedKeywords, outer: Omit<InheritedKeywords, 'environment'>): Omit<InheritedKeywords, 'environment'> {
  const out: Record<string, unknown> = {};
  for (const field of Object.keys(INHERITED_KEYWORDS) as (keyof InheritedKeywords)[]) if (field !== 'environment') out[field] = node[field] ?? outer[field];
  return out as Omit<InheritedKeywords, 'environment'>;
}

function describe(at: SourcePosition, what: string): string {
  return at.line === undefined ? `${what} of ${at.file}` : `${what} at ${at.file}:${at.line}`;
}
