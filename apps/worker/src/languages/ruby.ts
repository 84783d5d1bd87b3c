import { type Language, PROG_DIR } from "./language.ts";
import { resolveUsrBinary, versionIn } from "./probe.ts";
import { syntaxCheck } from "./syntax-check.ts";

export const ruby: Language = {
  id: "ruby",
  sourceName: "main.rb",
  async detect({ probe }) {
    const bin = await resolveUsrBinary("/usr/bin/ruby");
    if (bin === null) return null;
    const version = versionIn(await probe(bin, ["--version"]), /ruby (\d+\.\d+\.\d+)/);
    if (version === null) return null;
    return {
      version,
      // `ruby -c` parses only (BEGIN blocks included are not run).
      compile: syntaxCheck([bin, "-c", "/box/main.rb"], "main.rb"),
      run: ({ stackBytes }) => ({
        argv: [bin, `${PROG_DIR}/main.rb`],
        // Ruby's own VM stack (1 MiB) ends recursion near depth 10^4, where LeetCode's trees go;
        // it is reserved, not touched, so only the frames used count toward memory.
        env: { RUBY_THREAD_VM_STACK_SIZE: String(Math.min(Math.floor(stackBytes / 2), 256 * 2 ** 20)) },
        outOfMemory: /failed to allocate memory \(NoMemoryError\)/,
      }),
    };
  },
};
