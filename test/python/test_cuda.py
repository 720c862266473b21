"""kiln.cuda: CUDA kernels in Numba's model. The CPU device runs everywhere (make test); the GPU tests run where a
CUDA driver and a GPU are (make test-gpu), each kernel against the CPU device's result."""
import math
import os

import numpy as np
import pytest

import kiln
from kiln import cuda

GPU = cuda.is_available()
needs_gpu = pytest.mark.skipif(not GPU, reason="no CUDA driver or GPU here")
DEVICES = ["cpu"] + (["cuda"] if GPU else [])


@cuda.jit(device=True)
def horner(x, a, b, c):
    return (a * x + b) * x + c


@cuda.jit
def poly(x, out):
    i = cuda.grid(1)
    if i < x.shape[0]:
        out[i] = horner(x[i], 3.0, 2.0, 1.0)


@cuda.jit
def saxpy(a, x, y, out):
    i = cuda.grid(1)
    if i < x.size:
        out[i] = a * x[i] + y[i]


@cuda.jit
def block_sum(a, out):
    buf = cuda.shared.array(128, np.int64)
    t = cuda.threadIdx.x
    i = cuda.grid(1)
    buf[t] = a[i] if i < a.shape[0] else 0
    cuda.syncthreads()
    s = cuda.blockDim.x // 2
    while s > 0:
        if t < s:
            buf[t] += buf[t + s]
        cuda.syncthreads()
        s //= 2
    if t == 0:
        cuda.atomic.add(out, 0, buf[0])


@cuda.jit
def transpose(a, b):
    x, y = cuda.grid(2)
    if y < a.shape[0] and x < a.shape[1]:
        b[x, y] = a[y, x]


@cuda.jit
def dyn_sum(a, out):
    buf = cuda.shared.array(0, np.int64)  # the launch's shared_bytes
    t = cuda.threadIdx.x
    buf[t] = a[cuda.grid(1)]
    cuda.syncthreads()
    if t == 0:
        s = 0
        for k in range(buf.shape[0]):
            s += buf[k]
        out[cuda.blockIdx.x] = s


@cuda.jit
def oob(a):
    i = cuda.grid(1)
    a[i + 1] = 1


@cuda.jit
def shift_copy(a, b):
    i = cuda.grid(1)
    x = a[i + 1]  # out of range for the last thread: raises before its store below
    b[i] = x


@cuda.jit
def returns(a):
    return a[0]


@cuda.jit
def math_fns(x, out):
    i = cuda.grid(1)
    if i < x.shape[0]:
        out[i] = math.exp(x[i]) + math.log1p(x[i]) + math.cos(x[i])


@pytest.mark.parametrize("dev", DEVICES)
def test_device_function_and_numpy_args(dev):
    x = np.arange(10.0)
    out = np.zeros(10)
    poly[2, 5, dev](x, out)  # NumPy arrays: copied to the GPU and back
    assert out.tolist() == [3 * v * v + 2 * v + 1 for v in x]


@pytest.mark.parametrize("dev", DEVICES)
def test_shared_memory_and_atomics(dev):
    a = np.arange(1000)
    out = np.zeros(1, dtype=np.int64)
    block_sum[8, 128, dev](a, out)
    assert out[0] == a.sum()


@pytest.mark.parametrize("dev", DEVICES)
def test_dynamic_shared_memory(dev):
    a = np.arange(64)
    out = np.zeros(4, dtype=np.int64)
    dyn_sum[4, 16, dev if dev == "cpu" else 0, 16 * 8](a, out)
    assert out.tolist() == [a[16 * b:16 * b + 16].sum() for b in range(4)]


@pytest.mark.parametrize("dev", DEVICES)
def test_2d_grid(dev):
    a = np.arange(35, dtype=np.float32).reshape(5, 7)
    b = np.zeros((7, 5), dtype=np.float32)
    transpose[(1, 1), (8, 8), dev](a, b)
    assert np.array_equal(b, a.T)


@pytest.mark.parametrize("dev", DEVICES)
def test_index_error_names_the_line(dev):
    a = np.zeros(4, dtype=np.int64)
    with pytest.raises(IndexError, match="index 4 is out of bounds for axis 0 with size 4"):
        oob[1, 4, dev](a)


@pytest.mark.parametrize("dev", DEVICES)
def test_no_store_after_a_failed_check(dev):
    """the GPU defers index checks, but a store after a failed one does not happen (the CPU's order)"""
    a = np.arange(1, 9, dtype=np.int64)
    b = np.zeros(8, dtype=np.int64)
    d_b = cuda.to_device(b) if dev == "cuda" else b
    with pytest.raises(IndexError, match="index 8 is out of bounds for axis 0 with size 8"):
        shift_copy[1, 8, dev if dev == "cpu" else 0](a, d_b)
    got = d_b.copy_to_host() if dev == "cuda" else b
    assert got.tolist() == [2, 3, 4, 5, 6, 7, 8, 0]


def test_kernel_must_return_none():
    with pytest.raises(Exception, match="returns int64.*returns None|a CUDA kernel returns None"):
        returns[1, 1, "cpu"](np.zeros(2, dtype=np.int64))


def test_bad_launch_configurations():
    with pytest.raises(ValueError, match="blocks"):
        saxpy[0, 32]
    with pytest.raises(ValueError, match="threads"):
        saxpy[1, (1, 2, 3, 4)]
    with pytest.raises(ValueError):
        saxpy[1]
    with pytest.raises(Exception, match="at most 1024"):
        saxpy[1, 2048, "cpu"](1.0, np.zeros(4), np.zeros(4), np.zeros(4))
    with pytest.raises(TypeError, match="launch it as saxpy\\[blocks, threads\\]"):
        saxpy(1.0, np.zeros(4), np.zeros(4), np.zeros(4))
    with pytest.raises(TypeError, match="unexpected option"):
        cuda.jit(bogus=True)


def test_kernel_names_outside_kernels():
    with pytest.raises(RuntimeError, match="only inside a CUDA kernel"):
        cuda.grid(1)
    with pytest.raises(RuntimeError, match="only inside a CUDA kernel"):
        cuda.threadIdx.x


def test_ptx_without_a_gpu():
    x = np.zeros(8, dtype=np.float32)
    ptx = saxpy.inspect_ptx(np.float32(2), x, x, x, arch="sm_90")
    assert ".target sm_90" in ptx and "mul.rn.f32" in ptx and "fma" not in ptx


def test_a_plain_kiln_call_of_a_kernel_says_it_is_not_a_launch():
    k = kiln.jit(poly.py_func)
    with pytest.raises(RuntimeError, match="not a kernel launch"):
        k(np.zeros(2), np.zeros(2))


def test_no_driver(tmp_path):
    """without a CUDA driver a GPU call says so (KILN_CUDA_DRIVER points at nothing), in a fresh process"""
    import subprocess
    import sys
    code = ("import numpy as np\nfrom kiln import cuda\nprint(cuda.is_available())\n"
            "try:\n    cuda.to_device(np.zeros(3))\nexcept RuntimeError as e:\n    print(e)\n")
    env = dict(os.environ, KILN_CUDA_DRIVER=str(tmp_path / "no-libcuda.so"))
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    assert p.returncode == 0, p.stderr
    assert p.stdout.splitlines()[0] == "False"
    assert "no CUDA driver" in p.stdout and "no-libcuda.so" in p.stdout


def test_gpu_arrays_refused_by_cpu_calls():
    class Fake:
        __cuda_array_interface__ = {"shape": (3,), "typestr": "<f8", "data": (0, False), "version": 3}

    k = kiln.jit(horner.py_func)
    with pytest.raises(TypeError, match="GPU array"):
        k(Fake(), 1.0, 2.0, 3.0)


@needs_gpu
def test_device_arrays_round_trip():
    h = np.arange(12, dtype=np.float32).reshape(3, 4)
    d = cuda.to_device(h)
    assert d.shape == (3, 4) and d.dtype == np.float32 and d.__cuda_array_interface__["typestr"] == "<f4"
    assert np.array_equal(d.copy_to_host(), h)
    e = cuda.device_array_like(h)
    e.copy_to_device(d)
    assert np.array_equal(e.copy_to_host(), h)


@needs_gpu
def test_gpu_equals_cpu_on_floats():
    x = np.linspace(0, 100, 10000, dtype=np.float32)
    y = np.ones_like(x)
    outs = []
    for dev in ("cpu", "cuda"):
        out = np.zeros_like(x)
        saxpy[(len(x) + 255) // 256, 256, dev](np.float32(0.1), x, y, out)
        outs.append(out)
    assert np.array_equal(outs[0], outs[1])  # IEEE mul and add on both: bit for bit


@needs_gpu
def test_gpu_math_within_ulps():
    x = np.linspace(0.1, 10, 4096)
    cpu, gpu = np.zeros_like(x), np.zeros_like(x)
    math_fns[16, 256, "cpu"](x, cpu)
    math_fns[16, 256, "cuda"](x, gpu)
    assert np.max(np.abs(cpu - gpu) / np.spacing(np.abs(cpu))) <= 4


@needs_gpu
def test_cupy_arrays_zero_copy():
    cp = pytest.importorskip("cupy")
    x = cp.arange(1000, dtype=cp.float32)
    out = cp.zeros(1000, dtype=cp.float32)
    saxpy[4, 256](np.float32(2.0), x, x, out)
    assert cp.asnumpy(out).tolist() == (3 * np.arange(1000, dtype=np.float32)).tolist()


@needs_gpu
def test_gpu_index_error_then_the_context_still_works():
    a = cuda.to_device(np.zeros(4, dtype=np.int64))
    with pytest.raises(IndexError, match="out of bounds"):
        oob[1, 4](a)
    out = np.zeros(1, dtype=np.int64)
    block_sum[1, 128](np.arange(100), out)
    assert out[0] == 4950


@needs_gpu
def test_illegal_address_is_an_error_not_a_hang(tmp_path):
    """an unchecked write far out of bounds: the driver's error, said; in a subprocess (it spoils the context)"""
    import subprocess
    import sys
    code = ("import numpy as np\nfrom kiln import cuda\n"
            "@cuda.jit(boundscheck=False)\ndef wild(a):\n    a[cuda.grid(1) * 1000000000000] = 1.0\n"
            "d = cuda.to_device(np.zeros(4))\n"
            "try:\n    wild[1, 32](d)\nexcept RuntimeError as e:\n    print('RuntimeError:', e)\n")
    src = tmp_path / "wild.py"  # a file: kiln reads a kernel's source lines
    src.write_text(code)
    p = subprocess.run([sys.executable, str(src)], capture_output=True, text=True, timeout=120)
    assert "RuntimeError:" in p.stdout and "CUDA" in p.stdout, p.stdout + p.stderr


@needs_gpu
def test_cupy_stream():
    cp = pytest.importorskip("cupy")
    s = cp.cuda.Stream()
    x = cp.arange(256, dtype=cp.float32)
    out = cp.zeros(256, dtype=cp.float32)
    saxpy[1, 256, s](np.float32(1.0), x, x, out)
    assert cp.asnumpy(out).tolist() == (2 * np.arange(256, dtype=np.float32)).tolist()
