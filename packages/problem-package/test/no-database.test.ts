import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { test } from "vitest";

/** Every module the package's main entry loads, following its relative imports. */
function reachableFrom(entry: string): Map<string, string> {
  const seen = new Map<string, string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const source = readFileSync(file, "utf8");
    seen.set(file, source);
    for (const [, spec] of source.matchAll(/(?:import|export)[^"']*?from\s+["']([^"']+)["']/g)) {
      if (spec?.startsWith(".")) visit(resolve(dirname(file), spec));
    }
  };
  visit(entry);
  return seen;
}

test("the package parser loads without the database client (a fresh checkout has no generated Prisma client)", () => {
  const modules = reachableFrom(join(import.meta.dirname, "../src/index.ts"));
  assert.ok(modules.size > 3, `the walk found the parser's modules: ${[...modules.keys()].join(", ")}`);
  for (const [file, source] of modules) {
    // A type-only import is erased at run time; a value import would load the client.
    assert.doesNotMatch(source, /^(?:import|export)(?! type)[^;]*from\s+["'](@judge\/db|@prisma\/client)["']/m, `${file} loads the database client`);
  }
});
