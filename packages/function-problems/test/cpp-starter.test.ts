import { describe, expect, test } from "vitest";
import { cpp } from "../src/languages/cpp.ts";
import { groupAnagrams, lruCache, maxDepth, mergeTwoLists, rotate, twoSum } from "./leetcode-signatures.ts";

describe("C++ starter code is LeetCode's", () => {
  test("twoSum", () => {
    expect(cpp.starter(twoSum)).toBe(
      "class Solution {\npublic:\n    vector<int> twoSum(vector<int>& nums, int target) {\n        \n    }\n};",
    );
  });

  test("a ListNode problem", () => {
    expect(cpp.starter(mergeTwoLists)).toBe(`/**
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
        
    }
};`);
  });

  test("a TreeNode problem", () => {
    expect(cpp.starter(maxDepth)).toBe(`/**
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
        
    }
};`);
  });

  test("a design problem", () => {
    expect(cpp.starter(lruCache)).toBe(`class LRUCache {
public:
    LRUCache(int capacity) {
        
    }
    
    int get(int key) {
        
    }
    
    void put(int key, int value) {
        
    }
};

/**
 * Your LRUCache object will be instantiated and called as such:
 * LRUCache* obj = new LRUCache(capacity);
 * int param_1 = obj->get(key);
 * obj->put(key,value);
 */`);
  });

  test("in place, and a list of lists of strings", () => {
    expect(cpp.starter(rotate)).toContain("    void rotate(vector<int>& nums, int k) {\n");
    expect(cpp.starter(groupAnagrams)).toContain("    vector<vector<string>> groupAnagrams(vector<string>& strs) {\n");
  });
});

describe("C++ program", () => {
  test("keeps the user's code in a file of its own, included after the prelude, with bits/stdc++.h first for the precompiled header", () => {
    const program = cpp.program(twoSum, "class Solution {};");
    expect(program.main).toBe("main.cpp");
    expect(program.files["solution.cpp"]).toBe("class Solution {};");
    const main = program.files["main.cpp"]!;
    expect(main.startsWith("#include <bits/stdc++.h>\nusing namespace std;\n")).toBe(true);
    expect(main.indexOf("struct ListNode {")).toBeLessThan(main.indexOf('#include "solution.cpp"'));
    expect(main.indexOf('#include "solution.cpp"')).toBeLessThan(main.indexOf("solution->twoSum(a0, a1)"));
  });
});
