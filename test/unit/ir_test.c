/*
 * ir_test.c — ir_check, the invariant check of compiler stages: a release build records why and
 * the stage gives up (here: the IR builder refuses a block's second terminator and the function is
 * marked broken, which lowering reports as an internal compiler error); a debug build (KILN_DEBUG)
 * stops the process at the check, naming the place. And the constant pool keeps canonical bytes
 * (cse compares constants by their bytes: garbage in a float's unused word once decided, build by
 * build, whether two equal constants merged).
 */
#include "check.h"
#include "../../src/ir/ir.h"
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    Arena a;
    arena_init(&a);
    Func f;
    CHECK(ir_init(&f, &a, "t"));
    uint32_t b0 = ir_block(&f), b1 = ir_block(&f);
    CHECK(ir_jmp(&f, b0, b1, 1) && !f.broken);
#ifdef KILN_DEBUG
    fflush(stdout);
    pid_t p = fork();
    if (p == 0) {
        close(2); /* the message is the point of the check, not of this test's output */
        ir_jmp(&f, b0, b1, 2);
        _exit(0);
    }
    int st = 0;
    CHECK(p > 0 && waitpid(p, &st, 0) == p && WIFSIGNALED(st) && WTERMSIG(st) == SIGABRT);
#else
    CHECK(!ir_jmp(&f, b0, b1, 2) && f.broken && strstr(f.broken, "second terminator"));
    CHECK(!ir_br(&f, b0, 0, b1, b1, 3)); /* still ended: refused again */
#endif
    Scalar x, y;
    memset(&x, 0xAB, sizeof x); memset(&y, 0x5C, sizeof y);
    x.f = 1.5; y.f = 1.5; /* equal values, different bytes in the word a float does not use */
    CHECK(ir_cst_add(&f, NULL, x) && ir_cst_add(&f, NULL, y));
    CHECK(!memcmp(&f.cst.v[f.cst.n - 1], &f.cst.v[f.cst.n - 2], sizeof(Scalar)));
    arena_free(&a);
    return DONE();
}
