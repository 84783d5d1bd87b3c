-- AlterTable
ALTER TABLE "submissions" ADD COLUMN     "files" JSONB;
