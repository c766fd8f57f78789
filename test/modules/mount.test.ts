/**
 * mount decides whether a path is mounted as ansible.posix's mount does on
 * Linux: os.path.ismount, then the kernel's /proc/self/mountinfo as its
 * get_linux_mounts reads it and is_bind_mounted looks it up, then
 * `mount -l`/`mount -v` when there is no mountinfo. Nothing can be mounted
 * here: the mountinfo is a file named by CXPLAY_STANDIN_MOUNTINFO and mount
 * and umount are the stand-ins of test/standins. The parsing is compared with
 * ansible.posix's own get_linux_mounts and is_bind_mounted (Python, from
 * Debian's ansible package) on the same text.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findModule } from '../../engine/modules/registry.js';
import { runModule, tempDir } from './context.js';

const mount = findModule('mount')!;
const standins = resolve(import.meta.dirname, '..', 'standins');
const MOUNT_SH = resolve(import.meta.dirname, '..', '..', 'engine', 'modules', 'sh', 'mount.sh');

/** A mountinfo of proc(5)'s format with the cases get_linux_mounts has rules for. */
const MOUNTINFO = [
  '22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw',
  '23 22 0:21 / /proc rw,nosuid,nodev,noexec - proc proc rw',
  '24 22 0:22 / /tmp rw,nosuid shared:5 - tmpfs tmpfs rw',
  // A bind mount of a directory of /tmp's filesystem: its source is /tmp/aaa.
  '25 24 0:22 /aaa /tmp/bbb rw shared:5 - tmpfs tmpfs rw',
  // A filesystem mounted from a subdirectory, and a bind mount below it: /tmp/aaa under /srv.
  '26 22 8:2 /rootfs /srv rw - ext4 /dev/sdb2 rw',
  '27 26 8:2 /rootfs/tmp/aaa /srv/ccc rw - ext4 /dev/sdb2 rw',
  // The kernel escapes a space as \040: the table keeps it so.
  '28 22 8:1 /home/user/my\\040dir /mnt/a\\040b rw,relatime shared:1 - ext4 /dev/sda1 rw',
  // Optional fields before the separator, and two mounts stacked on one point (the later wins).
  '29 22 8:3 / /mnt/disk rw master:3 propagate_from:2 - xfs /dev/sdc1 rw,noatime',
  '30 29 0:30 / /mnt/disk rw - tmpfs none rw',
  // Parent id 1, and a parent not in the table: the source field.
  '31 1 0:31 / /outside rw - nfs 192.168.1.100:/share rw,vers=3',
  '32 999 0:32 / /orphan rw - tmpfs tmpfs rw',
  // An id seen again replaces the first record, in its place (so /srv/ccc's parent is now /srv2).
  '26 22 8:2 /rootfs /srv2 rw - ext4 /dev/sdb2 rw',
].join('\n');

interface MountRecord {
  readonly dst: string;
  readonly src: string;
  readonly opts: string;
  readonly fs: string;
}

/** The Python ansible-playbook runs (its #! line), where Debian's ansible collections are. */
const ANSIBLE_PYTHON = readFileSync(spawnSync('sh', ['-c', 'command -v ansible-playbook'], { encoding: 'utf8' }).stdout.trim(), 'utf8').split('\n')[0]!.replace(/^#!\s*/, '');

/** The JSON that a Python expression over ansible.posix's mount module (`mount`) and sys.argv gives. */
function ansiblePosix(expression: string, args: readonly string[]): unknown {
  const code = `import json, sys\nfrom ansible_collections.ansible.posix.plugins.modules import mount\nprint(json.dumps(${expression}))`;
  const run = spawnSync(ANSIBLE_PYTHON, ['-c', code, ...args], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout);
}

/** ansible.posix's get_linux_mounts of a file, in its order. */
const ansibleMounts = (file: string) => ansiblePosix('list(mount.get_linux_mounts(None, sys.argv[1]).items())', [file]) as [string, MountRecord][];

/** ansible.posix's is_bind_mounted(dest[, src]) over the mounts of a file. */
const ansibleBound = (file: string, dest: string, src?: string) => ansiblePosix('mount.is_bind_mounted(None, mount.get_linux_mounts(None, sys.argv[1]), *sys.argv[2:])', [file, dest, ...(src === undefined ? [] : [src])]) as boolean;

/** cxplay's cx_mnt_table of a file, as a table keyed by mount point (later lines win). */
function cxplayMounts(file: string): [string, MountRecord][] {
  const run = spawnSync('sh', ['-c', '. "$1" && cx_mnt_table "$2"', 'sh', MOUNT_SH, file], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  const table = new Map<string, MountRecord>();
  for (const line of run.stdout.split('\n').filter(Boolean)) {
    const [dst, src, opts, fs] = line.split(' ') as [string, string, string, string];
    table.set(dst, { dst, src, opts, fs });
  }
  return [...table];
}

let dir: string;
let cleanup: () => void;
let state: string;
let mountinfo: string;
let environment: Record<string, string>;

beforeEach(() => {
  ({ path: dir, cleanup } = tempDir('cxplay-mount-'));
  state = join(dir, 'state');
  mkdirSync(state);
  mountinfo = join(dir, 'mountinfo');
  writeFileSync(mountinfo, `${MOUNTINFO}\n`);
  environment = { PATH: `${standins}:/usr/bin:/bin:/usr/sbin:/sbin`, CXPLAY_STANDIN_STATE: state, CXPLAY_STANDIN_MOUNTINFO: mountinfo, HOME: join(dir, 'home') };
});
afterEach(() => cleanup());

const calls = () => readFileSync(join(state, 'calls'), 'utf8');

describe('mount: the mountinfo as ansible.posix reads it', () => {
  it('gives every mount point the source get_linux_mounts gives (bind mounts, roots under a parent, escapes kept, the later of two mounts)', () => {
    const ours = cxplayMounts(mountinfo);
    expect(ours).toEqual(ansibleMounts(mountinfo));
    expect(Object.fromEntries(ours.map(([dst, record]) => [dst, record.src]))).toMatchObject({ '/tmp/bbb': '/tmp/aaa', '/srv/ccc': '/srv2/tmp/aaa', '/mnt/a\\040b': '/home/user/my\\040dir', '/outside': '192.168.1.100:/share', '/orphan': 'tmpfs' });
  });

  it('unmounted: a bind mount point of the mountinfo is unmounted; a path with a space is not found (the table keeps \\040), as in is_bind_mounted', async () => {
    for (const [path, mounted] of [['/tmp/bbb', true], ['/mnt/a b', false], ['/mnt/a\\040b', true], ['/tmp/none', false]] as const) {
      expect(ansibleBound(mountinfo, path)).toBe(mounted);
      const { result } = await runModule(mount, { args: { path, state: 'unmounted', fstab: join(dir, 'fstab') }, environment, check: true });
      expect(result, path).toMatchObject({ changed: mounted, name: path });
    }
  });

  it('mounted: a bind mount point counts as mounted only with the same source (otherwise mount runs again)', async () => {
    mkdirSync(join(dir, 'point'));
    writeFileSync(mountinfo, `22 1 8:1 / / rw - ext4 /dev/sda1 rw\n40 22 8:1 /data/a ${dir}/point rw - ext4 /dev/sda1 rw\n`);
    const fstab = join(dir, 'fstab');
    writeFileSync(fstab, `/data/a ${dir}/point none bind 0 0\n`);
    expect(ansibleBound(mountinfo, `${dir}/point`, '/data/a')).toBe(true);
    const same = await runModule(mount, { args: { path: `${dir}/point`, src: '/data/a', fstype: 'none', opts: 'bind', state: 'mounted', fstab }, environment });
    expect(same.result).toMatchObject({ changed: false });
    writeFileSync(fstab, `/data/b ${dir}/point none bind 0 0\n`);
    expect(ansibleBound(mountinfo, `${dir}/point`, '/data/b')).toBe(false);
    const other = await runModule(mount, { args: { path: `${dir}/point`, src: '/data/b', fstype: 'none', opts: 'bind', state: 'mounted', fstab }, environment });
    expect(other.result).toMatchObject({ changed: true });
    expect(calls()).toBe(`mount -T ${fstab} ${dir}/point\n`);
  });

  it('without a mountinfo: the warning, and mount -l decides (its source and type for mounted)', async () => {
    environment.CXPLAY_STANDIN_MOUNTINFO = join(dir, 'no-such-file');
    mkdirSync(join(dir, 'point'));
    writeFileSync(join(state, 'mounts'), `/dev/sdz ${dir}/point ext4 rw\n`);
    const unmounted = await runModule(mount, { args: { path: `${dir}/point`, state: 'unmounted', fstab: join(dir, 'fstab') }, environment, check: true });
    expect(unmounted.result).toMatchObject({ changed: true });
    expect(unmounted.warnings).toEqual(['Cannot open file /proc/self/mountinfo. Bind mounts might be misinterpreted.']);
    const present = { path: `${dir}/point`, state: 'mounted', fstab: join(dir, 'fstab') };
    expect((await runModule(mount, { args: { ...present, src: '/dev/sdz', fstype: 'ext4' }, environment, check: true })).result).toMatchObject({ changed: true });
    expect(calls()).toBe('mount -l\nmount -l\n');
  });

  it('ephemeral on a real mount point (/proc, os.path.ismount): the same source remounts, another fails, mount -v decides when the mountinfo does not', async () => {
    const ephemeral = { path: '/proc', src: 'proc', fstype: 'proc', state: 'ephemeral' };
    writeFileSync(mountinfo, '23 22 0:21 / /proc rw - proc proc rw\n');
    expect((await runModule(mount, { args: ephemeral, environment, check: true })).result).toMatchObject({ changed: true, name: '/proc', src: 'proc' });
    writeFileSync(mountinfo, '');
    const unlisted = await runModule(mount, { args: ephemeral, environment, check: true });
    expect(unlisted.result).toMatchObject({ failed: true, msg: `Unable to retrieve mount info with command '${standins}/mount -v'` });
    writeFileSync(join(state, 'mounts'), 'tmpfs /elsewhere tmpfs rw\n');
    const clash = await runModule(mount, { args: ephemeral, environment, check: true });
    expect(clash.result).toMatchObject({ failed: true, msg: expect.stringMatching(/^Ephemeral mount point is already mounted with a different source/) });
    expect(calls()).toBe('mount -v\nmount -v\n');
    writeFileSync(join(state, 'mounts'), 'proc /proc proc rw\n');
    expect((await runModule(mount, { args: ephemeral, environment, check: true })).result).toMatchObject({ changed: true });
  });

  it('path and src are expanded as Ansible\'s `path` type ($VAR, ~, ~user); fstab is taken as written', async () => {
    const fstab = join(dir, 'fstab');
    const { result } = await runModule(mount, { args: { path: '~/mnt/x', src: '${HOME}/src', fstype: 'none', opts: 'bind', state: 'present', fstab }, environment });
    expect(result).toMatchObject({ changed: true, name: `${dir}/home/mnt/x`, src: `${dir}/home/src`, fstab });
    expect(readFileSync(fstab, 'utf8')).toBe(`${dir}/home/src ${dir}/home/mnt/x none bind 0 0\n`);
    // getent of the machine (the stand-in's knows only its own accounts)
    const root = await runModule(mount, { args: { path: '~root/x', src: '~no-such-user/y', fstype: 'none', state: 'present', fstab }, environment: { ...environment, PATH: '/usr/bin:/bin' }, check: true });
    expect(root.result).toMatchObject({ name: '/root/x', src: '~no-such-user/y' });
  });
});
