/**
 * A TCP listener on loopback that accepts and never speaks, counting who
 * connects: point a host at it to prove nothing contacted that host (an SSH
 * client that did would hang on it until its timeout).
 */
import { createServer, type Socket } from 'node:net';

export interface Recorder {
  readonly address: string;
  readonly port: number;
  /** Connections accepted so far. */
  connections(): number;
  /** Start counting from zero again. */
  reset(): void;
  close(): Promise<void>;
}

export async function startRecorder(address = '127.0.0.1'): Promise<Recorder> {
  const sockets: Socket[] = [];
  let accepted = 0;
  const server = createServer((socket) => {
    accepted += 1;
    sockets.push(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, address, resolve));
  const port = (server.address() as { port: number }).port;
  return {
    address,
    port,
    connections: () => accepted,
    reset: () => {
      accepted = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
