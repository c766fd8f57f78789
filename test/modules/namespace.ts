/**
 * A tiny filesystem of our own for tests that need a full disk or a
 * read-only mount: a `sleep` holds a private mount namespace (unshare -m)
 * with a small tmpfs, and each exec enters it with nsenter. Needs root.
 * `close` ends the holder process by its pid, which drops the namespace.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { LocalConnection } from '../../engine/connection/local.js';
import type { ExecOptions, ExecResult } from '../../engine/connection/connection.js';

export class NamespacedConnection extends LocalConnection {
  private constructor(private readonly holder: ChildProcess, readonly mountPoint: string) {
    super('tmpfs-host');
  }

  /** A mount namespace where `mountPoint` (an existing empty directory) is a tmpfs of `sizeKiB` (and at most `inodes` files, when given). */
  static async start(mountPoint: string, sizeKiB: number, inodes?: number): Promise<NamespacedConnection> {
    const script = `mount -t tmpfs -o size=${sizeKiB}k${inodes === undefined ? '' : `,nr_inodes=${inodes}`} tmpfs "$1" && echo ready && exec sleep 600`;
    const holder = spawn('unshare', ['--mount', '--propagation', 'private', 'sh', '-c', script, 'sh', mountPoint], { stdio: ['ignore', 'pipe', 'inherit'] });
    const [chunk] = (await once(holder.stdout!, 'data')) as [Buffer];
    if (chunk.toString().trim() !== 'ready') throw new Error('could not mount the test tmpfs');
    return new NamespacedConnection(holder, mountPoint);
  }

  /** `path` as the controller's own processes reach it inside the namespace (through /proc/PID/root). */
  controllerPath(path: string): string {
    return `/proc/${this.holder.pid}/root${path}`;
  }

  override exec(script: string, options: ExecOptions = {}): Promise<ExecResult> {
    return super.exec(`exec nsenter -t ${this.holder.pid} -m sh -s <<'__CX_NS__'\n${script}\n__CX_NS__\n`, options);
  }

  override async close(): Promise<void> {
    if (this.holder.exitCode === null) {
      this.holder.kill('SIGTERM');
      await once(this.holder, 'exit');
    }
  }
}
