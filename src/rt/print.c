/*
 * print.c — what print() in a kernel writes: CPython's str() of each item
 * (repr() inside lists and tuples, where NumPy 2's scalars show as
 * np.float64(1.5)), joined by sep and ended by end, handed in one piece to
 * the call's print hook (the context's: stdout by default, sys.stdout in the
 * Python package).
 *
 * The items' types come as a T_FORMAT type (lowering builds it: sep, end,
 * then one type per item, strings as their text), their values as the slots
 * of the non-static leaves, in order.
 */
#include "lib.h"
#include "exc.h"
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* text being written: in a buffer of the caller's (heap false: a stack buffer, or none yet) until it outgrows it */
typedef struct Text { char *p; size_t n, cap; bool oom, heap; } Text;

static void add(Text *t, const char *s, size_t n) {
    if (t->oom) return;
    if (t->n + n + 1 > t->cap) {
        size_t cap = (t->n + n + 1) * 2;
        char *p = t->heap ? realloc(t->p, cap) : malloc(cap);
        if (!p) { t->oom = true; return; }
        if (!t->heap && t->n) memcpy(p, t->p, t->n);
        t->p = p; t->cap = cap; t->heap = true;
    }
    memcpy(t->p + t->n, s, n);
    t->n += n;
    t->p[t->n] = 0;
}

static void adds(Text *t, const char *s) { add(t, s, strlen(s)); }
static void text_free(Text *t) { if (t->heap) free(t->p); }

/* the decimal digits of v (CPython's str(int)), without snprintf's parsing of a format */
static void decimal(Text *t, uint64_t v, bool neg) {
    char b[24], *e = b + sizeof b, *p = e;
    do *--p = (char)('0' + v % 10); while (v /= 10);
    if (neg) *--p = '-';
    add(t, p, (size_t)(e - p));
}

/* a number: str() at the top, repr() inside a container (a NumPy scalar's shows its type) */
static void number(Text *t, const Type *ty, const Slot *v, bool inner) {
    char b[128];
    bool np = inner && !ty->weak;
    if (np && ty->dtype != KILN_BOOL) { adds(t, "np."); adds(t, kiln_dtype_name((kiln_dtype)ty->dtype)); adds(t, "("); }
    switch (ty->dtype) {
    case KILN_BOOL: adds(t, np ? (v->i ? "np.True_" : "np.False_") : v->i ? "True" : "False"); return;
    case KILN_FLOAT64: fmt_double(v->f, b, sizeof b); break;
    case KILN_FLOAT32: fmt_float32(v->f32, b, sizeof b); break;
    case KILN_COMPLEX128: fmt_complex(v[0].f, v[1].f, b, sizeof b); break;
    case KILN_COMPLEX64: fmt_complex64(v->c64[0], v->c64[1], b, sizeof b); break;
    case KILN_UINT64: case KILN_UINT32: case KILN_UINT16: case KILN_UINT8: decimal(t, v->u, false); if (np) adds(t, ")"); return;
    default: decimal(t, v->i < 0 ? 0 - (uint64_t)v->i : (uint64_t)v->i, v->i < 0); if (np) adds(t, ")"); return;
    }
    /* np.complex128(1+2j): a complex's repr inside the constructor without its own parentheses */
    if (np && dt_is_complex(ty->dtype) && b[0] == '(') { size_t n = strlen(b); b[n - 1] = 0; adds(t, b + 1); }
    else adds(t, b);
    if (np) adds(t, ")");
}

static int item(Text *t, const Type *ty, const Slot *s, const int32_t *ops, bool inner);

/* ---- f-string fields: Python's format-spec mini-language, for numbers and strings ----
 * [[fill]align][sign][#][0][width][grouping][.precision][type] */
typedef struct Spec { char fill, align, sign, group, type; bool alt; int width, prec; } Spec;

static bool parse_spec(const char *s, Spec *o) {
    memset(o, 0, sizeof *o);
    o->fill = ' '; o->prec = -1;
    size_t n = strlen(s);
    if (n >= 2 && strchr("<>=^", s[1])) { o->fill = s[0]; o->align = s[1]; s += 2; }
    else if (n >= 1 && strchr("<>=^", s[0])) { o->align = s[0]; s++; }
    if (*s && strchr("+- ", *s)) o->sign = *s++;
    if (*s == '#') { o->alt = true; s++; }
    if (*s == '0') { if (!o->align) { o->fill = '0'; o->align = '='; } s++; }
    while (*s >= '0' && *s <= '9') { if (o->width > 100000) return false; o->width = o->width * 10 + (*s++ - '0'); }
    if (*s == ',' || *s == '_') o->group = *s++;
    if (*s == '.') {
        s++;
        if (!(*s >= '0' && *s <= '9')) return false;
        o->prec = 0;
        while (*s >= '0' && *s <= '9') { if (o->prec > 1000) return false; o->prec = o->prec * 10 + (*s++ - '0'); }
    }
    if (*s) o->type = *s++;
    return *s == 0;
}

bool rt_format_spec_ok(const char *spec, const Type *t) {
    Spec o;
    if (!parse_spec(spec, &o)) return false;
    if (t->kind == T_STR || t->kind == T_STRING) return !o.type || o.type == 's' ? !o.sign && !o.group && o.align != '=' && !o.alt : false;
    if (t->kind != T_SCALAR || dt_is_complex(t->dtype)) return false;
    bool num = o.type && strchr("eEfFgG%", o.type);
    if (dt_is_float(t->dtype)) return num || (!o.type && o.prec < 0 && !o.group); /* '' with a precision: not done */
    return num || !o.type || (strchr("dbxXo", o.type) && o.prec < 0); /* ints and bools */
}

/* the digits of an integer part grouped by sep every k (from the right) */
static void grouped(Text *t, const char *digits, size_t n, char sep, int k) {
    for (size_t i = 0; i < n; i++) {
        char c = digits[i];
        add(t, &c, 1);
        if (sep && i + 1 < n && (n - 1 - i) % (size_t)k == 0) add(t, &sep, 1);
    }
}

/* body (sign-less digits etc.) laid out with sign, width, fill and alignment */
static void padded(Text *t, const Spec *o, const char *sign, const char *body, bool number) {
    size_t w = strlen(sign) + strlen(body);
    size_t pad = o->width > 0 && (size_t)o->width > w ? (size_t)o->width - w : 0;
    char align = o->align ? o->align : number ? '>' : '<';
    size_t left = align == '>' ? pad : align == '^' ? pad / 2 : 0, right = align == '<' ? pad : align == '^' ? pad - pad / 2 : 0;
    for (size_t i = 0; i < left; i++) add(t, &o->fill, 1);
    adds(t, sign);
    if (align == '=') for (size_t i = 0; i < pad; i++) add(t, &o->fill, 1);
    adds(t, body);
    for (size_t i = 0; i < right; i++) add(t, &o->fill, 1);
}

static void format_float(Text *t, const Spec *o, double x) {
    char b[512], body[600];
    bool neg = signbit(x) && !isnan(x);
    double a = fabs(x);
    char type = o->type ? o->type : 'r';
    int prec = o->prec < 0 ? 6 : o->prec;
    if (type == 'r') fmt_double(a, b, sizeof b);
    else if (isinf(a) || isnan(a)) snprintf(b, sizeof b, "%s%s", isinf(a) ? (strchr("EFG", type) ? "INF" : "inf") : (strchr("EFG", type) ? "NAN" : "nan"), type == '%' ? "%" : "");
    else if (type == '%') snprintf(b, sizeof b, o->alt ? "%#.*f%%" : "%.*f%%", prec, a * 100);
    else {
        char f[16];
        snprintf(f, sizeof f, o->alt ? "%%#.*%c" : "%%.*%c", type);
        snprintf(b, sizeof b, f, (type == 'g' || type == 'G') && prec == 0 ? 1 : prec, a);
    }
    /* grouping: the integer part's digits */
    size_t ip = strspn(b, "0123456789");
    Text g = {0};
    grouped(&g, b, ip, o->group, 3);
    snprintf(body, sizeof body, "%s%s", g.p ? g.p : "", b + ip);
    text_free(&g);
    const char *sign = neg ? "-" : o->sign == '+' ? "+" : o->sign == ' ' ? " " : "";
    padded(t, o, sign, body, true);
}

static void format_int(Text *t, const Spec *o, int64_t v, bool is_unsigned) {
    if (o->type && strchr("eEfFgG%", o->type)) { format_float(t, o, is_unsigned ? (double)(uint64_t)v : (double)v); return; }
    bool neg = !is_unsigned && v < 0;
    uint64_t a = neg ? 0 - (uint64_t)v : (uint64_t)v;
    int base = o->type == 'b' ? 2 : o->type == 'o' ? 8 : (o->type == 'x' || o->type == 'X') ? 16 : 10;
    char digits[72];
    int n = 0;
    do { int d = (int)(a % (uint64_t)base); digits[n++] = (char)(d < 10 ? '0' + d : (o->type == 'X' ? 'A' : 'a') + d - 10); a /= (uint64_t)base; } while (a);
    char rev[72];
    for (int i = 0; i < n; i++) rev[i] = digits[n - 1 - i];
    Text g = {0};
    if (o->alt && base != 10) { char pre[3] = {'0', o->type == 'b' ? 'b' : o->type == 'o' ? 'o' : o->type, 0}; adds(&g, pre); }
    grouped(&g, rev, (size_t)n, o->group, base == 10 ? 3 : 4);
    const char *sign = neg ? "-" : o->sign == '+' ? "+" : o->sign == ' ' ? " " : "";
    padded(t, o, sign, g.p ? g.p : "", true);
    text_free(&g);
}

/* ascii(x): repr(x) with each code point past ASCII escaped as \xhh, \uhhhh or \Uhhhhhhhh (CPython's ascii()) */
static int ascii_item(Text *t, const Type *ty, const Slot *s, const int32_t *ops) {
    Text v = {0};
    int used = item(&v, ty, s, ops, true);
    for (size_t i = 0; i < v.n && !v.oom;) {
        int k = 1;
        if ((unsigned char)v.p[i] < 0x80) { add(t, v.p + i++, 1); continue; }
        while (i + (size_t)k < v.n && ((unsigned char)v.p[i + (size_t)k] & 0xc0) == 0x80) k++;
        uint32_t c = utf8_code(v.p + i, k);
        char esc[12];
        snprintf(esc, sizeof esc, c < 0x100 ? "\\x%02x" : c < 0x10000 ? "\\u%04x" : "\\U%08x", (unsigned)c);
        adds(t, esc);
        i += (size_t)k;
    }
    if (v.oom) t->oom = true;
    text_free(&v);
    return used;
}

/* x as !conv makes it: str(x) (none, !s), repr(x) (!r), ascii(x) (!a) */
static int converted(Text *t, const Type *ty, const Slot *s, const int32_t *ops, char conv) {
    return conv == 'a' ? ascii_item(t, ty, s, ops) : item(t, ty, s, ops, conv == 'r');
}

/* {value!conv:spec} of an f-string: spec empty is str() (repr() for !r, ascii() for !a) */
static int field(Text *t, const Type *fld, const Slot *s, const int32_t *ops) {
    const char *spec = fld->elems[0]->text;
    const Type *ty = fld->elems[2];
    Spec o;
    char cv = fld->elems[1]->text[0];
    bool conv = cv != 0; /* !r, !s, !a: the value's repr(), str() or ascii(), formatted as a string */
    if (!spec[0] || !parse_spec(spec, &o)) return converted(t, ty, s, ops, cv);
    if (conv || ty->kind == T_STR || ty->kind == T_STRING) { /* padded to a width in code points, cut to a precision */
        Text v = {0};
        int used = converted(&v, ty, s, ops, cv);
        if (v.oom) { t->oom = true; text_free(&v); return used; }
        RtList l = {v.p ? v.p : "", (int64_t)v.n, 1, 0, 0, 0}, cut = l;
        if (o.prec >= 0 && o.prec < rt_str_len(&l)) cut.len = rt_str_offset(&l, o.prec);
        if (v.p) v.p[cut.len] = 0;
        o.width += (int)(cut.len - rt_str_len(&cut)); /* padded() counts bytes */
        padded(t, &o, "", v.p ? v.p : "", false);
        text_free(&v);
        return used;
    }
    const Slot *v = &s[ops[0]];
    if (ty->dtype == KILN_BOOL && !o.type) { padded(t, &o, "", v->i ? "True" : "False", false); return 1; }
    if (dt_is_float(ty->dtype)) format_float(t, &o, ty->dtype == KILN_FLOAT32 ? v->f32 : v->f);
    else format_int(t, &o, v->i, dt_is_unsigned(ty->dtype));
    return 1;
}

/* a list's items, read from its memory; a set's (open: "{") in its iteration order */
static void list(Text *t, const Type *ty, const RtList *l, const char *open) {
    const Type *it = ty_item(ty);
    if (!l) { t->oom = true; return; }
    if (open[0] == '{' && !l->len) { adds(t, "set()"); return; }
    bool deque = ty_is_deque(ty);
    if (deque) adds(t, "deque(");
    adds(t, open);
    for (int64_t i = 0; i < l->len && !t->oom; i++) {
        Slot buf[KILN_MAX_ITEM_SLOTS];
        int32_t ops[KILN_MAX_ITEM_SLOTS];
        rt_item_load(it, (const char *)l->data + i * l->item, buf);
        for (int k = 0; k < KILN_MAX_ITEM_SLOTS; k++) ops[k] = k; /* the item's leaves lie one after another in buf */
        if (i) adds(t, ", ");
        item(t, it, buf, ops, true);
    }
    adds(t, open[0] == '{' ? "}" : "]");
    if (deque && l->bound) {
        char b[40];
        snprintf(b, sizeof b, ", maxlen=%lld", (long long)(l->bound - 1));
        adds(t, b);
    }
    if (deque) adds(t, ")");
}

/* {k: v, ...} in insertion order */
/* the order of n counts for a Counter's repr: larger first, the earlier first among equal ones (CPython's
 * most_common(): a stable sort); -1 when out of memory */
int rt_counter_order(const int64_t *count, int64_t n, int64_t *order) {
    int64_t *tmp = malloc(sizeof(int64_t) * (size_t)(n ? n : 1));
    if (!tmp) return -1;
    for (int64_t i = 0; i < n; i++) order[i] = i;
    for (int64_t w = 1; w < n; w *= 2) /* a merge sort: stable */
        for (int64_t lo = 0; lo < n; lo += 2 * w) {
            int64_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n, a = lo, b = mid, k = lo;
            while (a < mid && b < hi) tmp[k++] = count[order[b]] > count[order[a]] ? order[b++] : order[a++];
            while (a < mid) tmp[k++] = order[a++];
            while (b < hi) tmp[k++] = order[b++];
            memcpy(order + lo, tmp + lo, sizeof(int64_t) * (size_t)(hi - lo));
        }
    free(tmp);
    return 0;
}

/* a Counter's entries in its repr's order (its counts are int64s); NULL when out of memory */
static int64_t *counter_order(const RtDict *d) {
    int64_t n = d->keys.len, *o = malloc(sizeof(int64_t) * (size_t)(n ? n : 1)), *c = malloc(sizeof(int64_t) * (size_t)(n ? n : 1));
    if (o && c) for (int64_t i = 0; i < n; i++) memcpy(&c[i], (const char *)d->vals.data + i * d->vals.item, 8);
    if (!o || !c || rt_counter_order(c, n, o)) { free(o); o = NULL; }
    free(c);
    return o;
}

static void dict(Text *t, const Type *ty, const RtDict *d) {
    bool counter = ty->layout == KILN_FACTORY_COUNTER;
    int64_t *order = counter ? counter_order(d) : NULL;
    if (counter && !order) { t->oom = true; return; }
    if (counter) adds(t, d->keys.len ? "Counter(" : "Counter()");
    else if (ty->layout) { /* a defaultdict: defaultdict(<class 'int'>, {...}) */
        adds(t, "defaultdict(<class '");
        adds(t, ty_factory_names[ty->layout]);
        adds(t, "'>, ");
    }
    if (counter && !d->keys.len) { free(order); return; }
    adds(t, "{");
    for (int64_t j = 0; j < d->keys.len && !t->oom; j++) {
        int64_t i = order ? order[j] : j;
        Slot buf[KILN_MAX_ITEM_SLOTS];
        int32_t ops[KILN_MAX_ITEM_SLOTS];
        for (int k = 0; k < KILN_MAX_ITEM_SLOTS; k++) ops[k] = k;
        if (j) adds(t, ", ");
        rt_item_load(ty->elems[0], (const char *)d->keys.data + i * d->keys.item, buf);
        item(t, ty->elems[0], buf, ops, true);
        adds(t, ": ");
        rt_item_load(ty->elems[1], (const char *)d->vals.data + i * d->vals.item, buf);
        item(t, ty->elems[1], buf, ops, true);
    }
    adds(t, ty->layout ? "})" : "}");
    free(order);
}

/* item of type ty whose leaves are s[ops[0]], s[ops[1]] ...; the operands it used */
static int item(Text *t, const Type *ty, const Slot *s, const int32_t *ops, bool inner) {
    switch (ty->kind) {
    case T_STR: { /* a literal: its text, or its repr (an f-string's !r, repr()) */
        if (!inner) { adds(t, ty->text); return 0; }
        RtList l = {(char *)ty->text, (int64_t)strlen(ty->text), 1, 0, 0, 0};
        char *q = rt_str_repr(&l);
        if (!q) t->oom = true;
        else adds(t, q);
        free(q);
        return 0;
    }
    case T_EXC: { /* str(e): its message (a KeyError's is its key's repr already); repr(e): Class('message') */
        char buf[320];
        rt_exc_text(s[ops[0]].p, inner, buf, sizeof buf);
        adds(t, buf);
        return 1;
    }
    case T_NONE: adds(t, "None"); return 0;
    case T_STRING: { /* str(s) is s; repr(s) inside a container */
        const RtList *l = s[ops[0]].p;
        if (!inner) { add(t, l->len ? l->data : "", (size_t)l->len); return 1; }
        char *q = rt_str_repr(l);
        if (!q) t->oom = true;
        else adds(t, q);
        free(q);
        return 1;
    }
    case T_SCALAR: number(t, ty, &s[ops[0]], inner); return 1;
    case T_LIST: list(t, ty, s[ops[0]].p, "["); return 1;
    case T_SET: list(t, ty, rt_set_view(s[ops[0]].p), "{"); return 1;
    case T_DICT: dict(t, ty, s[ops[0]].p); return 1;
    case T_ARRAY: { /* NumPy's str(), its repr() inside a container */
        char *text = rt_array_text(ty, &s[ops[0]], inner);
        if (!text) t->oom = true;
        else adds(t, text);
        free(text);
        return 1;
    }
    case T_FORMAT: {
        if (ty->layout == FORMAT_FIELD) return field(t, ty, s, ops);
        int used = 0; /* an f-string: its parts one after another */
        for (int k = 2; k < ty->n; k++) used += item(t, ty->elems[k], s, ops + used, false);
        return used;
    }
    case T_TUPLE: {
        if (ty_is_optional(ty)) { /* None, or the value after the flag */
            if (s[ops[0]].i) return 1 + item(t, ty->elems[1], s, ops + 1, inner);
            adds(t, "None");
            return 1 + (int)ty->elems[1]->nleaves;
        }
        int used = 0; /* a named tuple prints as its class's repr does: Point(x=1, y=2) */
        if (ty->names) adds(t, ty->names->name);
        adds(t, "(");
        for (int k = 0; k < ty->n; k++) {
            if (k) adds(t, ", ");
            if (ty->names) { adds(t, ty->names->fields[k]); adds(t, "="); }
            used += item(t, ty->elems[k], s, ops + used, true);
        }
        adds(t, ty->n == 1 && !ty->names ? ",)" : ")");
        return used;
    }
    default: return 0;
    }
}

/* repr() of a value of type ty in slots v (a dict's KeyError message) */
void rt_repr(const Type *ty, const Slot *v, char *buf, size_t cap) {
    Text t = {0};
    int32_t ops[KILN_MAX_ITEM_SLOTS];
    for (int k = 0; k < KILN_MAX_ITEM_SLOTS; k++) ops[k] = k;
    item(&t, ty, v, ops, true);
    snprintf(buf, cap, "%s", t.p && !t.oom ? t.p : "?");
    text_free(&t);
}

char *rt_format_into(const Type *fmt, const Slot *s, const int32_t *ops, char *buf, size_t cap, size_t *n) {
    Text t = {buf, 0, cap, false, false};
    if (cap) buf[0] = 0;
    int used = 0;
    for (int k = 2; k < fmt->n; k++) {
        if (k > 2) adds(&t, fmt->elems[0]->text);
        used += item(&t, fmt->elems[k], s, ops + used, false);
    }
    adds(&t, fmt->elems[1]->text);
    if (!t.oom && !t.p) adds(&t, "");
    if (t.oom) { text_free(&t); return NULL; }
    *n = t.n;
    return t.p;
}

char *rt_format_text(const Type *fmt, const Slot *s, const int32_t *ops, size_t *n) {
    return rt_format_into(fmt, s, ops, NULL, 0, n);
}

int rt_print(Run *r, const Type *fmt, const Slot *s, const int32_t *ops, int line, const char *file) {
    size_t n;
    char *p = rt_format_text(fmt, s, ops, &n);
    if (!p) return run_nomem(r, "formatting print()'s output", line, file);
    if (r->print) r->print(r->print_arg, p, n);
    else { fwrite(p, 1, n, stdout); fflush(stdout); }
    free(p);
    return 0;
}
