import WebSocket from "ws";
import { ServerMessage } from "@judge/protocol";

/** A WebSocket test client that records every server message and waits on them. */
export class WsTestClient {
  readonly messages: ServerMessage[] = [];
  private waiters: { check: () => boolean; resolve: () => void }[] = [];

  private constructor(readonly socket: WebSocket) {
    socket.on("message", (data) => {
      this.messages.push(ServerMessage.parse(JSON.parse(String(data))));
      this.waiters = this.waiters.filter((w) => {
        if (!w.check()) return true;
        w.resolve();
        return false;
      });
    });
  }

  static connect(url: string, token: string): Promise<WsTestClient> {
    const socket = new WebSocket(`${url}?token=${encodeURIComponent(token)}`);
    return new Promise((resolve, reject) => {
      socket.once("open", () => resolve(new WsTestClient(socket)));
      socket.once("error", reject);
    });
  }

  send(message: unknown): void {
    this.socket.send(JSON.stringify(message));
  }

  /** Resolves once a recorded message satisfies `predicate`; rejects after `timeoutMs`. */
  waitFor(predicate: (m: ServerMessage) => boolean, timeoutMs = 60_000): Promise<ServerMessage> {
    const found = () => this.messages.find(predicate);
    const now = found();
    if (now) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching message in ${timeoutMs} ms; got ${JSON.stringify(this.messages.slice(-5))}`)), timeoutMs);
      this.waiters.push({
        check: () => found() !== undefined,
        resolve: () => {
          clearTimeout(timer);
          resolve(found()!);
        },
      });
    });
  }

  forSubmission(id: string): ServerMessage[] {
    return this.messages.filter((m) => "submissionId" in m && m.submissionId === id);
  }

  close(): void {
    this.socket.close();
  }
}
