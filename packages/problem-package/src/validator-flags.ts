import { parse as parseYaml } from "yaml";
import type { CheckerSpec } from "@judge/protocol";
import { PackageError } from "./errors.ts";
import type { PackageFiles } from "./package-files.ts";

/**
 * The output validator's flags, as problemtools gathers them: the legacy problem.yaml's
 * `validator_flags`, then data/testdata.yaml's `output_validator_flags` (problemtools' name) or
 * `output_validator_args` (the 2023-07 format's, a string or a list). Flags that differ between
 * test groups are refused: this judge has one checker per problem.
 */
export function validatorFlags(files: PackageFiles, legacyFlags: string | undefined, problem: string, text: (p: string) => string): string[] {
  const flags = words(legacyFlags);
  let rootFlags: string[] | null = null;
  const groups = [...files.keys()].filter((p) => p.startsWith("data/") && p.endsWith("/testdata.yaml")).sort();
  for (const path of ["data/testdata.yaml", ...groups]) {
    if (!files.has(path)) continue;
    const own = testdataFlags(path, problem, text);
    if (path === "data/testdata.yaml") rootFlags = own ?? [];
    else if (own !== null && own.join(" ") !== (rootFlags ?? []).join(" ")) {
      throw new PackageError(problem, path, "output validator flags that differ between test groups are not supported");
    }
  }
  return [...flags, ...(rootFlags ?? [])];
}

function words(flags: string | undefined): string[] {
  return (flags ?? "").split(/\s+/).filter((word) => word.length > 0);
}

function testdataFlags(path: string, problem: string, text: (p: string) => string): string[] | null {
  let yaml: unknown;
  try {
    yaml = parseYaml(text(path));
  } catch (error) {
    throw new PackageError(problem, path, `not valid YAML (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`);
  }
  if (yaml === null || typeof yaml !== "object") return null;
  const record = yaml as Record<string, unknown>;
  const value = record.output_validator_flags ?? record.output_validator_args;
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return words(value);
  if (Array.isArray(value) && value.every((item) => typeof item === "string" || typeof item === "number")) return value.map(String);
  throw new PackageError(problem, path, "output validator flags must be a string or a list of strings");
}

/**
 * problemtools' default validator with these flags. Like it, an unknown flag or a tolerance
 * that is not a finite number is an error (there it fails every judging; here the import);
 * a negative tolerance means none, as it does there.
 */
export function defaultValidatorChecker(flags: readonly string[], problem: string): Extract<CheckerSpec, { kind: "kattis-default" }> {
  const spec: Extract<CheckerSpec, { kind: "kattis-default" }> = { kind: "kattis-default", caseSensitive: false, spaceChangeSensitive: false };
  let abs: number | undefined;
  let rel: number | undefined;
  for (let i = 0; i < flags.length; i++) {
    const flag = flags[i]!;
    if (flag === "case_sensitive") spec.caseSensitive = true;
    else if (flag === "space_change_sensitive") spec.spaceChangeSensitive = true;
    else if (flag === "float_tolerance" || flag === "float_absolute_tolerance" || flag === "float_relative_tolerance") {
      const value = Number(flags[i + 1]);
      if (flags[i + 1] === undefined || !Number.isFinite(value)) throw new PackageError(problem, "problem.yaml", `validator flag ${flag} needs a number`);
      i++;
      if (flag !== "float_relative_tolerance") abs = value;
      if (flag !== "float_absolute_tolerance") rel = value;
    } else {
      throw new PackageError(problem, "problem.yaml", `the default validator has no flag "${flag}"`);
    }
  }
  if (abs !== undefined && abs >= 0) spec.floatAbs = abs;
  if (rel !== undefined && rel >= 0) spec.floatRel = rel;
  return spec;
}
