import { describe, expect, it } from "vitest";
import { functionLanguages } from "../src/index.ts";
import { lruCache, maxDepth, mergeTwoLists, minStack, rotate, twoSum } from "./leetcode-signatures.ts";
import { driverContract } from "./driver-contract.ts";

const javascript = functionLanguages.javascript!;

// LeetCode's text, blank lines with their four spaces and the design blocks' trailing spaces included.
describe("JavaScript starter code is LeetCode's", () => {
  it("two-sum", () => {
    expect(javascript.starter(twoSum)).toBe(`/**
 * @param {number[]} nums
 * @param {number} target
 * @return {number[]}
 */
var twoSum = function(nums, target) {
    
};`);
  });

  it("a ListNode problem has the definition comment on top", () => {
    expect(javascript.starter(mergeTwoLists)).toBe(`/**
 * Definition for singly-linked list.
 * function ListNode(val, next) {
 *     this.val = (val===undefined ? 0 : val)
 *     this.next = (next===undefined ? null : next)
 * }
 */
/**
 * @param {ListNode} list1
 * @param {ListNode} list2
 * @return {ListNode}
 */
var mergeTwoLists = function(list1, list2) {
    
};`);
  });

  it("a TreeNode problem", () => {
    expect(javascript.starter(maxDepth)).toBe(`/**
 * Definition for a binary tree node.
 * function TreeNode(val, left, right) {
 *     this.val = (val===undefined ? 0 : val)
 *     this.left = (left===undefined ? null : left)
 *     this.right = (right===undefined ? null : right)
 * }
 */
/**
 * @param {TreeNode} root
 * @return {number}
 */
var maxDepth = function(root) {
    
};`);
  });

  it("an in-place problem says which argument to modify", () => {
    expect(javascript.starter(rotate)).toBe(`/**
 * @param {number[]} nums
 * @param {number} k
 * @return {void} Do not return anything, modify nums in-place instead.
 */
var rotate = function(nums, k) {
    
};`);
  });

  it("a design problem: constructor function, prototype methods, the instantiation comment", () => {
    expect(javascript.starter(lruCache)).toBe(`/**
 * @param {number} capacity
 */
var LRUCache = function(capacity) {
    
};

/** 
 * @param {number} key
 * @return {number}
 */
LRUCache.prototype.get = function(key) {
    
};

/** 
 * @param {number} key 
 * @param {number} value
 * @return {void}
 */
LRUCache.prototype.put = function(key, value) {
    
};

/** 
 * Your LRUCache object will be instantiated and called as such:
 * var obj = new LRUCache(capacity)
 * var param_1 = obj.get(key)
 * obj.put(key,value)
 */`);
  });

  it("a design problem whose constructor takes nothing", () => {
    expect(javascript.starter(minStack)).toBe(`
var MinStack = function() {
    
};

/** 
 * @param {number} val
 * @return {void}
 */
MinStack.prototype.push = function(val) {
    
};

/**
 * @return {void}
 */
MinStack.prototype.pop = function() {
    
};

/**
 * @return {number}
 */
MinStack.prototype.top = function() {
    
};

/**
 * @return {number}
 */
MinStack.prototype.getMin = function() {
    
};

/** 
 * Your MinStack object will be instantiated and called as such:
 * var obj = new MinStack()
 * obj.push(val)
 * obj.pop()
 * var param_3 = obj.top()
 * var param_4 = obj.getMin()
 */`);
  });
});

describe("JavaScript program", () => {
  it("is one main.js with the user's code starting on line 1, after the node classes", () => {
    const code = "var twoSum = function(nums, target) {\n    return [0, 1];\n};";
    const program = javascript.program(twoSum, code);
    expect(program.main).toBe("main.js");
    const lines = program.files["main.js"]!.split("\n");
    expect(lines[0]).toMatch(/^globalThis\.ListNode = .*var twoSum = function\(nums, target\) \{$/);
    expect(lines[1]).toBe("    return [0, 1];");
  });
});

driverContract("javascript", {
  mirror: (methods) => `class Mirror {\n${methods.map((m) => `    ${m}(value) { return value; }`).join("\n")}\n}`,
  rotate: "var rotate = function(nums, k) {\n    k %= nums.length;\n    nums.unshift(...nums.splice(nums.length - k, k));\n};",
  printingTwoSum:
    'var twoSum = function(nums, target) {\n    console.log("case " + nums.length);\n    if (nums.length === 3) throw new Error("boom");\n    return [0, 1];\n};',
});
