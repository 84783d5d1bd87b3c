import WebSocket, { type RawData } from "ws";
import type { ClientSession } from "./client-session.ts";

/**
 * The server's WebSocket class, carrying its session. The listeners below are shared by
 * every socket and find their state through `this`, so a connection costs no closures.
 */
export class SessionSocket extends WebSocket {
  session: ClientSession | null = null;
}

export function attachSession(socket: SessionSocket, session: ClientSession): void {
  socket.session = session;
  socket.on("message", socketOnMessage);
  socket.on("pong", socketOnPong);
  socket.on("error", socketOnError);
  socket.on("close", socketOnClose);
}

/** ws types listeners' `this` as its base class; the guard gets back to ours without a cast. */
function sessionOf(socket: WebSocket): ClientSession | null {
  return socket instanceof SessionSocket ? socket.session : null;
}

function socketOnMessage(this: WebSocket, data: RawData, isBinary: boolean): void {
  sessionOf(this)?.handleMessage(data, isBinary);
}

function socketOnPong(this: WebSocket): void {
  const session = sessionOf(this);
  if (session !== null) session.alive = true;
}

/** ws emits `error` for protocol violations (an oversized frame: 1009) and then closes only this socket. */
function socketOnError(this: WebSocket, err: Error): void {
  sessionOf(this)?.socketFailed(err);
}

function socketOnClose(this: WebSocket): void {
  sessionOf(this)?.dispose();
}
