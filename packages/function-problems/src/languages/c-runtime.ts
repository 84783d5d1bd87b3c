/**
 * The C program around the user's code: the headers LeetCode's C has, its node structs, the
 * box-format reader and the JSON writer, all before the user's `#include`d file (so its macros
 * cannot reach them). Every driver name starts with `judge_`.
 */
export const C_PRELUDE = `#include <assert.h>
#include <ctype.h>
#include <errno.h>
#include <float.h>
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct ListNode {
    int val;
    struct ListNode *next;
};

struct TreeNode {
    int val;
    struct TreeNode *left;
    struct TreeNode *right;
};

static char* judge_input;
static size_t judge_input_length, judge_at;

static void judge_load(void) {
    size_t capacity = 1 << 16;
    judge_input = malloc(capacity + 1);
    size_t n;
    while ((n = fread(judge_input + judge_input_length, 1, capacity - judge_input_length, stdin)) > 0) {
        judge_input_length += n;
        if (judge_input_length == capacity) {
            capacity *= 2;
            judge_input = realloc(judge_input, capacity + 1);
        }
    }
    judge_input[judge_input_length] = 0;
}

static bool judge_is_space(char c) { return c == ' ' || c == '\\n' || c == '\\r' || c == '\\t'; }

/** The next token; *length its length. Numbers are read in place: strtol stops at the space after. */
static const char* judge_token(size_t* length) {
    while (judge_at < judge_input_length && judge_is_space(judge_input[judge_at])) ++judge_at;
    size_t start = judge_at;
    while (judge_at < judge_input_length && !judge_is_space(judge_input[judge_at])) ++judge_at;
    *length = judge_at - start;
    return judge_input + start;
}

static int judge_read_int(void) { size_t n; return (int)strtol(judge_token(&n), NULL, 10); }
static long long judge_read_long(void) { size_t n; return strtoll(judge_token(&n), NULL, 10); }
static double judge_read_double(void) { size_t n; return strtod(judge_token(&n), NULL); }
static bool judge_read_bool(void) { size_t n; return *judge_token(&n) == '1'; }
static char judge_read_char(void) { return (char)judge_read_int(); }
static char* judge_read_string(void) {
    size_t length = (size_t)judge_read_long();
    ++judge_at; /* the one space between the length and the bytes */
    char* s = malloc(length + 1);
    memcpy(s, judge_input + judge_at, length);
    s[length] = 0;
    judge_at += length;
    return s;
}

#define JUDGE_READERS(name, type) \\
    static type* judge_read_##name##_array(int* size) { \\
        *size = judge_read_int(); \\
        type* v = malloc(sizeof(type) * (size_t)(*size > 0 ? *size : 1)); \\
        for (int i = 0; i < *size; ++i) v[i] = judge_read_##name(); \\
        return v; \\
    } \\
    static type** judge_read_##name##_matrix(int* rows, int** columns) { \\
        *rows = judge_read_int(); \\
        type** m = malloc(sizeof(type*) * (size_t)(*rows > 0 ? *rows : 1)); \\
        *columns = malloc(sizeof(int) * (size_t)(*rows > 0 ? *rows : 1)); \\
        for (int i = 0; i < *rows; ++i) m[i] = judge_read_##name##_array(&(*columns)[i]); \\
        return m; \\
    }
JUDGE_READERS(int, int)
JUDGE_READERS(long, long long)
JUDGE_READERS(double, double)
JUDGE_READERS(bool, bool)
JUDGE_READERS(char, char)
JUDGE_READERS(string, char*)

static struct ListNode* judge_read_list(void) {
    int n = judge_read_int();
    struct ListNode head = {0, NULL};
    struct ListNode* tail = &head;
    for (int i = 0; i < n; ++i) {
        tail->next = malloc(sizeof(struct ListNode));
        tail = tail->next;
        tail->val = judge_read_int();
        tail->next = NULL;
    }
    return head.next;
}

static struct TreeNode* judge_read_tree(void) {
    int n = judge_read_int();
    if (n == 0) return NULL;
    struct TreeNode** nodes = malloc(sizeof(struct TreeNode*) * (size_t)n);
    for (int i = 0; i < n; ++i) {
        size_t length;
        const char* t = judge_token(&length);
        if (length == 4 && memcmp(t, "null", 4) == 0) {
            nodes[i] = NULL;
        } else {
            nodes[i] = malloc(sizeof(struct TreeNode));
            nodes[i]->val = (int)strtol(t, NULL, 10);
            nodes[i]->left = nodes[i]->right = NULL;
        }
    }
    int child = 1;
    for (int i = 0; i < n && child < n; ++i) {
        if (nodes[i] == NULL) continue;
        nodes[i]->left = nodes[child++];
        if (child < n) nodes[i]->right = nodes[child++];
    }
    struct TreeNode* root = nodes[0];
    free(nodes);
    return root;
}

static char* judge_out;
static size_t judge_out_length, judge_out_capacity;

static void judge_append(const char* s, size_t n) {
    if (judge_out_length + n + 2 > judge_out_capacity) {
        while (judge_out_length + n + 2 > judge_out_capacity) judge_out_capacity = judge_out_capacity * 2 + 256;
        judge_out = realloc(judge_out, judge_out_capacity);
    }
    memcpy(judge_out + judge_out_length, s, n);
    judge_out_length += n;
}
static void judge_append_text(const char* s) { judge_append(s, strlen(s)); }

static void judge_emit_int(int v) { char t[24]; judge_append(t, (size_t)snprintf(t, sizeof t, "%d", v)); }
static void judge_emit_long(long long v) { char t[24]; judge_append(t, (size_t)snprintf(t, sizeof t, "%lld", v)); }
static void judge_emit_double(double v) {
    if (!isfinite(v)) { judge_append_text("null"); return; }
    char t[32];
    judge_append(t, (size_t)snprintf(t, sizeof t, "%.17g", v));
}
static void judge_emit_bool(bool v) { judge_append_text(v ? "true" : "false"); }
static void judge_emit_bytes(const char* s, size_t n) {
    static const char hex[] = "0123456789abcdef";
    judge_append("\\"", 1);
    for (size_t i = 0; i < n; ++i) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"') judge_append("\\\\\\"", 2);
        else if (c == '\\\\') judge_append("\\\\\\\\", 2);
        else if (c == '\\n') judge_append("\\\\n", 2);
        else if (c == '\\r') judge_append("\\\\r", 2);
        else if (c == '\\t') judge_append("\\\\t", 2);
        else if (c < 0x20 || c == 0x7f) {
            char u[6] = {'\\\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            judge_append(u, 6);
        } else judge_append((const char*)&c, 1);
    }
    judge_append("\\"", 1);
}
/* A char holds one byte; the box gives a code point, so 128..255 come back as that code point in UTF-8. */
static void judge_emit_char(char v) {
    unsigned char c = (unsigned char)v;
    if (c < 0x80) { judge_emit_bytes(&v, 1); return; }
    char utf8[2] = {(char)(0xc0 | (c >> 6)), (char)(0x80 | (c & 0x3f))};
    judge_emit_bytes(utf8, 2);
}
static void judge_emit_string(const char* v) {
    if (v == NULL) judge_append_text("null");
    else judge_emit_bytes(v, strlen(v));
}

#define JUDGE_WRITERS(name, type) \\
    static void judge_emit_##name##_array(type* v, int size) { \\
        if (v == NULL && size > 0) { judge_append_text("null"); return; } \\
        judge_append("[", 1); \\
        for (int i = 0; i < size; ++i) { \\
            if (i > 0) judge_append(",", 1); \\
            judge_emit_##name(v[i]); \\
        } \\
        judge_append("]", 1); \\
    } \\
    static void judge_emit_##name##_matrix(type** m, int rows, int* columns) { \\
        if ((m == NULL || columns == NULL) && rows > 0) { judge_append_text("null"); return; } \\
        judge_append("[", 1); \\
        for (int i = 0; i < rows; ++i) { \\
            if (i > 0) judge_append(",", 1); \\
            judge_emit_##name##_array(m[i], columns[i]); \\
        } \\
        judge_append("]", 1); \\
    }
JUDGE_WRITERS(int, int)
JUDGE_WRITERS(long, long long)
JUDGE_WRITERS(double, double)
JUDGE_WRITERS(bool, bool)
JUDGE_WRITERS(char, char)
JUDGE_WRITERS(string, char*)

static void judge_emit_list(struct ListNode* head) {
    judge_append("[", 1);
    for (struct ListNode* p = head; p != NULL; p = p->next) {
        if (p != head) judge_append(",", 1);
        judge_emit_int(p->val);
    }
    judge_append("]", 1);
}

static void judge_emit_tree(struct TreeNode* root) {
    size_t length = 0, capacity = 64;
    struct TreeNode** order = malloc(sizeof(struct TreeNode*) * capacity);
    if (root != NULL) order[length++] = root;
    for (size_t i = 0; i < length; ++i) {
        if (order[i] == NULL) continue;
        if (length + 2 > capacity) {
            capacity *= 2;
            order = realloc(order, sizeof(struct TreeNode*) * capacity);
        }
        order[length++] = order[i]->left;
        order[length++] = order[i]->right;
    }
    while (length > 0 && order[length - 1] == NULL) --length;
    judge_append("[", 1);
    for (size_t i = 0; i < length; ++i) {
        if (i > 0) judge_append(",", 1);
        if (order[i] == NULL) judge_append_text("null");
        else judge_emit_int(order[i]->val);
    }
    judge_append("]", 1);
    free(order);
}

static void judge_run_case(void);
`;

/** After the user's code: the loop over the cases (judge_run_case is generated per signature). */
export const C_MAIN = `int main(void) {
    judge_load();
    size_t boundary_length;
    const char* boundary = judge_token(&boundary_length);
    int cases = judge_read_int();
    FILE* results = fdopen(3, "w");
    if (results == NULL) return 2;
    for (int k = 0; k < cases; ++k) {
        judge_out_length = 0;
        judge_run_case();
        fflush(stdout);
        fwrite(boundary, 1, boundary_length, stdout);
        fflush(stdout);
        judge_append("\\n", 1);
        fwrite(judge_out, 1, judge_out_length, results);
        fflush(results);
    }
    return 0;
}
`;
