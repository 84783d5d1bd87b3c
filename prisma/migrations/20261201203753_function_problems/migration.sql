-- CreateEnum
CREATE TYPE "problem_kind" AS ENUM ('stdin', 'function');

-- AlterTable
ALTER TABLE "problems" ADD COLUMN     "comparison" JSONB,
ADD COLUMN     "kind" "problem_kind" NOT NULL DEFAULT 'stdin',
ADD COLUMN     "references" JSONB,
ADD COLUMN     "signature" JSONB;

-- AlterTable
ALTER TABLE "submissions" ADD COLUMN     "failure" JSONB;
