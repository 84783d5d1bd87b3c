import { type Language, PROG_DIR } from "./language.ts";
import { resolveUsrBinary, versionIn } from "./probe.ts";

export const ocaml: Language = {
  id: "ocaml",
  sourceName: "main.ml",
  async detect({ probe }) {
    // ocamlopt is an /etc/alternatives link to ocamlopt.opt (or .byte): run the real one.
    const bin = await resolveUsrBinary("/usr/bin/ocamlopt");
    if (bin === null) return null;
    const version = versionIn(await probe(bin, ["-version"]), /^(\d+\.\d+\.\d+)/);
    if (version === null) return null;
    return {
      version,
      compile: {
        // Kattis' command: native code, with the unix, str and bigarray libraries linked in.
        // ocamlopt leaves main.cmi/.cmx/.o beside the source; only the executable is kept.
        argv: [bin, "-o", "/box/main", "unix.cmxa", "str.cmxa", "bigarray.cmxa", "/box/main.ml"],
        keep: (name) => name === "main",
      },
      run: () => ({ argv: [`${PROG_DIR}/main`], outOfMemory: /Fatal error: out of memory/ }),
    };
  },
};
