"""pytest setup for the Python package's tests (test/python): the package is imported from the
installed location `make test-python` installs it to (build/pyenv), and the repository root is the
working directory, so test/run's .npy paths resolve."""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "test"))
os.chdir(ROOT)
os.environ.setdefault("KILN_CACHE", "0")  # the kernel suites look at compiles, not at the disk cache
