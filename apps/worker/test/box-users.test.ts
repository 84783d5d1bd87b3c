import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { describe, test } from "vitest";
import { type BoxUser, BoxUsers, claimName } from "../src/sandbox/box-users.ts";
import { loadWorkerConfig } from "../src/config.ts";
import { ConfigError } from "@judge/config";

/** A block of ids no other test uses: the claims are host-wide, like the workers'. */
const base = 200_000 + (process.pid % 4096) * 8;

/** Another "worker" process holding the claim on `uid`, until killed. */
async function holderOf(uid: number): Promise<ChildProcess> {
  const script = `require("net").createServer().listen(${JSON.stringify(claimName(uid))}, () => process.stdout.write("held"))`;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  const [chunk] = (await once(child.stdout!, "data")) as [Buffer];
  assert.equal(chunk.toString(), "held");
  return child;
}

describe("box users", () => {
  test("concurrent boxes get distinct uids and gids at the same offset", async () => {
    const users = new BoxUsers({ uid: base, gid: base + 50_000, count: 3 });
    const held = await Promise.all([users.claim(), users.claim(), users.claim()]);
    try {
      assert.equal(new Set(held.map((u) => u.uid)).size, 3);
      for (const user of held) {
        assert.ok(user.uid >= base && user.uid < base + 3);
        assert.equal(user.gid - 50_000, user.uid);
      }
    } finally {
      await Promise.all(held.map((u) => u.release()));
    }
  });

  test("a claim waits for a release when this process holds the whole range", async () => {
    const users = new BoxUsers({ uid: base + 3, gid: base + 3, count: 1 });
    const first = await users.claim();
    let second: BoxUser | null = null;
    const waiting = users.claim().then((u) => (second = u));
    await Promise.resolve();
    assert.equal(second, null);
    await first.release();
    await waiting;
    assert.equal(second!.uid, first.uid);
    await second!.release();
    await second!.release(); // twice is harmless
  });

  test("two processes never share a uid, and a killed holder leaves no stale claim", async () => {
    const users = new BoxUsers({ uid: base + 4, gid: base + 4, count: 2 });
    const other = await holderOf(base + 4);
    try {
      const mine = await users.claim();
      assert.equal(mine.uid, base + 5, "the uid the other process holds is skipped");
      await assert.rejects(users.claim().then((u) => u.release()), /no free box uid/);
      await mine.release();
    } finally {
      other.kill("SIGKILL");
      await once(other, "exit");
    }
    // The kernel dropped the dead holder's name: the uid is free again, nothing to clean.
    const claims = [await users.claim(), await users.claim()];
    assert.deepEqual(claims.map((u) => u.uid).sort(), [base + 4, base + 5]);
    await Promise.all(claims.map((u) => u.release()));
  });

  test("a separate BoxUsers in the same process respects the claims of another", async () => {
    const a = new BoxUsers({ uid: base + 6, gid: base + 6, count: 2 });
    const b = new BoxUsers({ uid: base + 6, gid: base + 6, count: 2 });
    const fromA = await a.claim();
    const fromB = await b.claim();
    assert.notEqual(fromA.uid, fromB.uid);
    await fromA.release();
    await fromB.release();
  });
});

describe("worker configuration of the box uid range", () => {
  const required = { WORKER_TOKEN: "x".repeat(32) };

  test("defaults: 100 uids and gids from 60000", () => {
    const config = loadWorkerConfig({ ...required, WORKER_CONCURRENCY: "2" });
    assert.equal(config.SANDBOX_UID, 60000);
    assert.equal(config.SANDBOX_GID, 60000);
    assert.equal(config.SANDBOX_UID_COUNT, 100);
  });

  test("each bad variable is named: a range smaller than the concurrency, root, nobody inside", () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadWorkerConfig({ ...required, ...env });
        return [];
      } catch (error) {
        assert.ok(error instanceof ConfigError);
        return error.problems;
      }
    };
    assert.match(problems({ WORKER_CONCURRENCY: "8", SANDBOX_UID_COUNT: "4" }).join("\n"), /SANDBOX_UID_COUNT: must be at least WORKER_CONCURRENCY \(8\)/);
    assert.match(problems({ SANDBOX_UID: "0" }).join("\n"), /SANDBOX_UID/);
    assert.match(problems({ SANDBOX_GID: "65500", WORKER_CONCURRENCY: "1" }).join("\n"), /SANDBOX_GID: the range 65500\.\.65599 must not contain 65534/);
    assert.deepEqual(problems({ SANDBOX_UID: "70000", SANDBOX_GID: "70000", SANDBOX_UID_COUNT: "16", WORKER_CONCURRENCY: "4" }), []);
  });
});
