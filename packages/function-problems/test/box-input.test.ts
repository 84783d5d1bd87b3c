import type { DesignSignature, FunctionSignature } from "@judge/protocol";
import { describe, expect, it } from "vitest";
import { FunctionInputError, boxInput, splitCases } from "../src/index.ts";

const twoSum: FunctionSignature = {
  kind: "function",
  name: "twoSum",
  params: [
    { name: "nums", type: "integer[]" },
    { name: "target", type: "integer" },
  ],
  returns: "integer[]",
};

const lru: DesignSignature = {
  kind: "design",
  className: "LRUCache",
  constructorParams: [{ name: "capacity", type: "integer" }],
  methods: [
    { name: "get", params: [{ name: "key", type: "integer" }], returns: "integer" },
    { name: "put", params: [{ name: "key", type: "integer" }, { name: "value", type: "integer" }], returns: "void" },
  ],
};

const one = (type: FunctionSignature["params"][number]["type"]): FunctionSignature => ({
  kind: "function",
  name: "identity",
  params: [{ name: "value", type }],
  returns: type,
});

const encode = (signature: FunctionSignature | DesignSignature, cases: string[]) => boxInput(signature, cases, "B").toString("utf8");

describe("the box input format", () => {
  it("starts with the boundary and the number of cases, then each case's arguments in order", () => {
    expect(encode(twoSum, ["[2,7,11,15]\n9", "[3,3]\n6"])).toBe("B 2\n 4 2 7 11 15 9\n 2 3 3 6\n");
  });

  it("writes a string as its UTF-8 byte length and the bytes as they are, spaces and newlines included", () => {
    expect(encode(one("string"), [JSON.stringify("a b\n\"é")])).toBe('B 1\n 7 a b\n"é\n');
    expect(encode(one("string[]"), ['["", "x"]'])).toBe("B 1\n 2 0  1 x\n");
  });

  it("writes characters as code points, booleans as 1/0, doubles as JavaScript prints them", () => {
    expect(encode(one("character[]"), ['["a","Z"]'])).toBe("B 1\n 2 97 90\n");
    expect(encode(one("boolean[]"), ["[true,false]"])).toBe("B 1\n 2 1 0\n");
    expect(encode(one("double[]"), ["[2.5,1e-7,1e300]"])).toBe("B 1\n 3 2.5 1e-7 1e+300\n");
  });

  it("writes 2-D arrays and lists row by row, trees level by level with null", () => {
    expect(encode(one("integer[][]"), ["[[1,2],[],[3]]"])).toBe("B 1\n 3 2 1 2 0 1 3\n");
    expect(encode(one("list<list<string>>"), ['[["ab"]]'])).toBe("B 1\n 1 1 2 ab\n");
    expect(encode(one("TreeNode"), ["[1,null,2,3]"])).toBe("B 1\n 4 1 null 2 3\n");
    expect(encode(one("ListNode"), ["[]"])).toBe("B 1\n 0\n");
  });

  it("writes a design case as the constructor's arguments, the number of calls, then each call's method index and arguments", () => {
    const calls = '["LRUCache","put","get"]\n[[2],[1,1],[1]]';
    expect(encode(lru, [calls])).toBe("B 1\n 2 2 1 1 1 0 1\n");
  });

  it.each([
    [one("integer"), "2147483648", "32-bit"],
    [one("long"), "9007199254740993", "2^53"],
    [one("integer[]"), "[1,\"2\"]", "value[1]"],
    [one("character"), '"ab"', "one ASCII character"],
    [one("character"), '"é"', "one ASCII character"],
    [one("TreeNode"), "[null,1]", "root"],
    [one("double"), "\"NaN\"", "a number"],
    [twoSum, "[1,2]", "2 line"],
    [lru, '["LRUCache","pop"]\n[[1],[]]', "not a method"],
    [lru, '["Cache"]\n[[1]]', "first call"],
    [lru, '["LRUCache","get"]\n[[1],[1,2]]', "takes 1"],
  ])("refuses a value that does not fit the signature (%#) with a message naming it", (signature, text, message) => {
    expect(() => boxInput(signature, [text], "B")).toThrow(FunctionInputError);
    expect(() => boxInput(signature, [text], "B")).toThrow(message);
  });
});

describe("splitting the Testcase panel's text into cases", () => {
  it("takes one line per parameter, cases one after another, blank lines ignored", () => {
    expect(splitCases(twoSum, "[2,7,11,15]\n9\n\n[3,2,4]\r\n6\n")).toEqual(["[2,7,11,15]\n9", "[3,2,4]\n6"]);
    expect(splitCases(lru, '["LRUCache"]\n[[1]]')).toEqual(['["LRUCache"]\n[[1]]']);
  });

  it("says how many lines a case has when the count does not divide", () => {
    expect(() => splitCases(twoSum, "[1]\n2\n[3]")).toThrow("each case has 2 lines");
    expect(() => splitCases(twoSum, "  \n")).toThrow("no test case");
  });
});
