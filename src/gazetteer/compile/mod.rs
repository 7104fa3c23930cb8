//! Build-time compiler of the gazetteer (used only by `build.rs`): reads the
//! trimmed sources in `data/gazetteer/` into draft places ([`sources`]) and
//! writes the index files that the runtime embeds with `include_bytes!`
//! ([`index`]; layout in `format.rs`, overview in `gazetteer/mod.rs`).

mod index;
mod sources;

use crate::format::{size_class, MatchKind, PlaceKind, RawRecord};
use std::collections::{BTreeMap, HashMap};
use std::io;
use std::path::Path;

/// The source files read, relative to the data directory (for
/// `cargo:rerun-if-changed`).
pub const SOURCES: [&str; 8] = [
    "cities500.tsv.gz",
    "admin1.tsv.gz",
    "admin1_points.tsv.gz",
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

fn ascii<const N: usize>(s: &str) -> [u8; N] {
    let mut out = [0u8; N];
    for (o, b) in out.iter_mut().zip(s.bytes()) {
        *o = b;
    }
    out
}

/// A place while compiling, with its names.
pub(crate) struct Draft {
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

pub(crate) struct Builder {
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

/// Compiles `data_dir` into the files named in `OUTPUTS` under `out_dir`.
pub fn compile(data_dir: &Path, out_dir: &Path) -> io::Result<()> {
    let mut b = Builder {
        pool: StringPool::new(),
        drafts: Vec::new(),
    };
    let cities = sources::read_tsv(&data_dir.join("cities500.tsv.gz"), 11)?;
    let admin1: BTreeMap<String, String> = sources::read_tsv(&data_dir.join("admin1.tsv.gz"), 2)?
        .into_iter()
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect();
    let admin2: BTreeMap<String, String> = sources::read_tsv(&data_dir.join("admin2.tsv.gz"), 2)?
        .into_iter()
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect();

    sources::add_countries(&mut b, data_dir)?;
    let admin1_points = sources::read_points(&data_dir.join("admin1_points.tsv.gz"))?;
    sources::add_admins(&mut b, &cities, &admin1, &admin1_points, &admin2)?;
    sources::add_cities(&mut b, &cities, &admin1)?;
    sources::add_airports(&mut b, data_dir)?;
    sources::add_supplement(&mut b, data_dir, &admin1)?;
    index::write_outputs(b, data_dir, out_dir)
}
