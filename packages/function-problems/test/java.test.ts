import { describe, expect, test } from "vitest";
import { functionLanguages } from "../src/index.ts";
import { java, javaType } from "../src/languages/java.ts";
import { groupAnagrams, lruCache, maxDepth, mergeTwoLists, minStack, rotate, twoSum } from "./leetcode-signatures.ts";

describe("Java starter code is LeetCode's", () => {
  test("twoSum", () => {
    expect(java.starter(twoSum)).toBe(`class Solution {
    public int[] twoSum(int[] nums, int target) {
        
    }
}`);
  });

  test("a ListNode problem has the singly-linked list definition on top", () => {
    expect(java.starter(mergeTwoLists)).toBe(`/**
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
        
    }
}`);
  });

  test("a TreeNode problem has the binary tree definition on top", () => {
    expect(java.starter(maxDepth)).toBe(`/**
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
        
    }
}`);
  });

  test("list<list<string>> is List<List<String>>", () => {
    expect(java.starter(groupAnagrams)).toBe(`class Solution {
    public List<List<String>> groupAnagrams(String[] strs) {
        
    }
}`);
  });

  test("a void in-place method", () => {
    expect(java.starter(rotate)).toBe(`class Solution {
    public void rotate(int[] nums, int k) {
        
    }
}`);
  });

  test("a design problem, with the instantiation comment", () => {
    expect(java.starter(lruCache)).toBe(`class LRUCache {

    public LRUCache(int capacity) {
        
    }
    
    public int get(int key) {
        
    }
    
    public void put(int key, int value) {
        
    }
}

/**
 * Your LRUCache object will be instantiated and called as such:
 * LRUCache obj = new LRUCache(capacity);
 * int param_1 = obj.get(key);
 * obj.put(key,value);
 */`);
  });

  test("design results are numbered by method position, void ones included", () => {
    expect(java.starter(minStack)).toBe(`class MinStack {

    public MinStack() {
        
    }
    
    public void push(int val) {
        
    }
    
    public void pop() {
        
    }
    
    public int top() {
        
    }
    
    public int getMin() {
        
    }
}

/**
 * Your MinStack object will be instantiated and called as such:
 * MinStack obj = new MinStack();
 * obj.push(val);
 * obj.pop();
 * int param_3 = obj.top();
 * int param_4 = obj.getMin();
 */`);
  });
});

describe("Java program", () => {
  test("is registered", () => {
    expect(functionLanguages.java).toBe(java);
  });

  test("keeps the user's lines where they were: the imports share line 1", () => {
    const code = "import java.util.HashMap;\nclass Solution {\n    public int[] twoSum(int[] nums, int target) { return null; }\n}\n";
    const { main, files } = java.program(twoSum, code);
    expect(main).toBe("Main.java");
    const lines = files["Solution.java"]!.split("\n");
    expect(lines[0]).toMatch(/^import java\.util\.\*;.* import java\.util\.HashMap;$/);
    expect(lines.slice(1)).toEqual(code.split("\n").slice(1));
    expect(files["Main.java"]).toContain("public class Main {");
    expect(files["Main.java"]).toContain("out.value(new Solution().twoSum(p0, p1));");
  });

  test("a design class is in a file of its name (a public class must be)", () => {
    const { files } = java.program(lruCache, "class LRUCache {}");
    expect(Object.keys(files).sort()).toEqual(["LRUCache.java", "Main.java", "Pair.java"]);
  });

  test("ListNode and TreeNode are defined only for a signature that uses them", () => {
    expect(Object.keys(java.program(mergeTwoLists, "").files)).toContain("ListNode.java");
    expect(Object.keys(java.program(mergeTwoLists, "").files)).not.toContain("TreeNode.java");
    expect(Object.keys(java.program(maxDepth, "").files)).toContain("TreeNode.java");
  });

  test("an import of javafx's Pair is neutralised in place: ours is in the default package", () => {
    const code = "import javafx.util.Pair;\nimport java.util.*;\nclass Solution {}";
    const user = java.program(twoSum, code).files["Solution.java"]!;
    expect(user.split("\n")).toHaveLength(3);
    expect(user).toContain("/* import javafx.util.Pair; */");
  });

  test("a void method's result is the parameter it names", () => {
    expect(java.program(rotate, "").files["Main.java"]).toContain("new Solution().rotate(p0, p1);\n        out.value(p0);");
  });
});

test("Java: a byte order mark before the user's code does not end up after the prelude", () => {
  const user = java.program(twoSum, "\uFEFFclass Solution {}").files["Solution.java"]!;
  expect(user).not.toContain("\uFEFF");
  expect(user).toMatch(/; class Solution \{\}$/);
});

test("Java: LeetCode's type for each kind of value", () => {
  expect(javaType("long")).toBe("long");
  expect(javaType("boolean")).toBe("boolean");
  expect(javaType("character[][]")).toBe("char[][]");
  expect(javaType("string[]")).toBe("String[]");
  expect(javaType("double[]")).toBe("double[]");
  expect(javaType("list<double>")).toBe("List<Double>");
  expect(javaType("list<character>")).toBe("List<Character>");
  expect(javaType("list<list<integer>>")).toBe("List<List<Integer>>");
});
