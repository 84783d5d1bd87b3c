// Container health of a judge worker, which serves no HTTP: healthy while this container's
// worker process has a fresh heartbeat in the fleet registry (the `<prefix>:fleet` hash,
// one field per worker, named `<hostname>-<pid>` unless WORKER_ID is set). A worker that is
// wedged, or has lost Redis, stops beating and is restarted. CommonJS so that `node` runs it
// without a loader; used by the worker image's HEALTHCHECK and the Kubernetes probes.
const { hostname } = require("node:os");
const { Redis } = require("ioredis");

const TTL_MS = 15_000; // HEARTBEAT_TTL_MS in packages/protocol/src/fleet.ts
const prefix = process.env.REDIS_PREFIX || "judge";
const mine = (field) => (process.env.WORKER_ID ? field === process.env.WORKER_ID : field.startsWith(`${hostname()}-`));

const redis = new Redis(process.env.REDIS_URL || "redis://127.0.0.1:6379", {
  lazyConnect: true,
  connectTimeout: 3000,
  maxRetriesPerRequest: 0,
  enableOfflineQueue: false,
});
redis
  .connect()
  .then(() => redis.hgetall(`${prefix}:fleet`))
  .then((fields) => {
    const fresh = Object.entries(fields).some(([field, raw]) => {
      if (!mine(field)) return false;
      try {
        const seenAt = JSON.parse(raw).seenAt;
        return typeof seenAt === "number" && Date.now() - seenAt <= TTL_MS;
      } catch {
        return false;
      }
    });
    process.exit(fresh ? 0 : 1);
  })
  .catch(() => process.exit(1));
