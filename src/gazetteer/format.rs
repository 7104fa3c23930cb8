//! The compiled gazetteer's binary layout: place records, the string pool
//! and the postings that the name index points into. Shared by `build.rs`
//! (which writes it, via `#[path]`) and the runtime (which reads it in
//! place), so the two cannot drift apart. Depends only on `std`.
//!
//! All integers are little-endian; nothing needs alignment, so the bytes can
//! be used straight from `include_bytes!`.

/// Bytes per place record.
pub const RECORD_LEN: usize = 36;

/// Offset of the country code within a record.
pub const COUNTRY_AT: usize = 24;

/// What sort of place a record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PlaceKind {
    Country = 0,
    Admin1 = 1,
    Admin2 = 2,
    City = 3,
    Airport = 4,
    Station = 5,
    Border = 6,
    Bridge = 7,
    Landmark = 8,
}

impl PlaceKind {
    pub const ALL: [PlaceKind; 9] = [
        PlaceKind::Country,
        PlaceKind::Admin1,
        PlaceKind::Admin2,
        PlaceKind::City,
        PlaceKind::Airport,
        PlaceKind::Station,
        PlaceKind::Border,
        PlaceKind::Bridge,
        PlaceKind::Landmark,
    ];

    pub fn from_u8(b: u8) -> PlaceKind {
        PlaceKind::ALL
            .get(usize::from(b))
            .copied()
            .unwrap_or(PlaceKind::Landmark)
    }

    /// Lowercase name, as used in the supplement's `kind` column and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::Admin1 => "admin1",
            PlaceKind::Admin2 => "admin2",
            PlaceKind::City => "city",
            PlaceKind::Airport => "airport",
            PlaceKind::Station => "station",
            PlaceKind::Border => "border",
            PlaceKind::Bridge => "bridge",
            PlaceKind::Landmark => "landmark",
        }
    }

    pub fn parse(s: &str) -> Option<PlaceKind> {
        PlaceKind::ALL.iter().copied().find(|k| k.as_str() == s)
    }
}

/// How a name-index key relates to the place it points at (low 2 bits of a
/// posting).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MatchKind {
    /// The place's main name.
    Name = 0,
    /// One of its alternate names (other scripts, spellings, aliases).
    Alternate = 1,
    /// Derived by journeymap: the name without an administrative prefix or
    /// suffix ("Thị Trấn Đồng Đăng" → "Đồng Đăng", "Nanning Shi" → "Nanning").
    Derived = 2,
    /// An exact, case-sensitive code: IATA, ICAO, ISO 3166.
    Code = 3,
}

impl MatchKind {
    pub fn from_bits(b: u32) -> MatchKind {
        match b & 3 {
            0 => MatchKind::Name,
            1 => MatchKind::Alternate,
            2 => MatchKind::Derived,
            _ => MatchKind::Code,
        }
    }
}

/// A posting: a place id with the way the key matched it.
#[allow(dead_code)] // the writer side, used by build.rs
pub fn encode_posting(place: u32, kind: MatchKind) -> u32 {
    (place << 2) | kind as u32
}

pub fn decode_posting(p: u32) -> (u32, MatchKind) {
    (p >> 2, MatchKind::from_bits(p))
}

/// One place record, decoded.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RawRecord {
    /// Latitude in units of 1e-7 degree.
    pub lat_e7: i32,
    /// Longitude in units of 1e-7 degree.
    pub lon_e7: i32,
    /// 0 when unknown.
    pub population: u32,
    /// String-pool offsets.
    pub name: u32,
    pub source_id: u32,
    pub admin1: u32,
    /// ISO 3166-1 alpha-2, ASCII.
    pub country: [u8; 2],
    /// GeoNames feature code, ASCII, zero-padded.
    pub feature_code: [u8; 5],
    /// GeoNames feature class letter (P, A, S, ...).
    pub feature_class: u8,
    pub kind: PlaceKind,
    /// Ranking size: round(10 × log10(size + 1)) where size is the
    /// population, or for admin regions the summed population of their
    /// cities500 places (GeoNames gives regions none). Used only to rank.
    pub size: u8,
}

/// The `size` byte for a population-like count.
#[allow(dead_code)] // the writer side, used by build.rs
pub fn size_class(n: u64) -> u8 {
    (10.0 * ((n as f64) + 1.0).log10())
        .round()
        .clamp(0.0, 255.0) as u8
}

impl RawRecord {
    #[allow(dead_code)] // the writer side, used by build.rs
    pub fn encode(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.lat_e7.to_le_bytes());
        out.extend_from_slice(&self.lon_e7.to_le_bytes());
        out.extend_from_slice(&self.population.to_le_bytes());
        out.extend_from_slice(&self.name.to_le_bytes());
        out.extend_from_slice(&self.source_id.to_le_bytes());
        out.extend_from_slice(&self.admin1.to_le_bytes());
        out.extend_from_slice(&self.country);
        out.extend_from_slice(&self.feature_code);
        out.push(self.feature_class);
        out.push(self.kind as u8);
        out.push(self.size);
        out.extend_from_slice(&[0, 0]);
    }

    /// Decodes the record at the start of `b` (which must hold `RECORD_LEN` bytes).
    pub fn decode(b: &[u8]) -> RawRecord {
        let u = |i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
        RawRecord {
            lat_e7: u(0) as i32,
            lon_e7: u(4) as i32,
            population: u(8),
            name: u(12),
            source_id: u(16),
            admin1: u(20),
            country: [b[24], b[25]],
            feature_code: [b[26], b[27], b[28], b[29], b[30]],
            feature_class: b[31],
            kind: PlaceKind::from_u8(b[32]),
            size: b[33],
        }
    }
}

/// Reads the string at `offset` in a pool of `u16` length + UTF-8 bytes.
/// Returns "" for an offset or length outside the pool (never panics).
pub fn read_str(pool: &[u8], offset: u32) -> &str {
    let at = offset as usize;
    let Some(len) = pool.get(at..at + 2) else {
        return "";
    };
    let len = usize::from(u16::from_le_bytes([len[0], len[1]]));
    pool.get(at + 2..at + 2 + len)
        .and_then(|b| std::str::from_utf8(b).ok())
        .unwrap_or("")
}

/// Reads the postings list that starts at `index` (a `u32` count, then that
/// many postings). Out-of-range parts are cut off, never a panic.
pub fn read_postings(postings: &[u8], index: u64) -> impl Iterator<Item = u32> + '_ {
    let word = move |i: usize| -> Option<u32> {
        let b = postings.get(i * 4..i * 4 + 4)?;
        Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    };
    let start = index as usize;
    let n = word(start).unwrap_or(0) as usize;
    (0..n).map_while(move |k| word(start + 1 + k))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_roundtrip() {
        let r = RawRecord {
            lat_e7: -219_512_345,
            lon_e7: 1_066_976_700,
            population: 8922,
            name: 7,
            source_id: 99,
            admin1: 0,
            country: *b"VN",
            feature_code: *b"PPLA2",
            feature_class: b'P',
            kind: PlaceKind::Station,
            size: size_class(8922),
        };
        let mut b = Vec::new();
        r.encode(&mut b);
        assert_eq!(b.len(), RECORD_LEN);
        assert_eq!(RawRecord::decode(&b), r);
        assert_eq!(&b[COUNTRY_AT..COUNTRY_AT + 2], b"VN");
        assert_eq!(size_class(0), 0);
        assert_eq!(size_class(999_999), 60);
    }

    #[test]
    fn postings_and_strings_never_panic() {
        let p = encode_posting(12345, MatchKind::Derived);
        assert_eq!(decode_posting(p), (12345, MatchKind::Derived));
        let words: Vec<u8> = [2u32, 5, 6].iter().flat_map(|w| w.to_le_bytes()).collect();
        assert_eq!(read_postings(&words, 0).collect::<Vec<_>>(), vec![5, 6]);
        assert_eq!(read_postings(&words[..8], 0).count(), 1);
        assert_eq!(read_postings(&words, 99).count(), 0);
        let pool = [3u8, 0, b'a', b'b', b'c'];
        assert_eq!(read_str(&pool, 0), "abc");
        assert_eq!(read_str(&pool, 3), "");
        assert_eq!(read_str(&[9, 0, b'a'], 0), "");
    }
}
