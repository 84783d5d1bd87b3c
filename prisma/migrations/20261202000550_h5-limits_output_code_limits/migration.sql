-- AlterTable
ALTER TABLE "problems" ADD COLUMN "output_limit_kb" INTEGER,
ADD COLUMN "code_limit_kb" INTEGER;
