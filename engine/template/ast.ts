/** The parsed form of an expression. Evaluated by evaluate.ts, never turned into code. */
export type Node =
  | { readonly t: 'lit'; readonly value: unknown }
  | { readonly t: 'name'; readonly name: string }
  | { readonly t: 'attr'; readonly object: Node; readonly name: string }
  | { readonly t: 'index'; readonly object: Node; readonly index: Node }
  | { readonly t: 'slice'; readonly object: Node; readonly start: Node | undefined; readonly end: Node | undefined; readonly step: Node | undefined }
  | { readonly t: 'list'; readonly items: readonly Node[]; readonly tuple?: true }
  | { readonly t: 'dict'; readonly entries: readonly (readonly [Node, Node])[] }
  | { readonly t: 'unary'; readonly op: '-' | '+' | 'not'; readonly operand: Node }
  | { readonly t: 'binary'; readonly op: string; readonly left: Node; readonly right: Node }
  | { readonly t: 'logic'; readonly op: 'and' | 'or'; readonly left: Node; readonly right: Node }
  | { readonly t: 'cond'; readonly test: Node; readonly then: Node; readonly otherwise: Node | undefined }
  | { readonly t: 'filter'; readonly operand: Node; readonly name: string; readonly args: readonly Node[]; readonly kwargs: Readonly<Record<string, Node>> }
  | { readonly t: 'test'; readonly operand: Node; readonly name: string; readonly args: readonly Node[]; readonly kwargs: Readonly<Record<string, Node>>; readonly negated: boolean }
  | { readonly t: 'call'; readonly callee: Node; readonly args: readonly Node[]; readonly kwargs: Readonly<Record<string, Node>> };
