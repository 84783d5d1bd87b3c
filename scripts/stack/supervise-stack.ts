import { startGateway } from "./gateway.ts";
import type { ServiceProcess } from "./service-process.ts";
import { stackServices, type StackOptions } from "./start-stack.ts";
import { supervise, type RunningChild } from "./supervised.ts";

export interface SupervisedStackOptions extends StackOptions {
  gatewayPort: number;
  /** The supervisor's own lines (exits, restarts, warnings). Must not throw. */
  log: (line: string) => void;
  /** Told each child's pid as it (re)starts, null when it is stopped for good: the pid file. */
  onPid: (name: string, pid: number | null) => void;
}

export function asRunningChild(service: ServiceProcess): RunningChild {
  return { pid: service.child.pid!, exited: service.exited, stop: () => service.stop() };
}

/**
 * `npm start`'s services under supervision: the API, the notifier and each worker are
 * restarted whenever they exit (see supervise), on the same port and under the same name, so
 * the gateway and the workers find them again. The gateway runs in this process, on its own
 * socket handling (reverse-proxy.ts), and never depends on a child being up: while one is
 * restarting its requests get a 502.
 */
export async function startSupervisedStack(options: SupervisedStackOptions): Promise<{ close(): Promise<void> }> {
  const services = await stackServices(options);
  const supervised = (name: string, first: ServiceProcess, restart: () => Promise<ServiceProcess>) => {
    options.onPid(name, first.child.pid!);
    return supervise(asRunningChild(first), {
      name,
      restart: async () => asRunningChild(await restart()),
      log: options.log,
      onPid: (pid) => options.onPid(name, pid),
    });
  };

  const api = supervised("api", await services.startApi(), services.startApi);
  const workerNumbers = Array.from({ length: options.workers ?? 1 }, (_, i) => i + 1);
  const starting = [
    services.startNotifier().then((first) => supervised("notifier", first, () => services.startNotifier())),
    ...workerNumbers.map((n) => services.startWorker(n).then((first) => supervised(`worker-${n}`, first, () => services.startWorker(n)))),
  ];
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  let notifier: ReturnType<typeof supervise>;
  let workers: ReturnType<typeof supervise>[];
  try {
    [notifier, ...workers] = (await Promise.all(starting)) as [ReturnType<typeof supervise>, ...ReturnType<typeof supervise>[]];
    gateway = await startGateway({
      port: options.gatewayPort,
      host: options.gatewayHost,
      apiUrl: services.apiUrl,
      notifierUrl: services.notifierHttpUrl,
      webDir: options.webDir,
      onWarning: options.log,
    });
  } catch (err) {
    // A part that failed to start: stop the parts that did, then say why.
    const started = await Promise.allSettled(starting);
    await Promise.all(started.flatMap((s) => (s.status === "fulfilled" ? [s.value.stop()] : [])));
    await api.stop();
    throw err;
  }

  let closing: Promise<void> | undefined;
  return {
    close: () =>
      (closing ??= (async () => {
        await gateway.close();
        await Promise.all([notifier.stop(), ...workers.map((w) => w.stop())]);
        await api.stop();
      })()),
  };
}
