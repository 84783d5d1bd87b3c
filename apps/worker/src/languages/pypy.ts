import type { Language } from "./language.ts";
import { resolveUsrBinary, versionIn } from "./probe.ts";
import { pythonArgv, pythonSyntaxCheck } from "./syntax-check.ts";

export const pypy: Language = {
  id: "pypy",
  sourceName: "main.py",
  async detect({ probe }) {
    const pypy3 = await resolveUsrBinary("/usr/bin/pypy3");
    if (pypy3 === null) return null;
    // "[PyPy 7.3.11 with GCC 12.2.0]": the PyPy release, which is what users compare.
    const version = versionIn(await probe(pypy3, ["--version"]), /\[PyPy (\d+\.\d+\.\d+)/);
    if (version === null) return null;
    return {
      version: `PyPy ${version}`,
      compile: pythonSyntaxCheck(pypy3),
      run: ({ entry }) => ({ argv: pythonArgv(pypy3, entry), outOfMemory: /^MemoryError\b/m }),
    };
  },
};
