import { Prng } from "../prng.ts";
import { MIB_IN_KB, type ProblemDefinition } from "../problem-definition.ts";

function test(s: string) {
  return { input: `${s}\n`, output: `${[...s].reverse().join("")}\n` };
}

function letters(prng: Prng, length: number): string {
  return Array.from({ length }, () => String.fromCharCode(prng.int(97, 122))).join("");
}

export const reverseString: ProblemDefinition = {
  slug: "reverse-string",
  title: "Reverse a String",
  difficulty: "easy",
  tags: ["strings", "implementation"],
  limits: { timeMs: 1000, memoryKb: 256 * MIB_IN_KB },
  checker: { kind: "tokens" },
  statement: `Print the string $s$ backwards.

## Input

One line with the string $s$ of lowercase English letters ($1 \\le |s| \\le 10^5$).

## Output

$s$ reversed.
`,
  samples: [test("hello"), test("judge")],
  hidden() {
    const prng = new Prng(0x5e7);
    return [test("a"), test("racecar"), test("ab"), test(letters(prng, 1000)), test(letters(prng, 100_000))];
  },
};
