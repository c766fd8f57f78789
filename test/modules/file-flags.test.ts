/**
 * The file argument `attributes` (chattr flags), as Ansible 2.14's
 * set_attributes_if_different applies it: the sh functions run against
 * stand-in lsattr and chattr (so no flag of this machine changes and no
 * root is needed), and what the results make of their reports.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalConnection } from '../../engine/connection/local.js';
import { quote } from '../../engine/connection/quote.js';
import { chattrFlagNames } from '../../engine/modules/lib/chattr-flags.js';
import { ATTRIBUTE_CHANGE_REPORT, ATTRIBUTE_FUNCTIONS, ATTRIBUTE_REPORT, attributeChangeDiff, attributesFrom, attributesWanted, chattrFailureDetails } from '../../engine/modules/lib/file-attributes.js';
import { readReport, REPORT_FUNCTIONS } from '../../engine/modules/lib/report.js';

const work = mkdtempSync(join(tmpdir(), 'cxplay-file-flags-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const file = join(work, 'target');
writeFileSync(file, 'x\n');
const calls = join(work, 'chattr-calls');

/** A directory of stand-ins: lsattr lists LISTED (or fails without it), chattr records its arguments and prints CHATTR_SAYS. */
function standins(name: string, options: { chattr: boolean }): string {
  const dir = mkdtempSync(join(work, `${name}-`));
  const script = (command: string, body: string) => {
    writeFileSync(join(dir, command), `#!/bin/sh\n${body}\n`);
    chmodSync(join(dir, command), 0o755);
  };
  script('lsattr', '[ -n "$LISTED" ] || { echo "lsattr: Operation not supported While reading flags on $3" >&2; exit 1; }\nprintf \'%s %s\\n\' "$LISTED" "$3"');
  if (options.chattr) script('chattr', `printf '%s\\n' "$*" >> ${quote(calls)}\n[ -z "$CHATTR_SAYS" ] || { printf '%s\\n' "$CHATTR_SAYS" >&2; exit 1; }`);
  return dir;
}
const withChattr = standins('with', { chattr: true });
const withoutChattr = standins('without', { chattr: false });

const FIELDS = { ...ATTRIBUTE_CHANGE_REPORT, ...ATTRIBUTE_REPORT, changed: 'number' } as const;

/** cx_attributes on PATH with FLAGS wanted; the report and the chattr calls. */
async function flagsApplied(flags: string, env: { listed?: string; chattrSays?: string; path?: string; check?: boolean; chattr?: boolean }) {
  rmSync(calls, { force: true });
  const bin = env.chattr === false ? withoutChattr : withChattr;
  const script = [
    // Without chattr, only the stand-ins are on PATH (the real chattr is not found; nothing else is needed).
    `PATH=${quote(bin)}${env.chattr === false ? '' : ':$PATH'} LISTED=${quote(env.listed ?? '')} CHATTR_SAYS=${quote(env.chattrSays ?? '')}; export PATH LISTED CHATTR_SAYS`,
    REPORT_FUNCTIONS,
    ATTRIBUTE_FUNCTIONS,
    attributesWanted(attributesFrom({ attributes: flags }), env.check === true),
    `cx_attributes ${quote(env.path ?? file)}; cx_report changed "$cx_attributes_changed"`,
  ].join('\n');
  const result = await new LocalConnection().exec(script);
  let chattr: string[] = [];
  try {
    chattr = readFileSync(calls, 'utf8').trim().split('\n');
  } catch {
    // chattr never ran
  }
  return { report: readReport(result.stdout, FIELDS), chattr };
}

describe('attributes (chattr flags) on a path', () => {
  it('adds a flag with +, and changes again each time: Ansible compares the listed flags with the string after the operator', async () => {
    const { report, chattr } = await flagsApplied('+A', { listed: '-------A------e-------' });
    expect(report).toMatchObject({ changed: 1, attr_before: 'Ae', attr_after: '+A' });
    expect(chattr).toEqual([`+A ${file}`]);
    expect(attributeChangeDiff(file, report)).toEqual({ before: { path: file, attributes: 'Ae' }, after: { path: file, attributes: '+A' } });
  });

  it('leaves the flags alone when lsattr lists exactly those given', async () => {
    const { report, chattr } = await flagsApplied('Ae', { listed: '-------A------e-------' });
    expect(report.changed).toBe(0);
    expect(report.attr_after).toBeUndefined();
    expect(chattr).toEqual([]);
  });

  it('always removes with -, and passes a string without + or - after = (=A becomes ==A, as in Ansible)', async () => {
    expect((await flagsApplied('-A', { listed: '--------------e-------' })).chattr).toEqual([`-A ${file}`]);
    expect((await flagsApplied('=A', { listed: '--------------e-------' })).chattr).toEqual([`==A ${file}`]);
    expect((await flagsApplied('', { listed: '--------------e-------' })).chattr).toEqual([`= ${file}`]);
  });

  it('reports the flags before as unknown (null in the diff) when lsattr cannot read them', async () => {
    const { report } = await flagsApplied('+A', {});
    expect(report).toMatchObject({ changed: 1, attr_before_unknown: true, attr_after: '+A' });
    expect(attributeChangeDiff(file, report).before.attributes).toBeNull();
  });

  it('changes nothing, and says nothing, on a host without chattr (as Ansible)', async () => {
    const { report } = await flagsApplied('+A', { listed: '--------------e-------', chattr: false });
    expect(report.changed).toBe(0);
    expect(report.failed).toBe(false);
  });

  it('in check mode predicts the change without running chattr, and a path not there yet counts as changed', async () => {
    const existing = await flagsApplied('+A', { listed: '--------------e-------', check: true });
    expect(existing.report).toMatchObject({ changed: 1, attr_before: 'e', attr_after: '+A' });
    expect(existing.chattr).toEqual([]);
    const missing = await flagsApplied('+A', { listed: '--------------e-------', check: true, path: join(work, 'not-yet') });
    expect(missing.report.changed).toBe(1);
    expect(missing.report.attr_after).toBeUndefined();
  });

  it("fails as Ansible when chattr fails or prints anything: 'chattr failed', its output under details, the path and its attributes", async () => {
    const { report } = await flagsApplied('+i', { listed: '--------------e-------', chattrSays: `chattr: Operation not permitted while setting flags on ${file}` });
    expect(report).toMatchObject({ failed: true, msg: 'chattr failed' });
    expect(chattrFailureDetails(report)).toMatchObject({
      details: `Error while setting attributes: chattr: Operation not permitted while setting flags on ${file}\n`,
      path: file,
      state: 'file',
      size: 2,
    });
  });
});

describe('the arguments', () => {
  it('takes attributes (attr, its alias, is resolved with the arguments: validate-args.test.ts) and tells the script the parts of an SELinux context when one is given', () => {
    expect(attributesFrom({ attributes: '+A' }).flags).toBe('+A');
    expect(attributesWanted(attributesFrom({}), false)).toBe("cx_attributes_wanted '' '' '' false");
    expect(attributesWanted(attributesFrom({ attributes: '' }), false)).toBe("cx_attributes_wanted '' '' '' false ''");
    expect(attributesWanted(attributesFrom({ setype: 'etc_t' }), true)).toBe("cx_attributes_wanted '' '' '' true; cx_se_wanted '' '' +etc_t ''");
  });

  it("names the flags as Ansible's stat does, in lsattr's order, leaving out those it does not know", () => {
    expect(chattrFlagNames('dAeF')).toEqual(['nodump', 'noatime', 'extents']);
    expect(chattrFlagNames('')).toEqual([]);
  });
});
