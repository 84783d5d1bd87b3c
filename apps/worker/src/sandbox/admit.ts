import { writeFileSync } from "node:fs";
import type { Readable } from "node:stream";
import type { BoxCgroup } from "./cgroup.ts";
import { SandboxError } from "./errors.ts";

/**
 * Race-free entry into the box, with no helper process: bwrap runs with `--info-fd 3
 * --block-fd 4`, so after clone() it reports the child's pid on fd 3, and the child sets the
 * sandbox up (its own uid/gid maps, mounts, the nested user namespace that --disable-userns
 * needs) and then waits on fd 4, before it loads the seccomp filter and execs anything. In that
 * window the worker, still root, moves the child into the box's cgroup. bwrap's own setup is
 * trusted code that forks nothing, so no process of the box ever runs outside its cgroup.
 *
 * (The earlier `--userns-block-fd`, where the worker wrote the uid maps, cannot be combined with
 * `--disable-userns` in bubblewrap 0.8: bwrap refuses the pair, because it must write the maps of
 * the second user namespace itself.)
 *
 * The outer bwrap stays out of the box on purpose: it runs no user code, and killing the box
 * must not kill it, or the sandbox's init would lose its parent, be reparented to the host's
 * PID 1 and linger there as a zombie. Left alone it reaps its child and exits, and node reaps it.
 */
export const INFO_FD = 3;
export const BLOCK_FD = 4;
export const MARK_FD = 5;
/** bwrap reads the compiled seccomp filter from here (`--seccomp 6`) */
export const SECCOMP_FD = 6;

/** The `child-pid` from bwrap's info fd; rejects if bwrap exits before it cloned. */
export function readChildPid(info: Readable): Promise<number> {
  return new Promise((resolve, reject) => {
    let text = "";
    const onData = (chunk: Buffer) => {
      text += chunk.toString("utf8");
      const match = /"child-pid"\s*:\s*(\d+)/.exec(text);
      if (match?.[1] !== undefined && text.includes("}")) {
        info.off("data", onData);
        info.off("end", onEnd);
        resolve(Number(match[1]));
      }
    };
    const onEnd = () => reject(new SandboxError("bwrap exited before creating the sandbox"));
    info.on("data", onData);
    info.once("end", onEnd);
    info.once("error", onEnd);
  });
}

function write(path: string, value: string): void {
  try {
    // Synchronous on purpose: a handful of microsecond writes to cgroupfs and procfs, on the
    // latency path of every run; a thread-pool round trip per write would cost more.
    writeFileSync(path, value);
  } catch (error) {
    throw new SandboxError(`cannot write ${value.trim()} to ${path}`, { cause: error });
  }
}

/**
 * Put the sandbox's first process (`childPid`, every later process descends from it) in the box.
 * Nothing of the program has run yet.
 */
export function admit(box: BoxCgroup, childPid: number): void {
  for (const procs of box.procsFiles) write(procs, String(childPid));
}
