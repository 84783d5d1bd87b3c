import { MIB_IN_KB, type ProblemDefinition } from "../problem-definition.ts";

export function fizzbuzzLines(n: number): string[] {
  return Array.from({ length: n }, (_, k) => {
    const i = k + 1;
    return i % 15 === 0 ? "FizzBuzz" : i % 3 === 0 ? "Fizz" : i % 5 === 0 ? "Buzz" : String(i);
  });
}

function test(n: number) {
  return { input: `${n}\n`, output: `${fizzbuzzLines(n).join("\n")}\n` };
}

export const fizzbuzz: ProblemDefinition = {
  slug: "fizzbuzz",
  title: "FizzBuzz",
  difficulty: "easy",
  tags: ["implementation"],
  limits: { timeMs: 1000, memoryKb: 256 * MIB_IN_KB },
  checker: { kind: "tokens" },
  statement: `For each $i$ from $1$ to $n$, print one line: \`FizzBuzz\` if $i$ is divisible by $15$,
\`Fizz\` if by $3$, \`Buzz\` if by $5$, and $i$ itself otherwise.

## Input

One integer $n$ ($1 \\le n \\le 10^5$).

## Output

$n$ lines as described.
`,
  samples: [test(15)],
  hidden: () => [test(1), test(3), test(5), test(30), test(99_999), test(100_000)],
};
