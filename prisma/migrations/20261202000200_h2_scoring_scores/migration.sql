-- AlterTable
ALTER TABLE "problems" ADD COLUMN     "scoring" JSONB;

-- AlterTable
ALTER TABLE "submissions" ADD COLUMN     "max_score" DOUBLE PRECISION,
ADD COLUMN     "score" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "submission_tests" ADD COLUMN     "group" TEXT;
