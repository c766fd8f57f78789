/** wait_for on paths, patterns and TCP ports (servers the test starts on 127.0.0.1), with Ansible's messages. */
import { mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findModule } from '../../engine/modules/registry.js';
import { runModule, tempDir } from './context.js';

const waitFor = findModule('wait_for')!;
let d: string;
let cleanup: () => void;
beforeEach(() => ({ path: d, cleanup } = tempDir()));
afterEach(() => cleanup());

async function listen(): Promise<{ server: Server; port: number }> {
  const server = createServer((socket) => socket.end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as { port: number }).port };
}
const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

describe('wait_for on paths', () => {
  it('returns once the file exists, in one exec', async () => {
    writeFileSync(join(d, 'ready'), '');
    const { result, execs } = await runModule(waitFor, { args: { path: join(d, 'ready'), timeout: 5 } });
    expect(result).toMatchObject({ changed: false, state: 'file', path: join(d, 'ready'), port: null, match_groups: [], match_groupdict: {}, owner: 'root', size: 0 });
    expect(result.failed).toBeUndefined();
    expect(typeof result.elapsed).toBe('number');
    expect(execs).toBe(1);
  });

  it('waits for a file that appears later', async () => {
    setTimeout(() => writeFileSync(join(d, 'later'), ''), 300);
    expect((await runModule(waitFor, { args: { path: join(d, 'later'), timeout: 20 } })).result).toMatchObject({ changed: false, state: 'file' });
  });

  it('waits for a file to go away', async () => {
    writeFileSync(join(d, 'lock'), '');
    setTimeout(() => rmSync(join(d, 'lock')), 300);
    expect((await runModule(waitFor, { args: { path: join(d, 'lock'), state: 'absent', timeout: 20 } })).result).toMatchObject({ changed: false, state: 'absent' });
  });

  it('finds a pattern in a file and returns its groups, Python style', async () => {
    writeFileSync(join(d, 'log'), 'starting\nlistening on port 6443 (tls)\n');
    const { result } = await runModule(waitFor, { args: { path: join(d, 'log'), search_regex: 'port (?P<port>\\d+) \\((\\w+)\\)', timeout: 5 } });
    expect(result).toMatchObject({ match_groups: ['6443', 'tls'], match_groupdict: { port: '6443' }, search_regex: 'port (?P<port>\\d+) \\((\\w+)\\)' });
  });

  it('times out with Ansible\'s message, or the one given', async () => {
    expect((await runModule(waitFor, { args: { path: join(d, 'never'), timeout: 1 } })).result).toMatchObject({ failed: true, changed: false, msg: `Timeout when waiting for file ${d}/never` });
    writeFileSync(join(d, 'log'), 'nothing here\n');
    expect((await runModule(waitFor, { args: { path: join(d, 'log'), search_regex: 'ready', timeout: 1 } })).result).toMatchObject({ failed: true, msg: `Timeout when waiting for search string ready in ${d}/log` });
    writeFileSync(join(d, 'stays'), '');
    expect((await runModule(waitFor, { args: { path: join(d, 'stays'), state: 'absent', timeout: 1, msg: 'still locked' } })).result).toMatchObject({ failed: true, msg: 'still locked' });
  });

  it('takes paths with shell specials literally', async () => {
    const path = join(d, "it's $(touch pwned) `x`");
    writeFileSync(path, '');
    expect((await runModule(waitFor, { args: { path, timeout: 5 } })).result.failed).toBeUndefined();
    expect(readdirSync(d)).toEqual([`it's $(touch pwned) \`x\``]);
  });
});

describe('wait_for on ports', () => {
  it('sees an open port, and waits for it to close', async () => {
    const { server, port } = await listen();
    expect((await runModule(waitFor, { args: { port, timeout: 5 } })).result).toMatchObject({ changed: false, port, state: 'started' });
    setTimeout(() => void close(server), 300);
    expect((await runModule(waitFor, { args: { port, state: 'stopped', timeout: 20 } })).result).toMatchObject({ changed: false, state: 'stopped' });
    expect((await runModule(waitFor, { args: { port, timeout: 1 } })).result).toMatchObject({ failed: true, msg: `Timeout when waiting for 127.0.0.1:${port}` });
  });

  it('says when the port does not close', async () => {
    const { server, port } = await listen();
    try {
      expect((await runModule(waitFor, { args: { port, state: 'stopped', timeout: 1 } })).result).toMatchObject({ failed: true, msg: `Timeout when waiting for 127.0.0.1:${port} to stop.` });
    } finally {
      await close(server);
    }
  });

  it('uses nc when the host has no bash, and says so when it has neither', async () => {
    const bin = join(d, 'bin');
    mkdirSync(bin);
    for (const tool of ['sh', 'date', 'sleep', 'timeout', 'printf', 'base64', 'tr']) symlinkSync(`/usr/bin/${tool}`, join(bin, tool));
    const { server, port } = await listen();
    try {
      const withoutTools = await runModule(waitFor, { args: { port, timeout: 5 }, environment: { PATH: bin } });
      expect(withoutTools.result).toMatchObject({ failed: true, msg: 'wait_for needs bash or nc on the host to probe ports' });
      writeFileSync(join(bin, 'nc'), '#!/bin/sh\n# a stand-in nc: -z -w T HOST PORT, probed with bash so the test needs no netcat\nexec /usr/bin/bash -c \'exec 3<>"/dev/tcp/$0/$1"\' "$4" "$5"\n', { mode: 0o755 });
      expect((await runModule(waitFor, { args: { port, timeout: 5 }, environment: { PATH: bin } })).result).toMatchObject({ changed: false, port });
    } finally {
      await close(server);
    }
  });
});

describe('wait_for state=drained', () => {
  it('waits while a connection to the port is open, and returns once it is closed', async () => {
    // A server that holds its side open (listen()'s closes first, leaving its own TIME_WAIT on the port).
    const held: Socket[] = [];
    const server = createServer((socket) => held.push(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const client = createConnection(port, '127.0.0.1');
    await once(client, 'connect');
    try {
      expect((await runModule(waitFor, { args: { port, state: 'drained', timeout: 1 } })).result).toMatchObject({ failed: true, msg: `Timeout when waiting for 127.0.0.1:${port} to drain` });
      // The client closes first: its TIME_WAIT is on its own port, not the listener's.
      setTimeout(() => client.end(), 300);
      const { result, execs } = await runModule(waitFor, { args: { port, state: 'drained', timeout: 20 } });
      expect(result).toMatchObject({ changed: false, state: 'drained', port, path: null });
      expect(result.failed).toBeUndefined();
      expect(execs).toBe(1);
    } finally {
      client.destroy();
      for (const socket of held) socket.destroy();
      await close(server);
    }
  });

  it('takes host names and addresses literally in the script', async () => {
    const name = `x'$(touch ${d}/pwned)`;
    const { result } = await runModule(waitFor, { args: { port: 1, state: 'drained', timeout: 1, exclude_hosts: [name] } });
    expect(result).toMatchObject({ failed: true, msg: `${name}: Name or service not known` });
    expect(readdirSync(d)).toEqual([]);
  });

  it('puts a pattern for a port into the script quoted', async () => {
    const pattern = `x'$(touch ${d}/pwned)`;
    const { result } = await runModule(waitFor, { args: { port: 1, search_regex: pattern, timeout: 1, connect_timeout: 1 } });
    expect(result).toMatchObject({ failed: true, msg: `Timeout when waiting for search string ${pattern} in 127.0.0.1:1` });
    expect(readdirSync(d)).toEqual([]);
  });
});

describe('wait_for arguments', () => {
  it.each([
    [{ port: 1, path: '/x' }, 'port and path parameter can not both be passed to wait_for'],
    [{ path: '/x', state: 'stopped' }, 'state=stopped should only be used for checking a port in the wait_for module'],
    [{ path: '/x', search_regex: '(' }, /^Invalid regular expression/],
    [{ port: 1, exclude_hosts: ['a'] }, 'exclude_hosts should only be with state=drained'],
    [{ port: 1, state: 'drained', active_connection_states: ['LISTEN'] }, 'unknown active_connection_state (LISTEN) defined'],
    [{ state: 'drained' }, 'wait_for: state=drained needs the port whose connections to wait for'],
  ] as const)('%j is refused', async (args, msg) => {
    const { result, execs } = await runModule(waitFor, { args: { ...args } });
    expect(result).toMatchObject({ failed: true, elapsed: 0 });
    expect(String(result.msg)).toMatch(msg);
    expect(execs).toBe(0);
  });
});
