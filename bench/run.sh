#!/bin/sh
# run.sh — build and run the benchmarks (make bench). Not part of make test.
set -e
cd "$(dirname "$0")/.."
mkdir -p build/bench
gcc -O3 -march=native -ffp-contract=off -c bench/c/ref.c -o build/bench/ref.o
cc -O2 -std=c11 -D_GNU_SOURCE -Wall -Wextra -o build/bench/bench bench/bench.c build/bench/ref.o build/libkiln.a -lb2 -lm -lpthread -ldl
KILN_LLVM_LIB=build/libkiln-llvm.so ./build/bench/bench "$@"
