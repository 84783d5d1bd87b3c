import { describe, expect, test } from "vitest";
import { functionLanguages } from "../src/index.ts";
import { kotlin, kotlinType } from "../src/languages/kotlin.ts";
import { groupAnagrams, lruCache, maxDepth, mergeTwoLists, minStack, rotate, twoSum } from "./leetcode-signatures.ts";

describe("Kotlin starter code is LeetCode's", () => {
  test("twoSum", () => {
    expect(kotlin.starter(twoSum)).toBe(`class Solution {
    fun twoSum(nums: IntArray, target: Int): IntArray {
        
    }
}`);
  });

  test("a ListNode problem: nullable nodes, the Example comment on top", () => {
    expect(kotlin.starter(mergeTwoLists)).toBe(`/**
 * Example:
 * var li = ListNode(5)
 * var v = li.\`val\`
 * Definition for singly-linked list.
 * class ListNode(var \`val\`: Int) {
 *     var next: ListNode? = null
 * }
 */
class Solution {
    fun mergeTwoLists(list1: ListNode?, list2: ListNode?): ListNode? {
        
    }
}`);
  });

  test("a TreeNode problem", () => {
    expect(kotlin.starter(maxDepth)).toBe(`/**
 * Example:
 * var ti = TreeNode(5)
 * var v = ti.\`val\`
 * Definition for a binary tree node.
 * class TreeNode(var \`val\`: Int) {
 *     var left: TreeNode? = null
 *     var right: TreeNode? = null
 * }
 */
class Solution {
    fun maxDepth(root: TreeNode?): Int {
        
    }
}`);
  });

  test("list<list<string>> is List<List<String>>, string[] is Array<String>", () => {
    expect(kotlin.starter(groupAnagrams)).toBe(`class Solution {
    fun groupAnagrams(strs: Array<String>): List<List<String>> {
        
    }
}`);
  });

  test("a void Solution method says Unit", () => {
    expect(kotlin.starter(rotate)).toBe(`class Solution {
    fun rotate(nums: IntArray, k: Int): Unit {
        
    }
}`);
  });

  test("a design problem: constructor parameters on the class", () => {
    expect(kotlin.starter(lruCache)).toBe(`class LRUCache(capacity: Int) {

    fun get(key: Int): Int {
        
    }

    fun put(key: Int, value: Int) {
        
    }

}

/**
 * Your LRUCache object will be instantiated and called as such:
 * var obj = LRUCache(capacity)
 * var param_1 = obj.get(key)
 * obj.put(key,value)
 */`);
  });

  test("a keyword parameter is backquoted, in the comment too", () => {
    expect(kotlin.starter(minStack)).toBe(`class MinStack() {

    fun push(\`val\`: Int) {
        
    }

    fun pop() {
        
    }

    fun top(): Int {
        
    }

    fun getMin(): Int {
        
    }

}

/**
 * Your MinStack object will be instantiated and called as such:
 * var obj = MinStack()
 * obj.push(\`val\`)
 * obj.pop()
 * var param_3 = obj.top()
 * var param_4 = obj.getMin()
 */`);
  });
});

describe("Kotlin program", () => {
  test("is registered", () => {
    expect(functionLanguages.kotlin).toBe(kotlin);
  });

  test("keeps the user's lines where they were: the imports share line 1", () => {
    const code = "import java.util.PriorityQueue\nclass Solution {\n    fun twoSum(nums: IntArray, target: Int): IntArray = nums\n}\n";
    const { main, files } = kotlin.program(twoSum, code);
    expect(main).toBe("main.kt");
    const lines = files["Solution.kt"]!.split("\n");
    expect(lines[0]).toBe("import java.util.*; import kotlin.math.*; import java.util.PriorityQueue");
    expect(lines.slice(1)).toEqual(code.split("\n").slice(1));
    expect(files["main.kt"]).toContain("out.value(Solution().twoSum(p0, p1))");
  });

  test("ListNode and TreeNode are defined only for a signature that uses them", () => {
    expect(Object.keys(kotlin.program(mergeTwoLists, "").files).sort()).toEqual(["ListNode.kt", "Solution.kt", "main.kt"]);
    expect(Object.keys(kotlin.program(maxDepth, "").files).sort()).toEqual(["Solution.kt", "TreeNode.kt", "main.kt"]);
  });
});

test("Kotlin: LeetCode's type for each kind of value", () => {
  expect(kotlinType("long")).toBe("Long");
  expect(kotlinType("boolean[]")).toBe("BooleanArray");
  expect(kotlinType("character[][]")).toBe("Array<CharArray>");
  expect(kotlinType("string[][]")).toBe("Array<Array<String>>");
  expect(kotlinType("double[]")).toBe("DoubleArray");
  expect(kotlinType("list<integer>")).toBe("List<Int>");
  expect(kotlinType("list<list<integer>>")).toBe("List<List<Int>>");
  expect(kotlinType("TreeNode")).toBe("TreeNode?");
});
