import { realpath } from "node:fs/promises";
import { findJdk, JAVA_RUN_FLAGS } from "./java.ts";
import { type Language, PROG_DIR } from "./language.ts";
import { versionIn } from "./probe.ts";

/** Debian's kotlinc home; its bin/kotlinc is a bash script, so the box runs the JVM directly. */
const KOTLIN_HOME = "/usr/share/kotlin/kotlinc";

export const kotlin: Language = {
  id: "kotlin",
  sourceName: "main.kt",
  async detect() {
    const jdk = await findJdk();
    const lib = await realpath(`${KOTLIN_HOME}/lib`).catch(() => null);
    if (jdk === null || lib === null || !lib.startsWith("/usr/")) return null;
    // Debian's kotlinc calls itself "1.3-SNAPSHOT"; the stdlib jar it links to names the release.
    const stdlib = await realpath(`${lib}/kotlin-stdlib.jar`).catch(() => null);
    const version = versionIn(stdlib, /kotlin-stdlib-(\d+\.\d+\.\d+)\.jar$/);
    if (version === null) return null;
    const binds = jdk.etc === null ? [] : [{ host: jdk.etc, sandbox: jdk.etc }];
    return {
      version,
      compile: {
        argv: [
          `${jdk.home}/bin/java`, "-Xmx768m", "-Xss4m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
          "-cp", `${lib}/kotlin-preloader.jar`, "org.jetbrains.kotlin.preloading.Preloader",
          "-cp", `${lib}/kotlin-compiler.jar`, "org.jetbrains.kotlin.cli.jvm.K2JVMCompiler",
          // The directory, not main.kt: a function problem's program is several files.
          "-kotlin-home", KOTLIN_HOME, "-nowarn", "-d", "/box", "/box",
        ],
        binds,
        keep: (name) => name.endsWith(".class"),
        pids: 128,
      },
      run: ({ memoryBytes, stackBytes }) => ({
        argv: [
          `${jdk.home}/bin/java`, ...JAVA_RUN_FLAGS, "-XX:+UseSerialGC",
          `-Xmx${Math.max(16, Math.floor(memoryBytes / 2 ** 20))}m`,
          `-Xss${Math.max(1, Math.floor(stackBytes / 2 ** 20 / 2))}m`,
          "-cp", `${PROG_DIR}:${lib}/kotlin-stdlib.jar`, "MainKt",
        ],
        binds,
        pids: 64,
        outOfMemory: /java\.lang\.OutOfMemoryError/,
      }),
    };
  },
};
