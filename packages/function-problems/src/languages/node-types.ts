import type { ReturnType, Signature } from "@judge/protocol";

/**
 * Which of LeetCode's node classes a signature mentions: the starter code shows the definition
 * of each in the comment LeetCode puts on top, ListNode's first.
 */
export function nodeTypesOf(signature: Signature): { list: boolean; tree: boolean } {
  const types: ReturnType[] =
    signature.kind === "function"
      ? [...signature.params.map((p) => p.type), signature.returns]
      : [...signature.constructorParams.map((p) => p.type), ...signature.methods.flatMap((m) => [...m.params.map((p) => p.type), m.returns])];
  return { list: types.includes("ListNode"), tree: types.includes("TreeNode") };
}
