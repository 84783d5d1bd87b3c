import { parse as parseYaml } from "yaml";
import { type GroupVerdictRule, type ScoreAggregation, Scoring, type TestGroup, parentGroupOf } from "@judge/protocol";
import { PackageError } from "./errors.ts";
import type { PackageFiles } from "./package-files.ts";

/**
 * A package's test groups and scoring as problemtools reads them (verifyproblem.py's
 * TestCaseGroup, metadata.py's legacy grading): every directory under data/ that holds tests is
 * a group; its `testdata.yaml` keys are inherited by its subgroups unless they set their own;
 * the legacy problem.yaml `grading:` keys (accept_score, reject_score, range, on_reject) override
 * every group's; what is still unset takes problemtools' defaults (config/testdata.yaml).
 */

/**
 * The keys problemtools' testdata.yaml has (and 2023-07's output_validator_args); any other is
 * reported, then ignored. The output validator's flags are read by validator-flags.ts.
 */
const KNOWN_KEYS = new Set([
  "on_reject",
  "grading",
  "grader_flags",
  "accept_score",
  "reject_score",
  "range",
  "input_validator_flags",
  "output_validator_flags",
  "output_validator_args",
]);
const VERDICT_FLAGS: Record<string, GroupVerdictRule> = {
  worst_error: "worst_error",
  no_errors: "worst_error",
  first_error: "first_error",
  always_accept: "always_accept",
};
const SCORING_ONLY_KEYS = ["accept_score", "reject_score", "range"] as const;
const SCORE_FLAGS = new Set<ScoreAggregation>(["sum", "min", "max", "avg"]);

type RawConfig = Record<string, unknown>;

/** Names with numbers compared as numbers: "group2" before "group10". */
const naturalOrder = (a: string, b: string): number => a.localeCompare(b, "en", { numeric: true });

/** `.in` files with their `.ans` under `dir`, in the order they run: natural name order of the whole path. */
export function testInputPaths(files: PackageFiles, dir: string): string[] {
  return [...files.keys()].filter((p) => p.startsWith(dir) && p.endsWith(".in")).sort(naturalOrder);
}

/** A test file's group: its directory under data/ ("data/secret/g1/3.in" → "secret/g1"). */
export function groupOfTest(path: string): string {
  return parentGroupOf(path.slice("data/".length));
}

export interface ScoringSource {
  files: PackageFiles;
  /** problem.yaml as parsed YAML (its `type`, `grading` and `validation` keys are read here) */
  yaml: Record<string, unknown>;
  problem: string;
  text: (path: string) => string;
  warn: (message: string) => void;
  /** every test's `.in` path, samples first, in the order they run */
  tests: readonly string[];
}

/**
 * The package's Scoring, or undefined for a pass-fail package that configures nothing (no
 * testdata.yaml, no legacy grading keys): its groups could not change a verdict, since every
 * default group stops at its first failure. Throws PackageError for what problemtools refuses
 * or this judge cannot grade (a custom grader).
 */
export function scoringOf(source: ScoringSource): Scoring | undefined {
  const { files, yaml, problem } = source;
  const scored = problemTypesOf(yaml, problem).includes("scoring");
  const legacy = legacyGradingOf(yaml, problem);
  const configFiles = [...files.keys()].filter((p) => p.startsWith("data/") && p.endsWith("/testdata.yaml"));
  for (const path of files.keys()) {
    if (path.startsWith("data/") && path.endsWith("/test_group.yaml")) source.warn(`${path} is not read: groups are configured by testdata.yaml`);
  }
  if (!scored && configFiles.length === 0 && Object.keys(legacy).length === 0) return undefined;

  const raw = new Map<string, RawConfig>(configFiles.map((path) => [groupOfTest(path), readConfig(source, path)]));
  if (!scored) refuseScoringKeys(raw, legacy, yaml, problem);
  const testGroups = source.tests.map(groupOfTest);
  const paths = new Set<string>([""]);
  for (const path of testGroups) {
    for (let p = path; p !== ""; p = parentGroupOf(p)) paths.add(p);
  }
  const inherited = (path: string): RawConfig => {
    const own = raw.get(path) ?? {};
    return path === "" ? own : { ...inherited(parentGroupOf(path)), ...own };
  };
  const groups = [...paths].sort(naturalOrder).map((path) => groupOf(path, raw.has(path), { ...inherited(path), ...legacy }, source));
  const parsed = Scoring.safeParse({
    scored,
    groups,
    tests: testGroups,
    validatorScore: validatorScoreOf(yaml, scored),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PackageError(problem, "data/", `test groups: ${issue?.path.join(".")}: ${issue?.message}`);
  }
  return parsed.data;
}

/** What problemtools refuses in a pass-fail problem: scores (in testdata.yaml or problem.yaml's grading) and `on_reject: grade`. */
function refuseScoringKeys(raw: ReadonlyMap<string, RawConfig>, legacy: RawConfig, yaml: Record<string, unknown>, problem: string): void {
  for (const [path, config] of raw) {
    const key = SCORING_ONLY_KEYS.find((k) => config[k] !== undefined && config[k] !== null);
    if (key !== undefined) {
      throw new PackageError(problem, path === "" ? "data/testdata.yaml" : `data/${path}/testdata.yaml`, `${key} is only for scoring problems (type: scoring)`);
    }
  }
  const grading = (yaml.grading ?? {}) as RawConfig;
  const key = SCORING_ONLY_KEYS.find((k) => legacy[k] !== undefined);
  if (key !== undefined) throw new PackageError(problem, "problem.yaml", `grading.${key} is only for scoring problems (type: scoring)`);
  if (grading.on_reject === "grade") throw new PackageError(problem, "problem.yaml", "grading.on_reject: grade is only for scoring problems (type: scoring)");
}

/** `type:` in problem.yaml: legacy `pass-fail`/`scoring`, 2023-07 a string or a list of them. */
function problemTypesOf(yaml: Record<string, unknown>, problem: string): string[] {
  const type = yaml.type ?? "pass-fail";
  const types = Array.isArray(type) ? type : [type];
  if (!types.every((t): t is string => typeof t === "string")) throw new PackageError(problem, "problem.yaml", "type: not a string or a list of strings");
  return types.flatMap((t) => t.split(/\s+/)).filter(Boolean);
}

/** Legacy problem.yaml `grading:` keys that problemtools applies to every group (on_reject mapped to break/continue). */
function legacyGradingOf(yaml: Record<string, unknown>, problem: string): RawConfig {
  const grading = yaml.grading;
  if (grading === undefined || grading === null) return {};
  if (typeof grading !== "object" || Array.isArray(grading)) throw new PackageError(problem, "problem.yaml", "grading: not a mapping");
  const keys = grading as RawConfig;
  const picked: RawConfig = {};
  for (const key of ["accept_score", "reject_score", "range"]) {
    if (keys[key] !== undefined && keys[key] !== null) picked[key] = keys[key];
  }
  if (keys.on_reject === "first_error") picked.on_reject = "break";
  else if (keys.on_reject === "grade") picked.on_reject = "continue";
  else if (keys.on_reject !== undefined && keys.on_reject !== "worst_error") {
    throw new PackageError(problem, "problem.yaml", `grading.on_reject: ${String(keys.on_reject)} is not first_error, worst_error or grade`);
  }
  return picked;
}

/**
 * Whether the validator gives scores (score.txt), as problemtools decides: legacy `validation:
 * custom score` must write one for every accepted test; a 2023-07 scoring problem's may.
 */
function validatorScoreOf(yaml: Record<string, unknown>, scored: boolean): Scoring["validatorScore"] {
  if (String(yaml.problem_format_version ?? "legacy").startsWith("2023-07")) return scored ? "optional" : "never";
  const validation = typeof yaml.validation === "string" ? yaml.validation.split(/\s+/) : [];
  return validation[0] === "custom" && validation.includes("score") ? "required" : "never";
}

function readConfig(source: ScoringSource, path: string): RawConfig {
  let parsed: unknown;
  try {
    parsed = parseYaml(source.text(path)) ?? {};
  } catch (error) {
    throw new PackageError(source.problem, path, `not valid YAML (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new PackageError(source.problem, path, "not a mapping");
  const config = parsed as RawConfig;
  const fail = (reason: string) => new PackageError(source.problem, path, reason);
  if (config.on_reject !== undefined && config.on_reject !== "break" && config.on_reject !== "continue") {
    throw fail(`on_reject: ${String(config.on_reject)} is not break or continue`);
  }
  if (config.grading === "custom") throw fail("grading: custom graders are not supported");
  if (config.grading !== undefined && config.grading !== "default") throw fail(`grading: ${String(config.grading)} is not default or custom`);
  for (const key of Object.keys(config)) {
    if (!KNOWN_KEYS.has(key)) source.warn(`${path}: the key ${key} is not supported and is ignored`);
  }
  return config;
}

/**
 * One group's resolved config, as TestGroup; problemtools' defaults for what is unset. Values
 * were checked where they are written (readConfig, legacyGradingOf); a problem found here is
 * blamed on the group's own testdata.yaml when it has one, else on its directory.
 */
function groupOf(path: string, ownFile: boolean, config: RawConfig, source: ScoringSource): TestGroup {
  const dir = path === "" ? "data/" : `data/${path}/`;
  const file = ownFile ? `${dir}testdata.yaml` : dir;
  const fail = (reason: string) => new PackageError(source.problem, file, reason);
  const onReject = config.on_reject === "continue" ? "continue" : "break";

  let verdictRule: GroupVerdictRule = "worst_error";
  let aggregation: ScoreAggregation = "sum";
  let ignoreSample = false;
  let acceptIfAnyAccepted = false;
  // As the default grader reads its argv: each flag in turn, a later one of a kind winning.
  for (const flag of String(config.grader_flags ?? "").split(/\s+/).filter(Boolean)) {
    if (VERDICT_FLAGS[flag] !== undefined) verdictRule = VERDICT_FLAGS[flag];
    else if (SCORE_FLAGS.has(flag as ScoreAggregation)) aggregation = flag as ScoreAggregation;
    else if (flag === "ignore_sample") ignoreSample = true;
    else if (flag === "accept_if_any_accepted") acceptIfAnyAccepted = true;
    else source.warn(`${file}: grader flag ${flag} is not known to the default grader and is ignored`);
  }
  if (ignoreSample && path !== "") throw fail("grader_flags: ignore_sample is only allowed at the top (data/testdata.yaml)");
  if (ignoreSample && onReject === "break") throw fail("grader_flags: ignore_sample with on_reject: break may leave secret unjudged");
  return {
    path,
    onReject,
    verdictRule,
    acceptIfAnyAccepted,
    ignoreSample,
    aggregation,
    acceptScore: scoreOf(config.accept_score, 1, "accept_score", fail),
    rejectScore: scoreOf(config.reject_score, 0, "reject_score", fail),
    ...(config.range === undefined || config.range === null ? {} : { range: rangeOf(config.range, fail) }),
  };
}

function scoreOf(value: unknown, fallback: number, key: string, fail: (reason: string) => PackageError): number {
  if (value === undefined || value === null) return fallback;
  const score = typeof value === "number" ? value : Number(String(value).trim());
  if (!Number.isFinite(score)) throw fail(`${key}: ${String(value)} is not a number`);
  return score;
}

/** `range: "min max"`, floats as Python reads them ("-inf", "+inf" for unbounded ends). */
function rangeOf(value: unknown, fail: (reason: string) => PackageError): [number | null, number | null] {
  const parts = String(value).trim().split(/\s+/);
  const number = (part: string): number | null => {
    if (/^[+-]?(inf|infinity)$/i.test(part)) return null;
    const n = Number(part);
    if (part === "" || !Number.isFinite(n)) throw fail(`range: ${String(value)} is not two numbers`);
    return n;
  };
  if (parts.length !== 2) throw fail(`range: ${String(value)} is not two numbers`);
  const [low, high] = [number(parts[0]!), number(parts[1]!)];
  if (low !== null && high !== null && low > high) throw fail(`range: ${String(value)}: its minimum is above its maximum`);
  return [low, high];
}
