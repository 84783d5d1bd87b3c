import type { Param, ReturnType, Signature } from "@judge/protocol";

/** Every parameter and result type a signature mentions, constructor and methods included. */
export function typesOf(signature: Signature): ReturnType[] {
  if (signature.kind === "function") return [...signature.params.map((p) => p.type), signature.returns];
  return [
    ...signature.constructorParams.map((p) => p.type),
    ...signature.methods.flatMap((m) => [...m.params.map((p) => p.type), m.returns]),
  ];
}

/** Which of LeetCode's node classes the program must define (and the starter code describe). */
export function nodeTypesOf(signature: Signature): { list: boolean; tree: boolean } {
  const types = typesOf(signature);
  return { list: types.includes("ListNode"), tree: types.includes("TreeNode") };
}

/**
 * The arguments as LeetCode's instantiation comment under a design class writes them,
 * without spaces: `obj.put(key,value)`.
 */
export function argumentNames(params: readonly Param[], quote: (name: string) => string = (n) => n): string {
  return params.map((p) => quote(p.name)).join(",");
}
