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

export function zipOf(files: Record<string, string>, top: string | null): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([p, c]) => [top === null ? p : `${top}/${p}`, encoder.encode(c)])));
}

