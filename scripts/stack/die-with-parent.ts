import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";

let setpriv: string | null | undefined;

/**
 * The command line that runs `command` so that the kernel kills it when the process that
 * spawned it dies, even by SIGKILL: util-linux's `setpriv --pdeathsig KILL` sets
 * PR_SET_PDEATHSIG, which Node cannot, then execs the command (same pid, no extra process).
 * For children that cannot watch a pipe or an IPC channel themselves (redis-server). Without
 * setpriv (not Linux) the command runs as is, and the pid file of the next start cleans up.
 */
export function dieWithParent(command: string, args: readonly string[]): [string, string[]] {
  if (setpriv === undefined) {
    const dirs = process.platform === "linux" ? (process.env.PATH ?? "").split(delimiter) : [];
    setpriv = dirs.map((dir) => join(dir, "setpriv")).find((path) => existsSync(path)) ?? null;
  }
  return setpriv ? [setpriv, ["--pdeathsig", "KILL", "--", command, ...args]] : [command, [...args]];
}
