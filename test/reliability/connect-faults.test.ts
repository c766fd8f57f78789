/**
 * Hosts that cannot be reached from the start, each for its own reason: a
 * server that accepts and never speaks, a refused connection, a key the host
 * does not authorize, a host key nobody has seen (refused unless
 * --accept-new-host-keys), and a host key that changed (always refused,
 * nothing sent). Each is UNREACHABLE with a message that says why; the good
 * host finishes and the run exits 3.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from '../lab/lab.js';
import { parseRecap } from '../support/cli.js';
import { cxplayRun, labInventory, scratch, type Scratch } from './support.js';

let lab: Lab;
let work: Scratch;
let silent: Server;
const silentSockets: Socket[] = [];

function output(result: { stdout: string; stderr: string }): string {
  return result.stdout + result.stderr;
}

beforeAll(async () => {
  lab = await Lab.start({ names: ['good', 'wrongkey', 'unknownkey', 'changedkey'] });
  work = scratch('connect-faults');
  const silentAddress = `127.0.${lab.subnet}.200`;
  silent = createServer((socket) => silentSockets.push(socket));
  await new Promise<void>((resolve) => silent.listen(2222, silentAddress, resolve));

  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', work.path('stranger_key')]);
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', work.path('impostor_host_key')]);
  const labKnown = readFileSync(lab.knownHostsPath, 'utf8');
  const address = (name: string) => lab.hosts.find((host) => host.name === name)!.address;
  const impostor = readFileSync(work.path('impostor_host_key.pub'), 'utf8').split(' ').slice(0, 2).join(' ');
  work.write('known_changed', `${labKnown}${address('changedkey')} ${impostor}\n`.replace(new RegExp(`^${address('changedkey').replaceAll('.', '\\.')} .*\\n`, 'm'), ''), 0o600);
  work.write('known_empty', '', 0o600);

  const knownHosts = (file: string) => ({ ansible_ssh_common_args: `-o UserKnownHostsFile=${file} -o StrictHostKeyChecking=yes` });
  work.write(
    'inventory.yaml',
    labInventory(
      lab,
      {
        wrongkey: { ansible_ssh_private_key_file: work.path('stranger_key') },
        unknownkey: knownHosts(work.path('known_empty')),
        changedkey: knownHosts(work.path('known_changed')),
      },
      {
        silent: { ansible_host: silentAddress, ansible_port: 2222, ansible_user: 'root', ansible_ssh_private_key_file: lab.privateKeyPath },
        refused: { ansible_host: `127.0.${lab.subnet}.201`, ansible_port: 22, ansible_user: 'root', ansible_ssh_private_key_file: lab.privateKeyPath },
      },
    ),
  );
  work.write('playbook.yaml', [
    { name: 'Touch every host', hosts: 'all', gather_facts: false, tasks: [{ name: 'Touch', command: 'touch /tmp/touched' }] },
  ]);
});

afterAll(async () => {
  for (const socket of silentSockets) socket.destroy();
  silent?.close();
  await lab?.stop();
  work?.remove();
});

describe('hosts unreachable from the start', () => {
  it('each is UNREACHABLE with its reason, nothing runs on the refused ones, the good host finishes, exit 3', async () => {
    const result = await cxplayRun(['run', 'playbook.yaml', '-i', 'inventory.yaml', '-T', '2'], { cwd: work.dir });
    const text = output(result);
    expect(result.code).toBe(4);
    const recap = parseRecap(result.stdout);
    expect(recap.good).toMatchObject({ changed: 1, unreachable: 0 });
    for (const name of ['silent', 'refused', 'wrongkey', 'unknownkey', 'changedkey']) expect(recap[name], name).toMatchObject({ ok: 0, unreachable: 1 });

    expect(text).toMatch(/\[silent\].*(timed out)/);
    expect(text).toMatch(/\[refused\].*connection refused/);
    expect(text).toMatch(/\[wrongkey\].*authentication failed for root@.* with the key .*stranger_key/);
    expect(text).toMatch(/\[unknownkey\].*is not in .*known_empty.*--accept-new-host-keys/);
    expect(text).toMatch(/\[changedkey\].*has CHANGED.*Nothing was sent/);

    for (const name of ['wrongkey', 'unknownkey', 'changedkey']) expect((await lab.exec(name, 'test -e /tmp/touched')).code, name).not.toBe(0);
    expect((await lab.exec('good', 'test -e /tmp/touched')).code).toBe(0);
    expect(readFileSync(work.path('known_empty'), 'utf8')).toBe('');
  });

  it('--accept-new-host-keys accepts and remembers an unknown key, and still refuses a changed one', async () => {
    const result = await cxplayRun(['run', 'playbook.yaml', '-i', 'inventory.yaml', '-T', '2', '--limit', 'unknownkey:changedkey', '--accept-new-host-keys'], { cwd: work.dir });
    expect(result.code).toBe(4);
    const recap = parseRecap(result.stdout);
    expect(recap.unknownkey).toMatchObject({ changed: 1, unreachable: 0 });
    expect(recap.changedkey).toMatchObject({ ok: 0, unreachable: 1 });
    expect(output(result)).toMatch(/\[changedkey\].*has CHANGED/);
    expect((await lab.exec('changedkey', 'test -e /tmp/touched')).code).not.toBe(0);

    const address = lab.hosts.find((host) => host.name === 'unknownkey')!.address;
    const remembered = readFileSync(work.path('known_empty'), 'utf8');
    expect(remembered).toMatch(new RegExp(`^${address.replaceAll('.', '\\.')} ssh-ed25519 \\S+\\n$`));
    expect(readFileSync(lab.knownHostsPath, 'utf8')).toContain(remembered.trim());

    const again = await cxplayRun(['run', 'playbook.yaml', '-i', 'inventory.yaml', '--limit', 'unknownkey'], { cwd: work.dir });
    expect(again.code).toBe(0);
  });
});
