import type { LanguageId } from "@judge/protocol";
import type { StreamParser } from "@codemirror/language";
import type { Extension } from "@codemirror/state";
import { useEffect, useState } from "react";

/** A CodeMirror 5 mode, for the languages without a Lezer grammar. */
async function legacy(load: () => Promise<StreamParser<unknown>>): Promise<Extension> {
  const [{ StreamLanguage }, parser] = await Promise.all([import("@codemirror/language"), load()]);
  return StreamLanguage.define(parser);
}

/**
 * Highlighting for every language id, loaded on first use so a visitor downloads only the
 * grammars they pick. A `Record`, so a new language id without an entry fails to compile.
 */
const loaders: Record<LanguageId, () => Promise<Extension>> = {
  c: async () => (await import("@codemirror/lang-cpp")).cpp(),
  cpp: async () => (await import("@codemirror/lang-cpp")).cpp(),
  python: async () => (await import("@codemirror/lang-python")).python(),
  pypy: async () => (await import("@codemirror/lang-python")).python(),
  javascript: async () => (await import("@codemirror/lang-javascript")).javascript(),
  typescript: async () => (await import("@codemirror/lang-javascript")).javascript({ typescript: true }),
  java: async () => (await import("@codemirror/lang-java")).java(),
  go: async () => (await import("@codemirror/lang-go")).go(),
  rust: async () => (await import("@codemirror/lang-rust")).rust(),
  php: async () => (await import("@codemirror/lang-php")).php({ plain: false }),
  csharp: () => legacy(async () => (await import("@codemirror/legacy-modes/mode/clike")).csharp),
  kotlin: () => legacy(async () => (await import("@codemirror/legacy-modes/mode/clike")).kotlin),
  ruby: () => legacy(async () => (await import("@codemirror/legacy-modes/mode/ruby")).ruby),
  haskell: () => legacy(async () => (await import("@codemirror/legacy-modes/mode/haskell")).haskell),
  pascal: () => legacy(async () => (await import("@codemirror/legacy-modes/mode/pascal")).pascal),
  lua: () => legacy(async () => (await import("@codemirror/legacy-modes/mode/lua")).lua),
  scala: () => legacy(async () => (await import("@codemirror/legacy-modes/mode/clike")).scala),
  ocaml: () => legacy(async () => (await import("@codemirror/legacy-modes/mode/mllike")).oCaml),
  lisp: () => legacy(async () => (await import("@codemirror/legacy-modes/mode/commonlisp")).commonLisp),
  // CodeMirror has no Prolog mode (neither Lezer nor legacy): plain text.
  prolog: async () => [],
};

const cache = new Map<LanguageId, Promise<Extension>>();

/** The language's CodeMirror extension; a failed load yields plain text, never an error. */
export function loadLanguage(id: LanguageId): Promise<Extension> {
  let pending = cache.get(id);
  if (pending === undefined) {
    pending = loaders[id]().catch(() => {
      cache.delete(id);
      return [];
    });
    cache.set(id, pending);
  }
  return pending;
}

/** The language's extension for a React editor: none until loaded (plain text meanwhile). */
export function useLanguageExtension(id: LanguageId): Extension {
  const [extension, setExtension] = useState<Extension>([]);
  useEffect(() => {
    let current = true;
    setExtension([]);
    void loadLanguage(id).then((loaded) => {
      if (current) setExtension(loaded);
    });
    return () => {
      current = false;
    };
  }, [id]);
  return extension;
}
