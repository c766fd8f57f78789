/**
 * The file modules over real SSH (a lab host): blockinfile, find, assemble,
 * unarchive, copy of directories and file's times, each run by cxplay on a
 * playbook, the host's files read back, a second run changing nothing, and
 * check mode changing nothing. (Every documented argument against
 * ansible-playbook: test/compat/modules/<module>.yaml.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from '../lab/lab.js';
import { labInventory, playOnNode1, scratch, type Scratch } from '../reliability/support.js';

let lab: Lab;
let work: Scratch;

beforeAll(async () => {
  lab = await Lab.start({ names: ['node1'] });
  work = scratch('file-modules');
  work.write('inventory.yaml', labInventory(lab));
});

afterAll(async () => {
  await lab?.stop();
  work?.remove();
});

const play = (name: string, tasks: object[], extra: readonly string[] = []) => playOnNode1(work, name, tasks, extra);

async function sh(command: string): Promise<string> {
  return (await lab.exec('node1', command)).stdout;
}

/** A registered result, written by the playbook to a file on the host. */
async function registered(path: string): Promise<Record<string, unknown>> {
  return JSON.parse(await sh(`cat '${path}'`)) as Record<string, unknown>;
}

const saveResult = (variable: string, dest: string) => ({ name: `save ${variable}`, copy: { content: `{{ ${variable} | to_json }}`, dest } });

describe('blockinfile over SSH', () => {
  it('inserts a block after a line, updates it in place, removes it; check mode and a second run change nothing', async () => {
    await sh("mkdir -p /opt/bif && printf 'Port 22\\nMatch all\\n' > /opt/bif/sshd_config && chmod 644 /opt/bif/sshd_config");
    const insert = [
      { name: 'block', blockinfile: { path: '/opt/bif/sshd_config', insertafter: '^Port', block: "PermitRootLogin no\nX11Forwarding no\n", mode: '0600' }, register: 'r' },
      saveResult('r', '/opt/bif/result.json'),
    ];
    const checked = await play('bif-check', insert.slice(0, 1), ['--check']);
    expect(checked.recap).toMatchObject({ changed: 1, failed: 0 });
    expect(await sh('cat /opt/bif/sshd_config')).toBe('Port 22\nMatch all\n');

    const first = await play('bif', insert);
    expect(first.recap, first.output).toMatchObject({ changed: 2, failed: 0 });
    expect(await sh('cat /opt/bif/sshd_config')).toBe('Port 22\n# BEGIN ANSIBLE MANAGED BLOCK\nPermitRootLogin no\nX11Forwarding no\n# END ANSIBLE MANAGED BLOCK\nMatch all\n');
    expect(await sh('stat -c %a /opt/bif/sshd_config')).toBe('600\n');
    expect(await registered('/opt/bif/result.json')).toMatchObject({ changed: true, msg: 'Block inserted and ownership, perms or SE linux context changed' });

    const again = await play('bif', insert.slice(0, 1));
    expect(again.recap).toMatchObject({ changed: 0, failed: 0 });

    const update = await play('bif-update', [{ blockinfile: { path: '/opt/bif/sshd_config', block: 'PermitRootLogin yes' } }]);
    expect(update.recap).toMatchObject({ changed: 1 });
    expect(await sh('cat /opt/bif/sshd_config')).toBe('Port 22\n# BEGIN ANSIBLE MANAGED BLOCK\nPermitRootLogin yes\n# END ANSIBLE MANAGED BLOCK\nMatch all\n');

    const removed = await play('bif-remove', [{ blockinfile: { path: '/opt/bif/sshd_config', state: 'absent' } }]);
    expect(removed.recap).toMatchObject({ changed: 1 });
    expect(await sh('cat /opt/bif/sshd_config')).toBe('Port 22\nMatch all\n');
  });

  it('writes a block with quotes and $(...) literally, creating the file', async () => {
    const block = "echo '$(touch /opt/bif/pwned)' \"$HOME\" `id`";
    const run = await play('bif-literal', [{ blockinfile: { path: '/opt/bif/new/literal.sh', block, create: true, marker: '# {mark} literal' } }]);
    expect(run.recap, run.output).toMatchObject({ changed: 1, failed: 0 });
    expect(await sh('cat /opt/bif/new/literal.sh')).toBe(`# BEGIN literal\n${block}\n# END literal\n`);
    expect(await sh('ls /opt/bif')).not.toContain('pwned');
  });
});

describe('find over SSH', () => {
  it('picks files by glob, size, content and depth in os.walk order, with checksums, changing nothing', async () => {
    await sh("mkdir -p /opt/find/a/b/c && cd /opt/find && printf 'needle\\n' > one.log && printf 'hay\\n' > two.log && printf 'needle\\n' > a/three.log && printf 'x' > a/b/four.log && printf 'needle\\n' > a/b/c/five.log && printf 'hidden\\n' > .dot.log && touch -d '10 days ago' two.log");
    const tasks = [
      { name: 'glob', find: { paths: '/opt/find', patterns: '*.log', recurse: true, depth: 2 }, register: 'globbed' },
      saveResult('globbed', '/opt/find-globbed.json'),
      { name: 'contains', find: { paths: '/opt/find', contains: 'needle', recurse: true, get_checksum: true }, register: 'found' },
      saveResult('found', '/opt/find-contains.json'),
      { name: 'age', find: { paths: '/opt/find', age: '5d', hidden: true }, register: 'old' },
      saveResult('old', '/opt/find-age.json'),
    ];
    const run = await play('find', tasks);
    expect(run.recap, run.output).toMatchObject({ changed: 3, failed: 0 });
    const paths = (result: Record<string, unknown>) => (result.files as Array<{ path: string }>).map((file) => file.path);
    const globbed = await registered('/opt/find-globbed.json');
    expect(paths(globbed).sort()).toEqual(['/opt/find/a/three.log', '/opt/find/one.log', '/opt/find/two.log']);
    expect(globbed).toMatchObject({ changed: false, matched: 3, msg: 'All paths examined', skipped_paths: {} });
    const found = await registered('/opt/find-contains.json');
    expect(paths(found).sort()).toEqual(['/opt/find/a/b/c/five.log', '/opt/find/a/three.log', '/opt/find/one.log']);
    const sha1 = (await sh("printf 'needle\\n' | sha1sum")).split(' ')[0];
    expect((found.files as Array<Record<string, unknown>>).every((file) => file.checksum === sha1 && file.isreg === true && file.mode === '0644' && file.pw_name === 'root')).toBe(true);
    expect(paths(await registered('/opt/find-age.json'))).toEqual(['/opt/find/two.log']);
  });

  it('reports a path that is not a directory as skipped, with a warning', async () => {
    const run = await play('find-skip', [{ find: { paths: '/opt/none' }, register: 'r' }, saveResult('r', '/opt/find-skip.json')]);
    // Wrapped at 79 columns, as Ansible's display wraps a warning.
    expect(run.output).toContain("[WARNING]: Skipped '/opt/none' path due to this access issue: '/opt/none' is\nnot a directory");
    expect(await registered('/opt/find-skip.json')).toMatchObject({ matched: 0, files: [], msg: 'Not all paths examined, check warnings for details', skipped_paths: { '/opt/none': "'/opt/none' is not a directory" } });
  });
});

describe('assemble over SSH', () => {
  it("joins the host's fragments in name order with a delimiter, validated, then changes nothing; check mode skips it", async () => {
    await sh("mkdir -p /opt/asm/frags && cd /opt/asm/frags && printf 'b\\n' > 20-b && printf 'a' > 10-a && printf 'hidden\\n' > .30-hidden");
    const task = { name: 'assemble', assemble: { src: '/opt/asm/frags', dest: '/opt/asm/out.conf', delimiter: '# --', ignore_hidden: true, validate: 'grep -q b %s', mode: '0640' }, register: 'r' };
    const checked = await play('asm-check', [task], ['--check']);
    expect(checked.recap).toMatchObject({ changed: 0, skipped: 1 });
    expect(await sh('ls /opt/asm')).toBe('frags\n');
    const first = await play('asm', [task, saveResult('r', '/opt/asm/result.json')]);
    expect(first.recap, first.output).toMatchObject({ changed: 2, failed: 0 });
    expect(await sh('cat /opt/asm/out.conf')).toBe('a\n# --\nb\n');
    expect(await sh('stat -c %a /opt/asm/out.conf')).toBe('640\n');
    expect(await registered('/opt/asm/result.json')).toMatchObject({ changed: true, msg: 'OK', src: '/opt/asm/frags', dest: '/opt/asm/out.conf', mode: '0640', validation: { rc: 0, stdout: '', stderr: '' } });
    const again = await play('asm', [task]);
    expect(again.recap).toMatchObject({ changed: 0, failed: 0 });
  });

  it("joins the controller's fragments with remote_src false", async () => {
    work.write('frags/one', 'one\n');
    work.write('frags/two', 'two');
    const run = await play('asm-local', [{ assemble: { src: work.path('frags'), dest: '/opt/asm/local.conf', remote_src: false } }]);
    expect(run.recap, run.output).toMatchObject({ changed: 1, failed: 0 });
    expect(await sh('cat /opt/asm/local.conf')).toBe('one\ntwo');
  });
});

describe('file times over SSH', () => {
  it('sets modification and access times from formatted local times, then changes nothing; touch with preserve is idempotent', async () => {
    await sh("mkdir -p /opt/times && printf 'x\\n' > /opt/times/f && touch -d '2020-01-01 00:00:00' /opt/times/f");
    const timed = { file: { path: '/opt/times/f', modification_time: '2021-03-04 05:06:07', modification_time_format: '%Y-%m-%d %H:%M:%S', access_time: '202102030405.06' } };
    const checked = await play('times-check', [timed], ['--check']);
    expect(checked.recap).toMatchObject({ changed: 1 });
    const before = await sh("stat -c '%Y %X' /opt/times/f");
    expect(before).toBe(`${(await sh("date -d '2020-01-01 00:00:00' +%s")).trim()} ${(await sh("date -d '2020-01-01 00:00:00' +%s")).trim()}\n`);
    const first = await play('times', [timed]);
    expect(first.recap, first.output).toMatchObject({ changed: 1, failed: 0 });
    const mtime = (await sh("date -d '2021-03-04 05:06:07' +%s")).trim();
    const atime = (await sh("date -d '2021-02-03 04:05:06' +%s")).trim();
    expect(await sh("stat -c '%Y %X' /opt/times/f")).toBe(`${mtime} ${atime}\n`);
    expect((await play('times', [timed])).recap).toMatchObject({ changed: 0 });
    const preserve = { file: { path: '/opt/times/f', state: 'touch', modification_time: 'preserve', access_time: 'preserve' } };
    expect((await play('touch-preserve', [preserve])).recap).toMatchObject({ changed: 0 });
    expect((await play('touch', [{ file: { path: '/opt/times/f', state: 'touch' } }])).recap).toMatchObject({ changed: 1 });
    expect(await sh("stat -c '%Y' /opt/times/f")).not.toBe(`${mtime}\n`);
  });
});
