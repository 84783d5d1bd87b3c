import { type Language, PROG_DIR } from "./language.ts";
import { versionIn } from "./probe.ts";

const NODE = "/usr/bin/node";

export const javascript: Language = {
  id: "javascript",
  sourceName: "main.js",
  async detect({ probe }) {
    const version = versionIn(await probe(NODE, ["--version"]), /v(\d+\.\d+\.\d+)/);
    if (version === null) return null;
    return {
      version,
      compile: null,
      run: ({ memoryBytes, stackBytes }) => ({
        argv: [
          NODE,
          // V8 sizes its heap from the host's RAM, not from the cgroup: tell it the real budget so
          // it collects garbage before the box's limit rather than getting OOM-killed with garbage.
          `--max-old-space-size=${Math.max(16, Math.floor(memoryBytes / 2 ** 20))}`,
          // Deep recursion is normal in solutions; stay under RLIMIT_STACK so V8 throws, not SIGSEGV.
          `--stack-size=${Math.max(984, Math.min(65_536, Math.floor((stackBytes / 1024) * 0.8)))}`,
          `${PROG_DIR}/main.js`,
        ],
        outOfMemory: /JavaScript heap out of memory|Reached heap limit/,
      }),
    };
  },
};
