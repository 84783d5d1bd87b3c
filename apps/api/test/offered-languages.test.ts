import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, test } from "vitest";
import { FleetRegistry } from "@judge/live-state";
import type { LanguageId } from "@judge/protocol";
import { OfferedLanguages } from "../src/intake/offered-languages.ts";
import { SHARED_REDIS, deleteKeys } from "../../../test/support/test-stack.ts";

const prefix = `test-${randomUUID()}`;
let redis: Redis;
let fleet: FleetRegistry;

beforeAll(() => {
  redis = new Redis(SHARED_REDIS);
  fleet = new FleetRegistry(redis, prefix);
});

afterAll(async () => {
  redis.disconnect();
  await deleteKeys(SHARED_REDIS, prefix);
});

const beat = (workerId: string, ids: LanguageId[]) =>
  fleet.beat({ workerId, languages: ids.map((id) => ({ id, name: id, version: "1" })), concurrency: 1, seenAt: Date.now() + 3600_000 });

test("a cached hit skips Redis for the TTL; a miss reads again at once; an expired entry is read again", async () => {
  let clock = 1_000_000;
  let reads = 0;
  const counting = Object.assign(Object.create(fleet) as FleetRegistry, {
    languages: () => {
      reads++;
      return fleet.languages();
    },
  });
  const offered = new OfferedLanguages(counting, 2_000, () => clock);

  await beat("w1", ["python"]);
  assert.deepEqual(await offered.check("python"), { offered: true, languages: [{ id: "python", name: "python", version: "1" }] });
  assert.equal(reads, 1);
  assert.equal((await offered.check("python")).offered, true);
  assert.equal(reads, 1, "a hit within the TTL is served from the process");

  // A worker that comes up with a new language is seen by the very next request.
  await beat("w2", ["cpp"]);
  assert.equal((await offered.check("cpp")).offered, true);
  assert.equal(reads, 2);

  // The only worker offering Python leaves: trusted for at most the TTL, then refused.
  await fleet.leave("w1");
  assert.equal((await offered.check("python")).offered, true);
  clock += 2_000;
  const after = await offered.check("python");
  assert.equal(after.offered, false);
  assert.deepEqual(after.languages.map((l) => l.id), ["cpp"], "a refusal lists what is offered now");
  assert.equal(reads, 3);

  // A language nobody offers is never cached as absent: each request looks again.
  assert.equal((await offered.check("rust")).offered, false);
  assert.equal((await offered.check("rust")).offered, false);
  assert.equal(reads, 5);
});

test("requests that miss at the same moment share one read; a TTL of 0 reads every time", async () => {
  let reads = 0;
  const counting = Object.assign(Object.create(fleet) as FleetRegistry, {
    languages: () => {
      reads++;
      return fleet.languages();
    },
  });
  await beat("w3", ["java"]);
  const shared = new OfferedLanguages(counting, 60_000);
  const answers = await Promise.all([shared.check("java"), shared.check("java"), shared.check("java")]);
  assert.ok(answers.every((a) => a.offered));
  assert.equal(reads, 1);

  const uncached = new OfferedLanguages(counting, 0);
  await uncached.check("java");
  await uncached.check("java");
  assert.equal(reads, 3);
});
