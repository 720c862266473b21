#!/bin/bash
# cache_trust_test.sh KILN — the disk cache as a code-execution surface (docs/cache.md, "Trust"):
# what kiln reads is decided by who could have written it (owner, modes, links, file types, on the
# open descriptor), the checksum covers the key, bundles can be signed and signatures required,
# clear/prune delete only kiln's names in directories kiln created, and nothing planted in the
# cache can hang kiln. Ends with a property test: random owners, modes, file types and links on
# the three levels (top directory, subdirectory, entry), and the entry loads exactly when all hold.
# Needs root (to give files to another user) and tier 2; otherwise says so and passes nothing.
K=${1:-build/kiln}
P=0; F=0
ok() { P=$((P + 1)); }
no() { F=$((F + 1)); echo "FAIL $*"; }
# check WANT_RC WANT_TEXT CMD...: exit status and a substring of stdout+stderr (each run under a time limit)
check() {
    local want_rc=$1 want=$2; shift 2
    out=$(timeout 60 bash -c '"$@"' _ "$@" 2>&1); rc=$?
    if [ "$rc" = "$want_rc" ] && printf '%s' "$out" | grep -qF -- "$want"; then ok
    else no "$* -> rc $rc (want $want_rc), output: $out (want '$want')"; fi
}
if [ "$(id -u)" != 0 ] || [ ! -f "$(dirname "$K")/libkiln-llvm.so" ] || ! id nobody >/dev/null 2>&1; then
    echo "cache trust: needs root, the user nobody and tier 2"; echo "0 passed, 0 failed"; exit 0
fi
T=$(mktemp -d /tmp/kiln-trust-XXXXXX)
trap 'rm -rf "$T"' EXIT
cat > "$T/c.py" <<'PY'
def add1(x):
    return x + 1
def twice(x):
    return x * 2
PY
run() { env KILN_CACHE=1 KILN_CACHE_DIR="$1" KILN_LOG=cache "$K" run --tier opt "$T/c.py" "${@:2}"; }
export K T
export -f run
entry_of() { find "$1" -type f -path "$1/??/*" -name "$(run "$1" "$2" 5 2>&1 | sed -n "s/.*hit $2() \([0-9a-f]*\).*/\1/p")*" | head -1; }

# ---- reads apply the same checks as stores (item 1) ----
C=$T/c; run "$C" add1 5 >/dev/null 2>&1; run "$C" twice 5 >/dev/null 2>&1
E=$(entry_of "$C" add1); G=$(entry_of "$C" twice)
[ -f "$E" ] && [ -f "$G" ] && ok || no "no entries made"
cp -p "$E" "$T/e.good"; cp -p "$G" "$T/g.good"
chmod 666 "$E"; check 0 "writable by everyone" run "$C" add1 5; chmod 600 "$E"
chmod 620 "$E"; check 0 "writable by its group" run "$C" add1 5; chmod 600 "$E"
chown nobody "$E"; check 0 "belongs to another user" run "$C" add1 5; chown root "$E"
ln "$E" "$T/hard"; check 0 "more than one link" run "$C" add1 5; rm "$T/hard"
chmod 777 "$(dirname "$E")"; check 0 "is writable by everyone" run "$C" add1 5; chmod 700 "$(dirname "$E")"
chmod 1777 "$C"; check 0 "is writable by everyone" run "$C" add1 5; chmod 700 "$C"
chown nobody "$(dirname "$E")"; check 0 "belongs to another user" run "$C" add1 5; chown root "$(dirname "$E")"
check 0 "hit add1()" run "$C" add1 5
# an untrusted entry is never deleted either (it is not ours to delete)
chmod 666 "$E"; run "$C" add1 5 >/dev/null 2>&1; [ -f "$E" ] && ok || no "an untrusted entry was deleted"; chmod 600 "$E"
# a symbolic link as an entry, and as the cache directory (with and without a trailing slash)
mv "$E" "$T/e.moved"; ln -s "$T/e.moved" "$E"; check 0 "a symbolic link" run "$C" add1 5; rm "$E"; mv "$T/e.moved" "$E"
ln -s "$C" "$T/link"
check 0 "is a symbolic link" run "$T/link" add1 5
check 0 "is a symbolic link" run "$T/link/" add1 5
check 0 "6" run "$T/link/" add1 5
# ---- a FIFO, a directory or a device in place of an entry: a miss, never a hang (item 10) ----
rm "$E"; mkfifo "$E"; check 0 "not a regular file" run "$C" add1 5; check 0 "6" run "$C" add1 5
rm -f "$E"; cp -p "$T/e.good" "$E"
# ---- the checksum covers the key (item 2): add1's entry relabelled as twice's, header rewritten ----
gkey=$(basename "$G")
cp "$T/e.good" "$G"
printf "$(printf '%s' "$gkey" | sed 's/../\\x&/g')" | dd of="$G" bs=1 seek=16 conv=notrunc 2>/dev/null
check 0 "checksum mismatch" run "$C" twice 5
check 0 "10" run "$C" twice 5
# ---- bundles (item 3): signatures, names, the directory they go into ----
run "$C" add1 5 >/dev/null 2>&1; run "$C" twice 5 >/dev/null 2>&1
kc() { env KILN_CACHE_DIR="$1" "$K" cache "${@:2}"; }
export -f kc
check 0 "wrote a new bundle key" kc "$C" keygen "$T/key"
check 0 "wrote a new bundle key" kc "$C" keygen "$T/other"
check 1 "cannot create" kc "$C" keygen "$T/key"
check 0 "exported 2 entries" kc "$C" export "$T/s.kb" --sign "$T/key"
check 0 "exported 2 entries" kc "$C" export "$T/u.kb"
check 0 "imported 2 entries" kc "$T/i1" import "$T/s.kb" --require-sig "$T/key"
check 0 "hit add1()" run "$T/i1" add1 5
check 1 "is not signed, and a signature is required" kc "$T/i2" import "$T/u.kb" --require-sig "$T/key"
check 1 "is not signed, and a signature is required" env KILN_CACHE_REQUIRE_SIG="$T/key" KILN_CACHE_DIR="$T/i2" "$K" cache import "$T/u.kb"
check 1 "bad signature" kc "$T/i2" import "$T/s.kb" --require-sig "$T/other"
cp "$T/s.kb" "$T/t.kb"; printf 'Z' | dd of="$T/t.kb" bs=1 seek=400 conv=notrunc 2>/dev/null
check 1 "bad signature" kc "$T/i2" import "$T/t.kb" --require-sig "$T/key"
[ ! -d "$T/i2" ] || [ -z "$(find "$T/i2" -path "$T/i2/??/*")" ] && ok || no "a refused bundle left entries"
check 0 "is signed, but no key was given" kc "$T/i3" import "$T/s.kb"
chmod 644 "$T/key"; check 1 "others may read or write it" kc "$T/i2" import "$T/s.kb" --require-sig "$T/key"; chmod 600 "$T/key"
check 1 "older kiln's bundle" sh -c "printf 'KILNBNDL' > $T/old.kb; KILN_CACHE_DIR=$T/i2 $K cache import $T/old.kb"
check 1 "not a kiln cache bundle" kc "$T/i2" import "$T/c.py"
# entry names other than 64 lowercase hex digits are refused
for bad in "-1-1" " f f" "0xAB" "ABCD"; do
    cp "$T/u.kb" "$T/n.kb"
    printf '%s' "$bad" | dd of="$T/n.kb" bs=1 seek=16 conv=notrunc 2>/dev/null
    check 1 "bad name" kc "$T/i4" import "$T/n.kb"
done
[ -z "$(find "$T/i4" -path "$T/i4/??/*" ! -name '[0-9a-f]*' 2>/dev/null)" ] && ok || no "a bad name was written"
# import applies the store's directory checks
mkdir -p "$T/ww"; chmod 777 "$T/ww"; check 1 "is writable by everyone" kc "$T/ww" import "$T/u.kb"
mkdir -p "$T/theirs"; chown nobody "$T/theirs"; check 1 "belongs to another user" kc "$T/theirs" import "$T/u.kb"
mkdir -p "$T/full"; echo x > "$T/full/notes.txt"; check 1 "not a directory kiln created" kc "$T/full" import "$T/u.kb"
# ---- clear, prune and the automatic prune delete only kiln's names in kiln's directories (item 4) ----
G2=$T/gitobj; mkdir -p "$G2/ab" "$G2/cd"
echo blob > "$G2/ab/0123456789abcdef0123456789abcdef012345"; echo blob2 > "$G2/cd/ef01"; touch -d '2 hours ago' "$G2/ab/"*
check 1 "not a directory kiln created" kc "$G2" clear
check 1 "refusing to prune" kc "$G2" prune --max 0
sigs=""; for t in int i8 i16 i32 i64 u8 u16 u32 u64 float f32 bool complex c64 'tuple(int, int)' 'tuple(float, int)'; do sigs="$sigs --sig add1($t)"; done
env KILN_CACHE=1 KILN_CACHE_DIR="$G2" KILN_CACHE_MAX_BYTES=1 "$K" warm "$T/c.py" $sigs >/dev/null 2>&1
[ "$(find "$G2" -type f | wc -l)" = 2 ] && ok || no "kiln warm into a foreign directory changed it: $(find "$G2" -type f)"
# in a directory kiln made: other names are left alone by clear, prune and the automatic prune
M=$T/mine; run "$M" add1 5 >/dev/null 2>&1; ME=$(entry_of "$M" add1); D=$(dirname "$ME")
echo thesis > "$D/thesis.tex"; echo note > "$D/.notes"; touch -d '2 hours ago' "$D/thesis.tex" "$D/.notes"
env KILN_CACHE=1 KILN_CACHE_DIR="$M" KILN_CACHE_MAX_BYTES=1 "$K" warm "$T/c.py" $sigs >/dev/null 2>&1
check 0 "removed" kc "$M" prune --max 0
check 0 "removed" kc "$M" clear
[ -f "$D/thesis.tex" ] && [ -f "$D/.notes" ] && ok || no "clear or prune deleted a file that is not kiln's"
check 0 "files not kiln's (left alone)" kc "$M" verify
# an empty directory is adopted (marked); a missing one is made with the marker
mkdir -p "$T/empty"; check 0 "stored add1" run "$T/empty" add1 5
[ -f "$T/empty/CACHEDIR.TAG" ] && ok || no "an empty directory was not marked"
# ---- only the last component is created (and ~/.cache under an existing HOME) (item 5) ----
check 0 "6" env -u KILN_CACHE_DIR -u XDG_CACHE_HOME HOME="$T/nohome/deeper" KILN_CACHE=1 "$K" run --tier opt "$T/c.py" add1 5
[ ! -e "$T/nohome" ] && ok || no "parents of the cache directory were created"
mkdir -p "$T/home"
check 0 "6" env -u KILN_CACHE_DIR -u XDG_CACHE_HOME HOME="$T/home" KILN_CACHE=1 "$K" run --tier opt "$T/c.py" add1 5
[ -f "$T/home/.cache/kiln/CACHEDIR.TAG" ] && ok || no "~/.cache/kiln was not made"
check 0 "6" env -u KILN_CACHE_DIR XDG_CACHE_HOME="$T/xdg/none" KILN_CACHE=1 "$K" run --tier opt "$T/c.py" add1 5
[ ! -e "$T/xdg" ] && ok || no "XDG_CACHE_HOME's parents were created"
# ---- a temporary file left by a killed store does not make verify fail; an over-long path is said ----
V=$T/v; run "$V" add1 5 >/dev/null 2>&1; VD=$(dirname "$(entry_of "$V" add1)"); echo partial > "$VD/.tmp-AbC123"
check 0 "1 temporary files" kc "$V" verify
long=$(printf '%04100d' 0)
check 0 "the cache path is too long" env KILN_CACHE=1 KILN_CACHE_DIR="$T/$long" KILN_LOG=cache "$K" run --tier opt "$T/c.py" add1 5

# ---- property: random owners, modes, types and links; a hit exactly when every level is trusted ----
R=$T/prop; run "$R" add1 5 >/dev/null 2>&1; RE=$(entry_of "$R" add1); RS=$(dirname "$RE")
cp -p "$RE" "$T/r.good"
RANDOM=7
modes_dir=(700 755 750 770 777 1777 711 720)
modes_file=(600 644 640 660 666 604 620 400)
for trial in $(seq 1 60); do
    rm -rf "$RE"; cp -p "$T/r.good" "$RE"; rm -f "$T/hl"
    td=${modes_dir[RANDOM % 8]}; sd=${modes_dir[RANDOM % 8]}; fm=${modes_file[RANDOM % 8]}
    to=root; so=root; fo=root; [ $((RANDOM % 4)) = 0 ] && to=nobody; [ $((RANDOM % 4)) = 0 ] && so=nobody; [ $((RANDOM % 4)) = 0 ] && fo=nobody
    kind=$((RANDOM % 6)) # 0-2 regular, 3 symlink, 4 hard link, 5 fifo
    chmod $td "$R"; chmod $sd "$RS"; chmod $fm "$RE"; chown $to "$R"; chown $so "$RS"; chown $fo "$RE"
    case $kind in
        3) mv "$RE" "$T/sl"; ln -s "$T/sl" "$RE" ;;
        4) ln "$RE" "$T/hl" ;;
        5) rm "$RE"; mkfifo -m $fm "$RE"; chown $fo "$RE" ;;
    esac
    good=1
    [ $to = root ] && [ $so = root ] && [ $fo = root ] || good=0
    [ $(( 0$td & 022 )) = 0 ] && [ $(( 0$sd & 022 )) = 0 ] && [ $(( 0$fm & 022 )) = 0 ] || good=0
    [ $kind -le 2 ] || good=0
    out=$(timeout 20 env KILN_CACHE=1 KILN_CACHE_DIR="$R" KILN_LOG=cache "$K" run --tier opt "$T/c.py" add1 5 2>&1); rc=$?
    hit=0; printf '%s' "$out" | grep -q "hit add1()" && hit=1
    if [ $rc = 0 ] && [ $hit = $good ] && printf '%s' "$out" | grep -q '^6$'; then ok
    else no "trial $trial: top $to $td, sub $so $sd, entry $fo $fm kind $kind: want hit=$good, rc $rc: $out"; fi
    chmod 700 "$R" "$RS"; chown root "$R" "$RS"; rm -f "$T/sl"
done
echo "$P passed, $F failed"
[ $F = 0 ]
