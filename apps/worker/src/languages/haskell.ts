import { realpath } from "node:fs/promises";
import { type Language, PROG_DIR } from "./language.ts";
import { resolveUsrBinary, versionIn } from "./probe.ts";

export const haskell: Language = {
  id: "haskell",
  sourceName: "main.hs",
  async detect({ probe }) {
    const bin = await resolveUsrBinary("/usr/bin/ghc");
    if (bin === null) return null;
    const version = versionIn(await probe(bin, ["--numeric-version"]), /^(\d+\.\d+(?:\.\d+)?)/);
    if (version === null) return null;
    // Debian keeps ghc's package database in /var/lib/ghc behind a symlink from /usr/lib/ghc.
    const packages = await realpath("/usr/lib/ghc/package.conf.d").catch(() => null);
    if (packages === null) return null;
    const binds = packages.startsWith("/usr/") ? [] : [{ host: packages, sandbox: packages }];
    return {
      version: `GHC ${version}`,
      compile: {
        // -outputdir: .o/.hi into /tmp, only the executable in /box.
        argv: [bin, "-O", "-outputdir", "/tmp/ghc", "-o", "/box/main", "/box/main.hs"],
        binds,
        keep: (name) => name === "main",
        pids: 128,
      },
      run: () => ({ argv: [`${PROG_DIR}/main`], pids: 8, outOfMemory: /Heap exhausted|out of memory/ }),
    };
  },
};
