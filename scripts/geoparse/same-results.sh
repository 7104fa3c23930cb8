#!/bin/sh
# Checks that a change to the geoparser (a speed-up, say) leaves its results
# byte-identical. Compares two builds on every mention (span, text, kind,
# place, confidence, runners-up, reason) of the seeds and of the LGL and
# GeoVirus articles (also upper- and lower-cased), on `journeymap places
# seeds/*.txt --json`, and on the geoparse-eval figures.
#
# Usage: scripts/geoparse/same-results.sh OLD_RELEASE_DIR NEW_RELEASE_DIR
#   Each directory is a `target/release` built with
#   `cargo build --release --bins --example geoparse_dump` (the dump may sit
#   in examples/ or beside the binaries). For the old side, build an older
#   revision in a copy: `git archive REV | tar -x -C /tmp/old`, copy
#   examples/geoparse_dump.rs there if it postdates REV, and build with its
#   own CARGO_TARGET_DIR.
# Needs ../shared/eval (or EVAL_DIR). Exit 0 if all three are identical.
set -eu
old=${1:?usage: same-results.sh OLD_RELEASE_DIR NEW_RELEASE_DIR}
new=${2:?usage: same-results.sh OLD_RELEASE_DIR NEW_RELEASE_DIR}
root=$(cd "$(dirname "$0")/../.." && pwd)
eval_dir=${EVAL_DIR:-$root/../shared/eval}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

dump_of() {
    if [ -x "$1/examples/geoparse_dump" ]; then echo "$1/examples/geoparse_dump"; else echo "$1/geoparse_dump"; fi
}

run() { # release-dir out-prefix
    cd "$root"
    "$(dump_of "$1")" seeds/*.txt "$eval_dir/lgl.xml" "$eval_dir/GeoVirus.xml" > "$2.dump"
    "$1/journeymap" places seeds/*.txt --json 2>/dev/null > "$2.places"
    "$1/geoparse-eval" "$eval_dir/lgl.xml" "$eval_dir/GeoVirus.xml" > "$2.eval"
}

run "$old" "$tmp/old"
run "$new" "$tmp/new"
status=0
for f in dump places eval; do
    if cmp -s "$tmp/old.$f" "$tmp/new.$f"; then
        echo "$f: identical ($(wc -l < "$tmp/new.$f") lines)"
    else
        echo "$f: DIFFERENT (diff $tmp/old.$f $tmp/new.$f)"
        status=1
    fi
done
[ $status = 0 ] || trap - EXIT
exit $status
