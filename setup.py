"""setup.py — the one step pyproject.toml cannot say: build libkiln with the Makefile first.

build_ext runs `make all` in the source tree (libkiln.a, and the LLVM tier libkiln-llvm.so when
LLVM is installed; as root on a fresh machine `sh scripts/deps.sh demo` installs what that needs),
compiles python/kiln/_kiln.c against include/kiln.h, links libkiln.a statically (one extension
module, no libkiln.so to find at run time) and puts libkiln-llvm.so next to the extension, where
kiln looks for its LLVM tier (dlopen'd on the first tier-2 compile only).
"""
import os
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = os.path.dirname(os.path.abspath(__file__))
BUILD = os.path.join(ROOT, "build")


class BuildWithMake(build_ext):
    def run(self):
        if os.geteuid() == 0:
            subprocess.check_call(["sh", os.path.join(ROOT, "scripts", "deps.sh"), "demo"])
        jobs = str(os.cpu_count() or 1)
        subprocess.check_call(["make", "-C", ROOT, "-j" + jobs, "--no-print-directory", "build/libkiln.a", "all"])
        super().run()
        llvm = os.path.join(BUILD, "libkiln-llvm.so")
        if os.path.exists(llvm):
            for ext in self.extensions:
                dest = os.path.dirname(self.get_ext_fullpath(ext.name))
                os.makedirs(dest, exist_ok=True)
                shutil.copy2(llvm, os.path.join(dest, "libkiln-llvm.so"))


ext = Extension(
    "kiln._kiln",
    sources=["python/kiln/_kiln.c"],
    include_dirs=["include"],
    extra_compile_args=["-std=c11", "-D_GNU_SOURCE", "-O2", "-Wall", "-Wno-missing-field-initializers",
                        "-Wno-cast-function-type"],
    extra_objects=[os.path.join("build", "libkiln.a")],
    depends=[os.path.join("build", "libkiln.a"), "include/kiln.h"],  # relinked whenever libkiln changes
    libraries=["b2", "m", "pthread", "dl"],
)

# setuptools' own build directory apart from the Makefile's build/
setup(ext_modules=[ext], cmdclass={"build_ext": BuildWithMake}, options={"build": {"build_base": "build/python"}})
