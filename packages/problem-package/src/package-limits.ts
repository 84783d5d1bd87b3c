import { z } from "zod";
import type { Limits, TimeCalibration } from "@judge/protocol";
import { PackageError } from "./errors.ts";
import type { PackageFiles } from "./package-files.ts";

/**
 * problem.yaml's `limits` in both layouts, with the format's defaults. Sizes are MiB (`code`:
 * KiB), times seconds. Legacy defaults are problemtools' "system defaults"
 * (problemtools/config/problem.yaml), 2023-07's the spec's own table.
 */
const OtherLimits = {
  memory: z.number().int().positive().optional(),
  output: z.number().int().positive().optional(),
  code: z.number().int().positive().optional(),
  compilation_time: z.number().positive().optional(),
  compilation_memory: z.number().int().positive().optional(),
  validation_time: z.number().positive().optional(),
  validation_memory: z.number().int().positive().optional(),
  validation_output: z.number().int().positive().optional(),
};

const LegacyLimits = z
  .object({
    ...OtherLimits,
    time_multiplier: z.number().positive().optional(),
    time_safety_margin: z.number().positive().optional(),
    /** not a legacy key, but taken (seconds) as this judge always did */
    time_limit: z.number().positive().optional(),
  });

const ModernLimits = z
  .object({
    ...OtherLimits,
    time_multipliers: z
      .object({ ac_to_time_limit: z.number().positive().optional(), time_limit_to_tle: z.number().positive().optional() })
      .optional(),
    /** seconds */
    time_limit: z.number().positive().optional(),
    /** seconds */
    time_resolution: z.number().positive().optional(),
    validation_passes: z.number().int().positive().optional(),
  });

type Layout = "legacy" | "2023-07";

const DEFAULTS: Record<Layout, { memoryMiB: number; outputMiB: number; acToTimeLimit: number; timeLimitToTle: number }> = {
  legacy: { memoryMiB: 1024, outputMiB: 8, acToTimeLimit: 5, timeLimitToTle: 2 },
  "2023-07": { memoryMiB: 2048, outputMiB: 8, acToTimeLimit: 2, timeLimitToTle: 1.5 },
};

/** Limits.timeMs and memoryKb bounds (packages/protocol/src/problem.ts). */
const MAX_TIME_MS = 20_000;
const MIN_TIME_MS = 100;
const MAX_MEMORY_MIB = 2048;
const MIN_MEMORY_MIB = 16;
/** Limits.outputKb's bound; a worker's own cap (64 MiB by default) may be lower still. */
const MAX_OUTPUT_MIB = 1024;
/** What a submission may be at most anyway (MAX_CODE_BYTES in @judge/protocol), KiB. */
const JUDGE_CODE_KIB = 64;

/** The time limit when a package fixes none, before calibration: at least 1 s, whole resolution steps. */
function provisionalTimeMs(resolutionMs: number): number {
  return Math.max(1, Math.ceil(1000 / resolutionMs)) * resolutionMs;
}

export interface PackageLimits {
  limits: Limits;
  /** only when the package fixes no time limit (limits.timeMs is then provisional) */
  timeCalibration?: TimeCalibration;
}

/** Which layout problem.yaml is in: `problem_format_version` absent or legacy* is legacy. */
export function layoutOf(yaml: Record<string, unknown>): Layout {
  const version = yaml.problem_format_version;
  return version === undefined || (typeof version === "string" && version.startsWith("legacy")) ? "legacy" : "2023-07";
}

/**
 * The problem's limits from problem.yaml's `limits` (and a legacy `.timelimit` file). What the
 * judge cannot apply (compilation and validation limits, a code size above its own, values
 * beyond its bounds) is told to `warn` when the package sets it.
 */
export function packageLimits(
  files: PackageFiles,
  yaml: Record<string, unknown>,
  problem: string,
  text: (path: string) => string,
  warn: (message: string) => void,
): PackageLimits {
  const layout = layoutOf(yaml);
  const raw = yaml.limits ?? {};
  const schema = layout === "legacy" ? LegacyLimits : ModernLimits;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PackageError(problem, "problem.yaml", `${["limits", ...(issue?.path ?? [])].join(".")}: ${issue?.message ?? "invalid"}`);
  }
  for (const key of Object.keys(raw as object)) {
    if (!(key in schema.shape)) warn(`problem.yaml: limits.${key} is not a ${layout} limit; ignored`);
  }
  const given: z.infer<typeof LegacyLimits> & z.infer<typeof ModernLimits> = parsed.data;
  const defaults = DEFAULTS[layout];

  const memoryMiB = given.memory ?? defaults.memoryMiB;
  if (memoryMiB > MAX_MEMORY_MIB) warn(`limits.memory is ${memoryMiB} MiB; the judge gives at most ${MAX_MEMORY_MIB} MiB, so the limit is ${MAX_MEMORY_MIB} MiB`);
  if (memoryMiB < MIN_MEMORY_MIB) warn(`limits.memory is ${memoryMiB} MiB; the judge gives at least ${MIN_MEMORY_MIB} MiB, so the limit is ${MIN_MEMORY_MIB} MiB`);
  const memoryKb = Math.min(MAX_MEMORY_MIB, Math.max(MIN_MEMORY_MIB, memoryMiB)) * 1024;
  const outputMiB = given.output ?? defaults.outputMiB;
  if (outputMiB > MAX_OUTPUT_MIB) warn(`limits.output is ${outputMiB} MiB; the judge keeps at most ${MAX_OUTPUT_MIB} MiB, so the limit is ${MAX_OUTPUT_MIB} MiB`);
  const outputKb = Math.min(MAX_OUTPUT_MIB, outputMiB) * 1024;

  // The format's default (128 KiB) is above what the judge takes at all: stored only when lower.
  const codeKb = given.code !== undefined && given.code < JUDGE_CODE_KIB ? { codeKb: given.code } : {};
  if (given.code !== undefined && given.code > JUDGE_CODE_KIB) {
    warn(`limits.code is ${given.code} KiB; the judge takes submissions of at most ${JUDGE_CODE_KIB} KiB`);
  }
  for (const key of ["compilation_time", "compilation_memory"] as const) {
    if (given[key] !== undefined) warn(`limits.${key} is not applied: submissions compile under the judge's own limits`);
  }
  for (const key of ["validation_time", "validation_memory", "validation_output"] as const) {
    if (given[key] !== undefined) warn(`limits.${key} is not applied: output validators run under the judge's own limits`);
  }
  if (given.validation_passes !== undefined) warn("limits.validation_passes is not applied: multi-pass problems are not supported");

  const fixedSeconds = given.time_limit ?? timelimitFile(files, problem, text);
  const multipliers =
    layout === "legacy"
      ? { ac: given.time_multiplier, tle: given.time_safety_margin, given: given.time_multiplier !== undefined || given.time_safety_margin !== undefined }
      : { ac: given.time_multipliers?.ac_to_time_limit, tle: given.time_multipliers?.time_limit_to_tle, given: given.time_multipliers !== undefined };
  // problemtools rounds a computed limit up to whole time_resolution steps; legacy has no such key: whole seconds.
  const resolutionMs = Math.max(1, Math.round((given.time_resolution ?? 1) * 1000));
  if (given.time_resolution !== undefined && fixedSeconds !== null) warn("limits.time_resolution is not used: the package fixes the time limit");

  if (fixedSeconds !== null) {
    if (multipliers.given) {
      warn(`limits.${layout === "legacy" ? "time_multiplier/time_safety_margin" : "time_multipliers"} is not used: the package fixes the time limit`);
    }
    return { limits: { timeMs: clampTime(fixedSeconds * 1000, warn), memoryKb, outputKb, ...codeKb } };
  }
  const timeCalibration: TimeCalibration = {
    acToTimeLimit: multipliers.ac ?? defaults.acToTimeLimit,
    timeLimitToTle: multipliers.tle ?? defaults.timeLimitToTle,
    resolutionMs,
  };
  return { limits: { timeMs: clampTime(provisionalTimeMs(resolutionMs), warn), memoryKb, outputKb, ...codeKb }, timeCalibration };
}

function clampTime(ms: number, warn: (message: string) => void): number {
  const rounded = Math.round(ms);
  if (rounded > MAX_TIME_MS) warn(`the time limit is ${rounded / 1000} s; the judge allows at most ${MAX_TIME_MS / 1000} s, so the limit is ${MAX_TIME_MS / 1000} s`);
  if (rounded < MIN_TIME_MS) warn(`the time limit is ${rounded / 1000} s; the judge needs at least ${MIN_TIME_MS / 1000} s, so the limit is ${MIN_TIME_MS / 1000} s`);
  return Math.min(MAX_TIME_MS, Math.max(MIN_TIME_MS, rounded));
}

/** Legacy packages keep the time limit in seconds in a `.timelimit` file. */
function timelimitFile(files: PackageFiles, problem: string, text: (p: string) => string): number | null {
  if (!files.has(".timelimit")) return null;
  const seconds = Number(text(".timelimit").trim());
  if (!Number.isFinite(seconds) || seconds <= 0) throw new PackageError(problem, ".timelimit", "not a number of seconds");
  return seconds;
}
