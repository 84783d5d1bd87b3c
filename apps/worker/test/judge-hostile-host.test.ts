import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFile, rm, writeFile } from "node:fs/promises";
import { type Server, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, test } from "vitest";
import { Redis } from "ioredis";
import type { LanguageId, TestBundle, Verdict } from "@judge/protocol";
import type { Judge } from "../src/judge/index.ts";
import { bundle, createTestJudge, boxProcesses, judgeOnce, testUsers } from "./judge-fixtures.ts";

/**
 * Hostile submissions, each checked for its verdict AND for a host left as it was: a canary
 * file outside any scratch unchanged, the test's own Redis key intact, no process of the
 * sandbox user left, nobody connected to a listening "API" port, and the next judging right.
 */
const SECRET = `worker-secret-${randomUUID()}`;
const canaryPath = join(tmpdir(), `judge-canary-${randomUUID()}`);
const canaryText = `canary ${randomUUID()}\n`;
const redisKey = `judge-hostile-${randomUUID()}`;
let judge: Judge;
let redis: Redis;
let apiPort: Server;
let apiConnections = 0;

beforeAll(async () => {
  process.env.JUDGE_HOSTILE_SECRET = SECRET; // must never be visible inside a box
  judge = await createTestJudge({
    only: ["python", "c", "cpp", "rust", "haskell"],
    limits: { outputBytes: 1024 * 1024, compile: { cpuMs: 5000, wallMs: 10_000, memoryBytes: 512 * 1024 * 1024 } },
  });
  await writeFile(canaryPath, canaryText, { mode: 0o666 });
  redis = new Redis("redis://127.0.0.1:6379", { lazyConnect: true });
  await redis.connect();
  await redis.set(redisKey, "intact", "EX", 3600);
  apiPort = createServer((socket) => {
    apiConnections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => apiPort.listen(0, "127.0.0.1", resolve));
});
afterAll(async () => {
  delete process.env.JUDGE_HOSTILE_SECRET;
  await judge?.close();
  await redis?.del(redisKey);
  redis?.disconnect();
  await new Promise((resolve) => apiPort?.close(resolve));
  await rm(canaryPath, { force: true });
});

const port = () => (apiPort.address() as { port: number }).port;
const sum = bundle([["1 2\n", "3\n"]]);
const correct: Partial<Record<LanguageId, string>> = {
  python: "a, b = map(int, input().split())\nprint(a + b)\n",
  c: '#include <stdio.h>\nint main(void){long a,b;scanf("%ld %ld",&a,&b);printf("%ld\\n",a+b);return 0;}\n',
};

async function assertHostUntouched(): Promise<void> {
  assert.equal(await readFile(canaryPath, "utf8"), canaryText, "canary file changed");
  assert.equal(await redis.get(redisKey), "intact", "Redis key touched");
  assert.deepEqual(boxProcesses(), [], "a process of the sandbox user survived");
  assert.equal(apiConnections, 0, "something reached the API port");
}

/** Judge `code`, expect one of `verdicts`, check the host, then check the judge still judges right. */
async function hostile(language: LanguageId, code: string, b: TestBundle, verdicts: Verdict[]): Promise<void> {
  const outcome = await judgeOnce(judge, language, code, b);
  assert.ok(verdicts.includes(outcome.verdict), `${language}: ${outcome.verdict} not in ${verdicts}: ${JSON.stringify(outcome)}`);
  await assertHostUntouched();
  const next = language === "c" || language === "python" ? language : "python";
  assert.equal((await judgeOnce(judge, next, correct[next]!, sum)).verdict, "AC");
}

const short = (expected = "", timeMs = 1000) => bundle([["", expected]], { timeMs });

test("memory bomb: MLE in python and C", async () => {
  // A time limit far above what filling 256 MiB takes: under a load of 12 on two cores Python
  // once spent over a second of CPU time getting to 169 MiB, and this test is about memory.
  const bomb = short("", 10_000);
  await hostile("python", "x = []\nwhile True:\n    x.append(bytearray(b'x') * (1 << 20))\n", bomb, ["MLE"]);
  await hostile("c", "#include <stdlib.h>\n#include <string.h>\nint main(void){for(;;){char*p=malloc(1<<20);memset(p,1,1<<20);}}\n", bomb, ["MLE"]);
});

test("infinite loop in threads: TLE from the whole tree's CPU time", async () => {
  const code = "#include <pthread.h>\nvoid*spin(void*a){for(;;);return a;}\nint main(void){pthread_t t[4];for(int i=0;i<4;i++)pthread_create(&t[i],0,spin,0);spin(0);}\n";
  await hostile("c", code, short(), ["TLE"]);
});

test("sleeping past the wall limit: TLE in python and C", async () => {
  await hostile("python", "import time\ntime.sleep(120)\n", short("", 300), ["TLE"]);
  await hostile("c", "#include <unistd.h>\nint main(void){sleep(120);}\n", short("", 300), ["TLE"]);
});

test("stdout and stderr floods: OLE on either, the worker stops reading at the limit", async () => {
  await hostile("c", '#include <stdio.h>\nint main(void){for(;;)fputs("flood flood flood\\n",stdout);}\n', short(), ["OLE"]);
  await hostile("python", "import sys\nwhile True:\n    sys.stderr.write('flood' * 10000)\n", short(), ["OLE"]);
});

test("a huge file in scratch stops at the scratch size or the file size limit", async () => {
  const code = "chunk = b'x' * (1 << 20)\nwith open('/box/huge', 'wb') as f:\n    while True:\n        f.write(chunk)\n";
  await hostile("python", code, short(), ["RE", "OLE", "MLE"]);
  await hostile("c", '#include <stdio.h>\nint main(void){FILE*f=fopen("/tmp/huge","w");static char b[1<<20];for(;;)if(fwrite(b,1,sizeof b,f)<sizeof b)return 1;}\n', short(), ["RE", "OLE", "MLE"]);
});

test("secrets: /etc/shadow, worker files, /proc/1/environ and the expected output are out of reach", async () => {
  const token = `expected-${randomUUID()}`;
  const code = `import os
found = []
for path in ['/etc/shadow', ${JSON.stringify(canaryPath)}, '/work/main/package.json', '/root/.bashrc']:
    try:
        open(path).read()
        found.append(path)
    except OSError:
        pass
env = open('/proc/1/environ', 'rb').read().decode()
if ${JSON.stringify(SECRET)}[:14] in env or 'JUDGE_HOSTILE' in env:
    found.append('environ')
for root, dirs, files in os.walk('/'):
    if root.startswith(('/proc', '/sys', '/usr', '/dev', '/prog')):  # /prog: its own source holds the token
        dirs[:] = []
        continue
    for name in files:
        try:
            if ${JSON.stringify(token)}.encode() in open(os.path.join(root, name), 'rb').read(1 << 20):
                found.append(os.path.join(root, name))
        except OSError:
            pass
print('found', *found)
`;
  const shown = await judge.run(
    { language: "python", code, input: "", limits: { timeMs: 5000, memoryKb: 256 * 1024 } },
    { compiling: async () => {}, running: async () => {} },
  );
  assert.equal(shown.output?.stdout, "found\n", JSON.stringify(shown));
  // Now with the token as a test's expected output: a program that could read it would print it.
  const withToken: TestBundle = { ...bundle([]), checker: { kind: "exact" }, tests: [{ input: "", output: "found\n" }, { input: "", output: token }] };
  const judged = await judgeOnce(judge, "python", code, withToken);
  assert.equal(judged.verdict, "WA");
  assert.equal(judged.passed, 1, "the token never showed up in what the program found");
  await assertHostUntouched();
});

test("no network: Redis, PostgreSQL and the API port are unreachable from python and C", async () => {
  const py = `import socket
for p in (6379, 5432, ${port()}):
    try:
        socket.create_connection(('127.0.0.1', p), timeout=2)
        print('open', p)
    except OSError:
        pass
print('closed')
`;
  await hostile("python", py, short("closed\n"), ["AC"]);
  const c = `#include <arpa/inet.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>
int main(void){int ports[]={6379,5432,${port()}};for(int i=0;i<3;i++){int s=socket(AF_INET,SOCK_STREAM,0);struct sockaddr_in a={0};a.sin_family=AF_INET;a.sin_port=htons(ports[i]);a.sin_addr.s_addr=htonl(0x7f000001);if(s>=0&&connect(s,(struct sockaddr*)&a,sizeof a)==0)printf("open %d\\n",ports[i]);if(s>=0)close(s);}puts("closed");return 0;}
`;
  await hostile("c", c, short("closed\n"), ["AC"]);
});

test("kill -9 -1 reaches nothing outside the box, not even a host process of a neighbouring uid", async () => {
  const outside = testUsers.uid + testUsers.count;
  const bystander: ChildProcess = spawn("/bin/sleep", ["60"], { uid: outside, gid: outside, stdio: "ignore" });
  try {
    const outcome = await judgeOnce(judge, "c", "#include <signal.h>\n#include <stdio.h>\nint main(void){kill(-1,SIGKILL);puts(\"still here\");return 0;}\n", short("still here\n"));
    assert.equal(outcome.verdict, "AC");
    // ESRCH: inside its PID namespace there is nobody else to kill.
    const python = await judgeOnce(
      judge,
      "python",
      "import os, signal\ntry:\n    os.kill(-1, signal.SIGKILL)\nexcept ProcessLookupError:\n    pass\nprint('still here')\n",
      short("still here\n"),
    );
    assert.equal(python.verdict, "AC");
    assert.equal(bystander.exitCode, null, "the bystander was killed");
    assert.equal(bystander.signalCode, null);
    await assertHostUntouched();
  } finally {
    bystander.kill("SIGKILL");
  }
});

test("a daemon that outlives the program is killed with the box", async () => {
  const py = "import os, time\nif os.fork() == 0:\n    os.setsid()\n    if os.fork() == 0:\n        time.sleep(60)\n    os._exit(0)\nprint('done')\n";
  await hostile("python", py, short("done\n"), ["AC"]);
  const c = "#include <stdio.h>\n#include <unistd.h>\nint main(void){if(fork()==0){setsid();if(fork()==0){sleep(60);}_exit(0);}puts(\"done\");return 0;}\n";
  await hostile("c", c, short("done\n"), ["AC"]);
});

test("compile-time reads of host files and compiler bombs are CE with nothing leaked", async () => {
  const shadow = await judgeOnce(judge, "c", '#include "/etc/shadow"\nint main(void){}\n', sum);
  assert.equal(shadow.verdict, "CE");
  assert.match(shadow.compileOutput ?? "", /No such file/);
  const rust = await judgeOnce(judge, "rust", 'fn main() { print!("{}", include_str!("/etc/shadow")); }\n', sum);
  if (judge.languages().some((l) => l.id === "rust")) assert.equal(rust.verdict, "CE");
  await hostile("c", "#include </dev/random>\nint main(void){}\n", sum, ["CE"]);
  const templates = "template<int N, int M> struct A { enum { v = A<N-1, 2*M>::v + A<N-1, 2*M+1>::v }; };\ntemplate<int M> struct A<0, M> { enum { v = 1 }; };\nint main() { return A<40, 0>::v; }\n";
  await hostile("cpp", templates, sum, ["CE"]);
});

test("symlinks planted in the compile scratch (a host directory) by compile-time code lead nowhere", async (ctx) => {
  if (!judge.languages().some((l) => l.id === "haskell")) {
    ctx.skip("no ghc here");
    return;
  }
  // Template Haskell runs code inside the compiler: it plants links to the host's canary in /box,
  // the host directory the artifacts come out of (the attack behind Judge0's CVE-2024-28185).
  const plant = (targets: string) => `{-# LANGUAGE TemplateHaskell #-}
import Language.Haskell.TH
import System.Posix.Files (createSymbolicLink)
$(runIO (mapM_ (createSymbolicLink ${JSON.stringify(canaryPath)}) [${targets}]) >> return [])
main :: IO ()
main = getLine >>= \\l -> print (sum (map read (words l)) :: Integer)
`;
  // The program's own name is a link: the compiler writes through it inside the box, the judge
  // never copies a link out, so there is no program.
  const hijacked = await judgeOnce(judge, "haskell", plant('"/box/main", "/box/extra"'), sum);
  assert.equal(hijacked.verdict, "CE", JSON.stringify(hijacked));
  await assertHostUntouched();
  // A link beside a real program: the program is judged, the link is removed, not followed.
  await hostile("haskell", plant('"/box/extra"'), sum, ["AC"]);
});
