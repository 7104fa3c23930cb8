//! Build-time compiler of the gazetteer (used only by `build.rs`): reads the
//! trimmed sources in `data/gazetteer/` and writes the index files that the
//! runtime embeds with `include_bytes!` (layout in `format.rs`, overview in
//! `mod.rs`).

use super::fold::fold;
use super::format::{encode_posting, size_class, MatchKind, PlaceKind, RawRecord};
use flate2::read::GzDecoder;
use std::collections::{BTreeMap, HashMap};
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

/// The source files read, relative to the data directory (for
/// `cargo:rerun-if-changed`).
pub const SOURCES: [&str; 7] = [
    "cities500.tsv.gz",
    "admin1.tsv.gz",
    "admin2.tsv.gz",
    "countries.tsv.gz",
    "country_extra.tsv",
    "airports.tsv.gz",
    "supplement.tsv",
];

/// Output file names in OUT_DIR.
pub const OUTPUTS: [&str; 7] = [
    "gazetteer_places.bin",
    "gazetteer_strings.bin",
    "gazetteer_postings.bin",
    "gazetteer_names.fst",
    "gazetteer_codes.fst",
    "gazetteer_ids.fst",
    "gazetteer_demonyms.fst",
];

fn bad(msg: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, msg)
}

/// Reads a TSV (gzip-compressed if the name ends in `.gz`), skipping the
/// header, blank lines and `#` comments. Each row is checked for `ncols`.
fn read_tsv(path: &Path, ncols: usize) -> io::Result<Vec<Vec<String>>> {
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

fn ascii<const N: usize>(s: &str) -> [u8; N] {
    let mut out = [0u8; N];
    for (o, b) in out.iter_mut().zip(s.bytes()) {
        *o = b;
    }
    out
}

/// A place while compiling, with its names.
struct Draft {
    rec: RawRecord,
    ids: Vec<String>,
    names: Vec<(String, MatchKind)>,
    /// Exact codes (and `demonym:` entries), with how they match.
    codes: Vec<(String, MatchKind)>,
}

#[derive(Default)]
struct StringPool {
    bytes: Vec<u8>,
    seen: HashMap<String, u32>,
}

impl StringPool {
    fn new() -> StringPool {
        let mut p = StringPool::default();
        p.add(""); // offset 0 is the empty string
        p
    }

    fn add(&mut self, s: &str) -> u32 {
        if let Some(&o) = self.seen.get(s) {
            return o;
        }
        let mut end = s.len().min(u16::MAX as usize);
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        let off = self.bytes.len() as u32;
        self.bytes.extend_from_slice(&(end as u16).to_le_bytes());
        self.bytes.extend_from_slice(&s.as_bytes()[..end]);
        self.seen.insert(s.to_string(), off);
        off
    }
}

struct Builder {
    pool: StringPool,
    drafts: Vec<Draft>,
}

#[allow(clippy::too_many_arguments)]
impl Builder {
    fn place(
        &mut self,
        kind: PlaceKind,
        ids: Vec<String>,
        name: &str,
        country: &str,
        admin1: &str,
        fclass: u8,
        fcode: &str,
        lat_e7: i32,
        lon_e7: i32,
        population: u64,
    ) -> &mut Draft {
        let rec = RawRecord {
            lat_e7,
            lon_e7,
            population: population.min(u64::from(u32::MAX)) as u32,
            name: self.pool.add(name),
            source_id: self.pool.add(&ids[0]),
            admin1: self.pool.add(admin1),
            country: ascii(country),
            feature_code: ascii(fcode),
            feature_class: fclass,
            kind,
            size: size_class(population),
        };
        self.drafts.push(Draft {
            rec,
            ids,
            names: vec![(name.to_string(), MatchKind::Name)],
            codes: Vec::new(),
        });
        let last = self.drafts.len() - 1;
        &mut self.drafts[last]
    }
}

/// 3–4 ASCII capitals/digits: an airport or other code, not a name.
fn is_code_like(s: &str) -> bool {
    (3..=4).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// Vietnamese administrative prefixes and Chinese/other suffixes that
/// GeoNames keeps in names but articles drop (folded forms).
const PREFIXES: [&str; 8] = [
    "thi tran ",
    "thanh pho ",
    "thi xa ",
    "xa ",
    "phuong ",
    "huyen ",
    "tinh ",
    "quan ",
];
const SUFFIXES: [&str; 12] = [
    " zhuang autonomous region",
    " autonomous region",
    " province",
    " municipality",
    " prefecture",
    " sheng",
    " shi",
    " city",
    " region",
    " oblast",
    " district",
    " county",
];

/// The folded name without an administrative prefix/suffix, if it has one.
fn derived_names(folded: &str) -> Vec<String> {
    let mut out = Vec::new();
    for p in PREFIXES {
        if let Some(rest) = folded.strip_prefix(p) {
            if rest.len() >= 3 {
                out.push(rest.to_string());
            }
        }
    }
    // "Noi Bai International Airport" is often just "Noi Bai Airport".
    if folded.contains(" international airport") {
        out.push(folded.replace(" international airport", " airport"));
    }
    for s in SUFFIXES {
        if let Some(rest) = folded.strip_suffix(s) {
            if rest.len() >= 3 {
                out.push(rest.to_string());
            }
        }
    }
    out
}

/// Compiles `data_dir` into the files named in `OUTPUTS` under `out_dir`.
pub fn compile(data_dir: &Path, out_dir: &Path) -> io::Result<()> {
    let mut b = Builder {
        pool: StringPool::new(),
        drafts: Vec::new(),
    };
    let cities = read_tsv(&data_dir.join("cities500.tsv.gz"), 11)?;
    let admin1: BTreeMap<String, String> = read_tsv(&data_dir.join("admin1.tsv.gz"), 2)?
        .into_iter()
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect();
    let admin2: BTreeMap<String, String> = read_tsv(&data_dir.join("admin2.tsv.gz"), 2)?
        .into_iter()
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect();

    add_countries(&mut b, data_dir)?;
    add_admins(&mut b, &cities, &admin1, &admin2)?;
    add_cities(&mut b, &cities, &admin1)?;
    add_airports(&mut b, data_dir)?;
    add_supplement(&mut b, data_dir, &admin1)?;
    write_outputs(b, data_dir, out_dir)
}

fn add_countries(b: &mut Builder, data_dir: &Path) -> io::Result<()> {
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

/// Admin regions take the point of their seat (the PPLA/PPLA2 city with
/// their code) or else of their most populous city; regions with no city
/// in cities500 are left out because they could not be placed. Their
/// population is unknown (0): GeoNames' admin tables do not give it; for
/// ranking their size is the summed population of their places.
fn add_admins(
    b: &mut Builder,
    cities: &[Vec<String>],
    admin1: &BTreeMap<String, String>,
    admin2: &BTreeMap<String, String>,
) -> io::Result<()> {
    // code -> (is seat, population, lat, lon)
    type Best = (bool, u64, i32, i32);
    let mut best1: HashMap<String, Best> = HashMap::new();
    let mut best2: HashMap<String, Best> = HashMap::new();
    let mut sum: HashMap<String, u64> = HashMap::new();
    for c in cities {
        let pop: u64 = c[10].parse().unwrap_or(0);
        let (lat, lon) = (coord_e7(&c[3], "lat")?, coord_e7(&c[4], "lon")?);
        let k1 = format!("{}.{}", c[7], c[8]);
        let k2 = format!("{k1}.{}", c[9]);
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
            let Some(&(_, _, lat, lon)) = best.get(key) else {
                continue;
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

fn add_cities(
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

fn add_airports(b: &mut Builder, data_dir: &Path) -> io::Result<()> {
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

fn add_supplement(
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

/// Sorted (key, postings) groups: one postings list per distinct key, each
/// place once with its best match kind.
fn group(mut entries: Vec<(String, u32, MatchKind)>) -> Vec<(String, Vec<u32>)> {
    entries.sort_unstable_by(|a, b| (&a.0, a.1, a.2).cmp(&(&b.0, b.1, b.2)));
    entries.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
    let mut out: Vec<(String, Vec<u32>)> = Vec::new();
    for (key, place, kind) in entries {
        let p = encode_posting(place, kind);
        match out.last_mut() {
            Some((k, v)) if *k == key => v.push(p),
            _ => out.push((key, vec![p])),
        }
    }
    out
}

fn write_fst(path: &Path, groups: &[(String, u64)]) -> io::Result<()> {
    let mut builder = fst::MapBuilder::memory();
    for (k, v) in groups {
        builder
            .insert(k, *v)
            .map_err(|e| bad(format!("fst insert {k:?}: {e}")))?;
    }
    let bytes = builder
        .into_inner()
        .map_err(|e| bad(format!("fst finish: {e}")))?;
    std::fs::write(path, bytes)
}

fn write_postings_fst(
    path: &Path,
    groups: Vec<(String, Vec<u32>)>,
    postings: &mut Vec<u8>,
) -> io::Result<()> {
    let mut index = Vec::with_capacity(groups.len());
    for (key, list) in groups {
        let start = postings.len() / 4;
        postings.extend_from_slice(&(list.len() as u32).to_le_bytes());
        for p in list {
            postings.extend_from_slice(&p.to_le_bytes());
        }
        index.push((key, start as u64));
    }
    write_fst(path, &index)
}

fn write_outputs(b: Builder, _data_dir: &Path, out_dir: &Path) -> io::Result<()> {
    let mut places = Vec::with_capacity(b.drafts.len() * super::format::RECORD_LEN);
    let mut names = Vec::new();
    let mut codes = Vec::new();
    let mut ids: BTreeMap<String, u64> = BTreeMap::new();
    let mut demonyms: BTreeMap<String, (u64, u32)> = BTreeMap::new();
    for (i, d) in b.drafts.iter().enumerate() {
        let id = i as u32;
        d.rec.encode(&mut places);
        for sid in &d.ids {
            ids.entry(sid.clone()).or_insert(u64::from(id));
        }
        for (name, kind) in &d.names {
            let f = fold(name);
            if f.is_empty() {
                continue;
            }
            for derived in derived_names(&f) {
                names.push((derived, id, MatchKind::Derived));
            }
            names.push((f, id, *kind));
        }
        for (c, how) in &d.codes {
            if let Some(dem) = c.strip_prefix("demonym:") {
                // An adjective shared by several countries goes to the most populous.
                let e = demonyms
                    .entry(fold(dem))
                    .or_insert((u64::from(id), d.rec.population));
                if d.rec.population > e.1 {
                    *e = (u64::from(id), d.rec.population);
                }
            } else if !c.is_empty() {
                codes.push((c.clone(), id, *how));
            }
        }
    }
    let mut postings = Vec::new();
    write_postings_fst(&out_dir.join(OUTPUTS[3]), group(names), &mut postings)?;
    write_postings_fst(&out_dir.join(OUTPUTS[4]), group(codes), &mut postings)?;
    let ids: Vec<(String, u64)> = ids.into_iter().collect();
    write_fst(&out_dir.join(OUTPUTS[5]), &ids)?;
    let dem: Vec<(String, u64)> = demonyms.into_iter().map(|(k, v)| (k, v.0)).collect();
    write_fst(&out_dir.join(OUTPUTS[6]), &dem)?;
    std::fs::write(out_dir.join(OUTPUTS[0]), places)?;
    std::fs::write(out_dir.join(OUTPUTS[1]), &b.pool.bytes)?;
    std::fs::write(out_dir.join(OUTPUTS[2]), postings)?;
    Ok(())
}
