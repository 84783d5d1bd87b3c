import { describe, expect, it } from "vitest";
import { functionLanguages } from "../src/index.ts";
import { lruCache, maxDepth, mergeTwoLists, minStack, rotate, twoSum } from "./leetcode-signatures.ts";
import { driverContract } from "./driver-contract.ts";

const typescript = functionLanguages.typescript!;

describe("TypeScript starter code is LeetCode's", () => {
  it("two-sum", () => {
    expect(typescript.starter(twoSum)).toBe(`function twoSum(nums: number[], target: number): number[] {
    
};`);
  });

  it("a ListNode problem: the class in a comment, a blank line, nullable parameters", () => {
    expect(typescript.starter(mergeTwoLists)).toBe(`/**
 * Definition for singly-linked list.
 * class ListNode {
 *     val: number
 *     next: ListNode | null
 *     constructor(val?: number, next?: ListNode | null) {
 *         this.val = (val===undefined ? 0 : val)
 *         this.next = (next===undefined ? null : next)
 *     }
 * }
 */

function mergeTwoLists(list1: ListNode | null, list2: ListNode | null): ListNode | null {
    
};`);
  });

  it("a TreeNode problem", () => {
    expect(typescript.starter(maxDepth)).toBe(`/**
 * Definition for a binary tree node.
 * class TreeNode {
 *     val: number
 *     left: TreeNode | null
 *     right: TreeNode | null
 *     constructor(val?: number, left?: TreeNode | null, right?: TreeNode | null) {
 *         this.val = (val===undefined ? 0 : val)
 *         this.left = (left===undefined ? null : left)
 *         this.right = (right===undefined ? null : right)
 *     }
 * }
 */

function maxDepth(root: TreeNode | null): number {
    
};`);
  });

  it("an in-place problem", () => {
    expect(typescript.starter(rotate)).toBe(`/**
 Do not return anything, modify nums in-place instead.
 */
function rotate(nums: number[], k: number): void {
    
};`);
  });

  it("a design problem", () => {
    expect(typescript.starter(lruCache)).toBe(`class LRUCache {
    constructor(capacity: number) {
        
    }

    get(key: number): number {
        
    }

    put(key: number, value: number): void {
        
    }
}

/**
 * Your LRUCache object will be instantiated and called as such:
 * var obj = new LRUCache(capacity)
 * var param_1 = obj.get(key)
 * obj.put(key,value)
 */`);
  });

  it("a design problem whose constructor takes nothing", () => {
    expect(typescript.starter(minStack)).toBe(`class MinStack {
    constructor() {
        
    }

    push(val: number): void {
        
    }

    pop(): void {
        
    }

    top(): number {
        
    }

    getMin(): number {
        
    }
}

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

describe("TypeScript program", () => {
  it("is one main.ts (the toolchain transpiles main.ts alone) with the user's code from line 1", () => {
    const program = typescript.program(twoSum, "function twoSum(nums: number[], target: number): number[] {\n    return [0, 1];\n};");
    expect(program.main).toBe("main.ts");
    expect(Object.keys(program.files)).toEqual(["main.ts"]);
    const lines = program.files["main.ts"]!.split("\n");
    expect(lines[0]).toMatch(/function twoSum\(nums: number\[\], target: number\): number\[\] \{$/);
    expect(lines[1]).toBe("    return [0, 1];");
  });
});

driverContract("typescript", {
  mirror: (methods) => `class Mirror {\n${methods.map((m) => `    ${m}(value: any): any { return value; }`).join("\n")}\n}`,
  rotate: "function rotate(nums: number[], k: number): void {\n    k %= nums.length;\n    nums.unshift(...nums.splice(nums.length - k, k));\n};",
  printingTwoSum:
    'function twoSum(nums: number[], target: number): number[] {\n    console.log("case " + nums.length);\n    if (nums.length === 3) throw new Error("boom");\n    return [0, 1];\n};',
});
