/** The parsed form of a Jinja template file: text, outputs and statements, each expression an ast.ts Node. */
import type { Node } from '../ast.js';

/** Where a tag starts in its template file (1-based). */
export interface TagAt {
  readonly line: number;
  readonly col: number;
}

/** An expression and the tag it was written in, for errors. */
export interface Expr {
  readonly node: Node;
  readonly source: string;
  readonly at: TagAt;
}

export interface MacroParam {
  readonly name: string;
  readonly fallback: Expr | undefined;
}

/** Assignment targets: a name, several names (`a, b`), or a namespace attribute (`ns.count`). */
export type Target =
  | { readonly t: 'names'; readonly names: readonly string[] }
  | { readonly t: 'attribute'; readonly object: string; readonly name: string };

export type Statement =
  | { readonly t: 'text'; readonly text: string }
  | { readonly t: 'output'; readonly expr: Expr }
  | { readonly t: 'if'; readonly branches: readonly { readonly test: Expr | undefined; readonly body: readonly Statement[] }[] }
  | {
      readonly t: 'for';
      readonly target: readonly string[];
      readonly iterable: Expr;
      readonly filter: Expr | undefined;
      readonly recursive: boolean;
      readonly body: readonly Statement[];
      readonly otherwise: readonly Statement[];
    }
  | { readonly t: 'set'; readonly target: Target; readonly value: Expr }
  | { readonly t: 'setBlock'; readonly target: Target; readonly filter: Expr | undefined; readonly body: readonly Statement[] }
  | { readonly t: 'macro'; readonly name: string; readonly params: readonly MacroParam[]; readonly body: readonly Statement[]; readonly at: TagAt }
  | { readonly t: 'call'; readonly params: readonly MacroParam[]; readonly call: Expr; readonly body: readonly Statement[] }
  | { readonly t: 'filter'; readonly filter: Expr; readonly body: readonly Statement[] }
  | { readonly t: 'with'; readonly assignments: readonly { readonly target: Target; readonly value: Expr }[]; readonly body: readonly Statement[] }
  | { readonly t: 'include'; readonly names: Expr; readonly ignoreMissing: boolean; readonly withContext: boolean; readonly at: TagAt }
  | { readonly t: 'import'; readonly name: Expr; readonly as: string; readonly withContext: boolean; readonly at: TagAt }
  | { readonly t: 'fromImport'; readonly name: Expr; readonly names: readonly { readonly name: string; readonly as: string }[]; readonly withContext: boolean; readonly at: TagAt };

/** The name every `{% filter %}` and block-set filter chain is applied to (a filter node's operand). */
export const FILTERED_BODY = '\u0000body';
