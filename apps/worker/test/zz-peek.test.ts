import { test } from "vitest";
import { createTestJudge } from "./judge-fixtures.ts";
test("peek", async () => {
  const judge = await createTestJudge({ only: ["python", "c"] });
  const code = `import socket
print(socket.gethostname())
for f in ['/proc/cmdline', '/proc/self/cgroup', '/proc/self/mountinfo', '/proc/key-users', '/proc/sys/kernel/random/boot_id', '/proc/1/cgroup']:
    try:
        print('==', f); print(open(f).read())
    except Exception as e:
        print(f, e)
`;
  const r = await judge.run({ language: "python", code, input: "", limits: { timeMs: 5000, memoryKb: 256 * 1024 } }, { compiling: async () => {}, running: async () => {} });
  process.stderr.write(r.output!.stdout + r.output!.stderr);
  const c = await judge.run({ language: "c", code: '#include "/proc/self/mountinfo"\n', input: "", limits: { timeMs: 5000, memoryKb: 256 * 1024 } }, { compiling: async () => {}, running: async () => {} });
  process.stderr.write(c.compileOutput ?? "");
  await judge.close();
});
