/**
 * apt's `deb` given as a URL, side by side with ansible-playbook (local
 * connection, the stand-in package world of test/standins as in
 * test/compat/modules/apt_deb.yaml): Ansible 2.14's apt downloads it
 * (fetch_file: its User-Agent, into a temporary file removed at the end, in
 * check mode too) and installs it as a local .deb. A server on 127.0.0.1
 * serves .deb files dpkg-deb builds and logs each request: both engines must
 * make the same requests, register the same results (the temporary file's
 * path written <TMP>), leave the same stand-in database and end with the
 * same recap. ansible-playbook's side is recorded in
 * test/references/apt-deb-url-differential.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ansiblePlaybook, hasAnsible } from '../support/ansible.js';
import { ansibleReference } from '../support/ansible-reference.js';
import { cxplay, parseRecap, projectRoot } from '../support/cli.js';
import { scratch, type Scratch } from '../reliability/support.js';

const standins = resolve(projectRoot, 'test', 'standins');
let work: Scratch;
let server: Server;
let address = '';
let log: string[] = [];

beforeAll(async () => {
  work = scratch('apt-deb-url-differential');
  for (const [name, version] of [['cxlocal', '1.0-1'], ['cxlocal', '1.1-1']] as const) {
    const dir = work.path(`build/${name}-${version}`);
    work.write(`build/${name}-${version}/DEBIAN/control`, `Package: ${name}\nVersion: ${version}\nArchitecture: all\nMaintainer: cx <cx@example.invalid>\nDescription: a local test package\n`);
    mkdirSync(work.path('www'), { recursive: true });
    execFileSync('/usr/bin/dpkg-deb', ['--build', dir, work.path(`www/${name}_${version}_all.deb`)], { stdio: 'ignore' });
  }
  server = createServer((request, response) => {
    log.push(`${request.method} ${request.url} ${request.headers['user-agent']}`);
    const file = work.path(`www/${request.url!.slice(request.url!.lastIndexOf('/') + 1)}`);
    if (request.url!.startsWith('/hop/')) response.writeHead(302, { Location: `/debs/${request.url!.slice('/hop/'.length)}` }).end();
    else if (request.url!.startsWith('/debs/') && existsSync(file)) response.end(readFileSync(file));
    else response.writeHead(404).end('not here\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  address = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  const base = `http://${address}`;
  work.write('inventory.yaml', { all: { hosts: { localhost: { ansible_connection: 'local', ansible_python_interpreter: '/usr/bin/python3' } } } });
  work.write('deb-url.yaml', [
    {
      hosts: 'all',
      gather_facts: false,
      environment: { PATH: `${standins}:/usr/bin:/bin:/usr/sbin:/sbin`, CXPLAY_STANDIN_STATE: '{{ out }}/standin', APT_CONFIG: '{{ out }}/standin/apt.conf', TMPDIR: '{{ out }}/tmp' },
      tasks: [
        { command: `${standins}/standin-init {{ out }}/standin`, changed_when: false },
        { file: { path: '{{ out }}/tmp', state: 'directory' } },
        // Downloaded in check mode too; dpkg simulates.
        { apt: { deb: `${base}/debs/cxlocal_1.0-1_all.deb` }, check_mode: true, register: 'checked' },
        { apt: { deb: `${base}/debs/cxlocal_1.0-1_all.deb` }, register: 'installed' },
        { apt: { deb: `${base}/debs/cxlocal_1.0-1_all.deb` }, register: 'again' },
        // A redirect is followed; a newer version replaces the installed one.
        { apt: { deb: `${base}/hop/cxlocal_1.1-1_all.deb` }, register: 'redirected' },
        // An HTTP error leaves an empty download.
        { apt: { deb: `${base}/debs/missing_1.0_all.deb` }, register: 'missing', ignore_errors: true },
        { apt: { deb: `${base}/debs/cxlocal_1.0-1_all.deb`, state: 'absent' }, register: 'absent', ignore_errors: true },
        {
          shell: `dpkg-query -W -f='\${Package} \${Version} \${db:Status-Status}\\n' | grep '^cx' | sort; echo --; grep -E '^dpkg .*-i ' "$CXPLAY_STANDIN_STATE/calls"`,
          register: 'database',
          changed_when: false,
        },
        { copy: { content: '{{ {"checked": checked, "installed": installed, "again": again, "redirected": redirected, "missing": missing, "absent": absent, "database": database.stdout_lines} | to_json }}', dest: '{{ out }}/results.json' } },
      ],
    },
  ]);
});

afterAll(async () => {
  work?.remove();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
});

type Engine = 'ansible' | 'cxplay';

/** The downloaded file's path, which differs by nature (Ansible's: its module's temp directory and a random part after the name). */
function withoutTempPaths(text: string): string {
  return text.replace(/(?:\/[^\s"\\/]+)+\/(cx[a-z]+_[^_\s"\\/]+_all|missing_1\.0_all)[a-z0-9_]{0,8}\.deb/g, '<TMP>/$1.deb');
}

async function runEngine(engine: Engine): Promise<Record<string, unknown>> {
  const out = join(work.dir, `out-${engine}`);
  mkdirSync(out);
  const args = ['-i', 'inventory.yaml', 'deb-url.yaml', '-e', `out=${out}`];
  const result = engine === 'ansible' ? await ansiblePlaybook(args, { cwd: work.dir, work: work.dir, pipelining: false }) : await cxplay(['run', ...args], { cwd: work.dir });
  const requests = log;
  log = [];
  const results = JSON.parse(withoutTempPaths(readFileSync(join(out, 'results.json'), 'utf8'))) as unknown;
  const outcome = { recap: parseRecap(result.stdout), requests, results, leftInTmp: readdirSync(join(out, 'tmp')), output: result.stdout + result.stderr };
  return JSON.parse(JSON.stringify(outcome).split(address).join('127.0.0.1:<PORT>')) as Record<string, unknown>;
}

describe.skipIf(!hasAnsible)("apt's deb from a URL, as ansible-playbook installs it", () => {
  it('makes the same requests, registers the same results and leaves the same database', async () => {
    const inputs = [resolve(projectRoot, 'test', 'support', 'ansible.ts'), fileURLToPath(import.meta.url), standins];
    const ansible = await ansibleReference({ name: 'apt-deb-url-differential/deb-url', inputs, work: work.dir }, () => runEngine('ansible'));
    const ours = await runEngine('cxplay');
    expect(ours.requests, String(ours.output)).toEqual(ansible.requests);
    expect(ours.results).toEqual(ansible.results);
    expect(ours.recap).toEqual(ansible.recap);
    // Nothing of the download is left behind (cxplay's temporary directory is under TMPDIR).
    expect(ours.leftInTmp).toEqual([]);
    // What the comparison stands on, as Ansible 2.14 does it:
    expect(ansible.recap, String(ansible.output)).toEqual({ localhost: expect.objectContaining({ failed: 0, ignored: 2 }) });
    expect(ansible.requests).toContain('GET /debs/cxlocal_1.0-1_all.deb ansible-httpget');
    expect((ansible.results as { checked: { changed: boolean } }).checked.changed).toBe(true);
  }, 600_000);
});
