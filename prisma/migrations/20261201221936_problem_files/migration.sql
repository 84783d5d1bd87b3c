-- CreateTable
CREATE TABLE "problem_files" (
    "id" TEXT NOT NULL,
    "problem_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "attachment" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "problem_files_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "problem_files_problem_id_name_key" ON "problem_files"("problem_id", "name");

-- AddForeignKey
ALTER TABLE "problem_files" ADD CONSTRAINT "problem_files_problem_id_fkey" FOREIGN KEY ("problem_id") REFERENCES "problems"("id") ON DELETE CASCADE ON UPDATE CASCADE;
