/**
 * The Rust program around the user's code. The crate root holds only what LeetCode's Rust
 * declares for the user (`struct Solution`, ListNode, TreeNode) and no `use`, so the user's own
 * `use std::rc::Rc;` cannot clash; the driver lives in `mod judge_driver` with its own imports.
 */
export const RUST_PRELUDE = `#[allow(dead_code)]
pub struct Solution;
`;

/** LeetCode's ListNode, left out when the user pasted it uncommented (theirs has the same fields). */
export const RUST_LIST_NODE = `#[allow(dead_code)]
#[derive(PartialEq, Eq, Clone, Debug)]
pub struct ListNode {
    pub val: i32,
    pub next: Option<Box<ListNode>>,
}

#[allow(dead_code)]
impl ListNode {
    #[inline]
    pub fn new(val: i32) -> Self {
        ListNode { next: None, val }
    }
}
`;

export const RUST_TREE_NODE = `#[allow(dead_code)]
#[derive(Debug, PartialEq, Eq)]
pub struct TreeNode {
    pub val: i32,
    pub left: Option<std::rc::Rc<std::cell::RefCell<TreeNode>>>,
    pub right: Option<std::rc::Rc<std::cell::RefCell<TreeNode>>>,
}

#[allow(dead_code)]
impl TreeNode {
    #[inline]
    pub fn new(val: i32) -> Self {
        TreeNode { val, left: None, right: None }
    }
}
`;

export const RUST_RUNTIME = `    use super::{ListNode, TreeNode};
    use std::cell::RefCell;
    use std::io::{Read, Write};
    use std::rc::Rc;

    pub struct Input {
        data: Vec<u8>,
        at: usize,
    }

    impl Input {
        fn token(&mut self) -> &[u8] {
            while self.at < self.data.len() && self.data[self.at].is_ascii_whitespace() {
                self.at += 1;
            }
            let start = self.at;
            while self.at < self.data.len() && !self.data[self.at].is_ascii_whitespace() {
                self.at += 1;
            }
            &self.data[start..self.at]
        }

        fn number<T: std::str::FromStr>(&mut self) -> T {
            match std::str::from_utf8(self.token()).ok().and_then(|t| t.parse().ok()) {
                Some(v) => v,
                None => panic!("judge driver: bad number in the box input"),
            }
        }
    }

    pub trait Decode: Sized {
        fn decode(input: &mut Input) -> Self;
    }
    impl Decode for i32 {
        fn decode(input: &mut Input) -> Self { input.number() }
    }
    impl Decode for i64 {
        fn decode(input: &mut Input) -> Self { input.number() }
    }
    impl Decode for f64 {
        fn decode(input: &mut Input) -> Self { input.number() }
    }
    impl Decode for bool {
        fn decode(input: &mut Input) -> Self { input.token() == b"1" }
    }
    impl Decode for char {
        fn decode(input: &mut Input) -> Self { std::char::from_u32(input.number()).unwrap_or('\\u{fffd}') }
    }
    impl Decode for String {
        fn decode(input: &mut Input) -> Self {
            let length: usize = input.number();
            input.at += 1; // the one space between the length and the bytes
            let bytes = input.data[input.at..input.at + length].to_vec();
            input.at += length;
            String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
        }
    }
    impl<T: Decode> Decode for Vec<T> {
        fn decode(input: &mut Input) -> Self {
            let n: usize = input.number();
            (0..n).map(|_| T::decode(input)).collect()
        }
    }
    impl Decode for Option<Box<ListNode>> {
        fn decode(input: &mut Input) -> Self {
            let values: Vec<i32> = Decode::decode(input);
            let mut head = None;
            for v in values.into_iter().rev() {
                head = Some(Box::new(ListNode { val: v, next: head }));
            }
            head
        }
    }
    impl Decode for Option<Rc<RefCell<TreeNode>>> {
        fn decode(input: &mut Input) -> Self {
            let n: usize = input.number();
            let mut nodes: Vec<Option<Rc<RefCell<TreeNode>>>> = Vec::with_capacity(n);
            for _ in 0..n {
                let token = input.token();
                if token == b"null" {
                    nodes.push(None);
                } else {
                    let v: i32 = std::str::from_utf8(token).ok().and_then(|t| t.parse().ok()).unwrap_or(0);
                    nodes.push(Some(Rc::new(RefCell::new(TreeNode::new(v)))));
                }
            }
            let mut child = 1;
            for i in 0..n {
                if child >= n {
                    break;
                }
                if let Some(node) = &nodes[i] {
                    node.borrow_mut().left = nodes[child].clone();
                    child += 1;
                    if child < n {
                        node.borrow_mut().right = nodes[child].clone();
                        child += 1;
                    }
                }
            }
            nodes.into_iter().next().unwrap_or(None)
        }
    }

    pub trait Encode {
        fn encode(&self, out: &mut Vec<u8>);
    }
    impl Encode for i32 {
        fn encode(&self, out: &mut Vec<u8>) { out.extend_from_slice(self.to_string().as_bytes()) }
    }
    impl Encode for i64 {
        fn encode(&self, out: &mut Vec<u8>) { out.extend_from_slice(self.to_string().as_bytes()) }
    }
    impl Encode for f64 {
        fn encode(&self, out: &mut Vec<u8>) {
            let magnitude = self.abs();
            if *self == 0.0 || (1e-5..1e16).contains(&magnitude) {
                out.extend_from_slice(format!("{}", self).as_bytes())
            } else if self.is_finite() {
                out.extend_from_slice(format!("{:e}", self).as_bytes())
            } else {
                out.extend_from_slice(b"null")
            }
        }
    }
    impl Encode for bool {
        fn encode(&self, out: &mut Vec<u8>) { out.extend_from_slice(if *self { b"true" } else { b"false" }) }
    }
    fn encode_text(text: &str, out: &mut Vec<u8>) {
        const HEX: &[u8] = b"0123456789abcdef";
        out.push(b'"');
        for &c in text.as_bytes() {
            match c {
                b'"' => out.extend_from_slice(b"\\\\\\""),
                b'\\\\' => out.extend_from_slice(b"\\\\\\\\"),
                b'\\n' => out.extend_from_slice(b"\\\\n"),
                b'\\r' => out.extend_from_slice(b"\\\\r"),
                b'\\t' => out.extend_from_slice(b"\\\\t"),
                c if c < 0x20 || c == 0x7f => {
                    out.extend_from_slice(b"\\\\u00");
                    out.push(HEX[(c >> 4) as usize]);
                    out.push(HEX[(c & 15) as usize]);
                }
                c => out.push(c),
            }
        }
        out.push(b'"');
    }
    impl Encode for char {
        fn encode(&self, out: &mut Vec<u8>) { encode_text(self.encode_utf8(&mut [0; 4]), out) }
    }
    impl Encode for String {
        fn encode(&self, out: &mut Vec<u8>) { encode_text(self, out) }
    }
    impl<T: Encode> Encode for Vec<T> {
        fn encode(&self, out: &mut Vec<u8>) {
            out.push(b'[');
            for (i, x) in self.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                x.encode(out);
            }
            out.push(b']');
        }
    }
    impl Encode for Option<Box<ListNode>> {
        fn encode(&self, out: &mut Vec<u8>) {
            out.push(b'[');
            let mut p = self.as_ref();
            let mut first = true;
            while let Some(node) = p {
                if !first {
                    out.push(b',');
                }
                first = false;
                node.val.encode(out);
                p = node.next.as_ref();
            }
            out.push(b']');
        }
    }
    impl Encode for Option<Rc<RefCell<TreeNode>>> {
        fn encode(&self, out: &mut Vec<u8>) {
            let mut order: Vec<Option<Rc<RefCell<TreeNode>>>> = Vec::new();
            if self.is_some() {
                order.push(self.clone());
            }
            let mut i = 0;
            while i < order.len() {
                if let Some(node) = order[i].clone() {
                    let node = node.borrow();
                    order.push(node.left.clone());
                    order.push(node.right.clone());
                }
                i += 1;
            }
            while let Some(None) = order.last() {
                order.pop();
            }
            out.push(b'[');
            for (i, node) in order.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                match node {
                    Some(node) => node.borrow().val.encode(out),
                    None => out.extend_from_slice(b"null"),
                }
            }
            out.push(b']');
        }
    }

    pub fn main() {
        let mut data = Vec::new();
        if std::io::stdin().read_to_end(&mut data).is_err() {
            std::process::exit(2);
        }
        let mut input = Input { data, at: 0 };
        let boundary = input.token().to_vec();
        let cases: usize = input.number();
        // The worker opens fd 3 for the results; nothing else in the process uses it.
        let mut results = unsafe { <std::fs::File as std::os::unix::io::FromRawFd>::from_raw_fd(3) };
        let mut out = Vec::new();
        for _ in 0..cases {
            out.clear();
            run_case(&mut input, &mut out);
            let stdout = std::io::stdout();
            let mut stdout = stdout.lock();
            let _ = stdout.flush();
            let _ = stdout.write_all(&boundary);
            let _ = stdout.flush();
            out.push(b'\\n');
            if results.write_all(&out).is_err() {
                std::process::exit(2);
            }
        }
    }
`;
