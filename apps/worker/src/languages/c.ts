import { type Language, PROG_DIR } from "./language.ts";
import { versionIn } from "./probe.ts";

const GCC = "/usr/bin/gcc";

export const c: Language = {
  id: "c",
  sourceName: "main.c",
  async detect({ probe }) {
    const version = versionIn(await probe(GCC, ["-dumpfullversion"]), /^(\d+(?:\.\d+)*)/);
    if (version === null) return null;
    return {
      version: `GCC ${version}`,
      compile: {
        argv: [GCC, "-std=gnu17", "-O2", "-pipe", "-DONLINE_JUDGE", "-o", "/box/main", "/box/main.c", "-lm"],
        keep: (name) => name === "main",
      },
      run: () => ({ argv: [`${PROG_DIR}/main`] }),
    };
  },
};
