import type { Language } from "./language.ts";
import { versionIn } from "./probe.ts";
import { pythonArgv, pythonSyntaxCheck } from "./syntax-check.ts";

/** CPython 3 from /usr/bin; the python3 first on PATH may be a pyenv shim outside /usr. */
const PYTHON = "/usr/bin/python3";

export const python: Language = {
  id: "python",
  sourceName: "main.py",
  async detect({ probe }) {
    const version = versionIn(await probe(PYTHON, ["--version"]), /Python (3\.\S+)/);
    if (version === null) return null;
    return {
      version,
      // py_compile parses and byte-compiles without running anything: a SyntaxError is a CE.
      compile: pythonSyntaxCheck(PYTHON),
      run: ({ entry }) => ({ argv: pythonArgv(PYTHON, entry), outOfMemory: /^MemoryError\b/m }),
    };
  },
};
