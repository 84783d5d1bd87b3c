/**
 * The sandbox itself broke (cgroup, scratch directory, bubblewrap): the judge's fault, not the
 * submission's. The queue glue retries the job, possibly on another worker. Verdicts such as
 * CE, RE or TLE are never thrown; they are results.
 */
export class SandboxError extends Error {
  readonly code = "SANDBOX" as const;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "SandboxError";
  }
}
