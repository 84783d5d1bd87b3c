import type { Socket } from "node:net";
import WebSocket from "ws";
import { ServerMessage, type Step, type StreamMessage } from "@judge/protocol";
import { DEFAULT_WAIT_MS } from "./eventually.ts";

/** The notifier refused the upgrade with this HTTP status. */
export class HttpRefusal extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

/** A verdict event as it arrives on the socket. */
export type VerdictMessage = Extract<ServerMessage, { type: "event" }> & Extract<Step, { kind: "verdict" }>;

const isVerdictOf = (id: string) => (m: ServerMessage): m is VerdictMessage => m.type === "event" && m.submissionId === id && m.kind === "verdict";

interface Waiter {
  check: () => boolean;
  settle: () => void;
}

/**
 * The one WebSocket test client: records every server message (parsed by the protocol's own
 * schema) and wakes its waiters on each message and on close, with no polling.
 */
export class WsTestClient {
  readonly messages: ServerMessage[] = [];
  closeCode: number | null = null;
  private waiters: Waiter[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on("message", (data: Buffer) => {
      this.messages.push(ServerMessage.parse(JSON.parse(data.toString("utf8"))));
      this.wake();
    });
    ws.on("close", (code: number) => {
      this.closeCode = code;
      this.wake();
    });
  }

  /** Opens `url` as is; rejects with HttpRefusal when the upgrade is answered with a status. */
  static open(url: string, options: WebSocket.ClientOptions = {}): Promise<WsTestClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, options);
      const client = new WsTestClient(ws);
      ws.once("open", () => resolve(client));
      ws.once("unexpected-response", (_req, res) => {
        reject(new HttpRefusal(res.statusCode ?? 0));
        res.resume();
        ws.terminate();
      });
      ws.once("error", reject);
    });
  }

  /** Opens the notifier at `url` with the token in the query string. */
  static connect(url: string, token: string): Promise<WsTestClient> {
    return WsTestClient.open(`${url}?token=${encodeURIComponent(token)}`);
  }

  send(message: unknown): void {
    this.ws.send(typeof message === "string" ? message : JSON.stringify(message));
  }

  subscribe(submissionId: string, lastSeq?: number): void {
    this.send(lastSeq === undefined ? { op: "subscribe", submissionId } : { op: "subscribe", submissionId, lastSeq });
  }

  /** Every snapshot, event and error about one submission, in arrival order. */
  of(submissionId: string): StreamMessage[] {
    return this.messages.filter((m): m is StreamMessage => m.type !== "pong" && m.submissionId === submissionId);
  }

  /**
   * Resolves with the first recorded message that `match`es (already received or to come);
   * rejects if the socket closes first or after `timeoutMs`, naming `what` and the last messages.
   */
  until<M extends ServerMessage>(what: string, match: (m: ServerMessage) => m is M, timeoutMs?: number): Promise<M>;
  until(what: string, match: (m: ServerMessage) => boolean, timeoutMs?: number): Promise<ServerMessage>;
  until(what: string, match: (m: ServerMessage) => boolean, timeoutMs = DEFAULT_WAIT_MS): Promise<ServerMessage> {
    return this.wait(what, () => this.messages.find(match), timeoutMs);
  }

  /** A message of this submission with this seq (its snapshot or an event). */
  untilSeq(submissionId: string, seq: number, timeoutMs?: number): Promise<ServerMessage> {
    return this.until(`seq ${seq} of ${submissionId}`, (m) => (m.type === "snapshot" || m.type === "event") && m.submissionId === submissionId && m.seq === seq, timeoutMs);
  }

  snapshot(submissionId: string, timeoutMs?: number): Promise<ServerMessage> {
    return this.until(`the snapshot of ${submissionId}`, (m) => m.type === "snapshot" && m.submissionId === submissionId, timeoutMs);
  }

  /** The "running" status event of this submission. */
  running(submissionId: string, timeoutMs?: number): Promise<ServerMessage> {
    return this.until(
      `${submissionId} running`,
      (m) => m.type === "event" && m.submissionId === submissionId && m.kind === "status" && m.status === "running",
      timeoutMs,
    );
  }

  verdict(submissionId: string, timeoutMs?: number): Promise<VerdictMessage> {
    return this.until(`the verdict of ${submissionId}`, isVerdictOf(submissionId), timeoutMs);
  }

  /** Whether the verdict of this submission has arrived. */
  hasVerdict(submissionId: string): boolean {
    return this.messages.some(isVerdictOf(submissionId));
  }

  /** Resolves with the close code once the server (or the client) has closed the socket. */
  closed(timeoutMs = DEFAULT_WAIT_MS): Promise<number> {
    return new Promise((resolve, reject) => {
      if (this.closeCode !== null) return resolve(this.closeCode);
      const timer = setTimeout(() => reject(new Error(`the socket did not close in ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        check: () => this.closeCode !== null,
        settle: () => {
          clearTimeout(timer);
          resolve(this.closeCode ?? 0);
        },
      });
    });
  }

  /** Stops reading from the TCP socket, so the server's send buffer fills. */
  pauseReading(): void {
    this.rawSocket().pause();
  }

  resumeReading(): void {
    this.rawSocket().resume();
  }

  close(): void {
    this.ws.terminate();
  }

  private wait<T>(what: string, find: () => T | undefined, timeoutMs: number): Promise<T> {
    const now = find();
    if (now !== undefined) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      const fail = (why: string) => reject(new Error(`${why} waiting for ${what}; last messages: ${JSON.stringify(this.messages.slice(-5))}`));
      if (this.closeCode !== null) return fail(`the socket is closed (${this.closeCode})`);
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        fail(`no message in ${timeoutMs} ms`);
      }, timeoutMs);
      const waiter: Waiter = {
        check: () => find() !== undefined || this.closeCode !== null,
        settle: () => {
          clearTimeout(timer);
          const found = find();
          if (found !== undefined) resolve(found);
          else fail(`the socket closed (${this.closeCode})`);
        },
      };
      this.waiters.push(waiter);
    });
  }

  private wake(): void {
    const ready = this.waiters.filter((w) => w.check());
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.settle();
  }

  private rawSocket(): Socket {
    const socket: unknown = Reflect.get(this.ws, "_socket");
    if (socket === null || typeof socket !== "object" || !("pause" in socket)) throw new Error("no raw socket");
    return socket as Socket;
  }
}
