/**
 * Connection set-up is paced: at most N handshakes at once, and a handshake
 * the host closed before its greeting (sshd past MaxStartups) is tried again,
 * up to HANDSHAKE_ATTEMPTS times, with a message that names the cause.
 * (The lab test test/connection/handshake-pacing.test.ts does it against sshd.)
 */
import { describe, expect, it } from 'vitest';
import { UnreachableError } from '../../engine/connection/connection.js';
import { HANDSHAKE_ATTEMPTS, Handshakes } from '../../engine/connection/handshakes.js';

const noPause = () => Promise.resolve();

/** What SshConnection.open rejects with when sshd closes the connection before its greeting. */
function dropped(): UnreachableError {
  return new UnreachableError('web1', 'SSH to 127.0.0.1:22 failed: Connection lost before handshake', { cause: Object.assign(new Error('Connection lost before handshake'), { level: 'protocol' }) });
}

describe('handshakes', () => {
  it('runs at most the configured number at once, and all of them', async () => {
    const handshakes = new Handshakes(3, noPause);
    let underWay = 0;
    let most = 0;
    let done = 0;
    const gates: (() => void)[] = [];
    const opens = Array.from({ length: 12 }, (_, index) =>
      handshakes.open(async () => {
        underWay += 1;
        most = Math.max(most, underWay);
        await new Promise<void>((resolve) => gates.push(resolve));
        underWay -= 1;
        done += 1;
        return index;
      }),
    );
    // Release the waiting handshakes one by one until all are done.
    while (done < 12) {
      await new Promise((resolve) => setImmediate(resolve));
      gates.shift()?.();
    }
    expect(await Promise.all(opens)).toEqual([...Array(12).keys()]);
    expect(most).toBe(3);
  });

  it('tries a handshake dropped before the greeting again, and succeeds', async () => {
    const handshakes = new Handshakes(2, noPause);
    let attempts = 0;
    const opened = await handshakes.open(async () => {
      attempts += 1;
      if (attempts < 3) throw dropped();
      return 'connection';
    });
    expect(opened).toBe('connection');
    expect(attempts).toBe(3);
    expect(handshakes.retried).toBe(2);
  });

  it('a reset during the handshake (ECONNRESET on the socket) is a drop too', async () => {
    const handshakes = new Handshakes(2, noPause);
    let attempts = 0;
    const reset = new UnreachableError('web1', 'SSH to 127.0.0.1:22 failed: read ECONNRESET', { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET', level: 'client-socket' }) });
    await handshakes.open(async () => {
      attempts += 1;
      if (attempts === 1) throw reset;
      return 'connection';
    });
    expect(attempts).toBe(2);
  });

  it(`gives up after ${HANDSHAKE_ATTEMPTS} attempts and says why and what to do`, async () => {
    const handshakes = new Handshakes(2, noPause);
    let attempts = 0;
    const failure = await handshakes
      .open(async () => {
        attempts += 1;
        throw dropped();
      })
      .catch((error: unknown) => error);
    expect(attempts).toBe(HANDSHAKE_ATTEMPTS);
    expect(failure).toBeInstanceOf(UnreachableError);
    expect((failure as UnreachableError).host).toBe('web1');
    expect((failure as Error).message).toBe(
      `SSH to 127.0.0.1:22 failed: Connection lost before handshake (the host closed the connection before its SSH greeting, ${HANDSHAKE_ATTEMPTS} times; an sshd drops connections beyond its MaxStartups: fewer handshakes at once ([cxplay] handshakes or --handshakes) or a higher MaxStartups on the host)`,
    );
  });

  it('does not try again what a new attempt would not change (authentication, host key, refused)', async () => {
    const handshakes = new Handshakes(2, noPause);
    let attempts = 0;
    const refused = new UnreachableError('web1', 'authentication failed for root@127.0.0.1:22', { cause: Object.assign(new Error('All configured authentication methods failed'), { level: 'client-authentication' }) });
    await expect(
      handshakes.open(async () => {
        attempts += 1;
        throw refused;
      }),
    ).rejects.toBe(refused);
    expect(attempts).toBe(1);
  });

  it('an interrupt stops the retries', async () => {
    const controller = new AbortController();
    const handshakes = new Handshakes(2, noPause);
    let attempts = 0;
    const failure = await handshakes
      .open(async () => {
        attempts += 1;
        controller.abort();
        throw dropped();
      }, controller.signal)
      .catch((error: unknown) => error);
    expect(attempts).toBe(1);
    expect((failure as Error).message).toContain('the host closed the connection before its SSH greeting;');
  });
});
