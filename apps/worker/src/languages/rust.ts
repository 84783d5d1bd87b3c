import { type Language, PROG_DIR } from "./language.ts";
import { resolveUsrBinary, versionIn } from "./probe.ts";

export const rust: Language = {
  id: "rust",
  sourceName: "main.rs",
  async detect({ probe }) {
    // Debian's rustc under /usr, never a rustup toolchain in a home directory the box cannot see.
    const bin = await resolveUsrBinary("/usr/bin/rustc");
    // rustc links with `cc`, an /etc/alternatives link the box does not have: name gcc itself.
    const linker = await resolveUsrBinary("/usr/bin/gcc");
    if (bin === null || linker === null) return null;
    const version = versionIn(await probe(bin, ["--version"]), /rustc (\d+\.\d+\.\d+)/);
    if (version === null) return null;
    return {
      version,
      compile: {
        argv: [bin, "--edition=2021", "-O", "-C", "codegen-units=1", "-C", `linker=${linker}`, "--cfg", "online_judge", "-o", "/box/main", "/box/main.rs"],
        keep: (name) => name === "main",
        pids: 128,
      },
      run: () => ({ argv: [`${PROG_DIR}/main`], outOfMemory: /memory allocation of \d+ bytes failed/ }),
    };
  },
};
