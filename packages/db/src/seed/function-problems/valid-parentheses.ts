import { Prng } from "../prng.ts";
import { MIB_IN_KB } from "../problem-definition.ts";
import { type FunctionCase, functionProblem } from "./define.ts";

const CLOSER: Record<string, string> = { "(": ")", "[": "]", "{": "}" };

export function isValid(s: string): boolean {
  const stack: string[] = [];
  for (const c of s) {
    if (c in CLOSER) stack.push(CLOSER[c]!);
    else if (stack.pop() !== c) return false;
  }
  return stack.length === 0;
}

/** A balanced string of `pairs` pairs, nested and concatenated at random. */
function balanced(prng: Prng, pairs: number): string {
  const open = "([{";
  const out: string[] = [];
  const stack: string[] = [];
  let left = pairs;
  while (left > 0 || stack.length > 0) {
    if (left > 0 && (stack.length === 0 || prng.next() < 0.5)) {
      const o = open[prng.int(0, 2)]!;
      out.push(o);
      stack.push(CLOSER[o]!);
      left--;
    } else {
      out.push(stack.pop()!);
    }
  }
  return out.join("");
}

/** One character replaced: mostly invalid, sometimes still valid; the solver says which. */
function mutated(prng: Prng, s: string): string {
  const i = prng.int(0, s.length - 1);
  return s.slice(0, i) + "()[]{}"[prng.int(0, 5)] + s.slice(i + 1);
}

const test = (s: string): FunctionCase => ({ args: [s], expected: isValid(s) });

export const validParenthesesProblem = functionProblem({
  slug: "valid-parentheses",
  title: "Valid Parentheses",
  difficulty: "easy",
  tags: ["string", "stack"],
  limits: { timeMs: 2000, memoryKb: 256 * MIB_IN_KB },
  signature: { kind: "function", name: "isValid", params: [{ name: "s", type: "string" }], returns: "boolean" },
  statement: `Given a string \`s\` made only of the characters \`(\`, \`)\`, \`{\`, \`}\`, \`[\` and \`]\`,
decide whether it is valid. A string is valid when:

1. every open bracket is closed by a bracket of the same type,
2. open brackets are closed in the right order, and
3. every close bracket has an open bracket of the same type before it.

**Example 1**

    Input: s = "()"
    Output: true

**Example 2**

    Input: s = "()[]{}"
    Output: true

**Example 3**

    Input: s = "(]"
    Output: false

**Example 4**

    Input: s = "([])"
    Output: true

**Constraints**

- $1 \\le$ \`s.length\` $\\le 10^4$
- \`s\` consists of parentheses only: \`()[]{}\`.
`,
  examples: [test("()"), test("()[]{}"), test("(]"), test("([])")],
  hidden() {
    const prng = new Prng(0x7a11d);
    const tests: FunctionCase[] = ["(", ")", "]", "{}", "([)]", "{[]}", "((", "))", "){", "(((((())))))", "[{()}]{", "}{"].map(test);
    for (let k = 0; k < 8; k++) tests.push(test(balanced(prng, prng.int(1, 20))));
    for (let k = 0; k < 8; k++) tests.push(test(mutated(prng, balanced(prng, prng.int(1, 40)))));
    for (let k = 0; k < 4; k++) tests.push(test(Array.from({ length: prng.int(1, 30) }, () => "()[]{}"[prng.int(0, 5)]).join("")));
    tests.push(test(balanced(prng, 5000)));
    tests.push(test(`${balanced(prng, 4999)}(`));
    tests.push(test("(".repeat(5000) + ")".repeat(5000)));
    tests.push(test("[".repeat(5000) + ")".repeat(5000)));
    return tests;
  },
  references: {
    python: `class Solution:
    def isValid(self, s: str) -> bool:
        closer = {"(": ")", "[": "]", "{": "}"}
        stack = []
        for c in s:
            if c in closer:
                stack.append(closer[c])
            elif not stack or stack.pop() != c:
                return False
        return not stack
`,
    cpp: `class Solution {
public:
    bool isValid(string s) {
        stack<char> st;
        for (char c : s) {
            if (c == '(') st.push(')');
            else if (c == '[') st.push(']');
            else if (c == '{') st.push('}');
            else {
                if (st.empty() || st.top() != c) return false;
                st.pop();
            }
        }
        return st.empty();
    }
};
`,
    java: `class Solution {
    public boolean isValid(String s) {
        Deque<Character> stack = new ArrayDeque<>();
        for (char c : s.toCharArray()) {
            if (c == '(') stack.push(')');
            else if (c == '[') stack.push(']');
            else if (c == '{') stack.push('}');
            else if (stack.isEmpty() || stack.pop() != c) return false;
        }
        return stack.isEmpty();
    }
}
`,
  },
});
