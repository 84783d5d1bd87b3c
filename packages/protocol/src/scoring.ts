import { z } from "zod";

/**
 * Test groups and scoring, as a Kattis package's `data/` tree and its `testdata.yaml` files
 * define them and as problemtools' default grader applies them. Every group is named by its
 * path under `data/`: "" is `data/` itself (the root, whose result is the submission's),
 * then "sample", "secret", "secret/group1", … A group's children are its tests and its
 * subgroups, in the order their tests run.
 */

/** How a group's verdict comes from its children's (problemtools' grader_flags). */
export const GroupVerdictRule = z.enum(["worst_error", "first_error", "always_accept"]);
export type GroupVerdictRule = z.infer<typeof GroupVerdictRule>;

/** How a group's score comes from its children's. */
export const ScoreAggregation = z.enum(["sum", "min", "max", "avg"]);
export type ScoreAggregation = z.infer<typeof ScoreAggregation>;

export const GroupPath = z
  .string()
  .max(300)
  .regex(/^$|^[^/]+(\/[^/]+)*$/, "a path under data/ without leading or trailing '/'");

export const TestGroup = z.object({
  path: GroupPath,
  /** `break`: the group's first non-accepted child ends the group (its other tests are not run). */
  onReject: z.enum(["break", "continue"]).default("break"),
  verdictRule: GroupVerdictRule.default("worst_error"),
  /** accepted when any child is, whatever verdictRule says */
  acceptIfAnyAccepted: z.boolean().default(false),
  /** the root only: the group's result is its last child's (secret's), sample's is ignored */
  ignoreSample: z.boolean().default(false),
  aggregation: ScoreAggregation.default("sum"),
  /** score of an accepted test directly in this group (unless its validator gives one) */
  acceptScore: z.number().finite().default(1),
  /** score of a test directly in this group that is not accepted */
  rejectScore: z.number().finite().default(0),
  /** the score range the package declares (`range`); null ends are unbounded */
  range: z.tuple([z.number().finite().nullable(), z.number().finite().nullable()]).optional(),
});
export type TestGroup = z.infer<typeof TestGroup>;

/**
 * A problem's groups. `scored`: a scoring problem (a score per submission); otherwise the groups
 * only decide which tests run and the verdict. `tests` names each test's group, one per test in
 * the order tests run (samples first, then hidden tests).
 */
export const Scoring = z
  .object({
    scored: z.boolean(),
    groups: z.array(TestGroup).min(1).max(1000),
    tests: z.array(GroupPath).max(1100),
    /**
     * Whether the package's output validator gives an accepted test its score in `score.txt` in
     * its feedback directory: `required` (legacy `validation: custom score`), `optional` (a
     * 2023-07 scoring problem), `never` (the file is not read).
     */
    validatorScore: z.enum(["never", "optional", "required"]).default("never"),
  })
  .superRefine((s, ctx) => {
    const paths = new Set(s.groups.map((g) => g.path));
    if (!paths.has("")) ctx.addIssue({ code: "custom", path: ["groups"], message: "has no root group (path \"\")" });
    if (paths.size !== s.groups.length) ctx.addIssue({ code: "custom", path: ["groups"], message: "a group path appears twice" });
    for (const [i, path] of s.tests.entries()) {
      if (!paths.has(path)) ctx.addIssue({ code: "custom", path: ["tests", i], message: `no group ${JSON.stringify(path)}` });
    }
    for (const [i, group] of s.groups.entries()) {
      if (group.path !== "" && !paths.has(parentGroupOf(group.path))) {
        ctx.addIssue({ code: "custom", path: ["groups", i, "path"], message: "its parent group is missing" });
      }
    }
  });
export type Scoring = z.infer<typeof Scoring>;

/** "secret/a" → "secret", "secret" → "" (the root). */
export function parentGroupOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash === -1 ? "" : path.slice(0, slash);
}
