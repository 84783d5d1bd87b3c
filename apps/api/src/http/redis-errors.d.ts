/**
 * Types for `redis-errors` (no published types): the error classes ioredis rejects commands
 * with. Only what the API classifies by is declared.
 */
declare module "redis-errors" {
  class RedisError extends Error {}
  class ReplyError extends RedisError {}
  /** A command that never got an answer because the connection closed (or retries ran out). */
  class AbortError extends RedisError {}
  class InterruptError extends AbortError {}
  // CommonJS whose exports Node cannot name statically: import the default.
  const redisErrors: { RedisError: typeof RedisError; ReplyError: typeof ReplyError; AbortError: typeof AbortError; InterruptError: typeof InterruptError };
  export default redisErrors;
}
