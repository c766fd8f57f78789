/**
 * get_url's and uri's url_password on a lab host, through the CLI: the
 * server the test starts on 127.0.0.1 gets the credentials, and the
 * password shows nowhere: not in any process's command line on the host
 * while the tasks run (curl reads it on its stdin), not in cxplay's output
 * or JSON events, not even where a later task prints it (cxplay masks a
 * no_log argument's value wherever it would show: stricter than Ansible,
 * which masks it in the module's own result only).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from '../lab/lab.js';
import { watchCommandLines } from '../lab/command-lines.js';
import { cliPath, runCommand } from '../support/cli.js';
import { labInventory, scratch, type Scratch } from './support.js';

const PASSWORD = 'Url-pass word 9';
const BASIC = `Basic ${Buffer.from(`fetcher:${PASSWORD}`).toString('base64')}`;
let lab: Lab;
let work: Scratch;
let server: Server;
const authorizations: (string | undefined)[] = [];

beforeAll(async () => {
  // Slow answers keep curl running while the command lines are sampled.
  server = createServer((request, response) => {
    authorizations.push(request.headers.authorization);
    if (request.headers.authorization !== BASIC) response.writeHead(401, { 'WWW-Authenticate': 'Basic realm="lab"' }).end();
    else setTimeout(() => response.end('secret content\n'), 1500);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  lab = await Lab.start({ names: ['fetcher'] });
  work = scratch('url-password');
  work.write('inventory.yaml', labInventory(lab));
  work.write('fetch.yaml', [
    {
      hosts: 'all',
      gather_facts: false,
      vars: { pw: PASSWORD },
      tasks: [
        { name: 'Download', get_url: { url: `${base}/file`, dest: '/tmp/fetched', url_username: 'fetcher', url_password: '{{ pw }}' } },
        { name: 'Ask', uri: { url: `${base}/api`, user: 'fetcher', password: '{{ pw }}', force_basic_auth: true, return_content: true }, register: 'answer' },
        { name: 'Show', debug: { msg: 'got {{ answer.content }} with {{ pw }}' } },
      ],
    },
  ]);
});

afterAll(async () => {
  await lab?.stop();
  work?.remove();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
});

describe('url_password', () => {
  it('reaches the server and shows in no command line, output or event', async () => {
    const watch = watchCommandLines(lab, 'fetcher');
    const result = await runCommand(process.execPath, [cliPath, 'run', '-o', 'json', 'fetch.yaml', '-i', 'inventory.yaml'], { cwd: work.dir, input: '', env: { NO_COLOR: '1', SSH_AUTH_SOCK: '' } });
    const seen = await watch.stop();
    expect(result.code, result.stderr).toBe(0);
    expect(authorizations).toEqual([undefined, BASIC, BASIC]);
    expect(result.stdout).toContain('got secret content');
    expect(result.stdout).toContain('with ********');
    expect(result.stdout + result.stderr).not.toContain(PASSWORD);
    expect(seen.some((line) => line.startsWith('curl'))).toBe(true);
    expect(seen.filter((line) => line.includes(PASSWORD))).toEqual([]);
  });
});
