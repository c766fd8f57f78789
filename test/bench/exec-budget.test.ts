/**
 * The exec budget, per task and host, on the benchmark's playbook against
 * real sshd hosts: a module that compares before it changes (file,
 * lineinfile, stat, command with creates, copy/template) makes one remote
 * exec when nothing changes, and at most two when a file must be written
 * (lineinfile reads, then writes; copy and template send small content with
 * the compare). Checking tasks ahead, an idempotent rerun makes one exec per
 * run of checkable tasks. Counts are behaviour, so they are tested; times are not.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventBus } from '../../engine/events.js';
import { loadInventory } from '../../engine/load/inventory.js';
import { loadPlaybook } from '../../engine/load/playbook.js';
import { runPlaybook } from '../../engine/run/run-playbook.js';
import { Lab } from '../lab/lab.js';
import { projectRoot } from '../support/cli.js';

const HOSTS = ['node1', 'node2'];
let lab: Lab;

beforeAll(async () => {
  lab = await Lab.start({ names: HOSTS, groups: { bench: HOSTS } });
});

afterAll(async () => {
  await lab?.stop();
});

/** Remote execs per host of every task that ran, by task name (each task's own: checks ahead off). */
async function execsPerTask(check = false): Promise<Record<string, number>> {
  const outcome = await runBench(check, false);
  return Object.fromEntries(Object.entries(outcome.profile.tasks).map(([name, entry]) => [name, entry.execs / HOSTS.length]));
}

async function runBench(check: boolean, speculation: boolean, free?: { fusion: boolean }): Promise<Awaited<ReturnType<typeof runPlaybook>>> {
  const loaded = loadPlaybook(join(projectRoot, 'test', 'bench', 'playbook', 'converge.yaml'));
  const playbook = free ? { ...loaded, plays: loaded.plays.map((play) => ({ ...play, strategy: 'free' as const })) } : loaded;
  const outcome = await runPlaybook({
    playbook,
    inventory: loadInventory(lab.inventoryPath, { playbookDir: playbook.dir }),
    check,
    diff: false,
    tags: [],
    skipTags: [],
    extraVars: {},
    forks: HOSTS.length,
    verbosity: 0,
    become: false,
    becomeMethod: 'sudo',
    forceHandlers: false,
    connection: { knownHostsFile: lab.knownHostsPath, acceptNewHostKeys: false },
    speculation,
    fusion: free?.fusion ?? true,
    bus: new EventBus(),
    signal: new AbortController().signal,
  });
  expect(outcome.exitCode).toBe(0);
  return outcome;
}

describe('remote execs per task and host', () => {
  it('one per compare when nothing changes, two at most when a file is written', async () => {
    const unchanged = {
      'Base directory': 1,
      'One directory per service': 3, // a loop of three items, one exec each
      'Static file': 1,
      'Inline config': 1,
      'Rendered config': 1,
      'A line in a file': 1,
      'Replace a line by regexp': 1,
      'Command guarded by creates': 1,
      'Stat the config': 1,
      'Use the stat result': 1,
      'Symlink to the config': 1,
      'Nothing left behind': 1,
    };
    // A file to write: lineinfile reads, then writes (the handler too); copy and template write with the compare.
    const writing = { ...unchanged, 'A line in a file': 2, 'Replace a line by regexp': 2, 'restart app': 2 };
    // --check on fresh hosts predicts with the same compares, but a lineinfile whose file it would create stops
    // after its read, as Ansible's module does (one exec); the tasks whose `when` is false there make none.
    const created = { 'A line in a file': 1, 'Replace a line by regexp': 1, 'restart app': 1 };
    expect(await execsPerTask(true)).toEqual({ ...writing, ...created, 'Use the stat result': 0, 'Symlink to the config': 0 });
    expect(await execsPerTask()).toEqual(writing);
    expect(await execsPerTask()).toEqual(unchanged);
  });

  it('checking ahead, an idempotent rerun makes one exec per run of checkable tasks', async () => {
    // Base directory .. Stat the config checked in one exec (the command too: its creates holds); then
    // Use the stat result, whose `when` reads what Stat registers, checks itself and the two after it.
    expect((await runBench(false, true)).execs / HOSTS.length).toBe(2);
    expect((await runBench(true, true)).execs / HOSTS.length).toBe(2);
  });

  it('under strategy free, fusing tasks makes fewer execs per host, converging and rerunning', async () => {
    const execs = async (fusion: boolean, fresh: boolean) => {
      if (fresh) await Promise.all(HOSTS.map((host) => lab.exec(host, 'rm -rf /opt/bench')));
      return (await runBench(false, false, { fusion })).execs / HOSTS.length;
    };
    // Fused (checks ahead off): Base directory, its loop and Static file (copy from a file may write in a second
    // exec: it ends the span); Inline config and Rendered config; the two lineinfiles (they read, then write) and
    // the command alone; Stat the config alone (what it registers is read next); the last three tasks.
    expect(await execs(true, true)).toBe(7 + 4); // the lineinfiles and the handler write in a second exec
    expect(await execs(false, true)).toBe(14 + 4);
    expect(await execs(true, false)).toBe(7);
    expect(await execs(false, false)).toBe(14);
  });
});
