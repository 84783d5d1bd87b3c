-- AlterTable
ALTER TABLE "users" ADD COLUMN     "editor_settings" JSONB;
