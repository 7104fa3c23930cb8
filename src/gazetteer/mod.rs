//! The bundled world gazetteer: every GeoNames `cities500` place with all its
//! alternate names, GeoNames admin1/admin2 regions, all countries (names,
//! aliases, ISO codes, demonyms), airports with IATA/ICAO codes, and a
//! hand-kept supplement (stations, border crossings, bridges, landmarks),
//! compiled at build time into an index that is used in place.
//!
//! ```
//! use journeymap::gazetteer::{Context, Gazetteer, PlaceKind};
//! let g = Gazetteer::bundled();
//! let best = g.candidates("P'yŏngyang", &Context::default());
//! let p = g.place(best[0].id);
//! assert_eq!(p.source_id(), "geonames:1871859");
//! assert_eq!((p.name(), p.country(), p.kind()), ("Pyongyang", "KP", PlaceKind::City));
//! ```
//!
//! # Names and folding
//!
//! Every name is a key after [`fold`] (NFKD, marks stripped, lowercase,
//! `đ`→`d` and friends, apostrophes dropped, punctuation → one space), so
//! "Dong Dang", "Đồng Đăng" and "DONG-DANG" are one key, and multi-word names
//! are single keys ("sino korean friendship bridge"). Codes (IATA, ICAO,
//! ISO 3166 alpha-2/alpha-3, "UK", "DPRK") are separate, exact and
//! case-sensitive keys, consulted only for code-shaped queries, so the
//! word "the" never finds the airport THE.
//!
//! # On-disk format
//!
//! `build.rs` runs `src/gazetteer/compile/` over `data/gazetteer/`
//! and writes seven files into `OUT_DIR`, embedded with `include_bytes!`
//! (nothing is parsed at start-up; pages are touched only when used):
//!
//! | file | content |
//! |---|---|
//! | `gazetteer_places.bin` | place records, 36 bytes each, `PlaceId` = index |
//! | `gazetteer_strings.bin` | string pool: `u16` byte length + UTF-8, deduplicated; offset 0 = "" |
//! | `gazetteer_postings.bin` | `u32` words: lists of `count, posting × count` |
//! | `gazetteer_names.fst` | `fst::Map` folded name → index (in words) of its postings list |
//! | `gazetteer_codes.fst` | `fst::Map` exact code → index of its postings list |
//! | `gazetteer_ids.fst` | `fst::Map` source id (`geonames:1871859`, `iata:HAN`, `icao:VVNB`, `country:KP`, `admin1:CN.16`, `supp:…`) → `PlaceId` |
//! | `gazetteer_demonyms.fst` | `fst::Map` folded demonym/adjective → `PlaceId` of the country |
//!
//! A place record (little-endian): `lat_e7: i32, lon_e7: i32` (1e-7 degree),
//! `population: u32` (0 = unknown), `name, source_id, admin1_name: u32`
//! string-pool offsets, `country: [u8; 2]`, `feature_code: [u8; 5]`
//! (zero-padded), `feature_class: u8`, `kind: u8` ([`PlaceKind`] order),
//! `size: u8` (ranking size, round(10 × log10(n + 1)) of the population or,
//! for regions, of their places' summed population), 2 reserved bytes.
//! A posting is `place_id << 2 | match_kind` where match_kind is 0 main
//! name, 1 alternate name, 2 derived name (the name without an
//! administrative prefix/suffix: "Thị Trấn Đồng Đăng" → "Đồng Đăng",
//! "Nanning Shi" → "Nanning"; "X International Airport" → "X Airport"),
//! 3 code. GeoNames alternate names that are 3–4 capitals or digits ("HAN",
//! "FNJ") are codes, not names: they go to the code index as alternates.
//! Records are ordered countries, admin1, admin2, cities, airports,
//! supplement.

mod fold;
mod format;
mod place;
mod rank;

pub use fold::fold;
pub use format::PlaceKind;
pub use place::{Place, PlaceId};
pub use rank::{Candidate, Context};

use crate::measure::LatLon;
use fst::Map;
use std::sync::OnceLock;

macro_rules! out_file {
    ($name:literal) => {
        include_bytes!(concat!(env!("OUT_DIR"), "/", $name))
    };
}

static PLACES: &[u8] = out_file!("gazetteer_places.bin");
static STRINGS: &[u8] = out_file!("gazetteer_strings.bin");
static POSTINGS: &[u8] = out_file!("gazetteer_postings.bin");
static NAMES: &[u8] = out_file!("gazetteer_names.fst");
static CODES: &[u8] = out_file!("gazetteer_codes.fst");
static IDS: &[u8] = out_file!("gazetteer_ids.fst");
static DEMONYMS: &[u8] = out_file!("gazetteer_demonyms.fst");

/// The compiled gazetteer. Get the bundled one with [`Gazetteer::bundled`].
pub struct Gazetteer {
    places: &'static [u8],
    strings: &'static [u8],
    postings: &'static [u8],
    names: Map<&'static [u8]>,
    codes: Map<&'static [u8]>,
    ids: Map<&'static [u8]>,
    demonyms: Map<&'static [u8]>,
}

/// A name match: the place and how the name matched it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    pub id: PlaceId,
    pub how: format::MatchKind,
}

fn empty_map() -> Map<&'static [u8]> {
    // An fst with no keys: used only if an embedded index were corrupt.
    static EMPTY: OnceLock<Vec<u8>> = OnceLock::new();
    let bytes = EMPTY.get_or_init(|| fst::MapBuilder::memory().into_inner().unwrap_or_default());
    Map::new(bytes.as_slice()).unwrap_or_else(|_| unreachable!("an empty fst is valid"))
}

fn map(bytes: &'static [u8]) -> Map<&'static [u8]> {
    Map::new(bytes).unwrap_or_else(|_| empty_map())
}

impl Gazetteer {
    /// The gazetteer bundled with journeymap, opened on first use (a few
    /// microseconds: the index is used in place).
    ///
    /// ```
    /// let g = journeymap::gazetteer::Gazetteer::bundled();
    /// assert!(g.len() > 200_000);
    /// ```
    pub fn bundled() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| Gazetteer {
            places: PLACES,
            strings: STRINGS,
            postings: POSTINGS,
            names: map(NAMES),
            codes: map(CODES),
            ids: map(IDS),
            demonyms: map(DEMONYMS),
        })
    }

    /// Number of places.
    pub fn len(&self) -> usize {
        self.places.len() / format::RECORD_LEN
    }

    /// True if there are no places (never for the bundled gazetteer).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A view of one place. Ids come from this gazetteer's own lookups; an
    /// out-of-range id gives an empty place rather than a panic.
    pub fn place(&self, id: PlaceId) -> Place<'_> {
        let at = id.0 as usize * format::RECORD_LEN;
        let rec = match self.places.get(at..at + format::RECORD_LEN) {
            Some(b) => format::RawRecord::decode(b),
            None => format::RawRecord::decode(&[0u8; format::RECORD_LEN]),
        };
        Place::new(id, rec, self.strings)
    }

    /// All place ids, in record order.
    pub fn ids(&self) -> impl Iterator<Item = PlaceId> {
        (0..self.len() as u32).map(PlaceId)
    }

    /// The place with this source id (`geonames:1871859`, `iata:HAN`,
    /// `icao:VVNB`, `country:KP`, `admin1:CN.16`, `supp:nanning-station`).
    ///
    /// ```
    /// let g = journeymap::gazetteer::Gazetteer::bundled();
    /// let han = g.by_source_id("iata:HAN").unwrap();
    /// assert_eq!(g.by_source_id("icao:VVNB"), Some(han));
    /// assert_eq!(g.by_source_id("nope:1"), None);
    /// ```
    pub fn by_source_id(&self, source_id: &str) -> Option<PlaceId> {
        self.ids.get(source_id).map(|v| PlaceId(v as u32))
    }

    /// Places whose name, alternate name or derived name equals `name` after
    /// folding; for code-shaped queries ("HAN", "VVNB", "UK") also places
    /// with that exact code. Unsorted; see [`Gazetteer::candidates`] for a
    /// ranking.
    ///
    /// ```
    /// let g = journeymap::gazetteer::Gazetteer::bundled();
    /// let pyongyang = g.by_source_id("geonames:1871859").unwrap();
    /// for name in ["Pyongyang", "P'yŏngyang", "평양", "平壤"] {
    ///     assert!(g.lookup(name).contains(&pyongyang), "{name}");
    /// }
    /// ```
    pub fn lookup(&self, name: &str) -> Vec<PlaceId> {
        let mut ids: Vec<PlaceId> = self.hits(name).into_iter().map(|h| h.id).collect();
        ids.sort();
        ids.dedup();
        ids
    }

    /// Name and code matches with how each matched (a place may appear
    /// twice, by name and by code).
    pub(crate) fn hits(&self, name: &str) -> Vec<Hit> {
        let mut out = Vec::new();
        let folded = fold(name);
        if !folded.is_empty() {
            if let Some(at) = self.names.get(&folded) {
                self.push_postings(at, &mut out);
            }
        }
        let code = name.trim();
        if is_code_shaped(code) {
            if let Some(at) = self.codes.get(code) {
                self.push_postings(at, &mut out);
            }
        }
        out
    }

    fn push_postings(&self, at: u64, out: &mut Vec<Hit>) {
        for p in format::read_postings(self.postings, at) {
            let (id, how) = format::decode_posting(p);
            out.push(Hit {
                id: PlaceId(id),
                how,
            });
        }
    }

    /// True if some name key equals `folded_prefix` or starts with it
    /// followed by a space: the test a longest-match scanner needs to decide
    /// whether to read one more token. The argument must already be folded.
    ///
    /// ```
    /// let g = journeymap::gazetteer::Gazetteer::bundled();
    /// assert!(g.is_prefix("noi bai"));  // "noi bai international airport"
    /// assert!(g.is_prefix("hanoi"));
    /// assert!(!g.is_prefix("noi ba"));  // not on a word boundary
    /// ```
    pub fn is_prefix(&self, folded_prefix: &str) -> bool {
        is_word_prefix(self.names.as_fst(), folded_prefix)
    }

    /// [`Gazetteer::is_prefix`] for demonyms: true if some folded demonym
    /// equals `folded_prefix` or starts with it followed by a space.
    ///
    /// ```
    /// let g = journeymap::gazetteer::Gazetteer::bundled();
    /// assert!(g.is_demonym_prefix("north")); // "north korean"
    /// assert!(g.is_demonym_prefix("vietnamese"));
    /// assert!(!g.is_demonym_prefix("hanoi"));
    /// ```
    pub fn is_demonym_prefix(&self, folded_prefix: &str) -> bool {
        is_word_prefix(self.demonyms.as_fst(), folded_prefix)
    }

    /// True if `folded` is exactly a name key (already folded).
    pub fn is_name(&self, folded: &str) -> bool {
        self.names.contains_key(folded)
    }

    /// A cursor over the name index for a scanner that extends a candidate
    /// name token by token: see [`NameCursor`].
    pub fn name_cursor(&self) -> NameCursor<'_> {
        NameCursor {
            g: self,
            node: None,
            out: fst::raw::Output::zero(),
            key: Vec::new(),
        }
    }

    /// The country with this ISO 3166-1 alpha-2 code (any case).
    ///
    /// ```
    /// use journeymap::gazetteer::{Gazetteer, PlaceKind};
    /// let g = Gazetteer::bundled();
    /// let kp = g.place(g.country("kp").unwrap());
    /// assert_eq!((kp.name(), kp.kind(), kp.source_id()), ("North Korea", PlaceKind::Country, "country:KP"));
    /// assert!(g.country("ZZ").is_none());
    /// ```
    pub fn country(&self, iso2: &str) -> Option<PlaceId> {
        let code = iso2.trim().to_ascii_uppercase();
        self.by_source_id(&format!("country:{code}"))
    }

    /// The country's common English name ("KP" → "North Korea").
    ///
    /// ```
    /// let g = journeymap::gazetteer::Gazetteer::bundled();
    /// assert_eq!(g.country_name("vn"), Some("Vietnam"));
    /// ```
    pub fn country_name(&self, iso2: &str) -> Option<&str> {
        let id = self.country(iso2)?;
        let name = format::read_str(self.strings, self.record(id)?.name);
        Some(name)
    }

    /// The country (ISO2) that a demonym or adjective names, given folded or
    /// not: "North Korean" → "KP", "Vietnamese" → "VN".
    ///
    /// ```
    /// let g = journeymap::gazetteer::Gazetteer::bundled();
    /// assert_eq!(g.demonym("North Korean"), Some("KP"));
    /// assert_eq!(g.demonym("vietnamese"), Some("VN"));
    /// assert_eq!(g.demonym("Qataris"), Some("QA"));
    /// assert_eq!(g.demonym("Hanoi"), None);
    /// ```
    pub fn demonym(&self, word: &str) -> Option<&str> {
        self.demonym_folded(&fold(word))
    }

    /// [`Gazetteer::demonym`] of a word already folded (no allocation).
    ///
    /// ```
    /// let g = journeymap::gazetteer::Gazetteer::bundled();
    /// assert_eq!(g.demonym_folded("north korean"), Some("KP"));
    /// assert_eq!(g.demonym_folded("North Korean"), None);
    /// ```
    pub fn demonym_folded(&self, folded: &str) -> Option<&str> {
        let id = self.demonyms.get(folded)? as usize;
        let at = id * format::RECORD_LEN + format::COUNTRY_AT;
        std::str::from_utf8(self.places.get(at..at + 2)?).ok()
    }

    fn record(&self, id: PlaceId) -> Option<format::RawRecord> {
        let at = id.0 as usize * format::RECORD_LEN;
        self.places
            .get(at..at + format::RECORD_LEN)
            .map(format::RawRecord::decode)
    }

    /// Ranked candidates for `name`, best first, with the reasons for each
    /// score. See [`Context`] for what can steer the ranking.
    ///
    /// ```
    /// use journeymap::gazetteer::{Context, Gazetteer};
    /// use journeymap::measure::LatLon;
    /// let g = Gazetteer::bundled();
    /// let alone = g.candidates("Pingxiang", &Context::default());
    /// assert_eq!(g.place(alone[0].id).admin1_name(), "Jiangxi");
    /// let nanning = LatLon::new(22.817, 108.317);
    /// let near = g.candidates("Pingxiang", &Context::near(nanning));
    /// assert_eq!(g.place(near[0].id).admin1_name(), "Guangxi");
    /// ```
    pub fn candidates(&self, name: &str, ctx: &Context) -> Vec<Candidate> {
        rank::rank(self, name, ctx)
    }

    /// Point of a place (shortcut for `place(id).point()`).
    pub fn point(&self, id: PlaceId) -> LatLon {
        self.place(id).point()
    }
}

/// The name index walked down to one folded key. Moving to a key that
/// extends the previous one walks only the added bytes, so a longest-match
/// scan asks [`Gazetteer::is_prefix`] and "is this exactly a name?" for
/// each longer span without allocating or starting again from the root.
///
/// ```
/// let g = journeymap::gazetteer::Gazetteer::bundled();
/// let mut c = g.name_cursor();
/// c.seek("noi bai");
/// assert!(c.is_prefix() && !c.is_name()); // "noi bai international airport"
/// c.seek("noi bai international airport");
/// assert!(c.is_prefix() && c.is_name());
/// c.seek("hanoi");
/// assert!(c.is_prefix() && c.is_name());
/// c.seek("noi ba");
/// assert!(!c.is_prefix() && !c.is_name());
/// // Resuming from a mark is the same as walking again.
/// c.seek("dong");
/// let mark = c.mark();
/// c.seek("hanoi");
/// c.resume("dong", mark);
/// c.seek("dong dang");
/// assert!(c.is_name());
/// ```
pub struct NameCursor<'g> {
    g: &'g Gazetteer,
    /// The node reached by `key`; None if no key starts with it.
    node: Option<fst::raw::Node<'g>>,
    /// Outputs summed along the way (the postings index at a final node).
    out: fst::raw::Output,
    key: Vec<u8>,
}

/// A saved [`NameCursor`] position (see [`NameCursor::mark`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CursorMark {
    /// Node address and the output summed on the way; None if the walk
    /// fell off the index.
    at: Option<(usize, u64)>,
}

impl<'g> NameCursor<'g> {
    /// Moves to the (already folded) key `folded`.
    pub fn seek(&mut self, folded: &str) {
        let bytes = folded.as_bytes();
        let fst = self.g.names.as_fst();
        let start = if !self.key.is_empty() && bytes.starts_with(&self.key) {
            self.key.len()
        } else {
            self.node = Some(fst.root());
            self.out = fst::raw::Output::zero();
            0
        };
        for &b in &bytes[start..] {
            let Some(node) = self.node else { break };
            self.node = node.find_input(b).map(|i| {
                let t = node.transition(i);
                self.out = self.out.cat(t.out);
                fst.node(t.addr)
            });
        }
        self.key.clear();
        self.key.extend_from_slice(bytes);
    }

    /// Where the walk to the current key ended, to resume later with
    /// [`NameCursor::resume`] without walking again.
    pub fn mark(&self) -> CursorMark {
        CursorMark {
            at: self.node.map(|n| (n.addr(), self.out.value())),
        }
    }

    /// Moves to `folded`, whose walk ended at `mark` (taken by a cursor of
    /// this gazetteer at exactly this key).
    pub fn resume(&mut self, folded: &str, mark: CursorMark) {
        let fst = self.g.names.as_fst();
        self.node = mark.at.map(|(addr, _)| fst.node(addr));
        self.out = fst::raw::Output::new(mark.at.map_or(0, |(_, out)| out));
        self.key.clear();
        self.key.extend_from_slice(folded.as_bytes());
    }

    /// [`Gazetteer::is_prefix`] of the current key.
    pub fn is_prefix(&self) -> bool {
        !self.key.is_empty()
            && self
                .node
                .is_some_and(|n| n.is_final() || n.find_input(b' ').is_some())
    }

    /// True if some key starts with the current key, even inside a word
    /// (`"people"` of `"peoples republic of china"`): what a scanner asks
    /// before reading on across an apostrophe, which folds to nothing.
    pub fn starts_some_key(&self) -> bool {
        !self.key.is_empty() && self.node.is_some()
    }

    /// True if the current key is a name with at least one place: for a key
    /// that `fold` leaves unchanged (any lowercase ASCII key), the same as
    /// `!lookup(key).is_empty()`.
    pub fn is_name(&self) -> bool {
        let Some(node) = self.node.filter(|n| n.is_final() && !self.key.is_empty()) else {
            return false;
        };
        let at = self.out.cat(node.final_output()).value();
        format::read_postings(self.g.postings, at).next().is_some()
    }
}

/// True if `folded` is a key of `fst`, or some key continues it with a
/// space. Walks the automaton byte by byte (no allocation): the prefix is a
/// key if its node is final, and continued by a word if that node has a
/// transition on b' ' (every path in a minimal fst reaches a key).
fn is_word_prefix(fst: &fst::raw::Fst<&'static [u8]>, folded: &str) -> bool {
    if folded.is_empty() {
        return false;
    }
    let mut node = fst.root();
    for &b in folded.as_bytes() {
        match node.find_input(b) {
            Some(i) => node = fst.node(node.transition(i).addr),
            None => return false,
        }
    }
    node.is_final() || node.find_input(b' ').is_some()
}

/// 2–4 ASCII capitals or digits, starting with a letter: IATA, ICAO,
/// ISO 3166 codes and short abbreviations such as "UK" or "DPRK".
fn is_code_shaped(s: &str) -> bool {
    (2..=4).contains(&s.len())
        && s.bytes().next().is_some_and(|b| b.is_ascii_uppercase())
        && s.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A first-level region sits inside its province, not where a few
    /// misfiled villages pull it (GeoNames files Xinjiang villages under
    /// Heilongjiang and Hebei; scripts/gazetteer/admin1_points.py drops
    /// them): each within 300 km of its capital.
    #[test]
    fn provinces_sit_near_their_capitals() {
        let g = Gazetteer::bundled();
        for (region, capital) in [
            ("admin1:CN.08", "geonames:2037013"), // Heilongjiang, Harbin
            ("admin1:CN.10", "geonames:1795270"), // Hebei, Shijiazhuang
            ("admin1:CN.04", "geonames:1799962"), // Jiangsu, Nanjing
        ] {
            let r = g.place(g.by_source_id(region).unwrap()).point();
            let c = g.place(g.by_source_id(capital).unwrap()).point();
            let km = crate::measure::geodesic_distance(r, c).0;
            assert!(km < 300.0, "{region} is {km:.0} km from its capital");
        }
    }

    #[test]
    fn code_shape() {
        assert!(is_code_shaped("HAN"));
        assert!(is_code_shaped("VVNB"));
        assert!(is_code_shaped("UK"));
        assert!(!is_code_shaped("Han"));
        assert!(!is_code_shaped("H"));
        assert!(!is_code_shaped("HANOI"));
        assert!(!is_code_shaped("1AB"));
    }

    #[test]
    fn codes_are_case_sensitive() {
        let g = Gazetteer::bundled();
        let han = g.by_source_id("iata:HAN");
        assert!(han.is_some());
        assert!(g.lookup("HAN").contains(&han.unwrap_or(PlaceId(0))));
        assert!(!g.lookup("han").contains(&han.unwrap_or(PlaceId(0))));
        assert!(g
            .lookup("the")
            .iter()
            .all(|&id| g.place(id).kind() != PlaceKind::Airport));
    }

    #[test]
    fn every_record_decodes() {
        let g = Gazetteer::bundled();
        for id in g.ids() {
            let p = g.place(id);
            assert!(!p.source_id().is_empty(), "{id:?}");
            assert!(p.point().is_valid(), "{}", p.source_id());
        }
    }

    #[test]
    fn every_supplement_row_is_found_by_its_name() {
        let g = Gazetteer::bundled();
        let supp: Vec<PlaceId> = g
            .ids()
            .filter(|&id| g.place(id).source_id().starts_with("supp:"))
            .collect();
        assert!(supp.len() >= 15, "{}", supp.len());
        for id in supp {
            let p = g.place(id);
            assert!(g.lookup(p.name()).contains(&id), "{}", p.source_id());
            assert!(g.country(p.country()).is_some(), "{}", p.source_id());
            assert!(p.point().is_valid() && p.point() != LatLon::new(0.0, 0.0));
        }
    }

    #[test]
    fn odd_inputs_never_panic() {
        let g = Gazetteer::bundled();
        let ctx = Context {
            country: Some("not a code".into()),
            countries: vec!["".into(), "ZZ".into()],
            near: vec![LatLon::new(f64::NAN, 0.0), LatLon::new(91.0, 200.0)],
        };
        let odd = [
            "",
            " ",
            "\0",
            "'''",
            "----",
            "\u{301}\u{301}",
            "🙂",
            "\u{202e}Hanoi",
            "A",
            "ZZZZ",
            "1234",
            "a\tb\nc",
            "Đ",
            "ß",
            "İstanbul",
        ];
        for s in odd {
            let _ = g.candidates(s, &ctx);
            let _ = g.lookup(s);
            let _ = g.is_prefix(&fold(s));
            let _ = g.demonym(s);
            let _ = g.by_source_id(s);
            let _ = g.country_name(s);
        }
        let _ = g.place(PlaceId(u32::MAX));
        let long = "x".repeat(100_000);
        assert!(g.candidates(&long, &Context::default()).is_empty());
    }

    #[test]
    fn countries_and_prefixes() {
        let g = Gazetteer::bundled();
        assert_eq!(g.country_name("KP"), Some("North Korea"));
        assert_eq!(g.country_name("XX"), None);
        assert!(g.is_prefix("sino korean friendship"));
        assert!(!g.is_prefix(""));
        assert!(!g.is_prefix("zzzz qqqq"));
        assert!(g.is_prefix("dong dang")); // a key itself, and "dong dang station"
        assert!(g.is_prefix("dong")); // "dong dang", ...
        assert!(!g.is_prefix("dong dan"));
        assert!(g.is_name("dong dang"));
        assert!(!g.is_name("dong dan"));
    }
}
