-- AlterTable
ALTER TABLE "problems" ADD COLUMN     "attribution" JSONB,
ADD COLUMN     "statements" JSONB;
