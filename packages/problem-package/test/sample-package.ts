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

