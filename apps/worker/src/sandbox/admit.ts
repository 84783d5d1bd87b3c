import { writeFileSync } from "node:fs";
import type { Readable } from "node:stream";
import type { BoxCgroup } from "./cgroup.ts";
import { SandboxError } from "./errors.ts";

/**
 * Race-free entry into the box, with no helper process: bwrap runs with `--info-fd 3
 * --userns-block-fd 4`, so after clone() it reports the child's pid on fd 3 and then both bwrap
 * and its child wait (the child before any mount or fork) until the worker writes to fd 4. In that
 * window the worker, still root, moves the child into the box's cgroup and writes the user
 * namespace's uid/gid maps, which bwrap leaves to the caller under --userns-block-fd.
 *
 * The outer bwrap stays out of the box on purpose: it runs no user code, and killing the box
 * must not kill it, or the sandbox's init would lose its parent, be reparented to the host's
 * PID 1 and linger there as a zombie. Left alone it reaps its child and exits, and node reaps it.
 */
export const INFO_FD = 3;
export const BLOCK_FD = 4;
export const MARK_FD = 5;

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
 * Put the sandbox's first process (`childPid`, every later process descends from it) in the box,
 * and map the sandbox user onto the same unprivileged host user. Nothing in it has run yet.
 */
export function admit(box: BoxCgroup, childPid: number, uid: number, gid: number): void {
  for (const procs of box.procsFiles) write(procs, String(childPid));
  write(`/proc/${childPid}/uid_map`, `${uid} ${uid} 1\n`);
  write(`/proc/${childPid}/setgroups`, "deny");
  write(`/proc/${childPid}/gid_map`, `${gid} ${gid} 1\n`);
}
