import { type Language, PROG_DIR } from "./language.ts";
import { resolveUsrBinary, versionIn } from "./probe.ts";

export const go: Language = {
  id: "go",
  sourceName: "main.go",
  async detect({ probe }) {
    const bin = await resolveUsrBinary("/usr/bin/go");
    if (bin === null) return null;
    const version = versionIn(await probe(bin, ["version"]), /go version go(\d+\.\d+(?:\.\d+)?)/);
    if (version === null) return null;
    return {
      version,
      compile: {
        argv: [bin, "build", "-o", "/box/main", "/box/main.go"],
        // A build cache private to this compile (in the box's /tmp), no modules, no network. No
        // -trimpath: it changes every package's build flags, so the standard library precompiled
        // under GOROOT no longer matched and each compile rebuilt it (0.7 s became 9-15 s of the
        // 15 s compile CPU limit on a loaded machine).
        env: { GOCACHE: "/tmp/gocache", GOPATH: "/tmp/gopath", GO111MODULE: "off", CGO_ENABLED: "0" },
        keep: (name) => name === "main",
        pids: 128,
      },
      run: ({ memoryBytes }) => ({
        argv: [`${PROG_DIR}/main`],
        // The Go runtime reserves address space freely; GOMEMLIMIT makes its GC work inside the
        // cgroup's budget instead of growing the heap until the OOM killer fires.
        env: { GOMAXPROCS: "1", GOMEMLIMIT: String(Math.floor(memoryBytes * 0.9)) },
        pids: 16,
        outOfMemory: /fatal error: runtime: out of memory/,
      }),
    };
  },
};
