import { Prng } from "../prng.ts";
import { MIB_IN_KB, type ProblemDefinition } from "../problem-definition.ts";

const LIMIT = 1_000_000_000;

function test(a: number, b: number) {
  return { input: `${a} ${b}\n`, output: `${a + b}\n` };
}

/** The problem DESIGN.md names: two integers on one line, print their sum. */
export const aPlusB: ProblemDefinition = {
  slug: "a-plus-b",
  title: "A + B",
  difficulty: "easy",
  tags: ["math", "implementation"],
  limits: { timeMs: 1000, memoryKb: 256 * MIB_IN_KB },
  checker: { kind: "tokens" },
  statement: `Given two integers $a$ and $b$, print their sum.

## Input

One line with two integers $a$ and $b$ separated by a space ($|a|, |b| \\le 10^9$).

## Output

One integer: $a + b$.

## Note

The sum can reach $2 \\cdot 10^9$, which does not fit in a 32-bit signed integer.
`,
  samples: [test(1, 2)],
  hidden() {
    const prng = new Prng(0xa9b);
    const fixed: [number, number][] = [
      [0, 0],
      [-5, 7],
      [-3, -4],
      [LIMIT, LIMIT],
      [-LIMIT, -LIMIT],
      [LIMIT, -LIMIT],
      [-LIMIT, 1],
      [123456789, 876543211],
    ];
    const random = Array.from({ length: 6 }, (): [number, number] => [prng.int(-LIMIT, LIMIT), prng.int(-LIMIT, LIMIT)]);
    return [...fixed, ...random].map(([a, b]) => test(a, b));
  },
};
