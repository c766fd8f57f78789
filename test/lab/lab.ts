/**
 * The test lab: N real OpenSSH servers on 127.0.X.1..N:22, each in its own
 * mount, UTS and PID namespace (own hostname, own tmpfs over the paths roles
 * write, /root included so the machine's .bashrc never runs), with generated
 * keys, a known_hosts file and an Ansible YAML inventory usable by both
 * cxplay and ansible-playbook. Only loopback addresses; stop() ends exactly
 * the processes the lab started, by pid.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { stringify as toYaml } from 'yaml';

const run = promisify(execFile);
export const LAB_ROOT = '/var/tmp/cxlab';
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
}

export class Lab {
  private readonly processes = new Map<string, ChildProcess>();
  private stopped = false;

  private constructor(
    readonly dir: string,
    readonly subnet: number,
    readonly hosts: LabHost[],
    private readonly lockFile: string,
  ) {}

  get inventoryPath(): string {
    return join(this.dir, 'inventory.yaml');
  }

  get knownHostsPath(): string {
    return join(this.dir, 'known_hosts');
  }

  get privateKeyPath(): string {
    return join(this.dir, 'id_ed25519');
  }

  static async start(options: LabOptions = {}): Promise<Lab> {
    assertUsable();
    const names = options.names ?? Array.from({ length: options.hosts ?? 3 }, (_, index) => `node${index + 1}`);
    const { subnet, lockFile } = reserveSubnet(options.subnet);
    const dir = join(LAB_ROOT, `lab-${subnet}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'hosts'), { recursive: true, mode: 0o700 });
    const lab = new Lab(dir, subnet, [], lockFile);
    try {
      await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'cxplay-lab', '-f', lab.privateKeyPath]);
      writeFileSync(join(dir, 'authorized_keys'), readFileSync(`${lab.privateKeyPath}.pub`), { mode: 0o600 });
      const hosts = names.map((name, index) => ({ name, address: `127.0.${subnet}.${index + 1}`, port: 22 }));
      if (hosts.length > 254) throw new Error('a lab holds at most 254 hosts');
      const hostKeys = await Promise.all(hosts.map((host) => lab.prepareHost(host.name)));
      writeFileSync(lab.knownHostsPath, hosts.map((host, index) => `${host.address} ${hostKeys[index]}\n`).join(''), { mode: 0o600 });
      mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
      for (const host of hosts) lab.hosts.push({ ...host, pid: lab.launch(host, options) });
      await Promise.all(lab.hosts.map((host) => waitForPort(host.address, host.port, () => lab.exitedEarly(host.name))));
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
    const child = this.processes.get(name);
    if (child?.pid) process.kill(this.sshdPid(name), 'SIGKILL');
  }

  /** Synchronous last resort (process exit): kill what we started, leave files for the next lab. */
  killNow(): void {
    for (const child of this.processes.values()) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    const exits = [...this.processes.values()].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          // unshare --fork ignores SIGTERM while it waits; SIGKILL ends it, and
          // --kill-child then ends the namespace's pid 1 and with it every process there.
          child.kill('SIGKILL');
        }),
    );
    await Promise.all(exits);
    running.delete(this);
    rmSync(this.dir, { recursive: true, force: true });
    try {
      unlinkSync(this.lockFile);
    } catch {
      // already gone
    }
  }

  private async prepareHost(name: string): Promise<string> {
    const hostDir = join(this.dir, 'hosts', name);
    mkdirSync(hostDir, { recursive: true, mode: 0o700 });
    const key = join(hostDir, 'ssh_host_ed25519_key');
    await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', name, '-f', key]);
    const [type, body] = readFileSync(`${key}.pub`, 'utf8').trim().split(/\s+/);
    return `${type} ${body}`;
  }

  private launch(host: { name: string; address: string; port: number }, options: LabOptions): number {
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
        'MaxStartups 500',
        'LogLevel ERROR',
        'Subsystem sftp internal-sftp',
        '',
      ].join('\n'),
    );
    const mounts = [...DEFAULT_TMPFS, ...(options.tmpfsPaths ?? [])];
    const script = [
      'set -e',
      'mount --make-rprivate /',
      ...mounts.map((path) => `mkdir -p '${path}' && mount -t tmpfs -o mode=0755,size=256m tmpfs '${path}'`),
      'chmod 700 /root',
      `hostname '${host.name}'`,
      options.setup ? options.setup({ ...host, labDir: this.dir }) : '',
      `exec /usr/sbin/sshd -D -e -f '${config}'`,
    ].join('\n');
    const log = openSync(join(hostDir, 'sshd.log'), 'a');
    const child = spawn('unshare', ['--mount', '--uts', '--pid', '--fork', '--kill-child', '--mount-proc', 'sh', '-c', script], {
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    this.processes.set(host.name, child);
    return child.pid!;
  }

  private exitedEarly(name: string): string | undefined {
    const child = this.processes.get(name);
    if (child && (child.exitCode !== null || child.signalCode !== null)) {
      const log = join(this.dir, 'hosts', name, 'sshd.log');
      return `lab host ${name} exited: ${existsSync(log) ? readFileSync(log, 'utf8').trim() : 'no log'}`;
    }
    return undefined;
  }

  /** The host's first process inside its namespaces (sshd, after `exec`). */
  private sshdPid(name: string): number {
    const child = this.processes.get(name);
    if (!child?.pid) throw new Error(`no lab host ${name}`);
    const children = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
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

/** One lab per 127.0.X.0/24: a lock file per X, stale locks (dead pid) taken over. */
function reserveSubnet(wanted: number | undefined): { subnet: number; lockFile: string } {
  mkdirSync(LAB_ROOT, { recursive: true });
  const candidates = wanted !== undefined ? [wanted] : Array.from({ length: 200 }, (_, index) => 10 + ((index + process.pid) % 200));
  for (const subnet of candidates) {
    const lockFile = join(LAB_ROOT, `subnet-${subnet}.lock`);
    try {
      writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return { subnet, lockFile };
    } catch {
      const owner = Number(readFileSync(lockFile, 'utf8'));
      if (owner !== process.pid && !alive(owner)) {
        unlinkSync(lockFile);
        writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
        return { subnet, lockFile };
      }
    }
  }
  throw new Error(`no free lab subnet${wanted !== undefined ? ` (127.0.${wanted}.0/24 is taken)` : ''}`);
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

async function waitForPort(host: string, port: number, failed: () => string | undefined): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const problem = failed();
    if (problem) throw new Error(problem);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect({ host, port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`lab host ${host}:${port} did not start listening`);
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
