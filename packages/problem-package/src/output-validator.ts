import type { CheckerSpec, LanguageId } from "@judge/protocol";
import { PackageError } from "./errors.ts";
import type { PackageFiles } from "./package-files.ts";

/** Output validator source extensions this judge builds, by language. */
const sourceLanguages: Record<string, LanguageId> = {
  ".c": "c",
  ".C": "cpp",
  ".cc": "cpp",
  ".cpp": "cpp",
  ".cxx": "cpp",
  ".c++": "cpp",
  ".py": "python",
  ".py3": "python",
  ".java": "java",
  ".rs": "rust",
  ".go": "go",
};

const extensionOf = (name: string): string => (name.includes(".") ? name.slice(name.lastIndexOf(".")) : "");
const PLAIN_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/**
 * A package's own output validator, its directory taken as a whole: legacy
 * `output_validators/<name>/` (or files right in `output_validators/`), 2023-07
 * `output_validator/`. Every file travels with it (headers such as validate.h or testlib.h,
 * more sources, Python modules); the worker builds them together (checker-source.ts). C and
 * C++ sources are compiled as one program; Python has one entry file (entryOf) and importable modules;
 * Java, Rust and Go validators must be one source file.
 */
export function customValidator(files: PackageFiles, problem: string, text: (p: string) => string, flags: readonly string[]): CheckerSpec {
  const paths = [...files.keys()].filter((p) => p.startsWith("output_validators/") || p.startsWith("output_validator/")).sort();
  const roots = new Set(paths.map((p) => validatorRoot(p)));
  if (roots.size > 1) throw new PackageError(problem, "output_validators/", `more than one output validator: ${[...roots].join(", ")}`);
  const root = [...roots][0]!;
  const named = new Map<string, string>();
  for (const path of paths) {
    const name = path.slice(root.length);
    if (!PLAIN_NAME.test(name)) throw new PackageError(problem, path, "output validator files in subdirectories are not supported");
    named.set(name, path);
  }
  const sources = [...named.keys()].filter((name) => sourceLanguages[extensionOf(name)] !== undefined);
  if (sources.length === 0) {
    throw new PackageError(problem, root, `no validator source in a supported language (${Object.keys(sourceLanguages).join(" ")})`);
  }
  const languages = new Set(sources.map((name) => sourceLanguages[extensionOf(name)]!));
  let language: LanguageId;
  if ([...languages].every((l) => l === "c" || l === "cpp")) language = languages.has("cpp") ? "cpp" : "c";
  else if (languages.size === 1 && languages.has("python")) language = "python";
  else if (sources.length === 1) language = sourceLanguages[extensionOf(sources[0]!)]!;
  else throw new PackageError(problem, root, `a validator of several sources must be C/C++ or Python, found ${sources.join(", ")}`);

  const entry = entryOf(sources);
  const others: Record<string, string> = {};
  for (const [name, path] of named) {
    if (name !== entry) others[name] = text(path);
  }
  const spec: CheckerSpec = { kind: "program", language, source: text(named.get(entry)!), convention: "kattis" };
  return {
    ...spec,
    ...(Object.keys(others).length > 0 ? { files: others } : {}),
    ...(flags.length > 0 ? { flags: [...flags] } : {}),
  };
}

/**
 * `output_validators/<name>/` for a file in a named directory, else the folder itself. 2023-07's
 * `output_validator/` may hold its program in a named directory too (problemtools finds programs
 * there as in the legacy folder; its own `guess` example does so).
 */
function validatorRoot(path: string): string {
  const parts = path.split("/");
  if ((parts[0] === "output_validators" || parts[0] === "output_validator") && parts.length > 2) return `${parts[0]}/${parts[1]}/`;
  return `${parts[0]}/`;
}

/**
 * The file the program starts from, as problemtools picks its {mainfile}: the only source, else
 * one named main.* (any case), else the smallest name. For C/C++ it only names the program:
 * every source is compiled.
 */
function entryOf(sources: string[]): string {
  const sorted = [...sources].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return sorted.find((name) => /^main\./i.test(name)) ?? sorted[0]!;
}
