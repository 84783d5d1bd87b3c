import type { FunctionSignature } from "@judge/protocol";
import { functionLanguages } from "@judge/function-problems";

/**
 * A C solution returning its single parameter: LeetCode's starter with the body filled in, an
 * array's sizes handed back through returnSize / returnColumnSizes as LeetCode's C asks.
 */
export function identity(signature: FunctionSignature): string {
  const name = signature.params[0]!.name;
  const type = signature.params[0]!.type;
  const depth = type.startsWith("list<list<") || type.endsWith("[][]") ? 2 : type.startsWith("list<") || type.endsWith("[]") ? 1 : 0;
  const sizes = [
    ...(depth >= 1 ? [`*returnSize = ${name}Size;`] : []),
    ...(depth === 2 ? [`*returnColumnSizes = ${name}ColSize;`] : []),
  ];
  const body = [...sizes, `return ${name};`].map((line) => `    ${line}\n`).join("");
  return functionLanguages.c!.starter(signature).replace("{\n    \n}", `{\n${body}}`);
}
