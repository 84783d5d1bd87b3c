import { type DesignSignature, type FunctionSignature, type ReturnType, type Signature, elementType } from "@judge/protocol";
import type { FunctionLanguage } from "../function-language.ts";
import { nodeTypesOf } from "./signature-types.ts";

/**
 * LeetCode's Ruby: a top-level `def two_sum(nums, target)` under YARD-style comments, a design
 * class with `=begin ... =end` blocks, every method and parameter in snake_case. The program is
 * the user's code first (line numbers stay theirs, `ruby -c` checks both) and the driver after.
 */

/** LeetCode's Ruby name for a camelCase one: `twoSum` → `two_sum`, `isValidBST` → `is_valid_bst`. */
export function rubyName(name: string): string {
  return name
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .replace(/([a-z\d])([A-Z])/g, "$1_$2")
    .toLowerCase();
}

const LIST_NODE = `# Definition for singly-linked list.
# class ListNode
#     attr_accessor :val, :next
#     def initialize(val = 0, _next = nil)
#         @val = val
#         @next = _next
#     end
# end
`;

const TREE_NODE = `# Definition for a binary tree node.
# class TreeNode
#     attr_accessor :val, :left, :right
#     def initialize(val = 0, left = nil, right = nil)
#         @val = val
#         @left = left
#         @right = right
#     end
# end
`;

function rubyType(type: ReturnType): string {
  if (type === "void") return "Void";
  const element = elementType(type);
  if (element !== null) return `${rubyType(element)}[]`;
  switch (type) {
    case "integer":
    case "long":
      return "Integer";
    case "double":
      return "Float";
    case "boolean":
      return "Boolean";
    case "string":
      return "String";
    case "character":
      return "Character";
    default:
      return type;
  }
}

const argList = (params: FunctionSignature["params"]) => params.map((p) => rubyName(p.name)).join(", ");

function functionStarter(s: FunctionSignature): string {
  const lines = s.params.map((p) => `# @param {${rubyType(p.type)}} ${rubyName(p.name)}`);
  if (s.returns === "void") {
    const target = rubyName(s.params[s.output?.paramIndex ?? 0]!.name);
    lines.push(`# @return {Void} Do not return anything, modify ${target} in-place instead.`);
  } else {
    lines.push(`# @return {${rubyType(s.returns)}}`);
  }
  lines.push(`def ${rubyName(s.name)}(${argList(s.params)})`, "    ", "end");
  return lines.join("\n");
}

function designStarter(s: DesignSignature): string {
  const types = (params: FunctionSignature["params"]) => params.map((p) => `    :type ${rubyName(p.name)}: ${rubyType(p.type)}\n`).join("");
  // With no constructor parameters LeetCode has no comment block and no blank line before initialize.
  let out =
    s.constructorParams.length === 0
      ? `class ${s.className}\n    def initialize()\n        \n    end\n\n\n`
      : `class ${s.className}\n\n=begin\n${types(s.constructorParams)}=end\n    def initialize(${argList(s.constructorParams)})\n        \n    end\n\n\n`;
  for (const m of s.methods) {
    out += `=begin\n${types(m.params)}    :rtype: ${rubyType(m.returns)}\n=end\n    def ${rubyName(m.name)}(${argList(m.params)})\n        \n    end\n\n\n`;
  }
  const calls = s.methods.map((m, i) => {
    const call = `obj.${rubyName(m.name)}(${argList(m.params)})`;
    return m.returns === "void" ? `# ${call}` : `# param_${i + 1} = ${call}`;
  });
  out += `end\n\n# Your ${s.className} object will be instantiated and called as such:\n# obj = ${s.className}.new(${argList(s.constructorParams)})\n${calls.join("\n")}`;
  return out;
}

/** A Ruby string literal for an identifier or a type name (letters, digits, `[]<>`: nothing to escape). */
const str = (text: string) => JSON.stringify(text);

function signatureLiteral(s: Signature): string {
  if (s.kind === "function") {
    const params = s.params.map((p) => str(p.type)).join(", ");
    const output = s.output?.paramIndex ?? 0;
    return `{ kind: "function", name: ${str(rubyName(s.name))}, camel: ${str(s.name)}, params: [${params}], returns: ${str(s.returns)}, output: ${output} }`;
  }
  const methods = s.methods
    .map((m) => `[${str(rubyName(m.name))}, ${str(m.name)}, [${m.params.map((p) => str(p.type)).join(", ")}], ${str(m.returns)}]`)
    .join(", ");
  return `{ kind: "design", klass: ${str(s.className)}, ctor: [${s.constructorParams.map((p) => str(p.type)).join(", ")}], methods: [${methods}] }`;
}

export const ruby: FunctionLanguage = {
  id: "ruby",
  starter(signature: Signature): string {
    const nodes = nodeTypesOf(signature);
    const header = (nodes.list ? LIST_NODE : "") + (nodes.tree ? TREE_NODE : "");
    return header + (signature.kind === "function" ? functionStarter(signature) : designStarter(signature));
  },
  program(signature: Signature, code: string) {
    return { main: "main.rb", files: { "main.rb": `${code}\n${DRIVER.replace("__SIGNATURE__", () => signatureLiteral(signature))}` } };
  },
};

// LeetCode's node classes unless the user pasted their own; everything else inside one module
// whose name no solution uses, so the driver's methods never clash with the user's top-level defs.
const DRIVER = `
unless defined?(ListNode)
  class ListNode
    attr_accessor :val, :next
    def initialize(val = 0, _next = nil)
      @val = val
      @next = _next
    end
  end
end
unless defined?(TreeNode)
  class TreeNode
    attr_accessor :val, :left, :right
    def initialize(val = 0, left = nil, right = nil)
      @val = val
      @left = left
      @right = right
    end
  end
end

require "strscan"
# Ruby 3.2 (LeetCode's) loads Set by itself; on an older Ruby a pasted solution's Set.new needs this.
require "set"

module JudgeDriver__
  SIG = __SIGNATURE__
  ESCAPES = { "\\"" => "\\\\\\"", "\\\\" => "\\\\\\\\", "\\n" => "\\\\n", "\\r" => "\\\\r", "\\t" => "\\\\t" }.freeze

  def self.run
    $stdin.binmode
    @in = StringScanner.new($stdin.read)
    results = IO.new(3, "wb")
    results.sync = true
    boundary = token
    token.to_i.times do
      line = SIG[:kind] == "function" ? function_case : design_case
      # Through the IO the user's puts uses, flushed, so the boundary lands after their output.
      $stdout.write(boundary)
      $stdout.flush
      results.write(line + "\\n")
    end
  end

  # StringScanner: 3.5x faster than String#index from a position on 6·10^6 numbers.
  def self.token
    @in.skip(/[ \\n]+/)
    @in.scan(/[^ \\n]+/) or raise "judge driver: the input ended early"
  end

  def self.read(type)
    return Array.new(token.to_i) { read(type[0...-2]) } if type.end_with?("[]")
    return Array.new(token.to_i) { read(type[5...-1]) } if type.start_with?("list<")
    case type
    when "integer", "long" then token.to_i
    when "double" then Float(token)
    when "boolean" then token == "1"
    when "character" then [token.to_i].pack("U")
    when "string"
      n = token.to_i
      @in.pos += 1
      s = @in.peek(n).force_encoding(Encoding::UTF_8)
      @in.pos += n
      s
    when "ListNode"
      head = nil
      read("integer[]").reverse_each do |v|
        node = ListNode.new(v)
        node.next = head
        head = node
      end
      head
    when "TreeNode" then read_tree
    else raise "judge driver: unknown type #{type}"
    end
  end

  def self.read_tree
    values = Array.new(token.to_i) { t = token; t == "null" ? nil : t.to_i }
    return nil if values.empty? || values[0].nil?
    root = TreeNode.new(values[0])
    queue = [root]
    head = 0
    i = 1
    while i < values.length && head < queue.length
      node = queue[head]
      head += 1
      unless values[i].nil?
        node.left = TreeNode.new(values[i])
        queue << node.left
      end
      i += 1
      break if i >= values.length
      unless values[i].nil?
        node.right = TreeNode.new(values[i])
        queue << node.right
      end
      i += 1
    end
    root
  end

  def self.function_case
    args = SIG[:params].map { |t| read(t) }
    main = TOPLEVEL_BINDING.receiver
    name = main.respond_to?(SIG[:name], true) ? SIG[:name] : SIG[:camel]
    result = main.__send__(name, *args)
    return emit(SIG[:params][SIG[:output]], args[SIG[:output]]) if SIG[:returns] == "void"
    emit(SIG[:returns], result)
  end

  def self.design_case
    object = Object.const_get(SIG[:klass]).new(*SIG[:ctor].map { |t| read(t) })
    parts = ["null"]
    token.to_i.times do
      snake, camel, params, returns = SIG[:methods][token.to_i]
      args = params.map { |t| read(t) }
      result = object.__send__(object.respond_to?(snake, true) ? snake : camel, *args)
      parts << (returns == "void" ? "null" : emit(returns, result))
    end
    "[" + parts.join(",") + "]"
  end

  def self.emit(type, value)
    case type
    when "ListNode" then json(list_values(value))
    when "TreeNode" then json(tree_values(value))
    else json(value)
    end
  end

  def self.list_values(head)
    out = []
    seen = {}.compare_by_identity
    node = head
    until node.nil?
      raise "the returned ListNode has a cycle" if seen.key?(node)
      seen[node] = true
      out << node.val
      node = node.next
    end
    out
  end

  def self.tree_values(root)
    out = []
    queue = [root]
    seen = {}.compare_by_identity
    head = 0
    while head < queue.length
      node = queue[head]
      head += 1
      if node.nil?
        out << nil
        next
      end
      raise "the returned TreeNode is not a tree (a node is reached twice)" if seen.key?(node)
      seen[node] = true
      out << node.val
      queue << node.left << node.right
    end
    out.pop while !out.empty? && out[-1].nil?
    out
  end

  # Compact JSON of what the user returned, as it is: a wrong shape is a wrong answer, not a crash.
  def self.json(v)
    case v
    when nil then "null"
    when true then "true"
    when false then "false"
    when Integer then v.to_s
    when Float then v.finite? ? v.to_s : "null"
    when Rational then json(v.to_f)
    when String then quote(v)
    when Symbol then quote(v.to_s)
    when Array then "[" + v.map { |x| json(x) }.join(",") + "]"
    else "null"
    end
  end

  def self.quote(s)
    "\\"" + s.b.gsub(/["\\\\\\x00-\\x1f]/n) { |c| ESCAPES[c] || format("\\\\u%04x", c.ord) } + "\\""
  end
end

JudgeDriver__.run
`;
