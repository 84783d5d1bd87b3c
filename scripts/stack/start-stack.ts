import { randomBytes } from "node:crypto";
import { availableParallelism } from "node:os";
import { generateTokenKeys, type TokenKeys } from "@judge/tokens";
import { freePort } from "./free-port.ts";
import { startGateway } from "./gateway.ts";
import { spawnService, type ServiceProcess } from "./service-process.ts";

export interface StackOptions {
  databaseUrl: string;
  redisUrl: string;
  /** Namespace of every queue and key, unique per test run. */
  prefix: string;
  workers?: number;
  workerConcurrency?: number;
  /** Gateway port; 0 picks a free one. Without it no gateway is started. */
  gatewayPort?: number;
  gatewayHost?: string;
  webDir?: string;
  apiPort?: number;
  notifierPort?: number;
  keys?: TokenKeys;
  workerToken?: string;
  logLevel?: string;
  extraEnv?: NodeJS.ProcessEnv;
  onLine?: (service: string, line: string) => void;
}

export interface Stack {
  apiUrl: string;
  notifierUrl: string;
  gatewayUrl: string | null;
  keys: TokenKeys;
  api: ServiceProcess;
  notifier: ServiceProcess;
  workers: ServiceProcess[];
  /** Starts one more worker process. */
  addWorker(): Promise<ServiceProcess>;
  /** Starts a notifier again (after a test killed it) on the same port. */
  restartNotifier(): Promise<ServiceProcess>;
  /** Starts one more notifier process on its own port (a second instance of the fleet); stopped by close(). */
  addNotifier(): Promise<{ process: ServiceProcess; url: string }>;
  close(): Promise<void>;
}

/** The gateway's address as the API sees it: the API listens on 127.0.0.1 and the gateway connects there. */
const GATEWAY_ADDRESS = "127.0.0.1";

/** How to start each service of a stack, as often as needed: once here, again and again under `npm start`'s supervisor. */
export interface StackServices {
  keys: TokenKeys;
  apiUrl: string;
  /** http:// URL of the notifier (the gateway's target). */
  notifierHttpUrl: string;
  notifierPort: number;
  startApi(): Promise<ServiceProcess>;
  startNotifier(port?: number, name?: string): Promise<ServiceProcess>;
  /** Worker number `n` (1, 2, …): a restarted worker keeps its name and id. */
  startWorker(n: number): Promise<ServiceProcess>;
}

/** Picks the ports and builds each service's environment; starts nothing. */
export async function stackServices(options: StackOptions): Promise<StackServices> {
  const keys = options.keys ?? (await generateTokenKeys());
  const workerToken = options.workerToken ?? randomBytes(24).toString("hex");
  const apiPort = options.apiPort ?? (await freePort());
  const notifierPort = options.notifierPort ?? (await freePort());
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const common: NodeJS.ProcessEnv = {
    ...process.env,
    REDIS_URL: options.redisUrl,
    REDIS_PREFIX: options.prefix,
    LOG_LEVEL: options.logLevel ?? "info",
    ...options.extraEnv,
  };
  const onLine = options.onLine;
  return {
    keys,
    apiUrl,
    notifierHttpUrl: `http://127.0.0.1:${notifierPort}`,
    notifierPort,
    startApi: () =>
      spawnService({
        name: "api",
        entry: "apps/api/src/main.ts",
        env: {
          ...common,
          PORT: String(apiPort),
          HOST: "127.0.0.1",
          DATABASE_URL: options.databaseUrl,
          JWT_PRIVATE_KEY: keys.privateKey,
          WORKER_TOKEN: workerToken,
          // The gateway reaches the API from 127.0.0.1: the one proxy to believe. Without a
          // gateway nothing is: clients reach the API directly.
          TRUST_PROXY: options.gatewayPort === undefined ? "" : GATEWAY_ADDRESS,
        },
        onLine,
      }),
    startNotifier: (port = notifierPort, name = "notifier") =>
      spawnService({
        name,
        entry: "apps/notifier/src/main.ts",
        env: { ...common, PORT: String(port), HOST: "127.0.0.1", JWT_PUBLIC_KEY: keys.publicKey },
        onLine,
      }),
    startWorker: (n) =>
      spawnService({
        name: `worker-${n}`,
        entry: "apps/worker/src/main.ts",
        env: {
          ...common,
          API_URL: apiUrl,
          WORKER_TOKEN: workerToken,
          WORKER_CONCURRENCY: String(options.workerConcurrency ?? availableParallelism()),
          WORKER_ID: `${options.prefix}-worker-${n}`,
        },
        onLine,
      }),
  };
}

/** Starts api, notifier and workers as real processes, and optionally the gateway. */
export async function startStack(options: StackOptions): Promise<Stack> {
  const services = await stackServices(options);
  const { keys, apiUrl, notifierPort } = services;
  const api = await services.startApi();
  const startNotifier = services.startNotifier;
  const extraNotifiers: ServiceProcess[] = [];
  let workerCount = 0;
  const startWorker = () => services.startWorker(++workerCount);

  const [notifier, ...workers] = await Promise.all([
    startNotifier(),
    ...Array.from({ length: options.workers ?? 1 }, startWorker),
  ]);
  const gateway =
    options.gatewayPort === undefined
      ? null
      : await startGateway({
          port: options.gatewayPort,
          host: options.gatewayHost,
          apiUrl,
          notifierUrl: `http://127.0.0.1:${notifierPort}`,
          webDir: options.webDir,
        });

  const stack: Stack = {
    apiUrl,
    notifierUrl: `ws://127.0.0.1:${notifierPort}/ws`,
    gatewayUrl: gateway ? `http://${options.gatewayHost ?? "127.0.0.1"}:${gateway.port}` : null,
    keys,
    api,
    notifier: notifier!,
    workers,
    addWorker: async () => {
      const worker = await startWorker();
      stack.workers.push(worker);
      return worker;
    },
    restartNotifier: async () => {
      stack.notifier = await startNotifier();
      return stack.notifier;
    },
    addNotifier: async () => {
      const port = await freePort();
      const service = await startNotifier(port, `notifier-${extraNotifiers.length + 2}`);
      extraNotifiers.push(service);
      return { process: service, url: `ws://127.0.0.1:${port}/ws` };
    },
    close: async () => {
      await gateway?.close();
      await Promise.all([stack.notifier.stop(), ...extraNotifiers.map((n) => n.stop()), ...stack.workers.map((w) => w.stop())]);
      await api.stop();
    },
  };
  return stack;
}
