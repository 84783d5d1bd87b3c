import { type PrismaClient, problemRowsOf } from "@judge/db";
import type { ProblemAdminView, ProblemInput } from "@judge/protocol";
import type { PackageSubmission } from "./package-submissions.ts";
import type { StatementFile } from "./statement-files.ts";

/**
 * Create the problem, or replace it (metadata and every test) when its slug exists: importing
 * the same package again after an edit is the normal way to update it. `files` (the statement's
 * images and attachments) replace the ones stored before; so do the package's own `submissions`
 * when given (a package import), and its last verification goes with them.
 */
export async function saveProblem(
  prisma: PrismaClient,
  input: ProblemInput,
  files: readonly StatementFile[] = [],
  submissions?: readonly PackageSubmission[],
): Promise<{ created: boolean; view: ProblemAdminView }> {
  const fileRows = files.map((f) => ({ name: f.name, contentType: f.contentType, content: Buffer.from(f.content), attachment: f.attachment }));
  const submissionRows = (submissions ?? []).map((s) => ({ path: s.path, expected: s.expected, language: s.language, files: s.files, skipped: s.skipped }));
  const packageSubmissions = submissions === undefined ? {} : { packageSubmissions: { create: submissionRows } };
  const { fields, tests } = problemRowsOf(input);
  return prisma.$transaction(
    async (tx) => {
      const existing = await tx.problem.findUnique({ where: { slug: input.slug }, select: { id: true } });
      if (existing !== null) {
        await tx.testCase.deleteMany({ where: { problemId: existing.id } });
        await tx.problemFile.deleteMany({ where: { problemId: existing.id } });
        if (submissions !== undefined) {
          await tx.packageSubmission.deleteMany({ where: { problemId: existing.id } });
          await tx.problemVerification.deleteMany({ where: { problemId: existing.id } });
        }
      }
      const data = { ...fields, tests: { create: tests }, files: { create: fileRows }, ...packageSubmissions };
      const row =
        existing === null
          ? await tx.problem.create({ data: { slug: input.slug, ...data } })
          : await tx.problem.update({ where: { id: existing.id }, data });
      return {
        created: existing === null,
        view: { slug: row.slug, title: row.title, published: row.published, testsHash: row.testsHash, tests: tests.length },
      };
    },
    { timeout: 60_000 },
  );
}
