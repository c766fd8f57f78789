/**
 * The remote command line that reads the script from stdin, as the login
 * user or through a become method (sudo, su), with Ansible's become_flags and
 * become_exe; and, for su, the exchange that answers its password prompt.
 */
import type { BecomeSpec } from './connection.js';
import { BecomeFailedError, SuShellRefusedError } from './connection.js';
import { quoteWords } from './quote.js';

/**
 * The become password reaches sudo through sudo's askpass hook, never a
 * command line: the login shell reads it as the first line of stdin into
 * this variable, and sudo -A runs `printenv PROMPT` as its askpass helper
 * with this name as the prompt, which prints it. sudo asks only when it
 * needs a password, so a NOPASSWD rule leaves it unread, and the rest of
 * stdin (the script) goes to the shell under sudo either way. sudo's
 * env_reset keeps the variable from the target user's shell.
 */
const PASSWORD_VARIABLE = 'CXPLAY_BECOME_PASSWORD';

/** Ansible's default become_flags for sudo (su has none). */
export const DEFAULT_SUDO_FLAGS = '-H -S -n';

/**
 * What the shell under su prints first: until it shows, su may still be
 * asking for the password, and the script must not be sent (su would read
 * its first line as the password, or the shell would run a password sent to a
 * su that never asked for one).
 */
export const SU_READY_MARKER = '@@cxplay_become_ok';

/**
 * The prompts su asks with, as Ansible's su plugin recognises them (its
 * default prompt_l10n, the common languages): a word, then a colon. Built
 * from strings, not written as a regular expression literal: esbuild escapes
 * non-ASCII text in strings but leaves it in a regex literal, and one
 * non-ASCII character makes V8 hold the whole 4 MB bundle as UTF-16, which
 * costs every run some 0.1 s of CPU to read and scan it.
 */
const SU_PROMPT_WORDS = ['Password', 'Passwort', 'Mot de passe', 'Contraseña', 'Contrasenya', 'Senha', 'Wachtwoord', 'Lösenord', 'Adgangskode', 'Passord', 'Salasana', 'Hasło', 'Heslo', 'Jelszó', 'Parola', 'Пароль', 'Лозинка', '密码', '密碼', '口令', 'パスワード', '암호'];
const SU_PROMPT = new RegExp(`(?:\\w+'s )?(?:${SU_PROMPT_WORDS.join('|')}) ?(?::|：) ?$`, 'i');

/**
 * `ownSession`: the shell under sudo or su leads a session and process group
 * of its own (setsid), so a timeout or an interrupt can end its whole tree
 * through its pid; otherwise it is in sudo's group, which the target user may
 * not signal. -w: if setsid has to fork (sudo's use_pty made the shell a group
 * leader already), it waits for the shell instead of returning at once.
 */
export function becomeCommand(become: BecomeSpec | undefined, ownSession = false): string[] {
  if (!become) return ['sh', '-s'];
  const shell = [...(ownSession ? ['setsid', '-w'] : []), 'sh', '-s'];
  if (become.method === 'su') {
    // su hands -c's text to the target user's shell.
    return [become.exe ?? 'su', ...become.flags, become.user, '-c', `echo ${SU_READY_MARKER} && exec ${shell.join(' ')}`];
  }
  const sudo = become.exe ?? 'sudo';
  if (become.password === undefined) return [sudo, ...become.flags, '-u', become.user, '--', ...shell];
  // The password goes through askpass (-A), so sudo must neither refuse to ask (-n) nor read stdin (-S), as Ansible drops -n.
  const asking = quoteWords([sudo, ...withoutFlags(become.flags, 'nS'), '-A', '-p', PASSWORD_VARIABLE, '-u', become.user, '--', ...shell]);
  return ['sh', '-c', `IFS= read -r ${PASSWORD_VARIABLE} && export ${PASSWORD_VARIABLE} && SUDO_ASKPASS="$(command -v printenv)" exec ${asking}`];
}

/** The flags without the single-letter options `letters` (alone, long-named or in a group such as -Hn). */
function withoutFlags(flags: readonly string[], letters: string): string[] {
  const long: Record<string, string> = { n: '--non-interactive', S: '--stdin' };
  const dropped = new Set([...letters].flatMap((letter) => [`-${letter}`, long[letter]]));
  return flags
    .filter((flag) => !dropped.has(flag))
    .map((flag) => (/^-[A-Za-z]+$/.test(flag) ? flag.replace(new RegExp(`[${letters}]`, 'g'), '') : flag))
    .filter((flag) => flag !== '-');
}

/** The command for an SSH exec request, as one string, each word quoted; the shell leads its own session. */
export function becomeCommandLine(become: BecomeSpec | undefined): string {
  if (become && !/^[A-Za-z0-9_.-]+$/.test(become.user)) {
    throw new Error(`become_user '${become.user}' is not a valid user name`);
  }
  return quoteWords(becomeCommand(become, true));
}

/** What goes on stdin before the script: sudo's password line, when there is one (su's is sent when it asks). */
export function becomeInput(become: BecomeSpec | undefined): string {
  return become?.method !== 'sudo' || become.password === undefined ? '' : `${become.password}\n`;
}

/**
 * Ansible's message for a sudo that wanted a password it did not get or
 * refused the one given (measured with ansible-playbook 2.14), from sudo's stderr.
 */
export function sudoPasswordFailure(become: BecomeSpec | undefined, stderr: string): string | undefined {
  if (become?.method !== 'sudo') return undefined;
  if (/incorrect password attempt|Sorry, try again/.test(stderr)) return 'Incorrect sudo password';
  if (/a password is required|no askpass program|a terminal is required/.test(stderr)) return 'Missing sudo password';
  return undefined;
}

/**
 * su's side of an exec: su reads its password from stdin only once it has
 * prompted for it (on stderr), and the script may go only once the shell
 * under su has started (its marker on stdout). Feed it the command's output;
 * it sends the password (never anything else) when su asks, calls `ready`
 * once the shell runs, and passes on the output that follows. A command
 * that ends before the shell ran failed to become: `failure` says why, in
 * Ansible's words (measured with ansible-playbook 2.14).
 */
export class SuExchange {
  private stdoutHead = '';
  private stderrHead = '';
  private passwordSent = false;
  private started = false;
  private waiting: NodeJS.Timeout | undefined;

  /**
   * `promptTimeoutMs`: over SSH, su asking for a password the run does not
   * have is left waiting that long, then failed with ansible's words (its ssh
   * connection sends nothing and gives up after the connect timeout + 2 s:
   * "Timeout (12s) waiting for privilege escalation prompt"); undefined
   * (the local connection) fails it at once as "Missing su password".
   */
  constructor(
    private readonly become: BecomeSpec,
    private readonly send: (text: string) => void,
    private readonly ready: () => void,
    private readonly refuse: (error: BecomeFailedError) => void,
    private readonly promptTimeoutMs?: number,
  ) {}

  get shellStarted(): boolean {
    return this.started;
  }

  /** The output to keep (none until the shell has started). */
  stdout(chunk: Buffer): Buffer | undefined {
    if (this.started) return chunk;
    this.stdoutHead += chunk.toString('latin1');
    const at = this.stdoutHead.indexOf(`${SU_READY_MARKER}\n`);
    if (at < 0) return undefined;
    this.started = true;
    const rest = Buffer.from(this.stdoutHead.slice(at + SU_READY_MARKER.length + 1), 'latin1');
    this.stdoutHead = '';
    this.stderrHead = '';
    this.ready();
    return rest.length > 0 ? rest : undefined;
  }

  /** su's prompt is answered and dropped; what su says before the shell starts is kept for `failure`. */
  stderr(chunk: Buffer): Buffer | undefined {
    if (this.started) return chunk;
    this.stderrHead += chunk.toString('utf8');
    if (this.passwordSent || !SU_PROMPT.test(this.stderrHead)) return undefined;
    if (this.become.password === undefined) {
      this.noPassword();
      return undefined;
    }
    this.passwordSent = true;
    this.stderrHead = '';
    this.send(`${this.become.password}\n`);
    return undefined;
  }

  private noPassword(): void {
    const timeoutMs = this.promptTimeoutMs;
    if (timeoutMs === undefined) return this.refuse(new BecomeFailedError('Missing su password'));
    if (this.waiting) return;
    const seconds = Math.round(timeoutMs / 1000);
    this.waiting = setTimeout(() => this.refuse(new BecomeFailedError(`Timeout (${seconds}s) waiting for privilege escalation prompt: `)), timeoutMs);
    // A command that ends first (interrupted, the connection lost) leaves nothing to wait for.
    this.waiting.unref();
  }

  /** Why su ended (with exit code `rc`) without starting the shell, with what it and the user's shell said. */
  failure(rc: number): BecomeFailedError {
    if (this.passwordSent && /Authentication failure|incorrect password/i.test(this.stderrHead)) return new BecomeFailedError('Incorrect su password');
    const stdout = Buffer.from(this.stdoutHead, 'latin1').toString('utf8');
    const said = `${stdout}${this.stderrHead}`.trim();
    return new SuShellRefusedError(`su did not start a shell as ${this.become.user}${said ? `: ${said}` : ''}`, { rc, stdout, stderr: this.stderrHead });
  }
}
