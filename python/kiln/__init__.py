"""kiln — a JIT compiler for numeric Python kernels; `@kiln.jit` is a drop-in for Numba's `@njit`.

    import kiln

    @kiln.jit
    def saxpy(a, x, y):
        for i in range(len(x)):
            y[i] = a * x[i] + y[i]
        return y

The decorated function is a kiln Kernel, a C object called through vectorcall: the arguments go
to kiln's C API without a Python step and the GIL is released while the kernel runs. The first
call builds the kernel's module from the function's source lines (kiln/_source.py), kiln
specializes it on the argument types and compiles it in microseconds; tier 2 (LLVM) follows in
the background when it is hot, and its code goes to the disk cache, where the next process finds
it. docs/python.md says everything, differences from Numba included.
"""
import os
import types
import threading

from . import _kiln, _source

__all__ = ["jit", "njit", "vectorize", "prange", "CompileError", "config", "Kernel"]
__version__ = _kiln.version

CompileError = _kiln.CompileError
Kernel = _kiln.Kernel

_UNSUPPORTED = {}
_KILN_OPTIONS = ("tier", "static_argnums", "static_argnames", "static_shapes")
_NUMBA_OPTIONS = ("nogil", "parallel", "error_model", "inline", "cache", "fastmath", "boundscheck", "forceobj",
                  "looplift", "nopython", "locals", "target", "debug", "no_cpython_wrapper", "no_cfunc_wrapper")


class _Config:
    """kiln's settings for this process; the same KILN_* environment variables as the command line
    are read at import. tier: auto | interp | baseline | opt. Contexts are made with the settings
    in force when a kernel is first called."""

    def __init__(self):
        env = os.environ
        self.tier = env.get("KILN_TIER", "auto")
        self.disable_jit = env.get("KILN_DISABLE_JIT", env.get("NUMBA_DISABLE_JIT", "0")) not in ("", "0")
        self.cache_dir = env.get("KILN_CACHE_DIR") or None
        self.disk_cache = env.get("KILN_CACHE", "1") != "0"

    def __repr__(self):
        return "kiln.config(tier=%r, disable_jit=%r, disk_cache=%r, cache_dir=%r)" % (
            self.tier, self.disable_jit, self.disk_cache, self.cache_dir)

    def set_tunable(self, name, value):
        """set a tunable (docs/cli.md lists them) in every context, present and future"""
        _tunables[name] = value
        for ctx in _contexts.values():
            ctx.set_tunable(name, value)

    def get_tunable(self, name):
        return _context(self.tier, True, False, self.disk_cache).get_tunable(name)

    @property
    def threads(self):
        """threads a prange loop may use (0: the CPUs this process may use); KILN_NUM_THREADS at import.
        Results do not depend on it (docs/parallel.md)."""
        return self.get_tunable("threads")

    @threads.setter
    def threads(self, n):
        if not isinstance(n, int) or isinstance(n, bool) or n < 0:
            raise ValueError("kiln.config.threads must be an int >= 0 (0: the CPUs this process may use)")
        self.set_tunable("threads", n)


def prange(*args):
    """a parallel range for kernels (docs/parallel.md); called from Python, it is range"""
    return range(*args)


config = _Config()
_contexts = {}
_tunables = {}
_lock = threading.Lock()


def _context(tier, boundscheck, fastmath, disk_cache, parallel=False):
    key = (tier, bool(boundscheck), bool(fastmath), bool(disk_cache), config.cache_dir, bool(parallel))
    with _lock:
        ctx = _contexts.get(key)
        if ctx is None:
            ctx = _kiln.Context(tier=tier, boundscheck=bool(boundscheck), fastmath=bool(fastmath),
                                disk_cache=bool(disk_cache), cache_dir=config.cache_dir, parallel=bool(parallel))
            for name, value in _tunables.items():
                ctx.set_tunable(name, value)
            _contexts[key] = ctx
    return ctx


def _namedtuple_class(kernel, name, fields):
    """the class of a named tuple a kernel returns (kiln/_kiln.c asks, unless an argument was of that class): the
    class of that name in the kernel's module when it has those fields, else a collections.namedtuple made once
    per kernel, name and fields (a class defined inside a function, say)"""
    fn = getattr(kernel, "py_func", None)
    cls = getattr(fn, "__globals__", {}).get(name)
    if isinstance(cls, type) and issubclass(cls, tuple) and getattr(cls, "_fields", None) == fields:
        return cls
    made = kernel.__dict__.setdefault("_namedtuple_classes", {}) if kernel is not None else _namedtuple_made
    if (name, fields) not in made:
        import collections
        made[name, fields] = collections.namedtuple(name, fields)
    return made[name, fields]


_namedtuple_made = {}


def _is_kernel(v):
    """a kiln kernel, or a kiln.cuda kernel (a device function called from another kernel)"""
    return isinstance(v, _kiln.Kernel) or isinstance(getattr(v, "_kernel", None), _kiln.Kernel)


def _prepare(kernel, statics=None, ctx=None):
    """the first call of a kernel: its module, from the source lines of it and of the kernels it calls
    (statics: static argument values compiled as constants), in its options' context or in ctx"""
    try:
        filename, text, name, regions, notes = _source.module_text(kernel, _is_kernel, statics)
    except _source.SourceError as e:
        raise CompileError(str(e)) from None
    if ctx is None:
        o = kernel._options
        ctx = _context(o.get("tier") or config.tier, o.get("boundscheck", True), o.get("fastmath", False),
                       config.disk_cache if o.get("cache") is None else o.get("cache"), o.get("parallel", False))
    return _kiln.Module(ctx, filename, text, regions, notes), name


def _static_setup(k, py_func, options):
    """static_argnums / static_argnames: which parameters; their values pick a variant (kiln/_kiln.c)"""
    import inspect
    params = list(inspect.signature(py_func).parameters.values())
    names = [p.name for p in params]
    nums = options.get("static_argnums")
    nums = () if nums is None else (nums,) if isinstance(nums, int) else tuple(nums)
    snames = options.get("static_argnames")
    snames = () if snames is None else (snames,) if isinstance(snames, str) else tuple(snames)
    idx = set()
    for i in nums:
        if not isinstance(i, int) or not -len(names) <= i < len(names):
            raise TypeError("kiln.jit: static_argnums: %r is not a parameter index of %s()" % (i, py_func.__name__))
        idx.add(i % len(names))
    for nm in snames:
        if nm not in names:
            raise TypeError("kiln.jit: static_argnames: %s() has no parameter %r" % (py_func.__name__, nm))
        idx.add(names.index(nm))
    defaults = {p.name: p.default for p in params if p.default is not p.empty}
    k._static_names = tuple(names[i] for i in sorted(idx))
    k._last_static = None
    k._set_static(tuple(sorted(idx)), tuple(names), defaults, _make_variant)


def _static_shapes(py_func, what):
    """static_shapes=True (every array argument), a parameter name or a tuple of them: the names,
    ("*",) for all (kiln/_kiln.c hands them to kiln_func_set_static_shape)"""
    import inspect
    names = list(inspect.signature(py_func).parameters)
    if what is True:
        return ("*",)
    chosen = (what,) if isinstance(what, str) else what
    if not isinstance(chosen, (tuple, list)) or not all(isinstance(n, str) for n in chosen):
        raise TypeError("kiln.jit: static_shapes: True, a parameter name or a tuple of names, not %r" % (what,))
    for n in chosen:
        if n not in names:
            raise TypeError("kiln.jit: static_shapes: %s() has no parameter %r" % (py_func.__name__, n))
    return tuple(chosen)


def _log_recompiles():
    v = os.environ.get("KILN_LOG", "")
    return "recompiles" in v.split(",") or "all" in v.split(",")


def _make_variant(k, key):
    """the kernel compiled with these static values as constants; past spec_limit values, the generic
    kernel (the static parameters passed as ordinary arguments): no recompile storm"""
    import sys
    values = dict(zip(k._static_names, key))
    n = getattr(k, "_nvariants", 0)
    limit = _context(config.tier, True, False, config.disk_cache).get_tunable("spec_limit")
    if n >= limit:
        if getattr(k, "_generic", None) is None:
            g = _kiln.Kernel(_prepare)
            g.py_func = k.py_func
            g._options = {o: v for o, v in k._options.items() if o not in ("static_argnums", "static_argnames")}
            g._static_shapes = getattr(k, "_static_shapes", ())
            k._generic = g
            k._set_generic(g)
            if _log_recompiles():
                print("kiln: %s has been compiled for %d static values (spec_limit %d): further values run the "
                      "generic specialization" % (k.__name__, n, limit), file=sys.stderr)
        return k._generic
    for name, value in values.items():
        if _source._constant(value) is None:
            raise TypeError("kiln: %s(): static argument '%s' = %r: only numbers, strings, booleans, None, NumPy scalars and "
                            "dtypes and tuples of them can be compile-time constants" % (k.__name__, name, value))
    if _log_recompiles():
        last = k._last_static
        what = ", ".join("argument %s: %s" % (nm, ("%r -> %r" % (last[nm], v)) if last else repr(v))
                         for nm, v in values.items() if not last or last[nm] != v)
        print("kiln: new specialization of %s (static %s)" % (k.__name__, what), file=sys.stderr)
    k._last_static = values
    k._nvariants = n + 1
    v = _kiln.Kernel(lambda t: _prepare(t, values))
    v.py_func = k.py_func
    v._options = k._options
    v._static_shapes = getattr(k, "_static_shapes", ())
    return v


def _llvm_twin(k):
    """the kernel compiled again in a tier-2 context that keeps LLVM's IR and assembly (for inspect_llvm)"""
    o = dict(k._options, tier="opt")
    twin = _kiln.Kernel(lambda t: _prepare(t, ctx=_kiln.Context(tier="opt", boundscheck=o.get("boundscheck", True),
                                                              fastmath=o.get("fastmath", False), disk_cache=False,
                                                              keep_llvm_ir=True, parallel=o.get("parallel", False))))
    twin.py_func = k.py_func
    twin._options = o
    twin._static_shapes = getattr(k, "_static_shapes", ())
    return twin


def _make(py_func, options, sigs):
    if config.disable_jit:
        return py_func
    if not callable(py_func) or not hasattr(py_func, "__code__"):
        raise TypeError("kiln.jit decorates Python functions, not %r" % (py_func,))
    k = _kiln.Kernel(_prepare)
    k.py_func = py_func
    k._options = options
    k.__name__ = py_func.__name__
    k.__qualname__ = py_func.__qualname__
    k.__doc__ = py_func.__doc__
    k.__module__ = py_func.__module__
    k.__wrapped__ = py_func
    k.explain = lambda *args: k._explain("", args)
    k.inspect_asm = lambda *args: k._explain("asm", args)
    k.inspect_llvm = lambda *args: _llvm_twin(k)._explain("", args)
    if options.get("static_shapes"):
        k._static_shapes = _static_shapes(py_func, options["static_shapes"])
    if options.get("static_argnums") is not None or options.get("static_argnames") is not None:
        _static_setup(k, py_func, options)
    for sig in sigs:
        _eager(k, sig)
    return k


def _eager(k, sig):
    """compile for a signature given as Numba writes it ("float64(float64, float64[::1])")"""
    from . import _sig
    k._compile_for(*_sig.example_args(sig))


def jit(*args, **options):
    """@kiln.jit, @kiln.jit(...), @kiln.jit("f8(f8[::1])") or a list of signatures: kiln's JIT.

    Options (Numba's names): cache (the disk cache: on by default, see docs/python.md), fastmath,
    boundscheck, nogil (accepted: kiln always releases the GIL), parallel (`x = <elementwise array
    expression>` split by rows across threads; prange loops run on kiln.config.threads threads with or without
    it; docs/parallel.md), error_model and inline (accepted, ignored); tier (kiln's: auto, interp, baseline, opt);
    static_argnums / static_argnames (JAX's) and static_shapes (True, or parameter names): values and
    array shapes compiled as constants (docs/specialization.md).
    """
    for name in options:
        if name in _UNSUPPORTED:
            raise TypeError("kiln.jit(%s=...): %s" % (name, _UNSUPPORTED[name]))
        if name not in _NUMBA_OPTIONS and name not in _KILN_OPTIONS:
            raise TypeError("kiln.jit() got an unexpected option %r" % name)
    sigs = []
    if args and (isinstance(args[0], (str, list, tuple))):
        sigs = [args[0]] if isinstance(args[0], str) else list(args[0])
        args = args[1:]
    if args:
        if len(args) > 1 or not callable(args[0]):
            raise TypeError("kiln.jit takes a function, or options and signatures")
        return _make(args[0], options, sigs)
    return lambda fn: _make(fn, options, sigs)


njit = jit


class Vectorized:
    """A kernel of scalars applied element by element (kiln.vectorize, Numba's @vectorize): NumPy's broadcasting of
    the arguments, then one kiln loop over the result's elements, each computed by the kernel from the arguments'
    elements (NumPy scalars, as a ufunc hands them to Numba's); the result's dtype is what the kernel returns for
    the first elements (for empty arguments: the signature's, else NumPy's result_type of the arguments). Called
    with scalars only, it returns the kernel's value as a NumPy scalar."""

    def __init__(self, py_func, options, sigs):
        import inspect
        name = getattr(py_func, "__name__", "")
        if not isinstance(py_func, types.FunctionType) or not (name.isidentifier() or name == "<lambda>"):
            raise TypeError("kiln.vectorize decorates functions defined with def or lambda, not %r" % (py_func,))
        self.py_func = py_func
        self.kernel = _make(py_func, options, [])
        params = list(inspect.signature(py_func).parameters.values())
        if any(p.kind not in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) for p in params):
            raise TypeError("kiln.vectorize: %s() must take plain positional parameters" % py_func.__name__)
        self.nargs = len(params)
        self.__name__ = py_func.__name__
        self.__doc__ = py_func.__doc__
        self.__wrapped__ = py_func
        self._sig_dtype = None
        if sigs:
            from . import _sig
            self._sig_dtype = _sig.result_dtype(sigs[0])
        self._options = {k: v for k, v in options.items() if k != "target"}
        self._loops = {}  # per result rank: the loop kernel

    def _loop(self, nd):
        """the kernel filling an nd-d result: nested loops over its axes (a tuple index per element, np.ndindex's,
        took 2.8x as long for a 1000 x 1000 result)"""
        loop = self._loops.get(nd)
        if loop is not None:
            return loop
        import linecache
        import numpy
        fname = self.py_func.__name__  # called by its own name: kiln builds the module from the kernels' sources
        if fname == "<lambda>":
            from . import _source
            fname = _source.lambda_name(self.py_func)
        name = "_kiln_vectorized%d_%s" % (nd, fname)
        idx = ", ".join("i%d" % k for k in range(nd))
        lines = ["def %s(%s, out):" % (name, ", ".join("a%d" % i for i in range(self.nargs)))]
        for k in range(nd):
            lines.append("    " * (k + 1) + "for i%d in range(out.shape[%d]):" % (k, k))
        lines.append("    " * (nd + 1) + "out[%s] = %s(%s)" % (idx, fname, ", ".join("a%d[%s]" % (i, idx) for i in range(self.nargs))))
        text = "\n".join(lines) + "\n"
        filename = "<kiln.vectorize %s %d-d %x>" % (self.py_func.__qualname__, nd, id(self))
        linecache.cache[filename] = (len(text), None, text.splitlines(True), filename)
        ns = {"np": numpy, fname: self.kernel}
        exec(compile(text, filename, "exec"), ns)
        loop = self._loops[nd] = _make(ns[name], self._options, [])
        return loop

    def __call__(self, *args):
        import numpy as np
        if len(args) != self.nargs:
            raise TypeError("%s() takes %d positional arguments but %d were given" % (self.__name__, self.nargs, len(args)))
        arrays = [np.asarray(a) for a in args]
        if all(a.ndim == 0 for a in arrays):
            return np.asarray(self.kernel(*[a[()] for a in arrays]))[()]
        b = np.broadcast_arrays(*arrays)
        if b[0].size:
            dtype = np.asarray(self.kernel(*[x.flat[0] for x in b])).dtype
        else:
            dtype = self._sig_dtype or np.result_type(*arrays)
        out = np.empty(b[0].shape, dtype)
        self._loop(out.ndim)(*b, out)
        return out

    def __repr__(self):
        return "<kiln.vectorize %s>" % self.py_func.__qualname__


def vectorize(*args, **options):
    """@kiln.vectorize, @kiln.vectorize(...) or @kiln.vectorize(["float64(float64, float64)"]): a kernel of scalars made
    a function of arrays, element by element with NumPy's broadcasting (Numba's @vectorize; the signatures, if any,
    give only the result's dtype for empty arguments). Options as kiln.jit's; Numba's target ('cpu', 'parallel')
    is accepted and the loop runs on one thread."""
    if options.get("target", "cpu") not in ("cpu", "parallel"):
        raise TypeError("kiln.vectorize(target=%r): kiln's targets here are 'cpu' and 'parallel'" % (options["target"],))
    sigs = []
    if args and isinstance(args[0], (str, list, tuple)):
        sigs = [args[0]] if isinstance(args[0], str) else list(args[0])
        args = args[1:]
    for name in options:
        if name != "target" and name not in _NUMBA_OPTIONS and name not in _KILN_OPTIONS:
            raise TypeError("kiln.vectorize() got an unexpected option %r" % name)
    if args:
        if len(args) > 1 or not callable(args[0]):
            raise TypeError("kiln.vectorize takes a function, or options and signatures")
        return Vectorized(args[0], options, sigs)
    return lambda fn: Vectorized(fn, options, sigs)


_kiln.install_sigint()
if not config.disable_jit:
    # the default context now (~20 us of the import) rather than in the first call
    _context(config.tier, True, False, config.disk_cache)
