import { zipSync } from "fflate";

export const encoder = new TextEncoder();

/** A small but complete package: statement, 2 samples, 3 secret tests in a subgroup, a C validator. */
export function samplePackage(overrides: Record<string, string | null> = {}): Record<string, string> {
  const files: Record<string, string | null> = {
    "problem.yaml": "name: Absolute Sum\nvalidation: custom\nlimits:\n  time_limit: 2\n  memory: 128\nkeywords: math easy-io\n",
    "problem_statement/problem.en.md": "# Absolute Sum\n\nPrint |a + b|, or its negation.\n",
    "data/sample/1.in": "1 2\n",
    "data/sample/1.ans": "3\n",
    "data/sample/2.in": "-1 -2\n",
    "data/sample/2.ans": "3\n",
    "data/secret/group1/10.in": "5 5\n",
    "data/secret/group1/10.ans": "10\n",
    "data/secret/group1/2.in": "0 0\n",
    "data/secret/group1/2.ans": "0\n",
    "data/secret/3.in": "7 -9\n",
    "data/secret/3.ans": "2\n",
    "output_validators/abs/validate.c": "int main(void) { return 42; }\n",
    ...overrides,
  };
  return Object.fromEntries(Object.entries(files).filter((e): e is [string, string] => e[1] !== null));
}

/** Unix mode of a symbolic link (S_IFLNK | 0777) in a zip entry's external attributes. */
const SYMLINK_ATTRS = 0o120777 * 2 ** 16;

/**
 * The files zipped, under `top` when given; `links` (path to target) as symbolic links the way
 * `zip -ry` stores them: a Unix mode in the external attributes, the target as the data.
 */
export function zipOf(files: Record<string, string>, top: string | null, links: Record<string, string> = {}): Uint8Array {
  const at = (p: string) => (top === null ? p : `${top}/${p}`);
  return zipSync({
    ...Object.fromEntries(Object.entries(files).map(([p, c]) => [at(p), encoder.encode(c)])),
    ...Object.fromEntries(Object.entries(links).map(([p, target]) => [at(p), [encoder.encode(target), { os: 3, attrs: SYMLINK_ATTRS }]])),
  });
}


/**
 * A scoring package (legacy layout; `layout: "2023-07"` for the new one): read n, print 2n.
 * Samples score 0; subtask `small` (n < 10^6) is worth 30, `large` (n up to 10^10) 70, each
 * the minimum over its tests and stopping at its first failure; secret is accepted when any
 * subtask is (accept_if_any_accepted), and the root grades secret alone (ignore_sample).
 * A solution right for small n only gets AC with 30 of 100, as problemtools grades it.
 */
export function scoredPackage(layout: "legacy" | "2023-07" = "legacy", overrides: Record<string, string | null> = {}): Record<string, string> {
  const files: Record<string, string | null> = {
    "problem.yaml":
      layout === "legacy"
        ? "name: Doubling\ntype: scoring\nlimits:\n  time_limit: 2\n"
        : "problem_format_version: 2023-07-draft\nname:\n  en: Doubling\ntype: [scoring]\nlimits:\n  time_limit: 2\n",
    [layout === "legacy" ? "problem_statement/problem.en.md" : "statement/problem.en.md"]: "# Doubling\n\nPrint twice n.\n",
    "data/testdata.yaml": "on_reject: continue\nrange: 0 100\ngrader_flags: ignore_sample\n",
    "data/sample/testdata.yaml": "accept_score: 0\ngrader_flags: first_error\n",
    "data/sample/1.in": "4\n",
    "data/sample/1.ans": "8\n",
    "data/secret/testdata.yaml": "grader_flags: first_error accept_if_any_accepted\n",
    "data/secret/small/testdata.yaml": "on_reject: break\naccept_score: 30\ngrader_flags: min\n",
    "data/secret/small/1.in": "3\n",
    "data/secret/small/1.ans": "6\n",
    "data/secret/small/2.in": "999999\n",
    "data/secret/small/2.ans": "1999998\n",
    "data/secret/large/testdata.yaml": "on_reject: break\naccept_score: 70\ngrader_flags: min\n",
    "data/secret/large/1.in": "3000000000\n",
    "data/secret/large/1.ans": "6000000000\n",
    "data/secret/large/2.in": "10000000000\n",
    "data/secret/large/2.ans": "20000000000\n",
    ...overrides,
  };
  return Object.fromEntries(Object.entries(files).filter((e): e is [string, string] => e[1] !== null));
}
