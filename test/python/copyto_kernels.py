"""kernels for test_copyto.py: np.copyto under each casting rule (the rule is a constant of the kernel)"""
import numpy as np


def copy_no(dst, src):
    np.copyto(dst, src, casting='no')


def copy_equiv(dst, src):
    np.copyto(dst, src, casting='equiv')


def copy_safe(dst, src):
    np.copyto(dst, src, casting='safe')


def copy_same_kind(dst, src):
    np.copyto(dst, src, casting='same_kind')


def copy_unsafe(dst, src):
    np.copyto(dst, src, casting='unsafe')
