import { type Language, PROG_DIR } from "./language.ts";
import { resolveUsrBinary, versionIn } from "./probe.ts";

export const prolog: Language = {
  id: "prolog",
  sourceName: "main.pl",
  async detect({ probe }) {
    // /usr/bin/swipl links to the real binary under /usr/lib/swi-prolog.
    const bin = await resolveUsrBinary("/usr/bin/swipl");
    if (bin === null) return null;
    const version = versionIn(await probe(bin, ["--version"]), /version (\d+\.\d+\.\d+)/);
    if (version === null) return null;
    return {
      version: `SWI-Prolog ${version}`,
      compile: {
        // Kattis' command: a saved state whose goal is main/0, halting after it.
        argv: [bin, "-O", "-q", "-g", "main", "-t", "halt", "-o", "/box/main", "-c", "/box/main.pl"],
        // Several files (a package's prolog/ folder with its kattio.pl): consulted together.
        argvFor: ({ sources }) => [bin, "-O", "-q", "-g", "main", "-t", "halt", "-o", "/box/main", "-c", ...sources.map((name) => `/box/${name}`)],
        keep: (name) => name === "main",
      },
      run: ({ memoryBytes }) => ({
        // The state is a #!/bin/sh script that execs swipl -x itself: run that directly, with
        // Prolog's stacks bounded by the limit so running out is its own resource error.
        argv: [bin, `--stack-limit=${Math.max(16, Math.floor(memoryBytes / 2 ** 20))}m`, "-x", `${PROG_DIR}/main`, "--"],
        outOfMemory: /Stack limit \([^)]*\) exceeded|Not enough resources/,
      }),
    };
  },
};
