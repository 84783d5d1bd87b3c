import { describe, expect, test } from "vitest";
import { rust } from "../src/languages/rust.ts";
import { groupAnagrams, lruCache, maxDepth, mergeTwoLists, rotate, twoSum } from "./leetcode-signatures.ts";

describe("Rust starter code is LeetCode's", () => {
  test("twoSum", () => {
    expect(rust.starter(twoSum)).toBe(
      "impl Solution {\n    pub fn two_sum(nums: Vec<i32>, target: i32) -> Vec<i32> {\n        \n    }\n}",
    );
  });

  test("a ListNode problem", () => {
    expect(rust.starter(mergeTwoLists)).toBe(`// Definition for singly-linked list.
// #[derive(PartialEq, Eq, Clone, Debug)]
// pub struct ListNode {
//   pub val: i32,
//   pub next: Option<Box<ListNode>>
// }
// 
// impl ListNode {
//   #[inline]
//   fn new(val: i32) -> Self {
//     ListNode {
//       next: None,
//       val
//     }
//   }
// }
impl Solution {
    pub fn merge_two_lists(list1: Option<Box<ListNode>>, list2: Option<Box<ListNode>>) -> Option<Box<ListNode>> {
        
    }
}`);
  });

  test("a TreeNode problem", () => {
    expect(rust.starter(maxDepth)).toBe(`// Definition for a binary tree node.
// #[derive(Debug, PartialEq, Eq)]
// pub struct TreeNode {
//   pub val: i32,
//   pub left: Option<Rc<RefCell<TreeNode>>>,
//   pub right: Option<Rc<RefCell<TreeNode>>>,
// }
// 
// impl TreeNode {
//   #[inline]
//   pub fn new(val: i32) -> Self {
//     TreeNode {
//       val,
//       left: None,
//       right: None
//     }
//   }
// }
use std::rc::Rc;
use std::cell::RefCell;
impl Solution {
    pub fn max_depth(root: Option<Rc<RefCell<TreeNode>>>) -> i32 {
        
    }
}`);
  });

  test("a design problem", () => {
    expect(rust.starter(lruCache)).toBe(`struct LRUCache {

}


/** 
 * \`&self\` means the method takes an immutable reference.
 * If you need a mutable reference, change it to \`&mut self\` instead.
 */
impl LRUCache {

    fn new(capacity: i32) -> Self {
        
    }
    
    fn get(&self, key: i32) -> i32 {
        
    }
    
    fn put(&self, key: i32, value: i32) {
        
    }
}

/**
 * Your LRUCache object will be instantiated and called as such:
 * let obj = LRUCache::new(capacity);
 * let ret_1: i32 = obj.get(key);
 * obj.put(key, value);
 */`);
  });

  test("in place takes &mut, and a 2-D result", () => {
    expect(rust.starter(rotate)).toBe("impl Solution {\n    pub fn rotate(nums: &mut Vec<i32>, k: i32) {\n        \n    }\n}");
    expect(rust.starter(groupAnagrams)).toContain("    pub fn group_anagrams(strs: Vec<String>) -> Vec<Vec<String>> {\n");
  });
});

describe("Rust program", () => {
  test("include!s the user's code at a crate root without use lines, and gives a trailing doc comment an item", () => {
    const program = rust.program(lruCache, "struct LRUCache {}\n/** ends in a doc comment */");
    expect(program.main).toBe("main.rs");
    const main = program.files["main.rs"]!;
    expect(main).toContain('include!("solution.rs");');
    expect(main.slice(0, main.indexOf("mod judge_driver")).match(/^use /m)).toBeNull();
    expect(program.files["solution.rs"]!.startsWith("struct LRUCache {}\n/** ends in a doc comment */\n")).toBe(true);
    expect(program.files["solution.rs"]).toMatch(/\*\/\n#\[allow\(dead_code\)\]\nstruct \w+;\n$/);
  });

  test("moves crate attributes, refused inside include!, to the top of main.rs and keeps the user's line numbers", () => {
    const program = rust.program(twoSum, "#![allow(unused)]\nimpl Solution {}");
    expect(program.files["main.rs"]!.startsWith("#![allow(unused)]\n")).toBe(true);
    expect(program.files["solution.rs"]!.startsWith("\nimpl Solution {}\n")).toBe(true);
  });
});
