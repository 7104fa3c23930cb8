//! report.md and the terminal summary.

use super::{Basis, ClaimCheck, Report};
use crate::claims::Quantity;
use std::fmt::Write;

fn opt(x: Option<f64>, unit: &str) -> String {
    x.map_or_else(|| "–".to_string(), |v| format!("{v:.0}{unit}"))
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn value(c: &ClaimCheck) -> String {
    let q = c.claim.qualifier.as_str();
    let v = match c.claim.quantity {
        Quantity::Distance(k) => format!("{:.0} km", k.0),
        Quantity::Duration(h) => format!("{:.1} h", h.0),
        Quantity::Speed(s) => format!("{:.0} km/h", s.0),
        Quantity::Vague(_) => "vague".to_string(),
    };
    if q.is_empty() {
        v
    } else {
        format!("{q} {v}")
    }
}

/// The report as Markdown.
pub fn to_markdown(r: &Report) -> String {
    let mut s = String::from("# Distance report\n\n");
    for j in &r.journeys {
        let _ = writeln!(s, "## Journey {}: {}\n", j.index + 1, j.traveller);
        let straight = match (j.straight_line_km, j.round_trip) {
            (Some(km), false) => format!("straight line {km:.0} km (geodesic, WGS84)"),
            (Some(km), true) => format!(
                "round trip; straight line to its farthest point, {}, {km:.0} km (geodesic, WGS84)",
                j.straight_line_to.as_deref().unwrap_or("?")
            ),
            (None, _) => "no straight line: the origin is not stated".to_string(),
        };
        let _ = writeln!(
            s,
            "{} → {}: {straight}; along the legs {:.0} km.\n",
            j.origin, j.destination, j.total_km
        );
        s.push_str(
            "| leg | mode | from | to | length | basis | lines |\n|---|---|---|---|---|---|---|\n",
        );
        for l in &j.legs {
            let lines: Vec<String> = l
                .lines
                .iter()
                .map(|u| match u.official_km {
                    Some(o) => format!("{} {:.0} km (official {:.0})", u.line, u.length_km, o),
                    None => format!("{} {:.0} km", u.line, u.length_km),
                })
                .collect();
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} | {:.0} km | {} | {} |",
                l.index + 1,
                l.mode,
                cell(&l.from),
                cell(&l.to),
                l.length_km,
                l.basis.as_str(),
                cell(&lines.join("; "))
            );
        }
        s.push('\n');
        for m in &j.by_mode {
            let _ = writeln!(s, "- {}: {:.0} km", m.mode, m.length_km);
        }
        let _ = writeln!(s, "- total: {:.0} km\n", j.total_km);
    }
    s.push_str("## Reported figures\n\n");
    s.push_str("| # | source | quote | value | measures | computed | difference | tolerance | verdict | closest measure | note |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
    for c in &r.claims {
        let src: Vec<String> = c
            .claim
            .sources
            .iter()
            .map(|x| format!("{}:{}", x.figure.file, x.figure.line))
            .collect();
        let computed = match (&c.named, c.computed_km) {
            (Some(m), Some(k)) => format!("{k:.0} km ({}; {})", m.label, m.basis.as_str()),
            _ => "–".to_string(),
        };
        let diff = match (c.difference_km, c.difference_pct) {
            (Some(d), Some(p)) => format!("{d:+.0} km ({p:+.1} %)"),
            (Some(d), None) => format!("{d:+.0} km"),
            _ => match c.implied_speed_kmh {
                Some(v) if c.duration_h.is_some() => format!("{v:.0} km/h implied"),
                _ => "–".to_string(),
            },
        };
        let tol = match (c.tolerance_km, c.tolerance_h) {
            (Some(t), _) => format!("±{t:.0} km"),
            (None, Some(h)) => format!("±{h:.1} h"),
            _ => "–".to_string(),
        };
        let closest = c.closest.as_ref().map_or("–".to_string(), |m| {
            format!("{} ({:.0} km)", m.label, m.km)
        });
        let verdict = if c.flagged {
            format!("{} ⚑", c.verdict.as_str())
        } else {
            c.verdict.as_str().to_string()
        };
        let _ = writeln!(
            s,
            "| {} | {} | “{}” — {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            c.id,
            src.join(", "),
            cell(&c.claim.sources[0].figure.quote),
            cell(&c.claim.sources[0].sentence.quote),
            value(c),
            c.claim.measured.as_str(),
            cell(&computed),
            diff,
            tol,
            verdict,
            cell(&closest),
            cell(&c.note)
        );
    }
    s.push_str("\nTolerance = half the figure's rounding unit + 3 % (exact figure) or 10 % (qualified: about, nearly, more than…). ⚑ = rests on an unrouted leg.\n\n");
    s.push_str("## Speeds\n\n");
    for c in r.claims.iter().filter(|c| c.implied_speed_kmh.is_some()) {
        let range = c
            .speed_range_kmh
            .map_or("–".to_string(), |[a, b]| format!("{a:.0}–{b:.0} km/h"));
        let _ = writeln!(
            s,
            "- #{} {}: {} (plausible {range}) → {}",
            c.id,
            value(c),
            opt(c.implied_speed_kmh, " km/h"),
            c.verdict.as_str()
        );
    }
    s.push_str("\n## Basis of the figures\n\n");
    for j in &r.journeys {
        for l in &j.legs {
            let _ = writeln!(
                s,
                "- journey {} leg {} ({} → {}): {}",
                j.index + 1,
                l.index + 1,
                l.from,
                l.to,
                l.basis.as_str()
            );
        }
    }
    let _ = writeln!(
        s,
        "- straight lines: {} (Karney's method on WGS84)",
        Basis::Geodesic.as_str()
    );
    s.push_str("\n## Data sources and attribution\n\n");
    for d in &r.data_sources {
        let _ = writeln!(s, "- {} — {} ({})", d.name, d.licence, d.used_for);
    }
    s
}

/// A few lines for the terminal.
pub fn summary(r: &Report) -> String {
    let mut s = String::new();
    for j in &r.journeys {
        let _ = writeln!(
            s,
            "{}: {} → {}: {:.0} km along {} legs, {}",
            j.traveller,
            j.origin,
            j.destination,
            j.total_km,
            j.legs.len(),
            match (j.straight_line_km, j.round_trip) {
                (Some(km), false) => format!("{km:.0} km straight line"),
                (Some(km), true) => format!(
                    "round trip, {km:.0} km straight line to its farthest point ({})",
                    j.straight_line_to.as_deref().unwrap_or("?")
                ),
                (None, _) => "origin not stated".to_string(),
            }
        );
    }
    let count = |v: &[super::Verdict]| r.claims.iter().filter(|c| v.contains(&c.verdict)).count();
    use super::Verdict::*;
    let _ = writeln!(
        s,
        "{} reported figures: {} consistent/plausible, {} overstated/too fast, {} understated/too slow, {} vague, {} unchecked{}",
        r.claims.len(),
        count(&[Consistent, Plausible]),
        count(&[Overstated, TooFast]),
        count(&[Understated, TooSlow]),
        count(&[Vague]),
        count(&[Unchecked]),
        match r.claims.iter().filter(|c| c.flagged).count() {
            0 => String::new(),
            n => format!(" ({n} flagged: unrouted legs)"),
        }
    );
    s
}
