import type { LanguageId } from "@judge/protocol";

interface KattisLanguage {
  /** the judge's id, or null where it has no such language */
  id: LanguageId | null;
  /** source file extensions problemtools takes for it (`files:` in its languages.yaml) */
  extensions: readonly string[];
}

/**
 * problemtools' languages (problemtools/config/languages.yaml, by its keys) and what the judge
 * runs a package's submission in. Kattis runs Python 3 with PyPy 3; the judge's `python` is
 * CPython, which Kattis' Python programs also run on. Go is gccgo on Kattis, Go's own toolchain here.
 */
export const kattisLanguages: Readonly<Record<string, KattisLanguage>> = {
  c: { id: "c", extensions: [".c"] },
  cpp: { id: "cpp", extensions: [".cc", ".C", ".cpp", ".cxx", ".c++"] },
  csharp: { id: "csharp", extensions: [".cs"] },
  cobol: { id: null, extensions: [".cob"] },
  fsharp: { id: null, extensions: [".fs"] },
  go: { id: "go", extensions: [".go"] },
  haskell: { id: "haskell", extensions: [".hs"] },
  java: { id: "java", extensions: [".java"] },
  javascript: { id: "javascript", extensions: [".js"] },
  kotlin: { id: "kotlin", extensions: [".kt"] },
  lisp: { id: "lisp", extensions: [".lisp", ".cl"] },
  ocaml: { id: "ocaml", extensions: [".ml"] },
  objectivec: { id: null, extensions: [".m"] },
  pascal: { id: "pascal", extensions: [".pas"] },
  php: { id: "php", extensions: [".php"] },
  prolog: { id: "prolog", extensions: [".pl"] },
  python2: { id: null, extensions: [".py2"] },
  python3: { id: "python", extensions: [".py", ".py3"] },
  ruby: { id: "ruby", extensions: [".rb"] },
  rust: { id: "rust", extensions: [".rs"] },
  scala: { id: "scala", extensions: [".sc", ".scala"] },
  // Kattis offers these two beside problemtools' list.
  lua: { id: "lua", extensions: [".lua"] },
  typescript: { id: "typescript", extensions: [".ts"] },
};

const byExtension = new Map(
  Object.values(kattisLanguages).flatMap(({ id, extensions }) => extensions.map((extension) => [extension, id] as const)),
);

/**
 * The judge's language for a submission file by its extension (case matters: `.C` is C++ and
 * `.c` is C, as in problemtools); null for a language the judge lacks or an unknown extension.
 * A `.py` file is Python 3 here: problemtools' Python 2 by shebang is not offered.
 */
export function languageOfSubmission(fileName: string): LanguageId | null {
  const base = fileName.slice(fileName.lastIndexOf("/") + 1);
  const dot = base.lastIndexOf(".");
  if (dot <= 0) return null;
  return byExtension.get(base.slice(dot)) ?? null;
}
