/**
 * Simulated users for the throughput benchmark: each has its own account and WebSocket,
 * submits over real HTTP, subscribes, and waits for the verdict pushed on its socket.
 */
import WebSocket from "ws";
import { ServerMessage, type JudgeTimings, type LanguageId } from "@judge/protocol";
import { registerUser } from "../test/support/test-stack.ts";

/** One submission as a user saw it (ms on this process's clock) plus the worker's timings. */
export interface Sample {
  /** epoch ms when the POST was sent */
  startedAt: number;
  /** POST sent to 202 read */
  apiMs: number;
  /** POST sent to the verdict on the socket */
  latencyMs: number;
  /** worker handed the verdict to Redis to the socket delivering it; null without timings */
  pushMs: number | null;
  timings: JudgeTimings | null;
  verdict: string;
}

const now = () => performance.timeOrigin + performance.now();

export class SimulatedUser {
  private readonly waiting = new Map<string, (m: { verdict: string; timings: JudgeTimings | null; at: number }) => void>();

  private constructor(
    private readonly apiUrl: string,
    private readonly token: string,
    private readonly socket: WebSocket,
  ) {
    socket.on("message", (data) => {
      const at = now();
      const message = ServerMessage.parse(JSON.parse(String(data)));
      if (message.type === "pong") return;
      if (message.type === "error") throw new Error(`notifier refused: ${message.code} ${message.message}`);
      const done = this.waiting.get(message.submissionId);
      if (!done) return;
      // A job that finished before the subscription arrived shows up as a finished snapshot.
      if (message.type === "snapshot" && message.submission.status === "done") {
        done({ verdict: message.submission.verdict ?? "?", timings: null, at });
      } else if (message.type === "event" && message.kind === "verdict") {
        done({ verdict: message.verdict, timings: message.timings ?? null, at });
      }
    });
  }

  static async create(apiUrl: string, notifierUrl: string): Promise<SimulatedUser> {
    const { token } = await registerUser(apiUrl);
    const socket = new WebSocket(`${notifierUrl}?token=${encodeURIComponent(token)}`);
    await new Promise<void>((resolve, reject) => {
      socket.once("open", resolve);
      socket.once("error", reject);
    });
    return new SimulatedUser(apiUrl, token, socket);
  }

  /** Submits and resolves with the verdict as seen on the socket. */
  async submit(language: LanguageId, code: string, timeoutMs = 120_000): Promise<Sample> {
    const started = now();
    const response = await fetch(`${this.apiUrl}/api/submissions`, {
      method: "POST",
      headers: { authorization: `Bearer ${this.token}`, "content-type": "application/json" },
      body: JSON.stringify({ problem: "a-plus-b", language, code }),
    });
    const text = await response.text();
    const accepted = now();
    if (response.status !== 202) throw new Error(`submit answered ${response.status}: ${text.slice(0, 200)}`);
    const id = (JSON.parse(text) as { id: string }).id;
    const verdict = new Promise<{ verdict: string; timings: JudgeTimings | null; at: number }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no verdict for ${id} in ${timeoutMs} ms`)), timeoutMs);
      this.waiting.set(id, (m) => {
        clearTimeout(timer);
        resolve(m);
      });
    });
    this.socket.send(JSON.stringify({ op: "subscribe", submissionId: id }));
    try {
      const seen = await verdict;
      return {
        startedAt: started,
        apiMs: accepted - started,
        latencyMs: seen.at - started,
        pushMs: seen.timings ? seen.at - seen.timings.publishedAt : null,
        timings: seen.timings,
        verdict: seen.verdict,
      };
    } finally {
      this.waiting.delete(id);
      this.socket.send(JSON.stringify({ op: "unsubscribe", submissionId: id }));
    }
  }

  close(): void {
    this.socket.close();
  }
}

/**
 * A closed loop: `users.length` users each submit, wait for the verdict, and submit again,
 * until `total` submissions have been made. Returns the samples and the wall time.
 */
export async function closedLoop(
  users: SimulatedUser[],
  total: number,
  next: (n: number) => { language: LanguageId; code: string },
): Promise<{ samples: Sample[]; elapsedMs: number }> {
  let issued = 0;
  const samples: Sample[] = [];
  const started = performance.now();
  await Promise.all(
    users.map(async (user) => {
      while (issued < total) {
        const { language, code } = next(issued++);
        samples.push(await user.submit(language, code));
      }
    }),
  );
  return { samples, elapsedMs: performance.now() - started };
}
