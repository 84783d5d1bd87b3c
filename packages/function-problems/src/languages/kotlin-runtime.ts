/** A backquote, which Kotlin needs around `val` and which a template literal cannot hold raw. */
const BQ = "`";

/**
 * The fixed part of the Kotlin driver, nested in one object so that no name of it collides
 * with a top-level declaration of the user's (all files share the default package). Reads the
 * box format and writes compact JSON (docs/function-problems.md).
 */
export const KOTLIN_RUNTIME = String.raw`
    /** The box format: ASCII tokens; a string is its UTF-8 byte length, one space, its bytes. */
    class BoxIn(private val b: ByteArray) {
        private var p = 0

        fun token(): String {
            while (p < b.size && (b[p].toInt() == SPACE || b[p].toInt() == NEWLINE)) p++
            val start = p
            while (p < b.size && b[p].toInt() != SPACE && b[p].toInt() != NEWLINE) p++
            check(start != p) { "box input ended early" }
            return String(b, start, p - start, Charsets.ISO_8859_1)
        }

        fun i32(): Int = token().toInt()
        fun i64(): Long = token().toLong()
        fun f64(): Double = token().toDouble()
        fun bool(): Boolean = i32() != 0
        fun chr(): Char = i32().toChar()

        fun str(): String {
            val n = i32()
            val s = String(b, p + 1, n, Charsets.UTF_8)
            p += 1 + n
            return s
        }

        fun ints(): IntArray = IntArray(i32()) { i32() }
        fun longs(): LongArray = LongArray(i32()) { i64() }
        fun doubles(): DoubleArray = DoubleArray(i32()) { f64() }
        fun bools(): BooleanArray = BooleanArray(i32()) { bool() }
        fun chars(): CharArray = CharArray(i32()) { chr() }
        fun strs(): Array<String> = Array(i32()) { str() }
        fun <T> list(element: () -> T): List<T> = ArrayList<T>().also { a -> repeat(i32()) { a.add(element()) } }

        // Character literals' .code is Kotlin 1.5+, .toByte() deprecated since: plain numbers suit every version.
        private val SPACE = 32
        private val NEWLINE = 10
    }

    /** One result as compact JSON: scalars, arrays (of any depth) and lists. */
    class Json {
        val s = StringBuilder()

        fun value(v: Any?) {
            when (v) {
                null, is Unit -> s.append("null")
                is Int, is Long, is Boolean -> s.append(v)
                is Double -> number(v)
                is Char -> string(v.toString())
                is String -> string(v)
                is IntArray -> array(v.size) { s.append(v[it]) }
                is LongArray -> array(v.size) { s.append(v[it]) }
                is DoubleArray -> array(v.size) { number(v[it]) }
                is BooleanArray -> array(v.size) { s.append(v[it]) }
                is CharArray -> array(v.size) { string(v[it].toString()) }
                is Array<*> -> array(v.size) { value(v[it]) }
                is Iterable<*> -> { val items = v.toList(); array(items.size) { value(items[it]) } }
                else -> throw IllegalStateException("no JSON form for " + v.javaClass.name)
            }
        }

        fun array(size: Int, element: (Int) -> Unit) {
            s.append('[')
            for (i in 0 until size) {
                if (i > 0) s.append(',')
                element(i)
            }
            s.append(']')
        }

        /** Double.toString round-trips; JSON has no NaN or Infinity, and null matches no expected value. */
        fun number(d: Double) {
            if (d.isNaN() || d.isInfinite()) s.append("null") else s.append(d.toString())
        }

        fun string(t: String) {
            s.append('"')
            for (c in t) {
                when {
                    c == '"' -> s.append("\\\"")
                    c == '\\' -> s.append("\\\\")
                    c == '\n' -> s.append("\\n")
                    c == '\r' -> s.append("\\r")
                    c == '\t' -> s.append("\\t")
                    c < ' ' -> s.append(String.format("\\u%04x", c - '\u0000'))
                    else -> s.append(c)
                }
            }
            s.append('"')
        }
    }

    /**
     * fd 3 as a stream. The JDK has no public way to wrap an inherited descriptor: FileDescriptor's
     * field is set by reflection where the JVM was started with java.io opened to us; elsewhere
     * /proc/self/fd/3 reopens it, which works for a pipe or a file but not for a socket.
     */
    fun resultStream(): java.io.OutputStream =
        try {
            val fd = java.io.FileDescriptor()
            val field = java.io.FileDescriptor::class.java.getDeclaredField("fd")
            field.isAccessible = true
            field.setInt(fd, 3)
            java.io.FileOutputStream(fd)
        } catch (e: ReflectiveOperationException) {
            java.io.FileOutputStream("/proc/self/fd/3")
        } catch (e: RuntimeException) {
            java.io.FileOutputStream("/proc/self/fd/3")
        }
`;

/** Read and write LeetCode's ListNode: only in a program whose signature uses it. */
export const KOTLIN_LIST_NODE_IO = `
    fun readListNode(input: BoxIn): ListNode? {
        var head: ListNode? = null
        var tail: ListNode? = null
        repeat(input.i32()) {
            val node = ListNode(input.i32())
            if (tail == null) head = node else tail!!.next = node
            tail = node
        }
        return head
    }

    fun writeListNode(out: Json, head: ListNode?) {
        out.s.append('[')
        var node = head
        while (node != null) {
            if (node !== head) out.s.append(',')
            out.s.append(node.${BQ}val${BQ})
            node = node.next
        }
        out.s.append(']')
    }
`;

/** Read and write LeetCode's TreeNode (level order, null for a missing child): only where used. */
export const KOTLIN_TREE_NODE_IO = `
    fun readTreeNode(input: BoxIn): TreeNode? {
        val v = Array(input.i32()) { input.token() }
        if (v.isEmpty()) return null
        val root = TreeNode(v[0].toInt())
        val parents = java.util.ArrayDeque<TreeNode>()
        parents.add(root)
        var i = 1
        while (i < v.size && parents.isNotEmpty()) {
            val parent = parents.poll()
            if (v[i] != "null") { val child = TreeNode(v[i].toInt()); parent.left = child; parents.add(child) }
            if (i + 1 < v.size && v[i + 1] != "null") { val child = TreeNode(v[i + 1].toInt()); parent.right = child; parents.add(child) }
            i += 2
        }
        return root
    }

    fun writeTreeNode(out: Json, root: TreeNode?) {
        val order = ArrayList<TreeNode?>()
        if (root != null) order.add(root)
        var i = 0
        while (i < order.size) {
            val node = order[i++]
            if (node != null) { order.add(node.left); order.add(node.right) }
        }
        var end = order.size
        while (end > 0 && order[end - 1] == null) end--
        out.array(end) { val node = order[it]; if (node == null) out.s.append("null") else out.s.append(node.${BQ}val${BQ}) }
    }
`;
