import { stat } from "node:fs/promises";
import { type Language, PROG_DIR } from "./language.ts";
import { resolveUsrBinary, versionIn } from "./probe.ts";

/** Mono reads its assembly map and machine.config from /etc/mono: shown read-only in the box. */
const MONO_ETC = "/etc/mono";
const MCS_EXE = "/usr/lib/mono/4.5/mcs.exe";

export const csharp: Language = {
  id: "csharp",
  sourceName: "main.cs",
  async detect({ probe }) {
    const mono = await resolveUsrBinary("/usr/bin/mono");
    const hasMcs = await stat(MCS_EXE).then((s) => s.isFile(), () => false);
    const hasEtc = await stat(MONO_ETC).then((s) => s.isDirectory(), () => false);
    if (mono === null || !hasMcs || !hasEtc) return null;
    const version = versionIn(await probe(mono, ["--version"]), /version (\d+\.\d+\.\d+(?:\.\d+)?)/);
    if (version === null) return null;
    const binds = [{ host: MONO_ETC, sandbox: MONO_ETC }];
    // Mono writes a per-user registry/config under HOME unless told it has none to share.
    const env = { MONO_SHARED_DIR: "/tmp", MONO_ENV_OPTIONS: "" };
    return {
      version: `Mono ${version}`,
      compile: {
        // System.Numerics: BigInteger, which LeetCode's C# (and many a contest solution) has in reach.
        // -debug writes main.exe.mdb, from which `mono --debug` gives a stack trace its file and
        // line (a function problem's user code keeps its own through #line).
        argv: [mono, MCS_EXE, "-debug", "-optimize+", "-r:System.Numerics.dll", "-define:ONLINE_JUDGE", "-out:/box/main.exe", "/box/main.cs"],
        binds,
        env,
        keep: (name) => name === "main.exe" || name === "main.exe.mdb",
        pids: 64,
      },
      run: () => ({
        argv: [mono, "--debug", `${PROG_DIR}/main.exe`],
        binds,
        env,
        pids: 32,
        outOfMemory: /System\.OutOfMemoryException/,
      }),
    };
  },
};
