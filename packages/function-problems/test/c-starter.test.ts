import { describe, expect, test } from "vitest";
import { c } from "../src/languages/c.ts";
import { groupAnagrams, lruCache, maxDepth, mergeTwoLists, rotate, twoSum } from "./leetcode-signatures.ts";

describe("C starter code is LeetCode's", () => {
  test("twoSum", () => {
    expect(c.starter(twoSum)).toBe(`/**
 * Note: The returned array must be malloced, assume caller calls free().
 */
int* twoSum(int* nums, int numsSize, int target, int* returnSize) {
    
}`);
  });

  test("a ListNode problem", () => {
    expect(c.starter(mergeTwoLists)).toBe(`/**
 * Definition for singly-linked list.
 * struct ListNode {
 *     int val;
 *     struct ListNode *next;
 * };
 */
struct ListNode* mergeTwoLists(struct ListNode* list1, struct ListNode* list2) {
    
}`);
  });

  test("a TreeNode problem", () => {
    expect(c.starter(maxDepth)).toBe(`/**
 * Definition for a binary tree node.
 * struct TreeNode {
 *     int val;
 *     struct TreeNode *left;
 *     struct TreeNode *right;
 * };
 */
int maxDepth(struct TreeNode* root) {
    
}`);
  });

  test("a design problem", () => {
    expect(c.starter(lruCache)).toBe(`


typedef struct {
    
} LRUCache;


LRUCache* lRUCacheCreate(int capacity) {
    
}

int lRUCacheGet(LRUCache* obj, int key) {
  
}

void lRUCachePut(LRUCache* obj, int key, int value) {
  
}

void lRUCacheFree(LRUCache* obj) {
    
}

/**
 * Your LRUCache struct will be instantiated and called as such:
 * LRUCache* obj = lRUCacheCreate(capacity);
 * int param_1 = lRUCacheGet(obj, key);
 
 * lRUCachePut(obj, key, value);
 
 * lRUCacheFree(obj);
*/`);
  });

  test("in place, and a 2-D result with its column sizes", () => {
    expect(c.starter(rotate)).toBe("void rotate(int* nums, int numsSize, int k) {\n    \n}");
    expect(c.starter(groupAnagrams)).toBe(`/**
 * Return an array of arrays of size *returnSize.
 * The sizes of the arrays are returned as *returnColumnSizes array.
 * Note: Both returned array and *columnSizes array must be malloced, assume caller calls free().
 */
char*** groupAnagrams(char** strs, int strsSize, int* returnSize, int** returnColumnSizes) {
    
}`);
  });

  test("2-D parameters carry their row count and column sizes", () => {
    const starter = c.starter({
      kind: "function",
      name: "setZeroes",
      params: [{ name: "matrix", type: "integer[][]" }],
      returns: "void",
      output: { paramIndex: 0 },
    });
    expect(starter).toBe("void setZeroes(int** matrix, int matrixSize, int* matrixColSize) {\n    \n}");
  });
});

describe("C program", () => {
  test("includes the user's file after the prelude and the driver's helpers, before the generated call", () => {
    const program = c.program(twoSum, "int* twoSum() { return 0; }");
    expect(program.main).toBe("main.c");
    expect(program.files["solution.c"]).toBe("int* twoSum() { return 0; }");
    const main = program.files["main.c"]!;
    expect(main.indexOf("#include <stdbool.h>")).toBeLessThan(main.indexOf('#include "solution.c"'));
    expect(main).toContain("int* result = twoSum(a0, a0Size, a1, &resultSize);");
    expect(main).not.toContain("uthash");
  });
});
