import { describe, expect, test } from "vitest";
import { implicitImports, topLevelNames } from "../src/languages/go-imports.ts";
import { go } from "../src/languages/go.ts";
import { twoSum } from "./leetcode-signatures.ts";

describe("Go: standard packages without import lines", () => {
  test("imports what the code uses as pkg.Member, with an anchor so that none is ever unused", () => {
    const code = "func f(a []int) {\n    sort.Ints(a)\n    h := &IntHeap{}\n    heap.Push(h, 1)\n    _ = strings.Repeat(\"x\", 2)\n}";
    expect(implicitImports(code)).toEqual({
      specs: ['"container/heap"', '"sort"', '"strings"'],
      anchors: ["var _ = heap.Init", "var _ = sort.Ints", "var _ = strings.Compare"],
    });
  });

  test("ignores names in comments and strings, and fields of values (a.sort.X)", () => {
    const code = '// sort.Ints(a)\n/* math.Max */\nfunc f() string { x.sort.Y(); return "strings.Split" + `fmt.Sprint` }';
    expect(implicitImports(code).specs).toEqual([]);
  });

  test("leaves out the names the code imports itself (an alias binds the alias, not the package's name)", () => {
    const code = 'import (\n    "sort"\n    st "strings"\n)\nimport "fmt"\nfunc f() { sort.Ints(nil); st.Split("", ""); fmt.Println(); strings.Repeat("", 1); math.Abs(1) }';
    expect(implicitImports(code).specs).toEqual(['"math"', '"strings"']);
  });

  test("leaves out a name the code declares at package level", () => {
    const code = "type list []int\nvar (\n    bits = 3\n)\nfunc (l list) sum() int { return 0 }\nfunc f(l list) { list.sum(l); bits.x() }";
    expect([...topLevelNames(code)].sort()).toEqual(["bits", "f", "list"]);
    expect(implicitImports(code).specs).toEqual([]);
  });

  test("the program keeps the user's lines: a //line directive before them, a pasted package clause blanked", () => {
    const main = go.program(twoSum, "package main\nfunc twoSum(nums []int, target int) []int { return nil }").files["main.go"]!;
    expect(main).toContain("//line solution.go:1:1\n\nfunc twoSum(");
    expect(main.match(/^package /gm)).toHaveLength(1);
  });

  test("min and max for Go before 1.21, unless the code declares its own", () => {
    const own = go.program(twoSum, "func min(a, b int) int { return a }\nfunc twoSum(nums []int, target int) []int { return nil }");
    expect(own.files["main.go"]).not.toContain("func min[");
    expect(own.files["main.go"]).toContain("func max[");
  });
});
