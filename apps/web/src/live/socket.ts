/** What LiveConnection needs from a socket; the browser's WebSocket in the app, a fake in tests. */
export interface SocketHandlers {
  open(): void;
  message(text: string): void;
  /** Called once, whether the socket failed to connect or closed later. */
  close(code: number, reason: string): void;
}

export interface LiveSocket {
  send(text: string): void;
  close(): void;
}

export type SocketFactory = (url: string, handlers: SocketHandlers) => LiveSocket;

/** The notifier's endpoint on this page's own origin; the browser sends the session cookie. */
export function sameOriginSocketUrl(location: Location): string {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  return `${scheme}://${location.host}/ws`;
}

export const browserSocket: SocketFactory = (url, handlers) => {
  const socket = new WebSocket(url);
  let closed = false;
  const socketOnClose = (code: number, reason: string) => {
    if (closed) return;
    closed = true;
    handlers.close(code, reason);
  };
  socket.addEventListener("open", () => handlers.open());
  socket.addEventListener("message", (event: MessageEvent<unknown>) => {
    if (typeof event.data === "string") handlers.message(event.data);
  });
  socket.addEventListener("close", (event) => socketOnClose(event.code, event.reason));
  // An error is always followed by close; nothing to do here but let close report it.
  socket.addEventListener("error", () => undefined);
  return {
    send(text) {
      if (socket.readyState === WebSocket.OPEN) socket.send(text);
    },
    close() {
      if (socket.readyState === WebSocket.CONNECTING || socket.readyState === WebSocket.OPEN) socket.close(1000, "client closing");
      socketOnClose(1000, "client closing");
    },
  };
};
