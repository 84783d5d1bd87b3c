import assert from "node:assert/strict";
import { test } from "vitest";
import type { Signature } from "@judge/protocol";
import { functionLanguages } from "../src/index.ts";
import { lruCache as lru, mergeTwoLists as merge, twoSum as signature } from "./leetcode-signatures.ts";

/** The starters as LeetCode's Python 3 editor shows them, character for character. */
const starter = (signature: Signature) => functionLanguages.python!.starter(signature);

test("a function: class Solution with LeetCode's type hints and an indented empty body", () => {
  assert.equal(starter(signature), "class Solution:\n    def twoSum(self, nums: List[int], target: int) -> List[int]:\n        ");
  assert.equal(functionLanguages.pypy!.starter(signature), starter(signature));
});

test("ListNode and TreeNode bring LeetCode's definition comments, list first", () => {
  assert.equal(
    starter(merge),
    [
      "# Definition for singly-linked list.",
      "# class ListNode:",
      "#     def __init__(self, val=0, next=None):",
      "#         self.val = val",
      "#         self.next = next",
      "class Solution:",
      "    def mergeTwoLists(self, list1: Optional[ListNode], list2: Optional[ListNode]) -> Optional[ListNode]:",
      "        ",
    ].join("\n"),
  );
  const both: Signature = {
    kind: "function",
    name: "isSubPath",
    params: [
      { name: "head", type: "ListNode" },
      { name: "root", type: "TreeNode" },
    ],
    returns: "boolean",
  };
  const text = starter(both);
  assert.ok(text.startsWith("# Definition for singly-linked list.\n"));
  assert.ok(text.includes("#         self.next = next\n# Definition for a binary tree node.\n# class TreeNode:\n"));
  assert.ok(text.endsWith("#         self.right = right\nclass Solution:\n    def isSubPath(self, head: Optional[ListNode], root: Optional[TreeNode]) -> bool:\n        "));
});

test("a void method returns None; doubles, strings and 2-D lists in LeetCode's spelling", () => {
  const signature: Signature = {
    kind: "function",
    name: "fill",
    params: [
      { name: "grid", type: "character[][]" },
      { name: "rate", type: "double" },
      { name: "word", type: "string" },
      { name: "flags", type: "list<boolean>" },
    ],
    returns: "void",
    output: { paramIndex: 0 },
  };
  assert.equal(
    starter(signature),
    "class Solution:\n    def fill(self, grid: List[List[str]], rate: float, word: str, flags: List[bool]) -> None:\n        ",
  );
});

test("a design problem: LeetCode's class with blank lines between methods and the usage comment", () => {
  assert.equal(
    starter(lru),
    [
      "class LRUCache:",
      "",
      "    def __init__(self, capacity: int):",
      "        ",
      "",
      "    def get(self, key: int) -> int:",
      "        ",
      "",
      "    def put(self, key: int, value: int) -> None:",
      "        ",
      "",
      "",
      "# Your LRUCache object will be instantiated and called as such:",
      "# obj = LRUCache(capacity)",
      "# param_1 = obj.get(key)",
      "# obj.put(key,value)",
    ].join("\n"),
  );
  const minStack: Signature = {
    kind: "design",
    className: "MinStack",
    constructorParams: [],
    methods: [
      { name: "push", params: [{ name: "val", type: "integer" }], returns: "void" },
      { name: "top", params: [], returns: "integer" },
    ],
  };
  assert.ok(starter(minStack).startsWith("class MinStack:\n\n    def __init__(self):\n        \n\n    def push(self, val: int) -> None:"));
  assert.ok(starter(minStack).endsWith("# obj = MinStack()\n# obj.push(val)\n# param_2 = obj.top()"));
});
