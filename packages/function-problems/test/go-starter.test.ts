import { describe, expect, test } from "vitest";
import { go } from "../src/languages/go.ts";
import { groupAnagrams, lruCache, maxDepth, mergeTwoLists, rotate, twoSum } from "./leetcode-signatures.ts";

describe("Go starter code is LeetCode's", () => {
  test("twoSum", () => {
    expect(go.starter(twoSum)).toBe("func twoSum(nums []int, target int) []int {\n    \n}");
  });

  test("a ListNode problem", () => {
    expect(go.starter(mergeTwoLists)).toBe(`/**
 * Definition for singly-linked list.
 * type ListNode struct {
 *     Val int
 *     Next *ListNode
 * }
 */
func mergeTwoLists(list1 *ListNode, list2 *ListNode) *ListNode {
    
}`);
  });

  test("a TreeNode problem", () => {
    expect(go.starter(maxDepth)).toBe(`/**
 * Definition for a binary tree node.
 * type TreeNode struct {
 *     Val int
 *     Left *TreeNode
 *     Right *TreeNode
 * }
 */
func maxDepth(root *TreeNode) int {
    
}`);
  });

  test("a design problem", () => {
    expect(go.starter(lruCache)).toBe(`type LRUCache struct {
    
}


func Constructor(capacity int) LRUCache {
    
}


func (this *LRUCache) Get(key int) int {
    
}


func (this *LRUCache) Put(key int, value int)  {
    
}


/**
 * Your LRUCache object will be instantiated and called as such:
 * obj := Constructor(capacity);
 * param_1 := obj.Get(key);
 * obj.Put(key,value);
 */`);
  });

  test("in place (two spaces before the brace, as LeetCode has it), and a 2-D result", () => {
    expect(go.starter(rotate)).toBe("func rotate(nums []int, k int)  {\n    \n}");
    expect(go.starter(groupAnagrams)).toBe("func groupAnagrams(strs []string) [][]string {\n    \n}");
  });
});
