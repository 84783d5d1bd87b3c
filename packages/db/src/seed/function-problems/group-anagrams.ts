import { Prng } from "../prng.ts";
import { MIB_IN_KB } from "../problem-definition.ts";
import { type FunctionCase, functionProblem } from "./define.ts";

/** Groups in order of first appearance; the judge compares groups and their words in any order. */
export function groupAnagrams(strs: readonly string[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const s of strs) {
    const key = [...s].sort().join("");
    const group = groups.get(key);
    if (group) group.push(s);
    else groups.set(key, [s]);
  }
  return [...groups.values()];
}

function word(prng: Prng, length: number, letters = 26): string {
  return Array.from({ length }, () => String.fromCharCode(97 + prng.int(0, letters - 1))).join("");
}

/** Fisher–Yates with the seeded PRNG. */
function shuffle<T>(prng: Prng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = prng.int(0, i);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

const shuffled = (prng: Prng, s: string): string => shuffle(prng, [...s]).join("");

/** `roots` words, each appearing in several shuffles, the lot in random order. */
function anagramFamilies(prng: Prng, roots: number, maxLength: number, perRoot: number): string[] {
  const strs: string[] = [];
  for (let r = 0; r < roots; r++) {
    const root = word(prng, prng.int(0, maxLength));
    for (let k = prng.int(1, perRoot); k > 0; k--) strs.push(shuffled(prng, root));
  }
  return shuffle(prng, strs);
}

const test = (strs: string[]): FunctionCase => ({ args: [strs], expected: groupAnagrams(strs) });

export const groupAnagramsProblem = functionProblem({
  slug: "group-anagrams",
  title: "Group Anagrams",
  difficulty: "medium",
  tags: ["array", "hash-table", "string", "sorting"],
  limits: { timeMs: 2000, memoryKb: 256 * MIB_IN_KB },
  signature: {
    kind: "function",
    name: "groupAnagrams",
    params: [{ name: "strs", type: "string[]" }],
    returns: "list<list<string>>",
  },
  // LeetCode: "You can return the answer in any order", the groups and the words in each.
  comparison: { anyOrder: 2 },
  statement: `Given an array of strings \`strs\`, group the anagrams together: words made of the same
letters, each as many times. Return the groups in any order.

**Example 1**

    Input: strs = ["eat","tea","tan","ate","nat","bat"]
    Output: [["bat"],["nat","tan"],["ate","eat","tea"]]
    Explanation: "bat" has no anagram in strs; "nat" and "tan" are anagrams;
    "ate", "eat" and "tea" are anagrams.

**Example 2**

    Input: strs = [""]
    Output: [[""]]

**Example 3**

    Input: strs = ["a"]
    Output: [["a"]]

**Constraints**

- $1 \\le$ \`strs.length\` $\\le 10^4$
- $0 \\le$ \`strs[i].length\` $\\le 100$
- \`strs[i]\` consists of lowercase English letters.
`,
  examples: [test(["eat", "tea", "tan", "ate", "nat", "bat"]), test([""]), test(["a"])],
  hidden() {
    const prng = new Prng(0xa7a9);
    const tests: FunctionCase[] = [
      test(["", ""]),
      test(["", "b"]),
      test(["a", "a", "a"]),
      test(["ab", "ba", "abc"]),
      test(["abc", "bca", "cab", "cba", "bac", "acb"]),
      test(["aab", "abb", "bab", "aba"]),
      test(["ddddddddddg", "dgggggggggg"]),
      test(["z".repeat(100), "z".repeat(99), "z".repeat(100)]),
      test(["a".repeat(50) + "b".repeat(50), "ab".repeat(50), "ba".repeat(50), "a".repeat(100)]),
    ];
    for (let k = 0; k < 8; k++) tests.push(test(anagramFamilies(prng, prng.int(1, 6), 6, 4)));
    for (let k = 0; k < 6; k++) tests.push(test(anagramFamilies(prng, prng.int(10, 60), 12, 6)));
    for (let k = 0; k < 4; k++) tests.push(test(Array.from({ length: prng.int(1, 40) }, () => word(prng, prng.int(0, 3), 3))));
    tests.push(test(anagramFamilies(prng, 300, 20, 8)));
    tests.push(test(Array.from({ length: 2000 }, () => word(prng, prng.int(1, 4), 4))));
    tests.push(test(Array.from({ length: 500 }, () => word(prng, 100))));
    return tests;
  },
  references: {
    python: `class Solution:
    def groupAnagrams(self, strs: List[str]) -> List[List[str]]:
        groups = defaultdict(list)
        for s in strs:
            groups["".join(sorted(s))].append(s)
        return list(groups.values())
`,
    cpp: `class Solution {
public:
    vector<vector<string>> groupAnagrams(vector<string>& strs) {
        unordered_map<string, vector<string>> groups;
        vector<string> order;
        for (const string& s : strs) {
            string key = s;
            sort(key.begin(), key.end());
            auto [it, fresh] = groups.try_emplace(key);
            if (fresh) order.push_back(key);
            it->second.push_back(s);
        }
        vector<vector<string>> out;
        for (const string& key : order) out.push_back(move(groups[key]));
        return out;
    }
};
`,
    java: `class Solution {
    public List<List<String>> groupAnagrams(String[] strs) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String s : strs) {
            char[] key = s.toCharArray();
            Arrays.sort(key);
            groups.computeIfAbsent(new String(key), k -> new ArrayList<>()).add(s);
        }
        return new ArrayList<>(groups.values());
    }
}
`,
  },
});
