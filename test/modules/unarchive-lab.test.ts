/**
 * unarchive over real SSH (a lab host): a controller-side archive sent and
 * unpacked, a second run that changes nothing, check mode that changes
 * nothing, a vault-encrypted archive decrypted on the controller, and the
 * failures an operator meets (dest missing, a source not on the host). Every
 * documented argument against ansible-playbook: test/compat/modules/unarchive.yaml.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptPayload } from '../../engine/vault/aes256.js';
import { formatEnvelope } from '../../engine/vault/envelope.js';
import { Lab } from '../lab/lab.js';
import { labInventory, playOnNode1, scratch, type Scratch } from '../reliability/support.js';

let lab: Lab;
let work: Scratch;

beforeAll(async () => {
  lab = await Lab.start({ names: ['node1'] });
  work = scratch('unarchive');
  work.write('inventory.yaml', labInventory(lab));
  work.write('tree/app/config.ini', 'port = 8080\n');
  work.write('tree/app/bin/start.sh', '#!/bin/sh\necho start\n', 0o755);
  execFileSync('tar', ['czf', work.path('app.tgz'), '-C', work.path('tree'), 'app']);
  execFileSync('zip', ['-qr', work.path('app.zip'), 'app'], { cwd: work.path('tree') });
});

afterAll(async () => {
  await lab?.stop();
  work?.remove();
});

const play = (name: string, tasks: object[], extra: readonly string[] = []) => playOnNode1(work, name, tasks, extra);

async function sh(command: string): Promise<string> {
  return (await lab.exec('node1', command)).stdout;
}

const saveResult = (variable: string, dest: string) => ({ name: `save ${variable}`, copy: { content: `{{ ${variable} | to_json }}`, dest } });

describe('unarchive over SSH', () => {
  it('unpacks a controller-side .tgz into an existing directory; a second run changes nothing', async () => {
    await sh('mkdir -p /opt/ua/tgz');
    const task = { name: 'unpack', unarchive: { src: work.path('app.tgz'), dest: '/opt/ua/tgz', list_files: true }, register: 'r' };
    const first = await play('ua-tgz', [task, saveResult('r', '/opt/ua/tgz.json')]);
    expect(first.recap, first.output).toMatchObject({ changed: 2, failed: 0 });
    expect(await sh('cat /opt/ua/tgz/app/config.ini; stat -c %a /opt/ua/tgz/app/bin/start.sh')).toBe('port = 8080\n755\n');
    const result = JSON.parse(await sh('cat /opt/ua/tgz.json')) as Record<string, unknown>;
    expect(result).toMatchObject({ changed: true, handler: 'TgzArchive', dest: '/opt/ua/tgz', state: 'directory', extract_results: { rc: 0 } });
    expect([...(result.files as string[])].sort()).toEqual(['app/', 'app/bin/', 'app/bin/start.sh', 'app/config.ini']);
    // The copy sent to the host is gone once the task is over.
    expect(await sh(`test -e '${String(result.src)}' && echo left || echo gone`)).toBe('gone\n');

    const again = await play('ua-tgz-again', [task]);
    expect(again.recap, again.output).toMatchObject({ ok: 1, changed: 0, failed: 0 });
  });

  it('predicts a zip in check mode without unpacking, then unpacks it once', async () => {
    await sh('mkdir -p /opt/ua/zip');
    const task = { unarchive: { src: work.path('app.zip'), dest: '/opt/ua/zip', mode: 'u=rwX,go=rX' } };
    const checked = await play('ua-zip-check', [task], ['--check', '--diff']);
    expect(checked.recap, checked.output).toMatchObject({ changed: 1, failed: 0 });
    expect(checked.output).toContain('>f++++++.?? app/config.ini');
    expect(await sh('ls -A /opt/ua/zip')).toBe('');

    const first = await play('ua-zip', [task]);
    expect(first.recap, first.output).toMatchObject({ changed: 1, failed: 0 });
    expect(await sh('cat /opt/ua/zip/app/config.ini')).toBe('port = 8080\n');

    const again = await play('ua-zip-again', [task]);
    expect(again.recap, again.output).toMatchObject({ changed: 0, failed: 0 });
  });

  it('decrypts a vault-encrypted archive on the controller', async () => {
    await sh('mkdir -p /opt/ua/vault');
    const password = 'unarchive-lab-secret';
    work.write('vault-pass', `${password}\n`, 0o600);
    work.write('app.zip.vault', formatEnvelope(encryptPayload(execFileSync('cat', [work.path('app.zip')]), Buffer.from(password)), undefined));
    const run = await play('ua-vault', [{ unarchive: { src: work.path('app.zip.vault'), dest: '/opt/ua/vault' } }], ['--vault-password-file', work.path('vault-pass')]);
    expect(run.recap, run.output).toMatchObject({ changed: 1, failed: 0 });
    expect(await sh('cat /opt/ua/vault/app/config.ini')).toBe('port = 8080\n');
  });

  it('fails clearly when dest does not exist or the host has no such archive, creating nothing', async () => {
    const missingDest = await play('ua-no-dest', [{ unarchive: { src: work.path('app.tgz'), dest: '/opt/ua/missing' } }]);
    expect(missingDest.code).toBe(2);
    expect(missingDest.recap).toMatchObject({ failed: 1 });
    expect(missingDest.output).toContain("dest '/opt/ua/missing' must be an existing dir");
    expect(await sh('test -e /opt/ua/missing && echo made || echo none')).toBe('none\n');

    await sh('mkdir -p /opt/ua/remote');
    const missingSource = await play('ua-no-src', [{ unarchive: { src: '/opt/ua/nowhere.tgz', dest: '/opt/ua/remote', remote_src: true } }]);
    expect(missingSource.recap).toMatchObject({ failed: 1 });
    expect(missingSource.output).toContain("Source '/opt/ua/nowhere.tgz' does not exist");
    expect(await sh('ls -A /opt/ua/remote')).toBe('');
  });
});
