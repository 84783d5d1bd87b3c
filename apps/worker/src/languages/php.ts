import { type Language, PROG_DIR } from "./language.ts";
import { resolveUsrBinary, versionIn } from "./probe.ts";
import { syntaxCheck } from "./syntax-check.ts";

export const php: Language = {
  id: "php",
  sourceName: "main.php",
  async detect({ probe }) {
    const bin = await resolveUsrBinary("/usr/bin/php");
    if (bin === null) return null;
    const version = versionIn(await probe(bin, ["-n", "--version"]), /PHP (\d+\.\d+\.\d+)/);
    if (version === null) return null;
    return {
      version,
      // -n: no php.ini (the sandbox has no /etc); -l: lint only.
      compile: syntaxCheck([bin, "-n", "-l", "/box/main.php"], "main.php"),
      run: ({ memoryBytes }) => ({
        // PHP's own heap cap at the problem's limit, so running out is its clean fatal error.
        argv: [bin, "-n", "-d", `memory_limit=${memoryBytes}`, "-d", "display_errors=stderr", `${PROG_DIR}/main.php`],
        outOfMemory: /Allowed memory size of \d+ bytes exhausted/,
      }),
    };
  },
};
