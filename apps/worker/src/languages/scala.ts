import { realpath } from "node:fs/promises";
import { dirname } from "node:path";
import { findJdk } from "./java.ts";
import { type Language, PROG_DIR } from "./language.ts";
import { versionIn } from "./probe.ts";

/** Where the compile step writes the name of the object to run; kept beside the classes. */
const MAIN_CLASS_FILE = "main-class";

/**
 * scalac (`scala.tools.nsc.Main` on the JVM: Debian's scalac is a bash script reaching for
 * /etc/alternatives), then the object to run. Kattis runs the object named after the file;
 * a submission here has no file name of its own, so the step asks javap which top-level class
 * has a `public static void main(String[])` (an `object` with `def main`, or `extends App`),
 * preferring `Main`, else the first by name, and writes its name to /box/main-class.
 * $1 java, $2 javap, $3 the compiler's class path.
 */
const COMPILE_SCRIPT = `
"$1" -Xmx768m -Xss4m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dscala.usejavacp=true -cp "$3" \\
  scala.tools.nsc.Main -encoding UTF-8 -d /box /box/Main.scala || exit 1
javap=$2
cd /box || exit 1
set --
for f in *.class; do case $f in *'$'*) ;; *.class) set -- "$@" "\${f%.class}" ;; esac; done
[ $# -gt 0 ] || { echo "error: the program defines no object" >&2; exit 1; }
"$javap" -J-XX:+UseSerialGC -J-XX:TieredStopAtLevel=1 -cp /box -public "$@" > /tmp/javap.txt || exit 1
main= current=
while IFS= read -r line; do
  case $line in
    *" class "*) current=\${line#* class }; current=\${current%% *} ;;
    *"public static void main(java.lang.String[]);"*) if [ -z "$main" ] || [ "$current" = Main ]; then main=$current; fi ;;
  esac
done < /tmp/javap.txt
[ -n "$main" ] || { echo "error: no object has a main method (def main(args: Array[String]): Unit, or extends App)" >&2; exit 1; }
printf '%s\\n' "$main" > /box/${MAIN_CLASS_FILE}
`;

/** Reads the object's name and becomes the JVM: $0 is java, "$@" its flags and class path. */
const RUN_SCRIPT = `read -r main < ${PROG_DIR}/${MAIN_CLASS_FILE} && exec "$0" "$@" "$main"`;

export const scala: Language = {
  id: "scala",
  sourceName: "Main.scala",
  async detect({ probe }) {
    const jdk = await findJdk();
    const scalac = await realpath("/usr/bin/scalac").catch(() => null);
    if (jdk === null || scalac === null) return null;
    // Debian's lib/ holds symlinks into /usr/share/java: the box sees /usr, so resolve them here.
    const jar = (name: string) => realpath(`${dirname(dirname(scalac))}/lib/${name}.jar`).catch(() => null);
    const [compiler, library, reflect] = await Promise.all([jar("scala-compiler"), jar("scala-library"), jar("scala-reflect")]);
    if (compiler === null || library === null || reflect === null) return null;
    if (![compiler, library, reflect].every((path) => path.startsWith("/usr/"))) return null;
    const compilerPath = `${compiler}:${library}:${reflect}`;
    const java = `${jdk.home}/bin/java`;
    // The jar the links end at names the release (Debian's scala-compiler-2.11.12.jar), which
    // spares a JVM start at every worker start; `scalac -version` where it does not.
    const version =
      versionIn(compiler, /scala-compiler-(\d+\.\d+\.\d+)\.jar$/) ??
      versionIn(await probe(java, ["-cp", compilerPath, "scala.tools.nsc.Main", "-version"]), /version (\d+\.\d+\.\d+)/);
    if (version === null) return null;
    const binds = jdk.etc === null ? [] : [{ host: jdk.etc, sandbox: jdk.etc }];
    return {
      version,
      compile: {
        argv: ["/bin/sh", "-c", COMPILE_SCRIPT, "sh", java, `${jdk.home}/bin/javap`, compilerPath],
        binds,
        keep: (name) => name.endsWith(".class") || name === MAIN_CLASS_FILE,
        pids: 128,
      },
      run: ({ memoryBytes, stackBytes }) => ({
        argv: [
          "/bin/sh", "-c", RUN_SCRIPT, java, "-XX:+UseSerialGC",
          `-Xmx${Math.max(16, Math.floor(memoryBytes / 2 ** 20))}m`,
          `-Xss${Math.max(1, Math.floor(stackBytes / 2 ** 20 / 2))}m`,
          "-cp", `${PROG_DIR}:${library}`,
        ],
        binds,
        pids: 64,
        outOfMemory: /java\.lang\.OutOfMemoryError/,
      }),
    };
  },
};
