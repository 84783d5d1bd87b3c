import { Prng } from "../prng.ts";
import { MIB_IN_KB } from "../problem-definition.ts";
import { type FunctionCase, functionProblem } from "./define.ts";

interface Node {
  val: number;
  left: Node | null;
  right: Node | null;
}

/** LeetCode's level-order serialisation: null for a missing child, trailing nulls dropped. */
export function serializeTree(root: Node | null): (number | null)[] {
  const out: (number | null)[] = [];
  const queue: (Node | null)[] = [root];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i]!;
    out.push(node === null ? null : node.val);
    if (node !== null) queue.push(node.left, node.right);
  }
  while (out.length > 0 && out.at(-1) === null) out.pop();
  return out;
}

/** Depth without recursion: a skewed tree of thousands of nodes must not overflow here either. */
export function maxDepth(root: Node | null): number {
  let depth = 0;
  let level = root === null ? [] : [root];
  while (level.length > 0) {
    depth++;
    level = level.flatMap((n) => [n.left, n.right].filter((c): c is Node => c !== null));
  }
  return depth;
}

/** n nodes, each hung under a random free child slot: shapes from bushy to stringy. */
function randomTree(prng: Prng, n: number): Node | null {
  if (n === 0) return null;
  const root: Node = { val: prng.int(-100, 100), left: null, right: null };
  const free: [Node, "left" | "right"][] = [[root, "left"], [root, "right"]];
  for (let k = 1; k < n; k++) {
    const at = prng.int(0, free.length - 1);
    const [parent, side] = free[at]!;
    free[at] = free.at(-1)!;
    free.pop();
    const node: Node = { val: prng.int(-100, 100), left: null, right: null };
    parent[side] = node;
    free.push([node, "left"], [node, "right"]);
  }
  return root;
}

/** A path of n nodes, turning left or right at random (all left when `turn` is 0). */
function chain(prng: Prng, n: number, turn: number): Node | null {
  let root: Node | null = null;
  for (let k = 0; k < n; k++) {
    const node: Node = { val: prng.int(-100, 100), left: null, right: null };
    if (root !== null) {
      if (prng.next() < turn) node.right = root;
      else node.left = root;
    }
    root = node;
  }
  return root;
}

function perfect(depth: number, val = 1): Node | null {
  return depth === 0 ? null : { val, left: perfect(depth - 1, val), right: perfect(depth - 1, -val) };
}

const test = (root: Node | null): FunctionCase => ({ args: [serializeTree(root)], expected: maxDepth(root) });

/** A tree from its serialisation, for the statement's examples. */
function parse(values: (number | null)[]): Node | null {
  if (values.length === 0) return null;
  const nodes = values.map((v) => (v === null ? null : { val: v, left: null, right: null } as Node));
  const queue = [nodes[0]!];
  let i = 1;
  for (let q = 0; q < queue.length && i < nodes.length; q++) {
    const parent = queue[q]!;
    parent.left = nodes[i++] ?? null;
    if (parent.left) queue.push(parent.left);
    if (i < nodes.length) {
      parent.right = nodes[i++] ?? null;
      if (parent.right) queue.push(parent.right);
    }
  }
  return nodes[0]!;
}

export const maximumDepthOfBinaryTreeProblem = functionProblem({
  slug: "maximum-depth-of-binary-tree",
  title: "Maximum Depth of Binary Tree",
  difficulty: "easy",
  tags: ["tree", "depth-first-search", "breadth-first-search", "binary-tree"],
  limits: { timeMs: 2000, memoryKb: 256 * MIB_IN_KB },
  signature: { kind: "function", name: "maxDepth", params: [{ name: "root", type: "TreeNode" }], returns: "integer" },
  statement: `Given the \`root\` of a binary tree, return its maximum depth: the number of nodes along the
longest path from the root down to the farthest leaf.

**Example 1**

    Input: root = [3,9,20,null,null,15,7]
    Output: 3

**Example 2**

    Input: root = [1,null,2]
    Output: 2

**Constraints**

- The number of nodes in the tree is in the range $[0, 10^4]$.
- $-100 \\le$ \`Node.val\` $\\le 100$
`,
  examples: [test(parse([3, 9, 20, null, null, 15, 7])), test(parse([1, null, 2]))],
  hidden() {
    const prng = new Prng(0xdee9);
    const tests: FunctionCase[] = [
      test(null),
      test(parse([0])),
      test(parse([1, 2])),
      test(parse([1, null, 2, null, 3])),
      test(parse([-100, -100, 100])),
      test(perfect(4)),
      test(perfect(10)),
      test(chain(prng, 10, 0)),
      test(chain(prng, 10, 1)),
      // Deep but within the recursion depth every language's default allows a LeetCode solution.
      test(chain(prng, 500, 0)),
      test(chain(prng, 500, 1)),
      test(chain(prng, 500, 0.5)),
    ];
    for (let k = 0; k < 10; k++) tests.push(test(randomTree(prng, prng.int(1, 30))));
    for (let k = 0; k < 6; k++) tests.push(test(randomTree(prng, prng.int(100, 1000))));
    tests.push(test(randomTree(prng, 10_000)));
    tests.push(test(randomTree(prng, 10_000)));
    return tests;
  },
  references: {
    python: `# Definition for a binary tree node.
# class TreeNode:
#     def __init__(self, val=0, left=None, right=None):
#         self.val = val
#         self.left = left
#         self.right = right
class Solution:
    def maxDepth(self, root: Optional[TreeNode]) -> int:
        depth = 0
        level = [root] if root else []
        while level:
            depth += 1
            level = [c for n in level for c in (n.left, n.right) if c]
        return depth
`,
    cpp: `/**
 * Definition for a binary tree node.
 * struct TreeNode {
 *     int val;
 *     TreeNode *left;
 *     TreeNode *right;
 *     TreeNode() : val(0), left(nullptr), right(nullptr) {}
 *     TreeNode(int x) : val(x), left(nullptr), right(nullptr) {}
 *     TreeNode(int x, TreeNode *left, TreeNode *right) : val(x), left(left), right(right) {}
 * };
 */
class Solution {
public:
    int maxDepth(TreeNode* root) {
        if (!root) return 0;
        return 1 + max(maxDepth(root->left), maxDepth(root->right));
    }
};
`,
    java: `/**
 * Definition for a binary tree node.
 * public class TreeNode {
 *     int val;
 *     TreeNode left;
 *     TreeNode right;
 *     TreeNode() {}
 *     TreeNode(int val) { this.val = val; }
 *     TreeNode(int val, TreeNode left, TreeNode right) {
 *         this.val = val;
 *         this.left = left;
 *         this.right = right;
 *     }
 * }
 */
class Solution {
    public int maxDepth(TreeNode root) {
        if (root == null) return 0;
        return 1 + Math.max(maxDepth(root.left), maxDepth(root.right));
    }
}
`,
  },
});
