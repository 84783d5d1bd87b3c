import { type DesignSignature, type FunctionSignature, type ReturnType, type Signature, elementType } from "@judge/protocol";
import type { FunctionLanguage } from "../function-language.ts";
import { UnsupportedSignatureError } from "../errors.ts";
import { nodeTypesOf } from "./signature-types.ts";

/**
 * LeetCode's PHP: `class Solution` with docblock-typed methods (`@param Integer[] $nums`), the
 * checked argument of an in-place method taken by reference (`rotate(&$nums, $k)`), and a design
 * class with `__construct`. The program is `<?php ` and the user's code on the same first line
 * (LeetCode's code has no `<?php`, so line numbers stay the user's), then the driver.
 */

const LIST_NODE = `/**
 * Definition for a singly-linked list.
 * class ListNode {
 *     public $val = 0;
 *     public $next = null;
 *     function __construct($val = 0, $next = null) {
 *         $this->val = $val;
 *         $this->next = $next;
 *     }
 * }
 */
`;

const TREE_NODE = `/**
 * Definition for a binary tree node.
 * class TreeNode {
 *     public $val = null;
 *     public $left = null;
 *     public $right = null;
 *     function __construct($val = 0, $left = null, $right = null) {
 *         $this->val = $val;
 *         $this->left = $left;
 *         $this->right = $right;
 *     }
 * }
 */
`;

function phpType(type: ReturnType): string {
  if (type === "void") return "NULL";
  const element = elementType(type);
  if (element !== null) return `${phpType(element)}[]`;
  switch (type) {
    case "integer":
    case "long":
      return "Integer";
    case "double":
      return "Float";
    case "boolean":
      return "Boolean";
    case "string":
    case "character":
      return "String";
    default:
      return type;
  }
}

/** A method's docblock at the class's indentation: one `@param` per parameter, then `@return` unless omitted. */
function docblock(params: FunctionSignature["params"], returns: ReturnType | null): string {
  const lines = params.map((p) => `     * @param ${phpType(p.type)} $${p.name}\n`);
  if (returns !== null) lines.push(`     * @return ${phpType(returns)}\n`);
  return `    /**\n${lines.join("")}     */\n`;
}

function functionStarter(s: FunctionSignature): string {
  const byRef = s.returns === "void" ? (s.output?.paramIndex ?? 0) : -1;
  const args = s.params.map((p, i) => `${i === byRef ? "&" : ""}$${p.name}`).join(", ");
  return `class Solution {\n\n${docblock(s.params, s.returns)}    function ${s.name}(${args}) {\n        \n    }\n}`;
}

function designStarter(s: DesignSignature): string {
  const args = (params: FunctionSignature["params"]) => params.map((p) => `$${p.name}`).join(", ");
  const blocks = [
    `${docblock(s.constructorParams, null)}    function __construct(${args(s.constructorParams)}) {\n        \n    }`,
    ...s.methods.map((m) => `${docblock(m.params, m.returns)}    function ${m.name}(${args(m.params)}) {\n        \n    }`),
  ];
  const calls = s.methods.map((m, i) => {
    const call = `$obj->${m.name}(${args(m.params)});`;
    return m.returns === "void" ? ` * ${call}` : ` * $ret_${i + 1} = ${call}`;
  });
  // LeetCode separates the methods with a line of two spaces, and its example omits `new`.
  return (
    `class ${s.className} {\n${blocks.join("\n  \n")}\n}\n\n` +
    `/**\n * Your ${s.className} object will be instantiated and called as such:\n * $obj = ${s.className}(${args(s.constructorParams)});\n${calls.join("\n")}\n */`
  );
}

/** A PHP single-quoted literal of an identifier or a type name (nothing in them needs escaping). */
const str = (text: string) => `'${text}'`;

function signatureLiteral(s: Signature): string {
  if (s.kind === "function") {
    const params = s.params.map((p) => str(p.type)).join(", ");
    return `['kind' => 'function', 'name' => ${str(s.name)}, 'params' => [${params}], 'returns' => ${str(s.returns)}, 'output' => ${s.output?.paramIndex ?? 0}]`;
  }
  const methods = s.methods.map((m) => `[${str(m.name)}, [${m.params.map((p) => str(p.type)).join(", ")}], ${str(m.returns)}]`).join(", ");
  return `['kind' => 'design', 'class' => ${str(s.className)}, 'ctor' => [${s.constructorParams.map((p) => str(p.type)).join(", ")}], 'methods' => [${methods}]]`;
}

/**
 * The user's code as the rest of the line after our `<?php `: a pasted `<?php` opening tag is
 * dropped (its line kept) and a closing `?>` too, which would otherwise print the driver.
 */
function userPart(code: string): string {
  return code.replace(/^(\s*)<\?php\b/, "$1").replace(/\?>\s*$/, "");
}

/** PHP's reserved words, which no class may be named (case-insensitively): `class Echo` does not parse. */
const RESERVED = new Set(
  ("abstract and array as break callable case catch class clone const continue declare default do echo else elseif empty " +
    "enddeclare endfor endforeach endif endswitch endwhile enum eval exit extends final finally fn for foreach function global " +
    "goto if implements include instanceof insteadof interface isset list match namespace new or print private protected " +
    "public readonly require return static switch throw trait try unset use var while xor yield self parent bool int float " +
    "string true false null void iterable object mixed never")
    .split(" "),
);

function assertClassName(signature: Signature): void {
  if (signature.kind === "design" && RESERVED.has(signature.className.toLowerCase())) {
    throw new UnsupportedSignatureError(`${signature.className} is a reserved word in PHP: no PHP class can have that name`);
  }
}

export const php: FunctionLanguage = {
  id: "php",
  starter(signature: Signature): string {
    assertClassName(signature);
    const nodes = nodeTypesOf(signature);
    const header = (nodes.list ? LIST_NODE : "") + (nodes.tree ? TREE_NODE : "");
    return header + (signature.kind === "function" ? functionStarter(signature) : designStarter(signature));
  },
  program(signature: Signature, code: string) {
    assertClassName(signature);
    const source = `<?php ${userPart(code)}\n${DRIVER.replace("__SIGNATURE__", () => signatureLiteral(signature))}`;
    return { main: "main.php", files: { "main.php": source } };
  },
};

// LeetCode's node classes unless the user declared their own (their top-level classes exist
// before any code runs); everything else in one class whose name no solution uses.
const DRIVER = `
if (!class_exists('ListNode', false)) {
    class ListNode {
        public $val = 0;
        public $next = null;
        function __construct($val = 0, $next = null) {
            $this->val = $val;
            $this->next = $next;
        }
    }
}
if (!class_exists('TreeNode', false)) {
    class TreeNode {
        public $val = null;
        public $left = null;
        public $right = null;
        function __construct($val = 0, $left = null, $right = null) {
            $this->val = $val;
            $this->left = $left;
            $this->right = $right;
        }
    }
}

final class JudgeDriver__ {
    private const SIG = __SIGNATURE__;
    private static $data = '';
    private static $pos = 0;

    public static function run(): void {
        ini_set('serialize_precision', '-1');
        self::$data = stream_get_contents(STDIN);
        $results = fopen('php://fd/3', 'wb');
        $boundary = self::token();
        $cases = (int) self::token();
        for ($c = 0; $c < $cases; $c++) {
            $line = self::SIG['kind'] === 'function' ? self::functionCase() : self::designCase();
            // The user's output first (their own ob_start buffers too), then the boundary.
            while (ob_get_level() > 0) {
                ob_end_flush();
            }
            echo $boundary;
            flush();
            $line .= "\\n";
            for ($off = 0; $off < strlen($line); $off += $written) {
                $written = fwrite($results, substr($line, $off));
                if ($written === false || $written === 0) {
                    throw new \\RuntimeException('judge driver: cannot write the result');
                }
            }
        }
    }

    private static function token(): string {
        // strspn, not a loop over characters: twice as fast on 6·10^6 numbers.
        if (self::$pos < strlen(self::$data)) {
            self::$pos += strspn(self::$data, " \\n", self::$pos);
        }
        $n = self::$pos < strlen(self::$data) ? strcspn(self::$data, " \\n", self::$pos) : 0;
        if ($n === 0) {
            throw new \\RuntimeException('judge driver: the input ended early');
        }
        $token = substr(self::$data, self::$pos, $n);
        self::$pos += $n;
        return $token;
    }

    private static function read(string $type) {
        $element = null;
        if (substr($type, -2) === '[]') {
            $element = substr($type, 0, -2);
        } elseif (strncmp($type, 'list<', 5) === 0) {
            $element = substr($type, 5, -1);
        }
        if ($element !== null) {
            $n = (int) self::token();
            $values = [];
            for ($i = 0; $i < $n; $i++) {
                $values[] = self::read($element);
            }
            return $values;
        }
        switch ($type) {
            case 'integer':
            case 'long':
                return (int) self::token();
            case 'double':
                return (float) self::token();
            case 'boolean':
                return self::token() === '1';
            case 'character':
                return self::utf8((int) self::token());
            case 'string':
                $n = (int) self::token();
                $s = substr(self::$data, self::$pos + 1, $n);
                self::$pos += 1 + $n;
                return $s;
            case 'ListNode':
                $head = null;
                $values = self::read('integer[]');
                for ($i = count($values) - 1; $i >= 0; $i--) {
                    $node = new ListNode($values[$i]);
                    $node->next = $head;
                    $head = $node;
                }
                return $head;
            case 'TreeNode':
                return self::readTree();
        }
        throw new \\RuntimeException('judge driver: unknown type ' . $type);
    }

    private static function readTree() {
        $n = (int) self::token();
        $values = [];
        for ($i = 0; $i < $n; $i++) {
            $t = self::token();
            $values[] = $t === 'null' ? null : (int) $t;
        }
        if ($n === 0 || $values[0] === null) {
            return null;
        }
        $root = new TreeNode($values[0]);
        $queue = [$root];
        $i = 1;
        for ($head = 0; $i < $n && $head < count($queue); $head++) {
            $node = $queue[$head];
            if ($values[$i] !== null) {
                $node->left = new TreeNode($values[$i]);
                $queue[] = $node->left;
            }
            if (++$i >= $n) {
                break;
            }
            if ($values[$i] !== null) {
                $node->right = new TreeNode($values[$i]);
                $queue[] = $node->right;
            }
            $i++;
        }
        return $root;
    }

    private static function utf8(int $cp): string {
        if ($cp < 0x80) {
            return chr($cp);
        }
        if ($cp < 0x800) {
            return chr(0xC0 | ($cp >> 6)) . chr(0x80 | ($cp & 0x3F));
        }
        if ($cp < 0x10000) {
            return chr(0xE0 | ($cp >> 12)) . chr(0x80 | (($cp >> 6) & 0x3F)) . chr(0x80 | ($cp & 0x3F));
        }
        return chr(0xF0 | ($cp >> 18)) . chr(0x80 | (($cp >> 12) & 0x3F)) . chr(0x80 | (($cp >> 6) & 0x3F)) . chr(0x80 | ($cp & 0x3F));
    }

    private static function functionCase(): string {
        $sig = self::SIG;
        $args = [];
        foreach ($sig['params'] as $type) {
            $args[] = self::read($type);
        }
        // Unpacking a variable passes by reference to a \`&$nums\` parameter, as LeetCode's in-place methods take it.
        $result = (new Solution())->{$sig['name']}(...$args);
        if ($sig['returns'] === 'void') {
            return self::emit($sig['params'][$sig['output']], $args[$sig['output']]);
        }
        return self::emit($sig['returns'], $result);
    }

    private static function designCase(): string {
        $sig = self::SIG;
        $ctor = [];
        foreach ($sig['ctor'] as $type) {
            $ctor[] = self::read($type);
        }
        $class = $sig['class'];
        $object = new $class(...$ctor);
        $parts = ['null'];
        $calls = (int) self::token();
        for ($k = 0; $k < $calls; $k++) {
            [$name, $params, $returns] = $sig['methods'][(int) self::token()];
            $args = [];
            foreach ($params as $type) {
                $args[] = self::read($type);
            }
            $result = $object->{$name}(...$args);
            $parts[] = $returns === 'void' ? 'null' : self::emit($returns, $result);
        }
        return '[' . implode(',', $parts) . ']';
    }

    private static function emit(string $type, $value): string {
        if ($type === 'ListNode') {
            $value = self::listValues($value);
        } elseif ($type === 'TreeNode') {
            $value = self::treeValues($value);
        }
        $flags = JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_PRESERVE_ZERO_FRACTION | JSON_INVALID_UTF8_SUBSTITUTE;
        $json = json_encode(self::plain($value), $flags);
        return $json === false ? 'null' : $json;
    }

    // What the user returned, as it is (a list's keys dropped), with nothing json_encode would refuse.
    private static function plain($v) {
        if (is_float($v)) {
            return is_finite($v) ? $v : null;
        }
        if (is_array($v)) {
            $out = [];
            foreach ($v as $x) {
                $out[] = self::plain($x);
            }
            return $out;
        }
        if (is_object($v) || is_resource($v)) {
            return null;
        }
        return $v;
    }

    private static function listValues($head): array {
        $out = [];
        $seen = [];
        for ($node = $head; is_object($node); $node = $node->next) {
            $id = spl_object_id($node);
            if (isset($seen[$id])) {
                throw new \\RuntimeException('the returned ListNode has a cycle');
            }
            $seen[$id] = true;
            $out[] = $node->val;
        }
        return $out;
    }

    private static function treeValues($root): array {
        $out = [];
        $queue = [$root];
        $seen = [];
        for ($head = 0; $head < count($queue); $head++) {
            $node = $queue[$head];
            if (!is_object($node)) {
                $out[] = null;
                continue;
            }
            $id = spl_object_id($node);
            if (isset($seen[$id])) {
                throw new \\RuntimeException('the returned TreeNode is not a tree (a node is reached twice)');
            }
            $seen[$id] = true;
            $out[] = $node->val;
            $queue[] = $node->left;
            $queue[] = $node->right;
        }
        while (count($out) > 0 && end($out) === null) {
            array_pop($out);
        }
        return $out;
    }
}

JudgeDriver__::run();
`;
