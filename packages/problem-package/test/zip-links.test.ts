import assert from "node:assert/strict";
import { test } from "vitest";
import { PackageError, filesFromZip, parseKattisPackage } from "../src/index.ts";
import { samplePackage, zipOf } from "./sample-package.ts";

const decoder = new TextDecoder();
const refusedZip = (zip: Uint8Array, file: string, reason: RegExp) =>
  assert.throws(() => filesFromZip(zip, "linked"), (e: unknown) => {
    assert.ok(e instanceof PackageError, String(e));
    assert.equal(e.file, file);
    assert.match(e.message, reason);
    return true;
  });

test("a zip's symbolic links inside the package are followed: to a file, through another link, to a folder", () => {
  const zip = zipOf(samplePackage({ "data/sample/1.in": null }), "linked", {
    "data/sample/1.in": "../secret/3.in",
    "data/secret/4.in": "chain",
    "data/secret/chain": "3.in",
    "data/secret/4.ans": "3.ans",
    "data/secret/copy": "group1",
  });
  const { files, topDir } = filesFromZip(zip, "upload");
  assert.equal(topDir, "linked");
  assert.equal(decoder.decode(files.get("data/sample/1.in")), "7 -9\n");
  assert.equal(decoder.decode(files.get("data/secret/4.in")), "7 -9\n");
  assert.equal(decoder.decode(files.get("data/secret/copy/10.ans")), "10\n");
  const problem = parseKattisPackage(files, { slug: "linked" });
  assert.equal(problem.samples[0]?.input, "7 -9\n", "the sample is the linked file's content, not the link's text");
});

test("a zip's symbolic link that leaves the package, is absolute, dangles or loops is refused, naming it", () => {
  refusedZip(zipOf(samplePackage(), "linked", { "data/secret/9.in": "../../../etc/passwd" }), "data/secret/9.in", /outside the package/);
  refusedZip(zipOf(samplePackage(), "linked", { "data/secret/9.in": "/etc/passwd" }), "data/secret/9.in", /outside the package/);
  refusedZip(zipOf(samplePackage(), "linked", { "data/secret/9.in": "8.in" }), "data/secret/9.in", /8\.in, which does not exist/);
  refusedZip(zipOf(samplePackage(), "linked", { "data/a.in": "b.in", "data/b.in": "a.in" }), "data/a.in", /loops/);
});
