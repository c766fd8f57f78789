/**
 * What the engine needs from a way to reach a host. A module builds one POSIX
 * sh script and hands it to `exec`; the script travels on the channel's stdin
 * (`sh -s`), never as a process argument, so secrets inside it stay out of `ps`.
 * Data a script needs (file content) is embedded in it as a base64 heredoc.
 */

export interface BecomeSpec {
  /** Target user, `root` by default. */
  readonly user: string;
  readonly method: 'sudo' | 'su';
  /** become_flags as words (sudo's default `-H -S -n`, su's none). */
  readonly flags: readonly string[];
  /** become_exe: the command run instead of `sudo` or `su`. */
  readonly exe?: string | undefined;
  /** Sent on stdin (never in a command line): to sudo first, to su when it prompts; without it sudo runs with -n. */
  readonly password?: string | undefined;
}

export interface ExecOptions {
  readonly become?: BecomeSpec | undefined;
  /** End the remote process group and reject with ExecTimeoutError after this long. */
  readonly timeoutMs?: number | undefined;
  /** Abort ends the remote process group and rejects with ExecAbortedError. */
  readonly signal?: AbortSignal | undefined;
  /**
   * The script runs each of its parts in a subshell of its own and sets
   * nothing in the shell that runs it (variables, traps, cd, exit): a shell
   * session may run it without a subshell around it.
   */
  readonly partsInSubshells?: boolean | undefined;
}

export interface ExecResult {
  readonly rc: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface Connection {
  /** Inventory name of the host this connection reaches. */
  readonly host: string;
  /** Run a POSIX sh script on the target (one remote exec). */
  exec(script: string, options?: ExecOptions): Promise<ExecResult>;
  /** Number of remote execs made so far (for the benchmark and --profile). */
  readonly execCount: number;
  /** Timed-out or interrupted commands this connection could not end (they may still run on the host). */
  readonly unendedCommands: number;
  /** False once the connection has dropped or been closed: every exec on it fails. */
  readonly alive: boolean;
  close(): Promise<void>;
}

/** How to reach one host, from its inventory variables. */
export interface ConnectionSpec {
  readonly host: string;
  readonly type: 'ssh' | 'local';
  readonly address: string;
  readonly port: number;
  readonly user: string;
  /** The key named by a variable or --private-key: it must be readable. */
  readonly privateKeyFile?: string | undefined;
  /** Further keys to offer (ssh args, ssh config, or ssh's default keys); a missing one is skipped, as ssh does. */
  readonly identityFiles?: readonly string[] | undefined;
  /** Whether identityFiles are ssh's default keys (offered after the agent's, as ssh does). */
  readonly defaultKeys?: boolean | undefined;
  /** IdentitiesOnly: offer the key files only, not the agent's keys. */
  readonly identitiesOnly?: boolean | undefined;
  /** Passphrases of encrypted key files (asked once, before the run). */
  readonly keyPassphrases?: ReadonlyMap<string, string> | undefined;
  readonly password?: string | undefined;
  /** known_hosts file checked for the host key. */
  readonly knownHostsFile: string;
  /** Accept and remember a host key that known_hosts does not list yet (never a changed one). */
  readonly acceptNewHostKeys: boolean;
  readonly connectTimeoutMs: number;
  readonly keepaliveIntervalMs: number;
  readonly keepaliveCountMax: number;
  /** The jump host (ProxyJump) the connection goes through, itself maybe behind another. */
  readonly jump?: ConnectionSpec | undefined;
}

/** The host could not be reached or the connection broke: the host leaves the play. */
export class UnreachableError extends Error {
  constructor(readonly host: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UnreachableError';
  }
}

/**
 * What became of a timed-out or interrupted command: ended (its whole remote
 * process tree is gone, checked on the host), or why it could not be ended.
 */
export type EndOutcome = { readonly ended: true } | { readonly ended: false; readonly reason: string };

export const ENDED: EndOutcome = { ended: true };

function endedText(outcome: EndOutcome): string {
  return outcome.ended ? 'was ended' : `could NOT be ended and may still run on the host (${outcome.reason})`;
}

export class ExecTimeoutError extends Error {
  constructor(
    readonly timeoutMs: number,
    readonly outcome: EndOutcome = ENDED,
  ) {
    super(`the remote command did not finish within ${Math.round(timeoutMs / 1000)} s and ${endedText(outcome)}`);
    this.name = 'ExecTimeoutError';
  }
}

export class ExecAbortedError extends Error {
  constructor(message = 'interrupted: the remote command was ended') {
    super(message);
    this.name = 'ExecAbortedError';
  }

  /** An interrupt of a command that had started on the host. */
  static of(outcome: EndOutcome): ExecAbortedError {
    return new ExecAbortedError(`interrupted: the remote command ${endedText(outcome)}`);
  }
}

/** sudo or su refused to run the script: no password, or a wrong one (the message is Ansible's). */
export class BecomeFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BecomeFailedError';
  }
}

/**
 * su ran but the user's shell did not (nologin: "This account is currently
 * not available."): Ansible sees a command that printed that and exited, and
 * reports it as the module's output (see failureResult in task-executor.ts).
 */
export class SuShellRefusedError extends BecomeFailedError {
  constructor(
    message: string,
    readonly output: { readonly rc: number; readonly stdout: string; readonly stderr: string },
  ) {
    super(message);
    this.name = 'SuShellRefusedError';
  }
}
