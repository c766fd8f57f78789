/**
 * seuser, serole, setype and selevel of file, copy and template, as
 * ansible-core's module_utils/basic.py sets them (set_context_if_different,
 * `_default` from matchpathcon, the result's secontext, the diff's lists,
 * check mode, file's recurse over a tree). This machine has no SELinux: selinuxenabled, stat -c %C,
 * chcon and matchpathcon are the stand-ins of test/standins, which keep the
 * labels in the state directory and log every chcon. (Ansible 2.14 itself
 * cannot be run against them: it asks libselinux through ctypes.)
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findModule } from '../../engine/modules/registry.js';
import { runModule, tempDir } from './context.js';

const standins = resolve(import.meta.dirname, '..', 'standins');
const file = findModule('file')!;
const copy = findModule('copy')!;
const template = findModule('template')!;

let dir: string;
let cleanup: () => void;
let state: string;
let environment: Record<string, string>;

beforeEach(() => {
  ({ path: dir, cleanup } = tempDir('cxplay-selinux-'));
  state = join(dir, 'state');
  mkdirSync(join(state, 'selinux'), { recursive: true });
  writeFileSync(join(state, 'selinux', 'enabled'), '');
  environment = { PATH: `${standins}:/usr/bin:/bin:/usr/sbin:/sbin`, CXPLAY_STANDIN_STATE: state };
});
afterEach(() => cleanup());

const chcons = () => readFileSync(join(state, 'calls'), 'utf8');
/** The stand-in's context of a new file. */
const NEW = 'unconfined_u:object_r:user_tmp_t:s0';

describe('SELinux contexts where SELinux is enabled', () => {
  it('file: the given parts replace those of the current context, once; the result and the diff say so', async () => {
    const path = join(dir, 'f');
    const first = await runModule(file, { args: { path, state: 'touch', setype: 'etc_t' }, environment, diff: true });
    expect(first.result).toMatchObject({ changed: true, secontext: 'unconfined_u:object_r:etc_t:s0' });
    expect(first.result.diff).toMatchObject({ before: { secontext: ['unconfined_u', 'object_r', 'user_tmp_t', 's0'] }, after: { secontext: ['unconfined_u', 'object_r', 'etc_t', 's0'] } });
    const again = await runModule(file, { args: { path, state: 'file', setype: 'etc_t' }, environment });
    expect(again.result).toMatchObject({ changed: false, secontext: 'unconfined_u:object_r:etc_t:s0' });
    expect(chcons()).toBe(`chcon -h unconfined_u:object_r:etc_t:s0 ${path}\n`);
  });

  it('file in check mode: changed, nothing relabelled; a level with colons is one part', async () => {
    const path = join(dir, 'f');
    writeFileSync(path, '');
    const { result } = await runModule(file, { args: { path, state: 'file', seuser: 'system_u', selevel: 's0:c1,c2' }, environment, check: true });
    expect(result).toMatchObject({ changed: true, secontext: NEW });
    expect(() => chcons()).toThrow();
    await runModule(file, { args: { path, state: 'file', seuser: 'system_u', selevel: 's0:c1,c2' }, environment });
    expect(chcons()).toBe(`chcon -h system_u:object_r:user_tmp_t:s0:c1,c2 ${path}\n`);
  });

  it('copy: `_default` takes the policy\'s part for the path (matchpathcon); the new file is labelled after it is written', async () => {
    const dest = join(dir, 'copied');
    const { result } = await runModule(copy, { args: { dest, content: 'x\n', setype: '_default', serole: 'object_r' }, environment });
    expect(result).toMatchObject({ changed: true, secontext: 'unconfined_u:object_r:tmp_t:s0' });
    expect(chcons()).toBe(`chcon -h unconfined_u:object_r:tmp_t:s0 ${dest}\n`);
    expect((await runModule(copy, { args: { dest, content: 'x\n', setype: '_default' }, environment })).result).toMatchObject({ changed: false });
  });

  it('template: the same, and an invalid context fails as lsetfilecon does', async () => {
    writeFileSync(join(dir, 't.j2'), 'hello\n');
    const dest = join(dir, 'rendered');
    const { result } = await runModule(template, { args: { src: 't.j2', dest, seuser: 'system_u', setype: 'etc_t' }, environment, sourceDir: dir });
    expect(result).toMatchObject({ changed: true, secontext: 'system_u:object_r:etc_t:s0' });
    const invalid = await runModule(file, { args: { path: dest, setype: 'no-such-type' }, environment });
    expect(invalid.result).toMatchObject({ failed: true, msg: 'invalid selinux context: [Errno 22] Invalid argument' });
  });

  it('file with recurse: every path under the directory, links themselves, gets the parts too; check mode relabels nothing', async () => {
    const top = join(dir, 'tree');
    mkdirSync(join(top, 'sub'), { recursive: true });
    writeFileSync(join(top, 'sub', 'x'), '');
    writeFileSync(join(top, 'f'), '');
    symlinkSync('f', join(top, 'link'));
    const all = [top, join(top, 'f'), join(top, 'link'), join(top, 'sub'), join(top, 'sub', 'x')];
    const args = { path: top, state: 'directory', recurse: true, setype: 'etc_t' };
    expect((await runModule(file, { args, environment, check: true })).result).toMatchObject({ changed: true });
    expect(() => chcons()).toThrow();
    const { result } = await runModule(file, { args, environment, diff: true });
    expect(result).toMatchObject({ changed: true, secontext: 'unconfined_u:object_r:etc_t:s0' });
    // The diff is the task's path's, as Ansible's recursion passes no diff.
    expect(result.diff).toMatchObject({ before: { secontext: ['unconfined_u', 'object_r', 'user_tmp_t', 's0'] }, after: { secontext: ['unconfined_u', 'object_r', 'etc_t', 's0'] } });
    expect(chcons().trim().split('\n').sort()).toEqual(all.map((path) => `chcon -h unconfined_u:object_r:etc_t:s0 ${path}`).sort());
    expect((await runModule(file, { args, environment })).result).toMatchObject({ changed: false });
    // One path deep in the tree labelled otherwise: only it changes, and the diff says nothing of contexts.
    writeFileSync(join(state, 'selinux', 'contexts'), `system_u:object_r:tmp_t:s0 ${join(top, 'sub', 'x')}\n`, { flag: 'a' });
    const relabelled = await runModule(file, { args, environment, diff: true });
    expect(relabelled.result).toMatchObject({ changed: true });
    expect(relabelled.result.diff).not.toHaveProperty('before.secontext');
    expect(chcons().trim().split('\n')).toHaveLength(all.length + 1);
    expect(chcons()).toMatch(new RegExp(`chcon -h system_u:object_r:etc_t:s0 ${join(top, 'sub', 'x')}\n$`));
  });

  it('file with recurse and `_default`: every path takes the policy\'s part for the task\'s path, as Ansible works it out once', async () => {
    const home = join(dir, 'home', 'alice');
    mkdirSync(join(home, 'docs'), { recursive: true });
    const { result } = await runModule(file, { args: { path: home, state: 'directory', recurse: true, setype: '_default' }, environment });
    expect(result).toMatchObject({ changed: true, secontext: 'unconfined_u:object_r:user_home_dir_t:s0' });
    // matchpathcon gives docs tmp_t (the home directory's rule matches it alone); Ansible's recursion uses the home's.
    expect(chcons()).toBe(`chcon -h unconfined_u:object_r:user_home_dir_t:s0 ${home}\nchcon -h unconfined_u:object_r:user_home_dir_t:s0 ${join(home, 'docs')}\n`);
  });

  it('where SELinux is not enabled: no secontext, no chcon', async () => {
    environment.CXPLAY_STANDIN_STATE = join(dir, 'other-state');
    mkdirSync(environment.CXPLAY_STANDIN_STATE);
    const { result } = await runModule(file, { args: { path: join(dir, 'f'), state: 'touch', setype: 'etc_t' }, environment });
    expect(result).toMatchObject({ changed: true });
    expect(result).not.toHaveProperty('secontext');
    expect(() => readFileSync(join(environment.CXPLAY_STANDIN_STATE!, 'calls'), 'utf8')).toThrow();
  });
});
