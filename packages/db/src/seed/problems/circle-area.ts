import { Prng } from "../prng.ts";
import { MIB_IN_KB, type ProblemDefinition } from "../problem-definition.ts";

function test(radii: readonly string[]) {
  const areas = radii.map((r) => (Math.PI * Number(r) * Number(r)).toFixed(9));
  return { input: `${radii.length}\n${radii.join("\n")}\n`, output: `${areas.join("\n")}\n` };
}

/** Thousandths as a decimal string, e.g. 12345 → "12.345", so the input is exact text. */
function radius(thousandths: number): string {
  return `${Math.floor(thousandths / 1000)}.${String(thousandths % 1000).padStart(3, "0")}`;
}

/** Floating-point output, judged with a tolerance rather than text equality. */
export const circleArea: ProblemDefinition = {
  slug: "circle-area",
  title: "Circle Area",
  difficulty: "easy",
  tags: ["math", "geometry", "floating-point"],
  limits: { timeMs: 1000, memoryKb: 256 * MIB_IN_KB },
  checker: { kind: "float", abs: 1e-6, rel: 1e-6 },
  statement: `For each radius $r$, print the area $\\pi r^2$ of the circle with that radius.

## Input

The first line holds $t$ ($1 \\le t \\le 10^4$). Each of the next $t$ lines holds one real
number $r$ ($0 < r \\le 10^4$) with at most three digits after the decimal point.

## Output

$t$ lines, the areas in order. An answer is accepted when its absolute or relative
error is at most $10^{-6}$.
`,
  samples: [test(["1", "2.5"])],
  hidden() {
    const prng = new Prng(0xc1c);
    return [
      test(["0.001"]),
      test(["10000"]),
      test(["3", "0.5", "7.125"]),
      test(Array.from({ length: 100 }, () => radius(prng.int(1, 10_000)))),
      test(Array.from({ length: 10_000 }, () => radius(prng.int(1, 10_000_000)))),
    ];
  },
};
