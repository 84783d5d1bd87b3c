/**
 * The Go driver, in the same file as the user's code (the worker builds main.go alone): its
 * imports are aliased (`judgeos "os"`) so that the user's own `import "os"` does not clash, and
 * every name starts with `judge`.
 */
export const GO_DRIVER_IMPORTS = ["judgeio \"io\"", "judgemath \"math\"", "judgeos \"os\"", "judgestrconv \"strconv\""];

/**
 * LeetCode's node types, which its Go code uses without declaring them. A user who pasted them
 * uncommented keeps theirs (same fields): leaving ours out beats a "redeclared" error.
 */
export const GO_LIST_NODE = `type ListNode struct {
	Val  int
	Next *ListNode
}
`;
export const GO_TREE_NODE = `type TreeNode struct {
	Val   int
	Left  *TreeNode
	Right *TreeNode
}
`;

/**
 * Go 1.21's built-in min and max, for a toolchain older than that (Debian 12 has 1.19): LeetCode's
 * Go has them. Left out when the user's code declares its own.
 */
export const GO_ORDERED = `type judgeOrdered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr | ~float32 | ~float64 | ~string
}
`;
export const GO_MIN = `func min[T judgeOrdered](x T, rest ...T) T {
	for _, y := range rest {
		if y < x {
			x = y
		}
	}
	return x
}
`;
export const GO_MAX = `func max[T judgeOrdered](x T, rest ...T) T {
	for _, y := range rest {
		if y > x {
			x = y
		}
	}
	return x
}
`;

export const GO_RUNTIME = `var judgeInput []byte
var judgeAt int

func judgeIsSpace(c byte) bool { return c == ' ' || c == '\\n' || c == '\\r' || c == '\\t' }

func judgeToken() []byte {
	for judgeAt < len(judgeInput) && judgeIsSpace(judgeInput[judgeAt]) {
		judgeAt++
	}
	start := judgeAt
	for judgeAt < len(judgeInput) && !judgeIsSpace(judgeInput[judgeAt]) {
		judgeAt++
	}
	return judgeInput[start:judgeAt]
}

func judgeReadInt() int {
	v, _ := judgestrconv.Atoi(string(judgeToken()))
	return v
}

func judgeReadInt64() int64 {
	v, _ := judgestrconv.ParseInt(string(judgeToken()), 10, 64)
	return v
}

func judgeReadFloat() float64 {
	v, _ := judgestrconv.ParseFloat(string(judgeToken()), 64)
	return v
}

func judgeReadBool() bool { return string(judgeToken()) == "1" }

func judgeReadByte() byte { return byte(judgeReadInt()) }

func judgeReadString() string {
	n := judgeReadInt()
	judgeAt++ // the one space between the length and the bytes
	s := string(judgeInput[judgeAt : judgeAt+n])
	judgeAt += n
	return s
}

func judgeReadSlice[T any](read func() T) []T {
	v := make([]T, judgeReadInt())
	for i := range v {
		v[i] = read()
	}
	return v
}

func judgeReadMatrix[T any](read func() T) [][]T {
	v := make([][]T, judgeReadInt())
	for i := range v {
		v[i] = judgeReadSlice(read)
	}
	return v
}

func judgeReadList() *ListNode {
	head := &ListNode{}
	tail := head
	for _, v := range judgeReadSlice(judgeReadInt) {
		tail.Next = &ListNode{Val: v}
		tail = tail.Next
	}
	return head.Next
}

func judgeReadTree() *TreeNode {
	nodes := make([]*TreeNode, judgeReadInt())
	for i := range nodes {
		t := string(judgeToken())
		if t != "null" {
			v, _ := judgestrconv.Atoi(t)
			nodes[i] = &TreeNode{Val: v}
		}
	}
	if len(nodes) == 0 {
		return nil
	}
	child := 1
	for i := 0; i < len(nodes) && child < len(nodes); i++ {
		if nodes[i] == nil {
			continue
		}
		nodes[i].Left = nodes[child]
		child++
		if child < len(nodes) {
			nodes[i].Right = nodes[child]
			child++
		}
	}
	return nodes[0]
}

var judgeOut []byte

func judgeEmitInt(v int) { judgeOut = judgestrconv.AppendInt(judgeOut, int64(v), 10) }

func judgeEmitInt64(v int64) { judgeOut = judgestrconv.AppendInt(judgeOut, v, 10) }

func judgeEmitFloat(v float64) {
	if judgemath.IsNaN(v) || judgemath.IsInf(v, 0) {
		judgeOut = append(judgeOut, "null"...)
		return
	}
	judgeOut = judgestrconv.AppendFloat(judgeOut, v, 'g', -1, 64)
}

func judgeEmitBool(v bool) { judgeOut = judgestrconv.AppendBool(judgeOut, v) }

func judgeEmitString(s string) {
	const hex = "0123456789abcdef"
	judgeOut = append(judgeOut, '"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"':
			judgeOut = append(judgeOut, '\\\\', '"')
		case c == '\\\\':
			judgeOut = append(judgeOut, '\\\\', '\\\\')
		case c == '\\n':
			judgeOut = append(judgeOut, '\\\\', 'n')
		case c == '\\r':
			judgeOut = append(judgeOut, '\\\\', 'r')
		case c == '\\t':
			judgeOut = append(judgeOut, '\\\\', 't')
		case c < 0x20 || c == 0x7f:
			judgeOut = append(judgeOut, '\\\\', 'u', '0', '0', hex[c>>4], hex[c&15])
		default:
			judgeOut = append(judgeOut, c)
		}
	}
	judgeOut = append(judgeOut, '"')
}

// A byte character comes from a code point; 128..255 go back as that code point in UTF-8.
func judgeEmitByte(v byte) { judgeEmitString(string(rune(v))) }

func judgeEmitSlice[T any](v []T, emit func(T)) {
	judgeOut = append(judgeOut, '[')
	for i, x := range v {
		if i > 0 {
			judgeOut = append(judgeOut, ',')
		}
		emit(x)
	}
	judgeOut = append(judgeOut, ']')
}

func judgeEmitMatrix[T any](v [][]T, emit func(T)) {
	judgeOut = append(judgeOut, '[')
	for i, row := range v {
		if i > 0 {
			judgeOut = append(judgeOut, ',')
		}
		judgeEmitSlice(row, emit)
	}
	judgeOut = append(judgeOut, ']')
}

func judgeEmitList(head *ListNode) {
	judgeOut = append(judgeOut, '[')
	for p := head; p != nil; p = p.Next {
		if p != head {
			judgeOut = append(judgeOut, ',')
		}
		judgeEmitInt(p.Val)
	}
	judgeOut = append(judgeOut, ']')
}

func judgeEmitTree(root *TreeNode) {
	order := []*TreeNode{}
	if root != nil {
		order = append(order, root)
	}
	for i := 0; i < len(order); i++ {
		if order[i] != nil {
			order = append(order, order[i].Left, order[i].Right)
		}
	}
	for len(order) > 0 && order[len(order)-1] == nil {
		order = order[:len(order)-1]
	}
	judgeOut = append(judgeOut, '[')
	for i, node := range order {
		if i > 0 {
			judgeOut = append(judgeOut, ',')
		}
		if node == nil {
			judgeOut = append(judgeOut, "null"...)
		} else {
			judgeEmitInt(node.Val)
		}
	}
	judgeOut = append(judgeOut, ']')
}

func main() {
	judgeInput, _ = judgeio.ReadAll(judgeos.Stdin)
	boundary := judgeToken()
	cases := judgeReadInt()
	results := judgeos.NewFile(3, "results")
	for k := 0; k < cases; k++ {
		judgeOut = judgeOut[:0]
		judgeRunCase()
		judgeos.Stdout.Write(boundary)
		judgeOut = append(judgeOut, '\\n')
		if _, err := results.Write(judgeOut); err != nil {
			judgeos.Exit(2)
		}
	}
}
`;
