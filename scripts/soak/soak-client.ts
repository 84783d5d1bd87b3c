import WebSocket from "ws";
import { ServerMessage } from "@judge/protocol";

interface Followed {
  lastSeq: number;
  /** Verdict events seen; more than one is a duplicate push. */
  verdictEvents: number;
  /** The verdict was known to this client (from an event, or a snapshot after a reconnect). */
  seen: boolean;
  onSeen: () => void;
}

/**
 * One simulated user's WebSocket: follows its submissions, reconnects to the next notifier
 * when its socket dies (a killed notifier) and resumes each stream with `lastSeq`.
 */
export class SoakClient {
  readonly followed = new Map<string, Followed>();
  reconnects = 0;
  /** Events that arrived with a seq already seen (a resume that repeated itself). */
  repeatedEvents = 0;
  /** Events that skipped a seq (something lost). */
  gaps = 0;
  /** `error` messages: a refused subscription leaves its verdict unseen. */
  errors: string[] = [];
  private socket: WebSocket | null = null;
  private next = 0;
  private closed = false;

  constructor(
    private readonly urls: string[],
    private readonly token: string,
  ) {
    this.next = Math.floor(Math.random() * urls.length);
  }

  connect(): void {
    if (this.closed) return;
    const url = this.urls[this.next++ % this.urls.length]!;
    const socket = new WebSocket(`${url}?token=${encodeURIComponent(this.token)}`);
    this.socket = socket;
    socket.on("open", () => {
      for (const [id, f] of this.followed) if (!f.seen) this.subscribe(id, f.lastSeq);
    });
    socket.on("message", (data) => this.onMessage(String(data)));
    socket.on("error", () => {});
    socket.on("close", () => {
      if (this.socket !== socket || this.closed) return;
      this.socket = null;
      this.reconnects++;
      setTimeout(() => this.connect(), 100 + Math.random() * 200);
    });
  }

  /** Resolves once the verdict of `id` is known to this client. */
  follow(id: string): Promise<void> {
    return new Promise((resolve) => {
      this.followed.set(id, { lastSeq: 0, verdictEvents: 0, seen: false, onSeen: resolve });
      this.subscribe(id, 0);
    });
  }

  close(): void {
    this.closed = true;
    this.socket?.close();
  }

  private subscribe(id: string, lastSeq: number): void {
    if (this.socket?.readyState !== WebSocket.OPEN) return; // sent again on open
    this.socket.send(JSON.stringify({ op: "subscribe", submissionId: id, ...(lastSeq > 0 ? { lastSeq } : {}) }));
  }

  private onMessage(text: string): void {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return;
    }
    const parsed = ServerMessage.safeParse(json);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.type === "pong") return;
    if (message.type === "error") {
      this.errors.push(`${message.code}: ${message.message}`);
      return;
    }
    const f = this.followed.get(message.submissionId);
    if (!f) return;
    if (message.type === "snapshot") {
      f.lastSeq = Math.max(f.lastSeq, message.seq);
      if (message.submission.status === "done") this.markSeen(message.submissionId, f);
      return;
    }
    if (message.seq <= f.lastSeq) {
      this.repeatedEvents++;
      return;
    }
    if (message.seq > f.lastSeq + 1) this.gaps++;
    f.lastSeq = message.seq;
    if (message.kind === "verdict") {
      f.verdictEvents++;
      this.markSeen(message.submissionId, f);
    }
  }

  /** As the web app does: once the verdict is known, the subscription is given back. */
  private markSeen(id: string, f: Followed): void {
    if (f.seen) return;
    f.seen = true;
    f.onSeen();
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify({ op: "unsubscribe", submissionId: id }));
  }
}
