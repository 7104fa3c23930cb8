//! Tolerances and verdicts: how far a reported figure may be from the
//! computed one and still be consistent with it.
//!
//! **Tolerance** of a distance figure, in km:
//! `tolerance = rounding/2 (in km) + share × figure`, where `rounding` is the
//! place of the figure's last significant digit in its written unit (2900 →
//! 100, so ±50; 3220 → 10, so ±5; 1,850 miles → ±5 miles) and `share` is
//! 3 % for an unqualified figure (our own measures rest on station-to-station
//! geometry) and 10 % for an approximate one (about, around, some, nearly…).
//!
//! **Verdicts** for distances (`d` = figure − computed):
//! - exact or "about": |d| ≤ tolerance → consistent; d > 0 → overstated;
//!   else understated;
//! - "more than", "over", "at least": consistent when computed ≥ figure −
//!   tolerance, else overstated;
//! - "up to", "less than": consistent when computed ≤ figure + tolerance,
//!   else understated;
//! - "nearly", "almost": consistent when figure − tolerance ≤ computed ≤
//!   figure + tolerance.
//!
//! **Durations** give an implied average speed over the measure they name.
//! The duration's own tolerance (same rule, in hours) gives a speed range;
//! it is plausible when that range overlaps the mode's range below, too fast
//! or too slow otherwise. Ranges are door-to-door averages including stops:
//! conventional rail 25–160 km/h, car 15–110 km/h, airliner 250–950 km/h
//! (block speed), sea 5–60 km/h.

use crate::claims::Qualifier;
use crate::mode::Mode;
use serde::{Deserialize, Serialize};

/// The outcome of checking one claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Consistent,
    Overstated,
    Understated,
    /// A duration or speed that the mode can do.
    Plausible,
    /// A duration too short (speed too high) for the mode.
    TooFast,
    /// A duration too long (speed too low) for the mode.
    TooSlow,
    /// "several hours": nothing to check.
    Vague,
    /// No computed measure to compare with (see the note).
    Unchecked,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Consistent => "consistent",
            Verdict::Overstated => "overstated",
            Verdict::Understated => "understated",
            Verdict::Plausible => "plausible",
            Verdict::TooFast => "too fast",
            Verdict::TooSlow => "too slow",
            Verdict::Vague => "vague",
            Verdict::Unchecked => "unchecked",
        }
    }
}

/// Share of the figure added to the tolerance for its qualifier.
pub fn qualifier_share(q: Qualifier) -> f64 {
    match q {
        Qualifier::Exact => 0.03,
        _ => 0.10,
    }
}

/// Tolerance of a figure (in its converted unit) given its rounding unit
/// converted to the same unit.
pub fn tolerance(figure: f64, rounding: f64, q: Qualifier) -> f64 {
    rounding / 2.0 + qualifier_share(q) * figure.abs()
}

/// The verdict on a distance figure against a computed value.
pub fn distance_verdict(figure: f64, computed: f64, tol: f64, q: Qualifier) -> Verdict {
    let d = figure - computed;
    match q {
        Qualifier::MoreThan | Qualifier::AtLeast => {
            if computed >= figure - tol {
                Verdict::Consistent
            } else {
                Verdict::Overstated
            }
        }
        Qualifier::UpTo | Qualifier::LessThan => {
            if computed <= figure + tol {
                Verdict::Consistent
            } else {
                Verdict::Understated
            }
        }
        Qualifier::Exact | Qualifier::About | Qualifier::Nearly => {
            if d.abs() <= tol {
                Verdict::Consistent
            } else if d > 0.0 {
                Verdict::Overstated
            } else {
                Verdict::Understated
            }
        }
    }
}

/// Plausible average speeds (km/h) for a mode, door to door.
pub fn speed_range(mode: Mode, high_speed: bool) -> (f64, f64) {
    match mode {
        // TGV, shinkansen, Fuxing: 300–350 km/h in service.
        Mode::Rail if high_speed => (25.0, 350.0),
        Mode::Rail => (25.0, 160.0),
        Mode::Road => (15.0, 110.0),
        Mode::Air => (250.0, 950.0),
        Mode::Sea => (5.0, 60.0),
    }
}

/// Verdict on a speed interval `[lo, hi]` against a plausible `range`.
pub fn speed_verdict(lo: f64, hi: f64, (min, max): (f64, f64)) -> Verdict {
    if lo > max {
        Verdict::TooFast
    } else if hi < min {
        Verdict::TooSlow
    } else {
        Verdict::Plausible
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_and_qualifier() {
        assert_eq!(tolerance(2900.0, 100.0, Qualifier::Exact), 50.0 + 87.0);
        assert!((tolerance(2900.0, 100.0, Qualifier::About) - 340.0).abs() < 1e-9);
        assert!(
            tolerance(3220.0, 10.0, Qualifier::Exact) < tolerance(3220.0, 10.0, Qualifier::About)
        );
    }

    #[test]
    fn verdicts() {
        use Qualifier::*;
        assert_eq!(
            distance_verdict(100.0, 95.0, 6.0, Exact),
            Verdict::Consistent
        );
        assert_eq!(
            distance_verdict(100.0, 90.0, 6.0, Exact),
            Verdict::Overstated
        );
        assert_eq!(
            distance_verdict(100.0, 110.0, 6.0, Exact),
            Verdict::Understated
        );
        assert_eq!(
            distance_verdict(100.0, 500.0, 6.0, MoreThan),
            Verdict::Consistent
        );
        assert_eq!(
            distance_verdict(100.0, 50.0, 6.0, MoreThan),
            Verdict::Overstated
        );
        assert_eq!(
            distance_verdict(100.0, 50.0, 6.0, UpTo),
            Verdict::Consistent
        );
        assert_eq!(
            distance_verdict(100.0, 150.0, 6.0, UpTo),
            Verdict::Understated
        );
        let range = |m| speed_range(m, false);
        assert_eq!(
            speed_verdict(60.0, 70.0, range(Mode::Rail)),
            Verdict::Plausible
        );
        assert_eq!(
            speed_verdict(600.0, 700.0, range(Mode::Road)),
            Verdict::TooFast
        );
        assert_eq!(speed_verdict(1.0, 2.0, range(Mode::Air)), Verdict::TooSlow);
        // 660 km in three hours: too fast for a train, not for a TGV.
        assert_eq!(
            speed_verdict(220.0, 220.0, range(Mode::Rail)),
            Verdict::TooFast
        );
        assert_eq!(
            speed_verdict(220.0, 220.0, speed_range(Mode::Rail, true)),
            Verdict::Plausible
        );
    }
}
