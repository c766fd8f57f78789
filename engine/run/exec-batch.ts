/**
 * Several module runs on one host sharing remote execs. Each member's
 * scripts are held until every member still running waits on one; then they
 * go as one script that runs each in a subshell of its own, in member order,
 * the way the session runs a script alone (`( eval SCRIPT ) </dev/null`), and
 * the output is split back per member. Execs of the other members that come
 * after the first member has ended go only while still wanted. Speculative compare uses it to check
 * a host's next tasks in the round trip of the task it runs now.
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
  /** Call once the member's run has settled: the others no longer wait for it. */
  end(): void;
}

export class ExecBatch {
  private readonly waiting: Waiting[] = [];
  private running = 0;
  private members = 0;
  private opened: Promise<Connection> | undefined;
  private connection: Connection | undefined;

  constructor(
    private readonly connect: () => Promise<Connection>,
    /** Whether the other members' execs are still worth sending once the first member has ended. */
    private readonly stillWanted: () => boolean,
  ) {}

  /** A member; members join before any of them starts, and run in the order they joined. */
  join(): BatchMember {
    const order = this.members;
    this.members += 1;
    this.running += 1;
    let ended = false;
    return {
      connect: async () => this.memberConnection(await this.open(), order),
      end: () => {
        if (ended) return;
        ended = true;
        this.running -= 1;
        this.flushWhenAllWait();
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
    if (round[0]!.order !== 0 && !this.stillWanted()) {
      for (const member of round) member.reject(new Error('no longer wanted'));
      return;
    }
    void this.send(round);
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
      results = splitResults(await connection.exec(combinedScript(round, marker), first.options), marker, round.length);
    } catch (error) {
      for (const member of round) member.reject(error);
      return;
    }
    if (results) {
      round.forEach((member, index) => member.resolve(results[index]!));
      return;
    }
    // The wrapper itself did not run (sudo refused, say): each script alone, as it would have gone without the batch.
    for (const member of round) await settle(member, connection.exec(member.script, member.options));
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
function combinedScript(round: readonly Waiting[], marker: string): string {
  return round.map(({ script }) => `( eval ${quote(script)} ) </dev/null\nprintf '%s%s;' '${marker}' "$?"\nprintf '%s' '${marker}' >&2\n`).join('');
}

/** The members' results, or undefined when the output is not what the combined script writes. */
function splitResults(combined: ExecResult, marker: string, count: number): ExecResult[] | undefined {
  const stdout = combined.stdout.split(marker);
  const stderr = combined.stderr.split(marker);
  if (combined.rc !== 0 || stdout.length !== count + 1 || stderr.length !== count + 1 || stderr[count] !== '') return undefined;
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
