import assert from "node:assert/strict";
import { afterAll, beforeAll, test } from "vitest";
import type { Judge } from "../src/judge/index.ts";
import { bundle, createTestJudge, judgeOnce } from "./judge-fixtures.ts";

/**
 * The kernel surface a submission reaches (issue 19, item 1): nested user namespaces and the
 * system calls behind most kernel-exploit escapes. Each probe tries the attack for real and
 * prints "closed" only if every attempt failed, so the verdict is AC only when the box holds.
 */
let judge: Judge;
beforeAll(async () => {
  judge = await createTestJudge({ only: ["c", "python"] });
});
afterAll(async () => {
  await judge.close();
});

const closed = bundle([["", "closed\n"]], { timeMs: 5000 });

/** The Run button on no input: its stdout names every attempt that got through. */
async function probe(language: "c" | "python", code: string): Promise<string> {
  const outcome = await judge.run(
    { language, code, input: "", limits: { timeMs: 5000, memoryKb: 256 * 1024 } },
    { compiling: async () => {}, running: async () => {} },
  );
  return outcome.output?.stdout ?? JSON.stringify(outcome);
}

/** Each attempt that works prints "open: ..."; a child reports through its exit status. */
const kernelProbe = String.raw`#define _GNU_SOURCE
#include <errno.h>
#include <linux/perf_event.h>
#include <linux/sched.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/personality.h>
#include <sys/ptrace.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

static int leaks = 0;
static void leak(const char *what) { printf("open: %s\n", what); fflush(stdout); leaks++; }

int main(void) {
  char line[256];
  FILE *status = fopen("/proc/self/status", "r");
  while (status && fgets(line, sizeof line, status))
    if (strncmp(line, "Seccomp:", 8) == 0 && strtol(line + 8, 0, 10) == 0) leak("no seccomp filter");
  if (status) fclose(status);

  /* A user namespace makes the child root there: then mount, and netfilter over netlink. */
  pid_t child = fork();
  if (child == 0) {
    int got = 0;
    if (unshare(CLONE_NEWUSER | CLONE_NEWNET | CLONE_NEWNS) == 0) {
      got |= 1;
      if (mount("none", "/tmp", "tmpfs", 0, 0) == 0) got |= 2;
      if (socket(AF_NETLINK, SOCK_RAW, 12 /* NETLINK_NETFILTER */) >= 0) got |= 4;
    }
    _exit(got);
  }
  int wstatus = 0;
  waitpid(child, &wstatus, 0);
  if (WIFEXITED(wstatus) && (WEXITSTATUS(wstatus) & 1)) leak("unshare(user|net|mount)");
  if (WIFEXITED(wstatus) && (WEXITSTATUS(wstatus) & 2)) leak("mount tmpfs");
  if (WIFEXITED(wstatus) && (WEXITSTATUS(wstatus) & 4)) leak("nf_tables netlink");
  if (unshare(CLONE_NEWNET) == 0) leak("unshare(net)");

  long r = syscall(SYS_clone, CLONE_NEWUSER | SIGCHLD, 0, 0, 0, 0);
  if (r == 0) _exit(0);
  if (r > 0) { waitpid(r, 0, 0); leak("clone(CLONE_NEWUSER)"); }
  struct clone_args ca;
  memset(&ca, 0, sizeof ca);
  ca.flags = CLONE_NEWUSER;
  ca.exit_signal = SIGCHLD;
  r = syscall(SYS_clone3, &ca, sizeof ca);
  if (r == 0) _exit(0);
  if (r > 0) { waitpid(r, 0, 0); leak("clone3(CLONE_NEWUSER)"); }

  uint32_t params[30];
  memset(params, 0, sizeof params);
  if (syscall(SYS_io_uring_setup, 4, params) >= 0) leak("io_uring_setup");
  if (syscall(SYS_userfaultfd, 1 /* UFFD_USER_MODE_ONLY */) >= 0) leak("userfaultfd");
  struct perf_event_attr pe;
  memset(&pe, 0, sizeof pe);
  pe.type = PERF_TYPE_SOFTWARE;
  pe.size = sizeof pe;
  pe.config = PERF_COUNT_SW_CPU_CLOCK;
  pe.exclude_kernel = 1;
  if (syscall(SYS_perf_event_open, &pe, 0, -1, -1, 0) >= 0) leak("perf_event_open");
  if (syscall(SYS_add_key, "user", "probe", "x", 1, -2 /* KEY_SPEC_PROCESS_KEYRING */) >= 0) leak("add_key");
  if (syscall(SYS_keyctl, 0 /* KEYCTL_GET_KEYRING_ID */, -3 /* session */, 0) >= 0) leak("keyctl");
  if (personality(PER_LINUX | ADDR_NO_RANDOMIZE) != -1 && (personality(0xffffffff) & ADDR_NO_RANDOMIZE)) leak("personality(ADDR_NO_RANDOMIZE)");

  child = fork();
  if (child == 0) { raise(SIGSTOP); _exit(0); }
  waitpid(child, 0, WUNTRACED);
  if (ptrace(PTRACE_ATTACH, child, 0, 0) == 0) leak("ptrace(own child)");
  char secret[8] = "secret", copy[8] = {0};
  struct iovec local = {copy, sizeof copy}, remote = {secret, sizeof secret};
  if (process_vm_readv(getpid(), &local, 1, &remote, 1, 0) > 0) leak("process_vm_readv");
  kill(child, SIGKILL);
  waitpid(child, 0, 0);

  if (socket(38 /* AF_ALG */, SOCK_SEQPACKET, 0) >= 0) leak("AF_ALG socket");
  if (socket(40 /* AF_VSOCK */, SOCK_STREAM, 0) >= 0) leak("AF_VSOCK socket");
  if (syscall(SYS_bpf, 0 /* BPF_MAP_CREATE */, 0, 0) != -1 || errno != EPERM) leak("bpf reachable");
  if (leaks == 0) puts("closed");
  return 0;
}
`;

test("C: no nested user namespace, no mount, and the denied system calls fail", async () => {
  assert.equal(await probe("c", kernelProbe), "closed\n");
  // The same program judged as a submission: AC only when every attack failed.
  assert.equal((await judgeOnce(judge, "c", kernelProbe, closed)).verdict, "AC");
});

test("python: /usr/bin/unshare -Urn and a namespace through ctypes both fail", async () => {
  const code = `import ctypes, os, subprocess
leaks = []
try:
    done = subprocess.run(['/usr/bin/unshare', '-Urn', '/usr/bin/id', '-u'], capture_output=True, timeout=10)
    if done.returncode == 0:
        leaks.append('unshare -Urn: ' + done.stdout.decode().strip())
except OSError:
    pass
libc = ctypes.CDLL(None, use_errno=True)
if libc.unshare(0x10000000) == 0:
    leaks.append('unshare(CLONE_NEWUSER)')
print(*leaks if leaks else ['closed'])
`;
  assert.equal(await probe("python", code), "closed\n");
});

test("the runtimes' own thread and process creation still works under the filter", async () => {
  // clone3 is ENOSYS in the box, so glibc falls back to clone for threads and posix_spawn.
  const code = `import subprocess, threading
out = []
t = threading.Thread(target=lambda: out.append('thread'))
t.start(); t.join()
out.append(subprocess.run(['/bin/echo', 'child'], capture_output=True).stdout.decode().strip())
print(*out)
`;
  const outcome = await judgeOnce(judge, "python", code, bundle([["", "thread child\n"]]));
  assert.equal(outcome.verdict, "AC", JSON.stringify(outcome));
});
