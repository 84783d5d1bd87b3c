import { Prng } from "../prng.ts";
import { MIB_IN_KB } from "../problem-definition.ts";
import { type FunctionCase, functionProblem } from "./define.ts";

/** Lists travel as their values (LeetCode's serialisation), so merging two is merging arrays. */
export function mergeTwoLists(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]! <= b[j]!)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}

function sorted(prng: Prng, n: number, lo = -100, hi = 100): number[] {
  return prng.ints(n, lo, hi).sort((x, y) => x - y);
}

const test = (a: number[], b: number[]): FunctionCase => ({ args: [a, b], expected: mergeTwoLists(a, b) });

export const mergeTwoSortedListsProblem = functionProblem({
  slug: "merge-two-sorted-lists",
  title: "Merge Two Sorted Lists",
  difficulty: "easy",
  tags: ["linked-list", "recursion"],
  limits: { timeMs: 2000, memoryKb: 256 * MIB_IN_KB },
  signature: {
    kind: "function",
    name: "mergeTwoLists",
    params: [
      { name: "list1", type: "ListNode" },
      { name: "list2", type: "ListNode" },
    ],
    returns: "ListNode",
  },
  statement: `You are given the heads of two sorted linked lists \`list1\` and \`list2\`.

Merge them into one sorted list by splicing together the nodes of the two lists, and return
the head of the merged list.

**Example 1**

    Input: list1 = [1,2,4], list2 = [1,3,4]
    Output: [1,1,2,3,4,4]

**Example 2**

    Input: list1 = [], list2 = []
    Output: []

**Example 3**

    Input: list1 = [], list2 = [0]
    Output: [0]

**Constraints**

- The number of nodes in each list is in the range $[0, 50]$.
- $-100 \\le$ \`Node.val\` $\\le 100$
- Both \`list1\` and \`list2\` are sorted in non-decreasing order.
`,
  examples: [test([1, 2, 4], [1, 3, 4]), test([], []), test([], [0])],
  hidden() {
    const prng = new Prng(0x3e76e);
    const tests: FunctionCase[] = [
      test([5], []),
      test([], [-100]),
      test([1], [2]),
      test([2], [1]),
      test([1, 1, 1], [1, 1]),
      test([-100, 100], [-100, 100]),
      test([1, 2, 3], [4, 5, 6]),
      test([4, 5, 6], [1, 2, 3]),
      test([-10, -5, 0, 5, 10], [-7, -3, 3, 7]),
      test(sorted(prng, 50), []),
      test([], sorted(prng, 50)),
      test(sorted(prng, 50), sorted(prng, 50)),
    ];
    for (let k = 0; k < 10; k++) tests.push(test(sorted(prng, prng.int(0, 50)), sorted(prng, prng.int(0, 50))));
    for (let k = 0; k < 8; k++) tests.push(test(sorted(prng, prng.int(1, 50), -3, 3), sorted(prng, prng.int(1, 50), -3, 3)));
    return tests;
  },
  references: {
    python: `# Definition for singly-linked list.
# class ListNode:
#     def __init__(self, val=0, next=None):
#         self.val = val
#         self.next = next
class Solution:
    def mergeTwoLists(self, list1: Optional[ListNode], list2: Optional[ListNode]) -> Optional[ListNode]:
        dummy = tail = ListNode()
        while list1 and list2:
            if list1.val <= list2.val:
                tail.next, list1 = list1, list1.next
            else:
                tail.next, list2 = list2, list2.next
            tail = tail.next
        tail.next = list1 or list2
        return dummy.next
`,
    cpp: `/**
 * Definition for singly-linked list.
 * struct ListNode {
 *     int val;
 *     ListNode *next;
 *     ListNode() : val(0), next(nullptr) {}
 *     ListNode(int x) : val(x), next(nullptr) {}
 *     ListNode(int x, ListNode *next) : val(x), next(next) {}
 * };
 */
class Solution {
public:
    ListNode* mergeTwoLists(ListNode* list1, ListNode* list2) {
        ListNode dummy;
        ListNode* tail = &dummy;
        while (list1 && list2) {
            if (list1->val <= list2->val) { tail->next = list1; list1 = list1->next; }
            else { tail->next = list2; list2 = list2->next; }
            tail = tail->next;
        }
        tail->next = list1 ? list1 : list2;
        return dummy.next;
    }
};
`,
    java: `/**
 * Definition for singly-linked list.
 * public class ListNode {
 *     int val;
 *     ListNode next;
 *     ListNode() {}
 *     ListNode(int val) { this.val = val; }
 *     ListNode(int val, ListNode next) { this.val = val; this.next = next; }
 * }
 */
class Solution {
    public ListNode mergeTwoLists(ListNode list1, ListNode list2) {
        ListNode dummy = new ListNode();
        ListNode tail = dummy;
        while (list1 != null && list2 != null) {
            if (list1.val <= list2.val) { tail.next = list1; list1 = list1.next; }
            else { tail.next = list2; list2 = list2.next; }
            tail = tail.next;
        }
        tail.next = list1 != null ? list1 : list2;
        return dummy.next;
    }
}
`,
  },
});
