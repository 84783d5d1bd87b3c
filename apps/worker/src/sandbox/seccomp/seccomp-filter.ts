import { arch } from "node:os";
import { SandboxError } from "../errors.ts";
import { BPF_JEQ, BPF_JGE, BPF_JSET, BpfProgram, SECCOMP_DATA, type SockFilter, encode } from "./bpf.ts";
import { LAST_REVIEWED_NR, type DeniedSyscall, deniedSyscalls, errnoOf } from "./denied-syscalls.ts";

/** linux/audit.h: EM_X86_64 | __AUDIT_ARCH_64BIT | __AUDIT_ARCH_LE */
export const AUDIT_ARCH_X86_64 = 0xc000003e;
/** x32 system calls carry this bit in `nr` under the x86_64 arch value (asm/unistd.h __X32_SYSCALL_BIT). */
export const X32_SYSCALL_BIT = 0x40000000;

/** linux/seccomp.h return values */
export const SECCOMP_RET_KILL_PROCESS = 0x80000000;
export const SECCOMP_RET_ERRNO = 0x00050000;
export const SECCOMP_RET_ALLOW = 0x7fff0000;

/**
 * The box's filter, from the table in denied-syscalls.ts:
 *
 * 1. a call made under another ABI (i386's `int 0x80`, or x32 numbers under the x86_64 arch)
 *    kills the process: its numbers mean other calls, so no row of the table applies, and none
 *    of our toolchains produces such code, so a kill (RE) is only ever seen by an attack;
 * 2. numbers above the last reviewed one answer ENOSYS, as an older kernel would;
 * 3. each row: its number, then its argument condition if any, answers its errno;
 * 4. everything else is allowed.
 *
 * The program is linear (a comparison per row): ~150 instructions, a few dozen run per call,
 * and the kernel JIT-compiles it.
 */
export function buildFilter(table: readonly DeniedSyscall[] = deniedSyscalls): SockFilter[] {
  const p = new BpfProgram();
  p.loadWord(SECCOMP_DATA.arch).jump(BPF_JEQ, AUDIT_ARCH_X86_64, null, "kill");
  p.loadWord(SECCOMP_DATA.nr).jump(BPF_JGE, X32_SYSCALL_BIT, "kill", null);
  p.jump(BPF_JGE, LAST_REVIEWED_NR + 1, "ENOSYS", null);
  const refusals = new Set(["ENOSYS"]);
  table.forEach((row, i) => {
    refusals.add(row.refusal);
    const when = row.when;
    if (when === undefined) {
      p.jump(BPF_JEQ, row.nr, row.refusal, null);
      return;
    }
    // nr still in A: skip the block unless it is this call; the block ends in a return either way.
    const next = `row${i}-end`;
    p.jump(BPF_JEQ, row.nr, null, next).loadWord(SECCOMP_DATA.argLow(when.arg));
    if ("anyBitOf" in when) p.jump(BPF_JSET, when.anyBitOf, row.refusal, "allow");
    else {
      for (const value of when.notOneOf) p.jump(BPF_JEQ, value, "allow", null);
      p.jump(BPF_JEQ, 0, row.refusal, row.refusal); // unconditional: BPF_JA would do as well
    }
    p.label(next);
  });
  p.label("allow").ret(SECCOMP_RET_ALLOW);
  for (const refusal of refusals) p.label(refusal).ret(SECCOMP_RET_ERRNO | errnoOf[refusal as keyof typeof errnoOf]);
  p.label("kill").ret(SECCOMP_RET_KILL_PROCESS);
  return p.assemble();
}

/** The filter as the bytes bwrap reads from `--seccomp FD`. */
export function seccompProgramBytes(): Buffer {
  return encode(buildFilter());
}

/**
 * The table's numbers are x86_64's: refuse to start a sandbox elsewhere instead of installing a
 * filter that would deny and allow the wrong calls. (Supporting aarch64 means a second column
 * of numbers and AUDIT_ARCH_AARCH64; nobody runs the worker there yet.)
 */
export function assertFilterArchitecture(machine: string = arch()): void {
  if (machine !== "x64") {
    throw new SandboxError(`the sandbox's seccomp filter is built for x86_64 only; this worker runs on ${machine}`);
  }
}
