-- CreateEnum
CREATE TYPE "submission_origin" AS ENUM ('user', 'package');

-- CreateEnum
CREATE TYPE "verification_phase" AS ENUM ('calibrating', 'judging');

-- AlterTable
ALTER TABLE "submissions" ADD COLUMN     "origin" "submission_origin" NOT NULL DEFAULT 'user';

-- CreateTable
CREATE TABLE "package_submissions" (
    "id" TEXT NOT NULL,
    "problem_id" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "expected" TEXT NOT NULL,
    "language" TEXT,
    "files" JSONB NOT NULL,
    "skipped" TEXT,
    "submission_id" TEXT,

    CONSTRAINT "package_submissions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "problem_verifications" (
    "problem_id" TEXT NOT NULL,
    "phase" "verification_phase" NOT NULL,
    "owner_id" TEXT NOT NULL,
    "calibration_max_ms" INTEGER,
    "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "problem_verifications_pkey" PRIMARY KEY ("problem_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "package_submissions_submission_id_key" ON "package_submissions"("submission_id");

-- CreateIndex
CREATE UNIQUE INDEX "package_submissions_problem_id_path_key" ON "package_submissions"("problem_id", "path");

-- AddForeignKey
ALTER TABLE "package_submissions" ADD CONSTRAINT "package_submissions_problem_id_fkey" FOREIGN KEY ("problem_id") REFERENCES "problems"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "package_submissions" ADD CONSTRAINT "package_submissions_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "problem_verifications" ADD CONSTRAINT "problem_verifications_problem_id_fkey" FOREIGN KEY ("problem_id") REFERENCES "problems"("id") ON DELETE CASCADE ON UPDATE CASCADE;
