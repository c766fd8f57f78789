/**
 * What a task inherits from the play, blocks, roles and includes around it.
 * A frame is immutable; entering a block or role gives a new one. Scalar
 * keywords: the innermost wins; `when` and `tags` accumulate; block vars stack.
 */
import type { Inheritable, Play, RoleInstance } from '../load/model.js';
import { layer, type VarLayer } from '../vars/layered-scope.js';
import type { SourcePosition } from '../errors.js';

export interface Frame {
  readonly play: Play;
  readonly when: readonly string[];
  readonly tags: readonly string[];
  /** Block vars, innermost first. */
  readonly blockVars: readonly VarLayer[];
  readonly become?: boolean | string | undefined;
  readonly becomeUser?: string | undefined;
  readonly environment?: Readonly<Record<string, unknown>> | string | undefined;
  readonly ignoreErrors?: boolean | string | undefined;
  readonly noLog?: boolean | string | undefined;
  readonly runOnce?: boolean | string | undefined;
  readonly delegateTo?: string | undefined;
  readonly checkMode?: boolean | string | undefined;
  readonly diff?: boolean | string | undefined;
  readonly timeout?: number | string | undefined;
  readonly anyErrorsFatal: boolean;
  readonly role?: RoleInstance | undefined;
  /** A failure here is caught by an enclosing block's rescue. */
  readonly rescuable: boolean;
  readonly isHandler: boolean;
  /** Files being included, outermost first, to refuse include cycles. */
  readonly includeStack: readonly string[];
  /** Extra vars layers from includes (include_tasks vars, include_role params), innermost first. */
  readonly includeParams: readonly VarLayer[];
}

export function playFrame(play: Play): Frame {
  return {
    play,
    when: play.when,
    tags: play.tags,
    blockVars: [],
    become: play.become,
    becomeUser: play.becomeUser,
    environment: play.environment,
    ignoreErrors: play.ignoreErrors,
    noLog: play.noLog,
    runOnce: play.runOnce,
    delegateTo: undefined,
    checkMode: play.checkMode,
    diff: play.diff,
    timeout: play.timeout,
    anyErrorsFatal: play.anyErrorsFatal ?? false,
    role: undefined,
    rescuable: false,
    isHandler: false,
    includeStack: [],
    includeParams: [],
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
    become: node.become ?? frame.become,
    becomeUser: node.becomeUser ?? frame.becomeUser,
    environment: node.environment ?? frame.environment,
    ignoreErrors: node.ignoreErrors ?? frame.ignoreErrors,
    noLog: node.noLog ?? frame.noLog,
    runOnce: node.runOnce ?? frame.runOnce,
    delegateTo: node.delegateTo ?? frame.delegateTo,
    checkMode: node.checkMode ?? frame.checkMode,
    diff: node.diff ?? frame.diff,
    timeout: node.timeout ?? frame.timeout,
    anyErrorsFatal: node.anyErrorsFatal ?? frame.anyErrorsFatal,
    role: node.role ?? frame.role,
  };
}

function describe(at: SourcePosition, what: string): string {
  return at.line === undefined ? `${what} of ${at.file}` : `${what} at ${at.file}:${at.line}`;
}
