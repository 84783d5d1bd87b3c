/**
 * The Python driver (main.py), the same for every signature: `_SIG` on its first line is the
 * only generated part. It reads the box format from stdin, runs LeetCode's implicit prelude and
 * then the user's solution.py in one namespace (so tracebacks and compile errors give the user's
 * own file and lines), calls the user's code once per case, and per case flushes stdout, writes
 * the boundary line and then the result as one JSON line on fd 3 (docs/function-problems.md).
 *
 * Stdout and the boundary go before the result line: the worker may stop the box as soon as a
 * result fails, and that case's prints must already be out by then.
 */
export const PYTHON_DRIVER_BODY = String.raw`
import os as _os, sys as _sys, re as _re, json as _json, builtins as _builtins
from collections import deque as _deque

_sys.setrecursionlimit(550000)
_DATA = _sys.stdin.buffer.read()
_pos = 0
_TOKEN = _re.compile(rb'[ \n]*([^ \n]+)')


def _tok():
    global _pos
    m = _TOKEN.match(_DATA, _pos)
    if m is None:
        raise EOFError('the box input ended early')
    _pos = m.end()
    return m.group(1)


def _read_str():
    global _pos
    n = int(_tok())
    start = _pos + 1
    _pos = start + n
    return _DATA[start:_pos].decode('utf-8', 'surrogateescape')


_PRELUDE = '''
from typing import *
import array, bisect, collections, copy, datetime, decimal, fractions, functools, heapq, itertools
import math, operator, random, re, statistics, string, sys, time
from collections import *
try:
    from sortedcontainers import SortedList, SortedDict, SortedSet
except ImportError:
    pass

class ListNode:
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next

class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right
'''


def _namespace():
    ns = {'__name__': '__main__', '__builtins__': _builtins}
    exec(compile(_PRELUDE, '<prelude>', 'exec'), ns)
    # LeetCode's star imports, except where a name would hide a builtin (math.pow hiding pow(a, b, m)).
    import heapq, bisect, itertools, functools, math, string, operator
    for module in (heapq, bisect, itertools, functools, math, string, operator):
        names = getattr(module, '__all__', None) or [n for n in dir(module) if not n.startswith('_')]
        for name in names:
            if not hasattr(_builtins, name) and name not in ns:
                ns[name] = getattr(module, name)
    return ns


_NS = _namespace()


def _reader(t):
    if t.endswith('[]') or t.startswith('list<'):
        element = _reader(t[:-2] if t.endswith('[]') else t[5:-1])
        return lambda: [element() for _ in range(int(_tok()))]
    if t in ('integer', 'long'):
        return lambda: int(_tok())
    if t == 'double':
        return lambda: float(_tok())
    if t == 'boolean':
        return lambda: _tok() == b'1'
    if t == 'character':
        return lambda: chr(int(_tok()))
    if t == 'string':
        return _read_str
    if t == 'ListNode':
        return _read_list
    if t == 'TreeNode':
        return _read_tree
    raise ValueError('no reader for ' + t)


def _read_list():
    values = [int(_tok()) for _ in range(int(_tok()))]
    node_class = _NS['ListNode']
    head = None
    for value in reversed(values):
        node = node_class(value)
        node.next = head
        head = node
    return head


def _read_tree():
    items = []
    for _ in range(int(_tok())):
        token = _tok()
        items.append(None if token == b'null' else int(token))
    if not items:
        return None
    node_class = _NS['TreeNode']
    root = node_class(items[0])
    queue = _deque([root])
    i = 1
    while queue and i < len(items):
        node = queue.popleft()
        if i < len(items) and items[i] is not None:
            node.left = node_class(items[i])
            queue.append(node.left)
        i += 1
        if i < len(items) and items[i] is not None:
            node.right = node_class(items[i])
            queue.append(node.right)
        i += 1
    return root


_NODE_CAP = 4000000


def _number(v):
    if isinstance(v, bool):
        return 'true' if v else 'false'
    if isinstance(v, int):
        return str(v)
    return _double(v)


def _double(v):
    if v is None:
        return 'null'
    f = float(v)
    if f != f or f in (float('inf'), float('-inf')):
        return 'null'
    return repr(f)


def _writer(t):
    if t.endswith('[]') or t.startswith('list<'):
        element = _writer(t[:-2] if t.endswith('[]') else t[5:-1])
        return lambda v: 'null' if v is None else '[' + ','.join([element(x) for x in v]) + ']'
    if t in ('integer', 'long'):
        return lambda v: 'null' if v is None else _number(v)
    if t == 'double':
        return _double
    if t == 'boolean':
        return lambda v: 'null' if v is None else ('true' if v else 'false')
    if t in ('string', 'character'):
        return lambda v: 'null' if v is None else _json.dumps(v)
    if t == 'ListNode':
        return _write_list
    if t == 'TreeNode':
        return _write_tree
    if t == 'void':
        return lambda v: 'null'
    raise ValueError('no writer for ' + t)


def _write_list(head):
    out = []
    while head is not None:
        out.append(_number(head.val))
        if len(out) > _NODE_CAP:
            raise RuntimeError('the returned list does not end (a cycle?)')
        head = head.next
    return '[' + ','.join(out) + ']'


def _write_tree(root):
    out = []
    queue = _deque([root])
    while queue:
        node = queue.popleft()
        if node is None:
            out.append('null')
            continue
        out.append(_number(node.val))
        if len(out) > _NODE_CAP:
            raise RuntimeError('the returned tree does not end (a cycle?)')
        queue.append(node.left)
        queue.append(node.right)
    while out and out[-1] == 'null':
        out.pop()
    return '[' + ','.join(out) + ']'


_write = _os.write
_STDOUT = _sys.stdout


def _emit(line):
    data = (line + '\n').encode('utf-8', 'surrogateescape')
    view = memoryview(data)
    while view:
        view = view[_write(3, view):]


def _end_case(boundary):
    for stream in (_sys.stdout, _STDOUT):
        try:
            stream.flush()
        except Exception:
            pass
    _write(1, boundary)


def _function_case(method_of):
    args = [read() for read in _READ_PARAMS]
    result = method_of()(*args)
    if _SIG['output'] >= 0:
        return _WRITE_OUTPUT(args[_SIG['output']])
    return _WRITE_RESULT(result)


def _design_case(cls):
    obj = cls(*[read() for read in _READ_CTOR])
    out = ['null']
    for _ in range(int(_tok())):
        name, readers, write = _METHODS[int(_tok())]
        args = [read() for read in readers]
        out.append(write(getattr(obj, name)(*args)))
    return '[' + ','.join(out) + ']'


if _SIG['kind'] == 'function':
    _READ_PARAMS = [_reader(t) for t in _SIG['params']]
    _WRITE_RESULT = _writer(_SIG['returns'])
    _WRITE_OUTPUT = _writer(_SIG['params'][_SIG['output']]) if _SIG['output'] >= 0 else None
else:
    _READ_CTOR = [_reader(t) for t in _SIG['ctor']]
    _METHODS = [(m[0], [_reader(t) for t in m[1]], _writer(m[2])) for m in _SIG['methods']]


def _main():
    boundary = _tok() + b'\n'
    cases = int(_tok())
    path = _os.path.join(_os.path.dirname(_os.path.abspath(__file__)), 'solution.py')
    with open(path, 'rb') as f:
        source = f.read()
    exec(compile(source, path, 'exec', dont_inherit=True), _NS)
    if _SIG['kind'] == 'function':
        cls = _NS['Solution']
        name = _SIG['name']
        method_of = lambda: getattr(cls(), name)
        for _ in range(cases):
            line = _function_case(method_of)
            _end_case(boundary)
            _emit(line)
    else:
        cls = _NS[_SIG['name']]
        for _ in range(cases):
            line = _design_case(cls)
            _end_case(boundary)
            _emit(line)


_main()
`;
