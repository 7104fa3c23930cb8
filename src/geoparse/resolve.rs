//! Resolution: choosing the gazetteer place each recognised name means, by
//! evidence. Each distinct name in a document is resolved once (one sense
//! per discourse), in two passes: first with the countries the document
//! mentions; then names whose first choice was clear become `near` anchors
//! for a second pass, so an article's places form a coherent geography.

use super::recognise::fold_fast as fold;
use super::recognise::{Found, What};
use super::regions::Regions;
use super::{Mention, MentionKind, RunnerUp};
use crate::gazetteer::{Candidate, Context, Gazetteer, PlaceKind};
use crate::measure::LatLon;
use std::collections::BTreeMap;

/// Runner-up candidates kept per mention.
const RUNNERS_UP: usize = 3;
/// Score margin over the runner-up that makes a first-pass choice an anchor.
pub(super) const ANCHOR_MARGIN: f64 = 1.5;
/// Anchors used as `near` context (the clearest ones): more add little
/// but cost a geodesic per candidate each.
const MAX_ANCHORS: usize = 12;
/// A sentence-initial single word is a place only with this much evidence.
const WEAK_MIN_SCORE: f64 = 5.0;
/// Below this population a one-word town needs support from the context.
const MINOR_POPULATION: u64 = 100_000;
/// Confidence of a place the gazetteer lacks, placed at the region the
/// text puts it in: right region, unknown point.
const UNLISTED_CONFIDENCE: f64 = 0.3;
/// "Far from everything else": farther than this from every anchor.
const ISOLATED_KM: f64 = 2000.0;

/// What the document says about where it is.
struct DocContext {
    /// Countries of the anchors (clearly resolved towns and cities).
    anchor_countries: Vec<String>,
    anchors: Vec<LatLon>,
    /// `isolated` answers by place (a name recurs within an article).
    isolated: std::cell::RefCell<super::lists::FastMap<u32, bool>>,
    /// Where the article says its places are.
    regions: Regions,
}

/// In no country where the document's other towns are, and far from all of
/// them (when it has at least two): "a Mercedes limousine" in a story set
/// in Asia is not Mercedes, Texas.
fn isolated(g: &Gazetteer, p: &crate::gazetteer::Place<'_>, ctx: &DocContext) -> bool {
    let _ = g;
    if ctx.anchors.len() < 2 || ctx.anchor_countries.iter().any(|c| c == p.country()) {
        return false;
    }
    *ctx.isolated
        .borrow_mut()
        .entry(p.id().0)
        .or_insert_with(|| nearest_km(p.point(), &ctx.anchors, ISOLATED_KM) > ISOLATED_KM)
}

/// Kilometres per degree of latitude, at least (the meridian arc is
/// 110.57–111.69 km per degree on WGS84).
const KM_PER_DEGREE_LAT_MIN: f64 = 110.5;

/// Geodesic distance to the nearest point, exact (WGS84) up to `horizon`;
/// points whose latitude alone puts them beyond `horizon` are skipped
/// without a geodesic (a difference in latitude is a lower bound on the
/// distance), and if all are, the result is some value > `horizon`.
/// Points certainly farther than [`FAR`] × `horizon` are skipped too (by
/// a spherical lower bound, far cheaper than a geodesic), so a result is
/// the same as without that skip whenever it is at most `FAR × horizon`;
/// so are points whose lower bound exceeds the nearest geodesic found so
/// far (they are tried nearest bound first).
fn nearest_km(here: LatLon, points: &[LatLon], horizon: f64) -> f64 {
    let far = FAR * horizon;
    let mut near: Vec<(f64, LatLon)> = points
        .iter()
        .filter(|a| (a.lat - here.lat).abs() * KM_PER_DEGREE_LAT_MIN <= horizon)
        .map(|a| (spherical_lower_bound_km(here, *a), *a))
        .filter(|(bound, _)| *bound <= far)
        .collect();
    near.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut best = f64::INFINITY;
    for (bound, a) in near {
        if bound > best {
            break;
        }
        best = best.min(crate::measure::geodesic_distance(here, a).0);
    }
    best
}

/// How far beyond its horizon [`nearest_km`] stays exact. Its callers
/// need 1.5: the proximity bonus stops counting (< 0.01) at
/// `NEAR_SCALE_KM × ln(NEAR_WEIGHT / 0.01)` ≈ 1498 km (test
/// `far_covers_the_bonus`), and isolation compares with the horizon itself.
const FAR: f64 = 1.5;

/// A lower bound on the WGS84 geodesic distance, in km: the great-circle
/// (haversine) distance on a sphere of the mean radius, less 2 %. Used
/// only to skip geodesics that cannot matter: the ellipsoid's radii of
/// curvature (6335–6400 km) differ from the mean radius (6371 km) by
/// under 0.6 %, so the geodesic is at least 0.994 × this great circle.
fn spherical_lower_bound_km(a: LatLon, b: LatLon) -> f64 {
    crate::measure::spherical_distance_km(a, b) / 1.02
}

/// Resolves the recognised spans of one document into mentions.
pub fn resolve(g: &Gazetteer, doc: usize, text: &str, found: &[Found]) -> Vec<Mention> {
    let names: BTreeMap<String, String> = found
        .iter()
        .filter_map(|f| match &f.what {
            What::Place { query } => Some((fold(query), query.clone())),
            _ => None,
        })
        .collect();
    let plain: BTreeMap<&String, Vec<Candidate>> = names
        .iter()
        .map(|(k, q)| (k, plain_candidates(g, q)))
        .collect();
    let countries = mentioned_countries(g, found, &plain);
    let first: BTreeMap<&String, Vec<Candidate>> = plain
        .into_iter()
        .map(|(k, c)| (k, rerank(g, c, &countries)))
        .collect();
    let regions = Regions::of(g, text, found, &first);
    let first: BTreeMap<&String, Vec<Candidate>> = first
        .into_iter()
        .map(|(k, c)| {
            let c = regions.bonus(g, k, c);
            (k, c)
        })
        .collect();
    let mut anchors: Vec<(f64, &String, LatLon)> = first
        .iter()
        .filter_map(|(k, c)| anchor(g, c).map(|(m, p)| (m, *k, p)))
        .collect();
    anchors.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    anchors.truncate(MAX_ANCHORS);
    let anchor_ids: Vec<crate::gazetteer::PlaceId> = anchors
        .iter()
        .filter_map(|(_, k, _)| first.get(*k).and_then(|c| c.first()).map(|c| c.id))
        .collect();
    let second: BTreeMap<String, Vec<Candidate>> = first
        .into_iter()
        .map(|(k, c)| {
            let near: Vec<LatLon> = anchors
                .iter()
                .filter(|(_, a, _)| *a != k)
                .map(|(_, _, p)| *p)
                .collect();
            (k.clone(), near_bonus(g, c, &near))
        })
        .collect();
    let anchors: Vec<(String, LatLon)> = anchors
        .into_iter()
        .map(|(_, k, p)| (k.clone(), p))
        .collect();
    let mid_sentence: std::collections::HashSet<String> = found
        .iter()
        .filter(|f| !f.sentence_start)
        .map(|f| fold(&text[f.span.clone()]))
        .collect();
    let mut anchor_countries: Vec<String> = anchor_ids
        .iter()
        .map(|id| g.place(*id).country().to_string())
        .collect();
    anchor_countries.sort();
    anchor_countries.dedup();
    let ctx = DocContext {
        anchor_countries,
        anchors: anchors.iter().map(|(_, p)| *p).collect(),
        isolated: Default::default(),
        regions,
    };
    found
        .iter()
        .filter_map(|f| mention(g, doc, text, f, &second, &mid_sentence, &ctx))
        .collect()
}

/// The country a name can itself mean, if any ("Mexico" → MX). Places
/// inside that country sharing the name (the State of México, Mexico City
/// whose alternate name is "Mexico") get no bonus for the article being
/// about that country: the evidence points at the country reading itself.
pub(super) fn country_reading(g: &Gazetteer, c: &[Candidate]) -> Option<String> {
    c.iter()
        .map(|cand| g.place(cand.id))
        .find(|p| p.kind() == PlaceKind::Country)
        .map(|p| p.country().to_string())
}

/// Candidates considered for the proximity pass (the best by the first
/// pass); the rest cannot catch up with them.
const NEAR_CANDIDATES: usize = 25;
/// Proximity bonus: `NEAR_WEIGHT × exp(−d / NEAR_SCALE_KM)` for the nearest
/// anchor at geodesic distance d (the gazetteer's ranking uses the same form).
const NEAR_WEIGHT: f64 = 4.0;
const NEAR_SCALE_KM: f64 = 250.0;
/// Beyond this the bonus is under 0.08 and is not computed.
const NEAR_HORIZON_KM: f64 = 1000.0;

/// Second pass: adds the proximity bonus to the first pass's best
/// candidates and sorts again.
fn near_bonus(g: &Gazetteer, mut c: Vec<Candidate>, near: &[LatLon]) -> Vec<Candidate> {
    if c.len() < 2 || near.is_empty() {
        return c;
    }
    c.truncate(NEAR_CANDIDATES);
    // Only candidates the bonus could lift to the top are worth a geodesic;
    // if none can overtake the leader, the choice stands.
    let floor = c[0].score - NEAR_WEIGHT;
    if c[1].score < floor {
        return c;
    }
    for cand in &mut c {
        if cand.score < floor {
            continue;
        }
        let p = g.place(cand.id);
        if matches!(p.kind(), PlaceKind::Country) {
            continue;
        }
        let here = p.point();
        let d = nearest_km(here, near, NEAR_HORIZON_KM);
        let bonus = NEAR_WEIGHT * (-d / NEAR_SCALE_KM).exp();
        if bonus >= 0.01 {
            cand.score += bonus;
            cand.reasons.push(format!(
                "{d:.0} km from another place in the article +{bonus:.2}"
            ));
        }
    }
    c.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.id.cmp(&b.id)));
    c
}

/// Bonus for a place in a country the article names (as the gazetteer's
/// ranking gives for `Context::countries`).
const COUNTRY_BONUS: f64 = 1.5;

/// Adds the mentioned-country bonus and sorts again (best
/// first, ties by id).
fn rerank(g: &Gazetteer, mut c: Vec<Candidate>, countries: &[String]) -> Vec<Candidate> {
    if c.len() < 2 {
        return c;
    }
    let itself = country_reading(g, &c);
    for cand in &mut c {
        let p = g.place(cand.id);
        if p.kind() != PlaceKind::Country
            && countries.iter().any(|c| c == p.country())
            && itself.as_deref() != Some(p.country())
        {
            cand.score += COUNTRY_BONUS;
            cand.reasons.push(format!(
                "in a country the article names +{COUNTRY_BONUS:.2}"
            ));
        }
    }
    c.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.id.cmp(&b.id)));
    c
}

/// Candidates kept per name: enough for any context bonus to reach a
/// place (the bonuses total at most ≈ 15, the gazetteer's scores span
/// ≈ 0–16), few enough to keep resolution cheap.
const KEPT_CANDIDATES: usize = 40;

/// Candidate lists memoised across documents (they depend on the name
/// only); cleared past this many names.
const MEMO_MAX: usize = 50_000;

thread_local! {
    static MEMO: std::cell::RefCell<(usize, super::lists::FastMap<String, Vec<Candidate>>)> =
        std::cell::RefCell::new((0, super::lists::FastMap::default()));
}

/// The gazetteer's ranking of a name without context, memoised.
fn plain_candidates(g: &Gazetteer, query: &str) -> Vec<Candidate> {
    MEMO.with(|m| {
        let mut m = m.borrow_mut();
        let me = g as *const Gazetteer as usize;
        if m.0 != me || m.1.len() > MEMO_MAX {
            *m = (me, super::lists::FastMap::default());
        }
        m.1.entry(query.to_string())
            .or_insert_with(|| {
                let mut c = g.candidates(query, &Context::default());
                c.truncate(KEPT_CANDIDATES);
                c
            })
            .iter()
            // Reasons are fetched for the winner only (see `gazetteer_reasons`).
            .map(|c| Candidate {
                id: c.id,
                score: c.score,
                reasons: Vec::new(),
            })
            .collect()
    })
}

/// The gazetteer's reasons for one candidate of a name.
fn gazetteer_reasons(g: &Gazetteer, query: &str, id: crate::gazetteer::PlaceId) -> Vec<String> {
    let from_memo = MEMO.with(|m| {
        let m = m.borrow();
        m.1.get(query)
            .and_then(|c| c.iter().find(|c| c.id == id))
            .map(|c| c.reasons.clone())
    });
    from_memo.unwrap_or_else(|| {
        g.candidates(query, &Context::default())
            .into_iter()
            .find(|c| c.id == id)
            .map(|c| c.reasons)
            .unwrap_or_default()
    })
}

/// Countries named or implied by demonyms in the document, sorted.
fn mentioned_countries(
    g: &Gazetteer,
    found: &[Found],
    plain: &BTreeMap<&String, Vec<Candidate>>,
) -> Vec<String> {
    let mut out: Vec<String> = found
        .iter()
        .filter_map(|f| match &f.what {
            What::Demonym { iso2 } => Some(iso2.clone()),
            What::Place { query } => {
                let c = plain.get(&fold(query))?;
                let top = g.place(c.first()?.id);
                (top.kind() == PlaceKind::Country).then(|| top.country().to_string())
            }
            What::Rejected { .. } | What::Region { .. } | What::Fixed { .. } => None,
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// A clear first-pass choice that is a point-like place (not a country or
/// region, whose centroid says little about where the story is).
fn anchor(g: &Gazetteer, c: &[Candidate]) -> Option<(f64, LatLon)> {
    let top = c.first()?;
    let margin = c.get(1).map_or(f64::INFINITY, |r| top.score - r.score);
    let p = g.place(top.id);
    let point_like = !matches!(
        p.kind(),
        PlaceKind::Country | PlaceKind::Admin1 | PlaceKind::Admin2
    );
    (margin >= ANCHOR_MARGIN && point_like).then(|| (margin.min(100.0), p.point()))
}

fn mention(
    g: &Gazetteer,
    doc: usize,
    text: &str,
    f: &Found,
    resolved: &BTreeMap<String, Vec<Candidate>>,
    mid_sentence: &std::collections::HashSet<String>,
    ctx: &DocContext,
) -> Option<Mention> {
    let matched = text[f.span.clone()].to_string();
    let base = Mention {
        doc,
        span: f.span.clone(),
        text: matched.clone(),
        kind: MentionKind::Rejected,
        place: None,
        confidence: 0.0,
        runners_up: Vec::new(),
        reason: String::new(),
    };
    match &f.what {
        What::Rejected { reason } => Some(Mention {
            reason: (*reason).to_string(),
            confidence: 0.8,
            ..base
        }),
        What::Fixed { id } => {
            let p = g.place(g.by_source_id(id)?);
            Some(Mention {
                kind: MentionKind::Place,
                place: Some(p.to_resolved()),
                confidence: 0.95,
                reason: "state or region abbreviation".into(),
                ..base
            })
        }
        What::Region { index } => {
            let r = super::lists::lists().regions.get(*index)?;
            Some(Mention {
                kind: MentionKind::Place,
                place: Some(super::ResolvedPlace {
                    id: r.id.to_string(),
                    name: r.name.to_string(),
                    country: String::new(),
                    feature_code: r.feature_code.into(),
                    population: 0,
                    lat: r.lat,
                    lon: r.lon,
                }),
                confidence: 0.9,
                reason: match r.feature_code {
                    "OCN" => "ocean",
                    "SEA" => "sea",
                    "GULF" => "gulf",
                    "BAY" => "bay",
                    "STRT" => "strait",
                    "CHN" => "channel",
                    "RGN" => "region",
                    "ISL" => "island",
                    "ISLS" => "islands",
                    "PEN" => "peninsula",
                    _ => "continent",
                }
                .into(),
                ..base
            })
        }
        What::Demonym { iso2 } => {
            let id = g.country(iso2)?;
            Some(Mention {
                kind: MentionKind::Adjectival,
                place: Some(g.place(id).to_resolved()),
                confidence: 0.95,
                reason: format!("demonym/adjective of {iso2}"),
                ..base
            })
        }
        What::Place { query } => {
            let key = fold(query);
            if let Some(region) = ctx.regions.unlisted(&key) {
                let r = g.place(region);
                return Some(Mention {
                    kind: MentionKind::Place,
                    reason: format!(
                        "no {matched} in {} in the gazetteer: placed at {}, the region named after it",
                        r.name(),
                        r.name()
                    ),
                    place: Some(r.to_resolved()),
                    confidence: UNLISTED_CONFIDENCE,
                    ..base
                });
            }
            let c = resolved.get(&key)?;
            let top = c.first()?;
            let one_word = !matched.contains([' ', '-']);
            if f.sentence_start
                && one_word
                && top.score < WEAK_MIN_SCORE
                && !mid_sentence.contains(&fold(&matched))
            {
                return None;
            }
            let margin = c.get(1).map_or(4.0, |r| top.score - r.score);
            let p = g.place(top.id);
            // A small town the article places ("Athens, Tenn.", or beside its
            // county) is no doubt, even inside a longer name.
            let minor = p.kind() == PlaceKind::City
                && p.population() < MINOR_POPULATION
                && !ctx.regions.places(g, &key, top.id);
            if let (Some(why), true) = (f.doubt, minor) {
                return Some(Mention {
                    reason: why.into(),
                    confidence: 0.6,
                    ..base
                });
            }
            if one_word && minor && isolated(g, &p, ctx) {
                return Some(Mention {
                    reason: "a small place far from everything else the article names".into(),
                    confidence: 0.6,
                    ..base
                });
            }
            Some(Mention {
                kind: MentionKind::Place,
                place: Some(p.to_resolved()),
                confidence: 1.0 / (1.0 + (-margin).exp()),
                runners_up: c
                    .iter()
                    .skip(1)
                    .take(RUNNERS_UP)
                    .map(|r| RunnerUp {
                        place: g.place(r.id).to_resolved(),
                        score: r.score,
                    })
                    .collect(),
                reason: format!(
                    "score {:.2}: {}",
                    top.score,
                    [gazetteer_reasons(g, query, top.id), top.reasons.clone()]
                        .concat()
                        .join(", ")
                ),
                ..base
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn far_covers_the_bonus() {
        // Beyond FAR × horizon the proximity bonus must be below the
        // 0.01 that `near_bonus` ignores, or skipping would change scores.
        let negligible_km = NEAR_SCALE_KM * (NEAR_WEIGHT / 0.01).ln();
        assert!(negligible_km <= FAR * NEAR_HORIZON_KM, "{negligible_km}");
        const { assert!(FAR >= 1.0) };
    }

    #[test]
    fn spherical_bound_is_below_the_geodesic() {
        let mut pts = Vec::new();
        for lat in (-90..=90).step_by(15) {
            for lon in (-180..=180).step_by(20) {
                pts.push(LatLon::new(f64::from(lat) * 0.999, f64::from(lon) + 0.3));
            }
        }
        pts.push(LatLon::new(21.02, 105.85));
        pts.push(LatLon::new(21.03, 105.86));
        for &a in &pts {
            for &b in pts.iter().step_by(7) {
                let exact = crate::measure::geodesic_distance(a, b).0;
                let bound = spherical_lower_bound_km(a, b);
                assert!(bound <= exact + 1e-9, "{a:?} {b:?}: {bound} > {exact}");
            }
        }
    }

    #[test]
    fn skipping_keeps_nearest_exact_within_far() {
        let here = LatLon::new(22.8, 108.3);
        let pts: Vec<LatLon> = (0..40)
            .map(|k| LatLon::new(22.8 + f64::from(k) * 0.4 - 8.0, 108.3 + f64::from(k) * 0.9))
            .collect();
        for horizon in [300.0, 1000.0, 2000.0] {
            let plain = pts
                .iter()
                .filter(|a| (a.lat - here.lat).abs() * KM_PER_DEGREE_LAT_MIN <= horizon)
                .map(|a| crate::measure::geodesic_distance(here, *a).0)
                .fold(f64::INFINITY, f64::min);
            let got = nearest_km(here, &pts, horizon);
            if plain <= FAR * horizon {
                assert_eq!(got, plain);
            } else {
                assert!(got > FAR * horizon);
            }
        }
    }
}
