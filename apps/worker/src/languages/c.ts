import { type Language, PROG_DIR } from "./language.ts";
import { versionIn } from "./probe.ts";

const GCC = "/usr/bin/gcc";
const FLAGS = [GCC, "-std=gnu17", "-O2", "-pipe", "-DONLINE_JUDGE", "-o", "/box/main"];

export const c: Language = {
  id: "c",
  sourceName: "main.c",
  async detect({ probe }) {
    const version = versionIn(await probe(GCC, ["-dumpfullversion"]), /^(\d+(?:\.\d+)*)/);
    if (version === null) return null;
    return {
      version: `GCC ${version}`,
      compile: {
        argv: [...FLAGS, "/box/main.c", "-lm"],
        // Every .c file compiled and linked as one program; headers are found beside them.
        argvFor: ({ sources }) => [...FLAGS, ...sources.map((name) => `/box/${name}`), "-lm"],
        keep: (name) => name === "main",
      },
      run: () => ({ argv: [`${PROG_DIR}/main`] }),
    };
  },
};
