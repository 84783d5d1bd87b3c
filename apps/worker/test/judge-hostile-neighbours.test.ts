import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { setTimeout as delay } from "node:timers/promises";
import { afterAll, beforeAll, test } from "vitest";
import type { Judge } from "../src/judge/index.ts";
import { bundle, createTestJudge, judgeOnce } from "./judge-fixtures.ts";

/**
 * Two boxes at once (issue 19, item 2): a submission hands each hidden test's input to a
 * concurrent Run, whose output its author sees. Before the fix every box ran as one host uid, and
 * the kernel keyring is keyed by uid (and shared through the worker's session keyring), so the
 * Run found the inputs in /proc/keys. The Run prints "clean" only if nothing came through.
 */
let judge: Judge;
beforeAll(async () => {
  judge = await createTestJudge({ only: ["c"] });
});
afterAll(async () => {
  await judge.close();
});

const STASHED = "judge-stashed";

/** Reads the hidden input, offers it every way it can, names itself, and waits to be killed. */
const stasher = String.raw`#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <unistd.h>
int main(void) {
  char input[200] = {0}, name[256];
  if (!fgets(input, sizeof input, stdin)) return 1;
  input[strcspn(input, "\n")] = 0;
  snprintf(name, sizeof name, "leak:%s", input);
  syscall(SYS_add_key, "user", name, input, strlen(input), -4 /* KEY_SPEC_USER_KEYRING */);
  syscall(SYS_add_key, "user", name, input, strlen(input), -3 /* KEY_SPEC_SESSION_KEYRING */);
  int s = socket(AF_UNIX, SOCK_STREAM, 0);
  struct sockaddr_un a = {.sun_family = AF_UNIX};
  memcpy(a.sun_path, "\0judge-neighbour", 16);
  bind(s, (struct sockaddr *)&a, sizeof(sa_family_t) + 16);
  listen(s, 1);
  prctl(PR_SET_NAME, "${STASHED}");
  for (;;) {
    int c = accept(s, 0, 0);
    if (c >= 0) { write(c, input, strlen(input)); close(c); }
    else pause();
  }
}
`;

/** Looks everywhere a neighbour's data could show up; prints "clean" if it found none. */
const reader = String.raw`#define _GNU_SOURCE
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <unistd.h>
static int found = 0;
static void saw(const char *where, const char *what) { printf("%s: %s\n", where, what); found++; }
static void keyring(const char *which, long id) {
  int serials[256];
  long n = syscall(SYS_keyctl, 11 /* KEYCTL_READ */, id, serials, sizeof serials);
  for (long i = 0; n > 0 && i < n / 4 && i < 256; i++) {
    char desc[512] = {0};
    if (syscall(SYS_keyctl, 6 /* KEYCTL_DESCRIBE */, serials[i], desc, sizeof desc - 1) > 0 && strstr(desc, "leak:")) saw(which, desc);
  }
}
int main(void) {
  char line[1024];
  FILE *keys = fopen("/proc/keys", "r");
  while (keys && fgets(line, sizeof line, keys)) if (strstr(line, "leak:")) saw("/proc/keys", line);
  if (keys) fclose(keys);
  keyring("@u", -4);
  keyring("@s", -3);
  DIR *proc = opendir("/proc");
  struct dirent *e;
  while (proc && (e = readdir(proc))) {
    char path[300], comm[64] = {0};
    snprintf(path, sizeof path, "/proc/%s/comm", e->d_name);
    FILE *f = fopen(path, "r");
    if (f && fgets(comm, sizeof comm, f) && strstr(comm, "${STASHED}")) saw("/proc", path);
    if (f) fclose(f);
  }
  int s = socket(AF_UNIX, SOCK_STREAM, 0);
  struct sockaddr_un a = {.sun_family = AF_UNIX};
  memcpy(a.sun_path, "\0judge-neighbour", 16);
  if (connect(s, (struct sockaddr *)&a, sizeof(sa_family_t) + 16) == 0) {
    char got[200] = {0};
    read(s, got, sizeof got - 1);
    saw("abstract socket", got);
  }
  if (!found) puts("clean");
  return 0;
}
`;

/** Host pids of processes named `comm` (the stasher, once it has done its part). */
function processesNamed(comm: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, "utf8").trim() === comm) pids.push(Number(entry));
    } catch {
      // exited while we looked
    }
  }
  return pids;
}

/**
 * The stasher's only signal to the outside is its process name, so this polls /proc for it.
 * Waiting on a condition, not a duration: the deadline only bounds a broken run.
 */
async function waitForProcess(comm: string, deadlineMs: number): Promise<number[]> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const pids = processesNamed(comm);
    if (pids.length > 0) return pids;
    if (Date.now() > until) throw new Error(`no process named ${comm} appeared`);
    await delay(10);
  }
}

test("a submission cannot hand its hidden inputs to a concurrent Run: keyring, /proc, abstract sockets", async () => {
  const secret = `hidden-${randomUUID().slice(0, 8)}`;
  // The Run's program is compiled first, so that the window in which both boxes live is short.
  const warm = await judge.run({ language: "c", code: reader, input: "", limits: { timeMs: 5000, memoryKb: 64 * 1024 } }, idle);
  assert.equal(warm.output?.stdout, "clean\n", JSON.stringify(warm));
  const submission = judgeOnce(judge, "c", stasher, bundle([[`${secret}\n`, "3\n"]], { timeMs: 10_000 }));
  const stashed = await waitForProcess(STASHED, 60_000);
  try {
    const run = await judge.run({ language: "c", code: reader, input: "", limits: { timeMs: 5000, memoryKb: 64 * 1024 } }, idle);
    assert.equal(run.output?.stdout, "clean\n", `the Run saw its neighbour: ${JSON.stringify(run.output)}`);
  } finally {
    for (const pid of stashed) process.kill(pid, "SIGKILL");
    await submission;
  }
  const outcome = await submission;
  assert.equal(outcome.verdict, "RE", JSON.stringify(outcome));
});

const idle = { compiling: async () => {}, running: async () => {} };
