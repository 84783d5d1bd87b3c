import { SandboxError } from "../errors.ts";

/**
 * A tiny assembler for classic BPF as seccomp runs it (linux/filter.h, linux/bpf_common.h):
 * `struct sock_filter { __u16 code; __u8 jt; __u8 jf; __u32 k; }`, 8 bytes, host byte order
 * (little-endian on x86_64). Only the instructions a syscall filter needs: load a 32-bit word of
 * `struct seccomp_data`, conditional jumps on a constant, return a constant.
 */

export const BPF_LD = 0x00;
export const BPF_JMP = 0x05;
export const BPF_RET = 0x06;
export const BPF_W = 0x00;
export const BPF_ABS = 0x20;
export const BPF_JEQ = 0x10;
export const BPF_JGT = 0x20;
export const BPF_JGE = 0x30;
export const BPF_JSET = 0x40;
export const BPF_K = 0x00;

/** Kernel's BPF_MAXINSNS: a longer program is refused by prctl(PR_SET_SECCOMP). */
export const MAX_INSTRUCTIONS = 4096;

export interface SockFilter {
  code: number;
  jt: number;
  jf: number;
  k: number;
}

/** Offsets in `struct seccomp_data { int nr; __u32 arch; __u64 instruction_pointer; __u64 args[6]; }`. */
export const SECCOMP_DATA = {
  nr: 0,
  arch: 4,
  /** low 32 bits of args[i] on a little-endian machine */
  argLow: (i: number) => 16 + 8 * i,
} as const;

/** A jump target: a label defined later in the same program. */
type Target = string;

type Pending =
  | { op: "load"; offset: number }
  | { op: "jump"; test: number; k: number; ifTrue: Target | null; ifFalse: Target | null }
  | { op: "ret"; k: number }
  | { op: "label"; name: string };

/**
 * Builds a program with forward jumps to labels (classic BPF only jumps forward); `null` as a
 * target means "fall through to the next instruction". `assemble` resolves the offsets and
 * refuses a jump longer than 255 instructions rather than encode a wrong one.
 */
export class BpfProgram {
  readonly #items: Pending[] = [];

  loadWord(offset: number): this {
    this.#items.push({ op: "load", offset });
    return this;
  }

  /** test: BPF_JEQ, BPF_JGT, BPF_JGE or BPF_JSET against the constant k */
  jump(test: number, k: number, ifTrue: Target | null, ifFalse: Target | null): this {
    this.#items.push({ op: "jump", test, k: k >>> 0, ifTrue, ifFalse });
    return this;
  }

  ret(k: number): this {
    this.#items.push({ op: "ret", k: k >>> 0 });
    return this;
  }

  label(name: string): this {
    if (this.#items.some((item) => item.op === "label" && item.name === name)) throw new SandboxError(`BPF label ${name} defined twice`);
    this.#items.push({ op: "label", name });
    return this;
  }

  assemble(): SockFilter[] {
    const at = new Map<string, number>();
    let index = 0;
    for (const item of this.#items) {
      if (item.op === "label") at.set(item.name, index);
      else index += 1;
    }
    const out: SockFilter[] = [];
    for (const item of this.#items) {
      if (item.op === "label") continue;
      if (item.op === "load") out.push({ code: BPF_LD | BPF_W | BPF_ABS, jt: 0, jf: 0, k: item.offset });
      else if (item.op === "ret") out.push({ code: BPF_RET | BPF_K, jt: 0, jf: 0, k: item.k });
      else {
        const here = out.length;
        const offset = (target: Target | null): number => {
          if (target === null) return 0;
          const to = at.get(target);
          if (to === undefined) throw new SandboxError(`BPF label ${target} is not defined`);
          const distance = to - here - 1;
          if (distance < 0 || distance > 255) throw new SandboxError(`BPF jump to ${target} spans ${distance} instructions`);
          return distance;
        };
        out.push({ code: BPF_JMP | item.test | BPF_K, jt: offset(item.ifTrue), jf: offset(item.ifFalse), k: item.k });
      }
    }
    if (out.length > MAX_INSTRUCTIONS) throw new SandboxError(`BPF program of ${out.length} instructions is too long`);
    const last = out.at(-1);
    if (last === undefined || last.code !== (BPF_RET | BPF_K)) throw new SandboxError("a BPF program must end with a return");
    return out;
  }
}

/** The bytes bwrap's `--seccomp FD` reads: an array of struct sock_filter, little-endian. */
export function encode(program: readonly SockFilter[]): Buffer {
  const bytes = Buffer.alloc(program.length * 8);
  program.forEach((insn, i) => {
    bytes.writeUInt16LE(insn.code, i * 8);
    bytes.writeUInt8(insn.jt, i * 8 + 2);
    bytes.writeUInt8(insn.jf, i * 8 + 3);
    bytes.writeUInt32LE(insn.k, i * 8 + 4);
  });
  return bytes;
}

/** The inverse of `encode`, for tests and for logging a program. */
export function decode(bytes: Buffer): SockFilter[] {
  if (bytes.length % 8 !== 0) throw new SandboxError("a BPF program is a multiple of 8 bytes");
  const program: SockFilter[] = [];
  for (let at = 0; at < bytes.length; at += 8) {
    program.push({ code: bytes.readUInt16LE(at), jt: bytes.readUInt8(at + 2), jf: bytes.readUInt8(at + 3), k: bytes.readUInt32LE(at + 4) });
  }
  return program;
}
