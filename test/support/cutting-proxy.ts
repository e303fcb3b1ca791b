/**
 * A TCP proxy in front of the sync server that can cut connections where networks do:
 * after the request reached the server but before the answer came back, or in the middle
 * of the answer. Each new connection takes the next cut from the plan; `pass` forwards.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

export type Cut = 'pass' | 'after-request' | 'mid-response';

export interface CuttingProxy {
  readonly url: string;
  /**
   * Cuts for the next connections, in order; after them, connections pass. Open (kept
   * alive) connections are closed, so the next request opens a new one and meets the plan.
   */
  plan(cuts: readonly Cut[]): Promise<void>;
  /** How many connections were cut so far. */
  cuts(): number;
  close(): Promise<void>;
}

export async function startCuttingProxy(targetPort: number): Promise<CuttingProxy> {
  let planned: Cut[] = [];
  let cut = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const mode = planned.shift() ?? 'pass';
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(client);
    sockets.add(upstream);
    const kill = () => {
      cut += 1;
      client.destroy();
      upstream.destroy();
    };
    client.on('data', (chunk) => upstream.write(chunk));
    let answered = 0;
    upstream.on('data', (chunk: Buffer) => {
      if (mode === 'after-request') {
        kill();
        return;
      }
      if (mode === 'mid-response' && answered + chunk.length > 200) {
        client.write(chunk.subarray(0, Math.max(0, 200 - answered)));
        kill();
        return;
      }
      answered += chunk.length;
      client.write(chunk);
      return undefined;
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end);
    upstream.on('close', end);
    client.on('error', end);
    upstream.on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('proxy has no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    async plan(cuts) {
      planned = [...cuts];
      for (const socket of sockets) socket.destroy();
      // Let the client see its idle connections closed before it sends the next request.
      await new Promise((resolve) => setTimeout(resolve, 20));
    },
    cuts: () => cut,
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
    },
  };
}
