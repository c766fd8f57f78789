/** A throwaway CA, a server certificate for 127.0.0.1 and a client certificate it signed (openssl), and an HTTPS server on 127.0.0.1 using them. */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';

export interface TlsFiles {
  readonly ca: string;
  readonly serverCert: string;
  readonly serverKey: string;
  readonly clientCert: string;
  readonly clientKey: string;
}

export function makeTlsFiles(dir: string): TlsFiles {
  const path = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'ignore' });
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=lab-ca', '-keyout', path('ca.key'), '-out', path('ca.pem'));
  writeFileSync(path('san.ext'), 'subjectAltName=IP:127.0.0.1\n');
  for (const [name, extra] of [['server', ['-extfile', path('san.ext')]], ['client', []]] as const) {
    openssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', `/CN=lab-${name}`, '-keyout', path(`${name}.key`), '-out', path(`${name}.csr`));
    openssl('x509', '-req', '-in', path(`${name}.csr`), '-CA', path('ca.pem'), '-CAkey', path('ca.key'), '-CAcreateserial', '-days', '1', '-out', path(`${name}.pem`), ...extra);
  }
  return { ca: path('ca.pem'), serverCert: path('server.pem'), serverKey: path('server.key'), clientCert: path('client.pem'), clientKey: path('client.key') };
}

/** An HTTPS server on 127.0.0.1 with `files`' server certificate; its body names the client certificate it was shown (`client=lab-client`, or `client=none`). */
export async function startTlsServer(files: TlsFiles): Promise<{ server: Server; base: string }> {
  const server = createServer({ key: readFileSync(files.serverKey), cert: readFileSync(files.serverCert), ca: readFileSync(files.ca), requestCert: true, rejectUnauthorized: false }, (request, response) => {
    const socket = request.socket as TLSSocket;
    response.end(`client=${socket.authorized ? String(socket.getPeerCertificate().subject.CN) : 'none'}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `https://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
