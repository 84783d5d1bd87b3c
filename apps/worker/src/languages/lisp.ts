import { type Language, PROG_DIR } from "./language.ts";
import { resolveUsrBinary, versionIn } from "./probe.ts";

/**
 * Kattis' test of a compile: `compile-file` returning NIL (a read error, an aborted file) is a
 * compilation error; warnings (an undefined function, a wrong argument count) are not.
 */
const COMPILE_FORM = '(if (null (compile-file "/box/main.lisp" :output-file "/box/main.fasl")) (sb-ext:exit :code 43))';

export const lisp: Language = {
  id: "lisp",
  sourceName: "main.lisp",
  async detect({ probe }) {
    const bin = await resolveUsrBinary("/usr/bin/sbcl");
    if (bin === null) return null;
    const version = versionIn(await probe(bin, ["--version"]), /^SBCL (\d+\.\d+\.\d+)/);
    if (version === null) return null;
    return {
      version: `SBCL ${version}`,
      compile: {
        // Compiled once to a fasl, so a run loads machine code instead of compiling the source
        // again on every test (Kattis' run command loads the source file).
        argv: [bin, "--noinform", "--no-sysinit", "--no-userinit", "--disable-debugger", "--non-interactive", "--eval", COMPILE_FORM],
        keep: (name) => name === "main.fasl",
      },
      run: ({ memoryBytes, stackBytes }) => ({
        // The heap sized to the limit: running out is SBCL's own "Heap exhausted" report, not
        // a kill by the cgroup; --script: no init files, no debugger, stdin/stdout as given.
        argv: [
          bin,
          "--dynamic-space-size", `${Math.max(64, Math.floor(memoryBytes / 2 ** 20))}MB`,
          "--control-stack-size", `${Math.max(2, Math.floor(stackBytes / 2 ** 20 / 2))}MB`,
          "--script", `${PROG_DIR}/main.fasl`,
        ],
        outOfMemory: /Heap exhausted/,
      }),
    };
  },
};
