import { z } from "zod";
import type { CheckerSpec } from "@judge/protocol";
import { PackageError } from "./errors.ts";
import type { PackageFiles } from "./package-files.ts";
import { customValidator } from "./output-validator.ts";

/** The problem.yaml keys that say a problem is interactive; the rest of the file is kattis.ts's. */
const InteractiveKeys = z
  .object({
    validation: z.string().optional(),
    /** 2023-07: one type or a list of them ("pass-fail", "scoring", "interactive", …) */
    type: z.union([z.string(), z.array(z.string())]).optional(),
  })
  .passthrough();

/**
 * Legacy `validation: custom interact` (with or without `score`; problemtools also takes
 * `interactive`), or 2023-07 `type: interactive`, alone or in a list (`[scoring, interactive]`).
 */
export function isInteractive(problemYaml: unknown): boolean {
  const parsed = InteractiveKeys.safeParse(problemYaml ?? {});
  if (!parsed.success) return false;
  const { validation, type } = parsed.data;
  const words = (validation ?? "").split(/\s+/).filter(Boolean);
  if (words[0] === "custom" && words.slice(1).some((w) => w === "interact" || w === "interactive")) return true;
  const types = typeof type === "string" ? type.split(/\s+/) : (type ?? []);
  return types.includes("interactive");
}

/**
 * An interactive problem's interactor: the package's output validator (legacy
 * `output_validators/<name>/`, 2023-07 `output_validator/`), its directory taken whole as for
 * any validator (output-validator.ts), with the validator flags after its three arguments.
 */
export function interactorOf(files: PackageFiles, problem: string, text: (p: string) => string, flags: readonly string[]): CheckerSpec {
  const hasValidator = [...files.keys()].some((p) => p.startsWith("output_validators/") || p.startsWith("output_validator/"));
  if (!hasValidator) throw new PackageError(problem, "output_validators/", "an interactive problem needs its interactor (the output validator), and there is none");
  const validator = customValidator(files, problem, text, flags);
  if (validator.kind !== "program") throw new PackageError(problem, "output_validators/", "the interactor is not a program");
  const { convention: _kattis, kind: _program, ...program } = validator;
  return { kind: "interactor", ...program };
}
