/**
 * The fixed part of the Java driver: nested in `Main`, so that none of its names can collide
 * with a class of the user's (a top-level `Pair` or `Json` of theirs is simply shadowed here).
 * Reads the box format and writes compact JSON (docs/function-problems.md).
 */
export const JAVA_RUNTIME = String.raw`
    /** The box format: ASCII tokens; a string is its UTF-8 byte length, one space, its bytes. */
    static final class BoxIn {
        private final byte[] b;
        private int p;

        BoxIn(byte[] b) {
            this.b = b;
        }

        String token() {
            while (p < b.length && (b[p] == ' ' || b[p] == '\n')) p++;
            int start = p;
            while (p < b.length && b[p] != ' ' && b[p] != '\n') p++;
            if (start == p) throw new IllegalStateException("box input ended early");
            return new String(b, start, p - start, StandardCharsets.ISO_8859_1);
        }

        int i32() { return Integer.parseInt(token()); }
        long i64() { return Long.parseLong(token()); }
        double f64() { return Double.parseDouble(token()); }
        boolean bool() { return i32() != 0; }
        char chr() { return (char) i32(); }

        String str() {
            int n = i32();
            String s = new String(b, p + 1, n, StandardCharsets.UTF_8);
            p += 1 + n;
            return s;
        }

        int[] ints() { int[] a = new int[i32()]; for (int i = 0; i < a.length; i++) a[i] = i32(); return a; }
        long[] longs() { long[] a = new long[i32()]; for (int i = 0; i < a.length; i++) a[i] = i64(); return a; }
        double[] doubles() { double[] a = new double[i32()]; for (int i = 0; i < a.length; i++) a[i] = f64(); return a; }
        boolean[] bools() { boolean[] a = new boolean[i32()]; for (int i = 0; i < a.length; i++) a[i] = bool(); return a; }
        char[] chars() { char[] a = new char[i32()]; for (int i = 0; i < a.length; i++) a[i] = chr(); return a; }
        String[] strs() { String[] a = new String[i32()]; for (int i = 0; i < a.length; i++) a[i] = str(); return a; }
        int[][] ints2() { int[][] a = new int[i32()][]; for (int i = 0; i < a.length; i++) a[i] = ints(); return a; }
        long[][] longs2() { long[][] a = new long[i32()][]; for (int i = 0; i < a.length; i++) a[i] = longs(); return a; }
        double[][] doubles2() { double[][] a = new double[i32()][]; for (int i = 0; i < a.length; i++) a[i] = doubles(); return a; }
        boolean[][] bools2() { boolean[][] a = new boolean[i32()][]; for (int i = 0; i < a.length; i++) a[i] = bools(); return a; }
        char[][] chars2() { char[][] a = new char[i32()][]; for (int i = 0; i < a.length; i++) a[i] = chars(); return a; }
        String[][] strs2() { String[][] a = new String[i32()][]; for (int i = 0; i < a.length; i++) a[i] = strs(); return a; }

        <T> List<T> list(Supplier<T> element) {
            int n = i32();
            List<T> a = new ArrayList<>(n);
            for (int i = 0; i < n; i++) a.add(element.get());
            return a;
        }
    }

    /** One result as compact JSON: boxed scalars, arrays (of any depth) and lists. */
    static final class Json {
        final StringBuilder s = new StringBuilder();

        void value(Object v) {
            if (v == null) s.append("null");
            else if (v instanceof Integer || v instanceof Long || v instanceof Boolean) s.append(v);
            else if (v instanceof Double d) number(d);
            else if (v instanceof Character c) string(String.valueOf(c));
            else if (v instanceof String t) string(t);
            else if (v instanceof int[] a) { s.append('['); for (int i = 0; i < a.length; i++) { if (i > 0) s.append(','); s.append(a[i]); } s.append(']'); }
            else if (v instanceof long[] a) { s.append('['); for (int i = 0; i < a.length; i++) { if (i > 0) s.append(','); s.append(a[i]); } s.append(']'); }
            else if (v instanceof double[] a) { s.append('['); for (int i = 0; i < a.length; i++) { if (i > 0) s.append(','); number(a[i]); } s.append(']'); }
            else if (v instanceof boolean[] a) { s.append('['); for (int i = 0; i < a.length; i++) { if (i > 0) s.append(','); s.append(a[i]); } s.append(']'); }
            else if (v instanceof char[] a) { s.append('['); for (int i = 0; i < a.length; i++) { if (i > 0) s.append(','); string(String.valueOf(a[i])); } s.append(']'); }
            else if (v instanceof Object[] a) { s.append('['); for (int i = 0; i < a.length; i++) { if (i > 0) s.append(','); value(a[i]); } s.append(']'); }
            else if (v instanceof Iterable<?> a) { s.append('['); boolean first = true; for (Object e : a) { if (!first) s.append(','); first = false; value(e); } s.append(']'); }
            else throw new IllegalStateException("no JSON form for " + v.getClass().getName());
        }

        /** Double.toString round-trips; JSON has no NaN or Infinity, and null matches no expected value. */
        void number(double d) {
            if (Double.isNaN(d) || Double.isInfinite(d)) s.append("null");
            else s.append(Double.toString(d));
        }

        void string(String t) {
            s.append('"');
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                switch (c) {
                    case '"' -> s.append("\\\"");
                    case '\\' -> s.append("\\\\");
                    case '\n' -> s.append("\\n");
                    case '\r' -> s.append("\\r");
                    case '\t' -> s.append("\\t");
                    default -> {
                        if (c < 0x20) s.append(String.format("\\u%04x", (int) c));
                        else s.append(c);
                    }
                }
            }
            s.append('"');
        }
    }
`;

/** Read and write LeetCode's ListNode: only in a program whose signature uses it. */
export const JAVA_LIST_NODE_IO = `
    static ListNode readListNode(BoxIn in) {
        int n = in.i32();
        ListNode head = null, tail = null;
        for (int i = 0; i < n; i++) {
            ListNode node = new ListNode(in.i32());
            if (tail == null) head = node; else tail.next = node;
            tail = node;
        }
        return head;
    }

    static void writeListNode(Json out, ListNode head) {
        out.s.append('[');
        for (ListNode node = head; node != null; node = node.next) {
            if (node != head) out.s.append(',');
            out.s.append(node.val);
        }
        out.s.append(']');
    }
`;

/** Read and write LeetCode's TreeNode (level order, null for a missing child): only where used. */
export const JAVA_TREE_NODE_IO = `
    static TreeNode readTreeNode(BoxIn in) {
        int n = in.i32();
        String[] v = new String[n];
        for (int i = 0; i < n; i++) v[i] = in.token();
        if (n == 0) return null;
        TreeNode root = new TreeNode(Integer.parseInt(v[0]));
        ArrayDeque<TreeNode> parents = new ArrayDeque<>();
        parents.add(root);
        for (int i = 1; i < n && !parents.isEmpty(); i += 2) {
            TreeNode parent = parents.poll();
            if (!v[i].equals("null")) { parent.left = new TreeNode(Integer.parseInt(v[i])); parents.add(parent.left); }
            if (i + 1 < n && !v[i + 1].equals("null")) { parent.right = new TreeNode(Integer.parseInt(v[i + 1])); parents.add(parent.right); }
        }
        return root;
    }

    static void writeTreeNode(Json out, TreeNode root) {
        List<TreeNode> order = new ArrayList<>();
        if (root != null) order.add(root);
        for (int i = 0; i < order.size(); i++) {
            TreeNode node = order.get(i);
            if (node != null) { order.add(node.left); order.add(node.right); }
        }
        int end = order.size();
        while (end > 0 && order.get(end - 1) == null) end--;
        out.s.append('[');
        for (int i = 0; i < end; i++) {
            if (i > 0) out.s.append(',');
            TreeNode node = order.get(i);
            if (node == null) out.s.append("null"); else out.s.append(node.val);
        }
        out.s.append(']');
    }
`;
