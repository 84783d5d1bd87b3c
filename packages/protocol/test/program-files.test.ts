import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { SubmissionCreate, SubmissionJob, javaPublicClass, programEntry } from "../src/index.ts";

const mainOf = (name: string, extra = "") => `${extra}public class ${name} {\n  public static void main(String[] args) {}\n}\n`;

describe("programEntry: where a program of several files starts", () => {
  test("Java: the class with main, not a nested class declared before it, nor one in a comment", () => {
    const app = "// class Decoy { public static void main(String[] a) {} }\npublic class App {\n  static class Pair {}\n  static public final void main(final String... args) {}\n}\n";
    assert.deepEqual(programEntry("java", { "Util.java": "class Util {}\n", "App.java": app }), { ok: true, mainFile: "App.java", mainClass: "App" });
  });

  test("Java: several mains prefer Main; otherwise, none, or a package, is refused with a reason", () => {
    const two = { "A.java": mainOf("A"), "Main.java": mainOf("Main") };
    assert.deepEqual(programEntry("java", two), { ok: true, mainFile: "Main.java", mainClass: "Main" });
    const ambiguous = programEntry("java", { "A.java": mainOf("A"), "B.java": mainOf("B") });
    assert.ok(!ambiguous.ok && /several classes have a main method \(A, B\)/.test(ambiguous.message));
    const none = programEntry("java", { "A.java": "public class A {}\n" });
    assert.ok(!none.ok && /no class has/.test(none.message));
    const packaged = programEntry("java", { "A.java": mainOf("A", "package contest;\n") });
    assert.ok(!packaged.ok && /package declarations are not supported/.test(packaged.message));
    const classFile = programEntry("java", { "Main.java": mainOf("Main"), "Util.class": "\u00ca\u00fe" });
    assert.ok(!classFile.ok && /Util\.class: send Java source files/.test(classFile.message));
  });

  test("Java: a lone file's public class names it", () => {
    assert.equal(javaPublicClass(mainOf("Solution", "import java.util.*;\n")), "Solution");
    assert.equal(javaPublicClass("class Hidden {}\n"), null);
  });

  test("Python: main.py, else the one __main__ guard, else the first name", () => {
    const lib = "def f():\n    return 1\n";
    const guarded = "import lib\nif __name__ == \"__main__\":\n    print(lib.f())\n";
    assert.deepEqual(programEntry("python", { "lib.py": lib, "run.py": guarded }), { ok: true, mainFile: "run.py" });
    assert.deepEqual(programEntry("python", { "z.py": guarded, "Main.py": lib }), { ok: true, mainFile: "Main.py" });
    assert.deepEqual(programEntry("pypy", { "b.py": lib, "a.py": lib }), { ok: true, mainFile: "a.py" });
  });

  test("C/C++: the file that defines main, for display; none is left to the linker", () => {
    const files = { "h.h": "int f();\n", "f.cpp": "int f() { return 1; }\n", "m.cpp": "// int main() in a comment\nint main() { return f(); }\n" };
    assert.deepEqual(programEntry("cpp", files), { ok: true, mainFile: "m.cpp" });
    assert.deepEqual(programEntry("cpp", { "f.cpp": "int f() { return 1; }\n" }), { ok: true, mainFile: null });
    const headersOnly = programEntry("c", { "a.h": "" });
    assert.ok(!headersOnly.ok && /no c source file/.test(headersOnly.message));
  });

  test("other languages: one file is that file; several are refused naming the languages that take them", () => {
    assert.deepEqual(programEntry("rust", { "sol.rs": "fn main() {}\n" }), { ok: true, mainFile: "sol.rs" });
    const two = programEntry("rust", { "a.rs": "", "b.rs": "" });
    assert.ok(!two.ok && /rust takes one file; several files are accepted for c, cpp, java, python, pypy, prolog/.test(two.message));
  });
});

describe("SubmissionCreate and SubmissionJob with files", () => {
  const base = { problem: "a-plus-b", language: "python" };
  test("files alone are accepted and kept in order", () => {
    const files = [{ name: "b.py", content: "x" }, { name: "a.py", content: "y" }];
    assert.deepEqual(SubmissionCreate.parse({ ...base, files }).files, files);
  });
  test("a job with files parses; a bad name in them does not", () => {
    const job = { v: 1, kind: "submission", submissionId: "s1", language: "python", code: "", problemId: "p", testsHash: "a".repeat(64) };
    assert.ok(SubmissionJob.safeParse({ ...job, files: { "main.py": "print(1)" } }).success);
    assert.ok(!SubmissionJob.safeParse({ ...job, files: { "../main.py": "print(1)" } }).success);
    assert.ok(SubmissionJob.safeParse(job).success, "a job without files, as before");
  });
});
