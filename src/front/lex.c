/*
 * lex.c — Python's lexical grammar for kernel files: indentation into
 * INDENT/DEDENT tokens, implicit line joining inside brackets, backslash
 * continuation, numbers with underscores and 0x/0o/0b prefixes, imaginary
 * literals, and strings (for docstrings and messages).
 * Tabs advance to the next multiple of 8, as CPython's tokenizer does.
 */
#include "lex.h"
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>

static const char *tok_names[] = {
#define X(n, s) s,
    TOKENS(X)
#undef X
};

const char *tok_str(int kind) { return kind >= 0 && kind < TK_COUNT ? tok_names[kind] : "?"; }

void lex_init(Lexer *lx, Arena *a, Diag *d, const char *src, size_t len) {
    memset(lx, 0, sizeof *lx);
    lx->arena = a; lx->diag = d;
    lx->src = lx->p = src; lx->end = src + len;
    lx->line = 1; lx->line_start = src;
    if (len >= 3 && !memcmp(src, "\xEF\xBB\xBF", 3)) lx->p = lx->line_start = src + 3; /* a UTF-8 BOM, as CPython allows */
    lx->indents[0] = 0; lx->nindent = 1;
    lx->at_line_start = true;
}

static int col_of(Lexer *lx, const char *p) { return (int)(p - lx->line_start) + 1; }

NORETURN static void lex_fail(Lexer *lx, const char *p, const char *msg) {
    diag_fail(lx->diag, lx->line, col_of(lx, p), "%s", msg);
}

static Token mk(Lexer *lx, int kind, const char *s, int len) {
    Token t;
    memset(&t, 0, sizeof t);
    t.kind = kind; t.line = lx->line; t.col = col_of(lx, s);
    t.start = s; t.len = len;
    return t;
}

static void newline(Lexer *lx, const char *after) {
    lx->line++;
    lx->line_start = after;
}

/* measure the indentation of the line at lx->p; skip blank/comment lines.
 * Returns false at end of input. */
static bool measure_indent(Lexer *lx, int *width, int *alt) {
    for (;;) {
        int w = 0, w1 = 0;
        const char *q = lx->p;
        while (q < lx->end && (*q == ' ' || *q == '\t' || *q == '\f')) {
            if (*q == '\t') { w = (w / 8 + 1) * 8; w1++; }
            else if (*q == ' ') { w++; w1++; }
            else w = w1 = 0;
            q++;
        }
        if (q >= lx->end) { lx->p = q; return false; }
        if (*q == '#') { while (q < lx->end && *q != '\n') q++; }
        if (q < lx->end && (*q == '\n' || *q == '\r')) {
            if (*q == '\r' && q + 1 < lx->end && q[1] == '\n') q++;
            lx->p = q + 1;
            newline(lx, lx->p);
            continue;
        }
        if (q >= lx->end) { lx->p = q; return false; }
        lx->p = q;
        *width = w; *alt = w1;
        return true;
    }
}

/* keywords are 2-8 letters, all starting with a lowercase letter or F/N/T:
 * compare the first letter before any memcmp */
static int kw_lookup(const char *s, int n) {
    if (n < 2 || n > 8) return TK_NAME;
    for (int k = TK_FIRST_KW; k <= TK_LAST_KW; k++) {
        const char *w = tok_names[k];
        if (w[0] == s[0] && strncmp(w, s, (size_t)n) == 0 && w[n] == 0) return k;
    }
    return TK_NAME;
}

/* the operator at p (longest match): its token and length, 0 if none */
static int op_at(const char *p, const char *end, int *len) {
    char c = p[0], d = p + 1 < end ? p[1] : 0, e = p + 2 < end ? p[2] : 0;
    *len = 1;
    switch (c) {
    case '*':
        if (d == '*') { *len = e == '=' ? 3 : 2; return e == '=' ? TK_POWEQ : TK_POW; }
        if (d == '=') { *len = 2; return TK_STAREQ; }
        return TK_STAR;
    case '/':
        if (d == '/') { *len = e == '=' ? 3 : 2; return e == '=' ? TK_FLOORDIVEQ : TK_FLOORDIV; }
        if (d == '=') { *len = 2; return TK_SLASHEQ; }
        return TK_SLASH;
    case '<':
        if (d == '<') { *len = e == '=' ? 3 : 2; return e == '=' ? TK_SHLEQ : TK_SHL; }
        if (d == '=') { *len = 2; return TK_LE; }
        return TK_LT;
    case '>':
        if (d == '>') { *len = e == '=' ? 3 : 2; return e == '=' ? TK_SHREQ : TK_SHR; }
        if (d == '=') { *len = 2; return TK_GE; }
        return TK_GT;
    case '.':
        if (d == '.' && e == '.') { *len = 3; return TK_ELLIPSIS; }
        return TK_DOT;
    case '=': if (d == '=') { *len = 2; return TK_EQ; } return TK_ASSIGN;
    case '!': if (d == '=') { *len = 2; return TK_NE; } return 0;
    case '-':
        if (d == '>') { *len = 2; return TK_ARROW; }
        if (d == '=') { *len = 2; return TK_MINUSEQ; }
        return TK_MINUS;
    case ':': if (d == '=') { *len = 2; return TK_WALRUS; } return TK_COLON;
    case '+': if (d == '=') { *len = 2; return TK_PLUSEQ; } return TK_PLUS;
    case '%': if (d == '=') { *len = 2; return TK_PERCENTEQ; } return TK_PERCENT;
    case '&': if (d == '=') { *len = 2; return TK_AMPEQ; } return TK_AMP;
    case '|': if (d == '=') { *len = 2; return TK_PIPEEQ; } return TK_PIPE;
    case '^': if (d == '=') { *len = 2; return TK_CARETEQ; } return TK_CARET;
    case '@': if (d == '=') { *len = 2; return TK_ATEQ; } return TK_AT;
    case '~': return TK_TILDE;
    case '(': return TK_LPAREN;
    case ')': return TK_RPAREN;
    case '[': return TK_LBRACK;
    case ']': return TK_RBRACK;
    case '{': return TK_LBRACE;
    case '}': return TK_RBRACE;
    case ',': return TK_COMMA;
    case ';': return TK_SEMI;
    }
    return 0;
}

/* a number literal; its digits (no length limit: a 300-digit float keeps every digit) in the arena */
static Token lex_number(Lexer *lx) {
    const char *s = lx->p, *p = s, *digits = s;
    bool isfloat = false;
    int base = 10;
    if (*p == '0' && p + 1 < lx->end && strchr("xXoObB", p[1])) {
        base = (p[1] == 'x' || p[1] == 'X') ? 16 : (p[1] == 'o' || p[1] == 'O') ? 8 : 2;
        p += 2;
        digits = p;
        while (p < lx->end && (isalnum((unsigned char)*p) || *p == '_')) p++;
        if (p == digits) lex_fail(lx, s, "invalid number literal");
    } else {
        while (p < lx->end && (isdigit((unsigned char)*p) || *p == '_' || *p == '.' ||
                               *p == 'e' || *p == 'E' ||
                               ((*p == '+' || *p == '-') && (p[-1] == 'e' || p[-1] == 'E')))) {
            if (*p == '.' || *p == 'e' || *p == 'E') isfloat = true;
            if (*p == '.' && p + 1 < lx->end && p[1] == '.') break;
            p++;
        }
    }
    size_t n = (size_t)(p - digits), k = 0;
    if (!num_underscores_ok(digits, n, base, base != 10)) lex_fail(lx, s, "invalid number literal (an underscore must stand between two digits)");
    char *buf = arena_alloc(lx->arena, n + 1);
    if (!buf) lex_fail(lx, s, "out of memory");
    for (size_t i = 0; i < n; i++) if (digits[i] != '_') buf[k++] = digits[i];
    buf[k] = 0;
    Token t;
    bool imag = p < lx->end && (*p == 'j' || *p == 'J');
    if (p < lx->end && (isalpha((unsigned char)*p) || *p == '_') && !imag)
        lex_fail(lx, s, "invalid number literal");
    if (imag || isfloat) {
        if (base != 10) lex_fail(lx, s, "invalid number literal");
        char *e;
        errno = 0;
        double v = strtod(buf, &e);
        if (*e) lex_fail(lx, s, "invalid number literal");
        t = mk(lx, imag ? TK_IMAG : TK_FLOAT, s, (int)(p - s + imag));
        t.v.f = v;
        lx->p = p + imag;
        return t;
    }
    if (base == 10 && k > 1 && buf[0] == '0') {
        for (size_t i = 0; i < k; i++)
            if (buf[i] != '0')
                lex_fail(lx, s, "leading zeros in decimal integer literals are not permitted");
    }
    char *e;
    errno = 0;
    unsigned long long v = strtoull(buf, &e, base);
    if (*e) lex_fail(lx, s, "invalid number literal");
    t = mk(lx, TK_INT, s, (int)(p - s));
    if (errno == ERANGE || v > (1ull << 63))
        diag_fail(lx->diag, lx->line, col_of(lx, s), "integer literal does not fit in int64");
    t.big = v == (1ull << 63);
    t.v.i = (int64_t)v;
    lx->p = p;
    return t;
}

static Token lex_string(Lexer *lx) {
    const char *s = lx->p, *p = s;
    bool raw = false, fstr = false;
    while (p < lx->end && strchr("rRbBuUfF", *p)) {
        if (*p == 'f' || *p == 'F') fstr = true;
        if (*p == 'b' || *p == 'B') lex_fail(lx, s, "bytes literals are not supported");
        if (*p == 'r' || *p == 'R') raw = true;
        p++;
    }
    if (fstr) raw = true; /* kept as written: parse.c decodes the text around the fields */
    char q = *p;
    bool triple = p + 2 < lx->end && p[1] == q && p[2] == q;
    p += triple ? 3 : 1;
    const char *text = p;
    char *out = arena_alloc(lx->arena, (size_t)(lx->end - p) + 1);
    if (!out) lex_fail(lx, s, "out of memory");
    int n = 0;
    int start_line = lx->line; const char *start_ls = lx->line_start;
    for (;;) {
        if (p >= lx->end || (!triple && *p == '\n')) {
            lx->line = start_line; lx->line_start = start_ls;
            lex_fail(lx, s, "unterminated string literal");
        }
        if (*p == q && (!triple || (p + 2 < lx->end && p[1] == q && p[2] == q))) {
            p += triple ? 3 : 1;
            break;
        }
        if (*p == '\\' && fstr && p + 1 < lx->end && p[1] != '\n') { out[n++] = *p++; out[n++] = *p++; continue; } /* \" stays in */
        if (*p == '\\' && !raw && p + 1 < lx->end) {
            if (p[1] == '\n') { p += 2; newline(lx, p); continue; }
            int used, k = utf8_unescape(p, lx->end, out + n, &used);
            if (k == UTF8_ESC_BAD) lex_fail(lx, p, "malformed \\x, \\u or \\U escape, or one beyond Unicode");
            if (k == UTF8_ESC_NUL) lex_fail(lx, p, "a NUL character in a string literal is not supported (kiln's texts are C strings)");
            if (k >= 0) { n += k; p += used; continue; }
        }
        if (*p == '\n') { out[n++] = *p++; newline(lx, p); continue; }
        out[n++] = *p++;
    }
    out[n] = 0;
    Token t = mk(lx, TK_STR, s, (int)(p - s));
    t.line = start_line; t.col = (int)(s - start_ls) + 1;
    t.str = out;
    t.fstr = fstr;
    t.raw = text;
    t.line_start = start_ls;
    lx->p = p;
    return t;
}

Token lex_next(Lexer *lx) {
    if (lx->pending > 0) { lx->pending--; return mk(lx, TK_INDENT, lx->p, 0); }
    if (lx->pending < 0) { lx->pending++; return mk(lx, TK_DEDENT, lx->p, 0); }
    if (lx->at_line_start && lx->paren == 0) {
        lx->at_line_start = false;
        int w, w1;
        if (!measure_indent(lx, &w, &w1)) w = w1 = 0;
        int top = lx->indents[lx->nindent - 1], top1 = lx->alt[lx->nindent - 1];
        /* as CPython: the indentation must compare the same with tabs of 8 and of 1 column */
        if ((w > top) != (w1 > top1) || (w == top) != (w1 == top1))
            lex_fail(lx, lx->p, "inconsistent use of tabs and spaces in indentation");
        if (w > top) {
            if (lx->nindent >= (int)NELEM(lx->indents)) lex_fail(lx, lx->p, "too many levels of indentation");
            lx->alt[lx->nindent] = w1;
            lx->indents[lx->nindent++] = w;
            return mk(lx, TK_INDENT, lx->p, 0);
        }
        if (w < top) {
            int k = 0;
            while (lx->nindent > 1 && lx->indents[lx->nindent - 1] > w) { lx->nindent--; k++; }
            if (lx->indents[lx->nindent - 1] != w)
                lex_fail(lx, lx->p, "unindent does not match any outer indentation level");
            if (lx->alt[lx->nindent - 1] != w1) lex_fail(lx, lx->p, "inconsistent use of tabs and spaces in indentation");
            lx->pending = -(k - 1);
            return mk(lx, TK_DEDENT, lx->p, 0);
        }
    }
    for (;;) {
        const char *p = lx->p;
        while (p < lx->end && (*p == ' ' || *p == '\t' || *p == '\f')) p++;
        lx->p = p;
        if (p >= lx->end) {
            if (lx->emitted_any) { lx->emitted_any = false; return mk(lx, TK_NEWLINE, p, 0); }
            if (lx->nindent > 1) { lx->nindent--; return mk(lx, TK_DEDENT, p, 0); }
            return mk(lx, TK_EOF, p, 0);
        }
        char c = *p;
        if (c == '#') { while (lx->p < lx->end && *lx->p != '\n') lx->p++; continue; }
        if (c == '\\' && p + 1 < lx->end && (p[1] == '\n' || p[1] == '\r')) {
            p += (p[1] == '\r' && p + 2 < lx->end && p[2] == '\n') ? 3 : 2;
            lx->p = p; newline(lx, p); continue;
        }
        if (c == '\n' || c == '\r') {
            Token t = mk(lx, TK_NEWLINE, p, 1); /* column of the line's end, for "expected ':'" */
            p += (c == '\r' && p + 1 < lx->end && p[1] == '\n') ? 2 : 1;
            lx->p = p; newline(lx, p);
            if (lx->paren > 0 || !lx->emitted_any) { if (lx->paren == 0) lx->at_line_start = true; continue; }
            lx->emitted_any = false;
            lx->at_line_start = true;
            return t;
        }
        lx->emitted_any = true;
        if (isdigit((unsigned char)c) || (c == '.' && p + 1 < lx->end && isdigit((unsigned char)p[1])))
            return lex_number(lx);
        if (isalpha((unsigned char)c) || c == '_' || (unsigned char)c >= 0x80) {
            const char *q = p;
            while (q < lx->end && (isalnum((unsigned char)*q) || *q == '_' || (unsigned char)*q >= 0x80)) q++;
            if (q < lx->end && (*q == '\'' || *q == '"') && q - p <= 2) {
                bool pre = true;
                for (const char *r = p; r < q; r++) if (!strchr("rRbBuUfF", *r)) pre = false;
                if (pre) return lex_string(lx);
            }
            int k = kw_lookup(p, (int)(q - p));
            Token t = mk(lx, k, p, (int)(q - p));
            lx->p = q;
            return t;
        }
        if (c == '\'' || c == '"') return lex_string(lx);
        int n, k = op_at(p, lx->end, &n);
        if (k) {
            Token t = mk(lx, k, p, n);
            if (k == TK_LPAREN || k == TK_LBRACK || k == TK_LBRACE) lx->paren++;
            if ((k == TK_RPAREN || k == TK_RBRACK || k == TK_RBRACE) && lx->paren > 0) lx->paren--;
            lx->p = p + n;
            return t;
        }
        lex_fail(lx, p, c == '$' || c == '?' || c == '!' || c == '`' ? "invalid character in source"
                                                                         : "invalid syntax");
    }
}
