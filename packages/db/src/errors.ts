/** Every failure this package throws on purpose; `code` is stable, the message is for people. */
export type DbErrorCode =
  | "MIGRATION_FAILED"
  | "MIGRATION_PREVIOUSLY_FAILED"
  | "MIGRATIONS_DIR_INVALID"
  | "BAD_DATABASE_NAME"
  | "SEED_INVALID";

export class DbError extends Error {
  constructor(
    readonly code: DbErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "DbError";
  }
}
