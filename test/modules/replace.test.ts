/**
 * replace: Python-style regexps and back-references, the after/before
 * section, one exec when nothing is to change and two when it is, check and
 * diff mode, and values that reach the file literally. (Every documented
 * argument against ansible-playbook: test/compat/modules/replace.yaml.)
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findModule } from '../../engine/modules/registry.js';
import { runModule, tempDir } from './context.js';

const replace = findModule('ansible.builtin.replace')!;
let d: string;
let cleanup: () => void;
beforeEach(() => ({ path: d, cleanup } = tempDir()));
afterEach(() => cleanup());

describe('replace', () => {
  it('replaces every match with back-references in two execs, then changes nothing in one', async () => {
    writeFileSync(`${d}/hosts`, '10.0.0.1 old.host.name old\n10.0.0.2 old.host.name\n');
    const args = { path: `${d}/hosts`, regexp: '(\\s+)old\\.host\\.name(\\s+.*)?$', replace: '\\1new.host.name\\2' };
    const first = await runModule(replace, { args });
    expect(first.result).toEqual({ changed: true, msg: '2 replacements made', rc: 0 });
    expect(first.execs).toBe(2);
    expect(readFileSync(`${d}/hosts`, 'utf8')).toBe('10.0.0.1 new.host.name old\n10.0.0.2 new.host.name\n');
    const second = await runModule(replace, { args });
    expect(second.result).toEqual({ changed: false, msg: '', rc: 0 });
    expect(second.execs).toBe(1);
  });

  it('replaces only between after and before (DOTALL), with named groups', async () => {
    writeFileSync(`${d}/site.conf`, 'keep\n<VirtualHost *>\nServerName a\n</VirtualHost>\nkeep\n');
    const args = { path: `${d}/site.conf`, after: '<VirtualHost [*]>', before: '</VirtualHost>', regexp: '^(?P<line>.+)$', replace: '# \\g<line>' };
    expect((await runModule(replace, { args })).result).toMatchObject({ changed: true, msg: '1 replacements made' });
    expect(readFileSync(`${d}/site.conf`, 'utf8')).toBe('keep\n<VirtualHost *>\n# ServerName a\n</VirtualHost>\nkeep\n');
    const missing = await runModule(replace, { args: { ...args, after: 'nowhere' } });
    expect(missing.result).toEqual({ changed: false, rc: 0, msg: 'Pattern for before/after params did not match the given file: nowhere(?P<subsection>.*?)</VirtualHost>' });
  });

  it('predicts in check mode with a diff, writing nothing, and says when the attributes would change too', async () => {
    writeFileSync(`${d}/f`, 'a=1\n', { mode: 0o644 });
    const { result } = await runModule(replace, { args: { path: `${d}/f`, regexp: '1', replace: '2', mode: '0600' }, check: true, diff: true });
    expect(result).toEqual({ changed: true, rc: 0, msg: '1 replacements made and ownership, perms or SE linux context changed', diff: { before_header: `${d}/f`, before: 'a=1\n', after_header: `${d}/f`, after: 'a=2\n' } });
    expect(readFileSync(`${d}/f`, 'utf8')).toBe('a=1\n');
    expect(statSync(`${d}/f`).mode & 0o777).toBe(0o644);
  });

  it('writes quotes, $(...) and $1 in the replacement literally', async () => {
    writeFileSync(`${d}/f`, 'value\n');
    await runModule(replace, { args: { path: `${d}/f`, regexp: 'value', replace: `it's $(touch ${d}/x) $1 \`y\`` } });
    expect(readFileSync(`${d}/f`, 'utf8')).toBe(`it's $(touch ${d}/x) $1 \`y\`\n`);
  });

  it('fails as Ansible does on a missing file and refuses encodings other than UTF-8', async () => {
    expect((await runModule(replace, { args: { path: `${d}/none`, regexp: 'x' } })).result).toEqual({ changed: false, failed: true, rc: 257, msg: `Path ${d}/none does not exist !` });
    writeFileSync(`${d}/f`, 'x\n');
    expect((await runModule(replace, { args: { path: `${d}/f`, regexp: 'x', encoding: 'latin-1' } })).result).toMatchObject({ failed: true, msg: expect.stringContaining('UTF-8 files only') });
  });
});
