import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { dieWithParent } from "./die-with-parent.ts";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

export interface ServiceProcess {
  name: string;
  child: ChildProcess;
  /** Resolves with the exit code (or signal) once the process has exited. */
  exited: Promise<number | string>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone. */
  stop(graceMs?: number): Promise<number | string>;
  kill(signal: NodeJS.Signals): void;
}

export class ServiceStartError extends Error {
  readonly code = "SERVICE_START";
}

interface SpawnOptions {
  name: string;
  /** Entry file relative to the repository root. */
  entry: string;
  env: NodeJS.ProcessEnv;
  /** Where the service's log lines go. */
  onLine?: (name: string, line: string) => void;
  timeoutMs?: number;
}

/** Starts one service as a real process (`node --import tsx`), resolved once it reports ready. */
export function spawnService(options: SpawnOptions): Promise<ServiceProcess> {
  // Killed by the kernel if this process dies, even by SIGKILL: a service left running on its
  // own would hold its port, judge jobs for nobody and block the next start. The IPC channel's
  // "disconnect" (runService) is the portable second line, but a service whose main thread is
  // stuck (seen: blocked in a futex while draining towards a dead Redis) never gets to it.
  const [command, args] = dieWithParent(process.execPath, ["--import", "tsx", options.entry]);
  const child = spawn(command, args, {
    cwd: repoRoot,
    env: options.env,
    // The IPC channel carries the service's "ready" message (see runService).
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  const exited = new Promise<number | string>((resolve) => {
    child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown"));
    // A failed spawn (EAGAIN, ENOMEM) or kill emits "error", maybe without "exit"; unhandled,
    // it would throw in the supervisor and take the database and the gateway with it.
    child.on("error", (err) => {
      if (child.pid === undefined) resolve(`spawn failed: ${err.message}`);
    });
  });
  const service: ServiceProcess = {
    name: options.name,
    child,
    exited,
    kill: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
    stop: async (graceMs = 10_000) => {
      service.kill("SIGTERM");
      const timer = setTimeout(() => service.kill("SIGKILL"), graceMs);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
  };

  const tail: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      service.kill("SIGKILL");
      reject(new ServiceStartError(`${options.name} did not start in time:\n${tail.join("\n")}`));
    }, options.timeoutMs ?? 60_000);
    const onLine = (line: string) => {
      tail.push(line);
      if (tail.length > 30) tail.shift();
      options.onLine?.(options.name, line);
    };
    child.on("message", (message: unknown) => {
      if (typeof message === "object" && message !== null && (message as { type?: unknown }).type === "ready") {
        clearTimeout(timer);
        resolve(service);
      }
    });
    createInterface({ input: child.stdout! }).on("line", onLine);
    createInterface({ input: child.stderr! }).on("line", onLine);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new ServiceStartError(`${options.name} exited (${code}) before it was ready:\n${tail.join("\n")}`));
    });
  });
}
