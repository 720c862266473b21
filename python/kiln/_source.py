"""_source.py — the text kiln compiles for a decorated function.

kiln compiles modules of kernel source, and a Python file holds much more than kernels (classes,
imports of other modules, top-level code). So the module kiln sees is made from the file's own
lines: the decorated function and every kiln kernel it calls (found through its globals, to any
depth) keep their lines at their line numbers, every other line is blank, and the free lines
carry what the kernels read from the module's globals, frozen at this moment as in Numba:
`import numpy as np`, `import math`, and constants (numbers, booleans, tuples of them). Errors
then point at the real file and line.

Where no file backs the function (the REPL, exec of a string) linecache and inspect still find
the text IPython and most tools register; otherwise the error says so.
"""
import ast
import collections
import dis
import inspect
import linecache
import os
import re
import stat
import sys
import math
import numbers
import types

SUPPORTED_MODULES = {"numpy": "numpy", "math": "math", "kiln.cuda": "kiln.cuda", "numba.cuda": "numba.cuda"}


class SourceError(Exception):
    pass


class NotARegularFile(Exception):
    pass


def _file_lines(filename, module_globals):
    """the file's lines as linecache holds them; a file not read yet is read here as UTF-8 (PEP 3120's
    default: linecache's tokenize-based reading costs ~60 us, most of a first call) and put into
    linecache, so tracebacks find the same text; a file with an encoding cookie goes to linecache"""
    entry = linecache.cache.get(filename)
    if entry is not None and len(entry) == 4:
        return entry[2]
    try:  # os-level calls: an io.BufferedReader and a second stat cost more than the read itself
        fd = os.open(filename, os.O_RDONLY | os.O_CLOEXEC | os.O_NONBLOCK)  # a FIFO must not block
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                raise NotARegularFile(filename)
            data = os.read(fd, st.st_size + 1)
        finally:
            os.close(fd)
        head = data[:400].split(b"\n", 2)[:2]
        if any(b"coding" in h and h.lstrip().startswith(b"#") for h in head):
            raise ValueError("an encoding cookie")
        if len(data) != st.st_size:
            raise ValueError("the file changed while read")
        text = data.decode("utf-8")
        if "\r" in text:  # universal newlines, as Python reads source (not str.splitlines: \f is not one)
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        lines = [ln + "\n" for ln in text.split("\n")]
        lines[-1] = lines[-1][:-1]
        if not lines[-1]:
            lines.pop()
    except NotARegularFile:
        raise SourceError("kiln cannot read kernels from %s: not a regular file (a pipe or a device)" % filename) from None
    except (OSError, ValueError, UnicodeDecodeError):
        return linecache.getlines(filename, module_globals)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    linecache.cache[filename] = (st.st_size, st.st_mtime, lines, filename)
    return lines


def _header_end(lines, i):
    """(index of the line with the header's colon, whether the body follows that colon on its line) for the
    def starting at lines[i]: the colon outside brackets, strings and comments (parameters may span lines;
    defaults and annotations hold colons, brackets and '#' of their own); None if the header never ends"""
    depth, quote = 0, None
    for j in range(i, len(lines)):
        ln, k = lines[j], 0
        while k < len(ln):
            c = ln[k]
            if quote:
                if c == "\\":
                    k += 1
                elif ln.startswith(quote, k):
                    k += len(quote) - 1
                    quote = None
            elif c == "#":
                break
            elif c in "'\"":
                quote = ln[k:k + 3] if ln[k:k + 3] in ("'''", '"""') else c
                k += len(quote) - 1
            elif c in "([{":
                depth += 1
            elif c in ")]}":
                depth -= 1
            elif c == ":" and depth == 0:
                rest = ln[k + 1:].strip()
                return j, bool(rest) and not rest.startswith("#")
            k += 1
        if quote in ("'", '"'):
            quote = None  # a one-quote string ends with its line (or the file would not have compiled)
    return None


def _block_end(lines, i):
    """the index just past the def whose header starts at lines[i]: the header to its colon, then the body on
    the colon's line (`def f(x): return x + 1`) or every line indented deeper (blank lines and comments
    included); None if the header never ends"""
    indent = len(lines[i]) - len(lines[i].lstrip())
    head = _header_end(lines, i)
    if head is None:
        return None
    j = head[0] + 1
    if head[1]:
        return j
    while j < len(lines):
        ln = lines[j]
        if ln.strip() and not ln.lstrip().startswith("#") and len(ln) - len(ln.lstrip()) <= indent:
            break
        j += 1
    return j


def _quick_lines(fn):
    """(lines, start) from linecache and the code object: the function's block by indentation, without
    tokenizing the file (inspect.getsourcelines takes milliseconds); None where that is not safe
    (a multi-line string, a line continuation, no file text)"""
    code = fn.__code__
    lines = _file_lines(code.co_filename, fn.__globals__)
    start = code.co_firstlineno
    if not lines or start > len(lines):
        return None
    i = start - 1
    while i < len(lines) and lines[i].lstrip().startswith("@"):
        i += 1
    if i >= len(lines) or not lines[i].lstrip().startswith("def "):
        return None
    j = _block_end(lines, i)
    if j is None:
        return None
    body = lines[start - 1:j]
    if any('"""' in ln or "\'\'\'" in ln or ln.rstrip().endswith("\\") for ln in body):
        return None
    while body and not body[-1].strip():
        body.pop()
    return body, start


def _dedent(lines):
    """(lines, margin): the lines without the leading whitespace all non-blank ones share (textwrap.dedent's
    rule, without its regular expressions: a tenth of the time on a first call); blank lines become empty"""
    margin = None
    for ln in lines:
        body = ln.lstrip(" \t")
        if not body:
            continue
        lead = ln[:len(ln) - len(body)]
        if margin is None or lead.startswith(margin):
            margin = lead if margin is None else margin
        elif margin.startswith(lead):
            margin = lead
        else:  # mixed tabs and spaces: the common prefix
            k = 0
            while k < len(lead) and k < len(margin) and lead[k] == margin[k]:
                k += 1
            margin = margin[:k]
    margin = margin or ""
    return [ln[len(margin):] if ln.strip(" \t") else "" for ln in lines], margin


def _typed_lines(fn):
    """(lines, first line) of a function typed at CPython's own interactive prompt, from readline's history
    (CPython 3.11 and 3.12 keep no source for it; 3.13's prompt registers it in linecache), or None.
    The newest typed definition whose bytecode is the function's own is taken."""
    if fn.__code__.co_filename != "<stdin>":
        return None
    rl = sys.modules.get("readline")
    if rl is None:
        return None
    try:
        hist = [rl.get_history_item(i) or "" for i in range(1, rl.get_current_history_length() + 1)]
    except Exception:  # noqa: BLE001 (a readline stand-in without a history)
        return None
    head = re.compile(r"\s*(async\s+)?def\s+%s\s*\(" % re.escape(fn.__code__.co_name))
    for k in range(len(hist) - 1, -1, -1):
        if not head.match(hist[k]):
            continue
        first = k
        while first > 0 and hist[first - 1].lstrip().startswith("@"):
            first -= 1
        end = _block_end(hist, k)
        if end is None:
            continue
        block = [ln + "\n" for ln in hist[first:end]]
        try:
            code = compile(_dedent_text(block), "<stdin>", "exec")
        except SyntaxError:
            continue
        mine = [c for c in code.co_consts if isinstance(c, types.CodeType) and c.co_name == fn.__code__.co_name]
        if mine and mine[0].co_code == fn.__code__.co_code:
            return block, fn.__code__.co_firstlineno
    return None


def _dedent_text(lines):
    """the text of lines without their common indentation"""
    out, _ = _dedent([ln.rstrip("\n") for ln in lines])
    return "\n".join(out) + "\n"


def lambda_name(fn):
    """the name a lambda kernel's def gets in the module kiln compiles (its line and column keep two apart)"""
    node = _lambda_node(fn)
    return "_kiln_lambda_%d_%d" % (node.lineno, node.col_offset)


def _lambda_node(fn):
    """the ast.Lambda of a lambda function in its file: at its first line, with its parameters, the one whose body
    starts where its code's first position does (two lambdas on one line)"""
    code = fn.__code__
    lines = _file_lines(code.co_filename, fn.__globals__)
    if not lines:
        raise SourceError("kiln cannot find the source of a lambda defined in %s; define it in a file, a notebook cell "
                          "or at an interactive prompt" % code.co_filename)
    try:
        tree = ast.parse("".join(lines))
    except SyntaxError as e:
        raise SourceError("kiln cannot read the lambda's file %s: %s" % (code.co_filename, e)) from None
    params = code.co_varnames[:code.co_argcount + code.co_kwonlyargcount + bool(code.co_flags & inspect.CO_VARARGS)]
    found = [n for n in ast.walk(tree) if isinstance(n, ast.Lambda) and n.lineno == code.co_firstlineno
             and tuple(a.arg for a in n.args.posonlyargs + n.args.args + ([n.args.vararg] if n.args.vararg else [])
                       + n.args.kwonlyargs) == tuple(params)]
    cols = [p[2] for p in code.co_positions()  # the body's own (RESUME and the return say column 0 to 0)
            if p[2] is not None and p[0] == code.co_firstlineno and (p[2], p[3]) != (0, 0)]
    if len(found) > 1 and cols:
        found = [n for n in found if n.body.col_offset == min(cols)] or found
    if len(found) != 1:
        raise SourceError("%s:%d: kiln cannot tell this lambda from the others on its line; give it a def"
                          % (code.co_filename, code.co_firstlineno))
    return found[0]


def _lambda_lines(fn, name=None):
    """(first line number, lines, margin "") for a lambda kernel: `def NAME(params): return BODY` at the lambda's first line,
    the other lines it spans blank (kiln compiles the def; a lambda's body is one expression); NAME: the name the
    kernels calling it use, else lambda_name's"""
    node = _lambda_node(fn)
    head = "def %s(%s): return %s" % (name or lambda_name(fn), ast.unparse(node.args), ast.unparse(node.body))
    return node.lineno, [head] + [""] * (node.end_lineno - node.lineno), ""


def _lines_of(fn, name=None):
    """(first line number, list of lines, margin) of fn's definition, decorators included; margin: the
    indentation taken off every line (a function nested in a class or a function); name: a lambda's def's"""
    if fn.__name__ == "<lambda>":
        return _lambda_lines(fn, name)
    quick = _quick_lines(fn)
    try:
        lines, start = quick if quick else inspect.getsourcelines(fn)
    except (OSError, TypeError) as e:
        typed = _typed_lines(fn)
        if typed is None:
            raise SourceError("kiln cannot find the source of %s (defined in %s): %s; define it in a file, a notebook "
                              "cell or at an interactive prompt" % (fn.__qualname__, fn.__code__.co_filename, e)) from None
        lines, start = typed
    out, margin = _dedent([ln.rstrip("\n") for ln in lines])
    # decorators (kiln.jit and others) are Python-level: blank them, keeping the numbering
    for i, ln in enumerate(out):
        s = ln.lstrip()
        if s.startswith("def ") or s.startswith("async def "):
            break
        out[i] = ""
    return max(start, 1), out, margin


_NP_NAMES = {"bool": "bool_", "int8": "int8", "int16": "int16", "int32": "int32", "int64": "int64", "uint8": "uint8",
             "uint16": "uint16", "uint32": "uint32", "uint64": "uint64", "float32": "float32", "float64": "float64",
             "complex64": "complex64", "complex128": "complex128"}


def _float_text(x):
    """a float as kiln's constant syntax writes it (math.nan and math.inf: kiln has no float('nan'))"""
    if math.isnan(x):
        return "math.nan"
    if math.isinf(x):
        return "math.inf" if x > 0 else "-math.inf"
    return repr(x)


def _complex_text(z):
    """a complex number as kiln reads it back exactly, signed zeros included (repr's (-0-3j) does not
    round-trip, in CPython either)"""
    return "complex(%s, %s)" % (_float_text(z.real), _float_text(z.imag))


def _numpy_dtype_name(v):
    """kiln's name of a NumPy dtype given as a dtype object or a scalar type (np.float32), else None"""
    import sys
    np = sys.modules.get("numpy")
    if np is None:
        return None
    if isinstance(v, type) and issubclass(v, np.generic):
        v = np.dtype(v)
    if isinstance(v, np.dtype) and v.isnative:
        return _NP_NAMES.get(v.name)
    if type(v).__module__.startswith("numba.") and str(v) in _NP_NAMES:  # numba.float32, as CUDA kernels name dtypes
        return _NP_NAMES[str(v)]
    return None


COLLECTIONS = "_kiln_collections"  # the module text's name for collections (namedtuple classes are made through it)


def _namedtuple_text(v, np_name):
    """collections.namedtuple(...) making again the namedtuple class v (its name, fields and defaults), else None"""
    if not (isinstance(v, type) and issubclass(v, tuple) and isinstance(getattr(v, "_fields", None), tuple)
            and isinstance(getattr(v, "_field_defaults", None), dict) and hasattr(v, "_make")):
        return None
    fields = v._fields
    if not all(type(f) is str for f in fields) or len(fields) > TUPLE_MAX:
        return None
    parts = [repr(v.__name__), repr(fields)]
    defaults = [_constant(v._field_defaults[f], np_name) for f in fields if f in v._field_defaults]
    if any(d is None for d in defaults):
        return None
    if defaults:
        parts.append("defaults=(%s,)" % ", ".join(defaults))
    if any(f.startswith("_") for f in fields):  # rename=True's names (_1 for field 1): made again by rename=True
        parts.append("rename=True")
    return "%s.namedtuple(%s)" % (COLLECTIONS, ", ".join(parts))


NB_TYPES = "_kiln_nbtypes"  # the module text's name for numba.core.types (Numba types are written through it)


def _numba_type_text(v):
    """a Numba type object (types.int64[:], types.UniTuple(types.int64, 2) ...) as the expression kiln reads
    (lower/nbtyped.c), else None"""
    if not type(v).__module__.startswith("numba.core.types"):
        return None
    t = sys.modules.get("numba.core.types")
    if t is None:
        return None
    if isinstance(v, (t.Integer, t.Float, t.Complex, t.Boolean)):
        return "%s.%s" % (NB_TYPES, "boolean" if isinstance(v, t.Boolean) else str(v))
    if isinstance(v, t.UnicodeType):
        return "%s.unicode_type" % NB_TYPES
    if isinstance(v, t.Array) and v.layout in ("C", "A") and 1 <= v.ndim:
        item = _numba_type_text(v.dtype)
        axes = [":"] * (v.ndim - 1) + ["::1" if v.layout == "C" else ":"]
        return None if item is None else "%s[%s]" % (item, ", ".join(axes))
    parts = None
    if isinstance(v, t.UniTuple):
        item = _numba_type_text(v.dtype)
        return None if item is None else "%s.UniTuple(%s, %d)" % (NB_TYPES, item, v.count)
    if isinstance(v, t.Tuple):
        parts = [_numba_type_text(x) for x in v.types]
        return None if None in parts else "%s.Tuple((%s))" % (NB_TYPES, "".join(p + ", " for p in parts))
    if isinstance(v, t.ListType):
        item = _numba_type_text(v.item_type)
        return None if item is None else "%s.ListType(%s)" % (NB_TYPES, item)
    if isinstance(v, t.DictType):
        parts = [_numba_type_text(v.key_type), _numba_type_text(v.value_type)]
        return None if None in parts else "%s.DictType(%s, %s)" % (NB_TYPES, parts[0], parts[1])
    return None


def _constant(v, np_name="np"):
    """the literal for a frozen global, or None if kiln cannot take it as a constant; np_name: the
    module text's name for numpy (NumPy scalars and dtypes are written through it)"""
    if isinstance(v, bool) or v is None:
        return repr(v)
    if isinstance(v, numbers.Integral) and type(v).__module__ == "builtins":
        return repr(int(v)) if -2**63 <= v < 2**63 else None
    if isinstance(v, float) and type(v) is float:
        return _float_text(v)
    if isinstance(v, complex) and type(v) is complex:
        return _complex_text(v)
    if type(v) is str:  # its repr is a literal kiln reads; NULs and lone surrogates kiln's texts cannot hold
        try:
            v.encode("utf-8")
        except UnicodeEncodeError:
            return None
        return repr(v) if "\x00" not in v else None
    cls = _namedtuple_text(v, np_name) or _numba_type_text(v)
    if cls is not None:
        return cls
    if isinstance(v, tuple):
        if len(v) > TUPLE_MAX:
            return None
        parts = [_constant(x, np_name) for x in v]
        if not all(p is not None for p in parts):
            return None
        cls = _namedtuple_text(type(v), np_name) if type(v) is not tuple else None
        if cls is not None:  # a namedtuple instance: made by its class, so it keeps its names
            return "%s(%s)" % (cls, ", ".join(parts))
        return "(" + ", ".join(parts) + ("," if len(parts) == 1 else "") + ")"
    if type(v) is list:  # frozen: each kernel call starts from these items (kiln says so: docs/python.md)
        if len(v) > FROZEN_ARRAY_MAX:
            return None
        parts = [_constant(x, np_name) for x in v]
        if all(p is not None for p in parts):
            return "[" + ", ".join(parts) + "]"
        return None
    if type(v).__module__ == "numpy":  # a NumPy scalar (np.float32(0.5)) keeps its dtype; a dtype is a dtype
        name = _numpy_dtype_name(type(v)) if not isinstance(v, type) and hasattr(v, "dtype") and v.shape == () else None
        if name is not None:
            x = v.item()
            text = _float_text(x) if isinstance(x, float) and not isinstance(x, bool) else _constant(x, np_name)
            return None if text is None else "%s.%s(%s)" % (np_name, name, text)
    name = _numpy_dtype_name(v)
    if name is not None:
        return "%s.%s" % (np_name, name)
    return _array_constant(v, np_name)


FROZEN_ARRAY_MAX = 256  # kiln's KILN_CONST_ARRAY_MAX: each element is a store in every kernel reading it
TUPLE_MAX = 64  # kiln's KILN_CONST_TUPLE_MAX


def _array_constant(v, np_name):
    """np.array(nested tuples, dtype=np.x) for a small NumPy array (1 to FROZEN_ARRAY_MAX elements, a
    kiln dtype in native byte order), else None"""
    if type(v).__module__ != "numpy" or not hasattr(v, "tolist") or not hasattr(v, "ndim") or v.ndim < 1:
        return None
    name = _numpy_dtype_name(v.dtype)
    if name is None or not 0 < v.size <= FROZEN_ARRAY_MAX:
        return None

    def tup(x):
        if isinstance(x, list):
            parts = [tup(e) for e in x]
            if any(p is None for p in parts):
                return None
            return "(" + ", ".join(parts) + ("," if len(parts) == 1 else "") + ")"
        return _constant(x, np_name)
    body = tup(v.tolist())
    return None if body is None else "%s.array(%s, dtype=%s.%s)" % (np_name, body, np_name, name)


def _not_frozen(name, v):
    """why the global `name` = v is not frozen into kernels (a CompileError's note)"""
    what = type(v).__module__ + "." + type(v).__qualname__ if type(v).__module__ != "builtins" else type(v).__qualname__
    if type(v).__module__ == "numpy" and hasattr(v, "ndim") and hasattr(v, "size"):
        return ("the global '%s' is a NumPy array of %d elements, dtype %s: kiln freezes arrays of 1 to %d elements of "
                "its dtypes into kernels (as constants, read-only); pass this one as an argument"
                % (name, v.size, v.dtype, FROZEN_ARRAY_MAX))
    if isinstance(v, tuple):
        return ("the global '%s' is a tuple kiln does not freeze (numbers, strings, booleans, None, NumPy scalars and dtypes, "
                "at most %d items): pass it as an argument or make it a NumPy array" % (name, TUPLE_MAX))
    if type(v) is list:
        return ("the global '%s' is a list kiln does not freeze (numbers, strings, lists and tuples of them, at most %d items): "
                "pass it as an argument" % (name, FROZEN_ARRAY_MAX))
    return ("the global '%s' has type %s, which kiln does not freeze into kernels (numbers, strings, booleans, None, tuples "
            "and lists of them, NumPy scalars and dtypes, small NumPy arrays, numpy and math functions): pass it as an "
            "argument" % (name, what))


def _from_import(v):
    """(module, name) for a function of math or numpy kiln knows by that module, else None"""
    mod = getattr(v, "__module__", None) or ""
    attr = getattr(v, "__name__", None)
    if not attr or isinstance(v, (type, types.ModuleType)):
        return None
    top = mod.split(".")[0] if mod else ""
    if top == "math":
        return "math", attr
    if top == "numpy" or type(v).__name__ == "ufunc":
        import sys
        np = sys.modules.get("numpy")
        if np is not None and getattr(np, attr, None) is v:
            return "numpy", attr
    return None


def _foreign_import(v):
    """(module, name) for a function of another module that the module (or a package above it, for
    private submodules) binds to that name (numpy.linalg.norm, random.randint): written as its import,
    kiln says so if a kernel calls it"""
    mod = getattr(v, "__module__", None)
    attr = getattr(v, "__name__", None)
    if not mod or mod == "builtins" or not attr or not attr.isidentifier() or isinstance(v, types.ModuleType):
        return None
    if isinstance(v, type) and mod.startswith("numba.typed.") and getattr(sys.modules.get("numba.typed"), attr, None) is v:
        return "numba.typed", attr  # List and Dict, which kernels make (lower/nbtyped.c)
    if isinstance(v, type) and mod == "collections" and attr in ("defaultdict", "Counter", "deque"):
        return mod, attr  # which kernels make (lower/dict.c, lower/deque.c)
    if isinstance(v, type) and mod == "operator" and attr in ("itemgetter", "attrgetter", "methodcaller"):
        return mod, attr  # which kernels call to make their functions (front/opfuncs.c)
    if isinstance(v, type) and mod != "itertools":  # itertools.product and the like are classes
        return None
    public = mod.lstrip("_")  # functools.reduce is _functools.reduce: imported from the module users know
    if public != mod and getattr(sys.modules.get(public), attr, None) is v:
        return public, attr
    while mod:
        if getattr(sys.modules.get(mod), attr, None) is v:
            return mod, attr
        mod = mod.rpartition(".")[0]
    return None


_LOAD_GLOBAL, _LOAD_NAME, _EXTENDED_ARG = dis.opmap["LOAD_GLOBAL"], dis.opmap["LOAD_NAME"], dis.opmap["EXTENDED_ARG"]
_GLOBAL_SHIFT = 1 if sys.version_info >= (3, 11) else 0  # 3.11+: LOAD_GLOBAL's low bit says "push NULL too"
_names_seen = {}


def _names(code):
    """global names a code object (and the code objects nested in it) reads: the operands of its
    LOAD_GLOBAL / LOAD_NAME instructions, not every name of co_names, which also holds attribute
    names (np.cumsum's cumsum is no call of a global function named cumsum). The bytecode is read
    directly (dis.get_instructions made this 95% of a first call's source step) and remembered per
    code object."""
    hit = _names_seen.get(code)
    if hit is not None:
        return hit
    out, ext, co = {}, 0, code.co_code  # co_code: the unspecialized instructions, 2 bytes each (CACHEs are 0)
    for i in range(0, len(co), 2):
        op, arg = co[i], co[i + 1] | ext
        if op == _EXTENDED_ARG:
            ext = arg << 8
            continue
        ext = 0
        if op == _LOAD_GLOBAL:
            out[code.co_names[arg >> _GLOBAL_SHIFT]] = None
        elif op == _LOAD_NAME:
            out[code.co_names[arg]] = None
    for c in code.co_consts:
        if isinstance(c, types.CodeType):
            out.update(dict.fromkeys(_names(c)))
    out = tuple(out)  # in the order the code reads them (a set's order changes from process to process, and with
    # it which of two plain functions an error named)
    if len(_names_seen) < 4096:
        _names_seen[code] = out
    return out


def _header_names(lines):
    """the names a def's header lines may read from the globals, up to the colon that ends it: every name after
    its opening parenthesis (np in np.float32(0.5), ORIGIN in p=ORIGIN; a parameter's own name too, which the
    globals seldom hold and which costs a constant line at most)"""
    out = []
    for i, ln in enumerate(lines):
        out += re.findall(r"\b([A-Za-z_]\w*)", ln.split("(", 1)[1] if i == 0 and "(" in ln else ln)
        if ln.rstrip().endswith(":"):
            break
    return out


def _drop_params(lines, names):
    """the function's lines with the parameters in `names` taken out of its def header (their values
    become module constants: static arguments); the body keeps its lines"""
    import ast
    try:
        fd = ast.parse("\n".join(lines)).body[0]
    except (SyntaxError, IndexError):
        raise SourceError("kiln cannot read the def line of a kernel with static arguments") from None
    a = fd.args
    if a.vararg or a.kwarg or a.kwonlyargs or a.posonlyargs:
        raise SourceError("%s: static arguments need plain parameters (no *args, **kwargs, / or *)" % fd.name)
    first_default = len(a.args) - len(a.defaults)
    parts = []
    for i, p in enumerate(a.args):
        if p.arg in names:
            continue
        d = a.defaults[i - first_default] if i >= first_default else None
        parts.append(p.arg + ("=" + ast.unparse(d) if d is not None else ""))
    h, b = fd.lineno - 1, fd.body[0].lineno - 1
    line = lines[h]
    header = line[:len(line) - len(line.lstrip())] + "def %s(%s):" % (fd.name, ", ".join(parts))
    out = list(lines)
    if b == h:  # def f(x, k): return ... on one line
        out[h] = header + " " + line[fd.body[0].col_offset:]
    else:
        out[h] = header
        for i in range(h + 1, b):
            out[i] = ""
    return out


def _plain(v):
    """whether v is a value a default may be folded to: a Python number, bool, string or None, or a tuple of them"""
    if isinstance(v, tuple):
        return all(_plain(x) for x in v)
    return v is None or type(v) in (int, float, complex, bool, str)


def _fold_defaults(lines, f):
    """the function's lines with each default that is an expression (LIMITS[0], N - 1, 2 * math.pi) written as the
    value Python computed for it when the def ran (f.__defaults__, f.__kwdefaults__): kiln takes literals there"""
    import ast
    try:
        fd = ast.parse("\n".join(lines)).body[0]
    except (SyntaxError, IndexError):
        return lines
    a = fd.args
    pairs = list(zip(a.defaults, f.__defaults__ or ()))
    pairs += [(d, (f.__kwdefaults__ or {}).get(p.arg)) for p, d in zip(a.kwonlyargs, a.kw_defaults) if d is not None]
    literal = (ast.Constant,)
    edits = []
    for node, value in pairs:
        simple = isinstance(node, literal) or (isinstance(node, ast.UnaryOp) and isinstance(node.operand, literal))
        if simple or not _plain(value) or node.lineno != node.end_lineno:
            continue
        text = _constant(value)
        if text is not None:
            edits.append((node.lineno - 1, node.col_offset, node.end_col_offset, text))
    out = list(lines)
    for row, c0, c1, text in sorted(edits, reverse=True):  # from the right: earlier columns stay where they were
        ln = out[row].encode()
        out[row] = (ln[:c0] + text.encode() + ln[c1:]).decode()
    return out


def _env(f):
    """what f reads by name: its globals, and over them its closure's variables (a kernel defined in a function
    reading the function's locals), which kiln freezes as it freezes globals, as Numba does; a cell not yet set
    is left out"""
    free = {}
    for name, cell in zip(f.__code__.co_freevars, f.__closure__ or ()):
        try:
            free[name] = cell.cell_contents
        except ValueError:
            pass
    return collections.ChainMap(free, f.__globals__) if free else f.__globals__


def module_text(kernel, is_kernel, statics=None):
    """(filename, text, name, regions, notes) for the module kiln compiles for `kernel` (a kiln Kernel whose
    .py_func is the Python function); is_kernel(obj) tells kiln kernels from other objects;
    statics: {parameter: value} to compile as constants (static arguments). regions: where the text's
    lines really are, for the kernels that are not at their own line and column (kernels of other files,
    placed after this file's text; indented kernels, dedented): (first text line, count, file, first
    line there, margin); kiln/_kiln.c maps error locations through them. notes: {name: why}, for
    globals a kernel may read that kiln cannot freeze (added to kiln's "name is not defined")"""
    fn = kernel.py_func
    filename = fn.__code__.co_filename
    # the kernel and the kernels it calls, by name, through globals
    todo, seen, funcs, called = [kernel], set(), [], {}
    while todo:
        k = todo.pop()
        f = k.py_func
        if id(f) in seen:
            continue
        seen.add(id(f))
        funcs.append(f)
        env = _env(f)
        for name in _names(f.__code__) + f.__code__.co_freevars:
            v = env.get(name)
            if statics and is_kernel(v) and v.py_func is fn:
                raise SourceError("%s:%d: %s() has static arguments and is called by %s(): kiln compiles a static "
                                  "argument's value into the body, so such a kernel cannot call itself or be called "
                                  "back by the kernels it calls; make the parameter an ordinary argument"
                                  % (filename, f.__code__.co_firstlineno, fn.__name__, f.__name__))
            if is_kernel(v):
                todo.append(v)
                if v.py_func.__name__ == "<lambda>" and v.py_func is not fn:
                    called[id(v.py_func)] = name  # its def takes the name its callers use
            elif isinstance(v, types.FunctionType) and name == "prange" and v.__module__ in ("kiln", "numba", "numba.misc.special"):
                continue  # kiln's parallel loop (docs/parallel.md), not a function to compile
            elif isinstance(v, types.FunctionType) and v is f and name == f.__name__:
                continue  # kiln.jit(f) of an undecorated f that calls itself: its own def, compiled with it
            elif isinstance(v, types.FunctionType):
                raise SourceError("%s:%d: %s() calls %s(), a plain Python function: decorate it with @kiln.jit "
                                  "(kernels may call only kernels)" % (filename, f.__code__.co_firstlineno, f.__name__, name))
    placed, inside = {}, set()
    extra = []  # kernels of other files: after the end of this one's text, mapped back by `regions`
    regions = []  # (first text line, line count, file, first line in that file, margin) of every kernel
    header_names = {}  # names the def lines use (defaults such as np.float32(0.5)): not in co_names
    for f in funcs:
        start, lines, margin = _lines_of(f, called.get(id(f)))
        header_names[id(f)] = _header_names(lines) if f.__defaults__ else ()
        if f.__defaults__ or f.__kwdefaults__:
            lines = _fold_defaults(lines, f)
        if statics and f is fn:
            lines = _drop_params(lines, statics)
        if f.__code__.co_filename != filename:
            extra.append((lines, f.__code__.co_filename, start, margin))
            continue
        regions.append((start, len(lines), filename, start, margin))
        for i, ln in enumerate(lines):
            at = start + i
            inside.add(at)
            if at in placed and placed[at] != ln:
                raise SourceError("%s:%d: two kernels share this line" % (filename, at))
            placed[at] = ln
    nlines = max(placed) if placed else 0
    text = [""] * nlines
    for at, ln in placed.items():
        text[at - 1] = ln
    for lines, other, start, margin in extra:
        first = len(text) + 2
        inside.update(range(first, first + len(lines)))
        regions.append((first, len(lines), other, start, margin))
        text += [""] + lines
    # what the kernels read from the globals, on the free lines (imports first)
    read = [(_env(f), name) for f in funcs
            for name in sorted(set(_names(f.__code__)) | set(f.__code__.co_freevars) | set(header_names[id(f)]))]
    np_name = next((name for g, name in read if isinstance(g.get(name), types.ModuleType) and g[name].__name__ == "numpy"),
                   None)
    np_import = np_name is None  # NumPy scalar and dtype constants need a name for numpy
    if np_name is None:
        np_name = "np" if all(name != "np" for _, name in read) else "_kiln_np"
    heads, notes = [], {}
    for g, name in read:
        if name not in g or is_kernel(g[name]):
            continue
        v = g[name]
        if isinstance(v, types.ModuleType):
            base = SUPPORTED_MODULES.get(v.__name__)
            if base is None and any(is_kernel(x) for x in list(vars(v).values())):  # kernels used as other.g(x)
                notes[name] = ("the global '%s' is the module %s, which kernels cannot use as a namespace; "
                               "import the kernels they call by name (from %s import f)" % (name, v.__name__, v.__name__))
                continue
            base = base or v.__name__  # another module: imported as the file did; kiln says so if a kernel uses it
            heads.append("import %s" % base if name == base else "import %s as %s" % (base, name))
        elif v is sys.float_info:  # a tuple to Python, but read by name: kiln knows sys.float_info's fields
            heads.append("from sys import float_info" + ("" if name == "float_info" else " as %s" % name))
        elif _from_import(v) or _foreign_import(v):  # from math import sqrt, from numpy.linalg import norm (as name)
            mod, attr = _from_import(v) or _foreign_import(v)
            heads.append("from %s import %s" % (mod, attr) + ("" if name == attr else " as %s" % name))
        else:
            lit = _constant(v, np_name)
            if lit is not None:
                heads.append("%s = %s" % (name, lit))
            else:  # said if kiln then finds the name undefined (the same name may be an attribute's)
                notes[name] = _not_frozen(name, v)
    for name, value in (statics or {}).items():
        lit = _constant(value, np_name)
        if lit is None:
            raise SourceError("%s: static argument '%s' = %r: only numbers, strings, booleans, None, NumPy scalars and dtypes "
                              "and tuples of them can be compile-time constants" % (fn.__name__, name, value))
        if any(h.split(" = ")[0] == name or h.endswith(" as " + name) or h.endswith("import " + name) for h in heads):
            raise SourceError("%s: static argument '%s' has the name of a global a kernel reads" % (fn.__name__, name))
        heads.append("%s = %s" % (name, lit))
    if np_import and any(("%s." % np_name) in h for h in heads):
        heads.append("import numpy as %s" % np_name)
    if any(COLLECTIONS + "." in h for h in heads):
        heads.append("import collections as %s" % COLLECTIONS)
    if any(NB_TYPES + "." in h for h in heads):
        heads.append("import numba.core.types as %s" % NB_TYPES)
    heads = sorted(set(heads), key=lambda h: (not h.startswith("import"), h))
    # free: lines outside every kernel (a blank line inside one is part of its body)
    free = [i for i in range(len(text)) if i + 1 not in inside]
    if len(free) < len(heads):
        text += [""] * (len(heads) - len(free))
        free = [i for i in range(len(text)) if i + 1 not in inside]
    for h, i in zip(heads, free):
        text[i] = h
    regions = tuple(r for r in regions if r[2] != filename or r[4])
    name = lambda_name(fn) if fn.__name__ == "<lambda>" else fn.__name__
    return filename, "\n".join(text) + "\n", name, regions, notes
