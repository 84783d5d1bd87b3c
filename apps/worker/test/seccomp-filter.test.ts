import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { describe, test } from "vitest";
import { decode, encode } from "../src/sandbox/seccomp/bpf.ts";
import { ALLOWED_SOCKET_FAMILIES, LAST_REVIEWED_NR, NAMESPACE_FLAGS, deniedSyscalls } from "../src/sandbox/seccomp/denied-syscalls.ts";
import {
  AUDIT_ARCH_X86_64,
  SECCOMP_RET_ALLOW,
  SECCOMP_RET_ERRNO,
  SECCOMP_RET_KILL_PROCESS,
  X32_SYSCALL_BIT,
  assertFilterArchitecture,
  buildFilter,
  seccompProgramBytes,
} from "../src/sandbox/seccomp/seccomp-filter.ts";
import { type SyscallData, runFilter } from "./bpf-interpreter.ts";

/** Decode the bytes bwrap would get, then interpret them: what the kernel would decide. */
const program = decode(seccompProgramBytes());
const decide = (data: Partial<SyscallData> & { nr: number }) => runFilter(program, { arch: AUDIT_ARCH_X86_64, ...data });
const nr = (name: string) => {
  const row = deniedSyscalls.find((r) => r.name === name);
  if (row === undefined) throw new Error(`${name} is not in the table`);
  return row.nr;
};
const EPERM = SECCOMP_RET_ERRNO | 1;
const ENOSYS = SECCOMP_RET_ERRNO | 38;
const EAFNOSUPPORT = SECCOMP_RET_ERRNO | 97;

const CLONE_THREAD_FLAGS = 0x3d0f00n; // VM|FS|FILES|SIGHAND|THREAD|SYSVSEM|SETTLS|PARENT_SETTID|CHILD_CLEARTID: what pthread_create passes
const CLONE_NEWUSER = 0x10000000n;
const CLONE_NEWNET = 0x40000000n;
const SIGCHLD = 17n;

describe("the seccomp filter, decoded and interpreted", () => {
  test("the bytes round-trip, 8 per instruction, and end in a return", () => {
    const built = buildFilter();
    assert.deepEqual(program, built);
    assert.equal(seccompProgramBytes().length, built.length * 8);
    assert.ok(built.length < 400, `${built.length} instructions`);
    assert.deepEqual(decode(encode(built)), built);
  });

  test("another architecture's calls, and x32 numbers, kill the process", () => {
    const AUDIT_ARCH_I386 = 0x40000003;
    assert.equal(decide({ arch: AUDIT_ARCH_I386, nr: 1 }), SECCOMP_RET_KILL_PROCESS);
    assert.equal(decide({ arch: 0xc00000b7 /* aarch64 */, nr: 1 }), SECCOMP_RET_KILL_PROCESS);
    assert.equal(decide({ nr: X32_SYSCALL_BIT | 1 }), SECCOMP_RET_KILL_PROCESS);
    assert.equal(decide({ nr: X32_SYSCALL_BIT | 272 }), SECCOMP_RET_KILL_PROCESS);
  });

  test("ordinary calls are allowed: read, write, mmap, execve, futex, exit_group", () => {
    for (const call of [0, 1, 9, 59, 202, 231, 435 - 1, 318 /* getrandom */, 334 /* rseq */]) {
      assert.equal(decide({ nr: call }), SECCOMP_RET_ALLOW, `nr ${call}`);
    }
  });

  test("every unconditional row answers its errno, whatever the arguments", () => {
    for (const row of deniedSyscalls.filter((r) => r.when === undefined)) {
      const expected = row.refusal === "ENOSYS" ? ENOSYS : EPERM;
      assert.equal(decide({ nr: row.nr }), expected, row.name);
      assert.equal(decide({ nr: row.nr, args: [0xffffffffffffffffn, 1n, 2n] }), expected, row.name);
    }
  });

  test("the namespace, mount, keyring, io_uring, bpf, perf, userfaultfd, ptrace and personality calls are denied", () => {
    for (const name of ["setns", "mount", "umount2", "pivot_root", "move_mount", "open_tree", "fsopen", "fsmount", "fsconfig", "fspick",
      "add_key", "keyctl", "request_key", "io_uring_setup", "io_uring_enter", "io_uring_register", "bpf", "perf_event_open",
      "userfaultfd", "ptrace", "process_vm_readv", "process_vm_writev", "personality", "kexec_load", "kexec_file_load",
      "init_module", "finit_module", "delete_module", "swapon", "reboot", "acct", "quotactl", "open_by_handle_at",
      "name_to_handle_at", "lookup_dcookie", "syslog", "settimeofday", "clock_settime", "adjtimex", "iopl", "ioperm",
      "vhangup", "chroot"]) {
      assert.equal(decide({ nr: nr(name) }), EPERM, name);
    }
  });

  test("clone: threads and fork pass, any namespace flag is EPERM; clone3 is ENOSYS so libc falls back", () => {
    const clone = nr("clone");
    assert.equal(decide({ nr: clone, args: [CLONE_THREAD_FLAGS] }), SECCOMP_RET_ALLOW);
    assert.equal(decide({ nr: clone, args: [SIGCHLD] }), SECCOMP_RET_ALLOW);
    assert.equal(decide({ nr: clone, args: [0x4111n /* vfork: VM|VFORK|SIGCHLD */] }), SECCOMP_RET_ALLOW);
    assert.equal(decide({ nr: clone, args: [CLONE_NEWUSER | SIGCHLD] }), EPERM);
    assert.equal(decide({ nr: clone, args: [CLONE_NEWNET | CLONE_THREAD_FLAGS] }), EPERM);
    for (let bit = 0; bit < 32; bit++) {
      const flag = 1 << bit;
      const expected = (NAMESPACE_FLAGS & flag) !== 0 ? EPERM : SECCOMP_RET_ALLOW;
      assert.equal(decide({ nr: clone, args: [BigInt(flag >>> 0)] }), expected, `clone flag bit ${bit}`);
      assert.equal(decide({ nr: nr("unshare"), args: [BigInt(flag >>> 0)] }), expected, `unshare flag bit ${bit}`);
    }
    assert.equal(decide({ nr: nr("clone3"), args: [0n, 88n] }), ENOSYS);
  });

  test("unshare without namespace flags (CLONE_FILES, CLONE_FS) stays allowed", () => {
    assert.equal(decide({ nr: nr("unshare"), args: [0x400n] }), SECCOMP_RET_ALLOW);
    assert.equal(decide({ nr: nr("unshare"), args: [0x200n] }), SECCOMP_RET_ALLOW);
    assert.equal(decide({ nr: nr("unshare"), args: [CLONE_NEWUSER | CLONE_NEWNET | 0x20000n] }), EPERM);
  });

  test("sockets: unix, inet, inet6 and netlink pass; AF_ALG, AF_VSOCK, AF_PACKET are EAFNOSUPPORT", () => {
    for (const family of ALLOWED_SOCKET_FAMILIES) {
      assert.equal(decide({ nr: nr("socket"), args: [BigInt(family), 1n, 0n] }), SECCOMP_RET_ALLOW, `family ${family}`);
      assert.equal(decide({ nr: nr("socketpair"), args: [BigInt(family), 1n, 0n] }), SECCOMP_RET_ALLOW, `pair ${family}`);
    }
    for (const family of [0, 3, 4, 17 /* packet */, 30 /* tipc */, 21 /* rds */, 38 /* alg */, 40 /* vsock */, 44 /* xdp */]) {
      assert.equal(decide({ nr: nr("socket"), args: [BigInt(family), 1n, 0n] }), EAFNOSUPPORT, `family ${family}`);
    }
  });

  test("numbers past the last reviewed one are ENOSYS, like an older kernel", () => {
    assert.equal(decide({ nr: LAST_REVIEWED_NR }), SECCOMP_RET_ALLOW);
    assert.equal(decide({ nr: LAST_REVIEWED_NR + 1 }), ENOSYS);
    assert.equal(decide({ nr: 1000 }), ENOSYS);
  });

  test("the table: unique names and numbers, each with a reason", () => {
    assert.equal(new Set(deniedSyscalls.map((r) => r.name)).size, deniedSyscalls.length);
    assert.equal(new Set(deniedSyscalls.map((r) => r.nr)).size, deniedSyscalls.length);
    for (const row of deniedSyscalls) {
      assert.ok(row.why.length > 5, row.name);
      assert.ok(row.nr <= LAST_REVIEWED_NR, row.name);
    }
  });

  test("the table's numbers agree with this system's <asm/unistd_64.h>", (ctx) => {
    const header = "/usr/include/x86_64-linux-gnu/asm/unistd_64.h";
    if (!existsSync(header)) {
      ctx.skip("no kernel headers here");
      return;
    }
    const numbers = new Map<string, number>();
    for (const match of readFileSync(header, "utf8").matchAll(/^#define __NR_(\w+) (\d+)$/gm)) numbers.set(match[1]!, Number(match[2]));
    for (const row of deniedSyscalls) {
      const known = numbers.get(row.name);
      // Calls newer than the installed headers (e.g. open_tree_attr) cannot be checked here.
      if (known !== undefined) assert.equal(row.nr, known, row.name);
    }
    assert.ok(numbers.get("clone3") === 435 && numbers.get("keyctl") === 250);
  });

  test("the filter refuses to be used on another architecture", () => {
    assert.throws(() => assertFilterArchitecture("arm64"), /x86_64 only/);
    assert.doesNotThrow(() => assertFilterArchitecture("x64"));
  });
});
