//! Ranking the places a name can mean, by evidence: what sort of place it
//! is, how many people live there, how the name matched, and the context
//! (a country given or mentioned, points the place should be near).
//!
//! The score is a sum of parts, each recorded as a reason:
//!
//! | part | value |
//! |---|---|
//! | size | log10 of the population (one point per tenfold); for admin regions of their places' summed population; 0 for airports, stations, buildings |
//! | kind | country 6; admin1 0.5; admin2 −0.5; capital (PPLC) 2; admin seats PPLA 1, PPLA2 0.6, PPLA3 0.3, PPLA4 0.1; PPL 0; section of a place (PPLX) −0.5; historical/abandoned −2; airport 2 for airport-shaped queries, −3 otherwise; station, border post, bridge, landmark 2 |
//! | match | main name +1; alternate 0 (−5 for an all-capitals query, which asks for a code); derived (prefix/suffix dropped) −0.3; exact code (IATA, ICAO, ISO) +5 |
//! | context country | +4 if the place is in `Context::country`; +2 if in one of `Context::countries` |
//! | proximity | 5 × exp(−d / 300 km) for the nearest `Context::near` point (geodesic d) |
//! | seat | +0.05 for a city that is (nearly) all of a region of the same name among the candidates (`Place::is_city_of_region`): it settles a tie such as Khabarovsk city vs Khabarovsk Krai |
//!
//! Size dominates the feature code because GeoNames' admin levels differ
//! by country (Frankfurt am Main is a PPLA3, Frankfort, Kentucky a PPLA).
//! Proximity is deliberately strong: a town 180 km from the other places in
//! an article beats a namesake eight times its size 900 km away.

use super::format::{MatchKind, PlaceKind};
use super::{Gazetteer, Hit, Place, PlaceId};
use crate::measure::{geodesic_distance, LatLon};

/// What is known around a name: steers [`Gazetteer::candidates`].
///
/// ```
/// use journeymap::gazetteer::{Context, Gazetteer};
/// let g = Gazetteer::bundled();
/// // "Paris" alone is the French capital; an article about Texas says otherwise.
/// let paris = |ctx: &Context| g.place(g.candidates("Paris", ctx)[0].id).country().to_string();
/// assert_eq!(paris(&Context::default()), "FR");
/// let texas = Context { countries: vec!["US".into()], near: vec![journeymap::measure::LatLon::new(33.0, -95.6)], ..Context::default() };
/// assert_eq!(paris(&texas), "US");
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Context {
    /// ISO2 country the place is said to be in (`--country`).
    pub country: Option<String>,
    /// ISO2 countries mentioned in the same article.
    pub countries: Vec<String>,
    /// Points the place is likely near: `--near`, places already resolved.
    pub near: Vec<LatLon>,
}

impl Context {
    /// A context with one point to be near.
    pub fn near(p: LatLon) -> Context {
        Context {
            near: vec![p],
            ..Context::default()
        }
    }

    /// A context with a given country.
    pub fn in_country(iso2: &str) -> Context {
        Context {
            country: Some(iso2.to_ascii_uppercase()),
            ..Context::default()
        }
    }
}

/// One ranked candidate.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub id: PlaceId,
    pub score: f64,
    /// Each part of the score, e.g. `"capital (PPLC) +3.00"`.
    pub reasons: Vec<String>,
}

/// No real place name is this long; longer input is not looked up.
const MAX_NAME_BYTES: usize = 1024;

/// Length scale of the proximity bonus.
const NEAR_SCALE_KM: f64 = 300.0;

/// Weight of the proximity bonus at distance 0.
const NEAR_WEIGHT: f64 = 5.0;

pub(super) fn rank(g: &Gazetteer, name: &str, ctx: &Context) -> Vec<Candidate> {
    if name.len() > MAX_NAME_BYTES {
        return Vec::new();
    }
    let shape = QueryShape::of(name);
    let mut out: Vec<Candidate> = g
        .hits(name)
        .into_iter()
        .map(|h| score(g.place(h.id), h, shape, ctx))
        .collect();
    // A place can match several ways (name and code): keep its best score.
    out.sort_by(|a, b| a.id.cmp(&b.id).then(b.score.total_cmp(&a.score)));
    out.dedup_by_key(|c| c.id);
    seat_over_region(g, &mut out);
    out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.id.cmp(&b.id)));
    out
}

/// "Khabarovsk": the city and the region named after it, scored alike. The
/// city that is (nearly) all of the region is what the bare name means: a
/// nudge that settles a tie (the geoparser weighs the article's context).
fn seat_over_region(g: &Gazetteer, out: &mut [Candidate]) {
    let regions: Vec<PlaceId> = out
        .iter()
        .map(|c| c.id)
        .filter(|&id| g.place(id).kind() == PlaceKind::Admin1)
        .collect();
    if regions.is_empty() {
        return;
    }
    for c in out.iter_mut() {
        let city = g.place(c.id);
        if regions.iter().any(|&r| city.is_city_of_region(&g.place(r))) {
            c.score += SEAT_BONUS;
            c.reasons.push(format!(
                "the city its region is named after +{SEAT_BONUS:.2}"
            ));
        }
    }
}

/// Enough to break a tie with the region, not to beat another place.
const SEAT_BONUS: f64 = 0.05;

#[derive(Debug, Clone, Copy)]
struct QueryShape {
    airport: bool,
    /// All capitals, 2–4 characters: probably a code ("HAN", "UK").
    code: bool,
}

impl QueryShape {
    fn of(name: &str) -> QueryShape {
        let folded = super::fold(name);
        let airport = folded
            .split(' ')
            .any(|w| matches!(w, "airport" | "airfield" | "aerodrome" | "airbase"))
            || super::is_code_shaped(name.trim());
        let code = super::is_code_shaped(name.trim());
        QueryShape { airport, code }
    }
}

fn score(p: Place<'_>, hit: Hit, shape: QueryShape, ctx: &Context) -> Candidate {
    let mut parts: Vec<(String, f64)> = Vec::new();
    parts.push(kind_weight(&p, shape));
    let size = p.size_decades();
    if size > 0.0 {
        let what = match p.kind() {
            PlaceKind::Admin1 | PlaceKind::Admin2 => "size of its places",
            _ => "population",
        };
        parts.push((format!("{what} 10^{size:.1}"), size));
    }
    parts.push(match (hit.how, shape.code) {
        (MatchKind::Name, _) => ("main name".into(), 1.0),
        (MatchKind::Alternate, false) => ("alternate name".into(), 0.0),
        (MatchKind::Alternate, true) => ("code-like query, alternate name".into(), -5.0),
        (MatchKind::Derived, _) => (
            "short form of its name (no admin prefix/suffix; South for Southern)".into(),
            -0.3,
        ),
        (MatchKind::Code, _) => ("exact code".into(), 5.0),
    });
    if ctx
        .country
        .as_deref()
        .is_some_and(|c| c.eq_ignore_ascii_case(p.country()))
    {
        parts.push((format!("in the given country {}", p.country()), 4.0));
    } else if ctx
        .countries
        .iter()
        .any(|c| c.eq_ignore_ascii_case(p.country()))
    {
        parts.push((format!("in a mentioned country {}", p.country()), 2.0));
    }
    let nearest = ctx
        .near
        .iter()
        .filter(|q| q.is_valid())
        .map(|&q| geodesic_distance(q, p.point()).0)
        .min_by(f64::total_cmp);
    if let Some(d) = nearest {
        parts.push((
            format!("{d:.0} km from a context point"),
            NEAR_WEIGHT * (-d / NEAR_SCALE_KM).exp(),
        ));
    }
    let score = parts.iter().map(|(_, v)| v).sum();
    Candidate {
        id: p.id(),
        score,
        reasons: parts
            .into_iter()
            .map(|(r, v)| format!("{r} {v:+.2}"))
            .collect(),
    }
}

fn kind_weight(p: &Place<'_>, shape: QueryShape) -> (String, f64) {
    let code = p.feature_code();
    let w = match p.kind() {
        PlaceKind::Country => 6.0,
        PlaceKind::Admin1 => 0.5,
        PlaceKind::Admin2 => -0.5,
        PlaceKind::Airport if shape.airport => 2.0,
        PlaceKind::Airport => -3.0,
        PlaceKind::Station | PlaceKind::Border | PlaceKind::Bridge | PlaceKind::Landmark => 2.0,
        PlaceKind::City => match code {
            "PPLC" => 2.0,
            "PPLA" | "PPLG" => 1.0,
            "PPLA2" => 0.6,
            "PPLA3" => 0.3,
            "PPLA4" => 0.1,
            "PPLX" => -0.5,
            "PPLH" | "PPLQ" | "PPLW" => -2.0,
            _ => 0.0,
        },
    };
    (format!("{} ({code})", p.kind().as_str()), w)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn top(name: &str, ctx: &Context) -> String {
        let g = Gazetteer::bundled();
        let c = g.candidates(name, ctx);
        c.first()
            .map(|c| g.place(c.id).source_id().to_string())
            .unwrap_or_default()
    }

    #[test]
    fn capital_beats_namesakes() {
        assert_eq!(top("Hanoi", &Context::default()), "geonames:1581130");
        assert_eq!(top("Pyongyang", &Context::default()), "geonames:1871859");
    }

    #[test]
    fn country_names_find_countries() {
        assert_eq!(top("Qatar", &Context::default()), "country:QA");
        assert_eq!(top("North Korea", &Context::default()), "country:KP");
        assert_eq!(top("UK", &Context::default()), "country:GB");
    }

    #[test]
    fn proximity_and_country_steer() {
        assert_eq!(top("Pingxiang", &Context::default()), "geonames:1798654");
        let near = top("Pingxiang", &Context::near(LatLon::new(22.817, 108.317)));
        assert_ne!(near, "geonames:1798654");
        // A given country outweighs a bigger namesake elsewhere.
        let g = Gazetteer::bundled();
        let c = g.candidates("Paris", &Context::in_country("US"));
        assert_eq!(g.place(c[0].id).country(), "US");
    }

    #[test]
    fn size_outweighs_admin_level() {
        // Frankfurt am Main (PPLA3, 650k) over Frankfort, Kentucky (PPLA).
        assert_eq!(top("Frankfurt", &Context::default()), "geonames:2925533");
        // A region over a city that merely lists its name as an alias.
        assert_eq!(top("Alaska", &Context::default()), "admin1:US.AK");
        // But a city over the region named after it.
        assert_eq!(top("Tianjin", &Context::default()), "geonames:1792947");
        assert_eq!(top("Lang Son", &Context::default()), "geonames:1576633");
        // Khabarovsk city and Khabarovsk Krai score alike: the city.
        assert_eq!(top("Khabarovsk", &Context::default()), "geonames:2022890");
    }

    #[test]
    fn airports_only_for_airport_queries() {
        let g = Gazetteer::bundled();
        let c = g.candidates("HAN", &Context::default());
        assert_eq!(g.place(c[0].id).source_id(), "iata:HAN");
        assert!(c[0].reasons.iter().any(|r| r.starts_with("exact code")));
    }

    #[test]
    fn reasons_add_up_and_order_is_stable() {
        let g = Gazetteer::bundled();
        let a = g.candidates("Springfield", &Context::default());
        let b = g.candidates("Springfield", &Context::default());
        assert_eq!(a, b);
        assert!(a.windows(2).all(|w| w[0].score >= w[1].score));
        assert!(g
            .candidates(&"x".repeat(5000), &Context::default())
            .is_empty());
        assert!(g.candidates("", &Context::default()).is_empty());
    }
}
