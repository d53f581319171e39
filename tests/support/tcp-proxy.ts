/**
 * A TCP proxy on a loopback port that can be cut and reopened: put between the app and a database
 * server, it plays the server going away (every open connection dropped, new ones refused) and
 * coming back on the same address, without stopping the shared test server. Frozen, it plays a
 * server that stops answering without closing anything (a machine powered off, a network gone):
 * connections stay open and new ones are accepted, but no byte goes through either way.
 */
import { createConnection, createServer, type Server, type Socket } from 'node:net';

export interface TcpProxy {
  /** The loopback port the proxy listens on while open. */
  port: number;
  /** How many connections were made through the proxy since it started. */
  connectionCount(): number;
  /** Drops every open connection (both ends) and stops accepting: connecting is refused. */
  cut(): Promise<void>;
  /** Stops every byte both ways, keeping connections open and accepting new ones (held, silent). */
  freeze(): void;
  /** Listens again on the same port (after a cut: frozen connections are gone with it). */
  reopen(): Promise<void>;
  close(): Promise<void>;
}

/** Starts a proxy to `targetHost:targetPort`. */
export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let connections = 0;
  let server: Server | null = null;
  let frozen = false;

  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const listening = createServer((client) => {
        connections += 1;
        track(client);
        if (frozen) return; // held open, never forwarded
        const upstream = createConnection({ host: targetHost, port: targetPort });
        track(upstream);
        // Forwarded unless frozen; what arrives while frozen is dropped, as a dead network would.
        client.on('data', (chunk) => frozen || upstream.write(chunk));
        upstream.on('data', (chunk) => frozen || client.write(chunk));
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
      frozen = false;
      await closed;
    },
    freeze() {
      frozen = true;
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
