-- AlterTable
ALTER TABLE "problems" ADD COLUMN "output_limit_kb" INTEGER;
