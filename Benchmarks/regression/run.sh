#!/bin/sh
# Runs the regression corpus through a mockinterview binary into OUT; with GOLDEN, compares
# every output file with `cmp` (see README.md).
#   Benchmarks/regression/run.sh BINARY OUT [GOLDEN]
set -eu
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1"); out=$2; golden=${3:+$(cd "$3" && pwd)}
here=$(cd "$(dirname "$0")" && pwd); repo=$(cd "$here/../.." && pwd)
mkdir -p "$out"; cd "$out"
rm -rf corpus; python3 "$here/make_corpus.py" corpus >/dev/null
rc=0; NO_COLOR=1 "$bin" grade --content "$repo" --batch corpus/batch.jsonl >batch.out 2>batch.err || rc=$?
echo "exit $rc" >batch.rc
: >explain.out
for f in corpus/explain/*.txt; do
    q=$(basename "$f" .txt); q=${q#*.}
    echo "== $f" >>explain.out
    NO_COLOR=1 "$bin" rubric explain --content "$repo" "$q" --answer-file "$f" --format json >>explain.out 2>&1 || echo "exit $?" >>explain.out
    NO_COLOR=1 "$bin" grade --content "$repo" --question "$q" --answer-file "$f" --format text >>explain.out 2>&1 || echo "exit $?" >>explain.out
done
wc -l batch.out | sed 's/^/batch lines out: /'
if [ -n "$golden" ]; then
    status=0
    for f in batch.out batch.err batch.rc explain.out; do
        if cmp "$f" "$golden/$f"; then echo "same: $f"; else status=1; fi
    done
    exit $status
fi
