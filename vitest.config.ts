import { defineConfig } from "vitest/config";
import CountReporter from "./test/support/count-reporter.ts";

/**
 * One project per app and package, plus the cross-service suites. Run one part with
 * `npx vitest --project worker`, one file with `npx vitest apps/api/test/fuzz.test.ts`,
 * the pure units in watch mode with `npx vitest --project protocol --project web`.
 *
 * Every suite isolates itself on the machine's shared Redis and PostgreSQL (a fresh
 * `test-<uuid>` prefix and `judge_test_<uuid>` database per harness), so files run
 * concurrently unless a project says why not. Groups run in order: the in-process suites
 * (two files at a time), the judge, the suites that start whole stacks, then the fault
 * suites that kill processes.
 */

/** Generous: a bound on a hung test, never a measure of a passing one. ms */
const SERVICE_TIMEOUT_MS = 120_000;
const STACK_TIMEOUT_MS = 300_000;

/** Judge suites that need no machine to themselves (see the `worker-functions` project). */
const WORKER_ALONGSIDE = ["apps/worker/test/function-seeded.test.ts", "apps/worker/test/function-types.test.ts"];

/** One browser lane's files (about half the browser suites' time); the other lane takes the rest. */
const BROWSER_LANE_A = [
  "test/e2e/browser-resilience.test.ts",
  "test/e2e/browser-live.test.ts",
  "test/e2e/browser-pages.test.ts",
  "test/e2e/browser-stats.test.ts",
];

const project = (name: string, root: string, extra: Record<string, unknown> = {}) => ({
  extends: true as const,
  test: {
    name,
    include: [`${root}/**/*.test.ts`],
    testTimeout: SERVICE_TIMEOUT_MS,
    hookTimeout: SERVICE_TIMEOUT_MS,
    sequence: { groupOrder: 0 },
    ...extra,
  },
});

export default defineConfig({
  test: {
    exclude: ["**/node_modules/**", "**/dist/**"],
    pool: "forks",
    reporters: ["default", new CountReporter()],
    // Two cores on every machine here; more workers only contend.
    maxWorkers: 2,
    coverage: {
      provider: "v8",
      // The summary in CI whatever the outcome: a failing run still says what it covered.
      reportOnFailure: true,
      include: ["apps/*/src/**/*.{ts,tsx}", "packages/*/src/**/*.ts"],
      exclude: ["packages/db/src/generated/**", "**/*.d.ts"],
      reporter: ["text-summary", "json-summary"],
      reportsDirectory: "test-artifacts/coverage",
    },
    projects: [
      project("protocol", "packages/protocol"),
      project("config", "packages/config"),
      project("db", "packages/db"),
      project("live-state", "packages/live-state"),
      project("problem-package", "packages/problem-package"),
      project("function-problems", "packages/function-problems"),
      project("tokens", "packages/tokens"),
      project("api", "apps/api"),
      project("notifier", "apps/notifier"),
      project("web", "apps/web"),
      // The judge on the real sandbox: one file at a time, after the in-process suites. Its
      // hostile tests check the host (leftover processes of box users, cgroups, the disk) and
      // its limit tests give TLE/MLE verdicts from CPU time: a second heavy file beside them
      // would only blur both. (vitest runs a group at one worker count, so a one-at-a-time
      // project gets a group of its own.)
      project("worker", "apps/worker", {
        exclude: WORKER_ALONGSIDE,
        fileParallelism: false,
        sequence: { groupOrder: 1 },
      }),
      // The judge's long function-problem suites (every seeded problem, every type in every
      // language) inspect no host state, so they run beside the in-process suites instead of
      // lengthening the judge's one-at-a-time group; their verdicts come from CPU time.
      project("worker-functions", "apps/worker", { include: WORKER_ALONGSIDE }),
      // Each file starts a whole stack (API, workers, notifier as processes): one at a time.
      project("e2e", "test/e2e", {
        exclude: ["test/e2e/browser*.test.ts"],
        fileParallelism: false,
        testTimeout: STACK_TIMEOUT_MS,
        hookTimeout: STACK_TIMEOUT_MS,
        sequence: { groupOrder: 2 },
      }),
      // Chromium plus a stack per file, one file at a time in each of two lanes beside the e2e
      // lane: three stacks at once, most of their time spent waiting on judgings and pages.
      project("browser", "test/e2e", {
        include: BROWSER_LANE_A,
        fileParallelism: false,
        testTimeout: STACK_TIMEOUT_MS,
        hookTimeout: STACK_TIMEOUT_MS,
        sequence: { groupOrder: 2 },
      }),
      project("browser-b", "test/e2e", {
        include: ["test/e2e/browser*.test.ts"],
        exclude: BROWSER_LANE_A,
        fileParallelism: false,
        testTimeout: STACK_TIMEOUT_MS,
        hookTimeout: STACK_TIMEOUT_MS,
        sequence: { groupOrder: 2 },
      }),
      // They kill workers, notifiers, Redis and PostgreSQL connections and wait for recovery:
      // alone, last, so no other suite's load stretches a recovery past its bound.
      project("faults", "test/faults", {
        fileParallelism: false,
        testTimeout: STACK_TIMEOUT_MS,
        hookTimeout: STACK_TIMEOUT_MS,
        sequence: { groupOrder: 3 },
      }),
    ],
  },
});
