import { AuthResponse, ErrorBody, VerificationReport } from "@judge/protocol";

/** Where the CLI's --verify reaches the API, and as whom (an admin). */
export interface ApiAccess {
  /** e.g. http://localhost:3000 */
  baseUrl: string;
  /** a bearer token, or an admin's name and password to sign in with */
  token?: string;
  username?: string;
  password?: string;
}

/** The API said no, or answered what this client does not understand. */
export class VerificationClientError extends Error {
  readonly code = "VERIFY_FAILED" as const;
}

async function call(access: ApiAccess, path: string, init: { method?: string; body?: unknown; token?: string }): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`${access.baseUrl}${path}`, {
      method: init.method ?? "GET",
      headers: {
        ...(init.body === undefined ? {} : { "content-type": "application/json" }),
        ...(init.token === undefined ? {} : { authorization: `Bearer ${init.token}` }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch (error) {
    throw new VerificationClientError(`the API at ${access.baseUrl} is not reachable (${error instanceof Error ? error.message : String(error)})`);
  }
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text === "" ? null : JSON.parse(text);
  } catch {
    throw new VerificationClientError(`${path}: ${response.status}, not JSON`);
  }
  if (!response.ok) {
    const error = ErrorBody.safeParse(body);
    throw new VerificationClientError(`${path}: ${response.status} ${error.success ? error.data.error.message : text.slice(0, 200)}`);
  }
  return body;
}

export async function signIn(access: ApiAccess): Promise<string> {
  if (access.token) return access.token;
  if (!access.username || !access.password) {
    throw new VerificationClientError("--verify needs an admin: set JUDGE_TOKEN, or ADMIN_USERNAME and ADMIN_PASSWORD");
  }
  const body = await call(access, "/api/auth/login", { method: "POST", body: { username: access.username, password: access.password } });
  return AuthResponse.parse(body).token;
}

export async function startVerification(access: ApiAccess, token: string, slug: string): Promise<VerificationReport> {
  return VerificationReport.parse(await call(access, `/api/problems/${slug}/verify`, { method: "POST", token }));
}

/**
 * Asks for the report until every judged submission is done. A CLI has no socket to wait on;
 * one small request every `intervalMs` is all the API sees of it.
 */
export async function waitForVerification(
  access: ApiAccess,
  token: string,
  slug: string,
  { timeoutMs, intervalMs = 500 }: { timeoutMs: number; intervalMs?: number },
): Promise<VerificationReport> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const report = VerificationReport.parse(await call(access, `/api/problems/${slug}/verification`, { token }));
    if (report.complete) return report;
    if (Date.now() >= deadline) throw new VerificationClientError(`the verification of ${slug} did not finish in ${timeoutMs / 1000} s (are workers running?)`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** The report as a table, one line per submission, and the time limit it settled on. */
export function formatReport(report: VerificationReport): string {
  const rows = report.items.map((item) => [
    item.path,
    item.expected,
    item.language ?? "-",
    item.verdict === null ? "-" : item.score == null ? item.verdict : `${item.verdict} ${item.score}/${item.maxScore}`,
    item.timeMs === null ? "-" : `${item.timeMs} ms`,
    item.timeLimitMs === null ? "-" : `${item.timeLimitMs} ms`,
    item.skipped !== null ? `skipped: ${item.skipped}` : !item.matches ? "MISMATCH" : item.warning ? `ok, but ${item.warning}` : "ok",
  ]);
  const table = [["submission", "expected", "language", "verdict", "time", "limit", "result"], ...rows];
  const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
  const lines = table.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join("  ").trimEnd());
  const c = report.calibration;
  const limit =
    c === null || c.maxAcceptedMs === null
      ? `time limit: ${report.timeLimitMs} ms`
      : `time limit: ${report.timeLimitMs} ms (largest accepted time ${c.maxAcceptedMs} ms × ${c.acToTimeLimit}, rounded up to ${c.resolutionMs} ms)`;
  const mismatches = report.items.filter((i) => i.skipped === null && i.matches !== true).length;
  const verdict = report.passed ? "every judged submission got what its folder says" : `${mismatches} submission(s) did not get what their folder says`;
  return `${lines.join("\n")}\n${limit}\n${verdict}\n`;
}
