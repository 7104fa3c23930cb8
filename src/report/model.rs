//! The report's data model: what report.json holds (field names are the
//! schema documented in the module above).

use crate::claims::Claim;
use crate::mode::Mode;
use serde::{Deserialize, Serialize};

use super::Verdict;

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
    /// `None` when a waypoint has invalid coordinates.
    pub straight_line_km: Option<f64>,
    /// Ends where it began; its straight line then runs to the waypoint
    /// farthest from the origin.
    #[serde(default)]
    pub round_trip: bool,
    /// Where the straight line ends: the destination, or a round trip's
    /// farthest waypoint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub straight_line_to: Option<String>,
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
    /// `None` when a waypoint has invalid coordinates.
    pub straight_line_km: Option<f64>,
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

    pub(crate) fn combine(self, o: Basis) -> Basis {
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
