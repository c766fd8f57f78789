/**
 * The test lab: N real OpenSSH servers on 127.0.X.1..N:22, each in its own
 * mount, UTS and PID namespace (own hostname, own tmpfs over the paths roles
 * write, /root included so the machine's .bashrc never runs), with generated
 * keys, a known_hosts file and an Ansible YAML inventory usable by both
 * cxplay and ansible-playbook. Only loopback addresses; stop() ends exactly
 * the processes the lab started, by pid.
 *
 * Scale (1,000 hosts measured on the 2-core, 24 GB machine: docs/BENCHMARKS.md):
 * - a host is two processes (unshare waiting, sshd in the namespaces), 11
 *   tmpfs mounts (one `mount -a` of the lab's fstab) and 1.3 MB of memory
 *   of its own (1,000 hosts: 1.3 GB); during a run, 2 processes more per
 *   connection (sshd's own, the session shell): far below pid_max;
 * - one 127.0.X.0/24 per 254 hosts, each reserved by a lock file;
 * - host keys are made here (ssh2's generator, under a ms each) instead of by
 *   an ssh-keygen process each;
 * - hosts start in batches of START_BATCH from one `sh` per batch: a spawn
 *   from Node forks the whole Node process (some 20 ms of CPU each), a fork
 *   of sh costs little; each batch listens before the next starts, so the
 *   starts do not all queue for the cores at once;
 * - whether a host listens is read from /proc/net/tcp, not by connecting:
 *   every connection makes sshd fork and re-exec itself.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import ssh2 from 'ssh2';
import { stringify as toYaml } from 'yaml';
import { quote } from '../../engine/connection/quote.js';

const run = promisify(execFile);
export const LAB_ROOT = '/var/tmp/cxlab';
/** Addresses per 127.0.X.0/24 (.1 to .254). */
const HOSTS_PER_SUBNET = 254;
/** An ssh-ed25519 public key blob: the type's length and name (4 + 11 bytes), the key's length and the key (4 + 32). */
const ED25519_PUBLIC_BLOB_BYTES = 51;
/** Hosts started by one launcher before waiting for them to listen. */
const START_BATCH = 50;
export const DEFAULT_TMPFS = ['/root', '/tmp', '/etc/rancher', '/var/lib/rancher', '/usr/local/bin', '/usr/local/sbin', '/usr/local/lib', '/usr/local/share', '/etc/systemd/system', '/opt', '/var/lib/cxsim'];

export interface LabHost {
  readonly name: string;
  readonly address: string;
  readonly port: number;
  /** The unshare process we started (ending it ends the whole host). */
  readonly pid: number;
}

export interface LabOptions {
  /** Host names (default node1..nodeN); each is also the host's hostname. */
  readonly names?: readonly string[];
  readonly hosts?: number;
  /** X of 127.0.X.0/24; picked free when not given. */
  readonly subnet?: number;
  readonly tmpfsPaths?: readonly string[];
  /** POSIX sh run inside each host's namespace after the mounts, before sshd starts (as root; `labDir` holds authorized_keys). */
  readonly setup?: (host: { name: string; address: string; labDir: string }) => string;
  readonly groups?: Readonly<Record<string, readonly string[]>>;
  readonly vars?: Readonly<Record<string, unknown>>;
  readonly hostVars?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** sshd also takes passwords (for a setup's login user with one: sudo-user.ts). */
  readonly passwordAuthentication?: boolean;
  /** sshd's MaxStartups (default 500: never reached with one connection per host); a test of connection pacing sets a tiny one. */
  readonly maxStartups?: string;
  /** sshd's LogLevel (default ERROR); INFO logs each connection MaxStartups drops. */
  readonly logLevel?: 'ERROR' | 'INFO';
}

export class Lab {
  /** Each host's unshare process, by host name. */
  private readonly pids = new Map<string, number>();
  /** The `sh` that started a batch of hosts: the parent of their unshare processes, it reaps them. */
  private readonly launchers: ChildProcess[] = [];
  private stopped = false;

  private constructor(
    readonly dir: string,
    /** X of the first 127.0.X.0/24 (hosts 1 to 254); a bigger lab reserves more. */
    readonly subnet: number,
    readonly hosts: LabHost[],
    private readonly lockFiles: readonly string[],
  ) {}

  get inventoryPath(): string {
    return join(this.dir, 'inventory.yaml');
  }

  get knownHostsPath(): string {
    return join(this.dir, 'known_hosts');
  }

  /** The tmpfs every host mounts over the paths it writes (one `mount -a` per host instead of a `mount` per path). */
  private get fstabPath(): string {
    return join(this.dir, 'fstab');
  }

  get privateKeyPath(): string {
    return join(this.dir, 'id_ed25519');
  }

  static async start(options: LabOptions = {}): Promise<Lab> {
    assertUsable();
    const names = options.names ?? Array.from({ length: options.hosts ?? 3 }, (_, index) => `node${index + 1}`);
    if (options.subnet !== undefined && names.length > HOSTS_PER_SUBNET) throw new Error(`a lab on a given subnet holds at most ${HOSTS_PER_SUBNET} hosts`);
    const reserved = reserveSubnets(Math.max(1, Math.ceil(names.length / HOSTS_PER_SUBNET)), options.subnet);
    const dir = join(LAB_ROOT, `lab-${reserved[0]!.subnet}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'hosts'), { recursive: true, mode: 0o700 });
    const lab = new Lab(dir, reserved[0]!.subnet, [], reserved.map((each) => each.lockFile));
    try {
      writeKeyPair(lab.privateKeyPath, 'cxplay-lab');
      writeFileSync(join(dir, 'authorized_keys'), readFileSync(`${lab.privateKeyPath}.pub`), { mode: 0o600 });
      const hosts = names.map((name, index) => ({
        name,
        address: `127.0.${reserved[Math.floor(index / HOSTS_PER_SUBNET)]!.subnet}.${(index % HOSTS_PER_SUBNET) + 1}`,
        port: 22,
      }));
      const hostKeys = hosts.map((host) => lab.prepareHost(host.name));
      writeFileSync(lab.knownHostsPath, hosts.map((host, index) => `${host.address} ${hostKeys[index]}\n`).join(''), { mode: 0o600 });
      mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
      writeFileSync(lab.fstabPath, fstab([...DEFAULT_TMPFS, ...(options.tmpfsPaths ?? [])]));
      for (let start = 0; start < hosts.length; start += START_BATCH) {
        const batch = await lab.launch(hosts.slice(start, start + START_BATCH), options);
        lab.hosts.push(...batch);
        await waitForListening(batch, (name) => lab.exitedEarly(name));
      }
      writeFileSync(lab.inventoryPath, lab.inventory(options), { mode: 0o600 });
      registerCleanup(lab);
      return lab;
    } catch (error) {
      await lab.stop();
      throw error;
    }
  }

  /** Run a shell command inside a host's namespaces (to inspect what the engine did). */
  async exec(name: string, command: string): Promise<{ stdout: string; stderr: string; code: number }> {
    const pid = this.sshdPid(name);
    try {
      const { stdout, stderr } = await run('nsenter', ['-t', String(pid), '-m', '-u', '-p', '--', 'sh', '-c', command], { maxBuffer: 64 * 1024 * 1024 });
      return { stdout, stderr, code: 0 };
    } catch (error) {
      const failure = error as { stdout?: string; stderr?: string; code?: number };
      return { stdout: failure.stdout ?? '', stderr: failure.stderr ?? '', code: typeof failure.code === 'number' ? failure.code : 1 };
    }
  }

  /** Kill one host outright (its sshd and everything in its namespace), for fault tests. */
  killHost(name: string): void {
    if (this.pids.has(name)) process.kill(this.sshdPid(name), 'SIGKILL');
  }

  /** Synchronous last resort (process exit): kill what we started, leave files for the next lab. */
  killNow(): void {
    for (const pid of this.pids.values()) killIfAlive(pid);
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    // unshare --fork ignores SIGTERM while it waits; SIGKILL ends it, and
    // --kill-child then ends the namespace's pid 1 and with it every process there.
    for (const pid of this.pids.values()) killIfAlive(pid);
    // A launcher exits once it has reaped all its hosts.
    await Promise.all(this.launchers.map((launcher) => new Promise<void>((resolve) => (launcher.exitCode !== null || launcher.signalCode !== null ? resolve() : launcher.once('exit', () => resolve())))));
    running.delete(this);
    rmSync(this.dir, { recursive: true, force: true });
    for (const lockFile of this.lockFiles) {
      try {
        unlinkSync(lockFile);
      } catch {
        // already gone
      }
    }
  }

  /** The host's directory with its host key; returns the public key (`type base64`). */
  private prepareHost(name: string): string {
    const hostDir = join(this.dir, 'hosts', name);
    mkdirSync(hostDir, { recursive: true, mode: 0o700 });
    const [type, body] = writeKeyPair(join(hostDir, 'ssh_host_ed25519_key'), name).split(/\s+/);
    return `${type} ${body}`;
  }

  /**
   * Starts the hosts from one `sh` (its script on stdin: a host's setup can
   * be long), each as `unshare ... sh -c HOST_SCRIPT &`, and learns their pids.
   */
  private async launch(hosts: readonly { name: string; address: string; port: number }[], options: LabOptions): Promise<LabHost[]> {
    const lines = hosts.map((host) => {
      const log = join(this.dir, 'hosts', host.name, 'sshd.log');
      const unshare = `unshare --mount --uts --pid --fork --kill-child --mount-proc sh -c ${quote(this.hostScript(host, options))}`;
      return `${unshare} </dev/null >>${quote(log)} 2>&1 &\necho $!`;
    });
    const launcher = spawn('sh', ['-s'], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.launchers.push(launcher);
    launcher.stdin.end(`${lines.join('\n')}\nexec >/dev/null\nwait\n`);
    const pids: number[] = [];
    for await (const line of createInterface({ input: launcher.stdout })) {
      pids.push(Number(line));
      if (pids.length === hosts.length) break;
    }
    if (pids.length < hosts.length) throw new Error(`the lab's launcher started ${pids.length} of ${hosts.length} hosts`);
    return hosts.map((host, index) => {
      this.pids.set(host.name, pids[index]!);
      return { ...host, pid: pids[index]! };
    });
  }

  /** What runs in a host's namespaces: the mounts, the hostname, the setup, then sshd. */
  private hostScript(host: { name: string; address: string; port: number }, options: LabOptions): string {
    const hostDir = join(this.dir, 'hosts', host.name);
    const config = join(hostDir, 'sshd_config');
    writeFileSync(
      config,
      [
        `ListenAddress ${host.address}:${host.port}`,
        `HostKey ${join(hostDir, 'ssh_host_ed25519_key')}`,
        'PermitRootLogin prohibit-password',
        // The second file lets a setup script add a login user (the lab's directory is root's only).
        `AuthorizedKeysFile ${join(this.dir, 'authorized_keys')} .ssh/authorized_keys`,
        'StrictModes no',
        'UsePAM no',
        `PasswordAuthentication ${options.passwordAuthentication ? 'yes' : 'no'}`,
        'KbdInteractiveAuthentication no',
        'UseDNS no',
        'PrintMotd no',
        'PrintLastLog no',
        'PidFile none',
        'MaxSessions 100',
        `MaxStartups ${options.maxStartups ?? '500'}`,
        `LogLevel ${options.logLevel ?? 'ERROR'}`,
        'Subsystem sftp internal-sftp',
        '',
      ].join('\n'),
    );
    // unshare made every mount private to the namespace (its default propagation).
    return [
      'set -e',
      `mount -a -T ${quote(this.fstabPath)}`,
      // The UTS namespace's hostname, without a process for it.
      `printf '%s\\n' ${quote(host.name)} >/proc/sys/kernel/hostname`,
      options.setup ? options.setup({ ...host, labDir: this.dir }) : '',
      `exec /usr/sbin/sshd -D -e -f '${config}'`,
    ].join('\n');
  }

  private exitedEarly(name: string): string | undefined {
    const pid = this.pids.get(name);
    if (pid !== undefined && !alive(pid)) {
      const log = join(this.dir, 'hosts', name, 'sshd.log');
      return `lab host ${name} exited: ${existsSync(log) ? readFileSync(log, 'utf8').trim() : 'no log'}`;
    }
    return undefined;
  }

  /** The host's first process inside its namespaces (sshd, after `exec`). */
  private sshdPid(name: string): number {
    const pid = this.pids.get(name);
    if (pid === undefined) throw new Error(`no lab host ${name}`);
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    if (children.length === 0) throw new Error(`lab host ${name} is not running`);
    return Number(children[0]);
  }

  private inventory(options: LabOptions): string {
    const hostEntries = Object.fromEntries(
      this.hosts.map((host) => [
        host.name,
        {
          ansible_host: host.address,
          ansible_port: host.port,
          ansible_user: 'root',
          ansible_ssh_private_key_file: this.privateKeyPath,
          ansible_ssh_common_args: `-o UserKnownHostsFile=${this.knownHostsPath} -o StrictHostKeyChecking=yes -o ControlMaster=no`,
          ...(options.hostVars?.[host.name] ?? {}),
        },
      ]),
    );
    const groups = options.groups ?? { lab: this.hosts.map((host) => host.name) };
    const children = Object.fromEntries(Object.entries(groups).map(([group, members]) => [group, { hosts: Object.fromEntries(members.map((member) => [member, null])) }]));
    return toYaml({ all: { hosts: hostEntries, vars: options.vars ?? {}, children } });
  }
}

function assertUsable(): void {
  if (process.getuid?.() !== 0) throw new Error('the lab starts sshd in namespaces and needs root');
  if (!existsSync('/usr/sbin/sshd')) throw new Error('sshd is missing: run scripts/system-deps.sh (apt-get install -y openssh-server)');
}

/** A tmpfs over each path, in order (a later path may be inside an earlier one), its mount point made where missing; /root as root's home (0700). */
function fstab(paths: readonly string[]): string {
  return paths
    .map((path) => {
      if (/[\s\\]/.test(path)) throw new Error(`lab tmpfs path ${JSON.stringify(path)}: no spaces or backslashes`);
      return `tmpfs ${path} tmpfs mode=${path === '/root' ? '0700' : '0755'},size=256m,X-mount.mkdir 0 0\n`;
    })
    .join('');
}

/** An ed25519 key pair in OpenSSH's formats at `file` and `file.pub`; returns the public line. */
function writeKeyPair(file: string, comment: string): string {
  let pair = ssh2.utils.generateKeyPairSync('ed25519', { comment });
  // ssh2 1.17 drops a leading zero byte of the 32-byte public key (1 key in 256): OpenSSH cannot load those.
  while (Buffer.from(pair.public.split(' ')[1]!, 'base64').length !== ED25519_PUBLIC_BLOB_BYTES) pair = ssh2.utils.generateKeyPairSync('ed25519', { comment });
  writeFileSync(file, pair.private, { mode: 0o600 });
  writeFileSync(`${file}.pub`, `${pair.public}\n`, { mode: 0o644 });
  return pair.public;
}

/** `count` 127.0.X.0/24 of the lab's own (or the one `wanted`): a lock file per X, stale locks (dead pid) taken over. */
function reserveSubnets(count: number, wanted: number | undefined): { subnet: number; lockFile: string }[] {
  mkdirSync(LAB_ROOT, { recursive: true });
  const candidates = wanted !== undefined ? [wanted] : Array.from({ length: 200 }, (_, index) => 10 + ((index + process.pid) % 200));
  const reserved: { subnet: number; lockFile: string }[] = [];
  for (const subnet of candidates) {
    const lockFile = join(LAB_ROOT, `subnet-${subnet}.lock`);
    if (lock(lockFile)) reserved.push({ subnet, lockFile });
    if (reserved.length === count) return reserved;
  }
  for (const { lockFile } of reserved) unlinkSync(lockFile);
  const wantedTaken = wanted !== undefined ? ` (127.0.${wanted}.0/24 is taken)` : '';
  throw new Error(`no free lab subnet${count > 1 ? `s (${count} wanted)` : wantedTaken}`);
}

/** Takes the lock file for this process, or over from a dead one; false while a live process (this one included) holds it. */
function lock(lockFile: string): boolean {
  try {
    writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
    return true;
  } catch {
    const owner = Number(readFileSync(lockFile, 'utf8'));
    if (owner === process.pid || alive(owner)) return false;
    unlinkSync(lockFile);
    writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
    return true;
  }
}

function killIfAlive(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits until every host listens, or one has exited (its log says why). */
async function waitForListening(hosts: readonly LabHost[], exited: (name: string) => string | undefined): Promise<void> {
  let waiting = hosts;
  for (let attempt = 0; attempt < 300; attempt += 1) {
    for (const host of waiting) {
      const problem = exited(host.name);
      if (problem) throw new Error(problem);
    }
    const listening = listeningSockets();
    waiting = waiting.filter((host) => !listening.has(`${host.address}:${host.port}`));
    if (waiting.length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`lab hosts did not start listening: ${waiting.map((host) => `${host.address}:${host.port}`).join(', ')}`);
}

/** `address:port` of the IPv4 TCP sockets in LISTEN state (the lab's hosts share this network namespace). */
function listeningSockets(): Set<string> {
  const LISTEN = '0A';
  const listening = new Set<string>();
  for (const line of readFileSync('/proc/net/tcp', 'latin1').split('\n').slice(1)) {
    const [, local, , state] = line.trim().split(/\s+/);
    if (state !== LISTEN || !local) continue;
    const [addressHex, portHex] = local.split(':') as [string, string];
    // The kernel prints the address's four bytes as one number in the machine's byte order.
    const bytes = addressHex.match(/../g)!.map((pair) => parseInt(pair, 16));
    listening.add(`${(endianness() === 'LE' ? bytes.reverse() : bytes).join('.')}:${parseInt(portHex, 16)}`);
  }
  return listening;
}

const running = new Set<Lab>();
let hooked = false;

/** Best effort: labs of a test process that exits or is interrupted still go away. */
function registerCleanup(lab: Lab): void {
  running.add(lab);
  if (hooked) return;
  hooked = true;
  const stopAll = () => {
    for (const each of running) each.killNow();
  };
  process.once('exit', stopAll);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stopAll();
      setTimeout(() => process.exit(130), 500).unref();
    });
  }
}
