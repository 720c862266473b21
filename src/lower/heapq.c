/*
 * heapq.c — the heapq module on lists: heappush, heappop, heapify, heappushpop, heapreplace.
 *
 * Each is a small Python function lowered at the call (itertools.c's it_inline, closure.c's inliner), doing what
 * CPython's heapq does step for step — a min-heap in a list, the new item sifted toward the root from the end, the
 * root's replacement sifted down along the smaller children to a leaf and then back up (the bottom-up variant
 * CPython uses, which compares less than the textbook one), heapify sifting every parent from the last — so a heap
 * of equal keys ends in the very order CPython's does, and what heappop returns among ties is CPython's choice.
 * Items are compared with <, as CPython compares them (numbers; tuples, element by element: (dist, node) pairs).
 */
#include "infer.h"
#include <string.h>

enum { HQ_PUSH, HQ_POP, HQ_HEAPIFY, HQ_PUSHPOP, HQ_REPLACE, HQ_COUNT };

static const char *const names[HQ_COUNT] = {"heappush", "heappop", "heapify", "heappushpop", "heapreplace"};

int hq_lookup(const char *name) {
    for (int k = 0; k < HQ_COUNT; k++) if (!strcmp(names[k], name)) return k;
    return -1;
}

/* sift_up(heap, start, pos): the item at pos moved toward start past every parent greater than it;
 * sift_down(heap, pos): the item at pos replaced by its smaller child down to a leaf, then sifted up from there */
#define SIFTS \
    "    def sift_up(heap, start, pos):\n" \
    "        item = heap[pos]\n" \
    "        while pos > start:\n" \
    "            parent = (pos - 1) >> 1\n" \
    "            if item < heap[parent]:\n" \
    "                heap[pos] = heap[parent]\n" \
    "                pos = parent\n" \
    "            else:\n" \
    "                break\n" \
    "        heap[pos] = item\n" \
    "    def sift_down(heap, pos):\n" \
    "        end = len(heap)\n" \
    "        start = pos\n" \
    "        item = heap[pos]\n" \
    "        child = 2 * pos + 1\n" \
    "        while child < end:\n" \
    "            right = child + 1\n" \
    "            if right < end and not heap[child] < heap[right]:\n" \
    "                child = right\n" \
    "            heap[pos] = heap[child]\n" \
    "            pos = child\n" \
    "            child = 2 * pos + 1\n" \
    "        heap[pos] = item\n" \
    "        sift_up(heap, start, pos)\n"

static const char *const texts[HQ_COUNT] = {
    [HQ_PUSH] = "def heappush(heap, item):\n" SIFTS
                "    heap.append(item)\n"
                "    sift_up(heap, 0, len(heap) - 1)\n",
    [HQ_POP] = "def heappop(heap):\n" SIFTS
               "    last = heap.pop()\n"
               "    if heap:\n"
               "        top = heap[0]\n"
               "        heap[0] = last\n"
               "        sift_down(heap, 0)\n"
               "        return top\n"
               "    return last\n",
    [HQ_HEAPIFY] = "def heapify(heap):\n" SIFTS
                   "    for i in reversed(range(len(heap) // 2)):\n"
                   "        sift_down(heap, i)\n",
    [HQ_PUSHPOP] = "def heappushpop(heap, item):\n" SIFTS
                   "    if heap and heap[0] < item:\n"
                   "        top = heap[0]\n"
                   "        heap[0] = item\n"
                   "        sift_down(heap, 0)\n"
                   "        return top\n"
                   "    return item\n",
    [HQ_REPLACE] = "def heapreplace(heap, item):\n" SIFTS
                   "    top = heap[0]\n"
                   "    heap[0] = item\n"
                   "    sift_down(heap, 0)\n"
                   "    return top\n",
};

Val hq_call(Inf *I, Node *call, int k) {
    int want = k == HQ_POP || k == HQ_HEAPIFY ? 1 : 2;
    if (call->nkids2) inf_fail(I, call, "%s() takes no keyword arguments", names[k]);
    if (call->nkids != want) inf_fail(I, call, "%s expected %d argument%s, got %d", names[k], want, want == 1 ? "" : "s", call->nkids);
    /* the heap's type checked (CPython's TypeError); a name is passed as it is (so that an empty list it names learns
     * its item type from the push), anything else evaluated once into a hidden variable */
    Node *heap = call->kids[0];
    Val h = ex_expr(I, heap);
    if (h.ty->kind != T_LIST && h.ty->kind != T_UNKNOWN) inf_fail(I, heap, "heap argument must be a list");
    if (heap->kind != N_NAME) {
        heap = st_hidden(I, "$heap%d", call);
        inf_assign(I, heap, h);
    }
    Node *args[2] = {heap, call->nkids > 1 ? call->kids[1] : NULL};
    if (k == HQ_POP || k == HQ_REPLACE) { /* an empty heap: CPython's IndexError, as its C code words it */
        Ref empty = inf_op2(I, OP_EQ, inf_bool(I), ls_len(I, h), inf_k64(I, 0));
        I->line = call->line;
        st_raise_if(I, empty, "IndexError", "index out of range");
    }
    return it_inline(I, call, texts[k], strlen(texts[k]), "<heapq>", args, call->nkids);
}
