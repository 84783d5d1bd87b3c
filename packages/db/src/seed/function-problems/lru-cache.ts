import { Prng } from "../prng.ts";
import { MIB_IN_KB } from "../problem-definition.ts";
import { type FunctionCase, functionProblem } from "./define.ts";

type Call = ["get", number] | ["put", number, number];

/** The expected results of a design test: null for the constructor and each put. A Map keeps insertion order: the LRU is its first key. */
export function lruResults(capacity: number, calls: readonly Call[]): (number | null)[] {
  const cache = new Map<number, number>();
  const out: (number | null)[] = [null];
  for (const call of calls) {
    const key = call[1];
    const value = cache.get(key);
    if (value !== undefined) cache.delete(key);
    if (call[0] === "get") {
      if (value !== undefined) cache.set(key, value);
      out.push(value ?? -1);
      continue;
    }
    cache.set(key, call[2]);
    if (cache.size > capacity) cache.delete(cache.keys().next().value!);
    out.push(null);
  }
  return out;
}

/** LeetCode's two lines: the calls' names and their arguments. */
function test(capacity: number, calls: Call[]): FunctionCase {
  return {
    args: [["LRUCache", ...calls.map((c) => c[0])], [[capacity], ...calls.map((c) => c.slice(1))]],
    expected: lruResults(capacity, calls),
  };
}

/** `count` calls on keys in [0, keys), gets with probability `getShare`. */
function randomCalls(prng: Prng, count: number, keys: number, getShare: number): Call[] {
  return Array.from({ length: count }, (): Call => {
    const key = prng.int(0, keys - 1);
    return prng.next() < getShare ? ["get", key] : ["put", key, prng.int(0, 100_000)];
  });
}

export const lruCacheProblem = functionProblem({
  slug: "lru-cache",
  title: "LRU Cache",
  difficulty: "medium",
  tags: ["hash-table", "linked-list", "design", "doubly-linked-list"],
  limits: { timeMs: 3000, memoryKb: 256 * MIB_IN_KB },
  signature: {
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
  },
  statement: `Design a data structure that follows the constraints of a Least Recently Used (LRU) cache.

Implement the \`LRUCache\` class:

- \`LRUCache(int capacity)\` makes an LRU cache with positive size \`capacity\`.
- \`int get(int key)\` returns the value of \`key\` if it is in the cache, otherwise \`-1\`.
- \`void put(int key, int value)\` updates the value of \`key\` if it is present, or adds the
  pair otherwise. When the number of keys then exceeds \`capacity\`, it evicts the least
  recently used key.

\`get\` and \`put\` must each run in $O(1)$ average time.

**Example 1**

    Input
    ["LRUCache", "put", "put", "get", "put", "get", "put", "get", "get", "get"]
    [[2], [1, 1], [2, 2], [1], [3, 3], [2], [4, 4], [1], [3], [4]]
    Output
    [null, null, null, 1, null, -1, null, -1, 3, 4]

    Explanation
    LRUCache lRUCache = new LRUCache(2);
    lRUCache.put(1, 1); // cache is {1=1}
    lRUCache.put(2, 2); // cache is {1=1, 2=2}
    lRUCache.get(1);    // return 1
    lRUCache.put(3, 3); // LRU key was 2, evicts key 2, cache is {1=1, 3=3}
    lRUCache.get(2);    // returns -1 (not found)
    lRUCache.put(4, 4); // LRU key was 1, evicts key 1, cache is {4=4, 3=3}
    lRUCache.get(1);    // return -1 (not found)
    lRUCache.get(3);    // return 3
    lRUCache.get(4);    // return 4

**Constraints**

- $1 \\le$ \`capacity\` $\\le 3000$
- $0 \\le$ \`key\` $\\le 10^4$
- $0 \\le$ \`value\` $\\le 10^5$
- At most $2 \\cdot 10^5$ calls will be made to \`get\` and \`put\`.
`,
  examples: [
    test(2, [["put", 1, 1], ["put", 2, 2], ["get", 1], ["put", 3, 3], ["get", 2], ["put", 4, 4], ["get", 1], ["get", 3], ["get", 4]]),
  ],
  hidden() {
    const prng = new Prng(0x1c4c3);
    const tests: FunctionCase[] = [
      test(1, [["get", 0]]),
      test(1, [["put", 0, 0], ["get", 0]]),
      test(1, [["put", 2, 1], ["get", 2], ["put", 3, 2], ["get", 2], ["get", 3]]),
      test(2, [["put", 2, 1], ["put", 2, 2], ["get", 2], ["put", 1, 1], ["put", 4, 1], ["get", 2]]),
      test(2, [["put", 2, 1], ["put", 1, 1], ["put", 2, 3], ["put", 4, 1], ["get", 1], ["get", 2]]),
      test(2, [["get", 2], ["put", 2, 6], ["get", 1], ["put", 1, 5], ["put", 1, 2], ["get", 1], ["get", 2]]),
      // get refreshes recency: 1 survives, 2 is evicted.
      test(2, [["put", 1, 1], ["put", 2, 2], ["get", 1], ["put", 3, 3], ["get", 1], ["get", 2], ["get", 3]]),
      test(3, [["put", 10_000, 100_000], ["put", 0, 0], ["get", 10_000], ["get", 0], ["get", 5000]]),
      test(3000, randomCalls(prng, 500, 10_001, 0.5)),
    ];
    for (let k = 0; k < 8; k++) tests.push(test(prng.int(1, 4), randomCalls(prng, prng.int(5, 40), 6, 0.5)));
    for (let k = 0; k < 6; k++) tests.push(test(prng.int(5, 50), randomCalls(prng, prng.int(100, 500), 80, 0.6)));
    for (let k = 0; k < 4; k++) tests.push(test(prng.int(1, 3000), randomCalls(prng, 1000, 10_001, 0.5)));
    tests.push(test(1, randomCalls(prng, 3000, 3, 0.5)));
    tests.push(test(100, randomCalls(prng, 5000, 150, 0.7)));
    tests.push(test(3000, randomCalls(prng, 8000, 4000, 0.4)));
    return tests;
  },
  references: {
    python: `class LRUCache:

    def __init__(self, capacity: int):
        self.capacity = capacity
        self.cache = OrderedDict()

    def get(self, key: int) -> int:
        if key not in self.cache:
            return -1
        self.cache.move_to_end(key)
        return self.cache[key]

    def put(self, key: int, value: int) -> None:
        self.cache[key] = value
        self.cache.move_to_end(key)
        if len(self.cache) > self.capacity:
            self.cache.popitem(last=False)


# Your LRUCache object will be instantiated and called as such:
# obj = LRUCache(capacity)
# param_1 = obj.get(key)
# obj.put(key,value)
`,
    cpp: `class LRUCache {
    int capacity;
    list<pair<int, int>> order;
    unordered_map<int, list<pair<int, int>>::iterator> where;

public:
    LRUCache(int capacity) : capacity(capacity) {}

    int get(int key) {
        auto it = where.find(key);
        if (it == where.end()) return -1;
        order.splice(order.begin(), order, it->second);
        return it->second->second;
    }

    void put(int key, int value) {
        auto it = where.find(key);
        if (it != where.end()) {
            it->second->second = value;
            order.splice(order.begin(), order, it->second);
            return;
        }
        order.emplace_front(key, value);
        where[key] = order.begin();
        if ((int)where.size() > capacity) {
            where.erase(order.back().first);
            order.pop_back();
        }
    }
};

/**
 * Your LRUCache object will be instantiated and called as such:
 * LRUCache* obj = new LRUCache(capacity);
 * int param_1 = obj->get(key);
 * obj->put(key,value);
 */
`,
    java: `class LRUCache {
    private final int capacity;
    private final LinkedHashMap<Integer, Integer> cache;

    public LRUCache(int capacity) {
        this.capacity = capacity;
        this.cache = new LinkedHashMap<>(16, 0.75f, true);
    }

    public int get(int key) {
        Integer value = cache.get(key);
        return value == null ? -1 : value;
    }

    public void put(int key, int value) {
        cache.put(key, value);
        if (cache.size() > capacity) {
            cache.remove(cache.keySet().iterator().next());
        }
    }
}

/**
 * Your LRUCache object will be instantiated and called as such:
 * LRUCache obj = new LRUCache(capacity);
 * int param_1 = obj.get(key);
 * obj.put(key,value);
 */
`,
  },
});
