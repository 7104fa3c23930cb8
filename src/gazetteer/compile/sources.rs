//! Reading the trimmed source files into draft places: countries, admin
//! regions, cities, airports and the hand-kept supplement.

use super::{bad, Builder};
use crate::format::{size_class, MatchKind, PlaceKind};
use flate2::read::GzDecoder;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

/// Reads a TSV (gzip-compressed if the name ends in `.gz`), skipping the
/// header, blank lines and `#` comments. Each row is checked for `ncols`.
pub(super) fn read_tsv(path: &Path, ncols: usize) -> io::Result<Vec<Vec<String>>> {
    let file = std::fs::File::open(path)
        .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
    let reader: Box<dyn Read> = if path.extension().is_some_and(|e| e == "gz") {
        Box::new(GzDecoder::new(file))
    } else {
        Box::new(file)
    };
    let mut rows = Vec::new();
    for (n, line) in BufReader::new(reader).lines().enumerate() {
        let line = line?;
        if n == 0 || line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let row: Vec<String> = line.split('\t').map(str::to_string).collect();
        if row.len() != ncols {
            return Err(bad(format!(
                "{}:{}: expected {ncols} tab-separated columns, found {}",
                path.display(),
                n + 1,
                row.len()
            )));
        }
        rows.push(row);
    }
    Ok(rows)
}

fn coord_e7(s: &str, what: &str) -> io::Result<i32> {
    let v: f64 = s
        .trim()
        .parse()
        .map_err(|_| bad(format!("bad {what} {s:?}")))?;
    Ok((v * 1e7).round() as i32)
}

/// 3–4 ASCII capitals/digits: an airport or other code, not a name.
fn is_code_like(s: &str) -> bool {
    (3..=4).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// A `code lat lon` table (1e-7 degrees) by code.
pub(super) fn read_points(path: &Path) -> io::Result<BTreeMap<String, (i32, i32)>> {
    read_tsv(path, 3)?
        .into_iter()
        .map(|r| {
            Ok((
                r[0].clone(),
                (coord_e7(&r[1], "lat")?, coord_e7(&r[2], "lon")?),
            ))
        })
        .collect()
}

pub(super) fn add_countries(b: &mut Builder, data_dir: &Path) -> io::Result<()> {
    // iso2 iso3 name capital lat lon population geonameid alternates demonyms
    let rows = read_tsv(&data_dir.join("countries.tsv.gz"), 10)?;
    let extra = read_tsv(&data_dir.join("country_extra.tsv"), 4)?;
    for r in rows {
        let (lat, lon) = if r[4].is_empty() {
            continue; // no representative point: cannot be placed
        } else {
            (coord_e7(&r[4], "lat")?, coord_e7(&r[5], "lon")?)
        };
        let pop = r[6].parse().unwrap_or(0);
        let ids = vec![format!("country:{}", r[0]), format!("geonames:{}", r[7])];
        let d = b.place(
            PlaceKind::Country,
            ids,
            &r[2],
            &r[0],
            "",
            b'A',
            "PCLI",
            lat,
            lon,
            pop,
        );
        for a in r[8].split('|').filter(|a| !a.is_empty()) {
            d.names.push((a.to_string(), MatchKind::Alternate));
        }
        for dem in r[9].split('|').filter(|a| !a.is_empty()) {
            d.codes.push((format!("demonym:{dem}"), MatchKind::Code));
        }
        d.codes.push((r[0].clone(), MatchKind::Code));
        d.codes.push((r[1].clone(), MatchKind::Code));
        // iso2 kind value source
        for e in extra.iter().filter(|e| e[0] == r[0]) {
            match e[1].as_str() {
                "name" => d.names.push((e[2].clone(), MatchKind::Alternate)),
                "demonym" => d.codes.push((format!("demonym:{}", e[2]), MatchKind::Code)),
                "code" => d.codes.push((e[2].clone(), MatchKind::Code)),
                other => return Err(bad(format!("country_extra.tsv: unknown kind {other:?}"))),
            }
        }
    }
    Ok(())
}

/// Admin regions need a representative point. First-level regions (states,
/// provinces) take the centroid of their extent from `admin1_points.tsv.gz`
/// (reconstructed from the country polygon and the places in it, see
/// scripts/gazetteer/admin1_points.py): a state is named for its whole
/// extent, and its capital can lie at an edge (Tallahassee is 380 km from
/// the middle of Florida), which put "Florida" outside the 161 km that
/// geocoding is judged by. A region missing there (no polygon cell reached
/// it) takes the centroid of the half-degree cells its places cover, each
/// cell counted once so that dense metro areas do not drag the point.
/// Second-level regions (counties) are small enough for their seat (the
/// PPLA2 city with their code) or else their most populous city. Regions
/// with no city in cities500 are left out because they could not be
/// placed. Their population is unknown (0): GeoNames' admin tables do not
/// give it; for ranking their size is the summed population of their
/// places.
pub(super) fn add_admins(
    b: &mut Builder,
    cities: &[Vec<String>],
    admin1: &BTreeMap<String, String>,
    admin1_points: &BTreeMap<String, (i32, i32)>,
    admin2: &BTreeMap<String, String>,
) -> io::Result<()> {
    // code -> (is seat, population, lat, lon)
    type Best = (bool, u64, i32, i32);
    let mut best1: HashMap<String, Best> = HashMap::new();
    let mut best2: HashMap<String, Best> = HashMap::new();
    let mut sum: HashMap<String, u64> = HashMap::new();
    let mut cells1: HashMap<String, BTreeSet<(i32, i32)>> = HashMap::new();
    for c in cities {
        let pop: u64 = c[10].parse().unwrap_or(0);
        let (lat, lon) = (coord_e7(&c[3], "lat")?, coord_e7(&c[4], "lon")?);
        let k1 = format!("{}.{}", c[7], c[8]);
        let k2 = format!("{k1}.{}", c[9]);
        cells1
            .entry(k1.clone())
            .or_default()
            .insert(cell_of(lat, lon));
        *sum.entry(k1.clone()).or_default() += pop;
        *sum.entry(k2.clone()).or_default() += pop;
        for (key, map, seat) in [
            (k1, &mut best1, c[6] == "PPLA" || c[6] == "PPLC"),
            (k2, &mut best2, c[6] == "PPLA2"),
        ] {
            let cand = (seat, pop, lat, lon);
            let e = map.entry(key).or_insert(cand);
            if (cand.0, cand.1) > (e.0, e.1) {
                *e = cand;
            }
        }
    }
    for (level, table, best, code) in [
        (PlaceKind::Admin1, admin1, &best1, "ADM1"),
        (PlaceKind::Admin2, admin2, &best2, "ADM2"),
    ] {
        for (key, name) in table {
            let Some(&(_, _, seat_lat, seat_lon)) = best.get(key) else {
                continue;
            };
            let (lat, lon) = match (level, admin1_points.get(key), cells1.get(key)) {
                (PlaceKind::Admin1, Some(&point), _) => point,
                (PlaceKind::Admin1, None, Some(cells)) => {
                    cells_centroid(cells).unwrap_or((seat_lat, seat_lon))
                }
                _ => (seat_lat, seat_lon),
            };
            let cc = key.get(..2).unwrap_or("");
            let a1_key = key.splitn(3, '.').take(2).collect::<Vec<_>>().join(".");
            let a1_name = admin1.get(&a1_key).map(String::as_str).unwrap_or("");
            let prefix = if level == PlaceKind::Admin1 {
                "admin1"
            } else {
                "admin2"
            };
            let ids = vec![format!("{prefix}:{key}")];
            let d = b.place(level, ids, name, cc, a1_name, b'A', code, lat, lon, 0);
            d.rec.size = size_class(sum.get(key).copied().unwrap_or(0));
        }
    }
    Ok(())
}

/// Side of the cells a region's extent is measured in, degrees.
const CELL_DEGREES: f64 = 0.5;

/// The cell (row, column) holding a point given in 1e-7 degrees.
fn cell_of(lat_e7: i32, lon_e7: i32) -> (i32, i32) {
    let cell = |v: i32| (f64::from(v) * 1e-7 / CELL_DEGREES).floor() as i32;
    (cell(lat_e7), cell(lon_e7))
}

/// The centroid (1e-7 degrees) of the cells' centres: their summed unit
/// vectors, normalised. `None` when the sum is (near) zero, i.e. the cells
/// are spread evenly round the globe.
fn cells_centroid(cells: &BTreeSet<(i32, i32)>) -> Option<(i32, i32)> {
    let mut sum = [0.0f64; 3];
    for &(row, col) in cells {
        let lat = ((f64::from(row) + 0.5) * CELL_DEGREES).to_radians();
        let lon = ((f64::from(col) + 0.5) * CELL_DEGREES).to_radians();
        for (s, x) in sum
            .iter_mut()
            .zip([lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()])
        {
            *s += x;
        }
    }
    let [x, y, z] = sum;
    let n = (x * x + y * y + z * z).sqrt();
    if n < 1e-9 {
        return None;
    }
    let lat = (z / n).asin().to_degrees();
    let lon = y.atan2(x).to_degrees();
    Some(((lat * 1e7).round() as i32, (lon * 1e7).round() as i32))
}

pub(super) fn add_cities(
    b: &mut Builder,
    cities: &[Vec<String>],
    admin1: &BTreeMap<String, String>,
) -> io::Result<()> {
    // geonameid name alternatenames lat lon fclass fcode country admin1 admin2 population
    for c in cities {
        let a1 = admin1
            .get(&format!("{}.{}", c[7], c[8]))
            .map(String::as_str)
            .unwrap_or("");
        let (lat, lon) = (coord_e7(&c[3], "lat")?, coord_e7(&c[4], "lon")?);
        let pop = c[10].parse().unwrap_or(0);
        let fclass = c[5].bytes().next().unwrap_or(b'P');
        let ids = vec![format!("geonames:{}", c[0])];
        let d = b.place(
            PlaceKind::City,
            ids,
            &c[1],
            &c[7],
            a1,
            fclass,
            &c[6],
            lat,
            lon,
            pop,
        );
        for a in c[2].split(',').filter(|a| !a.trim().is_empty()) {
            if is_code_like(a) {
                // GeoNames lists airport and other codes ("HAN", "FNJ") among
                // alternate names; as folded names they would turn ordinary
                // words into places, so they go to the exact-code index.
                d.codes.push((a.to_string(), MatchKind::Alternate));
            } else {
                d.names.push((a.to_string(), MatchKind::Alternate));
            }
        }
    }
    Ok(())
}

pub(super) fn add_airports(b: &mut Builder, data_dir: &Path) -> io::Result<()> {
    // icao iata name subd country lat lon
    for r in read_tsv(&data_dir.join("airports.tsv.gz"), 7)? {
        let (lat, lon) = (coord_e7(&r[5], "lat")?, coord_e7(&r[6], "lon")?);
        let mut ids = Vec::new();
        if !r[1].is_empty() {
            ids.push(format!("iata:{}", r[1]));
        }
        ids.push(format!("icao:{}", r[0]));
        let d = b.place(
            PlaceKind::Airport,
            ids,
            &r[2],
            &r[4],
            &r[3],
            b'S',
            "AIRP",
            lat,
            lon,
            0,
        );
        d.codes.push((r[0].clone(), MatchKind::Code));
        if !r[1].is_empty() {
            d.codes.push((r[1].clone(), MatchKind::Code));
        }
    }
    Ok(())
}

pub(super) fn add_supplement(
    b: &mut Builder,
    data_dir: &Path,
    admin1: &BTreeMap<String, String>,
) -> io::Result<()> {
    // id name alternate_names kind feature_code country admin1 lat lon population source
    let _ = admin1;
    for r in read_tsv(&data_dir.join("supplement.tsv"), 11)? {
        let kind = PlaceKind::parse(&r[3])
            .ok_or_else(|| bad(format!("supplement.tsv: {}: unknown kind {:?}", r[0], r[3])))?;
        if r[10].trim().is_empty() {
            return Err(bad(format!("supplement.tsv: {}: no source", r[0])));
        }
        let (lat, lon) = (coord_e7(&r[7], "lat")?, coord_e7(&r[8], "lon")?);
        let fclass = match r[4].as_str() {
            c if c.starts_with("PPL") => b'P',
            c if c.starts_with("ADM") || c.starts_with("PCL") => b'A',
            _ => b'S',
        };
        let pop = r[9].parse().unwrap_or(0);
        let ids = vec![format!("supp:{}", r[0])];
        let d = b.place(kind, ids, &r[1], &r[5], &r[6], fclass, &r[4], lat, lon, pop);
        for a in r[2].split('|').filter(|a| !a.trim().is_empty()) {
            d.names.push((a.to_string(), MatchKind::Alternate));
        }
    }
    Ok(())
}
