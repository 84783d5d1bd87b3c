import { describe, expect, test } from "vitest";
import { functionLanguages } from "../src/index.ts";
import { csharp, csharpType } from "../src/languages/csharp.ts";
import { groupAnagrams, lruCache, maxDepth, mergeTwoLists, rotate, twoSum } from "./leetcode-signatures.ts";

describe("C# starter code is LeetCode's", () => {
  test("twoSum, PascalCase", () => {
    expect(csharp.starter(twoSum)).toBe(`public class Solution {
    public int[] TwoSum(int[] nums, int target) {
        
    }
}`);
  });

  test("a ListNode problem", () => {
    expect(csharp.starter(mergeTwoLists)).toBe(`/**
 * Definition for singly-linked list.
 * public class ListNode {
 *     public int val;
 *     public ListNode next;
 *     public ListNode(int val=0, ListNode next=null) {
 *         this.val = val;
 *         this.next = next;
 *     }
 * }
 */
public class Solution {
    public ListNode MergeTwoLists(ListNode list1, ListNode list2) {
        
    }
}`);
  });

  test("a TreeNode problem", () => {
    expect(csharp.starter(maxDepth)).toBe(`/**
 * Definition for a binary tree node.
 * public class TreeNode {
 *     public int val;
 *     public TreeNode left;
 *     public TreeNode right;
 *     public TreeNode(int val=0, TreeNode left=null, TreeNode right=null) {
 *         this.val = val;
 *         this.left = left;
 *         this.right = right;
 *     }
 * }
 */
public class Solution {
    public int MaxDepth(TreeNode root) {
        
    }
}`);
  });

  test("list<list<string>> is IList<IList<string>>", () => {
    expect(csharp.starter(groupAnagrams)).toBe(`public class Solution {
    public IList<IList<string>> GroupAnagrams(string[] strs) {
        
    }
}`);
  });

  test("a void in-place method", () => {
    expect(csharp.starter(rotate)).toBe(`public class Solution {
    public void Rotate(int[] nums, int k) {
        
    }
}`);
  });

  test("a design problem", () => {
    expect(csharp.starter(lruCache)).toBe(`public class LRUCache {

    public LRUCache(int capacity) {
        
    }
    
    public int Get(int key) {
        
    }
    
    public void Put(int key, int value) {
        
    }
}

/**
 * Your LRUCache object will be instantiated and called as such:
 * LRUCache obj = new LRUCache(capacity);
 * int param_1 = obj.Get(key);
 * obj.Put(key,value);
 */`);
  });
});

describe("C# program", () => {
  test("is registered", () => {
    expect(functionLanguages.csharp).toBe(csharp);
  });

  test("is one file whose #line directive gives the user's code its own name and lines", () => {
    const code = "using System.Text;\npublic class Solution {\n    public int[] TwoSum(int[] nums, int target) { return nums; }\n}";
    const { main, files } = csharp.program(twoSum, code);
    expect(main).toBe("main.cs");
    expect(Object.keys(files)).toEqual(["main.cs"]);
    const source = files["main.cs"]!;
    expect(source).toContain(`#line 1 "Solution.cs"\n${code}\n#line default\n`);
    expect(source.indexOf("using System.Collections.Generic;")).toBeLessThan(source.indexOf(code));
    expect(source).toContain("output.Value(new global::Solution().TwoSum(p0, p1));");
  });

  test("ListNode is defined only for a signature that uses it", () => {
    expect(csharp.program(mergeTwoLists, "").files["main.cs"]).toContain("public class ListNode {");
    expect(csharp.program(twoSum, "").files["main.cs"]).not.toContain("class ListNode");
  });
});

test("C#: LeetCode's type for each kind of value", () => {
  expect(csharpType("boolean")).toBe("bool");
  expect(csharpType("string")).toBe("string");
  expect(csharpType("character[][]")).toBe("char[][]");
  expect(csharpType("long[]")).toBe("long[]");
  expect(csharpType("list<integer>")).toBe("IList<int>");
  expect(csharpType("list<list<string>>")).toBe("IList<IList<string>>");
  expect(csharpType("ListNode")).toBe("ListNode");
});
