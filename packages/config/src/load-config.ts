import type { z } from "zod";

/** Thrown at start when the environment is missing or malformed; lists every bad variable. */
export class ConfigError extends Error {
  readonly code = "CONFIG";
  constructor(
    readonly service: string,
    readonly problems: string[],
  ) {
    super(`${service}: bad configuration\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/**
 * Parses the environment once, in `main()`. Empty strings count as unset so that
 * `FOO= npm start` falls back to the default instead of failing on "".
 */
export function loadConfig<S extends z.ZodObject>(
  service: string,
  schema: S,
  source: NodeJS.ProcessEnv = process.env,
): z.infer<S> {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join(".") || "(environment)";
    const value = cleaned[String(issue.path[0])];
    return value === undefined ? `${name} is required: ${issue.message}` : `${name}: ${issue.message}`;
  });
  throw new ConfigError(service, problems);
}
