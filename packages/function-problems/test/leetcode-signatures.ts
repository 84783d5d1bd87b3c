import type { DesignSignature, FunctionSignature } from "@judge/protocol";

/** LeetCode's own signatures of the problems whose starter code every language's test compares with LeetCode's text. */
export const twoSum: FunctionSignature = {
  kind: "function",
  name: "twoSum",
  params: [
    { name: "nums", type: "integer[]" },
    { name: "target", type: "integer" },
  ],
  returns: "integer[]",
};

export const mergeTwoLists: FunctionSignature = {
  kind: "function",
  name: "mergeTwoLists",
  params: [
    { name: "list1", type: "ListNode" },
    { name: "list2", type: "ListNode" },
  ],
  returns: "ListNode",
};

export const maxDepth: FunctionSignature = {
  kind: "function",
  name: "maxDepth",
  params: [{ name: "root", type: "TreeNode" }],
  returns: "integer",
};

export const groupAnagrams: FunctionSignature = {
  kind: "function",
  name: "groupAnagrams",
  params: [{ name: "strs", type: "string[]" }],
  returns: "list<list<string>>",
};

export const rotate: FunctionSignature = {
  kind: "function",
  name: "rotate",
  params: [
    { name: "nums", type: "integer[]" },
    { name: "k", type: "integer" },
  ],
  returns: "void",
  output: { paramIndex: 0 },
};

export const lruCache: DesignSignature = {
  kind: "design",
  className: "LRUCache",
  constructorParams: [{ name: "capacity", type: "integer" }],
  methods: [
    { name: "get", params: [{ name: "key", type: "integer" }], returns: "integer" },
    {
      name: "put",
      params: [
        { name: "key", type: "integer" },
        { name: "value", type: "integer" },
      ],
      returns: "void",
    },
  ],
};

/** A design class whose constructor takes nothing and whose `void` methods come first (param_3 is top). */
export const minStack: DesignSignature = {
  kind: "design",
  className: "MinStack",
  constructorParams: [],
  methods: [
    { name: "push", params: [{ name: "val", type: "integer" }], returns: "void" },
    { name: "pop", params: [], returns: "void" },
    { name: "top", params: [], returns: "integer" },
    { name: "getMin", params: [], returns: "integer" },
  ],
};
