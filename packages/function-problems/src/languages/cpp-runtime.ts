/**
 * The C++ program around the user's code (docs/function-problems.md, "Inside the sandbox"):
 * LeetCode's prelude, then the box-format reader and the JSON writer, all before the user's
 * file is included, so a macro or a global in the user's code cannot change them. Names live
 * in `judge_driver`; `bits/stdc++.h` comes first so that the worker's precompiled header applies.
 */
export const CPP_PRELUDE = `#include <bits/stdc++.h>
using namespace std;

struct ListNode {
    int val;
    ListNode *next;
    ListNode() : val(0), next(nullptr) {}
    ListNode(int x) : val(x), next(nullptr) {}
    ListNode(int x, ListNode *next) : val(x), next(next) {}
};

struct TreeNode {
    int val;
    TreeNode *left;
    TreeNode *right;
    TreeNode() : val(0), left(nullptr), right(nullptr) {}
    TreeNode(int x) : val(x), left(nullptr), right(nullptr) {}
    TreeNode(int x, TreeNode *left, TreeNode *right) : val(x), left(left), right(right) {}
};

namespace judge_driver {
static std::string input;
static std::size_t at = 0;

static void load_input() {
    char chunk[1 << 16];
    std::size_t n;
    while ((n = std::fread(chunk, 1, sizeof chunk, stdin)) > 0) input.append(chunk, n);
}

static bool is_space(char c) { return c == ' ' || c == '\\n' || c == '\\r' || c == '\\t'; }

static std::string token() {
    while (at < input.size() && is_space(input[at])) ++at;
    std::size_t start = at;
    while (at < input.size() && !is_space(input[at])) ++at;
    return input.substr(start, at - start);
}

template <class T> struct Reader;
template <> struct Reader<int> { static int read() { return (int)std::strtol(token().c_str(), nullptr, 10); } };
template <> struct Reader<long long> { static long long read() { return std::strtoll(token().c_str(), nullptr, 10); } };
template <> struct Reader<double> { static double read() { return std::strtod(token().c_str(), nullptr); } };
template <> struct Reader<bool> { static bool read() { return token() == "1"; } };
template <> struct Reader<char> { static char read() { return (char)std::strtol(token().c_str(), nullptr, 10); } };
template <> struct Reader<std::string> {
    static std::string read() {
        std::size_t length = std::strtoull(token().c_str(), nullptr, 10);
        ++at; // the one space between the length and the bytes
        std::string s = input.substr(at, length);
        at += length;
        return s;
    }
};
template <class T> struct Reader<std::vector<T>> {
    static std::vector<T> read() {
        std::size_t n = std::strtoull(token().c_str(), nullptr, 10);
        std::vector<T> v;
        v.reserve(n);
        for (std::size_t i = 0; i < n; ++i) v.push_back(Reader<T>::read());
        return v;
    }
};
template <> struct Reader<ListNode*> {
    static ListNode* read() {
        std::vector<int> values = Reader<std::vector<int>>::read();
        ListNode head;
        ListNode* tail = &head;
        for (int v : values) tail = tail->next = new ListNode(v);
        return head.next;
    }
};
template <> struct Reader<TreeNode*> {
    static TreeNode* read() {
        std::size_t n = std::strtoull(token().c_str(), nullptr, 10);
        std::vector<TreeNode*> nodes;
        for (std::size_t i = 0; i < n; ++i) {
            std::string t = token();
            nodes.push_back(t == "null" ? nullptr : new TreeNode((int)std::strtol(t.c_str(), nullptr, 10)));
        }
        if (nodes.empty()) return nullptr;
        std::size_t child = 1;
        for (std::size_t i = 0; i < nodes.size() && child < nodes.size(); ++i) {
            if (nodes[i] == nullptr) continue;
            nodes[i]->left = nodes[child++];
            if (child < nodes.size()) nodes[i]->right = nodes[child++];
        }
        return nodes[0];
    }
};

static void emit(std::string& out, int v) { out += std::to_string(v); }
static void emit(std::string& out, long long v) { out += std::to_string(v); }
static void emit(std::string& out, bool v) { out += v ? "true" : "false"; }
static void emit(std::string& out, double v) {
    if (!std::isfinite(v)) { out += "null"; return; }
    char text[32];
    std::snprintf(text, sizeof text, "%.17g", v);
    out += text;
}
static void emit_string(std::string& out, const char* s, std::size_t n) {
    static const char* hex = "0123456789abcdef";
    out += '"';
    for (std::size_t i = 0; i < n; ++i) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"') out += "\\\\\\"";
        else if (c == '\\\\') out += "\\\\\\\\";
        else if (c == '\\n') out += "\\\\n";
        else if (c == '\\r') out += "\\\\r";
        else if (c == '\\t') out += "\\\\t";
        else if (c < 0x20 || c == 0x7f) { out += "\\\\u00"; out += hex[c >> 4]; out += hex[c & 15]; }
        else out += (char)c;
    }
    out += '"';
}
// A char holds one byte; the box gives a code point, so 128..255 come back as that code point in UTF-8.
static void emit(std::string& out, char v) {
    unsigned char c = (unsigned char)v;
    if (c < 0x80) { emit_string(out, &v, 1); return; }
    char utf8[2] = {(char)(0xc0 | (c >> 6)), (char)(0x80 | (c & 0x3f))};
    emit_string(out, utf8, 2);
}
static void emit(std::string& out, const std::string& v) { emit_string(out, v.data(), v.size()); }
template <class T> static void emit(std::string& out, const std::vector<T>& v) {
    out += '[';
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (i > 0) out += ',';
        emit(out, v[i]);
    }
    out += ']';
}
static void emit(std::string& out, ListNode* head) {
    out += '[';
    for (ListNode* p = head; p != nullptr; p = p->next) {
        if (p != head) out += ',';
        out += std::to_string(p->val);
    }
    out += ']';
}
static void emit(std::string& out, TreeNode* root) {
    std::vector<TreeNode*> order;
    if (root != nullptr) order.push_back(root);
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (order[i] == nullptr) continue;
        order.push_back(order[i]->left);
        order.push_back(order[i]->right);
    }
    while (!order.empty() && order.back() == nullptr) order.pop_back();
    out += '[';
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (i > 0) out += ',';
        out += order[i] == nullptr ? std::string("null") : std::to_string(order[i]->val);
    }
    out += ']';
}

static void run_case(std::string& out);
}
`;

/** After the user's code: the loop over the cases (run_case is generated per signature). */
export const CPP_MAIN = `int main() {
    judge_driver::load_input();
    std::string boundary = judge_driver::token();
    int cases = judge_driver::Reader<int>::read();
    FILE* results = fdopen(3, "w");
    if (results == nullptr) return 2;
    for (int k = 0; k < cases; ++k) {
        std::string out;
        judge_driver::run_case(out);
        std::cout.flush();
        std::fflush(stdout);
        std::fwrite(boundary.data(), 1, boundary.size(), stdout);
        std::fflush(stdout);
        out += '\\n';
        std::fwrite(out.data(), 1, out.size(), results);
        std::fflush(results);
    }
    return 0;
}
`;
