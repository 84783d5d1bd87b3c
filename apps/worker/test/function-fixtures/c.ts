import { type DesignSignature, type FunctionSignature, type ValueType, elementType } from "@judge/protocol";
import { fillBodies } from "./fill-bodies.ts";
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

/** How many sizes LeetCode's C passes beside an array: its length, then its rows' lengths. */
function arrayDepth(type: ValueType): number {
  const element = elementType(type);
  return element === null ? 0 : 1 + arrayDepth(element);
}

/**
 * A C design solution whose every method returns its argument: LeetCode's starter with the
 * struct, create, methods and free filled in, an array's sizes handed back through retSize /
 * retColSize as LeetCode's C design methods ask.
 */
export function echo(signature: DesignSignature): string {
  const methods = signature.methods.map((method) => {
    const name = method.params[0]!.name;
    const depth = arrayDepth(method.params[0]!.type);
    const sizes = [...(depth >= 1 ? [`*retSize = ${name}Size;`] : []), ...(depth === 2 ? [`*retColSize = ${name}ColSize;`] : [])];
    return `{\n${[...sizes, `return ${name};`].map((line) => `  ${line}\n`).join("")}}`;
  });
  const starter = fillBodies(functionLanguages.c!.starter(signature), "{\n  \n}", methods);
  const struct = "{\n    int unused;\n}";
  const create = `{\n    return calloc(1, sizeof(${signature.className}));\n}`;
  const destroy = "{\n    free(obj);\n}";
  return fillBodies(starter, "{\n    \n}", [struct, create, destroy]);
}
