import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, test } from "vitest";
import { LiveState } from "@judge/live-state";
import { applyStep, type Step } from "@judge/protocol";
import { compileErrorStep } from "../../../test/support/steps.ts";
import { api, registerUser, startApiHarness, type ApiHarness } from "./support/api-harness.ts";

type View = { id: string; verdict: string | null; compileOutput?: string | null; code?: string; output?: unknown };
type Page = { items: View[] };
type Who = "anonymous" | "other" | "owner" | "admin";

/** Compilers quote the source: this line of the owner's code is what must not leak. */
const SECRET = `int secret_${randomUUID().slice(0, 8)} = undefined_name;`;
const compileOutput = `main.cpp:3:5: error: 'undefined_name' was not declared in this scope\n    3 | ${SECRET}\n`;

const ceVerdict = compileErrorStep(compileOutput);

/**
 * Only a submission's owner and admins read what quotes its code: the code itself and the
 * compiler's output. Others, signed in or not, see the verdict. Checked on every route that
 * returns a submission, for a stored verdict and for one still in the live state.
 */
describe("another user's code never leaks through a submission's view", () => {
  let h: ApiHarness;
  let tokens: Record<Who, string | undefined>;
  let owner: { token: string; id: string };
  let stored: string;
  let live: string;

  const submit = async () => {
    const res = await api<{ id: string }>(h.base, "/api/submissions", {
      token: owner.token,
      body: { problem: "a-plus-b", language: "python", code: SECRET },
    });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    return res.body.id;
  };

  beforeAll(async () => {
    h = await startApiHarness();
    await h.offerLanguages();
    owner = await registerUser(h.base);
    tokens = { anonymous: undefined, other: (await registerUser(h.base)).token, owner: owner.token, admin: await h.adminToken() };
    // A judged CE, as the result consumer stores it.
    stored = await submit();
    await h.prisma.submission.update({ where: { id: stored }, data: { status: "done", verdict: "CE", compileOutput, judgedAt: new Date() } });
    // A CE the worker has published but the API has not stored yet: GET serves the live view.
    live = await submit();
    const state = new LiveState(h.redis, h.prefix);
    const snapshot = await state.snapshot(live);
    assert.ok(snapshot);
    await state.append(live, ceVerdict, applyStep(snapshot.view, ceVerdict));
  });
  afterAll(() => h?.close());

  const get = (id: string, who: Who) => api<View>(h.base, `/api/submissions/${id}`, { token: tokens[who] });

  for (const who of ["anonymous", "other"] as const) {
    test(`${who}: GET /api/submissions/:id shows the verdict, not the compiler output`, async () => {
      for (const id of [stored, live]) {
        const res = await get(id, who);
        assert.equal(res.status, 200);
        assert.equal(res.body.verdict, "CE");
        assert.equal(res.body.compileOutput ?? null, null, `${id}: compileOutput`);
        assert.ok(!JSON.stringify(res.body).includes(SECRET), "no line of the code anywhere in the view");
      }
    });

    test(`${who}: GET /api/submissions lists verdicts without compiler output`, async () => {
      for (const query of ["", "?problem=a-plus-b"]) {
        const res = await api<Page>(h.base, `/api/submissions${query}`, { token: tokens[who] });
        assert.equal(res.status, 200);
        const mine = res.body.items.filter((s) => s.id === stored || s.id === live);
        assert.equal(mine.length, 2, "both submissions are listed");
        assert.ok(mine.every((s) => s.verdict === "CE" || s.verdict === null));
        assert.ok(!JSON.stringify(res.body).includes(SECRET), "no line of the code anywhere in the list");
      }
    });
  }

  for (const who of ["owner", "admin"] as const) {
    test(`${who}: reads the compiler output, on the submission and in the list`, async () => {
      for (const id of [stored, live]) {
        const res = await get(id, who);
        assert.equal(res.body.compileOutput, compileOutput);
        assert.equal(res.body.code, SECRET);
      }
      const list = await api<Page>(h.base, "/api/submissions?problem=a-plus-b", { token: tokens[who] });
      assert.equal(list.body.items.find((s) => s.id === stored)?.compileOutput, compileOutput);
      assert.ok(list.body.items.every((s) => s.code === undefined), "lists never carry code");
    });
  }

  test("a run's output and compiler output stay with its owner", async () => {
    const run = await api<{ id: string }>(h.base, "/api/runs", { token: owner.token, body: { language: "python", code: SECRET, input: "" } });
    assert.equal(run.status, 202);
    const state = new LiveState(h.redis, h.prefix);
    const snapshot = await state.snapshot(run.body.id);
    assert.ok(snapshot);
    const printed: Step = { ...ceVerdict, verdict: "RE", output: { stdout: SECRET, stderr: SECRET, exitCode: 1, truncated: false } };
    await state.append(run.body.id, printed, applyStep(snapshot.view, printed));
    assert.equal((await api(h.base, `/api/runs/${run.body.id}`, { token: tokens.anonymous })).status, 401);
    for (const who of ["other", "anonymous"] as const) {
      const res = await api(h.base, `/api/runs/${run.body.id}`, { token: tokens[who] });
      assert.ok(res.status === 404 || res.status === 401, `${who}: ${res.status}`);
      assert.ok(!JSON.stringify(res.body).includes(SECRET));
      const asSubmission = await api(h.base, `/api/submissions/${run.body.id}`, { token: tokens[who] });
      assert.equal(asSubmission.status, 404, "a run is no submission");
    }
    const mine = await api<View>(h.base, `/api/runs/${run.body.id}`, { token: owner.token });
    assert.deepEqual(mine.body.output, printed.kind === "verdict" ? printed.output : undefined);
  });

  test("hidden tests and unpublished problems stay hidden; so do submissions to a problem once it is unpublished", async () => {
    const admin = tokens.admin!;
    const slug = `hid-${randomUUID().slice(0, 8)}`;
    const hidden = `HIDDEN-${randomUUID()}`;
    const created = await api(h.base, "/api/problems", {
      token: admin,
      body: {
        slug,
        title: `Hidden ${slug}`,
        difficulty: "easy",
        statement: "Echo.",
        limits: { timeMs: 1000, memoryKb: 65536 },
        samples: [{ input: "1\n", output: "1\n" }],
        tests: [{ input: `${hidden}\n`, output: `${hidden}\n` }],
        published: true,
      },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    for (const who of ["anonymous", "other"] as const) {
      const detail = await api(h.base, `/api/problems/${slug}`, { token: tokens[who] });
      assert.equal(detail.status, 200);
      assert.ok(!JSON.stringify(detail.body).includes(hidden), `${who}: the hidden test is not in the statement`);
    }
    const sub = await api<{ id: string }>(h.base, "/api/submissions", { token: owner.token, body: { problem: slug, language: "python", code: "print(1)" } });
    assert.equal(sub.status, 202);
    assert.equal((await api(h.base, `/api/problems/${slug}/unpublish`, { method: "POST", token: admin })).status, 200);
    for (const who of ["anonymous", "other"] as const) {
      assert.equal((await get(sub.body.id, who)).status, 404, `${who}: a submission to an unpublished problem`);
      const list = await api<Page>(h.base, `/api/submissions?problem=${slug}`, { token: tokens[who] });
      assert.deepEqual(list.body.items, [], `${who}: the unpublished problem's submissions are not listed`);
      const all = await api<Page>(h.base, `/api/submissions?limit=100`, { token: tokens[who] });
      assert.ok(!all.body.items.some((s) => s.id === sub.body.id), `${who}: nor in the list of all`);
    }
    for (const who of ["owner", "admin"] as const) {
      assert.equal((await get(sub.body.id, who)).status, 200, `${who} still reads it`);
      const list = await api<Page>(h.base, `/api/submissions?problem=${slug}`, { token: tokens[who] });
      assert.deepEqual(list.body.items.map((s) => s.id), [sub.body.id]);
    }
  });
});
