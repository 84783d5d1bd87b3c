import { z } from "zod";
import { LanguageInfo } from "./languages.ts";

/** A worker's heartbeat: what it can judge. Kept in a Redis hash, one field per worker. */
export const WorkerHeartbeat = z.object({
  workerId: z.string(),
  languages: z.array(LanguageInfo),
  concurrency: z.number().int().min(1),
  /** ms since epoch */
  seenAt: z.number().int(),
});
export type WorkerHeartbeat = z.infer<typeof WorkerHeartbeat>;

/** A worker is alive while its heartbeat is younger than this. */
export const HEARTBEAT_TTL_MS = 15_000;
export const HEARTBEAT_INTERVAL_MS = 5_000;
