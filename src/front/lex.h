/*
 * lex.h — tokens of the kernel language (Python's lexical grammar).
 */
#ifndef KILN_LEX_H
#define KILN_LEX_H

#include "../base/base.h"
#include "../base/diag.h"

#define LEX_INDENT_MAX 128 /* indentation levels (CPython allows 100) */

/* X(name, spelling): operators and keywords, longest spellings first within a family */
#define TOKENS(X) \
    X(TK_EOF, "end of file") X(TK_NEWLINE, "newline") X(TK_INDENT, "indent") X(TK_DEDENT, "dedent") \
    X(TK_NAME, "name") X(TK_INT, "integer") X(TK_FLOAT, "float") X(TK_IMAG, "imaginary") X(TK_STR, "string") \
    X(TK_POWEQ, "**=") X(TK_FLOORDIVEQ, "//=") X(TK_SHLEQ, "<<=") X(TK_SHREQ, ">>=") X(TK_ELLIPSIS, "...") \
    X(TK_POW, "**") X(TK_FLOORDIV, "//") X(TK_SHL, "<<") X(TK_SHR, ">>") X(TK_LE, "<=") X(TK_GE, ">=") \
    X(TK_EQ, "==") X(TK_NE, "!=") X(TK_ARROW, "->") X(TK_WALRUS, ":=") \
    X(TK_PLUSEQ, "+=") X(TK_MINUSEQ, "-=") X(TK_STAREQ, "*=") X(TK_SLASHEQ, "/=") X(TK_PERCENTEQ, "%=") \
    X(TK_AMPEQ, "&=") X(TK_PIPEEQ, "|=") X(TK_CARETEQ, "^=") X(TK_ATEQ, "@=") \
    X(TK_PLUS, "+") X(TK_MINUS, "-") X(TK_STAR, "*") X(TK_SLASH, "/") X(TK_PERCENT, "%") X(TK_AT, "@") \
    X(TK_AMP, "&") X(TK_PIPE, "|") X(TK_CARET, "^") X(TK_TILDE, "~") X(TK_LT, "<") X(TK_GT, ">") \
    X(TK_LPAREN, "(") X(TK_RPAREN, ")") X(TK_LBRACK, "[") X(TK_RBRACK, "]") X(TK_LBRACE, "{") X(TK_RBRACE, "}") \
    X(TK_COMMA, ",") X(TK_COLON, ":") X(TK_DOT, ".") X(TK_SEMI, ";") X(TK_ASSIGN, "=") \
    X(TK_FALSE, "False") X(TK_NONE, "None") X(TK_TRUE, "True") X(TK_AND, "and") X(TK_AS, "as") \
    X(TK_ASSERT, "assert") X(TK_ASYNC, "async") X(TK_AWAIT, "await") X(TK_BREAK, "break") X(TK_CLASS, "class") \
    X(TK_CONTINUE, "continue") X(TK_DEF, "def") X(TK_DEL, "del") X(TK_ELIF, "elif") X(TK_ELSE, "else") \
    X(TK_EXCEPT, "except") X(TK_FINALLY, "finally") X(TK_FOR, "for") X(TK_FROM, "from") X(TK_GLOBAL, "global") \
    X(TK_IF, "if") X(TK_IMPORT, "import") X(TK_IN, "in") X(TK_IS, "is") X(TK_LAMBDA, "lambda") \
    X(TK_NONLOCAL, "nonlocal") X(TK_NOT, "not") X(TK_OR, "or") X(TK_PASS, "pass") X(TK_RAISE, "raise") \
    X(TK_RETURN, "return") X(TK_TRY, "try") X(TK_WHILE, "while") X(TK_WITH, "with") X(TK_YIELD, "yield") \
    X(TK_ISNOT, "is not") X(TK_NOTIN, "not in")

enum {
#define X(n, s) n,
    TOKENS(X)
#undef X
    TK_COUNT
};
#define TK_FIRST_OP TK_POWEQ
#define TK_FIRST_KW TK_FALSE
#define TK_LAST_KW TK_YIELD

typedef struct Token {
    int kind;
    int line, col;
    const char *start; int len;   /* spelling in the source */
    union { int64_t i; double f; } v;
    bool big;                     /* TK_INT: the value is 2**63 (only valid negated) */
    char *str;                    /* TK_STR: decoded text (arena); an f-string's: its raw text between the quotes */
    bool fstr;                    /* TK_STR: an f-string (parse.c splits its text and parses its fields) */
    const char *raw;              /* f-string: its text in the source (the fields are parsed there) */
    const char *line_start;       /* f-string: the source line the text starts on */
} Token;

typedef struct Lexer {
    Arena *arena;
    Diag *diag;
    const char *src, *p, *end;
    int line; const char *line_start;
    int indents[LEX_INDENT_MAX], alt[LEX_INDENT_MAX]; int nindent; /* alt: widths with tabs as one column */
    int pending;          /* >0: INDENTs to emit, <0: DEDENTs */
    int paren;            /* bracket depth: newlines inside are joined */
    bool at_line_start;
    bool emitted_any;     /* a logical line has produced tokens */
} Lexer;

void lex_init(Lexer *lx, Arena *a, Diag *d, const char *src, size_t len);
Token lex_next(Lexer *lx);
const char *tok_str(int kind);


#endif
