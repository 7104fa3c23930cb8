//! A view of one place record.

use super::format::{read_str, PlaceKind, RawRecord};
use crate::geoparse::ResolvedPlace;
use crate::measure::LatLon;

/// Index of a place in the gazetteer. Stable for a given build of the data;
/// use [`Place::source_id`] for anything stored or shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PlaceId(pub u32);

/// A place, read in place from the compiled gazetteer.
///
/// ```
/// use journeymap::gazetteer::{Gazetteer, PlaceKind};
/// let g = Gazetteer::bundled();
/// let p = g.place(g.by_source_id("geonames:1581130").unwrap());
/// assert_eq!(p.name(), "Hanoi");
/// assert_eq!(p.country(), "VN");
/// assert_eq!(p.feature_class(), 'P');
/// assert_eq!(p.feature_code(), "PPLC");
/// assert_eq!(p.kind(), PlaceKind::City);
/// assert!((p.point().lat - 21.0245).abs() < 0.01);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Place<'a> {
    id: PlaceId,
    rec: RawRecord,
    strings: &'a [u8],
}

impl<'a> Place<'a> {
    pub(crate) fn new(id: PlaceId, rec: RawRecord, strings: &'a [u8]) -> Place<'a> {
        Place { id, rec, strings }
    }

    pub fn id(&self) -> PlaceId {
        self.id
    }

    /// Where the record comes from: `geonames:1871859`, `iata:HAN` (or
    /// `icao:VVNB` for airports without an IATA code), `country:KP`,
    /// `admin1:CN.16`, `admin2:CN.16.4501`, `supp:nanning-station`.
    pub fn source_id(&self) -> &'a str {
        read_str(self.strings, self.rec.source_id)
    }

    /// The main name, as the source spells it (with diacritics).
    pub fn name(&self) -> &'a str {
        read_str(self.strings, self.rec.name)
    }

    /// The name without an administrative prefix that GeoNames keeps in
    /// some Vietnamese names ("Thị Trấn Đồng Đăng" → "Đồng Đăng"): the form
    /// for labels and reports.
    ///
    /// ```
    /// let g = journeymap::gazetteer::Gazetteer::bundled();
    /// let p = g.place(g.by_source_id("geonames:1582998").unwrap());
    /// assert_eq!(p.name(), "Thị Trấn Đồng Đăng");
    /// assert_eq!(p.short_name(), "Đồng Đăng");
    /// ```
    pub fn short_name(&self) -> &'a str {
        const PREFIXES: [&str; 8] = [
            "Thị Trấn ",
            "Thành Phố ",
            "Thị Xã ",
            "Xã ",
            "Phường ",
            "Huyện ",
            "Tỉnh ",
            "Quận ",
        ];
        let name = self.name();
        if self.country() == "VN" {
            for p in PREFIXES {
                if let Some(rest) = name.strip_prefix(p) {
                    if !rest.is_empty() {
                        return rest;
                    }
                }
            }
        }
        name
    }

    /// ISO 3166-1 alpha-2 country code ("" if unknown).
    pub fn country(&self) -> &str {
        let c = &self.rec.country;
        std::str::from_utf8(c).unwrap_or("").trim_end_matches('\0')
    }

    /// Name of the first-level administrative region ("Guangxi", "Lạng Sơn
    /// Province"), or "" if unknown.
    pub fn admin1_name(&self) -> &'a str {
        read_str(self.strings, self.rec.admin1)
    }

    /// GeoNames feature class: `P` populated place, `A` country/region,
    /// `S` spot (airport, station, building, border post, bridge).
    pub fn feature_class(&self) -> char {
        char::from(self.rec.feature_class)
    }

    /// GeoNames feature code: `PPLC`, `PPLA`..`PPLA4`, `PPL`, `PCLI`,
    /// `ADM1`, `ADM2`, `AIRP`, `RSTN`, `BCP`, `BDG`, `HTL`, `BLDG`, ...
    pub fn feature_code(&self) -> &str {
        let c = &self.rec.feature_code;
        let end = c.iter().position(|&b| b == 0).unwrap_or(c.len());
        std::str::from_utf8(&c[..end]).unwrap_or("")
    }

    /// Population (0 when unknown, as for regions, airports and buildings).
    pub fn population(&self) -> u64 {
        u64::from(self.rec.population)
    }

    /// WGS84 position (for regions: their seat or largest city; for
    /// countries: a representative interior point).
    pub fn point(&self) -> LatLon {
        LatLon::new(
            f64::from(self.rec.lat_e7) / 1e7,
            f64::from(self.rec.lon_e7) / 1e7,
        )
    }

    pub fn kind(&self) -> PlaceKind {
        self.rec.kind
    }

    /// Ranking size in decades: log10 of the population, or for admin
    /// regions of their places' summed population (0 for airports,
    /// stations, buildings).
    pub fn size_decades(&self) -> f64 {
        f64::from(self.rec.size) / 10.0
    }

    /// Is this city (nearly) all of first-level region `region`: in it,
    /// holding at least half its people, or the seat the region is named
    /// after holding at least a quarter (Moscow, Vienna; Khabarovsk, São
    /// Paulo; not Quebec City)? A name with both readings means the city.
    pub fn is_city_of_region(&self, region: &Place<'_>) -> bool {
        const HALF_IN_DECADES: f64 = 0.301;
        const QUARTER_IN_DECADES: f64 = 0.602;
        let decades = (self.population() as f64).log10();
        self.kind() == PlaceKind::City
            && region.kind() == PlaceKind::Admin1
            && self.country() == region.country()
            && self.admin1_name() == region.admin1_name()
            && self.population() > 0
            && (decades >= region.size_decades() - HALF_IN_DECADES
                || self.feature_code() == "PPLA"
                    && decades >= region.size_decades() - QUARTER_IN_DECADES)
    }

    /// The place as the geoparser's contract type.
    pub fn to_resolved(&self) -> ResolvedPlace {
        let p = self.point();
        ResolvedPlace {
            id: self.source_id().to_string(),
            name: self.name().to_string(),
            country: self.country().to_string(),
            feature_code: self.feature_code().to_string(),
            population: self.population(),
            lat: p.lat,
            lon: p.lon,
        }
    }
}
