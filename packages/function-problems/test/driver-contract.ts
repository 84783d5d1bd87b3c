import { type DesignSignature, type LanguageId, ValueType } from "@judge/protocol";
import { expect, it } from "vitest";
import { BOUNDARY, hostHas, runOnHost } from "./host-program.ts";
import { rotate, twoSum } from "./leetcode-signatures.ts";

/**
 * What every script language's driver must do (docs/function-problems.md), run on the host's
 * toolchain: each language's test file gives the user code and calls this.
 */
export interface ContractSolutions {
  /** a design class named `Mirror` whose every method returns its argument */
  mirror(methods: readonly string[]): string;
  /** LeetCode's rotate-array, in place */
  rotate: string;
  /** two-sum answering [0,1] after printing `case <nums.length>` and a newline, and throwing when nums has 3 elements */
  printingTwoSum: string;
}

const samples: Record<string, [unknown, unknown]> = {
  integer: [-2147483648, 2147483647],
  long: [9007199254740991, -9007199254740991],
  double: [1e-7, 1e300],
  boolean: [true, false],
  string: ['multi\nline "q" \\ é 漢 😀 \u0001 end', ""],
  character: ['"', "\n"],
};

function sample(type: ValueType, which: 0 | 1): unknown {
  if (type === "ListNode") return which === 0 ? [1, 2, 3] : [];
  if (type === "TreeNode") return which === 0 ? [1, null, 2, 3] : [];
  const scalar = type.replace(/\[\]|list<|>/g, "");
  const value = samples[scalar]![which];
  const depth = (type.match(/\[\]|list</g) ?? []).length;
  if (depth === 0) return value;
  if (which === 1) return [];
  return depth === 1 ? [value, value] : [[value], []];
}

/** Every type once, as the methods of one design class: one process checks them all. */
const types = ValueType.options;
const mirror: DesignSignature = {
  kind: "design",
  className: "Mirror",
  constructorParams: [],
  methods: types.map((type, i) => ({ name: `echo${i}`, params: [{ name: "value", type }], returns: type })),
};

export function driverContract(language: LanguageId, solutions: ContractSolutions): void {
  const available = hostHas(language);
  const test = available || process.env.CI === "true" ? it : it.skip;

  test(`${language} driver: every type round-trips, edge values included`, async () => {
    const methods = mirror.methods.map((m) => m.name);
    const cases = ([0, 1] as const).map((which) => {
      const values = types.map((type) => sample(type, which));
      return `${JSON.stringify(["Mirror", ...methods])}\n${JSON.stringify([[], ...values.map((v) => [v])])}`;
    });
    const run = await runOnHost(language, mirror, solutions.mirror(methods), cases);
    expect(run.stderr).toBe("");
    expect(run.results).toHaveLength(2);
    for (const which of [0, 1] as const) {
      expect(JSON.parse(run.results[which]!)).toEqual([null, ...types.map((type) => sample(type, which))]);
    }
  });

  test(`${language} driver: a void method's result is its argument after the call`, async () => {
    const run = await runOnHost(language, rotate, solutions.rotate, ["[1,2,3,4,5,6,7]\n3", "[-1,-100,3,99]\n2"]);
    expect(run.results).toEqual(["[5,6,7,1,2,3,4]", "[3,99,-1,-100]"]);
  });

  test(`${language} driver: the user's prints end with the boundary per case; a throw ends the results`, async () => {
    const run = await runOnHost(language, twoSum, solutions.printingTwoSum, ["[2,7,11,15]\n9", "[3,3]\n6", "[3,2,4]\n6", "[1,2]\n3"]);
    expect(run.results).toEqual(["[0,1]", "[0,1]"]);
    expect(run.stdout.split(BOUNDARY).slice(0, 2)).toEqual(["case 4\n", "case 2\n"]);
    expect(run.exitCode).not.toBe(0);
  });
}
