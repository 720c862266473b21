"""kiln.cuda — CUDA kernels in Numba's programming model, compiled by kiln (docs/gpu.md).

    from kiln import cuda
    import numpy as np

    @cuda.jit
    def saxpy(a, x, y, out):
        i = cuda.grid(1)
        if i < x.size:
            out[i] = a * x[i] + y[i]

    d_x, d_y = cuda.to_device(x), cuda.to_device(y)
    d_out = cuda.device_array_like(x)
    saxpy[blocks, threads](2.0, d_x, d_y, d_out)
    out = d_out.copy_to_host()

In kernels: cuda.grid(n), cuda.gridsize(n), cuda.threadIdx/blockIdx/blockDim/gridDim .x/.y/.z,
cuda.syncthreads(), cuda.threadfence(), cuda.shared.array(shape, dtype), cuda.local.array(shape, dtype),
cuda.atomic.add/sub/max/min/and_/or_/xor/exch/compare_and_swap, the math module, other @cuda.jit functions
(device functions, inlined). A launch is kernel[blocks, threads](args) or kernel[blocks, threads, stream,
shared_bytes](args); blocks and threads are ints or tuples of up to three. Arguments: numbers, device arrays
(kiln's, or any object with __cuda_array_interface__: CuPy, PyTorch, Numba), and NumPy arrays, which are
copied to the GPU and back around the launch, as Numba does. The launch waits for the kernel, and a kernel
that raised (an index out of range ...) raises the same exception, with its line, as the CPU would.

kiln's CUDA kernels also run on the CPU: kernel[blocks, threads, "cpu"](args) or KILN_CUDA_DEVICE=cpu runs
every thread in turn (syncthreads switches threads), the reference the GPU is tested against.
"""
import os

import numpy as np

from . import _kiln, _context, _make, config

__all__ = ["jit", "to_device", "device_array", "device_array_like", "DeviceNDArray", "is_available", "synchronize",
           "detect", "grid", "gridsize", "syncthreads", "threadfence", "threadIdx", "blockIdx", "blockDim", "gridDim",
           "shared", "local", "atomic"]

_COPY_H2D, _COPY_D2H, _COPY_D2D = 0, 1, 2


def _ctx():
    return _context(config.tier, True, False, config.disk_cache)


def _libdevice():
    """NVIDIA's pip wheels put libdevice under site-packages: point kiln at it when no CUDA is installed"""
    if os.environ.get("KILN_LIBDEVICE") or os.environ.get("CUDA_HOME"):
        return
    import sys
    for base in sys.path:
        p = os.path.join(base, "nvidia", "cuda_nvcc", "nvvm", "libdevice", "libdevice.10.bc")
        if os.path.isfile(p):
            os.environ["KILN_LIBDEVICE"] = p
            return


_libdevice()


def is_available():
    """whether a CUDA driver and a GPU are there"""
    try:
        _kiln.cuda_info(_ctx())
        return True
    except RuntimeError:
        return False


def detect():
    """the GPU kiln uses, as text ("NVIDIA H200, sm_90, CUDA driver 13.0"); RuntimeError says why there is none"""
    return _kiln.cuda_info(_ctx())


def synchronize():
    """kiln's launches wait for their kernels: nothing is left to wait for"""


# ---- device arrays ----

class DeviceNDArray:
    """an array in GPU memory (device 0's primary context): shape, dtype, strides, __cuda_array_interface__"""

    def __init__(self, shape, dtype=np.float64, strides=None, _ptr=None, _owner=None):
        self.shape = (shape,) if isinstance(shape, int) else tuple(int(n) for n in shape)
        if any(n < 0 for n in self.shape):
            raise ValueError("negative dimensions are not allowed")
        self.dtype = np.dtype(dtype)
        self.ndim = len(self.shape)
        self.size = int(np.prod(self.shape, dtype=np.int64))
        self.nbytes = self.size * self.dtype.itemsize
        if strides is None:
            st, s = [], self.dtype.itemsize
            for n in reversed(self.shape):
                st.append(s)
                s *= n
            strides = tuple(reversed(st))
        self.strides = tuple(strides)
        self._owner = _owner  # the array whose memory this one views (kept alive)
        self._ptr = _ptr if _ptr is not None else _kiln.cuda_malloc(_ctx(), self.nbytes)
        self._owns = _ptr is None

    def __del__(self):
        if getattr(self, "_owns", False):
            try:
                _kiln.cuda_free(_ctx(), self._ptr)
            except Exception:
                pass
            self._owns = False

    @property
    def __cuda_array_interface__(self):
        c_contig = self.strides == DeviceNDArray(self.shape, self.dtype, None, _ptr=0).strides
        return {"shape": self.shape, "typestr": self.dtype.str, "data": (self._ptr, False),
                "strides": None if c_contig else self.strides, "version": 3}

    def __len__(self):
        if not self.shape:
            raise TypeError("len() of a 0-d array")
        return self.shape[0]

    def __repr__(self):
        return "<kiln.cuda.DeviceNDArray shape=%r dtype=%s>" % (self.shape, self.dtype)

    def is_c_contiguous(self):
        return self.__cuda_array_interface__["strides"] is None

    def copy_to_host(self, ary=None, stream=0):
        """a NumPy array of this array's elements (into ary when given: same shape and dtype, C-contiguous)"""
        if not self.is_c_contiguous():
            raise ValueError("copy_to_host of a strided device array is not supported: copy it on the GPU first")
        if ary is None:
            ary = np.empty(self.shape, self.dtype)
        elif ary.shape != self.shape or ary.dtype != self.dtype or not ary.flags.c_contiguous:
            raise ValueError("copy_to_host: the host array must be C-contiguous with shape %r and dtype %s" % (self.shape, self.dtype))
        _kiln.cuda_copy(_ctx(), _COPY_D2H, ary, self._ptr, self.nbytes)
        return ary

    def copy_to_device(self, ary, stream=0):
        """this array's elements from a host array (or another device array) of its shape and dtype"""
        if hasattr(ary, "__cuda_array_interface__"):
            cai = ary.__cuda_array_interface__
            if tuple(cai["shape"]) != self.shape or np.dtype(cai["typestr"]) != self.dtype or cai.get("strides") is not None:
                raise ValueError("copy_to_device: a C-contiguous device array of shape %r and dtype %s" % (self.shape, self.dtype))
            _kiln.cuda_copy(_ctx(), _COPY_D2D, self._ptr, cai["data"][0], self.nbytes)
            return
        a = np.ascontiguousarray(ary, dtype=self.dtype)
        if a.shape != self.shape:
            raise ValueError("copy_to_device: shape %r, not %r" % (a.shape, self.shape))
        _kiln.cuda_copy(_ctx(), _COPY_H2D, self._ptr, a, self.nbytes)

    def copy_to_host_async(self, *a, **k):
        return self.copy_to_host(*a, **k)


def device_array(shape, dtype=np.float64, strides=None, order="C", stream=0):
    """an uninitialized array in GPU memory"""
    if order != "C":
        raise ValueError("kiln.cuda.device_array: only order='C'")
    return DeviceNDArray(shape, dtype)


def device_array_like(ary, stream=0):
    """an uninitialized GPU array of ary's shape and dtype"""
    return DeviceNDArray(np.shape(ary), ary.dtype)


def to_device(obj, stream=0, copy=True, to=None):
    """a NumPy array (or anything np.asarray takes) copied into GPU memory"""
    a = np.ascontiguousarray(obj)
    if to is not None:
        to.copy_to_device(a)
        return to
    d = DeviceNDArray(a.shape, a.dtype)
    if copy:
        d.copy_to_device(a)
    return d


# ---- kernels ----

_DEVICES = {"cuda": 1, "gpu": 1, "cpu": 0}


def _dims(x, what):
    if isinstance(x, (int, np.integer)) and not isinstance(x, bool):
        x = (int(x),)
    if not isinstance(x, tuple) or not 1 <= len(x) <= 3 or not all(isinstance(n, (int, np.integer)) and n >= 1 for n in x):
        raise ValueError("kernel[%s]: %s must be a positive int or a tuple of 1 to 3 of them, not %r" % (what, what, x))
    return tuple(int(n) for n in x) + (1,) * (3 - len(x))


class _Launch:
    def __init__(self, kernel, config):
        if not isinstance(config, tuple) or not 2 <= len(config) <= 4:
            raise ValueError("a kernel is launched as kernel[blocks, threads](args) or kernel[blocks, threads, stream, "
                             "shared_bytes](args)")
        self.kernel = kernel
        self.grid = _dims(config[0], "blocks")
        self.block = _dims(config[1], "threads")
        stream = config[2] if len(config) > 2 else 0
        device = stream if isinstance(stream, str) else os.environ.get("KILN_CUDA_DEVICE", "cuda")
        if device not in _DEVICES:
            raise ValueError("kernel[...]: the device is 'cuda' or 'cpu', not %r" % device)
        self.device = _DEVICES[device]
        if isinstance(stream, str):
            stream = 0
        # a stream: its handle (an int), Numba's (.handle, a ctypes pointer), CuPy's (.ptr) or PyTorch's (.cuda_stream)
        for attr in ("handle", "ptr", "cuda_stream"):
            if hasattr(stream, attr):
                stream = getattr(stream, attr)
                break
        self.stream = getattr(stream, "value", stream) or 0
        self.shared = int(config[3]) if len(config) > 3 else 0

    def __call__(self, *args):
        k = self.kernel._kernel
        if self.device == 0:
            k._launch(0, self.grid, self.block, self.shared, 0, args)
            return
        # NumPy arrays go to the GPU and come back afterwards (Numba's rule for host arrays)
        moved, dargs = [], []
        for a in args:
            if isinstance(a, np.ndarray):
                d = to_device(a)
                moved.append((a, d))
                dargs.append(d)
            else:
                dargs.append(a)
        k._launch(1, self.grid, self.block, self.shared, int(self.stream), tuple(dargs))
        for a, d in moved:
            if a.flags.writeable:
                if a.flags.c_contiguous:
                    d.copy_to_host(a)
                else:
                    a[...] = d.copy_to_host()


class CudaKernel:
    """a @kiln.cuda.jit function: launched as kernel[blocks, threads](args); called from other kernels as a
    device function"""

    def __init__(self, py_func, options):
        self.py_func = py_func
        self._kernel = _make(py_func, {k: v for k, v in options.items() if k in ("boundscheck", "fastmath", "cache")}, [])
        self._kernel._cuda = self
        self.__name__ = py_func.__name__
        self.__doc__ = py_func.__doc__
        self.__wrapped__ = py_func
        self.device = bool(options.get("device", False))

    def __getitem__(self, config):
        return _Launch(self, config)

    def __call__(self, *args):
        raise TypeError("%s is a CUDA kernel: launch it as %s[blocks, threads](args)" % (self.__name__, self.__name__))

    def inspect_ptx(self, *args, arch=None):
        """the PTX kiln compiles the kernel to for these arguments (no GPU needed; arch: "sm_90", default sm_80)"""
        return self._kernel._ptx(arch, tuple(args))

    def __repr__(self):
        return "<kiln.cuda kernel %s>" % self.__name__


_OPTIONS = ("device", "debug", "lineinfo", "fastmath", "boundscheck", "cache", "opt", "inline", "max_registers")


def jit(*args, **options):
    """@kiln.cuda.jit, @kiln.cuda.jit(device=True, ...): a CUDA kernel (or device function) in Numba's model.
    Numba's options are accepted (debug, lineinfo, opt, inline, max_registers: ignored); boundscheck
    (default True: an index out of range raises IndexError after the launch), fastmath (off: IEEE results equal
    to the CPU's), cache (kiln's disk cache, on by default). Signatures are not needed (kiln specializes on the
    arguments of each launch)."""
    for name in options:
        if name not in _OPTIONS:
            raise TypeError("kiln.cuda.jit() got an unexpected option %r" % name)
    if args and isinstance(args[0], (str, list, tuple)):
        args = args[1:]  # Numba's eager signatures: kiln specializes at the launch
    if args:
        if len(args) > 1 or not callable(args[0]):
            raise TypeError("kiln.cuda.jit takes a function and options")
        return CudaKernel(args[0], options)
    return lambda fn: CudaKernel(fn, options)


# ---- names kernels use (kiln compiles them; called from Python they say so) ----

def _in_kernel(name):
    def f(*args, **kw):
        raise RuntimeError("cuda.%s() is meaningful only inside a CUDA kernel" % name)
    f.__name__ = name
    return f


grid = _in_kernel("grid")
gridsize = _in_kernel("gridsize")
syncthreads = _in_kernel("syncthreads")
threadfence = _in_kernel("threadfence")


class _Namespace:
    def __init__(self, name, **fns):
        self._name = name
        for k, v in fns.items():
            setattr(self, k, v)

    def __getattr__(self, attr):
        raise RuntimeError("cuda.%s.%s is meaningful only inside a CUDA kernel" % (self._name, attr))


threadIdx = _Namespace("threadIdx")
blockIdx = _Namespace("blockIdx")
blockDim = _Namespace("blockDim")
gridDim = _Namespace("gridDim")
shared = _Namespace("shared", array=_in_kernel("shared.array"))
local = _Namespace("local", array=_in_kernel("local.array"))
atomic = _Namespace("atomic", **{n: _in_kernel("atomic." + n) for n in ("add", "sub", "max", "min", "and_", "or_", "xor", "exch",
                                                                           "compare_and_swap")})
