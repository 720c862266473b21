/*
 * _kiln.c — the CPython extension: a thin C layer over kiln's public C API
 * (include/kiln.h), linked with libkiln.a. Python code builds a kernel's
 * module text once (kiln/_source.py); everything on the per-call path is here:
 * a Kernel is a C type called through vectorcall, its arguments become
 * kiln_values without a Python-level step (Python scalars as Python scalars,
 * NumPy scalars and arrays through the buffer protocol, zero-copy), the GIL is
 * released while kiln runs, and the result comes back as what CPython + NumPy
 * would return: Python int/float/complex/bool, NumPy scalars, NumPy arrays
 * owning kiln's memory without a copy (a view of an argument keeps the
 * argument alive), tuples.
 *
 * The extension does not use NumPy's C API (so one build serves NumPy 1.x and
 * 2.x): arrays come in through the buffer protocol and go out as an object
 * exporting one, wrapped by numpy.asarray.
 *
 * Errors: compile errors raise kiln.CompileError (a TypeError, as Numba's
 * TypingError) with kiln's "file:line:col: error:" text; run-time errors raise
 * the built-in class CPython would, with a traceback entry at the kernel's file
 * and line; bad arguments raise TypeError. Ctrl-C during a call: a SIGINT
 * handler installed at import calls kiln_interrupt on every context and then
 * Python's own handler, so the kernel stops at its next check and the call
 * raises KeyboardInterrupt.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <signal.h>
#include <stdbool.h>
#include <string.h>
#include "kiln.h"

#define MAX_ARGS 64

static PyObject *CompileError;   /* kiln.CompileError(TypeError) */
static PyObject *numpy_asarray;  /* numpy.asarray, imported on the first array result */
static PyObject *numpy_mod;
static PyObject *numpy_attr(const char *name);

/* ---- contexts: one per set of options, kept for the interpreter's life ---- */

typedef struct {
    PyObject_HEAD
    kiln_ctx *ctx;
} Context;

enum { MAX_CTX = 64 };
static kiln_ctx *all_ctx[MAX_CTX]; /* for the SIGINT handler: every context's calls stop */
static int nctx;

/* print() in a kernel writes to sys.stdout, as Python's print does (the GIL taken: a kernel may run without it) */
static void py_print(void *arg, const char *text, size_t n) {
    (void)arg;
    PyGILState_STATE g = PyGILState_Ensure();
    PyObject *err_type, *err_value, *err_tb;
    PyErr_Fetch(&err_type, &err_value, &err_tb);
    PyObject *out = PySys_GetObject("stdout"); /* borrowed */
    PyObject *s = PyUnicode_DecodeUTF8(text, (Py_ssize_t)n, "replace");
    if (out && out != Py_None && s) {
        PyObject *r = PyObject_CallMethod(out, "write", "O", s);
        Py_XDECREF(r);
    }
    Py_XDECREF(s);
    PyErr_Clear(); /* a failing sys.stdout does not fail the kernel */
    PyErr_Restore(err_type, err_value, err_tb);
    PyGILState_Release(g);
}

static int Context_init(Context *self, PyObject *args, PyObject *kw) {
    static char *names[] = {"tier", "boundscheck", "fastmath", "disk_cache", "cache_dir", "keep_llvm_ir", "parallel", NULL};
    const char *tier = "auto", *cache_dir = NULL;
    int boundscheck = 1, fastmath = 0, disk_cache = 1, keep_llvm_ir = 0, parallel = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "|spppzpp", names, &tier, &boundscheck, &fastmath, &disk_cache, &cache_dir,
                                     &keep_llvm_ir, &parallel)) return -1;
    if (self->ctx) { PyErr_SetString(PyExc_RuntimeError, "a kiln context is initialized once"); return -1; }
    kiln_options o;
    kiln_options_init(&o);
    if (!strcmp(tier, "auto")) o.tier = KILN_TIER_AUTO;
    else if (!strcmp(tier, "interp")) o.tier = KILN_TIER_INTERP;
    else if (!strcmp(tier, "baseline")) o.tier = KILN_TIER_BASELINE;
    else if (!strcmp(tier, "opt")) o.tier = KILN_TIER_OPT;
    else { PyErr_Format(PyExc_ValueError, "unknown tier '%s' (auto, interp, baseline, opt)", tier); return -1; }
    o.boundscheck = boundscheck;
    o.fastmath = fastmath;
    o.parallel = parallel;
    o.disk_cache = disk_cache;
    o.keep_llvm_ir = keep_llvm_ir;
    o.cache_dir = cache_dir ? strdup(cache_dir) : NULL; /* kept: the context reads it later */
    if (nctx == MAX_CTX) { PyErr_SetString(PyExc_RuntimeError, "too many kiln contexts (option sets) in one process"); return -1; }
    self->ctx = kiln_ctx_new(&o);
    if (!self->ctx) { PyErr_NoMemory(); return -1; }
    kiln_set_print(self->ctx, py_print, NULL);
    all_ctx[nctx++] = self->ctx;
    return 0;
}

/* Contexts live as long as the interpreter: kernels compiled in them may still be referenced
 * (a result's memory, another module's kernels), and freeing one while a thread runs in it is
 * not safe. The Python side keeps them in a dict for the process's life. */
static void Context_dealloc(Context *self) { Py_TYPE(self)->tp_free((PyObject *)self); }

static PyObject *Context_set_tunable(Context *self, PyObject *args) {
    const char *name;
    long long v;
    if (!PyArg_ParseTuple(args, "sL", &name, &v)) return NULL;
    if (kiln_set_tunable(self->ctx, name, v)) return PyErr_Format(PyExc_ValueError, "unknown tunable '%s' or a negative value", name);
    Py_RETURN_NONE;
}

static PyObject *Context_get_tunable(Context *self, PyObject *args) {
    const char *name;
    int64_t v;
    if (!PyArg_ParseTuple(args, "s", &name)) return NULL;
    if (kiln_get_tunable(self->ctx, name, &v)) return PyErr_Format(PyExc_ValueError, "unknown tunable '%s'", name);
    return PyLong_FromLongLong(v);
}

static PyObject *Context_wait_idle(Context *self, PyObject *unused) {
    (void)unused;
    Py_BEGIN_ALLOW_THREADS
    kiln_wait_idle(self->ctx);
    Py_END_ALLOW_THREADS
    Py_RETURN_NONE;
}

static PyMethodDef Context_methods[] = {
    {"set_tunable", (PyCFunction)Context_set_tunable, METH_VARARGS, "set_tunable(name, value)"},
    {"get_tunable", (PyCFunction)Context_get_tunable, METH_VARARGS, "get_tunable(name) -> int"},
    {"wait_idle", (PyCFunction)Context_wait_idle, METH_NOARGS, "wait until no tier-2 compile is queued or running"},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject ContextType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "kiln._kiln.Context",
    .tp_basicsize = sizeof(Context),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Context_init,
    .tp_dealloc = (destructor)Context_dealloc,
    .tp_methods = Context_methods,
    .tp_doc = "a kiln context: options (tier, boundscheck, fastmath, parallel, disk cache) and everything compiled under them",
};

/* ---- errors ---- */

/* An error's place in the real files. The module text puts kernels of other files after its own
 * lines and takes the indentation off nested kernels; regions (from kiln/_source.py) say where
 * those lines really are: (first text line, count, file, first line there, margin). */
static void remap(kiln_error *e, PyObject *regions, const char *modfile) {
    if (!regions || e->line <= 0 || strcmp(e->file, modfile)) return;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(regions); i++) {
        PyObject *r = PyTuple_GET_ITEM(regions, i);
        long first = PyLong_AsLong(PyTuple_GET_ITEM(r, 0)), count = PyLong_AsLong(PyTuple_GET_ITEM(r, 1));
        if (e->line < first || e->line >= first + count) continue;
        const char *file = PyUnicode_AsUTF8(PyTuple_GET_ITEM(r, 2)), *margin = PyUnicode_AsUTF8(PyTuple_GET_ITEM(r, 4));
        if (!file || !margin) break;
        e->line = (int)(PyLong_AsLong(PyTuple_GET_ITEM(r, 3)) + (e->line - first));
        snprintf(e->file, sizeof e->file, "%s", file);
        if (e->kind == KILN_ERR_COMPILE && *margin) {
            char src[sizeof e->source];
            snprintf(src, sizeof src, "%s%s", margin, e->source);
            memcpy(e->source, src, sizeof src);
            if (e->col > 0) e->col += (int)strlen(margin);
        }
        break;
    }
    PyErr_Clear(); /* the tuple was checked when the module was made; nothing here may fail the error */
}

/* a kiln_error as the Python exception CPython would raise, at its place in the real files */
/* "name 'W' is not defined" for a global kiln could not freeze: say what it is and what to do */
static void add_note(kiln_error *e, PyObject *notes) {
    const char *pre = "name '", *post = "' is not defined";
    size_t n = strlen(e->message), lp = strlen(pre);
    const char *end = strstr(e->message, post);
    if (!notes || e->kind != KILN_ERR_COMPILE || strncmp(e->message, pre, lp) || !end || end <= e->message + lp) return;
    PyObject *name = PyUnicode_FromStringAndSize(e->message + lp, end - (e->message + lp));
    PyObject *why = name ? PyDict_GetItemWithError(notes, name) : NULL; /* borrowed */
    const char *text = why && PyUnicode_Check(why) ? PyUnicode_AsUTF8(why) : NULL;
    if (text) snprintf(e->message + n, sizeof e->message - n, ": %s", text);
    Py_XDECREF(name);
    PyErr_Clear();
}

static PyObject *raise_error(const kiln_error *err, const char *func, PyObject *regions, PyObject *notes, const char *modfile) {
    kiln_error mapped = *err;
    const kiln_error *e = &mapped;
    remap(&mapped, regions, modfile);
    add_note(&mapped, notes);
    if (e->kind == KILN_ERR_COMPILE) {
        char buf[2048];
        kiln_error_format(e, buf, sizeof buf);
        PyErr_SetString(CompileError, buf);
        return NULL;
    }
    if (e->kind == KILN_ERR_RUNTIME) {
        if (!strcmp(e->ename, "KeyboardInterrupt")) {
            /* Python's own handler has a signal pending: let it raise (or run the user's handler) */
            if (PyErr_CheckSignals() < 0) return NULL;
            PyErr_SetNone(PyExc_KeyboardInterrupt);
        } else {
            PyObject *builtins = PyEval_GetBuiltins(); /* borrowed */
            PyObject *cls = builtins ? PyDict_GetItemString(builtins, e->ename) : NULL;
            PyObject *linalg = NULL; /* numpy.linalg.LinAlgError (np.linalg.solve, inv) */
            if (!cls && !strcmp(e->ename, "LinAlgError")) {
                PyObject *mod = PyImport_ImportModule("numpy.linalg");
                cls = linalg = mod ? PyObject_GetAttrString(mod, "LinAlgError") : NULL;
                Py_XDECREF(mod);
                if (!cls) PyErr_Clear();
            }
            if (!cls || !PyExceptionClass_Check(cls)) cls = PyExc_RuntimeError;
            PyObject *key = NULL;
            if (!strcmp(e->ename, "KeyError") && e->message[0]) { /* KeyError(key), as a dict raises it: its str() is the key's repr */
                PyObject *ast = PyImport_ImportModule("ast");
                key = ast ? PyObject_CallMethod(ast, "literal_eval", "s", e->message) : NULL;
                Py_XDECREF(ast);
                if (!key) PyErr_Clear();
            }
            PyObject *exc = key ? PyObject_CallOneArg(cls, key) : NULL; /* KeyError((7, 1)): a tuple key is one argument */
            Py_XDECREF(key);
            if (exc) { PyErr_SetObject(cls, exc); Py_DECREF(exc); }
            else if (e->message[0]) PyErr_SetString(cls, e->message);
            else PyErr_SetNone(cls);
            Py_XDECREF(linalg);
        }
        if (e->file[0] && e->line > 0) _PyTraceback_Add(func, e->file, e->line); /* the kernel's line in the traceback */
        return NULL;
    }
    PyErr_SetString(PyExc_TypeError, e->message[0] ? e->message : "kiln: bad call");
    return NULL;
}

/* ---- modules ---- */

typedef struct {
    PyObject_HEAD
    kiln_module *mod;
    PyObject *ctx;     /* the Context, kept alive */
    PyObject *regions; /* where lines really are (see remap), or NULL */
    PyObject *notes;   /* {name: why}: globals kiln could not freeze (see add_note), or NULL */
    char file[256];    /* the file name kiln reports errors in */
} Module;

static bool regions_ok(PyObject *regions) {
    if (!PyTuple_Check(regions)) return false;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(regions); i++) {
        PyObject *r = PyTuple_GET_ITEM(regions, i);
        if (!PyTuple_Check(r) || PyTuple_GET_SIZE(r) != 5 || !PyLong_Check(PyTuple_GET_ITEM(r, 0)) ||
            !PyLong_Check(PyTuple_GET_ITEM(r, 1)) || !PyUnicode_Check(PyTuple_GET_ITEM(r, 2)) ||
            !PyLong_Check(PyTuple_GET_ITEM(r, 3)) || !PyUnicode_Check(PyTuple_GET_ITEM(r, 4)))
            return false;
    }
    return true;
}

static int Module_init(Module *self, PyObject *args, PyObject *kw) {
    static char *names[] = {"context", "filename", "source", "regions", "notes", NULL};
    PyObject *ctx, *regions = NULL, *notes = NULL;
    const char *file, *src;
    Py_ssize_t len;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O!ss#|OO", names, &ContextType, &ctx, &file, &src, &len, &regions, &notes))
        return -1;
    if (regions == Py_None) regions = NULL;
    if (notes == Py_None) notes = NULL;
    if (notes && !PyDict_Check(notes)) { PyErr_SetString(PyExc_TypeError, "Module: notes must be a dict"); return -1; }
    if (regions && !regions_ok(regions)) {
        PyErr_SetString(PyExc_TypeError, "Module: regions must be a tuple of (int, int, str, int, str) tuples");
        return -1;
    }
    kiln_error err;
    kiln_module *m;
    Py_BEGIN_ALLOW_THREADS
    m = kiln_load_source(((Context *)ctx)->ctx, file, src, (size_t)len, &err);
    Py_END_ALLOW_THREADS
    if (!m) { raise_error(&err, "<module>", regions, notes, file); return -1; }
    self->mod = m;
    Py_INCREF(ctx);
    Py_XSETREF(self->ctx, ctx);
    Py_XINCREF(regions);
    Py_XSETREF(self->regions, regions);
    Py_XINCREF(notes);
    Py_XSETREF(self->notes, notes);
    snprintf(self->file, sizeof self->file, "%s", file);
    return 0;
}

static void Module_dealloc(Module *self) {
    Py_XDECREF(self->regions);
    Py_XDECREF(self->notes);
    Py_XDECREF(self->ctx); /* the module itself lives as long as its context */
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyTypeObject ModuleType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "kiln._kiln.Module",
    .tp_basicsize = sizeof(Module),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Module_init,
    .tp_dealloc = (destructor)Module_dealloc,
    .tp_doc = "Module(context, filename, source, regions=None, notes=None): kernel source text parsed by kiln",
};

/* ---- arguments ---- */

/* what one call's conversion holds until kiln returns */
typedef struct {
    kiln_value v[MAX_ARGS];
    kiln_array arr[MAX_ARGS];
    Py_buffer view[MAX_ARGS];
    PyObject *owner[MAX_ARGS]; /* the objects whose memory arrays alias (borrowed from the call) */
    int dflt[MAX_ARGS];        /* arguments that are kiln_func_default's values (freed after the call) */
    PyObject *tmp[MAX_ARGS];   /* arrays made for __array_interface__ objects (released after the call) */
    int narr, ndflt, ntmp;
    int nbuf;                  /* how many of view[0..narr) hold a buffer to release (NumPy arrays read directly do not) */
    /* list arguments: their items (one block per list, nested lists too), and what each top-level list
     * holds after the call (kiln fills lst_out through kiln_value.base), written back into the list */
    kiln_value **blocks;
    Py_ssize_t nblocks, capblocks;
    PyObject *lst_obj[MAX_ARGS];
    const kiln_value *lst_in[MAX_ARGS]; /* what the list was passed as (unchanged lists are not written back) */
    kiln_value lst_out[MAX_ARGS];
    kiln_set_io set_io[MAX_ARGS];       /* a set argument's table (slots: PyMem) and its way back (lst_out) */
    /* NumPy Generator arguments: their bit generators and PCG64 states, written back after the call */
    PyObject *rng_obj[MAX_ARGS];
    kiln_pcg64 rng_state[MAX_ARGS];
    int nrng;
    int nlst;
    bool gpu;                  /* a CUDA launch on the GPU: objects with __cuda_array_interface__ pass their device memory */
    PyObject *kernel;          /* the Kernel called (borrowed), or NULL: where a named-tuple result finds its class */
    PyTypeObject *nt_cls[MAX_ARGS]; /* the namedtuple classes of the arguments (borrowed): a result's class first */
    int nnt;
    bool bound;                /* bind_keywords filled every parameter: the call is kiln_call_bound's */
} Conv;

static void conv_init(Conv *c) {
    c->narr = c->ndflt = c->ntmp = c->nbuf = c->nlst = c->nrng = c->nnt = 0;
    c->bound = false;
    c->kernel = NULL;
    c->gpu = false; /* (was left unset: a CPU call read stack garbage, and a GPU array could reach conv_cai) */
    c->blocks = NULL;
    c->nblocks = c->capblocks = 0;
}

static void conv_release(Conv *c) {
    for (int i = 0; i < c->nrng; i++) Py_DECREF(c->rng_obj[i]); /* Generators converted but not written back (an error) */
    for (int i = 0; c->nbuf && i < c->narr; i++) if (c->view[i].obj) PyBuffer_Release(&c->view[i]);
    for (int i = 0; i < c->ndflt; i++) kiln_value_free(&c->v[c->dflt[i]]);
    for (int i = 0; i < c->ntmp; i++) Py_DECREF(c->tmp[i]);
    for (Py_ssize_t i = 0; i < c->nblocks; i++) PyMem_Free(c->blocks[i]);
    PyMem_Free(c->blocks);
    for (int i = 0; i < c->nlst; i++) {
        kiln_value_free(&c->lst_out[i]);
        PyMem_Free((void *)c->set_io[i].slots);
    }
    conv_init(c);
}

/* a buffer's element format (struct module syntax, as NumPy exports it) as a kiln dtype; -1 if none */
static int dtype_of_format(const char *f, Py_ssize_t itemsize) {
    if (!f) return KILN_UINT8;
    if (*f == '<' || *f == '=' || *f == '@' || *f == '|') f++;
    else if (*f == '>' || *f == '!') return -1; /* big-endian data */
    int d = -1;
    if (f[0] == 'Z' && f[1] && !f[2]) d = f[1] == 'f' ? KILN_COMPLEX64 : f[1] == 'd' ? KILN_COMPLEX128 : -1;
    else if (f[0] && !f[1]) switch (f[0]) {
        case '?': d = KILN_BOOL; break;
        case 'b': d = KILN_INT8; break;
        case 'B': d = KILN_UINT8; break;
        case 'h': d = KILN_INT16; break;
        case 'H': d = KILN_UINT16; break;
        case 'i': d = KILN_INT32; break;
        case 'I': d = KILN_UINT32; break;
        case 'l': case 'q': d = itemsize == 8 ? KILN_INT64 : itemsize == 4 ? KILN_INT32 : -1; break;
        case 'L': case 'Q': d = itemsize == 8 ? KILN_UINT64 : itemsize == 4 ? KILN_UINT32 : -1; break;
        case 'f': d = KILN_FLOAT32; break;
        case 'd': d = KILN_FLOAT64; break;
        }
    if (d >= 0 && (Py_ssize_t)kiln_dtype_size((kiln_dtype)d) != itemsize) return -1;
    return d;
}

/* kiln_value's constructors, written in place: a constructor's returned struct copied into the
 * argument array is a byte store followed by a 16-byte load of the same bytes, a store-forwarding
 * stall (~15 cycles) on every argument */
static inline void put_scalar(kiln_value *out, int dtype, int64_t bits) {
    memset(out, 0, sizeof *out);
    out->kind = KILN_SCALAR;
    out->dtype = (uint8_t)dtype;
    out->py = 1;
    out->v.i = bits;
}

static inline void put_array(kiln_value *out, kiln_array *a, uint32_t flags) {
    memset(out, 0, sizeof *out);
    out->kind = KILN_ARRAY;
    out->v.arr = a;
    out->flags = flags;
}

static int conv_value(Conv *c, PyObject *o, kiln_value *out, int argi, int depth);

/* ---- NumPy arrays without the buffer protocol ----
 * Exporting a buffer costs NumPy ~100 ns (a format string, a shape copy); the array's own fields
 * are where every NumPy since 1.7 keeps them (the public PyArrayObject_fields: data, nd,
 * dimensions, strides, base, descr, flags; in the descriptor the byte order and type_num sit at
 * the same offsets in NumPy 1.x and 2.x). The layout is checked once against the buffer protocol
 * on a probe array; if anything differs, every array goes through the buffer protocol. */
typedef struct { PyObject_HEAD char *data; int nd; Py_ssize_t *dims, *strides; PyObject *base; PyObject *descr; int flags; } NpArray;
typedef struct { PyObject_HEAD PyTypeObject *typeobj; char kind, type, byteorder, flags0; int type_num; } NpDescr;
static PyTypeObject *ndarray_type; /* set when the layout check passed */
static const signed char npy_to_kiln[16] = {KILN_BOOL, KILN_INT8, KILN_UINT8, KILN_INT16, KILN_UINT16, KILN_INT32, KILN_UINT32,
                                            KILN_INT64, KILN_UINT64, KILN_INT64, KILN_UINT64, KILN_FLOAT32, KILN_FLOAT64, -1,
                                            KILN_COMPLEX64, KILN_COMPLEX128};

static int np_dtype(PyObject *o) {
    const NpDescr *d = (const NpDescr *)((NpArray *)o)->descr;
    if (!d || d->byteorder == '>' || d->type_num < 0 || d->type_num >= 16) return -1;
    return npy_to_kiln[d->type_num];
}

/* once, on the first array: the fields against the buffer protocol of a probe (a strided 2-d view) */
static void check_ndarray_layout(PyObject *o) {
    static int checked;
    if (checked || strcmp(Py_TYPE(o)->tp_name, "numpy.ndarray")) return;
    checked = 1;
    PyObject *np = PyImport_ImportModule("numpy");
    PyObject *probe = np ? PyObject_CallMethod(np, "arange", "i", 24) : NULL;
    PyObject *shaped = probe ? PyObject_CallMethod(probe, "reshape", "ii", 4, 6) : NULL;
    PyObject *view = shaped ? PyObject_GetItem(shaped, Py_BuildValue("(NN)", PySlice_New(NULL, NULL, PyLong_FromLong(2)),
                                                                      PySlice_New(PyLong_FromLong(1), NULL, PyLong_FromLong(2)))) : NULL;
    Py_buffer b;
    bool ok = false;
    if (view && Py_TYPE(view) == Py_TYPE(o) && !PyObject_GetBuffer(view, &b, PyBUF_RECORDS_RO)) {
        const NpArray *a = (const NpArray *)view;
        ok = a->data == b.buf && a->nd == b.ndim && b.ndim == 2 && np_dtype(view) == dtype_of_format(b.format, b.itemsize) &&
             ((a->flags & 0x0400) != 0) == !b.readonly; /* NPY_ARRAY_WRITEABLE where NumPy keeps it */
        for (int k = 0; ok && k < 2; k++) ok = a->dims[k] == b.shape[k] && a->strides[k] == b.strides[k];
        PyBuffer_Release(&b);
    }
    PyErr_Clear();
    Py_XDECREF(view); Py_XDECREF(shaped); Py_XDECREF(probe); Py_XDECREF(np);
    if (ok) ndarray_type = Py_TYPE(o);
}

static int conv_ndarray(Conv *c, PyObject *o, kiln_value *out) {
    const NpArray *na = (const NpArray *)o;
    int d = np_dtype(o);
    if (d < 0 || na->nd < 1 || na->nd > KILN_MAXDIM || c->narr == MAX_ARGS) return 1; /* the buffer protocol says why */
    kiln_array *a = &c->arr[c->narr];
    a->data = na->data;
    a->dtype = (kiln_dtype)d;
    a->ndim = na->nd;

    for (int k = 0; k < na->nd; k++) { a->shape[k] = na->dims[k]; a->strides[k] = na->strides[k]; }
    c->view[c->narr].obj = NULL; /* no buffer to release */
    c->owner[c->narr] = o;
    c->narr++;
    put_array(out, a, na->flags & 0x0400 ? 0 : KILN_ARRAY_READONLY); /* NPY_ARRAY_WRITEABLE */
    return 0;
}

static int conv_buffer(Conv *c, PyObject *o, kiln_value *out, int argi) {
    if (c->narr == MAX_ARGS) { PyErr_SetString(PyExc_TypeError, "too many arrays in one call (64 at most)"); return -1; }
    Py_buffer *b = &c->view[c->narr];
    if (PyObject_GetBuffer(o, b, PyBUF_RECORDS_RO) < 0) return -1;
    c->nbuf++;
    c->owner[c->narr] = o;
    c->arr[c->narr].data = NULL; /* a scalar's: never the same as a result array (same_argument) */
    c->arr[c->narr].ndim = 0;
    c->narr++;
    int d = dtype_of_format(b->format, b->itemsize);
    if (d < 0) {
        PyErr_Format(PyExc_TypeError, "argument %d: kiln does not support arrays or scalars of element format '%s'", argi + 1,
                     b->format ? b->format : "B");
        return -1;
    }
    if (b->ndim == 0) { /* a NumPy scalar */
        *out = kiln_scalar((kiln_dtype)d, b->buf);
        return 0;
    }
    if (b->ndim > KILN_MAXDIM) { PyErr_Format(PyExc_TypeError, "argument %d: arrays of more than %d dimensions are not supported", argi + 1, KILN_MAXDIM); return -1; }
    kiln_array *a = &c->arr[c->narr - 1];
    a->data = b->buf;
    a->dtype = (kiln_dtype)d;
    a->ndim = b->ndim;

    for (int k = 0; k < b->ndim; k++) {
        a->shape[k] = b->shape[k];
        a->strides[k] = b->strides ? b->strides[k] : 0;
    }
    if (!b->strides) { /* C-contiguous without strides given */
        int64_t s = b->itemsize;
        for (int k = b->ndim - 1; k >= 0; k--) { a->strides[k] = s; s *= a->shape[k]; }
    }
    put_array(out, a, b->readonly ? KILN_ARRAY_READONLY : 0);
    return 0;
}

static int conv_value(Conv *c, PyObject *o, kiln_value *out, int argi, int depth);

/* an int field of a __cuda_array_interface__ tuple */
static int cai_int(PyObject *t, Py_ssize_t i, int64_t *v) {
    PyObject *x = PyTuple_Check(t) && i < PyTuple_GET_SIZE(t) ? PyTuple_GET_ITEM(t, i) : NULL;
    if (!x || !PyLong_Check(x)) return -1;
    *v = PyLong_AsLongLong(x);
    return PyErr_Occurred() ? -1 : 0;
}

/* a GPU array by its __cuda_array_interface__ (version 2 and 3: shape, typestr, data, strides): its device memory,
 * no copy (CuPy, PyTorch, JAX, Numba and kiln.cuda's arrays) */
static int conv_cai(Conv *c, PyObject *o, kiln_value *out, int argi) {
    if (c->narr == MAX_ARGS) { PyErr_SetString(PyExc_TypeError, "too many arrays in one call (64 at most)"); return -1; }
    PyObject *d = PyObject_GetAttrString(o, "__cuda_array_interface__");
    if (!d) return -1;
    kiln_array *a = &c->arr[c->narr];
    memset(a, 0, sizeof *a);
    PyObject *shape = PyDict_Check(d) ? PyDict_GetItemString(d, "shape") : NULL;
    PyObject *typestr = PyDict_Check(d) ? PyDict_GetItemString(d, "typestr") : NULL;
    PyObject *data = PyDict_Check(d) ? PyDict_GetItemString(d, "data") : NULL;
    PyObject *strides = PyDict_Check(d) ? PyDict_GetItemString(d, "strides") : NULL;
    PyObject *mask = PyDict_Check(d) ? PyDict_GetItemString(d, "mask") : NULL;
    const char *ts = typestr && PyUnicode_Check(typestr) ? PyUnicode_AsUTF8(typestr) : NULL;
    int64_t ptr = 0, ro = 0;
    int bad = !shape || !PyTuple_Check(shape) || !ts || !data || cai_int(data, 0, &ptr) || (mask && mask != Py_None);
    if (!bad && PyTuple_GET_SIZE(data) > 1) ro = PyObject_IsTrue(PyTuple_GET_ITEM(data, 1));
    int nd = bad ? 0 : (int)PyTuple_GET_SIZE(shape);
    if (!bad && (nd < 1 || nd > KILN_MAXDIM)) bad = 2;
    /* typestr: byte order, kind, item size ("<f4") */
    static const struct { const char *t; kiln_dtype d; } types[] = {
        {"b1", KILN_BOOL}, {"i1", KILN_INT8}, {"i2", KILN_INT16}, {"i4", KILN_INT32}, {"i8", KILN_INT64}, {"u1", KILN_UINT8},
        {"u2", KILN_UINT16}, {"u4", KILN_UINT32}, {"u8", KILN_UINT64}, {"f4", KILN_FLOAT32}, {"f8", KILN_FLOAT64},
        {"c8", KILN_COMPLEX64}, {"c16", KILN_COMPLEX128}};
    int dt = -1;
    if (!bad && (ts[0] == '<' || ts[0] == '|' || ts[0] == '='))
        for (size_t i = 0; i < sizeof types / sizeof *types; i++) if (!strcmp(ts + 1, types[i].t)) dt = types[i].d;
    for (int k = 0; !bad && k < nd; k++) bad = cai_int(shape, k, &a->shape[k]);
    int64_t st = dt >= 0 ? (int64_t)kiln_dtype_size((kiln_dtype)dt) : 0;
    for (int k = nd - 1; !bad && k >= 0; k--) {
        if (strides && strides != Py_None) bad = cai_int(strides, k, &a->strides[k]);
        else a->strides[k] = st;
        st *= a->shape[k];
    }
    Py_DECREF(d);
    PyErr_Clear();
    if (bad || dt < 0) {
        PyErr_Format(PyExc_TypeError, "argument %d: a '%.100s' whose __cuda_array_interface__ kiln cannot read (%s)", argi + 1,
                     Py_TYPE(o)->tp_name, bad == 2 ? "1 to 8 dimensions" : dt < 0 && !bad ? "element type" : "shape, typestr, data, strides; no mask");
        return -1;
    }
    a->data = (void *)(intptr_t)ptr;
    a->dtype = (kiln_dtype)dt;
    a->ndim = nd;
    c->view[c->narr].obj = NULL;
    c->owner[c->narr] = o;
    c->narr++;
    put_array(out, a, ro ? KILN_ARRAY_READONLY : 0);
    return 0;
}

/* the items of a tuple or a list argument: freed with the call's conversion */
static kiln_value *conv_block(Conv *c, Py_ssize_t n) {
    if (c->nblocks == c->capblocks) {
        Py_ssize_t cap = c->capblocks ? 2 * c->capblocks : 8;
        kiln_value **b = PyMem_Realloc(c->blocks, sizeof *b * (size_t)cap);
        if (!b) { PyErr_NoMemory(); return NULL; }
        c->blocks = b; c->capblocks = cap;
    }
    kiln_value *items = PyMem_Calloc((size_t)(n ? n : 1), sizeof *items);
    if (!items) { PyErr_NoMemory(); return NULL; }
    c->blocks[c->nblocks++] = items;
    return items;
}

/* a namedtuple argument: its class's name and _fields as the tuple's names (kiln.h's kiln_tuple_names, in a block
 * freed with the conversion; the texts are the class's, which the argument keeps alive); a tuple subclass without
 * _fields of as many strings passes as a plain tuple */
static int conv_names(Conv *c, PyObject *o, kiln_value *out) {
    PyTypeObject *tp = Py_TYPE(o);
    PyObject *f = PyObject_GetAttrString((PyObject *)tp, "_fields");
    if (!f) { PyErr_Clear(); return 0; }
    Py_ssize_t n = PyTuple_GET_SIZE(o);
    int ok = PyTuple_Check(f) && PyTuple_GET_SIZE(f) == n;
    for (Py_ssize_t i = 0; ok && i < n; i++) ok = PyUnicode_Check(PyTuple_GET_ITEM(f, i));
    Py_DECREF(f); /* the class holds it */
    if (!ok) return 0;
    kiln_value *block = conv_block(c, 1 + (Py_ssize_t)((sizeof(kiln_tuple_names) + sizeof(char *) * (size_t)n) / sizeof(kiln_value)));
    if (!block) return -1;
    kiln_tuple_names *nm = (kiln_tuple_names *)block;
    const char **fields = (const char **)(nm + 1);
    for (Py_ssize_t i = 0; i < n; i++)
        if (!(fields[i] = PyUnicode_AsUTF8(PyTuple_GET_ITEM(f, i)))) return -1;
    const char *dot = strrchr(tp->tp_name, '.');
    nm->name = dot ? dot + 1 : tp->tp_name;
    nm->fields = fields;
    out->base = nm;
    if (c->nnt < MAX_ARGS) c->nt_cls[c->nnt++] = tp;
    return 0;
}

/* a Python list: its items, converted (kiln checks they share one type); a top-level one asks kiln for its
 * final items, so what the kernel did to the list shows in the caller's list afterwards */
/* a top-level list, set or dict argument out of object o: its slot for what the kernel leaves in it (its way back,
 * kiln_value.base: the slot itself for a list or dict, the set's kiln_set_io for a set) */
static kiln_value *way_back(Conv *c, PyObject *o, kiln_value *out) {
    int i = c->nlst++;
    c->lst_obj[i] = o;
    c->lst_in[i] = out;
    memset(&c->lst_out[i], 0, sizeof c->lst_out[0]);
    if (out->kind != KILN_SET) memset(&c->set_io[i], 0, sizeof c->set_io[0]); /* nothing for conv_release to free */
    return &c->lst_out[i];
}

static int conv_list(Conv *c, PyObject *o, kiln_value *out, int argi, int depth) {
    Py_ssize_t n = PyList_GET_SIZE(o);
    if (depth > 8 || n > INT32_MAX) { PyErr_Format(PyExc_TypeError, "argument %d: lists nested deeper than 8 or longer than 2**31 - 1", argi + 1); return -1; }
    kiln_value *items = conv_block(c, n);
    if (!items) return -1;
    for (Py_ssize_t i = 0; i < n && i < PyList_GET_SIZE(o); i++) {
        PyObject *x = PyList_GET_ITEM(o, i);
        Py_INCREF(x); /* converting may run Python code (an __array_interface__) that changes the list */
        int rc = conv_value(c, x, &items[i], argi, depth + 1);
        Py_DECREF(x);
        if (rc) return -1;
    }
    if (PyList_GET_SIZE(o) != n) { PyErr_Format(PyExc_RuntimeError, "argument %d: the list changed size while kiln read it", argi + 1); return -1; }
    *out = kiln_list(items, (int)n);
    if (depth == 0 && c->nlst < MAX_ARGS) out->base = way_back(c, o, out);
    return 0;
}

/* collections.deque, imported once (NULL with an exception if it cannot be) */
static PyObject *deque_class(void) {
    static PyObject *cls;
    if (!cls) {
        PyObject *mod = PyImport_ImportModule("collections");
        cls = mod ? PyObject_GetAttrString(mod, "deque") : NULL;
        Py_XDECREF(mod);
    }
    return cls;
}

/* whether o is a collections.deque (a subclass of it is not one for kiln); the name first, so other objects cost
 * no import */
static bool is_deque(PyObject *o) {
    if (strcmp(Py_TYPE(o)->tp_name, "collections.deque")) return false;
    PyObject *cls = deque_class();
    if (!cls) PyErr_Clear();
    return cls && (PyObject *)Py_TYPE(o) == cls;
}

/* a collections.deque: its items as a list's (kiln_value.py KILN_SEQ_DEQUE, or _BOUNDED with its maxlen); a top-level
 * one gets the kernel's changes back as a list does */
static int conv_deque(Conv *c, PyObject *o, kiln_value *out, int argi, int depth) {
    PyObject *m = PyObject_GetAttrString(o, "maxlen");
    if (!m) return -1;
    long long maxlen = m == Py_None ? -1 : PyLong_AsLongLong(m);
    Py_DECREF(m);
    if (maxlen == -1 && PyErr_Occurred()) return -1;
    if (maxlen > INT32_MAX) { PyErr_Format(PyExc_TypeError, "argument %d: a deque's maxlen above 2**31 - 1 is not supported", argi + 1); return -1; }
    PyObject *items = PySequence_List(o); /* its items, as they are now */
    if (!items) return -1;
    int rc = conv_list(c, items, out, argi, depth);
    if (!rc) {
        out->py = maxlen < 0 ? KILN_SEQ_DEQUE : KILN_SEQ_DEQUE_BOUNDED;
        out->maxlen = maxlen < 0 ? 0 : (int32_t)maxlen;
        if (depth == 0 && out->base) c->lst_obj[c->nlst - 1] = o; /* the changes go back into the deque itself */
    }
    Py_DECREF(items);
    return rc;
}

/* collections.deque(list, maxlen) (list consumed) */
static PyObject *new_deque(PyObject *list, const kiln_value *val) {
    PyObject *cls = list ? deque_class() : NULL;
    PyObject *d = !cls ? NULL
                : val->py == KILN_SEQ_DEQUE_BOUNDED ? PyObject_CallFunction(cls, "Oi", list, (int)val->maxlen)
                : PyObject_CallFunctionObjArgs(cls, list, NULL);
    Py_XDECREF(list);
    return d;
}

/* CPython's set table, which kiln takes in and gives back so that a kernel's set iterates as the caller's would
 * (PySetObject's layout: 3.8 to 3.13; other versions pass the keys only and get them back by adds) */
#if PY_VERSION_HEX >= 0x03080000 && PY_VERSION_HEX < 0x030E0000 && !defined(Py_GIL_DISABLED)
#define SET_TABLE 1
#else
#define SET_TABLE 0
#endif

/* a set argument: its keys in its iteration order (its table's), the table's slots, and its way back */
static int conv_set(Conv *c, PyObject *o, kiln_value *out, int argi, int depth) {
    Py_ssize_t n = PySet_GET_SIZE(o);
    if (depth > 0) { PyErr_Format(PyExc_TypeError, "argument %d: a set inside a list or tuple is not supported", argi + 1); return -1; }
    if (n > INT32_MAX) { PyErr_Format(PyExc_TypeError, "argument %d: a set larger than 2**31 - 1", argi + 1); return -1; }
    if (c->nlst >= MAX_ARGS) { PyErr_Format(PyExc_TypeError, "argument %d: more than %d list and set arguments", argi + 1, MAX_ARGS); return -1; }
    kiln_value *items = conv_block(c, n);
    if (!items) return -1;
    kiln_set_io *io = &c->set_io[c->nlst];
    memset(io, 0, sizeof *io);
    Py_ssize_t k = 0;
#if SET_TABLE
    PySetObject *so = (PySetObject *)o;
    int32_t *slots = PyMem_Malloc(sizeof(int32_t) * (size_t)(so->mask + 1));
    if (!slots) { PyErr_NoMemory(); return -1; }
    io->slots = slots;
    io->mask = so->mask; io->fill = so->fill; io->finger = so->finger;
    for (Py_ssize_t i = 0; i <= so->mask && k <= n; i++) {
        PyObject *x = so->table[i].key;
        if (!x) { slots[i] = -1; continue; }
        if (x == _PySet_Dummy) { slots[i] = -2; continue; }
        if (k == n) { k++; break; }
        slots[i] = (int32_t)k;
        Py_INCREF(x);
        int rc = conv_value(c, x, &items[k++], argi, depth + 1);
        Py_DECREF(x);
        if (rc) return -1;
        if ((PySetObject *)o != so || so->table[i].key != x) k = n + 1; /* changed under us (a conversion ran Python code) */
    }
#else
    PyObject *it = PyObject_GetIter(o), *x;
    if (!it) return -1;
    while ((x = PyIter_Next(it))) {
        int rc = k < n ? conv_value(c, x, &items[k], argi, depth + 1) : 0;
        k++;
        Py_DECREF(x);
        if (rc) { Py_DECREF(it); return -1; }
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) return -1;
#endif
    if (k != n || PySet_GET_SIZE(o) != n) { PyErr_Format(PyExc_RuntimeError, "argument %d: the set changed while kiln read it", argi + 1); return -1; }
    memset(out, 0, sizeof *out);
    out->kind = KILN_SET;
    out->n = (int32_t)n;
    out->v.items = items;
    io->out = way_back(c, o, out);
    out->base = io;
    return 0;
}

/* a 128-bit Python int's high and low words */
static int u128_of(PyObject *x, uint64_t *hi, uint64_t *lo) {
    PyObject *sh = PyLong_FromLong(64), *h = sh ? PyNumber_Rshift(x, sh) : NULL, *mask = PyLong_FromUnsignedLongLong(UINT64_MAX);
    PyObject *l = mask ? PyNumber_And(x, mask) : NULL;
    int rc = h && l ? 0 : -1;
    if (!rc) { *hi = PyLong_AsUnsignedLongLong(h); *lo = PyLong_AsUnsignedLongLong(l); rc = PyErr_Occurred() ? -1 : 0; }
    Py_XDECREF(sh); Py_XDECREF(h); Py_XDECREF(mask); Py_XDECREF(l);
    return rc;
}

static PyObject *u128_to(uint64_t hi, uint64_t lo) {
    PyObject *h = PyLong_FromUnsignedLongLong(hi), *sh = PyLong_FromLong(64), *l = PyLong_FromUnsignedLongLong(lo);
    PyObject *hs = h && sh ? PyNumber_Lshift(h, sh) : NULL, *r = hs && l ? PyNumber_Or(hs, l) : NULL;
    Py_XDECREF(h); Py_XDECREF(sh); Py_XDECREF(l); Py_XDECREF(hs);
    return r;
}

static PyObject *dict_item(PyObject *d, const char *key) {
    PyObject *v = PyDict_Check(d) ? PyDict_GetItemString(d, key) : NULL; /* borrowed */
    if (!v && !PyErr_Occurred()) PyErr_Format(PyExc_TypeError, "a Generator's state has no '%s'", key);
    return v;
}

/* a NumPy Generator (over PCG64) argument: its bit generator's state, which the kernel draws from and which comes back */
static int conv_generator(Conv *c, PyObject *o, kiln_value *out, int argi) {
    PyObject *bg = PyObject_GetAttrString(o, "bit_generator");
    if (!bg) return -1;
    if (strcmp(Py_TYPE(bg)->tp_name, "numpy.random._pcg64.PCG64") && strcmp(Py_TYPE(bg)->tp_name, "PCG64")) {
        PyErr_Format(PyExc_TypeError, "argument %d: a Generator over %s: kiln draws from PCG64 ones (np.random.default_rng's)",
                     argi + 1, Py_TYPE(bg)->tp_name);
        Py_DECREF(bg);
        return -1;
    }
    if (c->nrng >= MAX_ARGS) { Py_DECREF(bg); PyErr_Format(PyExc_TypeError, "argument %d: too many Generators", argi + 1); return -1; }
    PyObject *st = PyObject_GetAttrString(bg, "state");
    kiln_pcg64 *p = &c->rng_state[c->nrng];
    PyObject *inner = st ? dict_item(st, "state") : NULL, *s = inner ? dict_item(inner, "state") : NULL, *inc = s ? dict_item(inner, "inc") : NULL;
    PyObject *h = inc ? dict_item(st, "has_uint32") : NULL, *u = h ? dict_item(st, "uinteger") : NULL;
    int rc = u && !u128_of(s, &p->state_hi, &p->state_lo) && !u128_of(inc, &p->inc_hi, &p->inc_lo) ? 0 : -1;
    if (!rc) {
        p->has_uint32 = (int)PyLong_AsLong(h);
        p->uinteger = (uint32_t)PyLong_AsUnsignedLong(u);
        if (PyErr_Occurred()) rc = -1;
    }
    Py_XDECREF(st);
    if (rc) { Py_DECREF(bg); return -1; }
    c->rng_obj[c->nrng++] = bg; /* a new reference, dropped by reflect_rngs */
    memset(out, 0, sizeof *out);
    out->kind = KILN_RNG;
    out->base = p;
    return 0;
}

/* the Generators' states after the call (also after one that raised: NumPy's would have advanced as far) */
static int reflect_rngs(Conv *c) {
    int rc = 0;
    for (int i = 0; i < c->nrng; i++) {
        kiln_pcg64 *p = &c->rng_state[i];
        PyObject *s = u128_to(p->state_hi, p->state_lo), *inc = u128_to(p->inc_hi, p->inc_lo);
        PyObject *d = s && inc ? Py_BuildValue("{s:s,s:{s:O,s:O},s:i,s:k}", "bit_generator", "PCG64", "state", "state", s, "inc", inc,
                                               "has_uint32", p->has_uint32, "uinteger", (unsigned long)p->uinteger) : NULL;
        if (!d || PyObject_SetAttrString(c->rng_obj[i], "state", d) < 0) rc = -1;
        Py_XDECREF(s); Py_XDECREF(inc); Py_XDECREF(d);
        Py_DECREF(c->rng_obj[i]);
    }
    c->nrng = 0;
    return rc;
}

/* a dict argument: its entries in insertion order (keys and values in turn); the kernel's changes come back */
/* the Python types of kiln_factory's defaultdict factories (KILN_FACTORY_INT ... SET) */
static PyTypeObject *const factory_types[] = {NULL, &PyLong_Type, &PyFloat_Type, &PyBool_Type, &PyComplex_Type, &PyUnicode_Type,
                                              &PyList_Type, &PySet_Type};

/* a collections.defaultdict's factory as kiln's (kiln_factory): int, float, bool, complex, str, list or set; 0 for a
 * plain dict; -1 with a TypeError for another factory (a missing key would be given what kiln cannot make) */
static int dict_factory(PyObject *o, int argi) {
    if (PyDict_CheckExact(o)) return 0;
    if (!strcmp(Py_TYPE(o)->tp_name, "Counter")) { /* collections.Counter (a subclass of it is not one for kiln) */
        PyObject *mod = PyImport_ImportModule("collections"), *cls = mod ? PyObject_GetAttrString(mod, "Counter") : NULL;
        Py_XDECREF(mod);
        bool is = cls && (PyObject *)Py_TYPE(o) == cls;
        Py_XDECREF(cls);
        PyErr_Clear();
        if (is) return KILN_FACTORY_COUNTER;
    }
    PyObject *f = PyObject_GetAttrString(o, "default_factory");
    if (!f) { PyErr_Clear(); return 0; } /* another dict subclass: a dict */
    int k = 1;
    while (k < KILN_FACTORY_COUNTER && f != (PyObject *)factory_types[k]) k++;
    if (k == KILN_FACTORY_COUNTER)
        PyErr_Format(PyExc_TypeError, "argument %d: a defaultdict whose factory is %R (kiln's are int, float, bool, complex, "
                     "str, list and set)", argi + 1, f);
    Py_DECREF(f);
    return k == KILN_FACTORY_COUNTER ? -1 : k;
}

static int conv_dict(Conv *c, PyObject *o, kiln_value *out, int argi, int depth) {
    Py_ssize_t n = PyDict_GET_SIZE(o);
    int factory = dict_factory(o, argi);
    if (factory < 0) return -1;
    if (depth > 0) { PyErr_Format(PyExc_TypeError, "argument %d: a dict inside a list or tuple is not supported", argi + 1); return -1; }
    if (n > INT32_MAX / 2) { PyErr_Format(PyExc_TypeError, "argument %d: a dict larger than 2**30", argi + 1); return -1; }
    if (c->nlst >= MAX_ARGS) { PyErr_Format(PyExc_TypeError, "argument %d: more than %d list, set and dict arguments", argi + 1, MAX_ARGS); return -1; }
    kiln_value *items = conv_block(c, 2 * n);
    if (!items) return -1;
    Py_ssize_t pos = 0, i = 0;
    PyObject *k, *v;
    while (PyDict_Next(o, &pos, &k, &v)) {
        if (i == n) { i++; break; }
        Py_INCREF(k); Py_INCREF(v); /* converting may run Python code (an __array_interface__) that changes the dict */
        int rc = conv_value(c, k, &items[2 * i], argi, depth + 1) || conv_value(c, v, &items[2 * i + 1], argi, depth + 1);
        Py_DECREF(k); Py_DECREF(v);
        if (rc) return -1;
        i++;
    }
    if (i != n || PyDict_GET_SIZE(o) != n) { PyErr_Format(PyExc_RuntimeError, "argument %d: the dict changed while kiln read it", argi + 1); return -1; }
    memset(out, 0, sizeof *out);
    out->kind = KILN_DICT;
    out->n = (int32_t)n;
    out->v.items = items;
    out->py = (uint8_t)factory;
    out->base = way_back(c, o, out);
    return 0;
}

static int conv_value(Conv *c, PyObject *o, kiln_value *out, int argi, int depth) {
    if (Py_TYPE(o) == ndarray_type && !conv_ndarray(c, o, out)) return 0; /* the common argument first */
    if (o == Py_None) { *out = kiln_none(); return 0; }
    if (PyBool_Check(o)) { put_scalar(out, KILN_BOOL, o == Py_True); return 0; }
    if (PyLong_CheckExact(o)) {
        int overflow;
        long long x = PyLong_AsLongLongAndOverflow(o, &overflow);
        if (overflow) { PyErr_Format(PyExc_OverflowError, "argument %d: Python int too large for kiln's int64", argi + 1); return -1; }
        if (x == -1 && PyErr_Occurred()) return -1;
        put_scalar(out, KILN_INT64, x);
        return 0;
    }
    if (PyFloat_CheckExact(o)) {
        double f = PyFloat_AS_DOUBLE(o);
        int64_t bits;
        memcpy(&bits, &f, sizeof bits);
        put_scalar(out, KILN_FLOAT64, bits);
        return 0;
    }
    if (PyComplex_CheckExact(o)) { Py_complex z = PyComplex_AsCComplex(o); *out = kiln_complex(z.real, z.imag); return 0; }
    if (PyUnicode_Check(o)) { /* its UTF-8, which the str keeps (and the call keeps the str) */
        Py_ssize_t n;
        const char *s = PyUnicode_AsUTF8AndSize(o, &n);
        if (!s) return -1;
        if (n > INT32_MAX) { PyErr_Format(PyExc_OverflowError, "argument %d: a str of more than 2**31 bytes", argi + 1); return -1; }
        memset(out, 0, sizeof *out);
        out->kind = KILN_STR; out->n = (int32_t)n; out->v.s = (char *)s;
        return 0;
    }
    if (PyTuple_Check(o)) {
        Py_ssize_t n = PyTuple_GET_SIZE(o);
        if (depth > 8 || n > 256) { PyErr_Format(PyExc_TypeError, "argument %d: tuples nested deeper than 8 or longer than 256", argi + 1); return -1; }
        kiln_value *items = conv_block(c, n);
        if (!items) return -1;
        for (Py_ssize_t i = 0; i < n; i++)
            if (conv_value(c, PyTuple_GET_ITEM(o, i), &items[i], argi, depth + 1)) return -1;
        memset(out, 0, sizeof *out);
        out->kind = KILN_TUPLE;
        out->n = (int32_t)n;
        out->v.items = items;
        return PyTuple_CheckExact(o) ? 0 : conv_names(c, o, out);
    }
    if (PyList_Check(o)) return conv_list(c, o, out, argi, depth);
    if (is_deque(o)) return conv_deque(c, o, out, argi, depth);
    if (PyFrozenSet_Check(o)) { PyErr_Format(PyExc_TypeError, "argument %d: a frozenset is not supported (pass a set)", argi + 1); return -1; }
    if (PyAnySet_Check(o)) return conv_set(c, o, out, argi, depth);
    if (PyDict_Check(o)) return conv_dict(c, o, out, argi, depth);
    if (!strcmp(Py_TYPE(o)->tp_name, "numpy.random._generator.Generator") || !strcmp(Py_TYPE(o)->tp_name, "Generator")) {
        if (depth > 0) { PyErr_Format(PyExc_TypeError, "argument %d: a Generator inside a list or tuple is not supported", argi + 1); return -1; }
        return conv_generator(c, o, out, argi);
    }
    if (!ndarray_type) { /* before the first array: its layout is checked, then it goes the common way */
        check_ndarray_layout(o);
        if (Py_TYPE(o) == ndarray_type && !conv_ndarray(c, o, out)) return 0;
    }
    /* a GPU array first when the call is a GPU launch: CuPy's arrays also export a buffer, which fails off the GPU */
    if (c->gpu && PyObject_HasAttrString(o, "__cuda_array_interface__")) return conv_cai(c, o, out, argi);
    if (PyObject_CheckBuffer(o)) return conv_buffer(c, o, out, argi); /* NumPy arrays and scalars, memoryviews, array.array */
    if (PyLong_Check(o)) { /* an int subclass (IntEnum, …) that is not a NumPy scalar */
        long long x = PyLong_AsLongLong(o);
        if (x == -1 && PyErr_Occurred()) return -1;
        *out = kiln_int(x);
        return 0;
    }
    if (PyFloat_Check(o)) { *out = kiln_float(PyFloat_AsDouble(o)); return 0; }
    if (PyObject_HasAttrString(o, "__cuda_array_interface__")) { /* a GPU launch took it before the buffer protocol */
        PyErr_Format(PyExc_TypeError, "argument %d: a GPU array ('%.100s') goes only to a CUDA kernel launched on the GPU; copy "
                     "it to the host first (copy_to_host(), .get(), .cpu())", argi + 1, Py_TYPE(o)->tp_name);
        return -1;
    }
    if (c->ntmp < MAX_ARGS && PyObject_HasAttrString(o, "__array_interface__")) { /* NumPy views it without a copy */
        static PyObject *asarray;
        if (!asarray && !(asarray = numpy_attr("asarray"))) return -1;
        PyObject *a = PyObject_CallOneArg(asarray, o);
        if (!a) return -1;
        c->tmp[c->ntmp++] = a;
        return conv_value(c, a, out, argi, depth);
    }
    PyErr_Format(PyExc_TypeError, "argument %d: kiln cannot pass a '%.100s' to a kernel (numbers, NumPy scalars and arrays, "
                 "objects with the buffer protocol, tuples, lists, dicts, sets, strings and None)", argi + 1, Py_TYPE(o)->tp_name);
    return -1;
}

/* ---- results ---- */

/* a result array's owner: keeps kiln's value (and the arguments it may view) alive and exports its memory */
typedef struct {
    PyObject_HEAD
    kiln_value val;     /* the array result (owned) */
    PyObject *keep;     /* a tuple of argument objects whose memory the array may alias */
    Py_ssize_t shape[KILN_MAXDIM], strides[KILN_MAXDIM];
} Owner;

static void Owner_dealloc(Owner *self) {
    kiln_value_free(&self->val);
    Py_XDECREF(self->keep);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* the buffer format of a dtype; 64-bit ints as C's long where long has 64 bits (NumPy's int64 is 'l' there: 'q' would
 * make an array that prints as array([...], dtype=int64) where NumPy's own prints without the dtype) */
static const char *format_of(kiln_dtype d) {
    static const char *f[KILN_NDTYPE] = {"?", "b", "h", "i", sizeof(long) == 8 ? "l" : "q", "B", "H", "I", sizeof(long) == 8 ? "L" : "Q",
                                         "f", "d", "Zf", "Zd"};
    return f[d];
}

static int Owner_getbuffer(Owner *self, Py_buffer *view, int flags) {
    const kiln_array *a = self->val.v.arr;
    for (int k = 0; k < a->ndim; k++) { self->shape[k] = (Py_ssize_t)a->shape[k]; self->strides[k] = (Py_ssize_t)a->strides[k]; }
    Py_ssize_t item = (Py_ssize_t)kiln_dtype_size(a->dtype), len = item;
    for (int k = 0; k < a->ndim; k++) len *= self->shape[k];
    view->buf = a->data;
    view->obj = (PyObject *)self;
    Py_INCREF(self);
    view->len = len;
    view->readonly = 0;
    view->itemsize = item;
    view->format = (flags & PyBUF_FORMAT) ? (char *)format_of(a->dtype) : NULL;
    view->ndim = a->ndim;
    view->shape = self->shape;
    view->strides = self->strides;
    view->suboffsets = NULL;
    view->internal = NULL;
    return 0;
}

static PyBufferProcs Owner_buffer = {(getbufferproc)Owner_getbuffer, NULL};

static PyTypeObject OwnerType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "kiln._kiln.ArrayMemory",
    .tp_basicsize = sizeof(Owner),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_dealloc = (destructor)Owner_dealloc,
    .tp_as_buffer = &Owner_buffer,
    .tp_doc = "memory of an array a kernel returned (the base of the NumPy array)",
};

static PyObject *numpy_attr(const char *name) {
    if (!numpy_mod && !(numpy_mod = PyImport_ImportModule("numpy"))) return NULL;
    return PyObject_GetAttrString(numpy_mod, name);
}

/* v's value in its dtype's own bytes (little-endian x86-64) at p, as a NumPy scalar object holds it:
 * fixed-size copies, so no memcpy call on the warm path */
static void scalar_store(const kiln_value *v, char *p) {
    switch (v->dtype) {
    case KILN_FLOAT32: { float f = (float)v->v.f; memcpy(p, &f, 4); break; }
    case KILN_FLOAT64: memcpy(p, &v->v.f, 8); break;
    case KILN_COMPLEX64: { float c[2] = {(float)v->v.c[0], (float)v->v.c[1]}; memcpy(p, c, 8); break; }
    case KILN_COMPLEX128: memcpy(p, v->v.c, 16); break;
    case KILN_INT8: case KILN_UINT8: case KILN_BOOL: memcpy(p, &v->v.i, 1); break;
    case KILN_INT16: case KILN_UINT16: memcpy(p, &v->v.i, 2); break;
    case KILN_INT32: case KILN_UINT32: memcpy(p, &v->v.i, 4); break;
    default: memcpy(p, &v->v.i, 8);
    }
}

/* NumPy's numeric scalars are {PyObject_HEAD; value} (PyArrayScalar_VAL): made directly, one is
 * ~40 ns cheaper than calling np.float64(x). Checked once per dtype (direct_checked: the type's
 * size, and the value against the call on a probe); where anything differs (or for np.bool_,
 * whose two values are singletons) the call is used. */
static PyObject *direct_scalar(PyTypeObject *t, const kiln_value *v) {
    PyObject *o = t->tp_alloc(t, 0);
    if (o) scalar_store(v, (char *)o + sizeof(PyObject));
    return o;
}

static PyObject *numpy_scalar(const kiln_value *v);

static bool direct_checked(PyObject *t, int dtype) {
    if (dtype == KILN_BOOL || ((PyTypeObject *)t)->tp_basicsize < (Py_ssize_t)(sizeof(PyObject) + kiln_dtype_size((kiln_dtype)dtype)))
        return false;
    kiln_value probe;
    memset(&probe, 0, sizeof probe);
    probe.kind = KILN_SCALAR;
    probe.dtype = (uint8_t)dtype;
    if (dtype >= KILN_FLOAT32) { probe.v.c[0] = 2.5; probe.v.c[1] = -1.25; } else probe.v.i = 7;
    PyObject *slow = numpy_scalar(&probe), *fast = direct_scalar((PyTypeObject *)t, &probe);
    int same = slow && fast && Py_TYPE(slow) == Py_TYPE(fast) ? PyObject_RichCompareBool(slow, fast, Py_EQ) : 0;
    Py_XDECREF(slow);
    Py_XDECREF(fast);
    PyErr_Clear();
    return same == 1;
}

static PyObject *numpy_scalar(const kiln_value *v) {
    static const char *names[] = {"bool_", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
                                  "float32", "float64", "complex64", "complex128"};
    _Static_assert(sizeof names / sizeof names[0] == KILN_NDTYPE, "a NumPy name for every dtype");
    static PyObject *types[KILN_NDTYPE]; /* kept for the process: looked up once */
    static signed char direct[KILN_NDTYPE]; /* 0 not known yet, 1 made directly, -1 through the call */
    static bool checking;
    if (direct[v->dtype] > 0) return direct_scalar((PyTypeObject *)types[v->dtype], v); /* the warm path */
    if (!types[v->dtype] && !(types[v->dtype] = numpy_attr(names[v->dtype]))) return NULL;
    PyObject *t = types[v->dtype];
    if (!checking && !direct[v->dtype]) {
        checking = true; /* the check itself builds a scalar the slow way */
        direct[v->dtype] = PyType_Check(t) && direct_checked(t, v->dtype) ? 1 : -1;
        checking = false;
        if (direct[v->dtype] > 0) return direct_scalar((PyTypeObject *)t, v);
    }
    PyObject *x;
    switch (v->dtype) {
    case KILN_BOOL: x = PyBool_FromLong(v->v.i != 0); break;
    case KILN_UINT8: case KILN_UINT16: case KILN_UINT32: case KILN_UINT64: x = PyLong_FromUnsignedLongLong(v->v.u); break;
    case KILN_FLOAT32: case KILN_FLOAT64: x = PyFloat_FromDouble(v->v.f); break;
    case KILN_COMPLEX64: case KILN_COMPLEX128: x = PyComplex_FromDoubles(v->v.c[0], v->v.c[1]); break;
    default: x = PyLong_FromLongLong(v->v.i);
    }
    PyObject *r = x ? PyObject_CallOneArg(t, x) : NULL;
    Py_XDECREF(x);
    return r;
}

/* the argument object a result array is exactly (same memory, dtype, shape, strides): `return y`
 * gives the caller's y back, as in Python, not a new array over the same memory */
static PyObject *same_argument(const kiln_value *val, const Conv *c) {
    const kiln_array *a = val->v.arr;
    for (int i = 0; c && i < c->narr; i++) {
        const kiln_array *b = &c->arr[i]; /* what the argument was passed as */
        if (b->data != a->data || b->ndim != a->ndim || b->dtype != a->dtype) continue;
        bool same = true;
        for (int k = 0; k < a->ndim && same; k++) same = b->shape[k] == a->shape[k] && b->strides[k] == a->strides[k];
        if (same && !strcmp(Py_TYPE(c->owner[i])->tp_name, "numpy.ndarray")) return c->owner[i];
    }
    return NULL;
}

static int set_take(PyObject *py, kiln_value *val, const Conv *c);

/* the last class names_class matched (a reference held, so the address stays that class's) and the names it matched,
 * as "name\0field\0field\0...": a list of 10^5 named tuples asks for one class 10^5 times, and _fields is an attribute
 * lookup and a string conversion per field */
static PyTypeObject *matched_cls;
static char *matched_names;
static size_t matched_len;

/* nm as matched_names spells it, into buf (NULL if it does not fit; *len its length) */
static const char *names_key(const kiln_tuple_names *nm, int n, char *buf, size_t cap, size_t *len) {
    size_t k = 0;
    for (int i = -1; i < n; i++) {
        const char *s = i < 0 ? nm->name : nm->fields[i];
        size_t l = strlen(s) + 1;
        if (k + l > cap) return NULL;
        memcpy(buf + k, s, l);
        k += l;
    }
    *len = k;
    return buf;
}

/* whether class tp is the namedtuple class nm names (its name and _fields) */
static int names_class(PyTypeObject *tp, const kiln_tuple_names *nm, int n) {
    char buf[1024];
    size_t len;
    const char *key = names_key(nm, n, buf, sizeof buf, &len);
    if (key && tp == matched_cls && len == matched_len && !memcmp(key, matched_names, len)) return 1;
    const char *dot = strrchr(tp->tp_name, '.');
    if (strcmp(dot ? dot + 1 : tp->tp_name, nm->name)) return 0;
    PyObject *f = PyObject_GetAttrString((PyObject *)tp, "_fields");
    int ok = f && PyTuple_Check(f) && PyTuple_GET_SIZE(f) == n;
    for (int i = 0; ok && i < n; i++) {
        const char *s = PyUnicode_Check(PyTuple_GET_ITEM(f, i)) ? PyUnicode_AsUTF8(PyTuple_GET_ITEM(f, i)) : NULL;
        ok = s && !strcmp(s, nm->fields[i]);
    }
    Py_XDECREF(f);
    PyErr_Clear();
    char *copy = ok && key ? PyMem_Malloc(len) : NULL;
    if (copy) { /* remembered (a failed allocation only forgets) */
        memcpy(copy, key, len);
        PyMem_Free(matched_names);
        matched_names = copy;
        matched_len = len;
        Py_INCREF(tp);
        Py_XSETREF(matched_cls, tp);
    }
    return ok;
}

/* the class a named-tuple result is made of (a new reference; NULL with an exception): an argument's class of those
 * names, else kiln._namedtuple_class's choice for the kernel (its module's class of that name, or one made once);
 * the last answer is remembered, as a list of results asks for one class again and again */
static PyObject *named_class(const Conv *c, const kiln_tuple_names *nm, int n) {
    for (int i = 0; i < c->nnt; i++)
        if (names_class(c->nt_cls[i], nm, n)) { Py_INCREF(c->nt_cls[i]); return (PyObject *)c->nt_cls[i]; }
    static PyObject *last_kernel, *last_cls; /* under the GIL */
    if (last_cls && last_kernel == c->kernel && names_class((PyTypeObject *)last_cls, nm, n)) { Py_INCREF(last_cls); return last_cls; }
    PyObject *fields = PyTuple_New(n);
    for (int i = 0; fields && i < n; i++) {
        PyObject *s = PyUnicode_FromString(nm->fields[i]);
        if (!s) Py_CLEAR(fields);
        else PyTuple_SET_ITEM(fields, i, s);
    }
    PyObject *mod = fields ? PyImport_ImportModule("kiln") : NULL;
    PyObject *cls = mod ? PyObject_CallMethod(mod, "_namedtuple_class", "OsO", c->kernel ? c->kernel : Py_None, nm->name, fields) : NULL;
    Py_XDECREF(mod);
    Py_XDECREF(fields);
    if (cls && !PyType_Check(cls)) { Py_CLEAR(cls); PyErr_SetString(PyExc_SystemError, "kiln._namedtuple_class returned no class"); }
    if (cls) { Py_INCREF(cls); Py_XSETREF(last_cls, cls); last_kernel = c->kernel; }
    return cls;
}

/* collections.defaultdict(factory) or Counter(), empty, for a kiln_factory */
static PyObject *new_defaultdict(int factory) {
    if (factory <= 0 || factory >= KILN_FACTORY_COUNT) { PyErr_SetString(PyExc_SystemError, "kiln returned a dict of unknown factory"); return NULL; }
    PyObject *mod = PyImport_ImportModule("collections");
    PyObject *d = !mod ? NULL : factory == KILN_FACTORY_COUNTER ? PyObject_CallMethod(mod, "Counter", NULL)
                : PyObject_CallMethod(mod, "defaultdict", "O", (PyObject *)factory_types[factory]);
    Py_XDECREF(mod);
    return d;
}

/* an owned kiln value as a Python object; *val is consumed (freed or moved into an owner) */
static PyObject *to_python(kiln_value *val, PyObject *keep, const Conv *c) {
    switch (val->kind) {
    case KILN_NONE: Py_RETURN_NONE;
    case KILN_STR: {
        PyObject *t = PyUnicode_DecodeUTF8(val->v.s, (Py_ssize_t)val->n, "strict");
        kiln_value_free(val);
        return t;
    }
    case KILN_SCALAR: {
        if (!val->py) return numpy_scalar(val);
        switch (val->dtype) {
        case KILN_BOOL: return PyBool_FromLong(val->v.i != 0);
        case KILN_FLOAT64: case KILN_FLOAT32: return PyFloat_FromDouble(val->v.f);
        case KILN_COMPLEX128: case KILN_COMPLEX64: return PyComplex_FromDoubles(val->v.c[0], val->v.c[1]);
        default: return PyLong_FromLongLong(val->v.i);
        }
    }
    case KILN_TUPLE: {
        PyObject *t = PyTuple_New(val->n);
        for (int i = 0; t && i < val->n; i++) {
            PyObject *x = to_python(&val->v.items[i], keep, c);
            if (!x) { Py_CLEAR(t); break; }
            PyTuple_SET_ITEM(t, i, x);
        }
        const kiln_tuple_names *names = val->base; /* a named tuple: an instance of its class */
        PyObject *cls = t && names ? named_class(c, names, val->n) : NULL;
        kiln_value_free(val); /* items already moved out are None now */
        if (!t || !names) return t;
        if (!cls) { Py_DECREF(t); return NULL; }
        PyObject *args = PyTuple_Pack(1, t); /* tuple.__new__(cls, t): the items as they are */
        PyObject *r = args ? PyTuple_Type.tp_new((PyTypeObject *)cls, args, NULL) : NULL;
        Py_XDECREF(args);
        Py_DECREF(t);
        Py_DECREF(cls);
        return r;
    }
    case KILN_DICT: {
        PyObject *t = val->py ? new_defaultdict(val->py) : PyDict_New();
        for (int i = 0; t && i < val->n; i++) {
            PyObject *k = to_python(&val->v.items[2 * i], keep, c), *v = k ? to_python(&val->v.items[2 * i + 1], keep, c) : NULL;
            if (!k || !v || PyDict_SetItem(t, k, v) < 0) Py_CLEAR(t);
            Py_XDECREF(k); Py_XDECREF(v);
        }
        kiln_value_free(val);
        return t;
    }
    case KILN_SET: { /* its keys in kiln's table, which is CPython's */
        PyObject *t = PySet_New(NULL);
        if (t && set_take(t, val, c)) Py_CLEAR(t);
        if (!t) kiln_value_free(val);
        return t;
    }
    case KILN_LIST: {
        PyObject *t = PyList_New(val->n);
        for (int i = 0; t && i < val->n; i++) {
            PyObject *x = to_python(&val->v.items[i], keep, c);
            if (!x) { Py_CLEAR(t); break; }
            PyList_SET_ITEM(t, i, x);
        }
        kiln_value was = *val;
        kiln_value_free(val);
        return was.py ? new_deque(t, &was) : t;
    }
    case KILN_ARRAY: {
        PyObject *arg = same_argument(val, c);
        if (arg) { kiln_value_free(val); Py_INCREF(arg); return arg; }
        if (!numpy_asarray && !(numpy_asarray = numpy_attr("asarray"))) { kiln_value_free(val); return NULL; }
        Owner *o = PyObject_New(Owner, &OwnerType);
        if (!o) { kiln_value_free(val); return NULL; }
        o->val = *val;
        memset(val, 0, sizeof *val); /* moved: None */
        o->keep = keep;
        Py_XINCREF(keep);
        PyObject *r = PyObject_CallOneArg(numpy_asarray, (PyObject *)o);
        Py_DECREF(o);
        return r;
    }
    }
    PyErr_SetString(PyExc_SystemError, "kiln returned a value of unknown kind");
    return NULL;
}

/* ---- kernels ---- */

typedef struct {
    PyObject_HEAD
    vectorcallfunc vectorcall;
    kiln_func *fn;       /* NULL until the first call builds the module */
    int nparams;
    PyObject *module;    /* the Module (kept alive) */
    PyObject *prepare;   /* callable(kernel) -> (Module, name): builds the module on the first call */
    PyObject *dict;      /* py_func, options, … set by the Python side */
    /* static arguments (JAX's static_argnums): their values pick a variant compiled with them as
     * constants; set by _set_static */
    PyObject *statics;   /* tuple of parameter indices, or NULL */
    PyObject *params;    /* tuple of parameter names */
    PyObject *sdefaults; /* dict: name -> default value */
    PyObject *variants;  /* dict: tuple of static values -> Kernel */
    PyObject *make_variant; /* callable(kernel, key) -> Kernel (the generic one past spec_limit) */
    PyObject *generic;   /* the variant that takes every argument (set by the Python side), or NULL */
    char name[128];
} Kernel;

static PyObject *Kernel_vectorcall(Kernel *self, PyObject *const *args, size_t nargsf, PyObject *kwnames);

static int ensure_compiled(Kernel *self) {
    if (self->fn) return 0;
    if (!self->prepare) { PyErr_SetString(PyExc_RuntimeError, "kiln kernel without a source"); return -1; }
    PyObject *r = PyObject_CallOneArg(self->prepare, (PyObject *)self);
    if (!r) return -1;
    PyObject *mod = NULL;
    const char *name = NULL;
    if (!PyArg_ParseTuple(r, "O!s", &ModuleType, &mod, &name)) { Py_DECREF(r); return -1; }
    kiln_func *fn = kiln_lookup(((Module *)mod)->mod, name);
    if (!fn) { PyErr_Format(CompileError, "kiln found no function '%s' in its source", name); Py_DECREF(r); return -1; }
    Py_INCREF(mod);
    Py_XSETREF(self->module, mod);
    snprintf(self->name, sizeof self->name, "%s", name);
    self->nparams = kiln_func_nparams(fn);
    self->fn = fn;
    Py_DECREF(r);
    /* static_shapes (set by the Python side as parameter names, "*" for every array): their lengths
     * are in the key and constants in the code (kiln_func_set_static_shape); a name this variant
     * lacks (a static argument, a constant in it) has nothing to fix */
    PyObject *ss = self->dict ? PyDict_GetItemString(self->dict, "_static_shapes") : NULL;
    for (Py_ssize_t i = 0; ss && PyTuple_Check(ss) && i < PyTuple_GET_SIZE(ss); i++) {
        const char *nm = PyUnicode_Check(PyTuple_GET_ITEM(ss, i)) ? PyUnicode_AsUTF8(PyTuple_GET_ITEM(ss, i)) : NULL;
        if (!nm) { PyErr_Clear(); continue; }
        int k = strcmp(nm, "*") ? kiln_func_param_index(fn, nm) : -1;
        if (k >= 0 || !strcmp(nm, "*")) kiln_func_set_static_shape(fn, k, KILN_ALL_AXES);
    }
    return 0;
}

/* a call's error, at its place in the real files */
static PyObject *kernel_error(Kernel *self, const kiln_error *err) {
    const Module *m = (const Module *)self->module;
    return raise_error(err, self->name, m ? m->regions : NULL, m ? m->notes : NULL, m ? m->file : "");
}

/* CPython's TypeError for more positional arguments than a function without *args takes (its npos positional
 * parameters, keyword-only ones from kw on): "takes from 1 to 2 positional arguments but 3 positional arguments (and
 * 1 keyword-only argument) were given" */
static int too_many_positional(Kernel *self, int npos, int kw, Py_ssize_t n, PyObject *kwnames) {
    int ndef = 0, nkwonly = 0;
    for (int i = 0; i < npos; i++) {
        kiln_value d;
        if (!kiln_func_default(self->fn, i, &d)) { ndef++; kiln_value_free(&d); }
    }
    for (Py_ssize_t k = 0; kwnames && k < PyTuple_GET_SIZE(kwnames); k++) {
        const char *kname = PyUnicode_AsUTF8(PyTuple_GET_ITEM(kwnames, k));
        if (!kname) return -1;
        for (int i = kw; i < self->nparams; i++) nkwonly += !strcmp(kiln_func_param(self->fn, i), kname);
    }
    char sig[64], given[96] = "";
    if (ndef) snprintf(sig, sizeof sig, "from %d to %d", npos - ndef, npos);
    else snprintf(sig, sizeof sig, "%d", npos);
    if (nkwonly)
        snprintf(given, sizeof given, " positional argument%s (and %d keyword-only argument%s)", n != 1 ? "s" : "", nkwonly,
                 nkwonly != 1 ? "s" : "");
    PyErr_Format(PyExc_TypeError, "%s() takes %s positional argument%s but %zd%s %s given", self->name, sig,
                 ndef || npos != 1 ? "s" : "", n, given, n == 1 && !nkwonly ? "was" : "were");
    return -1;
}

/* a function with *args or keyword-only parameters called with keywords: every parameter bound as Python binds the
 * call (the positional arguments past the named ones a tuple for *args, keywords by name, defaults for the rest, in
 * CPython's words where one is wrong), for kiln_call_bound */
static int bind_keywords(Kernel *self, Conv *c, PyObject *const *args, Py_ssize_t n, PyObject *kwnames, int *nargs) {
    int np = self->nparams, va = kiln_func_vararg(self->fn), kw = kiln_func_kwonly(self->fn), npos = va >= 0 ? va : kw;
    Py_ssize_t nkw = PyTuple_GET_SIZE(kwnames);
    if (np > MAX_ARGS || n > MAX_ARGS) { PyErr_Format(PyExc_TypeError, "%s(): more than %d arguments", self->name, MAX_ARGS); return -1; }
    if (va < 0 && n > npos) return too_many_positional(self, npos, kw, n, kwnames);
    PyObject *slot[MAX_ARGS] = {NULL};
    for (Py_ssize_t i = 0; i < n && i < npos; i++) slot[i] = args[i];
    for (Py_ssize_t k = 0; k < nkw; k++) {
        const char *kname = PyUnicode_AsUTF8(PyTuple_GET_ITEM(kwnames, k));
        if (!kname) return -1;
        int i = 0;
        while (i < np && (i == va || strcmp(kiln_func_param(self->fn, i), kname))) i++;
        if (i == np) { PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument '%s'", self->name, kname); return -1; }
        if (slot[i]) { PyErr_Format(PyExc_TypeError, "%s() got multiple values for argument '%s'", self->name, kname); return -1; }
        slot[i] = args[n + k];
    }
    for (int i = 0; i < np; i++) {
        if (i == va) { /* *args: the positional arguments past the named ones */
            if (c->ntmp >= MAX_ARGS) { PyErr_Format(PyExc_TypeError, "%s(): too many array arguments", self->name); return -1; }
            PyObject *t = PyTuple_New(n > npos ? n - npos : 0);
            if (!t) return -1;
            for (Py_ssize_t k = npos; k < n; k++) { Py_INCREF(args[k]); PyTuple_SET_ITEM(t, k - npos, args[k]); }
            c->tmp[c->ntmp++] = t; /* alive until the call is over: its items' conversions point into it */
            if (conv_value(c, t, &c->v[i], i, 0)) return -1;
        } else if (slot[i]) {
            if (conv_value(c, slot[i], &c->v[i], i, 0)) return -1;
        } else if (kiln_func_default(self->fn, i, &c->v[i])) {
            PyErr_Format(PyExc_TypeError, "%s() missing 1 required %s argument: '%s'", self->name,
                         i >= kw ? "keyword-only" : "positional", kiln_func_param(self->fn, i));
            return -1;
        } else {
            c->dflt[c->ndflt++] = i; /* its tuple items are kiln's: freed after the call */
        }
    }
    c->bound = true;
    *nargs = np;
    return 0;
}

/* positional and keyword arguments into kiln's order; defaults fill what is left out before a keyword */
static int bind(Kernel *self, Conv *c, PyObject *const *args, Py_ssize_t n, PyObject *kwnames, int *nargs) {
    int np = self->nparams;
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    if (!nkw && n == np) { /* the common call: every argument by position */
        for (int i = 0; i < np; i++)
            if (conv_value(c, args[i], &c->v[i], i, 0)) return -1;
        *nargs = np;
        return 0;
    }
    if (kiln_func_kwonly(self->fn) >= 0) { /* *args or keyword-only parameters: by position, kiln_call binds them */
        if (nkw) return bind_keywords(self, c, args, n, kwnames, nargs);
        int va = kiln_func_vararg(self->fn), kw = kiln_func_kwonly(self->fn);
        if (va < 0 && n > kw) return too_many_positional(self, kw, kw, n, NULL);
        if (n > MAX_ARGS) { PyErr_Format(PyExc_TypeError, "%s(): more than %d arguments", self->name, MAX_ARGS); return -1; }
        for (Py_ssize_t i = 0; i < n; i++)
            if (conv_value(c, args[i], &c->v[i], (int)i, 0)) return -1;
        *nargs = (int)n;
        return 0;
    }
    if (n > np) {
        PyErr_Format(PyExc_TypeError, "%s() takes %d positional argument%s but %zd were given", self->name, np, np == 1 ? "" : "s", n);
        return -1;
    }
    if (np > MAX_ARGS) { PyErr_Format(PyExc_TypeError, "%s() has more than %d parameters", self->name, MAX_ARGS); return -1; }
    PyObject *slot[MAX_ARGS];
    for (int i = 0; i < np; i++) slot[i] = i < n ? args[i] : NULL;
    for (Py_ssize_t k = 0; k < nkw; k++) {
        const char *kname = PyUnicode_AsUTF8(PyTuple_GET_ITEM(kwnames, k));
        if (!kname) return -1;
        int i = 0;
        while (i < np && strcmp(kiln_func_param(self->fn, i), kname)) i++;
        if (i == np) { PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument '%s'", self->name, kname); return -1; }
        if (slot[i]) { PyErr_Format(PyExc_TypeError, "%s() got multiple values for argument '%s'", self->name, kname); return -1; }
        slot[i] = args[n + k];
    }
    int last = np;
    while (last > 0 && !slot[last - 1]) last--;
    for (int i = 0; i < last; i++) {
        if (slot[i]) {
            if (conv_value(c, slot[i], &c->v[i], i, 0)) return -1;
        } else if (kiln_func_default(self->fn, i, &c->v[i])) {
            PyErr_Format(PyExc_TypeError, "%s() missing required argument: '%s'", self->name, kiln_func_param(self->fn, i));
            return -1;
        } else {
            c->dflt[c->ndflt++] = i; /* its tuple items are kiln's: freed after the call */
        }
    }
    *nargs = last; /* the ones left out at the end: kiln_call fills their defaults (or says which is missing) */
    return 0;
}

/* the arguments an array result may alias (a view of an argument keeps it alive) */
static PyObject *keep_of(Conv *c) {
    if (!c->narr) return NULL;
    PyObject *t = PyTuple_New(c->narr);
    if (!t) { PyErr_Clear(); return NULL; }
    for (int i = 0; i < c->narr; i++) { Py_INCREF(c->owner[i]); PyTuple_SET_ITEM(t, i, c->owner[i]); }
    return t;
}

/* the GIL around what may take long (kiln decides: see kiln_call_hooked); straight-line scalar code
 * keeps it, since releasing and taking it back costs more than such a call */
static void *gil_release(void) { return PyEval_SaveThread(); }
static void gil_reacquire(void *ts) { PyEval_RestoreThread((PyThreadState *)ts); }
static const kiln_call_hooks gil_hooks = {gil_release, gil_reacquire};

/* a kernel with static arguments: the values of those pick (or make) a variant, which gets the rest */
static PyObject *static_call(Kernel *self, PyObject *const *args, size_t nargsf, PyObject *kwnames) {
    Py_ssize_t n = PyVectorcall_NARGS(nargsf), nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    Py_ssize_t np = PyTuple_GET_SIZE(self->params), ns = PyTuple_GET_SIZE(self->statics);
    if (np > MAX_ARGS) { PyErr_SetString(PyExc_TypeError, "too many parameters"); return NULL; }
    if (n > np) return PyErr_Format(PyExc_TypeError, "takes %zd positional arguments but %zd were given", np, n);
    PyObject *slot[MAX_ARGS];
    for (Py_ssize_t i = 0; i < np; i++) slot[i] = i < n ? args[i] : NULL;
    for (Py_ssize_t k = 0; k < nkw; k++) {
        PyObject *name = PyTuple_GET_ITEM(kwnames, k);
        Py_ssize_t i = 0;
        while (i < np && PyUnicode_Compare(PyTuple_GET_ITEM(self->params, i), name)) i++;
        if (i == np) return PyErr_Format(PyExc_TypeError, "got an unexpected keyword argument '%U'", name);
        if (slot[i]) return PyErr_Format(PyExc_TypeError, "got multiple values for argument '%U'", name);
        slot[i] = args[n + k];
    }
    PyObject *key = PyTuple_New(ns);
    if (!key) return NULL;
    bool is_static[MAX_ARGS] = {false};
    for (Py_ssize_t j = 0; j < ns; j++) {
        Py_ssize_t i = PyLong_AsSsize_t(PyTuple_GET_ITEM(self->statics, j));
        is_static[i] = true;
        PyObject *v = slot[i] ? slot[i] : PyDict_GetItemWithError(self->sdefaults, PyTuple_GET_ITEM(self->params, i));
        if (!v) {
            Py_DECREF(key);
            if (!PyErr_Occurred()) PyErr_Format(PyExc_TypeError, "missing required argument: '%U'", PyTuple_GET_ITEM(self->params, i));
            return NULL;
        }
        Py_INCREF(v);
        PyTuple_SET_ITEM(key, j, v);
    }
    PyObject *variant = PyDict_GetItemWithError(self->variants, key); /* borrowed */
    if (!variant && PyErr_Occurred()) {
        Py_DECREF(key);
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Clear();
            PyErr_SetString(PyExc_TypeError, "a static argument must be hashable (a number, bool, None, str or a tuple of them)");
        }
        return NULL;
    }
    if (!variant) {
        PyObject *v = PyObject_CallFunctionObjArgs(self->make_variant, (PyObject *)self, key, NULL);
        if (!v) { Py_DECREF(key); return NULL; }
        if (PyDict_SetItem(self->variants, key, v) < 0) { Py_DECREF(v); Py_DECREF(key); return NULL; }
        Py_DECREF(v);
        variant = v; /* the dict holds it */
    }
    Py_DECREF(key);
    if (variant == self->generic) return PyObject_Vectorcall(variant, args, nargsf, kwnames);
    /* the rest: positional ones keep their order, keywords their names */
    PyObject *rest[MAX_ARGS];
    Py_ssize_t npos = 0, nrest = 0;
    for (Py_ssize_t i = 0; i < n; i++) if (!is_static[i]) rest[npos++] = args[i];
    PyObject *names = nkw ? PyTuple_New(nkw) : NULL;
    nrest = npos;
    Py_ssize_t kk = 0;
    for (Py_ssize_t k = 0; k < nkw; k++) {
        PyObject *name = PyTuple_GET_ITEM(kwnames, k);
        Py_ssize_t i = 0;
        while (i < np && PyUnicode_Compare(PyTuple_GET_ITEM(self->params, i), name)) i++;
        if (is_static[i]) continue;
        rest[nrest++] = args[n + k];
        Py_INCREF(name);
        PyTuple_SET_ITEM(names, kk++, name);
    }
    if (names && kk < nkw) { /* some keywords were static: a shorter names tuple */
        PyObject *t = PyTuple_GetSlice(names, 0, kk);
        Py_DECREF(names);
        names = kk ? t : (Py_XDECREF(t), NULL);
    }
    PyObject *r = PyObject_Vectorcall(variant, rest, (size_t)npos, names);
    Py_XDECREF(names);
    return r;
}

static PyObject *Kernel_set_static(Kernel *self, PyObject *args) {
    PyObject *statics, *params, *defaults, *make;
    if (!PyArg_ParseTuple(args, "O!O!O!O", &PyTuple_Type, &statics, &PyTuple_Type, &params, &PyDict_Type, &defaults, &make)) return NULL;
    PyObject *variants = PyDict_New();
    if (!variants) return NULL;
    Py_INCREF(statics); Py_XSETREF(self->statics, statics);
    Py_INCREF(params); Py_XSETREF(self->params, params);
    Py_INCREF(defaults); Py_XSETREF(self->sdefaults, defaults);
    Py_INCREF(make); Py_XSETREF(self->make_variant, make);
    Py_XSETREF(self->variants, variants);
    Py_RETURN_NONE;
}

static PyObject *Kernel_set_generic(Kernel *self, PyObject *g) {
    Py_INCREF(g);
    Py_XSETREF(self->generic, g);
    Py_RETURN_NONE;
}

/* a list argument gets the items the kernel left in it; an inner list that is still a list keeps its identity
 * (its items are written back the same way), so names the caller holds for inner lists see the changes */
/* whether a value came back as it went in (numbers compared bit for bit) */
static bool same_value(const kiln_value *a, const kiln_value *b) {
    if (a->kind != b->kind) return false;
    switch (a->kind) {
    case KILN_SCALAR:
        if (a->dtype != b->dtype) return false;
        if (a->dtype == KILN_COMPLEX64 || a->dtype == KILN_COMPLEX128) return !memcmp(a->v.c, b->v.c, sizeof a->v.c);
        return a->v.u == b->v.u;
    case KILN_LIST: case KILN_TUPLE: case KILN_DICT:
        if (a->n != b->n || (a->kind == KILN_LIST && (a->py != b->py || a->maxlen != b->maxlen))) return false;
        for (int i = 0; i < (a->kind == KILN_DICT ? 2 * a->n : a->n); i++) if (!same_value(&a->v.items[i], &b->v.items[i])) return false;
        return true;
    case KILN_ARRAY: { /* the same array: memory, dtype, shape and strides (what its elements hold is its own) */
        const kiln_array *x = a->v.arr, *y = b->v.arr;
        if (x->data != y->data || x->dtype != y->dtype || x->ndim != y->ndim) return false;
        for (int k = 0; k < x->ndim; k++) if (x->shape[k] != y->shape[k] || x->strides[k] != y->strides[k]) return false;
        return true;
    }
    default: return a->kind == KILN_NONE;
    }
}

static int reflect_list(PyObject *py, const kiln_value *in, kiln_value *val, const Conv *c) {
    if (in && same_value(in, val)) return 0; /* untouched: the caller's objects stay as they are */
    PyObject *items = PyList_New(val->n);
    if (!items) return -1;
    for (int i = 0; i < val->n; i++) {
        kiln_value *v = &val->v.items[i];
        PyObject *x = NULL;
        PyObject *had = PyList_Check(py) && i < PyList_GET_SIZE(py) ? PyList_GET_ITEM(py, i) : NULL;
        if (v->kind == KILN_LIST && had && (v->py ? is_deque(had) : PyList_Check(had))) { /* the caller's inner list (deque) */
            x = had;
            Py_INCREF(x);
            const kiln_value *was = in && in->kind == KILN_LIST && i < in->n ? &in->v.items[i] : NULL;
            if (reflect_list(x, was, v, c)) { Py_DECREF(x); Py_DECREF(items); return -1; }
        } else if (!(x = to_python(v, NULL, c))) { /* an argument's array: the caller's own object again */
            Py_DECREF(items);
            return -1;
        }
        PyList_SET_ITEM(items, i, x);
    }
    int rc;
    if (PyList_Check(py)) rc = PyList_SetSlice(py, 0, PY_SSIZE_T_MAX, items);
    else { /* a deque: emptied and filled (its maxlen is its own: kiln kept to it) */
        PyObject *r = PyObject_CallMethod(py, "clear", NULL);
        Py_XDECREF(r);
        r = r ? PyObject_CallMethod(py, "extend", "O", items) : NULL;
        rc = r ? 0 : -1;
        Py_XDECREF(r);
    }
    Py_DECREF(items);
    return rc;
}

/* py (a set) holds val's keys afterwards: in val's table (kiln_set_table in base), so that it goes on iterating as
 * CPython's would have, or, without one, added in val's order (val is consumed) */
static int set_take(PyObject *py, kiln_value *val, const Conv *c) {
    const kiln_set_table *tab = val->base;
    PyObject **keys = PyMem_Calloc((size_t)(val->n ? val->n : 1), sizeof(PyObject *));
    Py_hash_t *hashes = PyMem_Calloc((size_t)(val->n ? val->n : 1), sizeof(Py_hash_t));
    int rc = keys && hashes ? 0 : -1;
    if (rc) PyErr_NoMemory();
    for (int i = 0; !rc && i < val->n; i++)
        if (!(keys[i] = to_python(&val->v.items[i], NULL, c)) || (hashes[i] = PyObject_Hash(keys[i])) == -1) rc = -1;
#if SET_TABLE
    if (!rc && tab && tab->slots && tab->mask >= PySet_MINSIZE - 1) {
        PySetObject *so = (PySetObject *)py;
        size_t size = (size_t)tab->mask + 1;
        setentry small[PySet_MINSIZE], *old = so->table, *t;
        Py_ssize_t oldmask = so->mask;
        bool old_heap = old != so->smalltable;
        if (!old_heap) { memcpy(small, old, sizeof small); old = small; }
        t = size == PySet_MINSIZE ? so->smalltable : PyMem_New(setentry, size);
        if (!t) { PyErr_NoMemory(); rc = -1; }
        else {
            memset(t, 0, sizeof(setentry) * size);
            for (size_t i = 0; i < size; i++) {
                int32_t k = tab->slots[i];
                if (k >= 0 && k < val->n) { t[i].key = keys[k]; t[i].hash = hashes[k]; keys[k] = NULL; }
                else if (k == -2) { t[i].key = _PySet_Dummy; t[i].hash = -1; }
            }
            so->table = t; so->mask = (Py_ssize_t)size - 1;
            so->fill = tab->fill; so->used = val->n; so->finger = tab->finger;
            for (Py_ssize_t i = 0; i <= oldmask; i++)
                if (old[i].key && old[i].key != _PySet_Dummy) Py_DECREF(old[i].key);
            if (old_heap) PyMem_Free(old);
        }
    } else
#endif
    if (!rc) {
        rc = PySet_Clear(py);
        for (int i = 0; !rc && i < val->n; i++) rc = PySet_Add(py, keys[i]);
    }
    for (int i = 0; keys && i < val->n; i++) Py_XDECREF(keys[i]);
    PyMem_Free(keys);
    PyMem_Free(hashes);
    kiln_value_free(val);
    return rc;
}

/* a dict argument the kernel changed: the caller's dict gets the kernel's entries, in the kernel's order */
static int reflect_dict(PyObject *py, const kiln_value *in, kiln_value *val, const Conv *c) {
    if (in && same_value(in, val)) return 0; /* untouched: the caller's objects stay as they are */
    PyObject *keys = PyList_New(val->n), *vals = PyList_New(val->n);
    int rc = keys && vals ? 0 : -1;
    for (int i = 0; !rc && i < val->n; i++) {
        PyObject *k = to_python(&val->v.items[2 * i], NULL, c), *v = k ? to_python(&val->v.items[2 * i + 1], NULL, c) : NULL;
        if (!k || !v) { Py_XDECREF(k); Py_XDECREF(v); rc = -1; break; }
        PyList_SET_ITEM(keys, i, k);
        PyList_SET_ITEM(vals, i, v);
    }
    if (!rc) PyDict_Clear(py);
    for (int i = 0; !rc && i < val->n; i++) rc = PyDict_SetItem(py, PyList_GET_ITEM(keys, i), PyList_GET_ITEM(vals, i));
    Py_XDECREF(keys);
    Py_XDECREF(vals);
    return rc;
}

static int reflect_lists(Conv *c) {
    for (int i = 0; i < c->nlst; i++) {
        if (c->lst_out[i].kind == KILN_DICT && reflect_dict(c->lst_obj[i], c->lst_in[i], &c->lst_out[i], c)) return -1;
        if (c->lst_out[i].kind == KILN_LIST && reflect_list(c->lst_obj[i], c->lst_in[i], &c->lst_out[i], c)) return -1;
        if (c->lst_out[i].kind == KILN_SET && set_take(c->lst_obj[i], &c->lst_out[i], c)) return -1;
    }
    return 0;
}

static PyObject *Kernel_vectorcall(Kernel *self, PyObject *const *args, size_t nargsf, PyObject *kwnames) {
    if (self->statics) return static_call(self, args, nargsf, kwnames);
    if (!self->fn && ensure_compiled(self)) return NULL;
    Conv c;
    conv_init(&c);
    c.kernel = (PyObject *)self;
    int nargs = 0;
    if (bind(self, &c, args, PyVectorcall_NARGS(nargsf), kwnames, &nargs)) { conv_release(&c); return NULL; }
    kiln_value res;
    kiln_error err;
    int rc;
    rc = c.bound ? kiln_call_bound(self->fn, c.v, nargs, &res, &err, &gil_hooks)
                 : kiln_call_hooked(self->fn, c.v, nargs, &res, &err, &gil_hooks);
    PyObject *out;
    if (c.nrng && reflect_rngs(&c)) { /* the Generators advanced, whatever the call did */
        if (!rc) kiln_value_free(&res);
        conv_release(&c);
        return NULL;
    }
    if (rc) out = kernel_error(self, &err);
    else {
        PyObject *keep = res.kind == KILN_ARRAY || res.kind == KILN_TUPLE || res.kind == KILN_LIST || res.kind == KILN_DICT || res.kind == KILN_SET ? keep_of(&c) : NULL;
        out = to_python(&res, keep, &c);
        Py_XDECREF(keep);
        if (out && reflect_lists(&c)) Py_CLEAR(out);
    }
    conv_release(&c);
    return out;
}

static int Kernel_init(Kernel *self, PyObject *args, PyObject *kw) {
    static char *names[] = {"prepare", NULL};
    PyObject *prepare;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O", names, &prepare)) return -1;
    if (!PyCallable_Check(prepare)) { PyErr_SetString(PyExc_TypeError, "prepare must be callable"); return -1; }
    Py_INCREF(prepare);
    Py_XSETREF(self->prepare, prepare);
    self->vectorcall = (vectorcallfunc)Kernel_vectorcall;
    return 0;
}

static int Kernel_traverse(Kernel *self, visitproc visit, void *arg) {
    Py_VISIT(self->module);
    Py_VISIT(self->prepare);
    Py_VISIT(self->dict);
    Py_VISIT(self->statics);
    Py_VISIT(self->params);
    Py_VISIT(self->sdefaults);
    Py_VISIT(self->variants);
    Py_VISIT(self->make_variant);
    Py_VISIT(self->generic);
    return 0;
}

static int Kernel_clear(Kernel *self) {
    Py_CLEAR(self->module);
    Py_CLEAR(self->prepare);
    Py_CLEAR(self->dict);
    Py_CLEAR(self->statics);
    Py_CLEAR(self->params);
    Py_CLEAR(self->sdefaults);
    Py_CLEAR(self->variants);
    Py_CLEAR(self->make_variant);
    Py_CLEAR(self->generic);
    return 0;
}

static void Kernel_dealloc(Kernel *self) {
    PyObject_GC_UnTrack(self);
    Kernel_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *Kernel_stats(Kernel *self, PyObject *unused) {
    (void)unused;
    if (!self->fn) return PyDict_New();
    kiln_stats s;
    kiln_func_stats(self->fn, &s);
    return Py_BuildValue("{sKsKsKsKsKsKsKsKsKsKsKsKsKsKsKsKsK}", "calls", s.calls, "specializations", s.specializations,
                         "ns_infer", s.ns_infer, "ns_opt", s.ns_opt, "ns_codegen", s.ns_codegen, "calls_interp", s.calls_interp,
                         "calls_baseline", s.calls_baseline, "calls_opt", s.calls_opt, "tier_ups", s.tier_ups,
                         "ns_tier2", s.ns_tier2, "osr_compiles", s.osr_compiles, "osr_entries", s.osr_entries,
                         "interp_only", s.interp_only, "fixed_specs", s.fixed_specs, "speculations", s.speculations,
                         "guard_hits", s.guard_hits, "guard_misses", s.guard_misses);
}

/* compile for these arguments' types without running (eager signatures) */
static PyObject *Kernel_compile_for(Kernel *self, PyObject *args) {
    if (!self->fn && ensure_compiled(self)) return NULL;
    Conv c;
    conv_init(&c);
    int nargs = 0;
    if (bind(self, &c, &PyTuple_GET_ITEM(args, 0), PyTuple_GET_SIZE(args), NULL, &nargs)) { conv_release(&c); return NULL; }
    kiln_error err;
    int rc;
    Py_BEGIN_ALLOW_THREADS
    rc = kiln_compile(self->fn, c.v, nargs, &err);
    Py_END_ALLOW_THREADS
    conv_release(&c);
    if (rc) return kernel_error(self, &err);
    Py_RETURN_NONE;
}

/* kiln_explain's text for these arguments ("" : everything; "asm": the baseline's x86-64) */
static PyObject *Kernel_explain_text(Kernel *self, PyObject *args) {
    const char *what = NULL;
    PyObject *cargs;
    if (!PyArg_ParseTuple(args, "zO!", &what, &PyTuple_Type, &cargs)) return NULL;
    if (!self->fn && ensure_compiled(self)) return NULL;
    Conv c;
    conv_init(&c);
    int nargs = 0;
    if (bind(self, &c, &PyTuple_GET_ITEM(cargs, 0), PyTuple_GET_SIZE(cargs), NULL, &nargs)) { conv_release(&c); return NULL; }
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f) { conv_release(&c); return PyErr_NoMemory(); }
    kiln_error err;
    int rc;
    Py_BEGIN_ALLOW_THREADS
    rc = kiln_explain(self->fn, c.v, nargs, f, what && *what ? what : NULL, &err);
    fclose(f);
    Py_END_ALLOW_THREADS
    conv_release(&c);
    PyObject *r = rc ? kernel_error(self, &err) : PyUnicode_DecodeUTF8(buf, (Py_ssize_t)len, "replace");
    free(buf);
    return r;
}

/* ---- CUDA kernels (kiln/cuda.py): launches, PTX, device memory ---- */

/* _launch(device, grid, block, shared, stream, args): kiln_launch; device 0 the CPU, 1 the GPU */
static PyObject *Kernel_launch(Kernel *self, PyObject *args) {
    int device;
    unsigned g[3], b[3], shared;
    unsigned long long stream;
    PyObject *cargs;
    if (!PyArg_ParseTuple(args, "i(III)(III)IKO!", &device, &g[0], &g[1], &g[2], &b[0], &b[1], &b[2], &shared, &stream, &PyTuple_Type, &cargs))
        return NULL;
    if (!self->fn && ensure_compiled(self)) return NULL;
    Conv c;
    conv_init(&c);
    c.gpu = device == KILN_DEVICE_CUDA;
    int nargs = 0;
    if (bind(self, &c, &PyTuple_GET_ITEM(cargs, 0), PyTuple_GET_SIZE(cargs), NULL, &nargs)) { conv_release(&c); return NULL; }
    kiln_launch_cfg cfg = {(kiln_device)device, {g[0], g[1], g[2]}, {b[0], b[1], b[2]}, shared, (void *)(uintptr_t)stream};
    kiln_error err;
    int rc;
    Py_BEGIN_ALLOW_THREADS
    rc = kiln_launch(self->fn, &cfg, c.v, nargs, &err);
    Py_END_ALLOW_THREADS
    conv_release(&c);
    if (rc) return kernel_error(self, &err);
    Py_RETURN_NONE;
}

/* _ptx(arch or None, args): the PTX for these arguments (device arrays allowed) */
static PyObject *Kernel_ptx(Kernel *self, PyObject *args) {
    const char *arch = NULL;
    PyObject *cargs;
    if (!PyArg_ParseTuple(args, "zO!", &arch, &PyTuple_Type, &cargs)) return NULL;
    if (!self->fn && ensure_compiled(self)) return NULL;
    Conv c;
    conv_init(&c);
    c.gpu = true;
    int nargs = 0;
    if (bind(self, &c, &PyTuple_GET_ITEM(cargs, 0), PyTuple_GET_SIZE(cargs), NULL, &nargs)) { conv_release(&c); return NULL; }
    kiln_error err;
    char *ptx = NULL;
    int rc;
    Py_BEGIN_ALLOW_THREADS
    rc = kiln_cuda_ptx(self->fn, c.v, nargs, arch, &ptx, &err);
    Py_END_ALLOW_THREADS
    conv_release(&c);
    PyObject *r = rc ? kernel_error(self, &err) : PyUnicode_FromString(ptx);
    free(ptx);
    return r;
}

static PyMethodDef Kernel_methods[] = {
    {"_launch", (PyCFunction)Kernel_launch, METH_VARARGS, "_launch(device, grid, block, shared, stream, args): a CUDA kernel launch"},
    {"_ptx", (PyCFunction)Kernel_ptx, METH_VARARGS, "_ptx(arch, args): the PTX of a CUDA kernel for these arguments"},
    {"_explain", (PyCFunction)Kernel_explain_text, METH_VARARGS, "kiln_explain's text: _explain(what, args)"},
    {"_set_static", (PyCFunction)Kernel_set_static, METH_VARARGS, "_set_static(indices, names, defaults, make_variant)"},
    {"_set_generic", (PyCFunction)Kernel_set_generic, METH_O, "_set_generic(kernel): the variant past spec_limit"},
    {"stats", (PyCFunction)Kernel_stats, METH_NOARGS, "calls per tier, specializations, compile time per phase (ns)"},
    {"_compile_for", (PyCFunction)Kernel_compile_for, METH_VARARGS, "compile for the types of these arguments"},
    {NULL, NULL, 0, NULL},
};

static PyObject *Kernel_get_signatures(Kernel *self, void *unused) {
    (void)unused;
    PyObject *l = PyList_New(0);
    char buf[2048];
    for (int i = 0; l && self->fn && kiln_func_signature(self->fn, i, buf, sizeof buf) >= 0; i++) {
        PyObject *s = PyUnicode_FromString(buf);
        if (!s || PyList_Append(l, s) < 0) { Py_XDECREF(s); Py_CLEAR(l); break; }
        Py_DECREF(s);
    }
    return l;
}

static PyObject *Kernel_get_compiled(Kernel *self, void *unused) {
    (void)unused;
    return PyBool_FromLong(self->fn != NULL);
}

static PyGetSetDef Kernel_getset[] = {
    {"_compiled", (getter)Kernel_get_compiled, NULL, "whether kiln has parsed the kernel's module", NULL},
    {"signatures", (getter)Kernel_get_signatures, NULL, "the signatures compiled so far, oldest first", NULL},
    {"__dict__", PyObject_GenericGetDict, PyObject_GenericSetDict, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyObject *Kernel_descr_get(PyObject *self, PyObject *obj, PyObject *type) {
    (void)obj; (void)type;
    Py_INCREF(self); /* not a method: a kernel stored on a class stays a plain function of its arguments */
    return self;
}

static PyObject *Kernel_repr(Kernel *self) {
    PyObject *py = self->dict ? PyDict_GetItemString(self->dict, "py_func") : NULL;
    PyObject *nm = py ? PyObject_GetAttrString(py, "__qualname__") : NULL;
    PyObject *r = nm ? PyUnicode_FromFormat("<kiln kernel %U>", nm) : PyUnicode_FromString("<kiln kernel>");
    Py_XDECREF(nm);
    return r;
}

static PyTypeObject KernelType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "kiln._kiln.Kernel",
    .tp_basicsize = sizeof(Kernel),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL | Py_TPFLAGS_BASETYPE,
    .tp_vectorcall_offset = offsetof(Kernel, vectorcall),
    .tp_call = PyVectorcall_Call,
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Kernel_init,
    .tp_dealloc = (destructor)Kernel_dealloc,
    .tp_traverse = (traverseproc)Kernel_traverse,
    .tp_clear = (inquiry)Kernel_clear,
    .tp_dictoffset = offsetof(Kernel, dict),
    .tp_methods = Kernel_methods,
    .tp_getset = Kernel_getset,
    .tp_descr_get = Kernel_descr_get,
    .tp_repr = (reprfunc)Kernel_repr,
    .tp_doc = "a function compiled by kiln: call it as the Python function it came from",
};

/* ---- Ctrl-C ---- */

static struct sigaction python_sigint;
static void on_sigint(int sig, siginfo_t *si, void *uc) {
    for (int i = 0; i < nctx; i++) kiln_interrupt(all_ctx[i]); /* running kernels stop at their next check */
    if (python_sigint.sa_flags & SA_SIGINFO) python_sigint.sa_sigaction(sig, si, uc);
    else if (python_sigint.sa_handler != SIG_IGN && python_sigint.sa_handler != SIG_DFL) python_sigint.sa_handler(sig);
}

/* wrap the SIGINT handler Python installed (called again if the user installed another since) */
static PyObject *install_sigint(PyObject *m, PyObject *unused) {
    (void)m; (void)unused;
    struct sigaction cur, sa;
    if (sigaction(SIGINT, NULL, &cur)) Py_RETURN_FALSE;
    if ((cur.sa_flags & SA_SIGINFO) && cur.sa_sigaction == on_sigint) Py_RETURN_TRUE;
    if (!(cur.sa_flags & SA_SIGINFO) && (cur.sa_handler == SIG_IGN || cur.sa_handler == SIG_DFL)) Py_RETURN_FALSE;
    python_sigint = cur;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_sigint;
    sa.sa_flags = SA_SIGINFO | (cur.sa_flags & SA_RESTART);
    sa.sa_mask = cur.sa_mask;
    if (sigaction(SIGINT, &sa, NULL)) Py_RETURN_FALSE;
    Py_RETURN_TRUE;
}

static PyObject *usage_error(const kiln_error *err) {
    PyErr_SetString(!strcmp(err->ename, "MemoryError") ? PyExc_MemoryError : PyExc_RuntimeError, err->message);
    return NULL;
}

/* cuda_malloc(context, nbytes) -> the device address */
static PyObject *py_cuda_malloc(PyObject *m, PyObject *args) {
    (void)m;
    PyObject *cx;
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "O!n", &ContextType, &cx, &n)) return NULL;
    if (n < 0) { PyErr_SetString(PyExc_ValueError, "a negative size"); return NULL; }
    void *p = NULL;
    kiln_error err;
    if (kiln_cuda_malloc(((Context *)cx)->ctx, (size_t)n, &p, &err)) return usage_error(&err);
    return PyLong_FromUnsignedLongLong((unsigned long long)(uintptr_t)p);
}

static PyObject *py_cuda_free(PyObject *m, PyObject *args) {
    (void)m;
    PyObject *cx;
    unsigned long long p;
    if (!PyArg_ParseTuple(args, "O!K", &ContextType, &cx, &p)) return NULL;
    kiln_error err;
    if (kiln_cuda_free(((Context *)cx)->ctx, (void *)(uintptr_t)p, &err)) return usage_error(&err);
    Py_RETURN_NONE;
}

/* cuda_copy(context, kind, dst, src, nbytes): host sides are objects with the buffer protocol (writable for the
 * destination), device sides addresses */
static PyObject *py_cuda_copy(PyObject *m, PyObject *args) {
    (void)m;
    PyObject *cx, *dst, *src;
    int kind;
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "O!iOOn", &ContextType, &cx, &kind, &dst, &src, &n)) return NULL;
    Py_buffer hb;
    bool host = kind == KILN_COPY_H2D || kind == KILN_COPY_D2H;
    PyObject *h = kind == KILN_COPY_H2D ? src : dst;
    if (host && PyObject_GetBuffer(h, &hb, kind == KILN_COPY_D2H ? PyBUF_WRITABLE | PyBUF_C_CONTIGUOUS : PyBUF_C_CONTIGUOUS) < 0) return NULL;
    if (host && hb.len < n) { PyBuffer_Release(&hb); PyErr_SetString(PyExc_ValueError, "the host buffer is smaller than the copy"); return NULL; }
    void *d = NULL, *s = NULL;
    unsigned long long a = 0;
    PyObject *dev = kind == KILN_COPY_H2D ? dst : src;
    if (kind == KILN_COPY_D2D) {
        unsigned long long b = PyLong_AsUnsignedLongLong(src);
        a = PyLong_AsUnsignedLongLong(dst);
        d = (void *)(uintptr_t)a; s = (void *)(uintptr_t)b;
    } else {
        a = PyLong_AsUnsignedLongLong(dev);
        if (kind == KILN_COPY_H2D) { d = (void *)(uintptr_t)a; s = hb.buf; } else { d = hb.buf; s = (void *)(uintptr_t)a; }
    }
    if (PyErr_Occurred()) { if (host) PyBuffer_Release(&hb); return NULL; }
    kiln_error err;
    int rc;
    Py_BEGIN_ALLOW_THREADS
    rc = kiln_cuda_copy(((Context *)cx)->ctx, d, s, (size_t)n, kind, &err);
    Py_END_ALLOW_THREADS
    if (host) PyBuffer_Release(&hb);
    if (rc) return usage_error(&err);
    Py_RETURN_NONE;
}

static PyObject *py_cuda_info(PyObject *m, PyObject *args) {
    (void)m;
    PyObject *cx;
    if (!PyArg_ParseTuple(args, "O!", &ContextType, &cx)) return NULL;
    char info[256];
    kiln_error err;
    if (kiln_cuda_info(((Context *)cx)->ctx, info, sizeof info, &err)) return usage_error(&err);
    return PyUnicode_FromString(info);
}

static PyMethodDef module_methods[] = {
    {"cuda_malloc", py_cuda_malloc, METH_VARARGS, "cuda_malloc(context, nbytes) -> device address"},
    {"cuda_free", py_cuda_free, METH_VARARGS, "cuda_free(context, address)"},
    {"cuda_copy", py_cuda_copy, METH_VARARGS, "cuda_copy(context, kind, dst, src, nbytes): 0 host to device, 1 back, 2 device to device"},
    {"cuda_info", py_cuda_info, METH_VARARGS, "cuda_info(context) -> 'name, sm_XY, CUDA driver X.Y'"},
    {"install_sigint", install_sigint, METH_NOARGS, "make Ctrl-C interrupt running kernels (KeyboardInterrupt)"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_def = {PyModuleDef_HEAD_INIT, "kiln._kiln", "kiln's C extension", -1, module_methods, NULL, NULL, NULL, NULL};

PyMODINIT_FUNC PyInit__kiln(void) {
    PyObject *m = PyModule_Create(&module_def);
    if (!m) return NULL;
    if (PyType_Ready(&ContextType) < 0 || PyType_Ready(&ModuleType) < 0 || PyType_Ready(&KernelType) < 0 || PyType_Ready(&OwnerType) < 0)
        return NULL;
    CompileError = PyErr_NewExceptionWithDoc("kiln.CompileError", "a kernel kiln cannot compile (a TypeError, as Numba's TypingError)",
                                             PyExc_TypeError, NULL);
    if (!CompileError) return NULL;
    Py_INCREF(&ContextType); PyModule_AddObject(m, "Context", (PyObject *)&ContextType);
    Py_INCREF(&ModuleType); PyModule_AddObject(m, "Module", (PyObject *)&ModuleType);
    Py_INCREF(&KernelType); PyModule_AddObject(m, "Kernel", (PyObject *)&KernelType);
    Py_INCREF(CompileError); PyModule_AddObject(m, "CompileError", CompileError);
    PyModule_AddStringConstant(m, "version", KILN_VERSION);
    return m;
}
