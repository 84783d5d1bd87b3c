/**
 * npm run submit -- --problem <slug> --language <id> FILE... [--url URL] [--ws-url URL] [--no-wait]
 *
 * Submits one file as `code`, or several as `files` (a multi-file submission,
 * docs/problem-packages.md), to the API at --url (JUDGE_API_URL, default http://localhost:3000),
 * signed in with JUDGE_TOKEN, or JUDGE_USERNAME and JUDGE_PASSWORD. Then waits for the verdict
 * on the notifier's WebSocket (--ws-url, default the same origin's /ws), printing each step,
 * and exits 0 for AC, 1 for any other verdict, 2 for a refused request.
 */
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import WebSocket from "ws";
import { AuthResponse, ErrorBody, ServerMessage, SubmissionAccepted, SubmissionView, type ClientMessage } from "@judge/protocol";

const USAGE =
  "usage: npm run submit -- --problem <slug> --language <id> FILE... [--url URL] [--ws-url URL] [--no-wait]\n" +
  "(JUDGE_TOKEN, or JUDGE_USERNAME and JUDGE_PASSWORD, sign in)\n";

/** A refusal by the API, or a bad command line: exit 2 with its message. */
class SubmitError extends Error {
  readonly code = "SUBMIT_REFUSED";
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      problem: { type: "string" },
      language: { type: "string" },
      url: { type: "string", default: process.env.JUDGE_API_URL ?? "http://localhost:3000" },
      "ws-url": { type: "string" },
      "no-wait": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help || values.problem === undefined || values.language === undefined || positionals.length === 0) {
    process.stderr.write(USAGE);
    return values.help ? 0 : 2;
  }
  const base = values.url.replace(/\/$/, "");
  try {
    const token = await signIn(base);
    const contents = await Promise.all(positionals.map(async (path) => ({ name: basename(path), content: await readFile(path, "utf8") })));
    const body =
      contents.length === 1
        ? { problem: values.problem, language: values.language, code: contents[0]!.content }
        : { problem: values.problem, language: values.language, files: contents };
    const { id } = SubmissionAccepted.parse(await request(base, "/api/submissions", token, body));
    process.stdout.write(`submitted ${id}\n`);
    if (values["no-wait"]) return 0;
    const verdict = await waitForVerdict(values["ws-url"] ?? `${base.replace(/^http/, "ws")}/ws`, token, id);
    const view = SubmissionView.parse(await request(base, `/api/submissions/${id}`, token));
    process.stdout.write(`${verdict} (${view.passed}/${view.total} tests, ${view.timeMs ?? "-"} ms, ${view.memoryKb ?? "-"} KiB)\n`);
    if (view.compileOutput) process.stdout.write(`${view.compileOutput}\n`);
    return verdict === "AC" ? 0 : 1;
  } catch (error) {
    if (error instanceof SubmitError) {
      process.stderr.write(`refused: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

async function signIn(base: string): Promise<string> {
  const token = process.env.JUDGE_TOKEN;
  if (token) return token;
  const username = process.env.JUDGE_USERNAME;
  const password = process.env.JUDGE_PASSWORD;
  if (!username || !password) throw new SubmitError("set JUDGE_TOKEN, or JUDGE_USERNAME and JUDGE_PASSWORD");
  return AuthResponse.parse(await request(base, "/api/auth/login", undefined, { username, password })).token;
}

async function request(base: string, path: string, token: string | undefined, body?: unknown): Promise<unknown> {
  const response = await fetch(`${base}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const parsed: unknown = JSON.parse((await response.text()) || "null");
  if (!response.ok) {
    const error = ErrorBody.safeParse(parsed);
    throw new SubmitError(error.success ? `${response.status} ${error.data.error.message}` : `${response.status} from ${path}`);
  }
  return parsed;
}

/** Subscribes to the submission and resolves with its verdict, printing each step as it comes. */
function waitForVerdict(wsUrl: string, token: string, id: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${wsUrl}?token=${encodeURIComponent(token)}`);
    const done = (settle: () => void) => {
      socket.close();
      settle();
    };
    socket.on("open", () => socket.send(JSON.stringify({ op: "subscribe", submissionId: id } satisfies ClientMessage)));
    socket.on("error", (error) => done(() => reject(error)));
    socket.on("close", () => reject(new Error("the notifier closed the connection before the verdict")));
    socket.on("message", (data) => {
      const message = ServerMessage.safeParse(JSON.parse(String(data)));
      if (!message.success) return;
      const m = message.data;
      if (m.type === "error") return done(() => reject(new SubmitError(m.message)));
      if (m.type === "snapshot" && m.submission.status === "done" && m.submission.verdict !== null) {
        const verdict = m.submission.verdict;
        return done(() => resolve(verdict));
      }
      if (m.type !== "event") return;
      if (m.kind === "verdict") return done(() => resolve(m.verdict));
      if (m.kind === "test") process.stdout.write(`test ${m.result.index}: ${m.result.verdict}\n`);
      else if (m.kind === "status") process.stdout.write(`${m.status}\n`);
    });
  });
}

process.exitCode = await main();
