const levels: Record<number, string> = { 10: "trace", 20: "debug", 30: "info", 40: "WARN", 50: "ERROR", 60: "FATAL" };

/** One readable line from a service's pino JSON line, for `npm start`'s terminal. */
export function formatLogLine(service: string, line: string): string {
  try {
    const entry = JSON.parse(line) as { level?: number; time?: number; msg?: string; err?: { message?: string } };
    const time = new Date(entry.time ?? Date.now()).toISOString().slice(11, 19);
    const level = levels[entry.level ?? 30] ?? "info";
    const error = entry.err?.message ? ` (${entry.err.message})` : "";
    return `${time} ${service.padEnd(9)} ${level.padEnd(5)} ${entry.msg ?? ""}${error}`;
  } catch {
    return `${service.padEnd(18)} ${line}`;
  }
}
