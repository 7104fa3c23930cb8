//! From observations to journeys: group a traveller's places, pick origin
//! and destination (the origin again for a round trip), order the rest as
//! the text tells them (`sequence`) and by geography where it is silent,
//! and vote each leg's mode.

use super::cues::PlaceRole;
use super::events::{in_running_text, Observation, PlaceTable, Sequence};
use super::people::People;
use super::sequence::{returns_to, Precedence};
use super::{Journey, Leg, Role, Waypoint};
use crate::geoparse::ResolvedPlace;
use crate::measure::{geodesic_distance, Km, LatLon};
use crate::mode::Mode;
use crate::text::SourceRef;
use std::collections::{BTreeMap, BTreeSet};

/// A station, airport, hotel or other site this close to a town is taken
/// as part of it (Noi Bai airport is 22 km from central Hanoi).
pub const SITE_RADIUS: Km = Km(30.0);
/// A named place this close to a continent's or world region's point is in
/// it, for deciding whether the region is a waypoint of its own.
const REGION_REACH: Km = Km(2500.0);
/// Two towns this close are one place (GeoNames sometimes has a town twice).
pub const TOWN_RADIUS: Km = Km(3.0);

/// Whether two places are the same waypoint.
fn same_waypoint(a: &ResolvedPlace, b: &ResolvedPlace) -> bool {
    let d = geodesic_distance(point(a), point(b));
    let town = |p: &ResolvedPlace| p.feature_code.starts_with("PPL");
    d.0 <= TOWN_RADIUS.0 || (d.0 <= SITE_RADIUS.0 && !(town(a) && town(b)))
}

/// A waypoint under construction: the places merged into it and what was
/// said about them.
#[derive(Debug, Clone)]
struct Cluster {
    rep: usize,
    members: Vec<usize>,
    from: f64,
    to: f64,
    via: f64,
    at: f64,
    /// "return to A": said to be gone back to.
    back: f64,
    stop: bool,
    switch: bool,
    first_seen: usize,
    last_seen: usize,
    evidence: Vec<SourceRef>,
}

impl Cluster {
    fn support(&self) -> f64 {
        self.from + self.to + self.via + self.at + self.back
    }
}

fn is_area(p: &ResolvedPlace) -> bool {
    p.id.starts_with("country:")
        || p.id.starts_with("admin")
        || p.feature_code.starts_with("PCL")
        || p.feature_code.starts_with("ADM")
        || crate::geoparse::is_land_region_code(&p.feature_code)
}

fn point(p: &ResolvedPlace) -> LatLon {
    LatLon::new(p.lat, p.lon)
}

/// Builds one journey per traveller that has at least two waypoints.
pub fn journeys(people: &People, table: &PlaceTable, obs: &[Observation]) -> Vec<Journey> {
    let mut by_traveller: BTreeMap<usize, Vec<&Observation>> = BTreeMap::new();
    for o in obs {
        by_traveller.entry(o.traveller).or_default().push(o);
    }
    let mut out: Vec<(usize, Journey)> = by_traveller
        .into_iter()
        .filter_map(|(t, obs)| {
            let first = obs.iter().map(|o| o.order).min().unwrap_or(0);
            journey(people.name(t), table, &obs).map(|j| (first, j))
        })
        .collect();
    out.sort_by_key(|(first, _)| *first);
    out.into_iter().map(|(_, j)| j).collect()
}

fn journey(traveller: &str, table: &PlaceTable, obs: &[&Observation]) -> Option<Journey> {
    let places = &table.places;
    let obs: Vec<&Observation> = obs
        .iter()
        .copied()
        // A journey crosses water ("across the Baltic Sea", "over the
        // Pacific") but never stops in it.
        .filter(|o| !places[o.place].is_water())
        .collect();
    let obs = &obs[..];
    let specific: Vec<&Observation> = obs
        .iter()
        .copied()
        .filter(|o| !is_area(&places[o.place]))
        .collect();
    let mut clusters = cluster(places, &specific);
    // An area (a country) is a waypoint only where no specific place in it
    // is, and only when the text gives it a role ("refuelling in the UK").
    // A continent or world region ("a trip to Africa") has no country: it
    // is covered by a named place within its reach.
    let covered = |area: &ResolvedPlace, cl: &[Cluster]| {
        cl.iter().any(|c| {
            let p = &places[c.rep];
            if area.country.is_empty() {
                geodesic_distance(point(p), point(area)).0 <= REGION_REACH.0
            } else {
                p.country == area.country
            }
        })
    };
    // A country flown over ("the flight passed over China") is crossed,
    // not visited.
    let overflown =
        |o: &Observation| o.role == PlaceRole::Via && !o.stop && o.mode == Some(Mode::Air);
    let area_obs: Vec<&Observation> = obs
        .iter()
        .copied()
        .filter(|o| {
            is_area(&places[o.place]) && !covered(&places[o.place], &clusters) && !overflown(o)
        })
        .collect();
    clusters.extend(cluster(places, &area_obs));
    clusters.retain(|c| c.support() - c.at >= 0.5 || c.at >= 1.0);
    if clusters.len() < 2 {
        return None;
    }
    let member_of: BTreeMap<usize, usize> = clusters
        .iter()
        .enumerate()
        .flat_map(|(i, c)| c.members.iter().map(move |&m| (m, i)))
        .collect();
    let cluster_of = |place: usize| member_of.get(&place).copied();
    let told = Precedence::of(obs, &cluster_of);
    let mut notes = Vec::new();
    // "will return to Rome": the one place the traveller goes back to is
    // where the trip began.
    let homes: Vec<usize> = (0..clusters.len())
        .filter(|&c| returns_to(obs, &cluster_of, c))
        .collect();
    let origin = match homes[..] {
        [home] => Some(home),
        _ => pick(
            &clusters,
            |c| c.from - c.to,
            |c| c.from > 0.0 && !c.switch,
            true,
        ),
    };
    if origin.is_none() {
        notes.push(
            "origin not stated in the articles: the journey starts at its first known stop"
                .to_string(),
        );
    }
    // The destination is a place the text sends the traveller on from
    // only if no other place qualifies ("arrived in Moscow … before
    // travelling on to St Petersburg").
    let ends: BTreeSet<usize> = (0..clusters.len())
        .filter(|&i| !told.leads_on(i, origin))
        .map(|i| clusters[i].rep)
        .collect();
    let dest = pick_excluding(
        &clusters,
        origin,
        |c| c.to - c.from,
        |c| c.to > 0.0 && !c.switch && ends.contains(&c.rep),
        false,
    )
    .or_else(|| {
        pick_excluding(
            &clusters,
            origin,
            |c| c.to - c.from,
            |c| c.to > 0.0 && !c.switch,
            false,
        )
    })
    .or_else(|| pick_excluding(&clusters, origin, |c| c.to, |c| c.to > 0.0, false))
    .or_else(|| farthest(&clusters, origin));
    let dest = dest?;
    // A round trip ends where it began: every other place is on the way.
    let home = origin.filter(|o| homes.contains(o));
    let order = order_by_geography(places, &clusters, origin, home.unwrap_or(dest), &told);
    let stated = told.states(&order[..order.len() - usize::from(home.is_some())]);
    let order = revisit(order, &told.revisits, home);
    if !stated && (order.len() > 3 || (origin.is_none() && order.len() > 2)) {
        notes.push(
            "the order of intermediate places is not stated: they are ordered by geography (shortest path through them)"
                .to_string(),
        );
    }
    let waypoints: Vec<Waypoint> = order
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            waypoint(
                table,
                &clusters[c],
                role_at(i, order.len(), origin.is_some(), &clusters[c]),
            )
        })
        .collect();
    let legs = vote_legs(places, &clusters, &order, obs, &mut notes);
    Some(Journey {
        traveller: traveller.to_string(),
        waypoints,
        legs,
        notes,
    })
}

/// "then flew back to Rzeszów": a place gone back to after another is
/// visited again right after it (the origin of a round trip is already
/// the last waypoint).
fn revisit(mut order: Vec<usize>, revisits: &[(usize, usize)], home: Option<usize>) -> Vec<usize> {
    for &(x, after) in revisits {
        if Some(x) == home {
            continue;
        }
        let first_x = order.iter().position(|&c| c == x);
        let last_after = order.iter().rposition(|&c| c == after);
        if let (Some(px), Some(pa)) = (first_x, last_after) {
            if px < pa && order.get(pa + 1) != Some(&x) {
                order.insert(pa + 1, x);
            }
        }
    }
    order
}

fn role_at(i: usize, n: usize, has_origin: bool, c: &Cluster) -> Role {
    if i == 0 && has_origin {
        Role::Origin
    } else if i + 1 == n {
        Role::Destination
    } else if c.stop {
        Role::Stop
    } else {
        Role::Via
    }
}

fn cluster(places: &[ResolvedPlace], obs: &[&Observation]) -> Vec<Cluster> {
    // Most-mentioned places first, so a city absorbs its station and hotels.
    let mut counts: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
    for o in obs {
        let e = counts.entry(o.place).or_insert((0, o.order));
        e.0 += 1;
        e.1 = e.1.min(o.order);
    }
    let mut ranked: Vec<usize> = counts.keys().copied().collect();
    ranked.sort_by(|a, b| {
        let rank = |p: usize| (places[p].feature_code.starts_with("PPL"), counts[&p].0);
        rank(*b).cmp(&rank(*a)).then(a.cmp(b))
    });
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut member_of = BTreeMap::new();
    for p in ranked {
        let near = clusters
            .iter()
            .position(|c| same_waypoint(&places[c.rep], &places[p]));
        let idx = near.unwrap_or_else(|| {
            clusters.push(Cluster {
                rep: p,
                members: Vec::new(),
                from: 0.0,
                to: 0.0,
                via: 0.0,
                at: 0.0,
                back: 0.0,
                stop: false,
                switch: false,
                first_seen: counts[&p].1,
                last_seen: 0,
                evidence: Vec::new(),
            });
            clusters.len() - 1
        });
        clusters[idx].members.push(p);
        clusters[idx].first_seen = clusters[idx].first_seen.min(counts[&p].1);
        member_of.insert(p, idx);
    }
    for o in obs {
        let c = &mut clusters[member_of[&o.place]];
        match o.role {
            PlaceRole::From => c.from += o.weight,
            // "then return to A": A is where the trip began, not its end.
            PlaceRole::To if o.sequence == Sequence::Back => c.back += o.weight,
            PlaceRole::To => c.to += o.weight,
            PlaceRole::Via => c.via += o.weight,
            PlaceRole::At => c.at += o.weight,
        }
        c.stop |= o.stop;
        c.switch |= o.switch;
        c.last_seen = c.last_seen.max(o.order);
        if !c.evidence.contains(&o.evidence) {
            c.evidence.push(o.evidence.clone());
        }
    }
    clusters
}

fn pick(
    clusters: &[Cluster],
    score: impl Fn(&Cluster) -> f64,
    eligible: impl Fn(&Cluster) -> bool,
    earliest: bool,
) -> Option<usize> {
    pick_excluding(clusters, None, score, eligible, earliest)
}

/// The best-scoring eligible cluster; ties go to the one read first
/// (`earliest`, for an origin) or last (for a destination).
fn pick_excluding(
    clusters: &[Cluster],
    exclude: Option<usize>,
    score: impl Fn(&Cluster) -> f64,
    eligible: impl Fn(&Cluster) -> bool,
    earliest: bool,
) -> Option<usize> {
    clusters
        .iter()
        .enumerate()
        .filter(|(i, c)| Some(*i) != exclude && eligible(c) && score(c) > 0.0)
        .max_by(|(i, a), (j, b)| {
            let seen = if earliest {
                b.first_seen.cmp(&a.first_seen)
            } else {
                a.last_seen.cmp(&b.last_seen)
            };
            score(a).total_cmp(&score(b)).then(seen).then(j.cmp(i))
        })
        .map(|(i, _)| i)
}

/// With no stated destination: the place read last.
fn farthest(clusters: &[Cluster], origin: Option<usize>) -> Option<usize> {
    (0..clusters.len())
        .filter(|&i| Some(i) != origin)
        .max_by_key(|&i| (clusters[i].last_seen, usize::MAX - i))
}

/// Orders the clusters origin → … → destination so the path through them
/// breaks the fewest precedences the text states and, among those, is
/// shortest (exact for up to 8 intermediate places; cheapest insertion by
/// length alone beyond). With no origin, the path may start anywhere. The
/// destination may be the origin (a round trip).
fn order_by_geography(
    places: &[ResolvedPlace],
    clusters: &[Cluster],
    origin: Option<usize>,
    dest: usize,
    told: &Precedence,
) -> Vec<usize> {
    let pt = |i: usize| point(&places[clusters[i].rep]);
    let dist = |a: usize, b: usize| geodesic_distance(pt(a), pt(b)).0;
    let mids: Vec<usize> = (0..clusters.len())
        .filter(|&i| Some(i) != origin && i != dest)
        .collect();
    let path_len = |path: &[usize]| path.windows(2).map(|w| dist(w[0], w[1])).sum::<f64>();
    let with_ends = |mid: &[usize]| -> Vec<usize> {
        origin
            .into_iter()
            .chain(mid.iter().copied())
            .chain(std::iter::once(dest))
            .collect()
    };
    let best = if mids.len() <= 8 {
        let mut best: Option<((f64, f64), Vec<usize>)> = None;
        permutations(&mids, &mut |perm| {
            let p = with_ends(perm);
            let cost = (told.broken(&p), path_len(&p));
            let better = |(b, l): &(f64, f64)| {
                cost.0 < b - 1e-9 || (cost.0 <= b + 1e-9 && cost.1 < l - 1e-9)
            };
            if best.as_ref().is_none_or(|(bc, _)| better(bc)) {
                best = Some((cost, p));
            }
        });
        best.map(|(_, p)| p).unwrap_or_else(|| with_ends(&[]))
    } else {
        let mut path = with_ends(&[]);
        for &m in &mids {
            let at = (1..=path.len().max(1))
                .min_by(|&a, &b| {
                    let cost = |k: usize| {
                        let mut p = path.clone();
                        p.insert(k.min(p.len()), m);
                        path_len(&p)
                    };
                    cost(a).total_cmp(&cost(b))
                })
                .unwrap_or(0);
            path.insert(at.min(path.len()), m);
        }
        path
    };
    best
}

fn permutations(items: &[usize], f: &mut dyn FnMut(&[usize])) {
    fn go(v: &mut Vec<usize>, k: usize, f: &mut dyn FnMut(&[usize])) {
        if k == v.len() {
            f(v);
            return;
        }
        for i in k..v.len() {
            v.swap(k, i);
            go(v, k + 1, f);
            v.swap(k, i);
        }
    }
    let mut v = items.to_vec();
    go(&mut v, 0, f);
}

/// A town is named as the articles write it ("Dong Dang", not the
/// gazetteer's "Thị Trấn Đồng Đăng") in running text; written only in
/// capitals (a dateline's "INCHEON"), and a country, by its gazetteer name.
fn waypoint(table: &PlaceTable, c: &Cluster, role: Role) -> Waypoint {
    let p = &table.places[c.rep];
    let name = match table.written_name(c.rep) {
        Some(w) if !is_area(p) && in_running_text(w) => w.to_string(),
        _ => p.name.clone(),
    };
    let mut evidence = c.evidence.clone();
    evidence.sort();
    Waypoint {
        name,
        place_id: Some(p.id.clone()),
        country: Some(p.country.clone()),
        lat: p.lat,
        lon: p.lon,
        role,
        confidence: round2(1.0 - 0.5f64.powf(c.support())),
        evidence,
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Each leg takes the mode the text gives it: "from A by train" votes for
/// the leg leaving A, "to B by car" for the leg reaching B, a stop for
/// both legs around it, and an area ("to Vietnam") for the leg entering its
/// first waypoint ("from Poland": the leg leaving its last). Legs without a
/// vote take the traveller's main mode.
fn vote_legs(
    places: &[ResolvedPlace],
    clusters: &[Cluster],
    order: &[usize],
    obs: &[&Observation],
    notes: &mut Vec<String>,
) -> Vec<Leg> {
    let n = order.len();
    let round_trip = n > 2 && order.first() == order.last();
    // An area that is no waypoint stands for the waypoints in it.
    let spread = |place: usize| {
        is_area(&places[place]) && !order.iter().any(|&c| clusters[c].members.contains(&place))
    };
    let pos_of = |place: usize| -> Vec<usize> {
        let p = &places[place];
        if spread(place) {
            return (0..n)
                .filter(|&i| places[clusters[order[i]].rep].country == p.country)
                .collect();
        }
        (0..n)
            .filter(|&i| clusters[order[i]].members.contains(&place))
            .collect()
    };
    let mut votes: Vec<BTreeMap<Mode, f64>> = vec![BTreeMap::new(); n.saturating_sub(1)];
    let mut evidence: Vec<Vec<SourceRef>> = vec![Vec::new(); n.saturating_sub(1)];
    let mut overall: BTreeMap<Mode, f64> = BTreeMap::new();
    for o in obs {
        let Some(mode) = o.mode else { continue };
        *overall.entry(mode).or_default() += o.weight;
        let pos = pos_of(o.place);
        let legs: Vec<usize> = match (o.role, pos.first(), pos.last()) {
            (_, None, _) | (_, _, None) => continue,
            // "train from Poland": the leg leaving the area's last waypoint.
            (PlaceRole::From, Some(_), Some(&i)) if spread(o.place) => {
                (i + 1 < n).then_some(i).into_iter().collect()
            }
            (PlaceRole::From, Some(&i), _) => (i + 1 < n).then_some(i).into_iter().collect(),
            // Back at a round trip's origin: the last leg.
            (PlaceRole::To, Some(&a), Some(&b)) if round_trip && a == 0 && b + 1 == n => {
                vec![n - 2]
            }
            // "flew back to B": the leg into B's last visit.
            (PlaceRole::To, _, Some(&i)) if o.sequence == Sequence::Back => {
                i.checked_sub(1).into_iter().collect()
            }
            (PlaceRole::To, Some(&i), _) => i.checked_sub(1).into_iter().collect(),
            // A round trip's origin, at both ends: a stay there is no leg.
            (_, Some(&a), Some(&b)) if round_trip && a == 0 && b + 1 == n => Vec::new(),
            (_, Some(&a), Some(&b)) => (a.saturating_sub(1)..b.min(n - 1).max(a)).collect(),
        };
        let w = if o.role == PlaceRole::At {
            o.weight * 0.5
        } else {
            o.weight
        };
        for l in legs.into_iter().filter(|&l| l + 1 < n) {
            *votes[l].entry(mode).or_default() += w;
            if !evidence[l].contains(&o.evidence) {
                evidence[l].push(o.evidence.clone());
            }
        }
    }
    let (mut defaulted, mut flown) = (false, false);
    // Legs the text gives no mode and that are long enough to be flights.
    let unsaid_long: Vec<bool> = votes
        .iter()
        .enumerate()
        .map(|(l, v)| {
            let p = |i: usize| point(&places[clusters[order[i]].rep]);
            v.is_empty() && geodesic_distance(p(l), p(l + 1)).0 >= UNSAID_FLIGHT_KM.0
        })
        .collect();
    // With no mode in the whole text, a trip with a flight in it flies.
    let unsaid_flight = unsaid_long.contains(&true);
    let main = best(&overall).map(|(m, _)| m).unwrap_or(if unsaid_flight {
        Mode::Air
    } else {
        Mode::Road
    });
    let legs = votes
        .iter()
        .zip(evidence)
        .enumerate()
        .map(|(l, (v, mut ev))| {
            ev.sort();
            let total: f64 = v.values().sum();
            match best(v) {
                Some((mode, w)) => Leg {
                    mode,
                    confidence: round2(w / total),
                    evidence: ev,
                },
                // "then return to New Delhi" from Tianjin: so far, a flight.
                None if unsaid_long[l] => {
                    flown = true;
                    Leg {
                        mode: Mode::Air,
                        confidence: 0.3,
                        evidence: ev,
                    }
                }
                None => {
                    defaulted = true;
                    Leg {
                        mode: main,
                        confidence: 0.3,
                        evidence: ev,
                    }
                }
            }
        })
        .collect();
    if flown {
        notes.push(format!(
            "some legs of {} km or more have no mode in the text: taken as flights",
            UNSAID_FLIGHT_KM.0
        ));
    }
    if defaulted {
        notes.push(format!(
            "some legs have no mode in the text: they take the traveller's main mode ({main})"
        ));
    }
    legs
}

/// A leg this long with no mode in the text is taken as a flight (news
/// names the train, car or ship of a long overland or sea trip).
const UNSAID_FLIGHT_KM: Km = Km(1000.0);

fn best(v: &BTreeMap<Mode, f64>) -> Option<(Mode, f64)> {
    v.iter()
        .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(m, w)| (*m, *w))
}
