export { createPrisma, type PrismaOptions } from "./client.ts";
export { PrismaClient, Prisma, Role, Difficulty, SubmissionStatus, Verdict } from "./generated/prisma/client.ts";
export type { User, Problem, TestCase, Submission, SubmissionTest } from "./generated/prisma/client.ts";
export { migrate, type MigrateOptions, type MigrateResult } from "./migrations/migrate.ts";
export { readMigrations, defaultMigrationsDir, type MigrationFile } from "./migrations/migration-files.ts";
export { createDatabase, dropDatabase, databaseUrlFor } from "./admin.ts";
export { DbError, type DbErrorCode } from "./errors.ts";
