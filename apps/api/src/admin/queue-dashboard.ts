import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { ExpressAdapter } from "@bull-board/express";
import { Queue } from "bullmq";
import { Router } from "express";
import type { Redis } from "ioredis";
import { queueNames } from "@judge/protocol";
import type { TokenDenylist, TokenVerifier } from "@judge/tokens";
import { authenticate, requireAdmin } from "../auth/authenticate.ts";

/** Under /api so that the gateway's one route to the API reaches it. */
export const QUEUE_DASHBOARD_PATH = "/api/admin/queues";

export interface QueueDashboardDeps {
  verifier: TokenVerifier;
  /** Signed-out tokens, refused here as everywhere. */
  denylist: TokenDenylist;
  /** The API's command connection; the dashboard only reads and retries, never blocks. */
  redis: Redis;
  /** The deployment's BullMQ prefix (REDIS_PREFIX). */
  queuePrefix: string;
}

/**
 * Bull Board over the judge and results queues, for admins only: the token (bearer or the
 * browser's cookie, so an admin signed in to the web app can open the page) is checked on
 * every request, the page, its static files and its JSON API alike. Admins may retry or
 * clean jobs from it, as they may rejudge from the API.
 */
export function queueDashboard(deps: QueueDashboardDeps): Router {
  const board = new ExpressAdapter();
  board.setBasePath(QUEUE_DASHBOARD_PATH);
  const queues = [queueNames.judge, queueNames.results].map((name) => {
    const queue = new Queue(name, { connection: deps.redis, prefix: deps.queuePrefix });
    // Its connection's errors are the API's Redis connection's, logged there; without a
    // listener BullMQ prints each one's stack to stderr.
    queue.on("error", () => {});
    return queue;
  });
  createBullBoard({
    queues: queues.map((queue) => new BullMQAdapter(queue)),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: "Judge queues" } },
  });
  const router = Router();
  router.use(authenticate(deps.verifier, deps.denylist), requireAdmin, board.getRouter() as Router);
  return router;
}
