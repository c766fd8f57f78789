/**
 * Several module runs on one host sharing remote execs. Each member's
 * scripts are held until every member still running waits on one; then they
 * go as one script that runs each in a subshell of its own, in member order,
 * the way the session runs a script alone (`( eval SCRIPT ) </dev/null`), and
 * the output is split back per member. Execs of the other members that come
 * after the first member has ended go only while still wanted. Speculative compare uses it to check
 * a host's next tasks in the round trip of the task it runs now.
 *
 * A batch that `applies` (fused execution, engine/run/fusion.ts) runs members
 * that change the host, so it keeps their order strictly: the script stops
 * after a member that failed (exit code not 0, or `@@cx failed=1` reported),
 * and a member never execs once a member before it has ended badly. A
 * member whose exec is not sent is refused (`NotSent`): its task runs at its
 * turn, as it would have alone.
 */
import { randomBytes } from 'node:crypto';
import type { Connection, ExecOptions, ExecResult } from '../connection/connection.js';
import { quote } from '../connection/quote.js';

interface Waiting {
  readonly order: number;
  readonly script: string;
  readonly options: ExecOptions | undefined;
  readonly resolve: (result: ExecResult) => void;
  readonly reject: (error: unknown) => void;
}

export interface BatchMember {
  /** The member's module run connects with this (when it first execs): its execs join the batch. */
  connect(): Promise<Connection>;
  /** Call once the member's run has settled (`ok` false: it failed; in a batch that applies, the members after it are not sent). */
  end(ok?: boolean): void;
  /** Whether an exec of the member was refused unsent (in a batch that applies, after a member before it failed). */
  readonly refused: boolean;
}

/** An exec a batch that applies did not send, because a member before it failed. */
export class NotSent extends Error {
  constructor() {
    super('not sent: a task before it in its exec failed');
  }
}

export class ExecBatch {
  private readonly waiting: Waiting[] = [];
  private running = 0;
  private members = 0;
  private opened: Promise<Connection> | undefined;
  private connection: Connection | undefined;
  /** Applying: the first member that ended badly (the ones after it are not sent). */
  private firstFailed = Infinity;
  private readonly refusedOrders = new Set<number>();

  constructor(
    private readonly connect: () => Promise<Connection>,
    /** Whether the other members' execs are still worth sending once the first member has ended. */
    private readonly stillWanted: () => boolean,
    /** The members change the host: kept in order, stopped at the first failure. */
    private readonly applies = false,
  ) {}

  /** A member; members join before any of them starts, and run in the order they joined. */
  join(): BatchMember {
    const order = this.members;
    this.members += 1;
    this.running += 1;
    let ended = false;
    const batch = this;
    return {
      connect: async () => this.memberConnection(await this.open(), order),
      end: (ok = true) => {
        if (ended) return;
        ended = true;
        if (!ok) this.firstFailed = Math.min(this.firstFailed, order);
        this.running -= 1;
        this.flushWhenAllWait();
      },
      get refused() {
        return batch.refusedOrders.has(order);
      },
    };
  }

  private open(): Promise<Connection> {
    return (this.opened ??= this.connect());
  }

  private memberConnection(real: Connection, order: number): Connection {
    return {
      host: real.host,
      get execCount() {
        return real.execCount;
      },
      get unendedCommands() {
        return real.unendedCommands;
      },
      get alive() {
        return real.alive;
      },
      close: () => real.close(),
      exec: (script, options) =>
        new Promise<ExecResult>((resolve, reject) => {
          this.waiting.push({ order, script, options, resolve, reject });
          this.flushWhenAllWait();
        }),
    };
  }

  private flushWhenAllWait(): void {
    if (this.waiting.length === 0 || this.waiting.length < this.running) return;
    const round = this.waiting.splice(0).sort((a, b) => a.order - b.order);
    if (this.applies) {
      const held = round.filter((member) => member.order > this.firstFailed);
      this.refuse(held);
      if (held.length < round.length) void this.send(round.slice(0, round.length - held.length));
      return;
    }
    if (round[0]!.order !== 0 && !this.stillWanted()) {
      for (const member of round) member.reject(new Error('no longer wanted'));
      return;
    }
    void this.send(round);
  }

  private refuse(members: readonly Waiting[]): void {
    for (const member of members) {
      this.refusedOrders.add(member.order);
      member.reject(new NotSent());
    }
  }

  /** Whether the connection the batch used is still up (a host whose connection dropped since must be asked again). */
  get connected(): boolean {
    return this.connection?.alive === true;
  }

  private async send(round: readonly Waiting[]): Promise<void> {
    let connection: Connection;
    try {
      connection = this.connection = await this.open();
    } catch (error) {
      for (const member of round) member.reject(error);
      return;
    }
    const first = round[0]!;
    if (round.length === 1) return settle(first, connection.exec(first.script, first.options));
    const marker = `cxsplit${randomBytes(12).toString('hex')}`;
    let results: ExecResult[] | undefined;
    try {
      // A batch of checks sets nothing outside its members' subshells: the session runs it without one more (one fork fewer on the host).
      const options = this.applies ? first.options : { ...first.options, partsInSubshells: true };
      results = splitResults(await connection.exec(combinedScript(round, marker, this.applies), options), marker, round.length, this.applies);
    } catch (error) {
      for (const member of round) member.reject(error);
      return;
    }
    if (results) {
      round.forEach((member, index) => (index < results.length ? member.resolve(results[index]!) : undefined));
      // Applying, the script stopped after a member that failed: the ones after it did not run.
      this.refuse(round.slice(results.length));
      return;
    }
    // The wrapper itself did not run (sudo refused, say): each script alone, as it would have gone without the batch
    // (applying, only the first: the others' turn comes after its outcome is known).
    const alone = this.applies ? round.slice(0, 1) : round;
    this.refuse(round.slice(alone.length));
    for (const member of alone) await settle(member, connection.exec(member.script, member.options));
  }
}

async function settle(member: Waiting, result: Promise<ExecResult>): Promise<void> {
  try {
    member.resolve(await result);
  } catch (error) {
    member.reject(error);
  }
}

/** Each script in its subshell; after it, the marker and its exit code on stdout, the marker on stderr. */
function combinedScript(round: readonly Waiting[], marker: string, applies: boolean): string {
  if (applies) return round.map(({ script }) => gatedScript(script, marker)).join('');
  return round.map(({ script }) => `( eval ${quote(script)} ) </dev/null\nprintf '%s%s;' '${marker}' "$?"\nprintf '%s' '${marker}' >&2\n`).join('');
}

/**
 * As above, the script ending after a member that failed: its exit code is
 * not 0, or it reported `failed=1` (a report line, engine/modules/sh/report.sh;
 * the output is held in a variable to be looked at, `x` keeping its trailing
 * newlines).
 */
function gatedScript(script: string, marker: string): string {
  return [
    `cx_out=$( ( eval ${quote(script)} ) </dev/null; printf 'x%s' "$?" )`,
    'cx_rc=${cx_out##*x}; cx_out=${cx_out%x*}',
    `printf '%s%s%s;' "$cx_out" '${marker}' "$cx_rc"`,
    `printf '%s' '${marker}' >&2`,
    'case $cx_rc in 0) ;; *) exit 0 ;; esac',
    'case "\n$cx_out" in *"\n@@cx failed=1\n"*) exit 0 ;; esac',
    '',
  ].join('\n');
}

/** The members' results, or undefined when the output is not what the combined script writes (applying: the members that ran, at least one). */
function splitResults(combined: ExecResult, marker: string, expected: number, applies: boolean): ExecResult[] | undefined {
  const stdout = combined.stdout.split(marker);
  const stderr = combined.stderr.split(marker);
  const count = stdout.length - 1;
  const counted = applies ? count >= 1 && count <= expected : count === expected;
  if (combined.rc !== 0 || !counted || stderr.length !== count + 1 || stderr[count] !== '') return undefined;
  const results: ExecResult[] = [];
  let output = stdout[0]!;
  for (let index = 0; index < count; index += 1) {
    const tail = stdout[index + 1]!;
    const end = tail.indexOf(';');
    const rc = Number(tail.slice(0, end));
    if (end < 1 || !Number.isInteger(rc)) return undefined;
    results.push({ rc, stdout: output, stderr: stderr[index]! });
    output = tail.slice(end + 1);
  }
  return output === '' ? results : undefined;
}
