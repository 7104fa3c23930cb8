//! The distance report: every journey measured (straight line, legs,
//! per-mode totals, total) and every reported figure set beside the
//! computed measure it names and the one it is closest to.
//!
//! ```
//! use journeymap::report;
//! let r = report::build(&Default::default(), &[], &[]);
//! assert!(r.journeys.is_empty() && r.claims.is_empty());
//! assert!(report::to_markdown(&r).contains("GeoNames"));
//! ```
//!
//! # report.json schema (`schema: "journeymap-report/1"`)
//!
//! All lengths in km (`*_km`) and speeds in km/h (`*_kmh`) rounded to 0.1,
//! durations in hours (`*_h`) rounded to 0.001; verdicts are computed from these rounded
//! numbers, so each follows from the numbers beside it.
//!
//! - `journeys[]`: `index`, `traveller`, `origin`, `destination`,
//!   `straight_line_km` (geodesic WGS84 origin→destination), `total_km`,
//!   `legs[]` (`index`, `mode`, `from`, `to`, `length_km`,
//!   `straight_line_km`, `geometry_km`,
//!   `official_km` or null, `basis`, `routed`, `lines[]` {`line`,
//!   `length_km`, `official_km`}, `warnings[]`), `by_mode[]` {`mode`,
//!   `length_km`}, `measures[]` (every computed measure a claim can be
//!   compared with: `label`, `kind`, `mode`, `km`, `basis`, `unrouted`,
//!   `legs[]`).
//! - `claims[]`: `id` (1-based), `claim` (as in `journeymap claims --json`:
//!   `quantity` {`kind`, `value`}, `value_as_written`, `value`,
//!   `unit_as_written`, `rounding`, `qualifier`, `measured`, `mode_hint`,
//!   `traveller`, `from`, `to`, `sources[]` {`figure`, `sentence`: {`file`,
//!   `line`, `start`, `end`, `quote`}}), `journey` (index or null),
//!   `named` (the measure the claim names, a `measures[]` entry, or null),
//!   `figure_km`, `computed_km`, `difference_km` (figure − computed),
//!   `difference_pct` (of computed), `tolerance_km`, `duration_h`,
//!   `tolerance_h`, `implied_speed_kmh`, `speed_range_kmh` [min, max] for
//!   the mode, `verdict` (consistent, overstated, understated, plausible,
//!   too_fast, too_slow, vague, unchecked), `closest` (the measure nearest
//!   a distance figure), `flagged` (rests on an unrouted leg), `note`.
//! - `data_sources[]`: `name`, `licence`, `use`.
//!
//! Basis of a leg (`basis`): `official` when every line it uses has an
//! official length and they cover the leg, `geometry` when none has,
//! `mixed` otherwise, `unrouted` for a straight-line fallback, `geodesic`
//! for air/sea legs and straight lines. A leg's `length_km` uses the
//! official length of each line stretch that has one and the geometric
//! length elsewhere (see [`leg_km`]).

mod check;
mod markdown;

pub use check::{distance_verdict, speed_range, speed_verdict, tolerance, Verdict};
pub use markdown::{summary, to_markdown};

use crate::claims::{Claim, Measured, Quantity};
use crate::itinerary::{Itinerary, Journey};
use crate::measure::geodesic_distance;
use crate::mode::Mode;
use crate::route::RoutedLeg;
use serde::{Deserialize, Serialize};

/// The whole report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub schema: String,
    pub journeys: Vec<JourneyReport>,
    pub claims: Vec<ClaimCheck>,
    pub data_sources: Vec<DataSource>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JourneyReport {
    pub index: usize,
    pub traveller: String,
    pub origin: String,
    pub destination: String,
    pub straight_line_km: f64,
    pub total_km: f64,
    pub legs: Vec<LegReport>,
    pub by_mode: Vec<ModeTotal>,
    pub measures: Vec<Measure>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LegReport {
    pub index: usize,
    pub mode: Mode,
    pub from: String,
    pub to: String,
    pub length_km: f64,
    /// Geodesic straight line between the leg's end waypoints.
    pub straight_line_km: f64,
    pub geometry_km: f64,
    pub official_km: Option<f64>,
    pub basis: Basis,
    pub routed: bool,
    pub lines: Vec<LineReport>,
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LineReport {
    pub line: String,
    pub length_km: f64,
    pub official_km: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModeTotal {
    pub mode: Mode,
    pub length_km: f64,
}

/// What a computed figure rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    Official,
    Geometry,
    Mixed,
    Geodesic,
    Unrouted,
}

impl Basis {
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Official => "official line lengths",
            Basis::Geometry => "network geometry",
            Basis::Mixed => "official + geometry",
            Basis::Geodesic => "geodesic",
            Basis::Unrouted => "UNROUTED straight line",
        }
    }

    fn combine(self, o: Basis) -> Basis {
        match (self, o) {
            (Basis::Unrouted, _) | (_, Basis::Unrouted) => Basis::Unrouted,
            (a, b) if a == b => a,
            (Basis::Geodesic, b) | (b, Basis::Geodesic) => b,
            _ => Basis::Mixed,
        }
    }
}

/// A computed measure a claim can be compared with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Measure {
    pub label: String,
    /// straight_line, leg, mode_total, total.
    pub kind: String,
    pub mode: Option<Mode>,
    pub km: f64,
    pub basis: Basis,
    pub unrouted: bool,
    /// Leg indices the measure sums (empty for straight lines).
    pub legs: Vec<usize>,
}

/// One claim checked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimCheck {
    pub id: usize,
    pub claim: Claim,
    pub journey: Option<usize>,
    pub named: Option<Measure>,
    pub figure_km: Option<f64>,
    pub computed_km: Option<f64>,
    pub difference_km: Option<f64>,
    pub difference_pct: Option<f64>,
    pub tolerance_km: Option<f64>,
    pub duration_h: Option<f64>,
    pub tolerance_h: Option<f64>,
    pub implied_speed_kmh: Option<f64>,
    pub speed_range_kmh: Option<[f64; 2]>,
    pub verdict: Verdict,
    pub closest: Option<Measure>,
    pub flagged: bool,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DataSource {
    pub name: String,
    pub licence: String,
    #[serde(rename = "use")]
    pub used_for: String,
}

fn r3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn r1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// A leg's length: the geometric length with each line stretch that has an
/// official length replaced by it; and the basis of that figure.
pub fn leg_km(leg: &RoutedLeg) -> (f64, Basis) {
    if !leg.routed {
        return (leg.length.0, Basis::Unrouted);
    }
    if !leg.mode.uses_network() {
        return (leg.length.0, Basis::Geodesic);
    }
    let official: Vec<_> = leg.lines.iter().filter(|l| l.official.is_some()).collect();
    let replaced: f64 = official.iter().map(|l| l.length.0).sum();
    let km = leg.length.0 - replaced
        + official
            .iter()
            .filter_map(|l| l.official)
            .map(|k| k.0)
            .sum::<f64>();
    let basis = if official.is_empty() {
        Basis::Geometry
    } else if official.len() == leg.lines.len() && replaced >= 0.95 * leg.length.0 {
        Basis::Official
    } else {
        Basis::Mixed
    };
    (km, basis)
}

fn legs_of(routed: &[RoutedLeg], journey: usize) -> Vec<&RoutedLeg> {
    let mut v: Vec<&RoutedLeg> = routed.iter().filter(|l| l.journey == journey).collect();
    v.sort_by_key(|l| l.leg);
    v
}

fn waypoint_name(j: &Journey, i: usize) -> String {
    j.waypoints
        .get(i)
        .map_or_else(|| "?".to_string(), |w| w.name.clone())
}

/// A measure summing `legs` (indices into the journey's routed legs).
fn sum_measure(
    j: &Journey,
    legs: &[&RoutedLeg],
    label_kind: &str,
    mode: Option<Mode>,
) -> Option<Measure> {
    let first = legs.first()?;
    let last = legs.last()?;
    let mut basis: Option<Basis> = None;
    let mut km = 0.0;
    for l in legs {
        let (k, b) = leg_km(l);
        km += k;
        basis = Some(basis.map_or(b, |a| a.combine(b)));
    }
    let what = mode.map_or_else(|| "whole journey".to_string(), |m| format!("{m} route"));
    Some(Measure {
        label: format!(
            "{what} {} → {}",
            waypoint_name(j, first.leg),
            waypoint_name(j, last.leg + 1)
        ),
        kind: label_kind.to_string(),
        mode,
        km: r1(km),
        basis: basis.unwrap_or(Basis::Geometry),
        unrouted: legs.iter().any(|l| !l.routed),
        legs: legs.iter().map(|l| l.leg).collect(),
    })
}

fn straight_measure(j: &Journey, a: usize, b: usize) -> Option<Measure> {
    let (p, q) = (j.waypoints.get(a)?, j.waypoints.get(b)?);
    Some(Measure {
        label: format!("straight line {} → {}", p.name, q.name),
        kind: "straight_line".to_string(),
        mode: None,
        km: r1(geodesic_distance(p.point(), q.point()).0),
        basis: Basis::Geodesic,
        unrouted: false,
        legs: Vec::new(),
    })
}

fn journey_report(index: usize, j: &Journey, routed: &[RoutedLeg]) -> JourneyReport {
    let legs = legs_of(routed, index);
    let last_wp = j.waypoints.len().saturating_sub(1);
    let mut measures: Vec<Measure> = straight_measure(j, 0, last_wp).into_iter().collect();
    if let Some(m) = sum_measure(j, &legs, "total", None) {
        measures.push(m);
    }
    let mut by_mode = Vec::new();
    for mode in Mode::ALL {
        let of: Vec<&RoutedLeg> = legs.iter().copied().filter(|l| l.mode == mode).collect();
        if let Some(m) = sum_measure(j, &of, "mode_total", Some(mode)) {
            by_mode.push(ModeTotal {
                mode,
                length_km: m.km,
            });
            if of.len() < legs.len() {
                // The straight line over the stretch this mode covers.
                if let (Some(a), Some(b)) = (of.first(), of.last()) {
                    measures.extend(straight_measure(j, a.leg, b.leg + 1));
                }
                measures.push(m);
            }
        }
    }
    if legs.len() > 1 {
        for l in &legs {
            measures.extend(sum_measure(j, &[l], "leg", Some(l.mode)));
        }
    }
    let leg_reports = legs
        .iter()
        .map(|l| {
            let (km, basis) = leg_km(l);
            let official: Option<f64> = (basis == Basis::Official).then_some(km);
            LegReport {
                index: l.leg,
                mode: l.mode,
                from: l.from.clone(),
                to: l.to.clone(),
                length_km: r1(km),
                straight_line_km: straight_measure(j, l.leg, l.leg + 1).map_or(0.0, |m| m.km),
                geometry_km: r1(l.length.0),
                official_km: official.map(r1),
                basis,
                routed: l.routed,
                lines: l
                    .lines
                    .iter()
                    .map(|u| LineReport {
                        line: u.line.clone(),
                        length_km: r1(u.length.0),
                        official_km: u.official.map(|k| r1(k.0)),
                    })
                    .collect(),
                warnings: l.warnings.clone(),
            }
        })
        .collect();
    JourneyReport {
        index,
        traveller: j.traveller.clone(),
        origin: waypoint_name(j, 0),
        destination: waypoint_name(j, last_wp),
        straight_line_km: measures.first().map_or(0.0, |m| m.km),
        total_km: r1(legs.iter().map(|l| leg_km(l).0).sum()),
        legs: leg_reports,
        by_mode,
        measures,
    }
}

/// Index of the waypoint a place hint names (case-insensitive; either
/// contains the other).
fn find_waypoint(j: &Journey, hint: &str) -> Option<usize> {
    let h = hint.to_lowercase();
    if h.len() < 3 {
        return None;
    }
    j.waypoints.iter().position(|w| {
        let n = w.name.to_lowercase();
        n == h || n.contains(&h) || h.contains(&n)
    })
}

/// True when a name from the text ("Kim", "Kim Jong-un") is the journey's
/// traveller ("Kim Jong Un"): a word of three letters or more in common.
fn traveller_matches(journey_traveller: &str, named: &str) -> bool {
    let jt = journey_traveller.to_lowercase();
    let jt: Vec<&str> = jt.split([' ', '-']).collect();
    named
        .to_lowercase()
        .split([' ', '-'])
        .any(|w| w.len() >= 3 && jt.contains(&w))
}

/// The journey a claim is about: its traveller, else its places, else the
/// first journey.
fn journey_of(it: &Itinerary, c: &Claim) -> Option<usize> {
    if let Some(t) = &c.traveller {
        let hit = it
            .journeys
            .iter()
            .position(|j| traveller_matches(&j.traveller, t));
        if hit.is_some() {
            return hit;
        }
    }
    let by_place = it.journeys.iter().position(|j| {
        [&c.from, &c.to]
            .iter()
            .any(|h| h.as_deref().is_some_and(|h| find_waypoint(j, h).is_some()))
    });
    by_place.or_else(|| (!it.journeys.is_empty()).then_some(0))
}

/// The measure a claim names in journey `ji`, with a note on what was
/// assumed.
fn named_measure(
    j: &Journey,
    routed: &[&RoutedLeg],
    c: &Claim,
    note: &mut Vec<String>,
) -> Option<Measure> {
    let last = j.waypoints.len().checked_sub(1)?;
    let mut hinted = false;
    let mut a = 0;
    let mut b = last;
    for (hint, slot, is_from) in [(&c.from, &mut a, true), (&c.to, &mut b, false)] {
        if let Some(h) = hint {
            match find_waypoint(j, h) {
                Some(i) => {
                    *slot = i;
                    hinted = true;
                }
                None => note.push(if is_from {
                    format!("'{h}' (from) is not a waypoint name: measured from the origin")
                } else {
                    format!("'{h}' (to) is not a waypoint name: measured to the destination")
                }),
            }
        }
    }
    if a >= b {
        (a, b) = (0, last);
    }
    let in_range: Vec<&RoutedLeg> = routed
        .iter()
        .copied()
        .filter(|l| l.leg >= a && l.leg < b)
        .collect();
    match c.measured {
        Measured::StraightLine => straight_measure(j, a, b),
        Measured::Journey | Measured::Leg => {
            if c.measured == Measured::Leg && !hinted {
                note.push("the sentence does not say which leg".to_string());
                return None;
            }
            let hint_legs: Vec<&RoutedLeg> = match c.mode_hint {
                Some(m) => in_range.iter().copied().filter(|l| l.mode == m).collect(),
                None => Vec::new(),
            };
            if !hint_legs.is_empty() && hint_legs.len() < in_range.len() {
                note.push(format!(
                    "taken as the {} legs, as the sentence mentions {}",
                    c.mode_hint.map_or("", |m| m.as_str()),
                    c.mode_hint.map_or("", |m| m.as_str())
                ));
                sum_measure(j, &hint_legs, "mode_total", c.mode_hint)
            } else {
                sum_measure(j, &in_range, "total", None)
            }
        }
        m => {
            let mode = m.mode()?;
            let of: Vec<&RoutedLeg> = in_range
                .iter()
                .copied()
                .filter(|l| l.mode == mode)
                .collect();
            if of.is_empty() {
                if mode.uses_network() {
                    note.push(format!("the journey has no {mode} leg"));
                    return None;
                }
                note.push(format!(
                    "no {mode} leg in the itinerary: compared with the great circle \
                     such a trip would follow"
                ));
                return straight_measure(j, a, b);
            }
            sum_measure(j, &of, "mode_total", Some(mode))
        }
    }
}

/// Dominant mode of a measure (by length), for speed checks.
fn measure_mode(m: &Measure, routed: &[&RoutedLeg], c: &Claim) -> Option<Mode> {
    if let Some(mode) = m.mode.or(c.measured.mode()) {
        return Some(mode);
    }
    let mut best: Option<(f64, Mode)> = None;
    for mode in Mode::ALL {
        let km: f64 = routed
            .iter()
            .filter(|l| l.mode == mode && m.legs.contains(&l.leg))
            .map(|l| l.length.0)
            .sum();
        if km > 0.0 && best.is_none_or(|(b, _)| km > b) {
            best = Some((km, mode));
        }
    }
    best.map(|(_, m)| m).or(c.mode_hint)
}

fn check_claim(
    id: usize,
    it: &Itinerary,
    routed: &[RoutedLeg],
    journeys: &[JourneyReport],
    c: &Claim,
) -> ClaimCheck {
    let mut out = ClaimCheck {
        id,
        claim: c.clone(),
        journey: journey_of(it, c),
        named: None,
        figure_km: None,
        computed_km: None,
        difference_km: None,
        difference_pct: None,
        tolerance_km: None,
        duration_h: None,
        tolerance_h: None,
        implied_speed_kmh: None,
        speed_range_kmh: None,
        verdict: Verdict::Unchecked,
        closest: None,
        flagged: false,
        note: String::new(),
    };
    let mut notes = Vec::new();
    let scale = |converted: f64| match c.value {
        Some(v) if v != 0.0 => converted / v,
        _ => 1.0,
    };
    let Some(ji) = out.journey else {
        out.note = "no journey in the itinerary".to_string();
        if let Quantity::Vague(_) = c.quantity {
            out.verdict = Verdict::Vague;
        }
        return out;
    };
    let j = &it.journeys[ji];
    if let Some(t) = &c.traveller {
        if !traveller_matches(&j.traveller, t) {
            notes.push(format!(
                "'{t}' has no journey of their own: compared with {}'s",
                j.traveller
            ));
        }
    }
    let legs = legs_of(routed, ji);
    let named = named_measure(j, &legs, c, &mut notes);
    match c.quantity {
        Quantity::Vague(_) => {
            out.verdict = Verdict::Vague;
            notes.push("no number to check".to_string());
        }
        Quantity::Distance(k) => {
            let fig = r1(k.0);
            let tol = r1(tolerance(k.0, c.rounding * scale(k.0), c.qualifier));
            out.figure_km = Some(fig);
            out.tolerance_km = Some(tol);
            if let Some(m) = &named {
                let d = r1(fig - m.km);
                out.computed_km = Some(m.km);
                out.difference_km = Some(d);
                out.difference_pct = (m.km > 0.0).then(|| r1(100.0 * d / m.km));
                out.verdict = distance_verdict(fig, m.km, tol, c.qualifier);
            }
            let measures = &journeys[ji].measures;
            let closest = measures
                .iter()
                .min_by(|a, b| (a.km - fig).abs().total_cmp(&(b.km - fig).abs()))
                .cloned();
            if let (Some(cl), Some(m)) = (&closest, &named) {
                let fits = distance_verdict(fig, cl.km, tol, c.qualifier) == Verdict::Consistent;
                if cl.label != m.label && out.verdict != Verdict::Consistent {
                    let pct = if cl.km > 0.0 {
                        100.0 * (fig - cl.km) / cl.km
                    } else {
                        0.0
                    };
                    notes.push(if fits {
                        format!(
                            "matches the {} ({:.0} km), not the {} ({:.0} km)",
                            cl.label, cl.km, m.label, m.km
                        )
                    } else {
                        format!(
                            "nearer the {} ({:.0} km, {pct:+.1} %) than the {} ({:.0} km)",
                            cl.label, cl.km, m.label, m.km
                        )
                    });
                }
            }
            out.closest = closest;
        }
        Quantity::Duration(h) => {
            // Rounded first, so the speeds and verdict follow from the
            // numbers the report prints.
            let hours = r3(h.0);
            let tol_h = r3(tolerance(h.0, c.rounding * scale(h.0), c.qualifier));
            out.duration_h = Some(hours);
            out.tolerance_h = Some(tol_h);
            if let Some(m) = &named {
                out.computed_km = Some(m.km);
                if hours > 0.0 {
                    let v = r1(m.km / hours);
                    out.implied_speed_kmh = Some(v);
                    if let Some(mode) = measure_mode(m, &legs, c) {
                        let (lo, hi) = speed_range(mode);
                        out.speed_range_kmh = Some([lo, hi]);
                        let fast = m.km / (hours + tol_h);
                        let slow = m.km / (hours - tol_h).max(hours * 0.01);
                        out.verdict = speed_verdict(fast, slow, mode);
                        notes.push(format!(
                            "{:.0} km in {}{} h: {:.0}–{:.0} km/h with the tolerance; {mode} {lo:.0}–{hi:.0} km/h",
                            m.km,
                            if c.qualifier == crate::claims::Qualifier::Exact { "" } else { "~" },
                            hours,
                            fast,
                            slow
                        ));
                    }
                }
            }
        }
        Quantity::Speed(s) => {
            let tol = tolerance(s.0, c.rounding * scale(s.0), c.qualifier);
            out.implied_speed_kmh = Some(r1(s.0));
            let mode = c
                .measured
                .mode()
                .or(c.mode_hint)
                .or_else(|| named.as_ref().and_then(|m| measure_mode(m, &legs, c)));
            if let Some(mode) = mode {
                let (lo, hi) = speed_range(mode);
                out.speed_range_kmh = Some([lo, hi]);
                out.verdict = speed_verdict(s.0 - tol, s.0 + tol, mode);
            }
        }
    }
    if let Some(m) = &named {
        if m.unrouted {
            out.flagged = true;
            notes.push("FLAGGED: rests on an unrouted leg (straight-line fallback)".to_string());
        }
    }
    out.named = named;
    out.note = notes.join("; ");
    out
}

/// The data the report's figures rest on, with their licences.
pub fn data_sources() -> Vec<DataSource> {
    [
        (
            "GeoNames (cities500, admin codes, country info)",
            "CC BY 4.0",
            "places and coordinates",
        ),
        (
            "Natural Earth (via npm world-atlas)",
            "public domain",
            "basemap",
        ),
        ("airportsdata (PyPI)", "MIT", "airports"),
        (
            "journeymap rail and road networks",
            "own work, sources per row",
            "leg lengths; official line lengths where recorded",
        ),
    ]
    .into_iter()
    .map(|(n, l, u)| DataSource {
        name: n.into(),
        licence: l.into(),
        used_for: u.into(),
    })
    .collect()
}

/// Builds the report from the itinerary, its routed legs and the claims.
pub fn build(itinerary: &Itinerary, routed: &[RoutedLeg], claims: &[Claim]) -> Report {
    let journeys: Vec<JourneyReport> = itinerary
        .journeys
        .iter()
        .enumerate()
        .map(|(i, j)| journey_report(i, j, routed))
        .collect();
    let claims = claims
        .iter()
        .enumerate()
        .map(|(i, c)| check_claim(i + 1, itinerary, routed, &journeys, c))
        .collect();
    Report {
        schema: "journeymap-report/1".to_string(),
        journeys,
        claims,
        data_sources: data_sources(),
    }
}

/// report.json: pretty JSON with a final newline.
pub fn to_json(r: &Report) -> String {
    let mut s =
        serde_json::to_string_pretty(r).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}

/// Writes `report.md` and `report.json` into `dir`, each atomically.
pub fn write(dir: &std::path::Path, r: &Report) -> std::io::Result<()> {
    crate::output::write_atomic(&dir.join("report.md"), to_markdown(r).as_bytes())?;
    crate::output::write_atomic(&dir.join("report.json"), to_json(r).as_bytes())
}
