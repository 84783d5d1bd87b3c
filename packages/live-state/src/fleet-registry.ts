import type { Redis } from "ioredis";
import { HEARTBEAT_TTL_MS, WorkerHeartbeat, type LanguageInfo } from "@judge/protocol";

/**
 * Which workers are alive and what they can judge: one hash field per worker, refreshed by
 * its heartbeat. A field older than the TTL is a dead worker and is dropped on read.
 */
export class FleetRegistry {
  private readonly key: string;

  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.key = `${prefix}:fleet`;
  }

  async beat(heartbeat: WorkerHeartbeat): Promise<void> {
    await this.redis.hset(this.key, heartbeat.workerId, JSON.stringify(heartbeat));
  }

  async leave(workerId: string): Promise<void> {
    await this.redis.hdel(this.key, workerId);
  }

  async alive(now = Date.now()): Promise<WorkerHeartbeat[]> {
    const fields = await this.redis.hgetall(this.key);
    const alive: WorkerHeartbeat[] = [];
    const dead: string[] = [];
    for (const [workerId, raw] of Object.entries(fields)) {
      const parsed = WorkerHeartbeat.safeParse(safeJson(raw));
      if (parsed.success && now - parsed.data.seenAt <= HEARTBEAT_TTL_MS) alive.push(parsed.data);
      else dead.push(workerId);
    }
    if (dead.length > 0) await this.redis.hdel(this.key, ...dead);
    return alive;
  }

  /** The languages some live worker offers, each once, in a stable order. */
  async languages(): Promise<LanguageInfo[]> {
    const byId = new Map<string, LanguageInfo>();
    for (const worker of await this.alive()) for (const lang of worker.languages) byId.set(lang.id, lang);
    return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
  }
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
