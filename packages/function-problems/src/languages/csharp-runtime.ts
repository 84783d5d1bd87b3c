/**
 * The fixed part of the C# driver, inside the driver's own namespace so that none of its names
 * collides with a class of the user's. Reads the box format and writes compact JSON
 * (docs/function-problems.md).
 */
export const CSHARP_RUNTIME = String.raw`
    /// <summary>The box format: ASCII tokens; a string is its UTF-8 byte length, one space, its bytes.</summary>
    sealed class BoxIn {
        private readonly byte[] b;
        private int p;

        public BoxIn(byte[] b) { this.b = b; }

        public string Token() {
            while (p < b.Length && (b[p] == ' ' || b[p] == '\n')) p++;
            int start = p;
            while (p < b.Length && b[p] != ' ' && b[p] != '\n') p++;
            if (start == p) throw new InvalidOperationException("box input ended early");
            return Encoding.ASCII.GetString(b, start, p - start);
        }

        public int I32() { return int.Parse(Token(), CultureInfo.InvariantCulture); }
        public long I64() { return long.Parse(Token(), CultureInfo.InvariantCulture); }
        public double F64() { return double.Parse(Token(), NumberStyles.Float, CultureInfo.InvariantCulture); }
        public bool Bool() { return I32() != 0; }
        public char Chr() { return (char) I32(); }

        public string Str() {
            int n = I32();
            string s = Encoding.UTF8.GetString(b, p + 1, n);
            p += 1 + n;
            return s;
        }

        public T[] Array<T>(Func<T> element) {
            var a = new T[I32()];
            for (int i = 0; i < a.Length; i++) a[i] = element();
            return a;
        }

        public IList<T> List<T>(Func<T> element) {
            int n = I32();
            var a = new List<T>(n);
            for (int i = 0; i < n; i++) a.Add(element());
            return a;
        }
    }

    /// <summary>One result as compact JSON: scalars, arrays (of any depth) and lists.</summary>
    sealed class Json {
        public readonly StringBuilder S = new StringBuilder();

        public void Value(object v) {
            if (v == null) S.Append("null");
            else if (v is int || v is long) S.Append(Convert.ToString(v, CultureInfo.InvariantCulture));
            else if (v is double) Number((double) v);
            else if (v is bool) S.Append((bool) v ? "true" : "false");
            else if (v is char) Str(((char) v).ToString());
            else if (v is string) Str((string) v);
            else if (v is IEnumerable) {
                S.Append('[');
                bool first = true;
                foreach (object e in (IEnumerable) v) {
                    if (!first) S.Append(',');
                    first = false;
                    Value(e);
                }
                S.Append(']');
            }
            else throw new InvalidOperationException("no JSON form for " + v.GetType().FullName);
        }

        /// <summary>"R" may not round-trip on Mono, "G17" always does; JSON has no NaN or Infinity, and null matches no expected value.</summary>
        public void Number(double d) {
            if (double.IsNaN(d) || double.IsInfinity(d)) { S.Append("null"); return; }
            string r = d.ToString("R", CultureInfo.InvariantCulture);
            if (double.Parse(r, NumberStyles.Float, CultureInfo.InvariantCulture) != d) r = d.ToString("G17", CultureInfo.InvariantCulture);
            S.Append(r);
        }

        public void Str(string t) {
            S.Append('"');
            foreach (char c in t) {
                switch (c) {
                    case '"': S.Append("\\\""); break;
                    case '\\': S.Append("\\\\"); break;
                    case '\n': S.Append("\\n"); break;
                    case '\r': S.Append("\\r"); break;
                    case '\t': S.Append("\\t"); break;
                    default:
                        if (c < ' ') S.Append("\\u").Append(((int) c).ToString("x4"));
                        else S.Append(c);
                        break;
                }
            }
            S.Append('"');
        }
    }

    /// <summary>
    /// fd 3, inherited. Mono's FileStream refuses a socket handle and a socket cannot be reopened
    /// by its /proc path, so the bytes go through write(2) itself (libc as /etc/mono/config maps it).
    /// </summary>
    static class ResultFd {
        [DllImport("libc", SetLastError = true)]
        private static extern IntPtr write(int fd, byte[] buffer, UIntPtr count);

        public static void WriteAll(byte[] data) {
            byte[] rest = data;
            while (rest.Length > 0) {
                long n = (long) write(3, rest, (UIntPtr) (ulong) rest.Length);
                if (n < 0) {
                    if (Marshal.GetLastWin32Error() == 4) continue; // EINTR
                    throw new IOException("cannot write results to fd 3: errno " + Marshal.GetLastWin32Error());
                }
                byte[] left = new byte[rest.Length - n];
                System.Array.Copy(rest, n, left, 0, left.Length);
                rest = left;
            }
        }
    }
`;

/** Read and write LeetCode's ListNode: only in a program whose signature uses it. */
export const CSHARP_LIST_NODE_IO = `
        static global::ListNode ReadListNode(BoxIn input) {
            int n = input.I32();
            global::ListNode head = null, tail = null;
            for (int i = 0; i < n; i++) {
                var node = new global::ListNode(input.I32());
                if (tail == null) head = node; else tail.next = node;
                tail = node;
            }
            return head;
        }

        static void WriteListNode(Json output, global::ListNode head) {
            output.S.Append('[');
            for (var node = head; node != null; node = node.next) {
                if (node != head) output.S.Append(',');
                output.S.Append(node.val.ToString(CultureInfo.InvariantCulture));
            }
            output.S.Append(']');
        }
`;

/** Read and write LeetCode's TreeNode (level order, null for a missing child): only where used. */
export const CSHARP_TREE_NODE_IO = `
        static global::TreeNode ReadTreeNode(BoxIn input) {
            var v = input.Array(() => input.Token());
            if (v.Length == 0) return null;
            var root = new global::TreeNode(int.Parse(v[0], CultureInfo.InvariantCulture));
            var parents = new Queue<global::TreeNode>();
            parents.Enqueue(root);
            for (int i = 1; i < v.Length && parents.Count > 0; i += 2) {
                var parent = parents.Dequeue();
                if (v[i] != "null") { parent.left = new global::TreeNode(int.Parse(v[i], CultureInfo.InvariantCulture)); parents.Enqueue(parent.left); }
                if (i + 1 < v.Length && v[i + 1] != "null") { parent.right = new global::TreeNode(int.Parse(v[i + 1], CultureInfo.InvariantCulture)); parents.Enqueue(parent.right); }
            }
            return root;
        }

        static void WriteTreeNode(Json output, global::TreeNode root) {
            var order = new List<global::TreeNode>();
            if (root != null) order.Add(root);
            for (int i = 0; i < order.Count; i++) {
                var node = order[i];
                if (node != null) { order.Add(node.left); order.Add(node.right); }
            }
            int end = order.Count;
            while (end > 0 && order[end - 1] == null) end--;
            output.S.Append('[');
            for (int i = 0; i < end; i++) {
                if (i > 0) output.S.Append(',');
                output.S.Append(order[i] == null ? "null" : order[i].val.ToString(CultureInfo.InvariantCulture));
            }
            output.S.Append(']');
        }
`;
