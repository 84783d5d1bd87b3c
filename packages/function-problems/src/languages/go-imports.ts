/**
 * LeetCode's Go code uses the standard packages without import lines (`sort.Ints`, `strings.Split`,
 * `heap.Push`). The program imports, for the user, each standard package whose name the code
 * uses as `name.Member`, unless the code imports or declares that name itself. Go refuses an
 * unused import, so each one comes with an anchor (`var _ = sort.Ints`) that uses it even where
 * the name turned out to be a local variable (`heap := &IntHeap{}`).
 */

interface StandardPackage {
  path: string;
  /** A use of the package, or null for generic-only packages whose functions need type arguments. */
  anchor: string | null;
}

const standardPackages: Readonly<Record<string, StandardPackage>> = {
  bufio: { path: "bufio", anchor: "bufio.NewReader" },
  bytes: { path: "bytes", anchor: "bytes.Compare" },
  errors: { path: "errors", anchor: "errors.New" },
  fmt: { path: "fmt", anchor: "fmt.Sprint" },
  heap: { path: "container/heap", anchor: "heap.Init" },
  list: { path: "container/list", anchor: "list.New" },
  ring: { path: "container/ring", anchor: "ring.New" },
  math: { path: "math", anchor: "math.Abs" },
  bits: { path: "math/bits", anchor: "bits.Len" },
  rand: { path: "math/rand", anchor: "rand.Intn" },
  big: { path: "math/big", anchor: "big.NewInt" },
  cmplx: { path: "math/cmplx", anchor: "cmplx.Abs" },
  os: { path: "os", anchor: "os.Exit" },
  reflect: { path: "reflect", anchor: "reflect.TypeOf" },
  regexp: { path: "regexp", anchor: "regexp.MustCompile" },
  sort: { path: "sort", anchor: "sort.Ints" },
  strconv: { path: "strconv", anchor: "strconv.Itoa" },
  strings: { path: "strings", anchor: "strings.Compare" },
  sync: { path: "sync", anchor: "sync.NewCond" },
  atomic: { path: "sync/atomic", anchor: "atomic.AddInt64" },
  time: { path: "time", anchor: "time.Now" },
  unicode: { path: "unicode", anchor: "unicode.IsDigit" },
  utf8: { path: "unicode/utf8", anchor: "utf8.RuneLen" },
  // Go 1.21 and later; on an older toolchain the import fails with a clear "not in GOROOT".
  slices: { path: "slices", anchor: null },
  maps: { path: "maps", anchor: null },
  cmp: { path: "cmp", anchor: null },
};

/** The code with comments and string, rune and raw literals blanked out, newlines kept. */
export function goCodeOnly(code: string): string {
  let out = "";
  let i = 0;
  while (i < code.length) {
    const c = code[i]!;
    if (c === "/" && code[i + 1] === "/") {
      while (i < code.length && code[i] !== "\n") i++;
    } else if (c === "/" && code[i + 1] === "*") {
      const end = code.indexOf("*/", i + 2);
      const stop = end < 0 ? code.length : end + 2;
      out += code.slice(i, stop).replace(/[^\n]/g, " ");
      i = stop;
    } else if (c === '"' || c === "'" || c === "`") {
      let j = i + 1;
      while (j < code.length && code[j] !== c && !(c !== "`" && code[j] === "\n")) j += c !== "`" && code[j] === "\\" ? 2 : 1;
      out += `${c}${code.slice(i + 1, j).replace(/[^\n]/g, " ")}${c}`;
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** The package names the code's own import declarations bring in (alias, or the path's last element). */
function importedNames(code: string): Set<string> {
  const names = new Set<string>();
  const spec = /(?:^|[\s(;])(?:([A-Za-z_]\w*|\.)\s+)?"([^"]+)"/g;
  for (const decl of code.matchAll(/^import\s*(\([^)]*\)|[^\n]*)/gm)) {
    for (const m of decl[1]!.matchAll(spec)) names.add(m[1] ?? m[2]!.split("/").pop()!);
  }
  return names;
}

/** Names the code declares at package level (funcs, types, vars, consts, grouped or not). */
export function topLevelNames(code: string): Set<string> {
  const names = new Set<string>();
  const lines = goCodeOnly(code).split("\n");
  let group = false;
  for (const line of lines) {
    if (group) {
      if (/^\)/.test(line)) group = false;
      else {
        const m = /^\s+([A-Za-z_]\w*)/.exec(line);
        if (m !== null) names.add(m[1]!);
      }
      continue;
    }
    if (/^(?:var|const|type)\s*\(/.test(line)) {
      group = true;
      continue;
    }
    const m = /^(?:func|var|const|type)\s+([A-Za-z_]\w*)/.exec(line);
    if (m !== null) names.add(m[1]!);
  }
  return names;
}

/** The import specs (`"sort"`) and anchors (`var _ = sort.Ints`) the user's code needs added. */
export function implicitImports(code: string): { specs: string[]; anchors: string[] } {
  const plain = goCodeOnly(code);
  const taken = new Set([...importedNames(code), ...topLevelNames(code)]);
  const used = new Set<string>();
  for (const m of plain.matchAll(/(?<![\w.])([a-z][a-z0-9]*)\s*\.\s*[A-Za-z_]/g)) used.add(m[1]!);
  const names = [...used].filter((name) => standardPackages[name] !== undefined && !taken.has(name)).sort();
  return {
    specs: names.map((name) => `"${standardPackages[name]!.path}"`),
    anchors: names.flatMap((name) => {
      const anchor = standardPackages[name]!.anchor;
      return anchor === null ? [] : [`var _ = ${anchor}`];
    }),
  };
}
