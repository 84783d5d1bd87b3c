import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { hostname } from "node:os";
import { afterAll, beforeAll, test } from "vitest";
import type { Judge } from "../src/judge/index.ts";
import { bundle, createTestJudge, judgeOnce } from "./judge-fixtures.ts";

/**
 * What a box can learn about the host (issue 19, item 5): the host's name, the kernel's command
 * line, kernel symbols and keyring, and the worker's pid or a box counter in the paths it sees
 * (/proc/self/cgroup, /proc/self/mountinfo). The probes get the host's facts baked into their
 * source and print "clean" only if none of them shows up.
 */
let judge: Judge;
beforeAll(async () => {
  judge = await createTestJudge({ only: ["python", "haskell"] });
});
afterAll(async () => {
  await judge.close();
});

const host = {
  hostname: hostname(),
  cmdline: readFileSync("/proc/cmdline", "utf8").trim(),
  /** the test process is the worker here */
  pid: process.pid,
};

/** The worker's pid as a path component or name part: not inside a hex digest or a longer number. */
const pidPattern = String.raw`(?<![0-9a-fA-F])${host.pid}(?![0-9a-fA-F])`;

const probe = `import re, socket
leaks = []
def read(path):
    try:
        with open(path) as f:
            return f.read()
    except OSError:
        return ''
if socket.gethostname() == ${JSON.stringify(host.hostname)} or read('/proc/sys/kernel/hostname').strip() == ${JSON.stringify(host.hostname)}:
    leaks.append('hostname')
cmdline = read('/proc/cmdline')
if cmdline.strip() and (cmdline.strip() == ${JSON.stringify(host.cmdline)} or 'root=' in cmdline or 'BOOT_IMAGE' in cmdline):
    leaks.append('cmdline: ' + cmdline.strip()[:80])
for line in read('/proc/self/cgroup').splitlines():
    path = line.split(':', 2)[-1]
    if re.search(${JSON.stringify(pidPattern)}, path) or re.search(r'/box\\d+$', path):
        leaks.append('cgroup: ' + line)
for line in read('/proc/self/mountinfo').splitlines():
    root, mount_point = line.split()[3:5]
    if re.search(${JSON.stringify(pidPattern)}, root):
        leaks.append('mountinfo: ' + root + ' on ' + mount_point)
for name in ['/proc/kallsyms', '/proc/keys', '/proc/key-users', '/proc/modules', '/proc/timer_list']:
    if read(name).strip():
        leaks.append(name)
print('\\n'.join(leaks) if leaks else 'clean')
`;

test("a program sees a fixed hostname, no kernel command line, symbols or keyring, no worker pid or box counter", async () => {
  const shown = await judge.run(
    { language: "python", code: probe, input: "", limits: { timeMs: 5000, memoryKb: 256 * 1024 } },
    { compiling: async () => {}, running: async () => {} },
  );
  assert.equal(shown.output?.stdout, "clean\n", JSON.stringify(shown.output));
  assert.equal((await judgeOnce(judge, "python", probe, bundle([["", "clean\n"]]))).verdict, "AC");
  // The fixed name, not an empty one: programs that print their hostname still work.
  const named = await judgeOnce(judge, "python", "import socket\nprint(socket.gethostname())\n", bundle([["", "box\n"]]));
  assert.equal(named.verdict, "AC");
});

test("compile-time code sees no worker pid in the compile scratch's path or its cgroup", async (ctx) => {
  if (!judge.languages().some((l) => l.id === "haskell")) {
    ctx.skip("no ghc here");
    return;
  }
  // Template Haskell runs inside the compiler, whose box has the host scratch directory as /box:
  // it fails the compile with what it read, so the CE message carries the compiler's view.
  const code = `{-# LANGUAGE TemplateHaskell #-}
import Language.Haskell.TH
$(runIO (concat <$> mapM readFile ["/proc/self/mountinfo", "/proc/self/cgroup"]) >>= fail)
main :: IO ()
main = return ()
`;
  const outcome = await judgeOnce(judge, "haskell", code, bundle([["", ""]]));
  assert.equal(outcome.verdict, "CE");
  const seen = outcome.compileOutput ?? "";
  assert.match(seen, / \/box /, "the probe really read mountinfo");
  assert.doesNotMatch(seen, new RegExp(pidPattern), seen);
  assert.doesNotMatch(seen, /\/box\d+\n/, seen);
});
