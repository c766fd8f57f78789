/**
 * A value an expression may call: a template file's macro, `caller`, a loop's
 * `cycle()`, `namespace()`. It holds a host function privately, so an
 * expression can call it but never reach the function itself.
 */
export type Invoke = (args: unknown[], kwargs: Record<string, unknown>) => unknown;

export class TemplateCallable {
  readonly #invoke: Invoke;

  constructor(
    readonly name: string,
    invoke: Invoke,
  ) {
    this.#invoke = invoke;
  }

  call(args: unknown[], kwargs: Record<string, unknown>): unknown {
    return this.#invoke(args, kwargs);
  }
}
