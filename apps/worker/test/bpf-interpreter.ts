import { BPF_ABS, BPF_JEQ, BPF_JGE, BPF_JGT, BPF_JMP, BPF_JSET, BPF_K, BPF_LD, BPF_RET, BPF_W, type SockFilter } from "../src/sandbox/seccomp/bpf.ts";

/** What the kernel hands a seccomp filter: `struct seccomp_data`. */
export interface SyscallData {
  nr: number;
  arch: number;
  /** up to six 64-bit arguments */
  args?: readonly bigint[];
}

/**
 * Runs a classic-BPF seccomp program the way the kernel does, for the instructions our
 * assembler emits; anything else throws, so a test cannot pass on an instruction it never
 * understood. Returns the filter's 32-bit verdict.
 */
export function runFilter(program: readonly SockFilter[], data: SyscallData): number {
  const bytes = Buffer.alloc(64);
  bytes.writeInt32LE(data.nr, 0);
  bytes.writeUInt32LE(data.arch >>> 0, 4);
  for (const [i, arg] of (data.args ?? []).entries()) bytes.writeBigUInt64LE(BigInt.asUintN(64, arg), 16 + 8 * i);
  let a = 0;
  for (let pc = 0; pc < program.length; ) {
    const insn = program[pc]!;
    switch (insn.code) {
      case BPF_LD | BPF_W | BPF_ABS:
        if (insn.k % 4 !== 0 || insn.k + 4 > 64) throw new Error(`load out of seccomp_data at ${insn.k}`);
        a = bytes.readUInt32LE(insn.k);
        pc += 1;
        break;
      case BPF_RET | BPF_K:
        return insn.k >>> 0;
      case BPF_JMP | BPF_JEQ | BPF_K:
      case BPF_JMP | BPF_JGT | BPF_K:
      case BPF_JMP | BPF_JGE | BPF_K:
      case BPF_JMP | BPF_JSET | BPF_K: {
        const test = insn.code & 0xf0;
        const k = insn.k >>> 0;
        const taken =
          test === BPF_JEQ ? a === k : test === BPF_JGT ? a > k : test === BPF_JGE ? a >= k : (a & k) >>> 0 !== 0;
        pc += 1 + (taken ? insn.jt : insn.jf);
        break;
      }
      default:
        throw new Error(`instruction ${insn.code.toString(16)} at ${pc} is not one the seccomp filter should use`);
    }
  }
  throw new Error("fell off the end of the program");
}
