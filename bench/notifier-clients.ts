/**
 * One client process of the notifier benchmarks (spawned by notifier-connections.ts with an
 * IPC channel): opens its share of the WebSocket connections from the source addresses it is
 * given, subscribes them on command, and records each event's publish-to-receive latency
 * from the `sentAt` (epoch ms, sub-ms precision) the publisher put into the event.
 */
import WebSocket from "ws";
import { z } from "zod";
import { ClientCommand, type ClientReport, nowEpochMs } from "./notifier-ipc.ts";

const BATCH = 500;
const sockets: WebSocket[] = [];
let latencies: number[] = [];
let unexpected = 0;

/** Only what the benchmark reads; the notifier forwards the publisher's extra `sentAt` untouched. */
const TimedEvent = z.object({ type: z.literal("event"), sentAt: z.number() });

function report(message: ClientReport): void {
  process.send?.(message);
}

function socketOnMessage(data: WebSocket.RawData): void {
  const received = nowEpochMs();
  let json: unknown;
  try {
    json = JSON.parse(String(data));
  } catch {
    unexpected++;
    return;
  }
  const event = TimedEvent.safeParse(json);
  if (event.success) latencies.push(received - event.data.sentAt);
}

async function connect(url: string, token: string, addresses: { address: string; count: number }[]): Promise<number> {
  let failed = 0;
  const targets = addresses.flatMap(({ address, count }) => Array.from({ length: count }, () => address));
  for (let i = 0; i < targets.length; i += BATCH) {
    const batch = targets.slice(i, i + BATCH).map(
      (localAddress) =>
        new Promise<WebSocket | null>((resolve) => {
          const ws = new WebSocket(`${url}?token=${token}`, { localAddress, perMessageDeflate: false });
          ws.once("open", () => resolve(ws));
          ws.once("error", () => resolve(null));
        }),
    );
    for (const ws of await Promise.all(batch)) {
      if (ws === null) {
        failed++;
        continue;
      }
      ws.on("message", socketOnMessage);
      sockets.push(ws);
    }
  }
  return failed;
}

/** Subscribes sockets [from, to) each to `${idPrefix}${firstId + i}` and waits for each one's snapshot. */
async function subscribe(from: number, to: number, idPrefix: string, firstId: number): Promise<number> {
  let refused = 0;
  for (let i = from; i < to; i += BATCH) {
    await Promise.all(
      sockets.slice(i, Math.min(to, i + BATCH)).map(
        (ws, k) =>
          new Promise<void>((resolve) => {
            ws.once("message", (data) => {
              if (!String(data).startsWith('{"type":"snapshot"')) refused++;
              resolve();
            });
            ws.send(JSON.stringify({ op: "subscribe", submissionId: `${idPrefix}${firstId + i + k}` }));
          }),
      ),
    );
  }
  return refused;
}

process.on("message", (raw: unknown) => {
  const command = ClientCommand.parse(raw);
  switch (command.type) {
    case "connect":
      void connect(command.url, command.token, command.addresses).then((failed) =>
        report({ type: "connected", open: sockets.length, failed }),
      );
      return;
    case "subscribe":
      void subscribe(command.from, command.to, command.idPrefix, command.firstId).then((refused) =>
        report({ type: "subscribed", count: command.to - command.from, refused }),
      );
      return;
    case "collect":
      report({ type: "latencies", values: latencies, unexpected });
      latencies = [];
      unexpected = 0;
      return;
    case "close":
      for (const ws of sockets) ws.terminate();
      process.disconnect?.();
      return;
  }
});
report({ type: "ready" });
