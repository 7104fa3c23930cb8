//! The hand-kept word lists in `data/geoparse/` (see its README), compiled
//! in and parsed once.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A fast non-cryptographic hasher (the Fx hash of rustc) for the word
/// sets and memo tables: keys are words, not attacker-chosen.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// `HashSet` with [`FxHasher`].
pub type FastSet<T> = HashSet<T, BuildHasherDefault<FxHasher>>;
/// `HashMap` with [`FxHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// A continent, ocean, sea or region the gazetteer lacks (`regions.tsv`,
/// and the composite regions of `composite_points.tsv`).
pub struct Region {
    pub id: &'static str,
    /// The name without a leading "the " ("Sahel").
    pub name: &'static str,
    /// GeoNames feature code: `CONT` (continent), `OCN` (ocean), `SEA`,
    /// `GULF`, `BAY`, `STRT` (strait), `CHN` (channel), `RGN` (region),
    /// `ISL` (island), `ISLS` (islands), `PEN` (peninsula).
    pub feature_code: &'static str,
    /// Folded names (main and alternates), without a leading "the".
    pub keys: Vec<String>,
    /// The keys written only as "the X" in the table: read as this region
    /// only after "the", since the gazetteer has X as a country or
    /// first-level region ("the Sahel"; "Sahel" is Burkina Faso's region).
    pub article_keys: Vec<String>,
    /// First words of the names written in lowercase ("sub" of
    /// "sub-Saharan Africa"), folded.
    pub lowercase_first_words: Vec<String>,
    pub lat: f64,
    pub lon: f64,
}

/// The lists, lowercase.
pub struct Lists {
    pub common: FastSet<&'static str>,
    pub titles: FastSet<&'static str>,
    pub given: FastSet<&'static str>,
    pub surnames: FastSet<&'static str>,
    pub org_before: FastSet<&'static str>,
    pub org_after: FastSet<&'static str>,
    pub institutions: FastSet<&'static str>,
    pub regions: Vec<Region>,
    /// Folded region name → index of the first region with that key.
    pub region_keys: FastMap<String, usize>,
    /// Keys that name their region only after "the" ([`Region::article_keys`]).
    pub region_article_keys: FastSet<String>,
    /// The first words of those keys.
    pub region_first_words: FastSet<String>,
    /// First words of region names written in lowercase ("sub"): a few,
    /// so a list (compared without hashing every lowercase word).
    pub region_lowercase_first_words: Vec<String>,
    /// "Tenn." → "admin1:US.TN".
    pub state_abbrevs: Vec<(&'static str, &'static str)>,
    /// "NSW" → "admin1:AU.02" (`region_codes.tsv`).
    pub region_codes: Vec<(&'static str, &'static str)>,
}

fn regions() -> Vec<Region> {
    let tables = [
        include_str!("../../data/geoparse/regions.tsv"),
        include_str!("../../data/geoparse/composite_points.tsv"),
    ];
    tables
        .into_iter()
        .flat_map(entries)
        .filter_map(region_row)
        .collect()
}

/// One row: id, name, alternates (`|`), lat, lon, feature code (default
/// `CONT`), and for composite regions a members count (ignored).
fn region_row(line: &'static str) -> Option<Region> {
    let f: Vec<&str> = line.split('\t').collect();
    let (id, name, alt, lat, lon) = (f.first()?, f.get(1)?, f.get(2)?, f.get(3)?, f.get(4)?);
    let feature_code = f.get(5).copied().unwrap_or("CONT");
    let names: Vec<&str> = std::iter::once(*name)
        .chain(alt.split('|').filter(|a| !a.is_empty()))
        .collect();
    let bare = |n: &'static str| n.strip_prefix("the ").unwrap_or(n);
    let keys: Vec<String> = names
        .iter()
        .map(|n| crate::gazetteer::fold(bare(n)))
        .collect();
    // A key also written without "the" is read anywhere.
    let plain: Vec<String> = names
        .iter()
        .filter(|n| !n.starts_with("the "))
        .map(|n| crate::gazetteer::fold(n))
        .collect();
    let article_keys = keys
        .iter()
        .filter(|k| !plain.contains(k))
        .cloned()
        .collect();
    let lowercase_first_words = names
        .iter()
        .map(|n| bare(n))
        .filter(|n| n.starts_with(|c: char| c.is_lowercase()))
        .filter_map(|n| {
            crate::gazetteer::fold(n)
                .split(' ')
                .next()
                .map(str::to_string)
        })
        .collect();
    Some(Region {
        id,
        name: bare(name),
        feature_code,
        keys,
        article_keys,
        lowercase_first_words,
        lat: lat.parse().ok()?,
        lon: lon.parse().ok()?,
    })
}

fn entries(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The bundled lists.
pub fn lists() -> &'static Lists {
    static L: OnceLock<Lists> = OnceLock::new();
    L.get_or_init(|| {
        let org = include_str!("../../data/geoparse/org_words.txt");
        let regions = regions();
        let mut region_keys = FastMap::default();
        let mut region_article_keys = FastSet::default();
        let mut region_lowercase_first_words: Vec<String> = Vec::new();
        for (index, r) in regions.iter().enumerate() {
            for k in &r.keys {
                region_keys.entry(k.clone()).or_insert(index);
            }
            region_article_keys.extend(r.article_keys.iter().cloned());
            region_lowercase_first_words.extend(r.lowercase_first_words.iter().cloned());
        }
        region_lowercase_first_words.sort();
        region_lowercase_first_words.dedup();
        let region_first_words = region_keys
            .keys()
            .filter_map(|k| k.split(' ').next())
            .map(str::to_string)
            .collect();
        Lists {
            common: entries(include_str!("../../data/geoparse/common_words.txt")).collect(),
            titles: entries(include_str!("../../data/geoparse/titles.txt")).collect(),
            given: entries(include_str!("../../data/geoparse/given_names.txt")).collect(),
            surnames: entries(include_str!("../../data/geoparse/surnames.txt")).collect(),
            org_before: entries(org)
                .filter_map(|l| l.strip_prefix("before:"))
                .collect(),
            org_after: entries(org)
                .filter_map(|l| l.strip_prefix("after:"))
                .collect(),
            regions,
            region_keys,
            region_article_keys,
            region_first_words,
            region_lowercase_first_words,
            region_codes: entries(include_str!("../../data/geoparse/region_codes.tsv"))
                .filter_map(|l| l.split_once('\t'))
                .collect(),
            state_abbrevs: entries(include_str!(
                "../../data/geoparse/us_state_abbreviations.tsv"
            ))
            .filter_map(|l| l.split_once('\t'))
            .collect(),
            institutions: entries(include_str!("../../data/geoparse/institutions.txt")).collect(),
        }
    })
}
