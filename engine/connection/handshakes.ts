/**
 * SSH connection set-up, paced. A run opens one connection per host, and
 * at 1,000 hosts starting them all at once does not work: every handshake
 * costs CPU on both ends (key exchange, signature), so the later ones pass
 * their connect timeout while queued behind the others, and an sshd that
 * serves several inventory hosts (aliases, one address) drops new
 * connections beyond its MaxStartups (default 10:30:100: from 10
 * unauthenticated connections on, 30% of new ones, all from 100) by closing
 * them before its greeting ("Connection closed by remote host" or
 * "Connection reset by peer" to OpenSSH's client). So at most N handshakes
 * are under way at once ([cxplay] handshakes, CXPLAY_HANDSHAKES,
 * --handshakes), and a handshake closed before the host's greeting is tried
 * again after a pause, as an operator would rerun ssh. The wait for a slot is
 * not part of the connect timeout; an established connection holds no slot.
 */
import pLimit, { type LimitFunction } from 'p-limit';
import { UnreachableError } from './connection.js';

/** Handshakes under way at once unless configured: twice MaxStartups' start, so that a few hosts sharing an sshd see few drops, and enough to keep both ends busy. */
export const DEFAULT_HANDSHAKES = 20;
/** Attempts of a handshake the host closed before its greeting. */
export const HANDSHAKE_ATTEMPTS = 4;
/** The pause before the second attempt; it doubles for each next one, with jitter so that dropped handshakes do not come back together. */
const FIRST_PAUSE_MS = 200;

export type Sleep = (ms: number) => Promise<void>;

const sleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export class Handshakes {
  private readonly limit: LimitFunction;
  /** Attempts made again after a drop (for --profile and tests). */
  retried = 0;

  constructor(
    concurrency: number = DEFAULT_HANDSHAKES,
    private readonly pause: Sleep = sleep,
  ) {
    this.limit = pLimit(concurrency);
  }

  /** `handshake` once a slot is free; again, after a pause without the slot, when the host closed it before its greeting. */
  async open<T>(handshake: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.limit(handshake);
      } catch (error) {
        if (!droppedBeforeGreeting(error)) throw error;
        if (attempt === HANDSHAKE_ATTEMPTS || signal?.aborted) throw explained(error, attempt);
        this.retried += 1;
        await this.pause(FIRST_PAUSE_MS * 2 ** (attempt - 1) * (0.5 + Math.random()));
      }
    }
  }
}

/** The host closed or reset the connection before the SSH greeting (what sshd does to a connection past MaxStartups). */
function droppedBeforeGreeting(error: unknown): error is UnreachableError {
  if (!(error instanceof UnreachableError)) return false;
  const cause = error.cause as { message?: string; code?: string; level?: string } | undefined;
  return cause?.message === 'Connection lost before handshake' || (cause?.level === 'client-socket' && cause.code === 'ECONNRESET');
}

function explained(error: UnreachableError, attempts: number): UnreachableError {
  const why = `the host closed the connection before its SSH greeting${attempts > 1 ? `, ${attempts} times` : ''}`;
  const hint = "an sshd drops connections beyond its MaxStartups: fewer handshakes at once ([cxplay] handshakes or --handshakes) or a higher MaxStartups on the host";
  return new UnreachableError(error.host, `${error.message} (${why}; ${hint})`, { cause: error.cause });
}
