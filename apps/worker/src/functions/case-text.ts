import { MAX_CASE_TEXT_BYTES } from "@judge/protocol";

/** At most MAX_CASE_TEXT_BYTES of UTF-8, never splitting a character, marked when cut. */
export function cutCaseText(text: string): string {
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length <= MAX_CASE_TEXT_BYTES) return text;
  const marker = "…";
  const kept = bytes.subarray(0, MAX_CASE_TEXT_BYTES - Buffer.byteLength(marker)).toString("utf8").replace(/\uFFFD$/, "");
  return `${kept}${marker}`;
}

/**
 * The user's stdout split on the run's boundary: element k is what case k+1 printed. The driver
 * writes the boundary followed by a newline, which is the boundary's, not the next case's. What
 * follows the last boundary is the case the program was in when it ended.
 */
export function stdoutByCase(stdout: Buffer, boundary: string): string[] {
  return stdout
    .toString("utf8")
    .split(boundary)
    .map((part, i) => (i > 0 && part.startsWith("\n") ? part.slice(1) : part));
}
