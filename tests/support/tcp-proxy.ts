/**
 * A TCP proxy on a loopback port that can be cut and reopened: put between the app and a database
 * server, it plays the server going away (every open connection dropped, new ones refused) and
 * coming back on the same address, without stopping the shared test server.
 */
import { createConnection, createServer, type Server, type Socket } from 'node:net';

export interface TcpProxy {
  /** The loopback port the proxy listens on while open. */
  port: number;
  /** How many connections were made through the proxy since it started. */
  connectionCount(): number;
  /** Drops every open connection (both ends) and stops accepting: connecting is refused. */
  cut(): Promise<void>;
  /** Listens again on the same port. */
  reopen(): Promise<void>;
  close(): Promise<void>;
}

/** Starts a proxy to `targetHost:targetPort`. */
export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let connections = 0;
  let server: Server | null = null;

  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const listening = createServer((client) => {
        connections += 1;
        const upstream = createConnection({ host: targetHost, port: targetPort });
        track(client);
        track(upstream);
        client.pipe(upstream);
        upstream.pipe(client);
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
      });
      listening.once('error', reject);
      listening.listen(port, '127.0.0.1', () => {
        server = listening;
        resolve((listening.address() as { port: number }).port);
      });
    });
  const stopListening = () =>
    new Promise<void>((resolve) => {
      const listening = server;
      server = null;
      if (!listening) return resolve();
      listening.close(() => resolve());
    });

  const port = await listen(0);
  return {
    port,
    connectionCount: () => connections,
    async cut() {
      const closed = stopListening();
      for (const socket of sockets) socket.destroy();
      await closed;
    },
    async reopen() {
      await listen(port);
    },
    async close() {
      const closed = stopListening();
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
