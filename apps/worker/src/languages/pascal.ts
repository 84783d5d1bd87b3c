import { dirname } from "node:path";
import { type Language, PROG_DIR } from "./language.ts";
import { resolveUsrBinary, versionIn } from "./probe.ts";

export const pascal: Language = {
  id: "pascal",
  sourceName: "main.pas",
  async detect({ probe }) {
    // The compiler proper: `fpc` is a driver that finds it through an /etc/alternatives link.
    const bin = await resolveUsrBinary("/usr/bin/ppcx64");
    if (bin === null) return null;
    const version = versionIn(await probe(bin, ["-iV"]), /^(\d+\.\d+\.\d+)/);
    if (version === null) return null;
    return {
      version: `Free Pascal ${version}`,
      compile: {
        // /etc/fpc.cfg is not in the box: -n skips it, and the unit path is fpc's own under /usr.
        argv: [bin, "-n", "-O2", "-XS", "-Mobjfpc", `-Fu${dirname(bin)}/units/x86_64-linux/*`, "-FE/tmp", "-o/box/main", "/box/main.pas"],
        keep: (name) => name === "main",
      },
      run: () => ({ argv: [`${PROG_DIR}/main`], outOfMemory: /Runtime error 203/ }),
    };
  },
};
