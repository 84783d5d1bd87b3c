import { type Language, PROG_DIR } from "./language.ts";
import { versionIn } from "./probe.ts";

const GPP = "/usr/bin/g++";
/** Shared by the precompiled header and every compile: GCC ignores a PCH built with other flags. */
const FLAGS = ["-std=c++17", "-O2", "-pipe", "-DONLINE_JUDGE"];
const PCH_DIR = "/pch";

export const cpp: Language = {
  id: "cpp",
  sourceName: "main.cpp",
  async detect({ probe, buildOnce }) {
    const version = versionIn(await probe(GPP, ["-dumpfullversion"]), /^(\d+(?:\.\d+)*)/);
    if (version === null) return null;
    // `#include <bits/stdc++.h>` costs ~1.4 s of parsing per compile; GCC looks for
    // `bits/stdc++.h.gch` in each include directory before the header itself, so a PCH in a
    // directory given with -I is picked up with no change to the user's source.
    const pch = await buildOnce({
      key: `cpp-pch ${version} ${FLAGS.join(" ")}`,
      files: { "stdc++.h": "#include <bits/stdc++.h>\n" },
      argv: [GPP, ...FLAGS, "-x", "c++-header", "/box/stdc++.h", "-o", "/box/stdc++.h.gch"],
      output: { file: "stdc++.h.gch", as: "bits/stdc++.h.gch" },
    });
    const head = [GPP, ...FLAGS, ...(pch === null ? [] : [`-I${PCH_DIR}`]), "-o", "/box/main"];
    return {
      version: `GCC ${version}`,
      compile: {
        argv: [...head, "/box/main.cpp"],
        // Every C++ source compiled and linked as one program; headers are found beside them.
        argvFor: ({ sources }) => [...head, ...sources.map((name) => `/box/${name}`)],
        binds: pch === null ? [] : [{ host: pch, sandbox: PCH_DIR }],
        keep: (name) => name === "main",
      },
      run: () => ({ argv: [`${PROG_DIR}/main`] }),
    };
  },
};
