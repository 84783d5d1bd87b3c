import { z } from "zod";

/** Every language id the judge knows. A worker offers the subset whose toolchain it has. */
export const LanguageId = z.enum([
  "c",
  "cpp",
  "python",
  "javascript",
  "typescript",
  "java",
  "go",
  "rust",
  "pypy",
  "ruby",
  "php",
  "csharp",
  "kotlin",
  "haskell",
  "pascal",
  "lua",
  "scala",
  "ocaml",
  "lisp",
  "prolog",
]);
export type LanguageId = z.infer<typeof LanguageId>;

/** A language as a live worker advertises it (and as `GET /api/languages` lists it). */
export const LanguageInfo = z.object({
  id: LanguageId,
  name: z.string(),
  version: z.string(),
});
export type LanguageInfo = z.infer<typeof LanguageInfo>;

interface LanguageDisplay {
  name: string;
  /** Source file extension, also the editor's mode key. */
  extension: string;
  /** Starter code: reads stdin, writes stdout. */
  starter: string;
}

/** Names and starter templates; `Record` so that a new id without an entry fails to compile. */
export const languageDisplay: Record<LanguageId, LanguageDisplay> = {
  c: {
    name: "C",
    extension: "c",
    starter: "#include <stdio.h>\n\nint main(void) {\n    \n    return 0;\n}\n",
  },
  cpp: {
    name: "C++",
    extension: "cpp",
    starter:
      "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    ios::sync_with_stdio(false);\n    cin.tie(nullptr);\n    \n    return 0;\n}\n",
  },
  python: {
    name: "Python 3",
    extension: "py",
    starter: "import sys\n\n\ndef main() -> None:\n    data = sys.stdin.read().split()\n    \n\n\nmain()\n",
  },
  javascript: {
    name: "JavaScript (Node)",
    extension: "js",
    starter:
      'const input = require("fs").readFileSync(0, "utf8").trim().split(/\\s+/);\n\n',
  },
  typescript: {
    name: "TypeScript",
    extension: "ts",
    starter:
      'import { readFileSync } from "fs";\n\nconst input: string[] = readFileSync(0, "utf8").trim().split(/\\s+/);\n\n',
  },
  java: {
    name: "Java",
    extension: "java",
    starter:
      "import java.util.*;\nimport java.io.*;\n\npublic class Main {\n    public static void main(String[] args) throws IOException {\n        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));\n        \n    }\n}\n",
  },
  go: {
    name: "Go",
    extension: "go",
    starter:
      'package main\n\nimport (\n\t"bufio"\n\t"fmt"\n\t"os"\n)\n\nfunc main() {\n\tin := bufio.NewReader(os.Stdin)\n\tout := bufio.NewWriter(os.Stdout)\n\tdefer out.Flush()\n\t_ = in\n\tfmt.Fprintln(out)\n}\n',
  },
  rust: {
    name: "Rust",
    extension: "rs",
    starter:
      "use std::io::{self, Read};\n\nfn main() {\n    let mut input = String::new();\n    io::stdin().read_to_string(&mut input).unwrap();\n    \n}\n",
  },
  pypy: {
    name: "PyPy 3",
    extension: "py",
    starter: "import sys\n\ndata = sys.stdin.read().split()\n",
  },
  ruby: { name: "Ruby", extension: "rb", starter: "data = STDIN.read.split\n" },
  php: { name: "PHP", extension: "php", starter: "<?php\n$data = preg_split('/\\s+/', trim(stream_get_contents(STDIN)));\n" },
  csharp: {
    name: "C#",
    extension: "cs",
    starter:
      "using System;\n\npublic class Program {\n    public static void Main() {\n        var data = Console.In.ReadToEnd().Split((char[])null, StringSplitOptions.RemoveEmptyEntries);\n    }\n}\n",
  },
  kotlin: {
    name: "Kotlin",
    extension: "kt",
    starter: "fun main() {\n    val data = generateSequence(::readLine).joinToString(\" \").split(\" \").filter { it.isNotEmpty() }\n}\n",
  },
  haskell: { name: "Haskell", extension: "hs", starter: "main :: IO ()\nmain = do\n  input <- getContents\n  return ()\n" },
  pascal: { name: "Pascal", extension: "pas", starter: "program Main;\nbegin\nend.\n" },
  lua: { name: "Lua", extension: "lua", starter: "local data = io.read(\"a\")\n" },
  scala: {
    name: "Scala",
    extension: "scala",
    starter:
      "object Main {\n  def main(args: Array[String]): Unit = {\n    val data = scala.io.Source.stdin.mkString.split(\"\\\\s+\").filter(_.nonEmpty)\n    \n  }\n}\n",
  },
  ocaml: {
    name: "OCaml",
    extension: "ml",
    starter:
      "let () =\n  let rec lines acc = match input_line stdin with\n    | line -> lines (line :: acc)\n    | exception End_of_file -> List.rev acc in\n  let data = String.split_on_char ' ' (String.concat \" \" (lines [])) |> List.filter ((<>) \"\") in\n  ignore data\n",
  },
  lisp: { name: "Common Lisp", extension: "lisp", starter: "(let ((a (read *standard-input* nil)) (b (read *standard-input* nil)))\n  (declare (ignorable a b)))\n" },
  prolog: {
    name: "Prolog",
    extension: "pl",
    starter: "main :-\n    read_string(user_input, _, Input),\n    split_string(Input, \" \\n\", \" \\n\", _Words).\n",
  },
};
