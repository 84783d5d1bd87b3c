/**
 * `npm run bench`: every benchmark in turn, each printing its table; all figures also go to
 * bench/results/latest.json. `BENCH_ONLY=name,name` runs a subset.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { acceptPath } from "./accept-path.ts";
import { functionVsStdin } from "./function-vs-stdin.ts";
import { notifierConnections } from "./notifier-connections.ts";
import { notifierPushVsPoll } from "./notifier-push-vs-poll.ts";
import { pipelineLatency } from "./pipeline-latency.ts";
import { sandboxOverhead } from "./sandbox-overhead.ts";
import { throughput } from "./throughput.ts";
import type { BenchSection } from "./section.ts";

const sections: BenchSection[] = [pipelineLatency, throughput, notifierConnections, notifierPushVsPoll, sandboxOverhead, functionVsStdin, acceptPath];

const only = process.env.BENCH_ONLY?.split(",").map((s) => s.trim());
const figures: Record<string, unknown> = {};
const load = () => loadavg().map((l) => l.toFixed(2)).join(" ");
process.stdout.write(`machine: ${cpus().length} cores, load average ${load()}\n`);
for (const section of sections) {
  if (only && !only.includes(section.name)) continue;
  process.stdout.write(`\n== ${section.name} ==\n`);
  figures[section.name] = await section.run();
}
const outDir = join(import.meta.dirname, "results");
mkdirSync(outDir, { recursive: true });
writeFileSync(
  join(outDir, "latest.json"),
  JSON.stringify({ at: new Date().toISOString(), cores: cpus().length, loadAfter: loadavg(), figures }, null, 2),
);
process.stdout.write(`\nload average after: ${load()}; figures in bench/results/latest.json\n`);
