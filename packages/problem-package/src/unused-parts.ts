import type { PackageFiles } from "./package-files.ts";

/**
 * problem.yaml keys the import takes (each where it is read: kattis.ts, statements.ts,
 * package-limits.ts, output-validator.ts…). `tags` and `difficulty` are this judge's own.
 * A key taken elsewhere belongs here, or its package gets a warning that it was ignored.
 */
const TAKEN_KEYS = new Set([
  "problem_format_version",
  "type",
  "name",
  "uuid",
  "author",
  "source",
  "source_url",
  "license",
  "rights_owner",
  "credits",
  "keywords",
  "limits",
  "validation",
  "validator_flags",
  // legacy scoring: accept_score, reject_score, range, on_reject (test-groups.ts)
  "grading",
  "tags",
  "difficulty",
]);

/** Keys of the format the judge knows but does not apply, and why. */
const UNSUPPORTED_KEYS: Record<string, string> = {
  languages: "every language the judge has is offered for every problem",
  libraries: "libraries are not linked into submissions",
  version: "the package's version is not kept",
  embargo_until: "problems are shown when published, not at a date",
  allow_file_writing: "a submission always has a private writable scratch directory",
  constants: "constants are not substituted into statements or validators",
};

/** Top-level files and folders the import reads, or that another part of the project takes. */
const TAKEN_ENTRIES = new Set([
  "problem.yaml",
  ".timelimit",
  "problem_statement",
  "statement",
  "attachments",
  "data",
  "output_validators",
  "output_validator",
  // the package's own submissions: checked by the package verifier, not imported as tests
  "submissions",
]);

/** Top-level folders of the format the judge knows but does not use, and why. */
const UNSUPPORTED_ENTRIES: Record<string, string> = {
  input_validators: "input validators are not run: test data is taken as it is",
  input_format_validators: "input validators are not run: test data is taken as it is",
  input_validator: "input validators are not run: test data is taken as it is",
  answer_validators: "answer validators are not run",
  generators: "generators are not run: only the tests in data/ are imported",
  include: "files under include/ are not added to submissions",
  graders: "custom graders are not run",
  static_validator: "static validation is not run",
  input_visualizer: "visualizers are not run",
  output_visualizer: "visualizers are not run",
  solution: "solution write-ups are not imported",
};

/**
 * What of a package the import does not take: every problem.yaml key it ignores (known or
 * unknown) and every top-level file or folder it does not use (dot files excepted), each as
 * one message for the import's `warn`.
 */
export function unusedParts(files: PackageFiles, yaml: Record<string, unknown>): string[] {
  const messages: string[] = [];
  for (const key of Object.keys(yaml)) {
    if (TAKEN_KEYS.has(key)) continue;
    const why = UNSUPPORTED_KEYS[key];
    messages.push(why === undefined ? `problem.yaml: ${key} is not a key the import knows; ignored` : `problem.yaml: ${key} is ignored: ${why}`);
  }
  const entries = new Map<string, boolean>();
  for (const path of files.keys()) {
    const slash = path.indexOf("/");
    entries.set(slash === -1 ? path : path.slice(0, slash), slash !== -1);
  }
  for (const [entry, folder] of [...entries].sort(([a], [b]) => a.localeCompare(b))) {
    if (TAKEN_ENTRIES.has(entry) || entry.startsWith(".")) continue;
    const name = folder ? `${entry}/` : entry;
    const why = UNSUPPORTED_ENTRIES[entry];
    messages.push(why === undefined ? `${name} is not part of the format the import knows; ignored` : `${name} is ignored: ${why}`);
  }
  return [...messages, ...unusedTestData(files)];
}

/** Test-data files the import reads (or another part of the project does) by extension. */
const TAKEN_DATA_EXTENSIONS = new Set(["in", "ans", "yaml"]);

/**
 * data/: folders beside sample/ and secret/ (2023-07's invalid_input/…), and, once per
 * extension, files in them that are not tests (.hint, .desc, illustrations…).
 */
function unusedTestData(files: PackageFiles): string[] {
  const folders = new Set<string>();
  const extensions = new Map<string, number>();
  for (const path of files.keys()) {
    const parts = path.split("/");
    if (parts[0] !== "data" || parts.length < 2 || parts.some((p) => p.startsWith("."))) continue;
    if (parts.length === 2) {
      if (parts[1] !== "testdata.yaml") folders.add(`data/${parts[1]}`);
      continue;
    }
    if (parts[1] !== "sample" && parts[1] !== "secret") {
      folders.add(`data/${parts[1]}/`);
      continue;
    }
    const name = parts.at(-1)!;
    const extension = name.includes(".") ? name.slice(name.lastIndexOf(".") + 1) : "";
    if (!TAKEN_DATA_EXTENSIONS.has(extension)) extensions.set(extension, (extensions.get(extension) ?? 0) + 1);
  }
  return [
    ...[...folders].sort().map((folder) => `${folder} is ignored: only data/sample/ and data/secret/ become tests`),
    ...[...extensions].sort(([a], [b]) => a.localeCompare(b)).map(([extension, count]) =>
      `data/: ${count} ${extension === "" ? "file(s) without an extension" : `.${extension} file(s)`} ignored: only .in/.ans pairs become tests`),
  ];
}
