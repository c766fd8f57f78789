/**
 * A Kerberos realm on 127.0.0.1 for the use_gssapi tests: an MIT KDC
 * (krb5kdc, its database in the test's directory), a user principal with a
 * password and a ticket cache holding its ticket, and an HTTP server that asks
 * for SPNEGO (test/support/negotiate-server.py) with the keytab of its
 * HTTP/127.0.0.1 service principal. Everything lives in `dir`; the two
 * processes are ended by their pids.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { once } from 'node:events';
import { projectRoot } from './cli.js';

export const KERBEROS_REALM = 'CX.TEST';
export const KERBEROS_USER = 'fetcher';
export const KERBEROS_PASSWORD = 'pw of fetcher';

export interface KerberosLab {
  /** The client's configuration (krb5.conf): the realm and its KDC. */
  readonly config: string;
  /** A ticket cache holding the user's ticket, for KRB5CCNAME (FILE:...). */
  readonly ticketCache: string;
  /** http://127.0.0.1:PORT of the server that asks for SPNEGO. */
  readonly base: string;
  /** The requests the server saw since the last call (path, who, User-Agent), and forgets them. */
  takeRequests(): string[];
  stop(): void;
}

/** A free TCP port on 127.0.0.1 for the KDC (which takes its port from its configuration). */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  return port;
}

async function waitForListener(port: number): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const connected = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port }, () => resolve(true)).on('error', () => resolve(false));
      socket.on('connect', () => socket.end());
    });
    if (connected) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the KDC did not listen on 127.0.0.1:${port}`);
}

function writeConfigs(dir: string, port: number): NodeJS.ProcessEnv {
  const config = join(dir, 'krb5.conf');
  writeFileSync(
    config,
    `[libdefaults]\n  default_realm = ${KERBEROS_REALM}\n  dns_canonicalize_hostname = false\n  rdns = false\n  dns_lookup_kdc = false\n  dns_lookup_realm = false\n` +
      `[realms]\n  ${KERBEROS_REALM} = {\n    kdc = 127.0.0.1:${port}\n  }\n`,
  );
  const profile = join(dir, 'kdc.conf');
  writeFileSync(
    profile,
    `[kdcdefaults]\n  kdc_listen = 127.0.0.1:${port}\n  kdc_tcp_listen = 127.0.0.1:${port}\n` +
      `[realms]\n  ${KERBEROS_REALM} = {\n    database_name = ${join(dir, 'principal')}\n    key_stash_file = ${join(dir, 'stash')}\n    acl_file = ${join(dir, 'kadm5.acl')}\n  }\n` +
      `[logging]\n  kdc = FILE:${join(dir, 'kdc.log')}\n`,
  );
  return { ...process.env, KRB5_CONFIG: config, KRB5_KDC_PROFILE: profile };
}

/** The realm's database: the user with its password and the web server's service key in a keytab (kadmin.local reads its commands on stdin). */
function createRealm(dir: string, env: NodeJS.ProcessEnv): string {
  execFileSync('kdb5_util', ['create', '-s', '-r', KERBEROS_REALM, '-P', randomBytes(12).toString('hex')], { env, stdio: 'ignore' });
  const keytab = join(dir, 'http.keytab');
  const commands = [`addprinc -pw "${KERBEROS_PASSWORD}" ${KERBEROS_USER}`, 'addprinc -randkey HTTP/127.0.0.1', `ktadd -k ${keytab} HTTP/127.0.0.1`, ''].join('\n');
  execFileSync('kadmin.local', ['-r', KERBEROS_REALM], { env, input: commands, stdio: ['pipe', 'ignore', 'ignore'] });
  return keytab;
}

export async function startKerberosLab(dir: string): Promise<KerberosLab> {
  const port = await freePort();
  const env = writeConfigs(dir, port);
  const keytab = createRealm(dir, env);
  const processes: ChildProcess[] = [];
  const stop = () => {
    for (const child of processes) if (child.exitCode === null && child.pid !== undefined) process.kill(child.pid, 'SIGTERM');
  };
  try {
    processes.push(spawn('krb5kdc', ['-n', '-P', join(dir, 'kdc.pid')], { env, stdio: 'ignore' }));
    await waitForListener(port);
    const ticketCache = join(dir, 'ticket.cache');
    execFileSync('kinit', [KERBEROS_USER], { env: { ...env, KRB5CCNAME: `FILE:${ticketCache}` }, input: `${KERBEROS_PASSWORD}\n`, stdio: ['pipe', 'ignore', 'pipe'] });
    const log = join(dir, 'requests.log');
    writeFileSync(log, '');
    const server = spawn('/usr/bin/python3', [join(projectRoot, 'test', 'support', 'negotiate-server.py'), log], { env: { ...env, KRB5_KTNAME: keytab }, stdio: ['ignore', 'pipe', 'inherit'] });
    processes.push(server);
    const [first] = (await once(server.stdout!, 'data')) as [Buffer];
    const base = `http://127.0.0.1:${first.toString().trim()}`;
    const takeRequests = () => {
      const lines = readFileSync(log, 'utf8').split('\n').filter(Boolean);
      writeFileSync(log, '');
      return lines;
    };
    return { config: env.KRB5_CONFIG!, ticketCache, base, takeRequests, stop };
  } catch (error) {
    stop();
    throw error;
  }
}
