//! Computed measures of a journey: leg lengths (official where recorded),
//! per-mode totals, the total and straight lines.

use super::model::{Basis, JourneyReport, LegReport, LineReport, Measure, ModeTotal};
use crate::itinerary::Journey;
use crate::measure::geodesic_distance;
use crate::mode::Mode;
use crate::route::RoutedLeg;

pub(crate) fn r3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

pub(crate) fn r1(x: f64) -> f64 {
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

pub(crate) fn legs_of(routed: &[RoutedLeg], journey: usize) -> Vec<&RoutedLeg> {
    let mut v: Vec<&RoutedLeg> = routed.iter().filter(|l| l.journey == journey).collect();
    v.sort_by_key(|l| l.leg);
    v
}

pub(crate) fn waypoint_name(j: &Journey, i: usize) -> String {
    j.waypoints
        .get(i)
        .map_or_else(|| "?".to_string(), |w| w.name.clone())
}

/// A measure summing `legs` (indices into the journey's routed legs).
pub(crate) fn sum_measure(
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
    // A NaN or negative length (bad coordinates) is no measure at all,
    // rather than a silently wrong verdict.
    if !km.is_finite() || km < 0.0 {
        return None;
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

pub(crate) fn straight_measure(j: &Journey, a: usize, b: usize) -> Option<Measure> {
    let (p, q) = (j.waypoints.get(a)?, j.waypoints.get(b)?);
    if !(p.point().is_valid() && q.point().is_valid()) {
        return None;
    }
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

pub(crate) fn journey_report(index: usize, j: &Journey, routed: &[RoutedLeg]) -> JourneyReport {
    let legs = legs_of(routed, index);
    let last_wp = j.waypoints.len().saturating_sub(1);
    // Origin → destination, or a round trip's farthest point; none without
    // a stated origin.
    let far = j.far_end();
    let straight = j.known_origin().and_then(|_| straight_measure(j, 0, far));
    let mut measures: Vec<Measure> = straight.iter().cloned().collect();
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
                straight_line_km: straight_measure(j, l.leg, l.leg + 1).map(|m| m.km),
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
        straight_line_km: straight.as_ref().map(|m| m.km),
        round_trip: j.is_round_trip(),
        straight_line_to: j
            .known_origin()
            .and_then(|_| j.waypoints.get(far))
            .map(|w| w.name.clone()),
        total_km: r1(legs.iter().map(|l| leg_km(l).0).sum()),
        legs: leg_reports,
        by_mode,
        measures,
    }
}
