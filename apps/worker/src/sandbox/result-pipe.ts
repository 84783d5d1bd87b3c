import { execFile } from "node:child_process";
import { closeSync, constants, openSync, unlinkSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { Socket } from "node:net";
import type { Readable } from "node:stream";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { SandboxError } from "./errors.ts";

const run = promisify(execFile);

/** One anonymous pipe: the box writes on `writeFd` (handed to bwrap), the worker reads `reader`. */
export interface ResultPipe {
  writeFd: number;
  reader: Socket;
  /** close the worker's copy of the write end, once the child holds its own */
  closeWriteEnd(): void;
}

let pipes = 0;

/**
 * Real pipes for the box's results descriptor. Node gives a child's extra stdio as UNIX socket
 * pairs, and a socket cannot be opened again by path: a driver that opens /dev/fd/3 (Java's
 * FileOutputStream, for one) gets ENXIO. Node cannot make a pipe(2) either, so each run gets a
 * FIFO in a directory only root can enter: opened at both ends, then unlinked at once, which
 * leaves exactly an anonymous pipe. mkfifo is one small process per function run (one per
 * submission, not per test).
 */
export class ResultPipes {
  private constructor(private readonly dir: string) {}

  static async create(): Promise<ResultPipes> {
    return new ResultPipes(await mkdtemp(join(tmpdir(), "judge-results-")));
  }

  async open(): Promise<ResultPipe> {
    pipes += 1;
    const path = join(this.dir, `p${pipes}`);
    try {
      // Writable by others: a driver may reopen its fd 3 as /dev/fd/3, which checks the FIFO's
      // mode. Unlinked below, it can be reached only through a holder's /proc/<pid>/fd.
      await run("/usr/bin/mkfifo", ["-m", "602", path]);
    } catch (error) {
      throw new SandboxError("cannot make the results pipe", { cause: error });
    }
    let readFd = -1;
    try {
      // The read end first and non-blocking, so opening the write end does not wait for a reader.
      readFd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
      // Blocking for the box: a full pipe must make the program wait, never fail with EAGAIN.
      const writeFd = openSync(path, constants.O_WRONLY);
      const reader = new Socket({ fd: readFd, readable: true, writable: false });
      let closed = false;
      return {
        writeFd,
        reader,
        closeWriteEnd: () => {
          if (!closed) closeSync(writeFd);
          closed = true;
        },
      };
    } catch (error) {
      if (readFd >= 0) closeSync(readFd);
      throw new SandboxError("cannot open the results pipe", { cause: error });
    } finally {
      unlinkSync(path);
    }
  }

  /**
   * `count` pipes whose both ends are blocking descriptors, each to be handed to a box as a
   * standard stream (an interactive problem's two directions); one mkfifo for all of them. The
   * caller owns every descriptor and closes each once.
   */
  async openPairs(count: number): Promise<Array<{ readFd: number; writeFd: number }>> {
    const paths = Array.from({ length: count }, () => {
      pipes += 1;
      return join(this.dir, `p${pipes}`);
    });
    try {
      // Readable and writable by others: a program may reopen /dev/stdin or /dev/stdout.
      await run("/usr/bin/mkfifo", ["-m", "606", ...paths]);
    } catch (error) {
      throw new SandboxError("cannot make the interaction pipes", { cause: error });
    }
    const opened: number[] = [];
    try {
      return paths.map((path) => {
        // A non-blocking reader lets the blocking writer open at once; the blocking reader then
        // opens at once too, and the first reader goes: both ends left are blocking.
        const probe = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
        opened.push(probe);
        const writeFd = openSync(path, constants.O_WRONLY);
        opened.push(writeFd);
        const readFd = openSync(path, constants.O_RDONLY);
        opened.push(readFd);
        closeSync(probe);
        opened.splice(opened.indexOf(probe), 1);
        return { readFd, writeFd };
      });
    } catch (error) {
      for (const fd of opened) closeSync(fd);
      throw new SandboxError("cannot open the interaction pipes", { cause: error });
    } finally {
      for (const path of paths) unlinkSync(path);
    }
  }

  async close(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}

/**
 * Hand each complete line of `stream` to `onLine` (without its newline) as it arrives; past
 * `limit` bytes in all call `onOverflow` once and stop reading. `ended` resolves at EOF.
 */
export function readLines(stream: Readable, limit: number, onOverflow: () => void, onLine: (line: Buffer) => void): { ended: Promise<void> } {
  let pending: Buffer[] = [];
  let read = 0;
  const ended = new Promise<void>((resolve) => {
    stream.once("close", resolve);
    stream.on("error", () => resolve());
  });
  stream.on("data", (chunk: Buffer) => {
    if (read > limit) return;
    read += chunk.length;
    if (read > limit) {
      onOverflow();
      stream.destroy();
      return;
    }
    let start = 0;
    for (let nl = chunk.indexOf(10); nl >= 0; nl = chunk.indexOf(10, start)) {
      pending.push(chunk.subarray(start, nl));
      onLine(pending.length === 1 ? pending[0]! : Buffer.concat(pending));
      pending = [];
      start = nl + 1;
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  });
  return { ended };
}
