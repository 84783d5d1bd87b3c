import type { LanguageId, Verdict } from "@judge/protocol";

/**
 * One program per language that picks its behaviour from its input "a b", so each language
 * compiles once for every verdict (kotlinc and ghc take seconds per compile):
 *   a = -1: loop forever (TLE)    a = -2: fail (RE)    a = -3: hold 512 MiB (MLE)
 *   a = -4: print a+b+1 (WA)      otherwise: print a+b (AC)
 * plus one source that must not compile (CE).
 */
export interface ModalProgram {
  modal: string;
  ce: string;
  /**
   * Where set, its test judges AC, these verdicts and CE instead of every verdict, to keep CI
   * within its budget: Kattis' languages (Scala's JVM compiles for seconds; the others'
   * remaining verdicts were seen once by hand, docs/problem-packages.md).
   */
  brief?: readonly Exclude<Verdict, "AC" | "CE" | "OLE" | "IE">[];
}

export const modalPrograms: Partial<Record<LanguageId, ModalProgram>> = {
  java: {
    modal: `import java.util.*;
public class Main {
  public static void main(String[] args) {
    Scanner in = new Scanner(System.in);
    long a = in.nextLong(), b = in.nextLong();
    if (a == -1) { while (true) {} }
    if (a == -2) throw new RuntimeException("boom");
    if (a == -3) { List<long[]> keep = new ArrayList<>(); for (int i = 0; i < 512; i++) keep.add(new long[1 << 17]); System.out.println(keep.size()); }
    if (a == -4) b++;
    System.out.println(a + b);
  }
}
`,
    ce: "public class Main { public static void main(String[] args) { int x = ; } }\n",
  },
  typescript: {
    modal: `import { readFileSync } from "fs";
const [a, b]: number[] = readFileSync(0, "utf8").trim().split(/\\s+/).map(Number);
if (a === -1) for (;;) {}
if (a === -2) throw new Error("boom");
if (a === -3) { const keep: Buffer[] = []; for (let i = 0; i < 512; i++) keep.push(Buffer.alloc(1 << 20, 1)); }
console.log(String(a + (a === -4 ? b + 1 : b)));
`,
    ce: "const x: number = ;\n",
  },
  go: {
    modal: `package main

import "fmt"

func main() {
	var a, b int64
	fmt.Scan(&a, &b)
	if a == -1 {
		for {
		}
	}
	if a == -2 {
		panic("boom")
	}
	if a == -3 {
		keep := make([][]byte, 0)
		for i := 0; i < 512; i++ {
			s := make([]byte, 1<<20)
			for j := range s {
				s[j] = 1
			}
			keep = append(keep, s)
		}
		fmt.Println(len(keep))
	}
	if a == -4 {
		b++
	}
	fmt.Println(a + b)
}
`,
    ce: "package main\n\nfunc main() { x := }\n",
  },
  rust: {
    modal: `use std::io::Read;
fn main() {
    let mut s = String::new();
    std::io::stdin().read_to_string(&mut s).unwrap();
    let v: Vec<i64> = s.split_whitespace().map(|x| x.parse().unwrap()).collect();
    let (a, mut b) = (v[0], v[1]);
    if a == -1 { loop {} }
    if a == -2 { panic!("boom"); }
    if a == -3 { let mut keep = Vec::new(); for _ in 0..512 { keep.push(vec![1u8; 1 << 20]); } println!("{}", keep.len()); }
    if a == -4 { b += 1; }
    println!("{}", a + b);
}
`,
    ce: "fn main() { let x: i32 = ; }\n",
  },
  pypy: {
    modal: `a, b = map(int, input().split())
if a == -1:
    while True:
        pass
if a == -2:
    raise ValueError("boom")
if a == -3:
    keep = [bytearray(b"x") * (1 << 20) for _ in range(512)]
if a == -4:
    b += 1
print(a + b)
`,
    ce: "def (:\n",
  },
  ruby: {
    modal: `a, b = STDIN.read.split.map(&:to_i)
loop {} if a == -1
raise "boom" if a == -2
if a == -3
  keep = []
  512.times { keep << ("x" * (1 << 20)) }
end
b += 1 if a == -4
puts a + b
`,
    ce: "def (\n",
  },
  php: {
    modal: `<?php
[$a, $b] = array_map('intval', preg_split('/\\s+/', trim(stream_get_contents(STDIN))));
if ($a == -1) { while (true) {} }
if ($a == -2) { throw new Exception("boom"); }
if ($a == -3) { $keep = []; for ($i = 0; $i < 512; $i++) $keep[] = str_repeat("x", 1 << 20); }
if ($a == -4) $b++;
echo $a + $b, "\\n";
`,
    ce: "<?php echo (;\n",
  },
  csharp: {
    modal: `using System;
using System.Collections.Generic;
public class Program {
  public static void Main() {
    var t = Console.In.ReadToEnd().Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
    long a = long.Parse(t[0]), b = long.Parse(t[1]);
    if (a == -1) { while (true) {} }
    if (a == -2) throw new Exception("boom");
    if (a == -3) { var keep = new List<byte[]>(); for (int i = 0; i < 512; i++) { var x = new byte[1 << 20]; for (int j = 0; j < x.Length; j += 4096) x[j] = 1; keep.Add(x); } }
    if (a == -4) b++;
    Console.WriteLine(a + b);
  }
}
`,
    ce: "public class Program { public static void Main() { int x = ; } }\n",
  },
  kotlin: {
    modal: `fun main() {
    val (a, b0) = readLine()!!.trim().split(" ").filter { it.isNotEmpty() }.map { it.toLong() }
    var b = b0
    if (a == -1L) { while (true) {} }
    if (a == -2L) throw RuntimeException("boom")
    if (a == -3L) { val keep = ArrayList<LongArray>(); for (i in 0 until 512) keep.add(LongArray(1 shl 17)); println(keep.size) }
    if (a == -4L) b += 1
    println(a + b)
}
`,
    ce: "fun main() { val x: Int = }\n",
  },
  haskell: {
    modal: `main :: IO ()
main = do
  s <- getContents
  let [a, b] = map read (words s) :: [Integer]
  case a of
    -1 -> print (spin 0)
    -2 -> error "boom"
    -3 -> let xs = [1 .. 100000000] :: [Integer] in print (sum xs + fromIntegral (length xs))
    -4 -> print (a + b + 1)
    _ -> print (a + b)

-- A strict counter that never reaches -1: a loop in constant memory.
spin :: Int -> Int
spin n = if n == -1 then n else spin (n + 1)
`,
    ce: "main = print (\n",
  },
  pascal: {
    modal: `program Main;
var a, b: Int64; i: Integer; p: PByte;
begin
  ReadLn(a, b);
  if a = -1 then while True do ;
  if a = -2 then Halt(3);
  if a = -3 then for i := 1 to 512 do begin GetMem(p, 1 shl 20); FillChar(p^, 1 shl 20, 1); end;
  if a = -4 then Inc(b);
  WriteLn(a + b);
end.
`,
    ce: "program Main;\nbegin\n  x := ;\nend.\n",
  },
  lua: {
    modal: `local a, b = io.read("n", "n")
if a == -1 then while true do end end
if a == -2 then error("boom") end
if a == -3 then local keep = {} for i = 1, 512 do keep[i] = string.rep("x", 1 << 20) end end
if a == -4 then b = b + 1 end
print(a + b)
`,
    ce: "x = = 1\n",
  },
  scala: {
    // Not named Main: the compile step finds the object that has a main method, as Kattis does.
    modal: `object Solution {
  def main(args: Array[String]): Unit = {
    val Array(a, b0) = scala.io.Source.stdin.mkString.trim.split("\\\\s+").map(_.toLong)
    var b = b0
    if (a == -1) while (true) {}
    if (a == -2) throw new RuntimeException("boom")
    if (a == -3) { val keep = new scala.collection.mutable.ArrayBuffer[Array[Long]]; for (i <- 0 until 512) keep += new Array[Long](1 << 17); println(keep.size) }
    if (a == -4) b += 1
    println(a + b)
  }
}
`,
    ce: "object Main { def main(args: Array[String]): Unit = { val x: Int = } }\n",
    brief: [],
  },
  ocaml: {
    modal: `let () =
  let a, b = Scanf.scanf " %d %d" (fun a b -> (a, b)) in
  if a = -1 then while true do () done;
  if a = -2 then failwith "boom";
  if a = -3 then begin
    let keep = Array.init 512 (fun _ -> Bytes.make (1 lsl 20) 'x') in
    Printf.printf "%d\n" (Array.length keep)
  end;
  let b = if a = -4 then b + 1 else b in
  Printf.printf "%d\n" (a + b)
`,
    ce: "let x = ;;\n",
    brief: ["RE"],
  },
  lisp: {
    modal: `(let ((a (read)) (b (read)))
  (when (= a -1) (loop))
  (when (= a -2) (error "boom"))
  (when (= a -3)
    (let ((keep (loop repeat 512 collect (make-array (ash 1 20) :element-type '(unsigned-byte 8) :initial-element 1))))
      (format t "~a~%" (length keep))))
  (when (= a -4) (incf b))
  (format t "~a~%" (+ a b)))
`,
    ce: "(defun f (x)\n",
    // MLE: the heap is sized to the limit, and SBCL's "Heap exhausted" must read as MLE.
    brief: ["RE", "MLE"],
  },
  prolog: {
    modal: `main :-
    read_string(user_input, _, S),
    split_string(S, " \\n", " \\n", Parts), exclude(==(""), Parts, [SA, SB]),
    number_string(A, SA), number_string(B0, SB),
    ( A =:= -1 -> spin ; true ),
    ( A =:= -2 -> throw(boom) ; true ),
    ( A =:= -3 -> numlist(1, 50000000, L), length(L, N), write(N), nl ; true ),
    ( A =:= -4 -> B is B0 + 1 ; B = B0 ),
    C is A + B, write(C), nl.

spin :- spin.
`,
    ce: "main :- x(.\n",
    // MLE: the stacks are bounded by the limit, and their overflow must read as MLE.
    brief: ["RE", "MLE"],
  },
};
