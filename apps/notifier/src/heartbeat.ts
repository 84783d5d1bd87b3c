import type { SessionSocket } from "./session-socket.ts";

/**
 * One interval for all connections (no timer per socket): each sweep terminates the
 * sockets that did not answer the previous sweep's ping, then pings the rest.
 */
export function startHeartbeat(clients: Set<SessionSocket>, intervalMs: number, onDead: (socket: SessionSocket) => void): () => void {
  const timer = setInterval(() => {
    for (const socket of clients) {
      const session = socket.session;
      if (session === null) continue;
      if (!session.alive) {
        onDead(socket);
        socket.terminate();
        continue;
      }
      session.alive = false;
      socket.ping();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
