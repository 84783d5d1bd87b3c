import { describe, expect, it } from "vitest";
import { functionLanguages, rubyName } from "../src/index.ts";
import { lruCache, maxDepth, mergeTwoLists, minStack, rotate, twoSum } from "./leetcode-signatures.ts";
import { driverContract } from "./driver-contract.ts";

const ruby = functionLanguages.ruby!;

describe("Ruby names are LeetCode's snake_case", () => {
  it.each([
    ["twoSum", "two_sum"],
    ["getMin", "get_min"],
    ["isValidBST", "is_valid_bst"],
    ["sortedListToBST", "sorted_list_to_bst"],
    ["list1", "list1"],
    ["headA", "head_a"],
  ])("%s → %s", (name, expected) => {
    expect(rubyName(name)).toBe(expected);
  });
});

describe("Ruby starter code is LeetCode's", () => {
  it("two-sum", () => {
    expect(ruby.starter(twoSum)).toBe(`# @param {Integer[]} nums
# @param {Integer} target
# @return {Integer[]}
def two_sum(nums, target)
    
end`);
  });

  it("a ListNode problem", () => {
    expect(ruby.starter(mergeTwoLists)).toBe(`# Definition for singly-linked list.
# class ListNode
#     attr_accessor :val, :next
#     def initialize(val = 0, _next = nil)
#         @val = val
#         @next = _next
#     end
# end
# @param {ListNode} list1
# @param {ListNode} list2
# @return {ListNode}
def merge_two_lists(list1, list2)
    
end`);
  });

  it("a TreeNode problem", () => {
    expect(ruby.starter(maxDepth)).toBe(`# Definition for a binary tree node.
# class TreeNode
#     attr_accessor :val, :left, :right
#     def initialize(val = 0, left = nil, right = nil)
#         @val = val
#         @left = left
#         @right = right
#     end
# end
# @param {TreeNode} root
# @return {Integer}
def max_depth(root)
    
end`);
  });

  it("an in-place problem", () => {
    expect(ruby.starter(rotate)).toBe(`# @param {Integer[]} nums
# @param {Integer} k
# @return {Void} Do not return anything, modify nums in-place instead.
def rotate(nums, k)
    
end`);
  });

  it("a design problem", () => {
    expect(ruby.starter(lruCache)).toBe(`class LRUCache

=begin
    :type capacity: Integer
=end
    def initialize(capacity)
        
    end


=begin
    :type key: Integer
    :rtype: Integer
=end
    def get(key)
        
    end


=begin
    :type key: Integer
    :type value: Integer
    :rtype: Void
=end
    def put(key, value)
        
    end


end

# Your LRUCache object will be instantiated and called as such:
# obj = LRUCache.new(capacity)
# param_1 = obj.get(key)
# obj.put(key, value)`);
  });

  it("a design problem whose constructor takes nothing", () => {
    expect(ruby.starter(minStack)).toBe(`class MinStack
    def initialize()
        
    end


=begin
    :type val: Integer
    :rtype: Void
=end
    def push(val)
        
    end


=begin
    :rtype: Void
=end
    def pop()
        
    end


=begin
    :rtype: Integer
=end
    def top()
        
    end


=begin
    :rtype: Integer
=end
    def get_min()
        
    end


end

# Your MinStack object will be instantiated and called as such:
# obj = MinStack.new()
# obj.push(val)
# obj.pop()
# param_3 = obj.top()
# param_4 = obj.get_min()`);
  });
});

describe("Ruby program", () => {
  it("is main.rb with the user's code first, so its line numbers are the user's", () => {
    const code = "def two_sum(nums, target)\n    [0, 1]\nend";
    const program = ruby.program(twoSum, code);
    expect(program.main).toBe("main.rb");
    expect(program.files["main.rb"]!.startsWith(`${code}\n`)).toBe(true);
  });
});

driverContract("ruby", {
  mirror: (methods) => `class Mirror\n${methods.map((m) => `    def ${m}(value)\n        value\n    end`).join("\n")}\nend`,
  rotate: "def rotate(nums, k)\n    nums.rotate!(-k)\nend",
  printingTwoSum: 'def two_sum(nums, target)\n    puts "case #{nums.length}"\n    raise "boom" if nums.length == 3\n    [0, 1]\nend',
});
