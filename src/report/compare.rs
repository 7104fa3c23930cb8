//! Checking one claim: which journey and measure it names, the difference,
//! tolerance and verdict, the closest measure, and implied speeds.

use super::check::{distance_verdict, speed_range, speed_verdict, tolerance, Verdict};
use super::measures::{legs_of, r1, r3, straight_measure, sum_measure};
use super::model::{ClaimCheck, JourneyReport, Measure};
use crate::claims::{Claim, Measured, Quantity};
use crate::itinerary::{Itinerary, Journey, Role};
use crate::mode::Mode;
use crate::route::RoutedLeg;

/// Index of the waypoint a place hint names (case-insensitive; either
/// contains the other). A round trip has its origin twice: a hint of where
/// a figure starts takes the first, of where it ends the last.
fn find_waypoint(j: &Journey, hint: &str, end: bool) -> Option<usize> {
    let h = hint.to_lowercase();
    if h.len() < 3 {
        return None;
    }
    let named = |w: &crate::itinerary::Waypoint| {
        let n = w.name.to_lowercase();
        n == h || n.contains(&h) || h.contains(&n)
    };
    if end {
        j.waypoints.iter().rposition(named)
    } else {
        j.waypoints.iter().position(named)
    }
}

/// With one end of a figure named and its mode known ("a nine-hour flight
/// from Beijing", "by train to St Petersburg"), the other end is where the
/// run of legs of that mode through the named end stops; None when the leg
/// at the named end is of another mode.
///
/// A flight or a voyage is one leg, carried on only through stops
/// (refuelling): "a nine-hour flight from Beijing" ends where the plane
/// first lands; a train or a drive runs through its stations.
fn other_end(j: &Journey, named: usize, from_named: bool, mode: Mode) -> Option<usize> {
    let is = |leg: usize| j.legs.get(leg).is_some_and(|l| l.mode == mode);
    let through = |wp: usize| {
        mode.uses_network() || j.waypoints.get(wp).is_some_and(|w| w.role == Role::Stop)
    };
    if from_named {
        let mut end = named;
        while is(end) {
            end += 1;
            if !through(end) {
                break;
            }
        }
        (end > named).then_some(end)
    } else {
        let mut start = named;
        while start > 0 && is(start - 1) {
            start -= 1;
            if !through(start) {
                break;
            }
        }
        (start < named).then_some(start)
    }
}

/// True when a name from the text ("Kim", "Kim Jong-un", "Xi") is the
/// journey's traveller ("Kim Jong Un", "Xi Jinping"): a word of three
/// letters or more in common, or a two-letter one that starts the
/// traveller's name (an East Asian family name: "Xi", "Ri", "Li").
fn traveller_matches(journey_traveller: &str, named: &str) -> bool {
    let jt = journey_traveller.to_lowercase();
    let jt: Vec<&str> = jt.split([' ', '-']).collect();
    named
        .to_lowercase()
        .split([' ', '-'])
        .any(|w| (w.len() >= 3 && jt.contains(&w)) || (w.len() == 2 && jt.first() == Some(&w)))
}

/// "The flight across the Atlantic took 10 hours" with two flights in the
/// journey: the flight (waypoint range, through refuelling stops) whose
/// evidence the text gives last before the claim's sentence, else the
/// first one.
fn leg_told_last(j: &Journey, c: &Claim, mode: Mode) -> Option<(usize, usize)> {
    let at = &c.sources.first()?.sentence;
    let told = |leg: &crate::itinerary::Leg| {
        leg.evidence
            .iter()
            .filter(|e| e.file == at.file && e.start <= at.start)
            .map(|e| e.start)
            .max()
    };
    let of_mode = || (0..j.legs.len()).filter(|&l| j.legs[l].mode == mode);
    let run_of = |leg: usize| {
        let from = other_end(j, leg + 1, false, mode).unwrap_or(leg);
        (from, other_end(j, from, true, mode).unwrap_or(leg + 1))
    };
    // Only where the journey has more than one such flight or drive.
    let mut runs: Vec<(usize, usize)> = of_mode().map(run_of).collect();
    runs.dedup();
    if runs.len() < 2 {
        return None;
    }
    let leg = of_mode()
        .filter_map(|l| told(&j.legs[l]).map(|pos| (pos, l)))
        .max_by_key(|&(pos, l)| (pos, std::cmp::Reverse(l)))
        .map(|(_, l)| l)
        .or_else(|| of_mode().next())?;
    Some(run_of(leg))
}

/// The plausible speeds of `mode` for a claim: a train named high-speed in
/// the claim's sentence or in the evidence of the legs it is measured on
/// runs faster.
fn claim_speed_range(mode: Mode, j: &Journey, m: Option<&Measure>, c: &Claim) -> (f64, f64) {
    speed_range(mode, mode == Mode::Rail && high_speed(j, m, c))
}

/// Is the train of a claim a high-speed one (see [`claim_speed_range`])?
fn high_speed(j: &Journey, m: Option<&Measure>, c: &Claim) -> bool {
    let said = |r: &crate::text::SourceRef| crate::mode::names_high_speed_train(&r.quote);
    c.sources.iter().any(|s| said(&s.sentence))
        || m.is_some_and(|m| {
            m.legs
                .iter()
                .filter_map(|&l| j.legs.get(l))
                .any(|l| l.evidence.iter().any(said))
        })
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
        [&c.from, &c.to].iter().any(|h| {
            h.as_deref()
                .is_some_and(|h| find_waypoint(j, h, false).is_some())
        })
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
    let (mut a_named, mut b_named) = (false, false);
    for (hint, slot, is_from, named) in [
        (&c.from, &mut a, true, &mut a_named),
        (&c.to, &mut b, false, &mut b_named),
    ] {
        if let Some(h) = hint {
            match find_waypoint(j, h, !is_from) {
                Some(i) => {
                    *slot = i;
                    hinted = true;
                    *named = true;
                }
                None => note.push(if is_from {
                    format!("'{h}' (from) is not a waypoint name: measured from the origin")
                } else {
                    format!("'{h}' (to) is not a waypoint name: measured to the destination")
                }),
            }
        }
    }
    if let Some(mode) = c.measured.mode() {
        match (a_named, b_named) {
            (true, false) => b = other_end(j, a, true, mode).unwrap_or(b),
            (false, true) => a = other_end(j, b, false, mode).unwrap_or(a),
            (false, false) if c.one_leg => {
                if let Some((from, to)) = leg_told_last(j, c, mode) {
                    note.push(format!(
                        "the sentence does not say which {mode} leg: taken as the one told \
                         last before it, {} → {}",
                        j.waypoints[from].name, j.waypoints[to].name
                    ));
                    (a, b) = (from, to);
                }
            }
            _ => {}
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

pub(crate) fn check_claim(
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
                        let (lo, hi) = claim_speed_range(mode, j, Some(m), c);
                        out.speed_range_kmh = Some([lo, hi]);
                        let fast = m.km / (hours + tol_h);
                        let slow = m.km / (hours - tol_h).max(hours * 0.01);
                        out.verdict = speed_verdict(fast, slow, (lo, hi));
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
                let (lo, hi) = claim_speed_range(mode, j, named.as_ref(), c);
                out.speed_range_kmh = Some([lo, hi]);
                out.verdict = speed_verdict(s.0 - tol, s.0 + tol, (lo, hi));
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

#[cfg(test)]
mod tests {
    use super::traveller_matches;

    #[test]
    fn a_traveller_is_matched_by_a_part_of_the_name() {
        assert!(traveller_matches("Kim Jong Un", "Kim Jong-un"));
        assert!(traveller_matches(
            "Kim Jong Un",
            "the North Korean leader Kim"
        ));
        assert!(traveller_matches("Xi Jinping", "Xi"));
        assert!(traveller_matches("Ri Sol-ju", "Ri"));
        // A two-letter word inside a name is no match ("Un").
        assert!(!traveller_matches("Kim Jong Un", "Un"));
        assert!(!traveller_matches("Kim Jong Un", "Donald Trump"));
    }
}
