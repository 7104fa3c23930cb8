//! The journey as legs: which places were travelled through, in what order,
//! by what means, and the sentences that say so.
//!
//! CONTRACT (consumed by route, report, render, geojson): an `Itinerary` is
//! a list of `Journey`s; each journey has ordered `Waypoint`s and `Leg`s that
//! join consecutive waypoints with one `Mode` each.

use crate::measure::LatLon;
use crate::mode::Mode;
use crate::text::SourceRef;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Itinerary {
    #[serde(default, rename = "journey")]
    pub journeys: Vec<Journey>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Journey {
    /// Who travels ("Kim Jong Un").
    pub traveller: String,
    /// Ordered waypoints, origin first.
    #[serde(default, rename = "waypoint")]
    pub waypoints: Vec<Waypoint>,
    /// `legs[i]` joins `waypoints[i]` to `waypoints[i + 1]`.
    #[serde(default, rename = "leg")]
    pub legs: Vec<Leg>,
    /// What the articles leave open ("origin not stated").
    #[serde(default)]
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Origin,
    Via,
    Stop,
    Destination,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Waypoint {
    pub name: String,
    /// Gazetteer source id (`geonames:1581130`, `supp:dong-dang-station`),
    /// when resolved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place_id: Option<String>,
    /// ISO 3166-1 alpha-2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    pub lat: f64,
    pub lon: f64,
    pub role: Role,
    #[serde(default)]
    pub confidence: f64,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<SourceRef>,
}

impl Waypoint {
    pub fn point(&self) -> LatLon {
        LatLon::new(self.lat, self.lon)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Leg {
    pub mode: Mode,
    #[serde(default)]
    pub confidence: f64,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<SourceRef>,
}
