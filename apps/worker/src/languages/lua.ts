import { type Language, PROG_DIR } from "./language.ts";
import { resolveUsrBinary, versionIn } from "./probe.ts";
import { syntaxCheck } from "./syntax-check.ts";

export const lua: Language = {
  id: "lua",
  sourceName: "main.lua",
  async detect({ probe }) {
    const bin = await resolveUsrBinary("/usr/bin/lua5.4");
    const luac = await resolveUsrBinary("/usr/bin/luac5.4");
    if (bin === null || luac === null) return null;
    const version = versionIn(await probe(bin, ["-v"]), /Lua (\d+\.\d+\.\d+)/);
    if (version === null) return null;
    return {
      version,
      // -p: parse only, write nothing.
      compile: syntaxCheck([luac, "-p", "/box/main.lua"], "main.lua"),
      run: () => ({ argv: [bin, `${PROG_DIR}/main.lua`], outOfMemory: /not enough memory/ }),
    };
  },
};
