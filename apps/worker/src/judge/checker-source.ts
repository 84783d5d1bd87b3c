import type { CheckerSpec } from "@judge/protocol";
import { languageStrategies } from "../languages/index.ts";
import type { ProgramSource } from "./program-store.ts";

const C_SOURCE = /\.(?:c|C|cc|cpp|cxx|c\+\+)$/;

/** Where a multi-file Python checker's entry file goes, beside the runner that is its main.py. */
export const PYTHON_ENTRY = "checker_entry.py";

/**
 * A checker program as the program store compiles it. One file: its source. Several: the
 * language's main file is made to build them as a whole. C/C++: the entry's source followed by
 * an `#include` of each other source file, so one compile builds and links them all (a unity
 * build; headers are found beside it). Python: a main.py that puts the program's directory on
 * sys.path (python -I leaves it off) and runs the entry as `__main__` with the same arguments.
 * Other languages get their files beside the main one.
 */
export function checkerSource(spec: Extract<CheckerSpec, { kind: "program" | "interactor" }>): ProgramSource {
  const others = spec.files ?? {};
  if (Object.keys(others).length === 0) return spec.source;
  const main = languageStrategies[spec.language]!.sourceName;
  switch (spec.language) {
    case "c":
    case "cpp": {
      const includes = Object.keys(others)
        .filter((name) => C_SOURCE.test(name))
        .sort()
        .map((name) => `#include "${name}"\n`);
      return { main, files: { ...others, [main]: `${spec.source}\n${includes.join("")}` } };
    }
    case "python":
    case "pypy":
      return { main, files: { ...others, [PYTHON_ENTRY]: spec.source, [main]: pythonRunner(PYTHON_ENTRY) } };
    default:
      return { main, files: { ...others, [main]: spec.source } };
  }
}

function pythonRunner(entry: string): string {
  return `import os, runpy, sys
_here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, _here)
sys.argv[0] = os.path.join(_here, ${JSON.stringify(entry)})
runpy.run_path(sys.argv[0], run_name="__main__")
`;
}
