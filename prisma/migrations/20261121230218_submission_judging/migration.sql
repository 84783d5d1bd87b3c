-- AlterTable
ALTER TABLE "submissions" ADD COLUMN     "judging" INTEGER NOT NULL DEFAULT 1;
