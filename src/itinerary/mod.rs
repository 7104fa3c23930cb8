//! The journey as legs: which places were travelled through, in what order,
//! by what means, and the sentences that say so.
//!
//! CONTRACT (consumed by route, report, render, geojson): an `Itinerary` is
//! a list of `Journey`s; each journey has ordered `Waypoint`s and `Leg`s that
//! join consecutive waypoints with one `Mode` each.

mod assemble;
mod cues;
mod events;
mod file;
mod people;
mod sequence;
mod tokens;

pub use cues::PlaceRole;
pub use file::{from_toml, to_toml, ItineraryError};

use crate::geoparse::Mention;
use crate::measure::{geodesic_distance, LatLon};
use crate::mode::Mode;
use crate::text::Document;
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

/// Two waypoints this close are the same place (a round trip's ends).
const SAME_PLACE_KM: f64 = 1.0;

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

impl Journey {
    /// The origin, when the articles give one (first waypoint with role
    /// origin). Without it there is no origin→destination straight line to
    /// draw or measure.
    pub fn known_origin(&self) -> Option<&Waypoint> {
        self.waypoints.first().filter(|w| w.role == Role::Origin)
    }

    /// Does the journey end where it began (A → B → A included)?
    pub fn is_round_trip(&self) -> bool {
        match (self.waypoints.first(), self.waypoints.last()) {
            (Some(a), Some(b)) if self.waypoints.len() > 2 => {
                geodesic_distance(a.point(), b.point()).0 < SAME_PLACE_KM
            }
            _ => false,
        }
    }

    /// Index of the waypoint the origin→destination straight line runs to:
    /// the last one, or for a round trip the one farthest from the origin
    /// (a line of 0 km to itself says nothing).
    ///
    /// ```
    /// use journeymap::itinerary::{Journey, Role, Waypoint};
    /// let wp = |name: &str, lat: f64, lon: f64, role| Waypoint {
    ///     name: name.into(), place_id: Some(name.into()), country: None,
    ///     lat, lon, role, confidence: 1.0, evidence: vec![],
    /// };
    /// let j = Journey {
    ///     traveller: "T".into(),
    ///     waypoints: vec![
    ///         wp("Oslo", 59.9, 10.7, Role::Origin),
    ///         wp("Rome", 41.9, 12.5, Role::Via),
    ///         wp("Berlin", 52.5, 13.4, Role::Via),
    ///         wp("Oslo", 59.9, 10.7, Role::Destination),
    ///     ],
    ///     legs: vec![],
    ///     notes: vec![],
    /// };
    /// assert!(j.is_round_trip());
    /// assert_eq!(j.far_end(), 1); // Rome
    /// ```
    pub fn far_end(&self) -> usize {
        let last = self.waypoints.len().saturating_sub(1);
        if !self.is_round_trip() {
            return last;
        }
        let origin = self.waypoints[0].point();
        (1..last)
            .map(|i| (i, geodesic_distance(origin, self.waypoints[i].point()).0))
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
            .map_or(last, |(i, _)| i)
    }
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

/// Builds the itinerary from the documents and their geoparsed mentions:
/// who travelled, through which places, in what order, by what means.
///
/// Places that only set the scene (where someone else was, an earlier
/// trip, a hypothetical flight) stay out: a place becomes a waypoint only
/// when a sentence moves a named traveller to, from, through or at it.
pub fn extract(docs: &[Document], mentions: &[Mention]) -> Itinerary {
    let (people, places, observations) = events::observe(docs, mentions);
    Itinerary {
        journeys: assemble::journeys(&people, &places, &observations),
    }
}

#[cfg(test)]
mod tests;
