-- AlterTable
ALTER TABLE "problems" ADD COLUMN     "failure_details" TEXT NOT NULL DEFAULT 'public';

-- Function problems always showed their owner the failing case: they keep doing so.
UPDATE "problems" SET "failure_details" = 'last-input' WHERE "kind" = 'function';
