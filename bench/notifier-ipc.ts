/**
 * The notifier benchmarks' own process plumbing: the messages between the bench and its
 * client processes (zod on both sides), and a spawn that raises `ulimit -n` first.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { z } from "zod";
import { repoRoot } from "../scripts/stack/service-process.ts";

export const ClientCommand = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("connect"),
    url: z.string(),
    token: z.string(),
    addresses: z.array(z.object({ address: z.string(), count: z.number().int().min(0) })),
  }),
  z.object({ type: z.literal("subscribe"), from: z.number().int(), to: z.number().int(), idPrefix: z.string(), firstId: z.number().int() }),
  z.object({ type: z.literal("collect") }),
  z.object({ type: z.literal("close") }),
]);
export type ClientCommand = z.infer<typeof ClientCommand>;

export const ClientReport = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready") }),
  z.object({ type: z.literal("connected"), open: z.number(), failed: z.number() }),
  z.object({ type: z.literal("subscribed"), count: z.number(), refused: z.number() }),
  z.object({ type: z.literal("latencies"), values: z.array(z.number()), unexpected: z.number() }),
]);
export type ClientReport = z.infer<typeof ClientReport>;

/** Epoch ms with sub-ms precision, comparable between processes of one machine. */
export function nowEpochMs(): number {
  return performance.timeOrigin + performance.now();
}

/**
 * Starts `node --import tsx <entry>` with an IPC channel, its soft `ulimit -n` raised to the
 * hard limit first (the shell's `ulimit` builtin; a process cannot pass the hard limit
 * without CAP_SYS_RESOURCE, so that is the ceiling of connections per process).
 */
export function spawnNode(entry: string, env: NodeJS.ProcessEnv, inheritOutput = true): ChildProcess {
  return spawn("sh", ["-c", 'ulimit -n "$(ulimit -Hn)" && exec "$0" "$@"', process.execPath, "--import", "tsx", entry], {
    cwd: repoRoot,
    env,
    stdio: ["ignore", inheritOutput ? "inherit" : "ignore", "inherit", "ipc"],
  });
}

/** The hard limit of open files this shell's children get. */
export async function hardFileLimit(): Promise<number> {
  const child = spawn("sh", ["-c", "ulimit -Hn"], { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  await once(child, "exit");
  const value = out.trim();
  return value === "unlimited" ? Number.POSITIVE_INFINITY : Number(value);
}

/** A client process driven by commands, answered one report at a time. */
export class ClientProcess {
  private readonly queue: ClientReport[] = [];
  private waiter: ((report: ClientReport) => void) | null = null;

  constructor(readonly child: ChildProcess) {
    child.on("message", (raw: unknown) => {
      const report = ClientReport.parse(raw);
      if (this.waiter !== null) {
        const resolve = this.waiter;
        this.waiter = null;
        resolve(report);
      } else this.queue.push(report);
    });
  }

  send(command: ClientCommand): void {
    this.child.send(command);
  }

  next(): Promise<ClientReport> {
    const queued = this.queue.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      this.waiter = resolve;
      this.child.once("exit", (code) => reject(new Error(`client process exited (${code})`)));
    });
  }

  async expect<T extends ClientReport["type"]>(type: T): Promise<Extract<ClientReport, { type: T }>> {
    const report = await this.next();
    if (report.type !== type) throw new Error(`expected ${type} from a client process, got ${report.type}`);
    return report as Extract<ClientReport, { type: T }>;
  }
}
