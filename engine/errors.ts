/**
 * Errors meant for people. Every error the operator can cause (bad playbook,
 * inventory, variable, argument) is a CxError: a short message, where it is
 * (file:line:col when known), what to do, and the exit code ansible-playbook
 * would use for it.
 */

export interface SourcePosition {
  readonly file: string;
  readonly line?: number;
  readonly col?: number;
}

/** ansible-playbook 2.14's exit codes, as measured (test/cli/exit-codes.test.ts compares them). */
export const ExitCode = {
  ok: 0,
  error: 1,
  hostFailed: 2,
  /** An unknown option, a missing or bad option value (Python argparse exits 2, like a failed host). */
  badArguments: 2,
  /** Any host unreachable, even when others failed. */
  hostUnreachable: 4,
  parseError: 4,
  badOptions: 5,
  /** An exception Ansible did not expect ("this is probably a bug"). */
  unexpected: 250,
  interrupted: 99,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export interface CxErrorOptions {
  readonly at?: SourcePosition | undefined;
  readonly hint?: string | undefined;
  readonly exitCode?: ExitCodeValue | undefined;
  readonly cause?: unknown;
}

export class CxError extends Error {
  readonly at: SourcePosition | undefined;
  readonly hint: string | undefined;
  readonly exitCode: ExitCodeValue;

  constructor(message: string, options: CxErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CxError';
    this.at = options.at;
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? ExitCode.parseError;
  }

  /** `file:line:col: message` then the hint on its own line. */
  describe(): string {
    const where = this.at ? `${formatPosition(this.at)}: ` : '';
    const hint = this.hint ? `\n  ${this.hint}` : '';
    return `${where}${this.message}${hint}`;
  }
}

/** A template or expression that cannot be parsed or evaluated. */
export class TemplateError extends CxError {
  constructor(message: string, options: CxErrorOptions = {}) {
    super(message, options);
    this.name = 'TemplateError';
  }
}

/** A name used in an expression that no variable layer defines. */
export class UndefinedVariableError extends TemplateError {
  readonly variable: string;
  constructor(variable: string, options: CxErrorOptions = {}) {
    super(`'${variable}' is undefined`, {
      hint: `define '${variable}' (inventory, vars, -e) or guard it with "| default(...)"`,
      ...options,
    });
    this.name = 'UndefinedVariableError';
    this.variable = variable;
  }
}

export function formatPosition(at: SourcePosition): string {
  if (at.line === undefined) return at.file;
  return at.col === undefined ? `${at.file}:${at.line}` : `${at.file}:${at.line}:${at.col}`;
}

/** Attach a position to an error that has none yet (e.g. a template error raised deep down). */
export function withPosition<E extends CxError>(error: E, at: SourcePosition | undefined): E {
  if (error.at || !at) return error;
  (error as { at: SourcePosition | undefined }).at = at;
  return error;
}
