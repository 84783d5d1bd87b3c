/**
 * The machine's shared services every suite runs against. Tests never assume they are empty:
 * each makes its own database and Redis key prefix and removes them.
 */
export const SHARED_REDIS = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
/** A PostgreSQL role that may create and drop databases (trust auth here). */
export const ADMIN_DATABASE_URL = process.env.TEST_DATABASE_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
