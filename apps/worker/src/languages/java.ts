import { realpath, stat } from "node:fs/promises";
import { dirname } from "node:path";
import { type Language, PROG_DIR } from "./language.ts";
import { versionIn } from "./probe.ts";

/**
 * The JDK the /usr/bin/javac alternative points at, resolved on the host: the sandbox has no
 * /etc/alternatives, so it runs the JDK's own binaries.
 */
export async function findJdk(): Promise<{ home: string; etc: string | null } | null> {
  try {
    const javac = await realpath("/usr/bin/javac");
    const home = dirname(dirname(javac));
    if (!home.startsWith("/usr/")) return null;
    // Debian's JDK keeps conf/ as symlinks into /etc/java-N-openjdk.
    const major = /java-(\d+)-/.exec(home)?.[1];
    const etc = major === undefined ? null : `/etc/java-${major}-openjdk`;
    const hasEtc = etc !== null && (await stat(etc).then((s) => s.isDirectory(), () => false));
    return { home, etc: hasEtc ? etc : null };
  } catch {
    return null;
  }
}

/**
 * A function problem's driver writes results to the inherited fd 3, which may be a socket: the
 * JDK can only wrap it through FileDescriptor's private field (docs/function-problems.md).
 */
export const JAVA_RUN_FLAGS = ["--add-opens", "java.base/java.io=ALL-UNNAMED"];

/** javac is a short JVM run: one GC thread and no optimising JIT tier start it fastest. */
const JAVAC_JVM_FLAGS = ["-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"];

export const java: Language = {
  id: "java",
  sourceName: "Main.java",
  async detect({ probe }) {
    const jdk = await findJdk();
    if (jdk === null) return null;
    const version = versionIn(await probe(`${jdk.home}/bin/java`, ["-version"]), /version "([^"]+)"/);
    if (version === null || (await probe(`${jdk.home}/bin/javac`, ["-version"])) === null) return null;
    const binds = jdk.etc === null ? [] : [{ host: jdk.etc, sandbox: jdk.etc }];
    const javac = [
      `${jdk.home}/bin/javac`,
      ...JAVAC_JVM_FLAGS.map((flag) => `-J${flag}`),
      "-J-Xmx512m",
      "-encoding", "UTF-8", "-sourcepath", "/box", "-d", "/box",
    ];
    return {
      version,
      compile: {
        // A function problem's program is several files (Solution.java, ListNode.java, ...):
        // javac compiles those Main.java needs from the source path.
        argv: [...javac, "/box/Main.java"],
        // A multi-file submission: every .java file, as Kattis compiles them.
        argvFor: ({ sources }) => [...javac, ...sources.map((name) => `/box/${name}`)],
        binds,
        keep: (name) => name.endsWith(".class"),
        pids: 128,
      },
      run: ({ memoryBytes, stackBytes, entry }) => ({
        argv: [
          `${jdk.home}/bin/java`,
          ...JAVA_RUN_FLAGS,
          "-XX:+UseSerialGC",
          `-Xmx${Math.max(16, Math.floor(memoryBytes / 2 ** 20))}m`,
          `-Xss${Math.max(1, Math.floor(stackBytes / 2 ** 20 / 2))}m`,
          "-cp", PROG_DIR, entry?.mainClass ?? "Main",
        ],
        binds,
        pids: 64,
        outOfMemory: /java\.lang\.OutOfMemoryError/,
      }),
    };
  },
};
