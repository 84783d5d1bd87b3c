import type { DesignSignature, FunctionSignature, Param, ReturnType, ScalarType, Signature } from "@judge/protocol";
import type { FunctionLanguage, FunctionProgram } from "../function-language.ts";
import { RUST_LIST_NODE, RUST_PRELUDE, RUST_RUNTIME, RUST_TREE_NODE } from "./rust-runtime.ts";
import { shapeOf, snakeCase } from "./shape.ts";
import { nodeTypesOf } from "./signature-types.ts";

/**
 * Rust as LeetCode has it: `impl Solution` with snake_case associated functions, `Vec<i32>`,
 * `Option<Box<ListNode>>`, `Option<Rc<RefCell<TreeNode>>>`, `&mut` for the argument an in-place
 * function changes, a design problem as a struct with `new` and methods. The user's code is
 * `include!`d from solution.rs, so errors and panics give its own line numbers. No crates
 * beyond std (LeetCode offers `rand` and `regex`; rustc alone has none).
 */

const SOLUTION_FILE = "solution.rs";

const scalars: Record<ScalarType, string> = {
  integer: "i32",
  long: "i64",
  double: "f64",
  boolean: "bool",
  string: "String",
  character: "char",
};

function rustType(type: Exclude<ReturnType, "void">): string {
  const shape = shapeOf(type);
  switch (shape.kind) {
    case "scalar":
      return scalars[shape.scalar];
    case "array":
      return shape.depth === 1 ? `Vec<${scalars[shape.scalar]}>` : `Vec<Vec<${scalars[shape.scalar]}>>`;
    case "ListNode":
      return "Option<Box<ListNode>>";
    case "TreeNode":
      return "Option<Rc<RefCell<TreeNode>>>";
  }
}

/** The driver's spelling of a type: full paths, since its module has no `use` of the user's. */
function driverType(type: Exclude<ReturnType, "void">): string {
  return rustType(type).replace("Rc<RefCell<TreeNode>>", "std::rc::Rc<std::cell::RefCell<TreeNode>>");
}

function rustParams(params: readonly Param[], mutable: number | null): string {
  return params.map((p, i) => `${snakeCase(p.name)}: ${i === mutable ? "&mut " : ""}${rustType(p.type)}`).join(", ");
}

function rustResult(returns: ReturnType): string {
  return returns === "void" ? "" : ` -> ${rustType(returns)}`;
}

const LIST_NODE_COMMENT = `// Definition for singly-linked list.
// #[derive(PartialEq, Eq, Clone, Debug)]
// pub struct ListNode {
//   pub val: i32,
//   pub next: Option<Box<ListNode>>
// }
// 
// impl ListNode {
//   #[inline]
//   fn new(val: i32) -> Self {
//     ListNode {
//       next: None,
//       val
//     }
//   }
// }
`;

const TREE_NODE_COMMENT = `// Definition for a binary tree node.
// #[derive(Debug, PartialEq, Eq)]
// pub struct TreeNode {
//   pub val: i32,
//   pub left: Option<Rc<RefCell<TreeNode>>>,
//   pub right: Option<Rc<RefCell<TreeNode>>>,
// }
// 
// impl TreeNode {
//   #[inline]
//   pub fn new(val: i32) -> Self {
//     TreeNode {
//       val,
//       left: None,
//       right: None
//     }
//   }
// }
use std::rc::Rc;
use std::cell::RefCell;
`;

function nodeComments(signature: Signature): string {
  const nodes = nodeTypesOf(signature);
  return (nodes.list ? LIST_NODE_COMMENT : "") + (nodes.tree ? TREE_NODE_COMMENT : "");
}

function starter(signature: Signature): string {
  if (signature.kind === "function") {
    const mutable = signature.returns === "void" ? (signature.output?.paramIndex ?? 0) : null;
    return `${nodeComments(signature)}impl Solution {
    pub fn ${snakeCase(signature.name)}(${rustParams(signature.params, mutable)})${rustResult(signature.returns)} {
        
    }
}`;
  }
  return designStarter(signature);
}

function designStarter(signature: DesignSignature): string {
  const { className } = signature;
  const members = [
    `    fn new(${rustParams(signature.constructorParams, null)}) -> Self {\n        \n    }`,
    ...signature.methods.map((m) => {
      const params = ["&self", ...(m.params.length > 0 ? [rustParams(m.params, null)] : [])].join(", ");
      return `    fn ${snakeCase(m.name)}(${params})${rustResult(m.returns)} {\n        \n    }`;
    }),
  ];
  const calls = signature.methods.map((m, i) => {
    const call = `obj.${snakeCase(m.name)}(${m.params.map((p) => snakeCase(p.name)).join(", ")});`;
    return m.returns === "void" ? ` * ${call}` : ` * let ret_${i + 1}: ${rustType(m.returns)} = ${call}`;
  });
  return `${nodeComments(signature)}struct ${className} {

}


/** 
 * \`&self\` means the method takes an immutable reference.
 * If you need a mutable reference, change it to \`&mut self\` instead.
 */
impl ${className} {

${members.join("\n    \n")}
}

/**
 * Your ${className} object will be instantiated and called as such:
 * let obj = ${className}::new(${signature.constructorParams.map((p) => snakeCase(p.name)).join(", ")});
${calls.join("\n")}
 */`;
}

function readArgs(params: readonly Param[], prefix: string, indent: string): string {
  return params.map((p, i) => `${indent}let mut ${prefix}${i}: ${driverType(p.type)} = Decode::decode(input);\n`).join("");
}

function argList(params: readonly Param[], prefix: string, mutable: number | null = null): string {
  return params.map((_, i) => `${i === mutable ? "&mut " : ""}${prefix}${i}`).join(", ");
}

function functionCase(signature: FunctionSignature): string {
  const name = `crate::Solution::${snakeCase(signature.name)}`;
  if (signature.returns === "void") {
    const index = signature.output?.paramIndex ?? 0;
    return `${readArgs(signature.params, "a", "        ")}        ${name}(${argList(signature.params, "a", index)});\n        a${index}.encode(out);\n`;
  }
  return `${readArgs(signature.params, "a", "        ")}        let result: ${driverType(signature.returns)} = ${name}(${argList(signature.params, "a")});\n        result.encode(out);\n`;
}

function designCase(signature: DesignSignature): string {
  const arms = signature.methods.map((m, index) => {
    const call = `obj.${snakeCase(m.name)}(${argList(m.params, "a")})`;
    const body =
      m.returns === "void"
        ? `                ${call};\n                out.extend_from_slice(b"null");\n`
        : `                let result: ${driverType(m.returns)} = ${call};\n                result.encode(out);\n`;
    return `            ${index} => {\n${readArgs(m.params, "a", "                ")}${body}            }\n`;
  });
  return `${readArgs(signature.constructorParams, "c", "        ")}        let mut obj = crate::${signature.className}::new(${argList(signature.constructorParams, "c")});
        out.extend_from_slice(b"[null");
        let calls: usize = input.number();
        for _ in 0..calls {
            out.push(b',');
            let method: usize = input.number();
            match method {
${arms.join("")}            _ => panic!("judge driver: no such method"),
        }
        }
        out.push(b']');
`;
}

function program(signature: Signature, code: string): FunctionProgram {
  const body = signature.kind === "function" ? functionCase(signature) : designCase(signature);
  // `#![allow(unused)]` and the like are crate attributes, refused inside include!: they move to
  // the top of main.rs, an empty line keeping the user's numbering.
  const crateAttributes: string[] = [];
  const user = code.replace(/^[ \t]*#!\[.*\][ \t]*$/gm, (attribute) => {
    crateAttributes.push(attribute.trim());
    return "";
  });
  const declares = (name: string) => new RegExp(`^\\s*(?:pub(?:\\([^)]*\\))?\\s+)?struct\\s+${name}\\b`, "m").test(user);
  const prelude = [...crateAttributes, RUST_PRELUDE, declares("ListNode") ? "" : RUST_LIST_NODE, declares("TreeNode") ? "" : RUST_TREE_NODE].join("\n");
  const main = `${prelude}
include!("${SOLUTION_FILE}");

#[allow(unused_mut, unused_variables, dead_code, unused_imports)]
mod judge_driver {
${RUST_RUNTIME}
    fn run_case(input: &mut Input, out: &mut Vec<u8>) {
${body}    }
}

fn main() {
    judge_driver::main();
}
`;
  // LeetCode's design starter ends with a doc comment (`/** Your LRUCache object will be ...
  // */`), which rustc refuses at the end of a file: an item after the user's last line gives it
  // something to document.
  const solution = `${user}\n#[allow(dead_code)]\nstruct JudgeEndOfSolution;\n`;
  return { main: "main.rs", files: { "main.rs": main, [SOLUTION_FILE]: solution } };
}

export const rust: FunctionLanguage = { id: "rust", starter, program };
