//! Where an article says its places are: "X, Y" qualifiers ("Atlanta,
//! Georgia", "Paris, Tenn.", "Washington, D.C."), the first-level regions
//! it names, and the region most of its places are in. Each gives a
//! bonus to the candidate readings it supports (see [`Regions::bonus`]).

use super::recognise::fold_fast as fold;
use super::recognise::{Found, What};
use super::resolve::{country_reading, ANCHOR_MARGIN};
use crate::gazetteer::{Candidate, Gazetteer, Place, PlaceId, PlaceKind};
use std::collections::BTreeMap;

/// A place in the region named right after it ("Paris, Tenn.", "Hanoi,
/// Vietnam") is all but certain to be there.
const CONTAINER_BONUS: f64 = 6.0;
/// The reading of a qualifier that holds the place named before it
/// ("Atlanta, Georgia" is the state): large enough to outweigh the bonus a
/// country gets for being a country, since the pair reads one way only.
const HOLDER_BONUS: f64 = 8.0;
/// A place in a first-level region the article names elsewhere.
const ADMIN1_MENTIONED_BONUS: f64 = 1.5;

/// A first-level region when the article names others of its country.
const ADMIN1_SIBLING_BONUS: f64 = 6.0;

/// A place in the article's home region (see [`home_region`]).
const HOME_BONUS: f64 = 4.0;
/// Clear places needed before a region counts as the article's home.
const HOME_MIN_PLACES: usize = 2;

/// A town and a second-level region (county, parish, district) both named
/// in the article, the town in that region: the pair reads one way
/// ("Paris" beside "Henry County" is Paris, Tennessee).
const COUNTY_BONUS: f64 = 6.0;
/// A town is taken to be in a second-level region when it is in the same
/// first-level region and this close to the region's point (the gazetteer
/// holds points, not outlines; a US county is 30–60 km across).
const COUNTY_RADIUS_KM: f64 = 40.0;

/// Below this population a place followed by a region it is not in is
/// taken for a place the gazetteer lacks ("Stroud, Ontario"); a larger one
/// more likely starts a list ("Kiev, Russia and Belarus").
const UNLISTED_MAX_POPULATION: u64 = 100_000;

/// What "X, Y" says about X.
#[derive(Clone, Debug, PartialEq)]
enum Container {
    /// X is in this (country, admin1 name or "").
    Region(String, String),
    /// Y names X itself ("Washington, D.C.").
    Same(PlaceId),
}

impl Container {
    /// Is `p` a reading of X that the qualifier allows: inside the region
    /// (a first-level region inside its country, not inside itself), or
    /// the place Y names?
    fn holds(&self, p: &Place<'_>) -> bool {
        match self {
            Container::Region(cc, a1) => {
                p.kind() != PlaceKind::Country
                    && p.country() == cc
                    && (a1.is_empty() || p.admin1_name() == a1 && p.kind() != PlaceKind::Admin1)
            }
            Container::Same(id) => p.id() == *id,
        }
    }
}

/// Where the article says its places are.
pub(super) struct Regions {
    /// Folded name → what the qualifier after it says.
    containers: BTreeMap<String, Container>,
    /// Folded qualifier name → its reading that holds the name before it.
    holders: BTreeMap<String, PlaceId>,
    /// Folded name of a small place the gazetteer does not have in the
    /// region named after it → that region.
    unlisted: BTreeMap<String, PlaceId>,
    /// (country, admin1 name) named in the article.
    admin1s: Vec<(String, String)>,
    /// The first-level region most of the article's clear places are in.
    home: Option<(String, String)>,
    /// Folded name → its reading that lies in (or, for a county, holds)
    /// a reading of another name: a town and the county it is in.
    counties: BTreeMap<String, Vec<PlaceId>>,
}

impl Regions {
    pub(super) fn of(
        g: &Gazetteer,
        text: &str,
        found: &[Found],
        first: &BTreeMap<&String, Vec<Candidate>>,
    ) -> Regions {
        let Qualifiers {
            containers,
            holders,
            unlisted,
        } = qualifiers(g, text, found, first);
        // A qualifier is the reading that holds the place before it.
        let region_of = |f: &Found| -> Option<(String, String)> {
            let held = match &f.what {
                What::Place { query } => holders.get(&fold(query)).copied(),
                _ => None,
            };
            region_key(g, held.or_else(|| first_reading(g, first, f))?)
        };
        let mut admin1s: Vec<(String, String)> = found
            .iter()
            .filter_map(region_of)
            .filter(|(_, a)| !a.is_empty())
            .collect();
        admin1s.sort();
        admin1s.dedup();
        let home = home_region(g, found, first, &containers);
        Regions {
            containers,
            holders,
            unlisted,
            admin1s,
            home,
            counties: counties(g, first),
        }
    }

    /// Does the article say where this reading of the name is: in the
    /// region named after it, or beside its county?
    pub(super) fn places(&self, g: &Gazetteer, name: &str, id: PlaceId) -> bool {
        self.in_county(name, id)
            || self
                .containers
                .get(name)
                .is_some_and(|c| c.holds(&g.place(id)))
    }

    /// Is this reading of the name a town beside its county, or the county?
    fn in_county(&self, name: &str, id: PlaceId) -> bool {
        self.counties.get(name).is_some_and(|ids| ids.contains(&id))
    }

    /// The region a small place the gazetteer lacks is said to be in.
    pub(super) fn unlisted(&self, name: &str) -> Option<PlaceId> {
        self.unlisted.get(name).copied()
    }

    pub(super) fn bonus(&self, g: &Gazetteer, name: &str, mut c: Vec<Candidate>) -> Vec<Candidate> {
        if c.len() < 2 {
            return c;
        }
        let container = self.containers.get(name);
        let holder = self.holders.get(name);
        let itself = country_reading(g, &c);
        // "Moscow": the city, its federal subject and Moscow Oblast. The
        // countries of cities that are (nearly) their own region, worked
        // out only when a region reading might take the sibling bonus.
        let regions_named =
            !self.admin1s.is_empty() && c.iter().any(|x| g.place(x.id).kind() == PlaceKind::Admin1);
        let city_state: Vec<String> = if regions_named {
            c.iter()
                .map(|x| g.place(x.id))
                .filter(|city| {
                    city.kind() == PlaceKind::City
                        && c.iter().any(|r| {
                            let region = g.place(r.id);
                            city.is_city_of_region(&region)
                        })
                })
                .map(|city| city.country().to_string())
                .collect()
        } else {
            Vec::new()
        };
        for cand in &mut c {
            if holder == Some(&cand.id) {
                cand.score += HOLDER_BONUS;
                cand.reasons.push(format!(
                    "holds the place named before it +{HOLDER_BONUS:.2}"
                ));
            }
            if self.in_county(name, cand.id) {
                cand.score += COUNTY_BONUS;
                cand.reasons.push(format!(
                    "a town and its county, both named in the article +{COUNTY_BONUS:.2}"
                ));
            }
            let p = g.place(cand.id);
            if matches!(p.kind(), PlaceKind::Country) {
                continue;
            }
            let (cc, a1) = (p.country(), p.admin1_name());
            if container.is_some_and(|c| c.holds(&p)) {
                cand.score += CONTAINER_BONUS;
                cand.reasons.push(format!(
                    "in the region named after it +{CONTAINER_BONUS:.2}"
                ));
            }
            // "Georgia" beside "Texas" and "Florida" is the state; "Moscow"
            // beside "St Petersburg" stays the city.
            let siblings = p.kind() == PlaceKind::Admin1
                && self.admin1s.iter().any(|(x, y)| x == cc && y != a1)
                && itself.as_deref() != Some(cc)
                && !city_state.iter().any(|x| x == cc);
            if siblings {
                cand.score += ADMIN1_SIBLING_BONUS;
                cand.reasons.push(format!(
                    "the article names other regions of {cc} +{ADMIN1_SIBLING_BONUS:.2}"
                ));
            }
            if let Some((hc, ha)) = &self.home {
                if hc == cc && ha == a1 {
                    cand.score += HOME_BONUS;
                    cand.reasons.push(format!(
                        "in the region most of the article's places are in +{HOME_BONUS:.2}"
                    ));
                }
            }
            if self.admin1s.iter().any(|(x, y)| x == cc && y == a1) && p.kind() != PlaceKind::Admin1
            {
                cand.score += ADMIN1_MENTIONED_BONUS;
                cand.reasons.push(format!(
                    "in a region the article names +{ADMIN1_MENTIONED_BONUS:.2}"
                ));
            }
        }
        c.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.id.cmp(&b.id)));
        c
    }
}

/// (country, admin1 name or "") of a country or first-level region.
fn region_key(g: &Gazetteer, id: PlaceId) -> Option<(String, String)> {
    let p = g.place(id);
    match p.kind() {
        PlaceKind::Country => Some((p.country().to_string(), String::new())),
        PlaceKind::Admin1 => Some((p.country().to_string(), p.admin1_name().to_string())),
        _ => None,
    }
}

/// What the article's "X, Y" qualifiers say (see [`Regions`]).
#[derive(Default)]
struct Qualifiers {
    containers: BTreeMap<String, Container>,
    holders: BTreeMap<String, PlaceId>,
    unlisted: BTreeMap<String, PlaceId>,
}

/// Reads each "X, Y" in the article: which reading of X lies in which
/// reading of Y (see [`pair`]), or, when none does and X is a small place,
/// that the gazetteer lacks it. Names inside a comma list ("Texas,
/// Georgia, Florida") are not qualified places.
fn qualifiers(
    g: &Gazetteer,
    text: &str,
    found: &[Found],
    first: &BTreeMap<&String, Vec<Candidate>>,
) -> Qualifiers {
    let mut q = Qualifiers::default();
    let between = |a: &Found, b: &Found| &text[a.span.end..b.span.start];
    for i in 0..found.len().saturating_sub(1) {
        let (x, y) = (&found[i], &found[i + 1]);
        let What::Place { query } = &x.what else {
            continue;
        };
        if between(x, y).trim_end() != "," {
            continue;
        }
        let key = fold(query);
        let Some(xs) = first.get(&key).filter(|c| !c.is_empty()) else {
            continue;
        };
        let fixed: Vec<Candidate>;
        let ys: &[Candidate] = match &y.what {
            What::Fixed { id } => {
                fixed = g
                    .by_source_id(id)
                    .map(|id| Candidate {
                        id,
                        score: 0.0,
                        reasons: Vec::new(),
                    })
                    .into_iter()
                    .collect();
                &fixed
            }
            What::Place { query } => first.get(&fold(query)).map_or(&[], |c| c.as_slice()),
            _ => continue,
        };
        let Some(y_top) = ys.first() else { continue };
        // "…, Ontario, Canada" continues a qualifier, "Russia and Belarus" a list.
        let in_list = i > 0 && list_separator(between(&found[i - 1], x))
            || found.get(i + 2).is_some_and(|z| {
                let sep = between(y, z);
                list_separator(sep) && !(sep.trim() == "," && is_country(g, first, z))
            });
        if in_list || q.containers.contains_key(&key) || q.unlisted.contains_key(&key) {
            continue;
        }
        if let Some((container, holder)) = pair(g, xs, ys) {
            q.containers.insert(key, container);
            if let What::Place { query } = &y.what {
                q.holders.entry(fold(query)).or_insert(holder);
            }
        } else if unlisted_place(g, xs, ys) {
            q.unlisted.insert(key, y_top.id);
        }
    }
    q
}

/// For each pair of names where one can read as a town and the other as a
/// second-level region holding it (see [`COUNTY_RADIUS_KM`]), the best such
/// joint reading by the sum of scores: name → the readings it supports.
fn counties(
    g: &Gazetteer,
    first: &BTreeMap<&String, Vec<Candidate>>,
) -> BTreeMap<String, Vec<PlaceId>> {
    let mut out: BTreeMap<String, Vec<PlaceId>> = BTreeMap::new();
    for (ykey, ys) in first {
        // Only a name written as the region's own ("Henry County", not
        // "Medina" for Medina County).
        let regions: Vec<&Candidate> = ys
            .iter()
            .filter(|y| {
                let p = g.place(y.id);
                p.kind() == PlaceKind::Admin2 && fold(p.name()) == **ykey
            })
            .collect();
        if regions.is_empty() {
            continue;
        }
        for (xkey, xs) in first {
            if xkey == ykey {
                continue;
            }
            let mut best: Option<(f64, PlaceId, PlaceId)> = None;
            for y in &regions {
                let py = g.place(y.id);
                for x in xs
                    .iter()
                    .filter(|x| g.place(x.id).kind() == PlaceKind::City)
                {
                    let px = g.place(x.id);
                    let inside = px.country() == py.country()
                        && px.admin1_name() == py.admin1_name()
                        && crate::measure::spherical_distance_km(px.point(), py.point())
                            <= COUNTY_RADIUS_KM;
                    let score = x.score + y.score;
                    if inside && best.as_ref().is_none_or(|(s, _, _)| score > *s) {
                        best = Some((score, x.id, y.id));
                    }
                }
            }
            if let Some((_, x, y)) = best {
                out.entry((*xkey).clone()).or_default().push(x);
                out.entry((*ykey).clone()).or_default().push(y);
            }
        }
    }
    out
}

/// Does the text between two names join them into a list?
fn list_separator(between: &str) -> bool {
    matches!(
        between.trim(),
        "," | "and" | "or" | "&" | ", and" | ", or" | "and the"
    )
}

/// A found name's first-pass reading (an abbreviation's fixed place).
fn first_reading(
    g: &Gazetteer,
    first: &BTreeMap<&String, Vec<Candidate>>,
    f: &Found,
) -> Option<PlaceId> {
    match &f.what {
        What::Place { query } => first.get(&fold(query))?.first().map(|c| c.id),
        What::Fixed { id } => g.by_source_id(id),
        _ => None,
    }
}

/// Is the name's first reading a country ("…, Ontario, Canada")?
fn is_country(g: &Gazetteer, first: &BTreeMap<&String, Vec<Candidate>>, f: &Found) -> bool {
    first_reading(g, first, f).is_some_and(|id| g.place(id).kind() == PlaceKind::Country)
}

/// The best joint reading of "X, Y": a reading x of X inside a reading y
/// of Y (or y naming x itself), by the sum of their scores. Y's other
/// readings are tried only when its first one is a region too ("Georgia"
/// the country or the state), so a city ("New York") stays a city.
/// "Texas, Georgia" — a first-level region followed by another region of
/// its country — is a list, not a pair.
fn pair(g: &Gazetteer, xs: &[Candidate], ys: &[Candidate]) -> Option<(Container, PlaceId)> {
    let x_top = g.place(xs.first()?.id);
    let y_region = region_key(g, ys.first()?.id).is_some();
    let tried = if y_region { ys.len() } else { 1 };
    let mut best: Option<(f64, Container, PlaceId)> = None;
    for y in &ys[..tried] {
        let py = g.place(y.id);
        if x_top.kind() == PlaceKind::Admin1
            && py.kind() == PlaceKind::Admin1
            && py.country() == x_top.country()
        {
            continue;
        }
        let container = match region_key(g, y.id) {
            Some((cc, a1)) => Container::Region(cc, a1),
            None => Container::Same(y.id),
        };
        for x in xs.iter().filter(|x| container.holds(&g.place(x.id))) {
            let score = x.score + y.score;
            if best.as_ref().is_none_or(|(s, ..)| score > *s) {
                best = Some((score, container.clone(), y.id));
            }
        }
    }
    best.map(|(_, c, y)| (c, y))
}

/// "Stroud, Ontario" with no Stroud in Ontario: Y is clearly a region and
/// every reading of X is a small place elsewhere, so X is a place the
/// gazetteer lacks.
fn unlisted_place(g: &Gazetteer, xs: &[Candidate], ys: &[Candidate]) -> bool {
    let Some(y) = ys.first() else { return false };
    let y_clear = ys.get(1).is_none_or(|r| y.score - r.score >= ANCHOR_MARGIN);
    let x = g.place(xs[0].id);
    y_clear
        && region_key(g, y.id).is_some()
        && matches!(x.kind(), PlaceKind::City)
        && x.population() < UNLISTED_MAX_POPULATION
}

/// The first-level region (country, admin1 name) that holds more than half
/// of the article's clearly resolved places (first choices ahead of their
/// runner-up by `ANCHOR_MARGIN`, any kind below country, state
/// abbreviations, and names followed by their region), if at least
/// `HOME_MIN_PLACES` of them: a local paper's
/// story about "Palestine" and Anderson County is in Texas.
fn home_region(
    g: &Gazetteer,
    found: &[Found],
    first: &BTreeMap<&String, Vec<Candidate>>,
    containers: &BTreeMap<String, Container>,
) -> Option<(String, String)> {
    let mut ids: Vec<PlaceId> = first
        .values()
        .filter_map(|c| {
            let top = c.first()?;
            let margin = c.get(1).map_or(f64::INFINITY, |r| top.score - r.score);
            (margin >= ANCHOR_MARGIN).then_some(top.id)
        })
        .collect();
    ids.extend(found.iter().filter_map(|f| match &f.what {
        What::Fixed { id } => g.by_source_id(id),
        _ => None,
    }));
    ids.sort();
    ids.dedup();
    let mut counts: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut total = 0;
    // "Fairfield, Texas": the name is in the region named after it.
    for c in containers.values() {
        if let Container::Region(cc, a1) = c {
            if !a1.is_empty() {
                total += 1;
                *counts.entry((cc.clone(), a1.clone())).or_default() += 1;
            }
        }
    }
    for id in ids {
        let p = g.place(id);
        if p.kind() == PlaceKind::Country || p.admin1_name().is_empty() {
            continue;
        }
        total += 1;
        *counts
            .entry((p.country().to_string(), p.admin1_name().to_string()))
            .or_default() += 1;
    }
    let ((cc, a1), n) = counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))?;
    (n >= HOME_MIN_PLACES && 2 * n > total).then_some((cc, a1))
}

#[cfg(test)]
mod tests {
    use crate::geoparse::test_support::{places, resolved};

    /// The place id `name` resolves to in `t`.
    fn id_of(t: &str, name: &str) -> String {
        resolved(t)
            .into_iter()
            .find(|(n, _)| n == name)
            .map(|(_, id)| id)
            .unwrap_or_default()
    }

    #[test]
    fn a_qualifier_is_read_with_the_place_before_it() {
        // "Georgia" alone reads as the country; after Atlanta, the state.
        let t = "He died in Atlanta, Georgia.";
        assert_eq!(id_of(t, "Atlanta"), "geonames:4180439");
        assert_eq!(id_of(t, "Georgia"), "admin1:US.GA");
        // Jordan the country by default; Jordan, Minnesota is the town.
        assert_eq!(id_of("Talks in Jordan ended.", "Jordan"), "country:JO");
        let jordan = id_of("A fire in Jordan, Minnesota, destroyed a barn.", "Jordan");
        assert!(jordan.starts_with("geonames:"), "{jordan}");
    }

    #[test]
    fn a_qualifier_can_name_the_place_itself() {
        let t = "A patient was admitted to a hospital in Washington, D.C. on Monday.";
        assert_eq!(id_of(t, "Washington"), "geonames:4140963");
    }

    #[test]
    fn a_list_of_regions_is_no_qualifier() {
        let t = "Cases were reported in Texas, Georgia and Florida.";
        assert_eq!(id_of(t, "Texas"), "admin1:US.TX");
        assert_eq!(id_of(t, "Georgia"), "admin1:US.GA");
    }

    #[test]
    fn a_small_place_missing_from_its_region_is_placed_at_the_region() {
        let t = "He was stopped on Highway 11 in Stroud, Ontario, Canada.";
        let stroud = places(t).into_iter().find(|m| m.text == "Stroud").unwrap();
        assert_eq!(stroud.place.as_ref().unwrap().id, "admin1:CA.08");
        assert!(stroud.confidence < 0.5, "{}", stroud.confidence);
        assert!(
            stroud.reason.contains("no Stroud in Ontario"),
            "{}",
            stroud.reason
        );
        // A large place before a region it is not in keeps its own reading.
        let t = "Envoys from Beijing, Russia and India met.";
        assert_eq!(id_of(t, "Beijing"), "geonames:1816670");
    }

    #[test]
    fn a_town_beside_its_county_is_that_town() {
        let t = "Henry County deputies arrested a man in Paris on Monday.";
        let paris = id_of(t, "Paris");
        assert_eq!(paris, "geonames:4647963", "Paris, Tennessee");
        assert_eq!(id_of(t, "Henry County"), "admin2:US.TN.079");
        // Without the county, Paris is Paris.
        assert_eq!(
            id_of("Deputies arrested a man in Paris.", "Paris"),
            "geonames:2988507"
        );
        // A name that is not written as the county's does not pair.
        let t = "Pilgrims travelled from Mecca to Medina.";
        assert_eq!(id_of(t, "Mecca"), "geonames:104515");
    }

    #[test]
    fn a_city_that_is_its_own_region_stays_the_city() {
        // St Petersburg and Moscow are both cities and federal subjects.
        let t = "MOSCOW (Reuters) - He flew to Moscow, then took the train to St Petersburg.";
        assert_eq!(id_of(t, "Moscow"), "geonames:524901");
        assert_eq!(id_of(t, "St Petersburg"), "geonames:498817");
        // A region whose namesake city is a small part of it still reads
        // as the region beside its siblings.
        let t = "Storms hit Texas, Georgia and Florida.";
        assert_eq!(id_of(t, "Georgia"), "admin1:US.GA");
        // The seat a region is named after, with a quarter of its people, is
        // the city beside another region; Quebec City (a fifteenth of
        // Quebec) is not.
        let t = "The train passed Khabarovsk on its way to the Amur region.";
        assert_eq!(id_of(t, "Khabarovsk"), "geonames:2022890");
        let t = "Flooding hit Ontario and Quebec.";
        assert_eq!(id_of(t, "Quebec"), "admin1:CA.10");
    }
}
