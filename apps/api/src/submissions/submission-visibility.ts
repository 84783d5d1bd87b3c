import type { Prisma } from "@judge/db";
import { type CaseReport, FailureDetails, type SubmissionView, type TokenClaims } from "@judge/protocol";

/**
 * Who reads what of a submission. Its verdict and numbers are public, as on LeetCode and
 * Codeforces; what quotes its code is not: the code itself and the compiler's output
 * (gcc prints the offending source lines), a run's stdout/stderr, and a function problem's
 * failing case (the code's own output and prints, and a hidden test's input). Those go to
 * the owner and to admins only, on every route that returns a submission.
 */
export function mayReadPrivateParts(viewer: TokenClaims | undefined, ownerId: string): boolean {
  return viewer !== undefined && (viewer.sub === ownerId || viewer.role === "admin");
}

/** The view as others get it: nothing that quotes the code. */
export function publicView(view: SubmissionView): SubmissionView {
  const { code: _code, files: _files, compileOutput: _compileOutput, output: _output, failure: _failure, ...rest } = view;
  return rest;
}

export function viewFor(view: SubmissionView, viewer: TokenClaims | undefined, ownerId: string): SubmissionView {
  return mayReadPrivateParts(viewer, ownerId) ? view : publicView(view);
}

/**
 * The submissions a viewer may see at all: an unpublished problem does not exist for users
 * (GET /api/problems/:slug says 404), so others' submissions to it are not listed either,
 * which would name it and its activity. Owners keep theirs; admins see everything.
 */
export function visibleSubmissions(viewer: TokenClaims | undefined): Prisma.SubmissionWhereInput {
  if (viewer?.role === "admin") return {};
  const published: Prisma.SubmissionWhereInput = { problem: { published: true } };
  return viewer ? { OR: [published, { userId: viewer.sub }] } : published;
}

/**
 * How much of a stored failing test its reader gets, by the problem's `failureDetails`
 * (FailureDetails in @judge/protocol): an admin all of it (they can read the tests anyway),
 * the owner what the policy allows, anyone else nothing (publicView drops it). `sample`:
 * whether the failing test is one of the problem's samples, asked only when the policy
 * depends on it.
 */
export async function failureFor(
  failure: CaseReport | null,
  viewer: TokenClaims | undefined,
  policy: string,
  sample: (index: number) => Promise<boolean>,
): Promise<CaseReport | null> {
  if (failure === null) return null;
  if (viewer?.role === "admin") return failure;
  // A value this code does not know (a newer writer) hides, the safe side.
  switch (FailureDetails.safeParse(policy).data ?? "hidden") {
    case "last-input":
      return failure;
    case "public":
      return (await sample(failure.index)) ? failure : null;
    case "hidden":
      return null;
  }
}
