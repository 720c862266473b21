# kiln — a JIT compiler for numeric kernels.
#   make            build build/kiln, build/libkiln.a, build/libkiln.so
#   make demo       run the example kernels (installs build deps when root)
#   make test       the whole suite, then the suite under ASan+UBSan
#   make bench      benchmarks (bench/), never part of the tests
#   make fuzz       the libFuzzer targets (cache, front, npy, args), FUZZ_TIME seconds each
#   make bench-peers  kiln against C, Numba, NumPy, JAX, PyTorch (bench/peers)
#   make python     the Python package (import kiln) into build/pyenv; make test-python its tests
#   make test-gpu   CUDA kernels on the GPU against the CPU, and bench/gpu (a machine with an NVIDIA GPU)
#   make ir-bless   rewrite the golden IR files (test/ir/*.ir) after a meant change to lowering or a pass
#   make install PREFIX=/usr/local
CC ?= cc
PREFIX ?= /usr/local
BUILD ?= build
OPT ?= -O2
CFLAGS ?= $(OPT) -g
KILN_CFLAGS = -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -ffp-contract=off -fPIC -pthread -Iinclude
LDLIBS = -lb2 -lm -lpthread -ldl
# the tier's object must not need libkiln's symbols (sanitized builds take theirs from the program)
LLVM_SO_LDFLAGS ?= -Wl,--no-undefined

# The LLVM tier (build/libkiln-llvm.so, loaded on first use): on when llvm-config
# for LLVM 16, 15 or 14 is found; LLVM=0 builds kiln without it.
LLVM_CONFIG ?= $(firstword $(wildcard /usr/lib/llvm-16/bin/llvm-config /usr/lib/llvm-15/bin/llvm-config /usr/lib/llvm-14/bin/llvm-config) $(shell command -v llvm-config 2>/dev/null))
ifeq ($(LLVM),0)
LLVM_CONFIG :=
endif
ifneq ($(LLVM_CONFIG),)
KILN_CFLAGS += -DKILN_HAVE_LLVM=1
LLVM_SO := $(BUILD)/libkiln-llvm.so
endif

SRC := $(wildcard src/base/*.c src/front/*.c src/types/*.c src/ir/*.c src/opt/*.c src/lower/*.c src/back/*.c src/back/x64/*.c src/rt/*.c src/jit/*.c)
CLI_SRC := $(wildcard src/cli/*.c)
OBJ := $(SRC:%.c=$(BUILD)/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
HDR := $(wildcard include/*.h src/*/*.h src/back/x64/*.h)

all: $(BUILD)/kiln $(BUILD)/libkiln.a $(BUILD)/libkiln.so $(LLVM_SO)

CXX ?= c++
$(BUILD)/llvm-%.o: src/back/llvm/%.cpp $(BUILD)/toolchain.stamp
	@mkdir -p $(dir $@)
	@$(CXX) $(shell $(LLVM_CONFIG) --cxxflags | sed 's/-I/-isystem /g') -fPIC -O2 -Wall -Wextra -Werror -c $< -o $@

# LLVM's static libraries (the components tier 2 uses) go into the tier's own
# object when they are installed: it then loads in ~5 ms instead of ~20 ms for
# the shared libLLVM (fewer relocations), and its LLVM symbols stay hidden, so a
# program with another LLVM of its own can load it. LLVM_STATIC=0: the shared one.
ifneq ($(LLVM_CONFIG),)
LLVM_STATIC ?= $(if $(wildcard $(shell $(LLVM_CONFIG) --libdir)/libLLVMCore.a),1,0)
endif
ifeq ($(LLVM_STATIC),1)
LLVM_LINK = $(shell $(LLVM_CONFIG) --link-static --ldflags) $(shell $(LLVM_CONFIG) --link-static --libs core native passes target nvptx linker bitreader) \
    -lrt -ldl -lm -l:libz.so.1 -l:libzstd.so.1 -l:libtinfo.so.6 -Wl,--exclude-libs,ALL -Wl,--gc-sections
else
LLVM_LINK = $(shell $(LLVM_CONFIG) --ldflags) $(shell $(LLVM_CONFIG) --libs)
endif

# the toolchain the objects were built with (compiler, LLVM): a build made before the deps script
# installed another LLVM (or with another CC) is rebuilt, not reused. Rewritten only when it changes.
TOOLCHAIN := $(CC) $(shell $(CC) -dumpfullversion 2>/dev/null) | $(if $(LLVM_CONFIG),$(LLVM_CONFIG) $(shell $(LLVM_CONFIG) --version) static=$(LLVM_STATIC),no LLVM)
$(BUILD)/toolchain.stamp: FORCE
	@mkdir -p $(dir $@)
	@echo '$(TOOLCHAIN)' | cmp -s - $@ || echo '$(TOOLCHAIN)' > $@

# the tier's object holds its own copies of the math-function table (ir/mathfn.c: data only) and of
# ir_check's stop (ir/check.c), since it may not need libkiln's symbols
LLVM_TIER_SRC = $(wildcard src/back/llvm/*.c) src/ir/mathfn.c src/ir/check.c src/ir/ops.c
$(BUILD)/libkiln-llvm.so: $(LLVM_TIER_SRC) $(HDR) src/back/llvm/host.h $(BUILD)/llvm-fmf.o $(BUILD)/llvm-link.o $(BUILD)/toolchain.stamp
	@mkdir -p $(dir $@)
	@$(CC) $(KILN_CFLAGS) $(CFLAGS) $(shell $(LLVM_CONFIG) --cflags | sed 's/-D_GNU_SOURCE//') -shared -o $@ \
	    $(LLVM_TIER_SRC) $(BUILD)/llvm-fmf.o $(BUILD)/llvm-link.o $(LLVM_LINK) $(LLVM_SO_LDFLAGS) -lstdc++ -lm

# header dependencies from the compiler (-MMD -MP): an edited header rebuilds exactly its includers
# one line per compiled object (V=1: the whole command)
Q = $(if $(V),,@)
$(BUILD)/%.o: %.c $(BUILD)/toolchain.stamp
	@mkdir -p $(dir $@)
	$(if $(V),,@printf '  CC  %s\n' $@)
	$(Q)$(CC) $(KILN_CFLAGS) $(CFLAGS) -MMD -MP -c $< -o $@
-include $(OBJ:.o=.d) $(CLI_OBJ:.o=.d)

# the disk cache's key names this build (a hash of every source file) and the
# LLVM it was built against: a rebuild that may change code misses old entries
ALL_SRC := $(sort $(wildcard src/*/*.c src/*/*.h src/back/*/*.c src/back/*/*.h src/back/llvm/*.cpp include/*.h))
$(BUILD)/src/jit/cachekey.o: $(ALL_SRC)
$(BUILD)/src/jit/cachekey.o: KILN_CFLAGS += -DKILN_BUILD_ID=\"$(shell cat $(ALL_SRC) | sha256sum | cut -c1-16)\" \
    -DKILN_LLVM_VERSION=\"$(if $(LLVM_CONFIG),$(shell $(LLVM_CONFIG) --version),none)\"

$(BUILD)/libkiln.a: $(OBJ)
	@rm -f $@ && ar rcs $@ $^

$(BUILD)/libkiln.so: $(OBJ)
	@$(CC) -shared $(CFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/kiln: $(CLI_OBJ) $(BUILD)/libkiln.a
	@$(CC) $(CFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libkiln.a $(LDLIBS)

# ---- tests ----
UNIT_SRC := $(wildcard test/unit/*.c)
UNIT_BIN := $(UNIT_SRC:test/unit/%.c=$(BUILD)/test/%)

$(BUILD)/test/%: test/unit/%.c $(BUILD)/libkiln.a $(HDR)
	@mkdir -p $(dir $@)
	@$(CC) $(KILN_CFLAGS) $(CFLAGS) -Isrc -o $@ $< $(BUILD)/libkiln.a $(TEST_LDFLAGS) $(LDLIBS)

# fault injection: kiln's own calls to these go through test/unit/fault_test.c's wrappers
$(BUILD)/test/fault_test: TEST_LDFLAGS = $(foreach f,malloc calloc realloc strdup mmap mprotect read,-Wl,--wrap=$(f))

$(BUILD)/test/mutate: test/fuzz/mutate.c $(BUILD)/libkiln.a
	@mkdir -p $(dir $@)
	@$(CC) $(KILN_CFLAGS) $(CFLAGS) -o $@ $< $(BUILD)/libkiln.a $(LDLIBS)

$(BUILD)/test/runner: test/runner.c
	@mkdir -p $(dir $@)
	@$(CC) -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror $(CFLAGS) -o $@ $<

ir-bless: all
	@python3 test/ir_golden.py build/kiln --bless

test:
	@sh scripts/deps.sh test
	@$(MAKE) --no-print-directory all $(UNIT_BIN) $(BUILD)/test/runner
	@$(MAKE) --no-print-directory BUILD=build/asan CC=clang OPT=-O1 LLVM_SO_LDFLAGS= \
	    CFLAGS="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -DKILN_DEBUG" \
	    all build/asan/test/runner build/asan/test/mutate $(UNIT_BIN:$(BUILD)/%=build/asan/%)
	@$(MAKE) --no-print-directory BUILD=build/tsan CC=clang OPT=-O1 LLVM_SO_LDFLAGS= \
	    CFLAGS="-O1 -g -fsanitize=thread -fno-omit-frame-pointer" \
	    build/tsan/libkiln-llvm.so build/tsan/test/tier_test build/tsan/test/api_test build/tsan/test/static_test \
	    build/tsan/test/parallel_test
	@$(MAKE) --no-print-directory $(FUZZ_BIN)
	@$(MAKE) --no-print-directory BUILD=build/nollvm LLVM=0 build/nollvm/kiln
	@if [ -x /usr/lib/llvm-14/bin/llvm-config ]; then $(MAKE) --no-print-directory BUILD=build/llvm14 \
	    LLVM_CONFIG=/usr/lib/llvm-14/bin/llvm-config LLVM_STATIC=0 build/llvm14/libkiln-llvm.so; fi
	@sh test/run_all.sh

# libFuzzer targets (test/fuzz/*_fuzz.c), linked with a kiln built for them
# (coverage, ASan, UBSan): cache (the disk cache's entry parser and the ELF
# loader), front (lexer, parser, inference, IR, passes, baseline emitter),
# npy (the .npy reader), args (the command line's option, literal and
# signature parsers). make test runs each FUZZ_TEST_TIME seconds;
# make fuzz FUZZ_TIME=3600 [FUZZ_TARGETS="front npy"] runs them longer, keeping
# the corpus in build/fuzz/corpus/NAME. A crash leaves build/fuzz/crash-* (see docs/testing.md).
FUZZ_TIME ?= 600
FUZZ_TARGETS ?= cache front npy args
FUZZ_CFLAGS = -O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_BIN := $(FUZZ_TARGETS:%=build/fuzz/%_fuzz)
ifneq ($(BUILD),build/fuzz)
build/fuzz/libkiln.a build/fuzz/src/cli/args.o build/fuzz/src/cli/sig.o &: $(SRC) $(CLI_SRC) $(HDR)
	@$(MAKE) --no-print-directory BUILD=build/fuzz CC=clang LLVM=0 CFLAGS="$(FUZZ_CFLAGS)" \
	    build/fuzz/libkiln.a build/fuzz/src/cli/args.o build/fuzz/src/cli/sig.o
endif
build/fuzz/args_fuzz: build/fuzz/src/cli/args.o build/fuzz/src/cli/sig.o
build/fuzz/%_fuzz: test/fuzz/%_fuzz.c build/fuzz/libkiln.a $(HDR)
	@clang -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror $(FUZZ_CFLAGS) -fsanitize=fuzzer -Iinclude \
	    $< $(filter %.o,$^) build/fuzz/libkiln.a $(LDLIBS) -o $@

# a target's seeds: test/fuzz/corpus/NAME, and for front the kernels of test/run
build/fuzz/corpus/%: FORCE
	@mkdir -p $@ && cp -n test/fuzz/corpus/$*/* $@/ 2>/dev/null; \
	    if [ $* = front ]; then cp -n test/run/*.py $@/; fi; true

fuzz: $(FUZZ_BIN) $(FUZZ_TARGETS:%=build/fuzz/corpus/%)
	@for t in $(FUZZ_TARGETS); do echo "== $$t ($(FUZZ_TIME) s)"; \
	    build/fuzz/$${t}_fuzz -max_total_time=$(FUZZ_TIME) -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
	        $$([ -f test/fuzz/$$t.dict ] && echo -dict=test/fuzz/$$t.dict) \
	        -artifact_prefix=build/fuzz/ -print_final_stats=1 build/fuzz/corpus/$$t >build/fuzz/$$t.log 2>&1; rc=$$?; \
	    tail -12 build/fuzz/$$t.log; [ $$rc = 0 ] || exit 1; done
FORCE:

# random kernels on every tier and CPython (test/fuzz/gen.py): GEN_COUNT programs of GEN_SEED
GEN_COUNT ?= 2000
GEN_SEED ?= 1
GEN_JOBS ?= $(shell nproc)
fuzz-gen: all
	python3 test/fuzz/gen.py --kiln build/kiln --seed $(GEN_SEED) --count $(GEN_COUNT) --jobs $(GEN_JOBS)

# random whole-array expressions against NumPy bit for bit (make fuzz-ewise GEN_SEED=S GEN_COUNT=N [EWISE=--narrow])
fuzz-ewise: all
	python3 test/fuzz/ewise_diff.py --kiln build/kiln --seed $(GEN_SEED) --count $(GEN_COUNT) $(EWISE)

# random operation sequences on Python's containers, every tier against CPython (make fuzz-containers GEN_SEED=S
# GEN_COUNT=N); the oracle's Python: build/pyenv (sh scripts/deps.sh test makes it)
fuzz-containers: all
	build/pyenv/bin/python test/fuzz/containers.py --kiln build/kiln --seed $(GEN_SEED) --count $(GEN_COUNT)

demo:
	@sh scripts/deps.sh demo
	@$(MAKE) --no-print-directory all
	@sh examples/demo.sh

bench: all
	@sh bench/run.sh

# issue 23: static shapes and values against the generic tier 2 and gcc (bench/static_shapes.py), and shape
# speculation in tier auto (bench/speculate.c, through the C API)
build/bench/speculate: bench/speculate.c $(BUILD)/libkiln.a $(HDR)
	@mkdir -p $(dir $@)
	@$(CC) -std=c11 -D_GNU_SOURCE -O2 -Wall -Wextra -Werror -o $@ $< $(BUILD)/libkiln.a $(LDLIBS)
bench-static: all build/bench/speculate python
	@build/pyenv/bin/python bench/static_shapes.py 3
	@build/bench/speculate 1000000 5

# issue 24: prange loops on 1 and 2 threads against Numba's parallel=True and a 2-thread STREAM triad
bench-parallel: all
	@[ -x build/benchenv/bin/python ] || /usr/bin/python3 -m venv build/benchenv
	@build/benchenv/bin/python -c 'import numba' 2>/dev/null || build/benchenv/bin/pip install -q numba 'setuptools>=61' wheel
	@build/benchenv/bin/pip install -q --disable-pip-version-check --no-build-isolation --no-deps .
	@build/benchenv/bin/python bench/parallel.py 5

bench-peers: all
	@bash bench/peers/run.sh

bench-tiering: all
	@python3 bench/tiering.py build/kiln 5

bench-coldstart: all
	@python3 bench/coldstart.py build/kiln 5

bench-fused: all
	@python3 bench/fused.py build/kiln

# the attention seed example against NumPy, Numba and JAX; a @ b against OpenBLAS (issue 9)
bench-attention: all
	@python3 bench/attention.py build/kiln

# the Python package against Numba (issue 19's targets): both installed in build/benchenv from PyPI
bench-python: all
	@[ -x build/benchenv/bin/python ] || /usr/bin/python3 -m venv build/benchenv
	@build/benchenv/bin/python -c 'import numba' 2>/dev/null || build/benchenv/bin/pip install -q numba 'setuptools>=61' wheel
	@build/benchenv/bin/pip install -q --disable-pip-version-check --no-build-isolation --no-deps .
	@build/benchenv/bin/python bench/python_numba.py $(CURDIR)/build/benchenv/bin/python $(CURDIR)/build/benchenv/bin/python

# issue 22's micro-kernels under kiln's tiers, Numba and NumPy (build/benchenv, as bench-python)
bench-numba-gap: all
	@[ -x build/benchenv/bin/python ] || /usr/bin/python3 -m venv build/benchenv
	@build/benchenv/bin/python -c 'import numba' 2>/dev/null || build/benchenv/bin/pip install -q numba 'setuptools>=61' wheel
	@build/benchenv/bin/pip install -q --disable-pip-version-check --no-build-isolation --no-deps .
	@build/benchenv/bin/python bench/numba_gap.py

# issue 21's containers: list- and set-using kernels against Numba's (build/benchenv, as bench-python)
bench-containers: all
	@[ -x build/benchenv/bin/python ] || /usr/bin/python3 -m venv build/benchenv
	@build/benchenv/bin/python -c 'import numba' 2>/dev/null || build/benchenv/bin/pip install -q numba 'setuptools>=61' wheel
	@build/benchenv/bin/pip install -q --disable-pip-version-check --no-build-isolation --no-deps .
	@cd bench && ../build/benchenv/bin/python lists.py 7 && ../build/benchenv/bin/python sets.py 7 && ../build/benchenv/bin/python strings.py 7

bench-matmul: all
	@python3 bench/matmul512.py build/kiln

# the Python package into build/pyenv (the venv scripts/deps.sh test makes); `pip install .` works anywhere
python: all
	@sh scripts/deps.sh test
	@build/pyenv/bin/python -m pip install -q --disable-pip-version-check --no-build-isolation --no-deps .
	@echo "installed kiln into build/pyenv: build/pyenv/bin/python -c 'import kiln'"

# on a machine with an NVIDIA GPU and its driver: every test/gpu kernel on the GPU against the CPU device, kiln.cuda's
# Python tests with the GPU, then bench/gpu beside Numba CUDA and CuPy (docs/gpu.md)
test-gpu: all python
	@python3 test/gpu_check.py build/kiln --cuda test/gpu/*.py
	@build/pyenv/bin/python -m pytest -q -p no:cacheprovider test/python/test_cuda.py
	@build/pyenv/bin/python bench/gpu/gpu_bench.py 3

test-python: all
	@sh scripts/deps.sh test
	@sh test/python/run.sh build/pyenv/bin/python

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/lib/pkgconfig
	install -m 755 $(BUILD)/kiln $(DESTDIR)$(PREFIX)/bin/kiln
	install -m 644 $(BUILD)/libkiln.a $(DESTDIR)$(PREFIX)/lib/libkiln.a
	install -m 755 $(BUILD)/libkiln.so $(DESTDIR)$(PREFIX)/lib/libkiln.so
	if [ -f $(BUILD)/libkiln-llvm.so ]; then install -m 755 $(BUILD)/libkiln-llvm.so $(DESTDIR)$(PREFIX)/lib/; fi
	install -m 644 include/kiln.h $(DESTDIR)$(PREFIX)/include/kiln.h
	sed -e 's|@PREFIX@|$(PREFIX)|g' kiln.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/kiln.pc

clean:
	rm -rf build

.PHONY: fuzz-containers bench-containers bench-numba-gap ir-bless python test-python test-gpu bench-python FORCE fuzz fuzz-gen fuzz-ewise bench-fused bench-attention bench-matmul bench-coldstart bench-tiering all test demo bench bench-peers install clean
