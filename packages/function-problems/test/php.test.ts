import { describe, expect, it } from "vitest";
import type { DesignSignature } from "@judge/protocol";
import { UnsupportedSignatureError, functionLanguages } from "../src/index.ts";
import { lruCache, maxDepth, mergeTwoLists, minStack, rotate, twoSum } from "./leetcode-signatures.ts";
import { driverContract } from "./driver-contract.ts";

const php = functionLanguages.php!;

describe("PHP starter code is LeetCode's", () => {
  it("two-sum", () => {
    expect(php.starter(twoSum)).toBe(`class Solution {

    /**
     * @param Integer[] $nums
     * @param Integer $target
     * @return Integer[]
     */
    function twoSum($nums, $target) {
        
    }
}`);
  });

  it("a ListNode problem", () => {
    expect(php.starter(mergeTwoLists)).toBe(`/**
 * Definition for a singly-linked list.
 * class ListNode {
 *     public $val = 0;
 *     public $next = null;
 *     function __construct($val = 0, $next = null) {
 *         $this->val = $val;
 *         $this->next = $next;
 *     }
 * }
 */
class Solution {

    /**
     * @param ListNode $list1
     * @param ListNode $list2
     * @return ListNode
     */
    function mergeTwoLists($list1, $list2) {
        
    }
}`);
  });

  it("a TreeNode problem", () => {
    expect(php.starter(maxDepth)).toBe(`/**
 * Definition for a binary tree node.
 * class TreeNode {
 *     public $val = null;
 *     public $left = null;
 *     public $right = null;
 *     function __construct($val = 0, $left = null, $right = null) {
 *         $this->val = $val;
 *         $this->left = $left;
 *         $this->right = $right;
 *     }
 * }
 */
class Solution {

    /**
     * @param TreeNode $root
     * @return Integer
     */
    function maxDepth($root) {
        
    }
}`);
  });

  it("an in-place problem takes the checked argument by reference", () => {
    expect(php.starter(rotate)).toBe(`class Solution {

    /**
     * @param Integer[] $nums
     * @param Integer $k
     * @return NULL
     */
    function rotate(&$nums, $k) {
        
    }
}`);
  });

  it("a design problem", () => {
    expect(php.starter(lruCache)).toBe(`class LRUCache {
    /**
     * @param Integer $capacity
     */
    function __construct($capacity) {
        
    }
  
    /**
     * @param Integer $key
     * @return Integer
     */
    function get($key) {
        
    }
  
    /**
     * @param Integer $key
     * @param Integer $value
     * @return NULL
     */
    function put($key, $value) {
        
    }
}

/**
 * Your LRUCache object will be instantiated and called as such:
 * $obj = LRUCache($capacity);
 * $ret_1 = $obj->get($key);
 * $obj->put($key, $value);
 */`);
  });

  it("a design problem whose constructor takes nothing", () => {
    expect(php.starter(minStack)).toBe(`class MinStack {
    /**
     */
    function __construct() {
        
    }
  
    /**
     * @param Integer $val
     * @return NULL
     */
    function push($val) {
        
    }
  
    /**
     * @return NULL
     */
    function pop() {
        
    }
  
    /**
     * @return Integer
     */
    function top() {
        
    }
  
    /**
     * @return Integer
     */
    function getMin() {
        
    }
}

/**
 * Your MinStack object will be instantiated and called as such:
 * $obj = MinStack();
 * $obj->push($val);
 * $obj->pop();
 * $ret_3 = $obj->top();
 * $ret_4 = $obj->getMin();
 */`);
  });
});

describe("PHP program", () => {
  it("puts the user's code on <?php's line, so line numbers stay the user's", () => {
    const code = "class Solution {\n    function twoSum($nums, $target) {\n        return [0, 1];\n    }\n}";
    const program = php.program(twoSum, code);
    expect(program.main).toBe("main.php");
    expect(program.files["main.php"]!.startsWith(`<?php ${code}\n`)).toBe(true);
  });

  it("drops a pasted opening tag (keeping its line) and a closing one", () => {
    const source = php.program(twoSum, "<?php\nclass Solution {}\n?>\n").files["main.php"]!;
    expect(source.startsWith("<?php \nclass Solution {}\n\n")).toBe(true);
    expect(source).not.toContain("?>");
  });
});

driverContract("php", {
  mirror: (methods) => `class Mirror {\n${methods.map((m) => `    function ${m}($value) { return $value; }`).join("\n")}\n}`,
  rotate:
    "class Solution {\n    function rotate(&$nums, $k) {\n        $k %= count($nums);\n        $nums = array_merge(array_slice($nums, -$k ?: count($nums)), array_slice($nums, 0, count($nums) - $k));\n    }\n}",
  printingTwoSum:
    'class Solution {\n    function twoSum($nums, $target) {\n        echo "case " . count($nums) . "\\n";\n        if (count($nums) === 3) throw new Exception("boom");\n        return [0, 1];\n    }\n}',
});

describe("PHP and its reserved words", () => {
  const echo: DesignSignature = {
    kind: "design",
    className: "Echo",
    constructorParams: [],
    methods: [{ name: "say", params: [], returns: "string" }],
  };
  it("refuses a class named with a reserved word, in any case, with the reason", () => {
    expect(() => php.starter(echo)).toThrow(UnsupportedSignatureError);
    expect(() => php.starter({ ...echo, className: "LIST" })).toThrow("reserved word in PHP");
    expect(() => php.program(echo, "class Echo {}")).toThrow(UnsupportedSignatureError);
  });
  it("takes a name that only contains one", () => {
    expect(php.starter({ ...echo, className: "EchoAll" })).toContain("class EchoAll {");
  });
});
