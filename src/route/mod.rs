//! Routing each leg on its mode's network (rail, road) or along the geodesic
//! (air, sea).
//!
//! CONTRACT (consumed by report, render, geojson): `RoutedLeg` is the routed
//! geometry and length of one itinerary leg.

use crate::measure::{Km, LatLon};
use crate::mode::Mode;
use serde::{Deserialize, Serialize};

/// One itinerary leg, routed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoutedLeg {
    /// Index of the journey in the itinerary.
    pub journey: usize,
    /// Index of the leg within its journey.
    pub leg: usize,
    pub mode: Mode,
    pub from: String,
    pub to: String,
    /// The path, WGS84, from first to last point.
    pub geometry: Vec<LatLon>,
    /// Geodesic length of `geometry`.
    pub length: Km,
    /// False when the leg could not be routed on its network and `geometry`
    /// is the straight geodesic fallback.
    pub routed: bool,
    /// Station or junction names passed, in order (empty for air/sea).
    pub stops: Vec<String>,
    /// Network lines used, in order, with the length travelled on each.
    pub lines: Vec<LineUse>,
    /// Why the leg is unrouted, or anything else the user must know.
    pub warnings: Vec<String>,
}

/// A stretch of a leg on one named network line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LineUse {
    pub line: String,
    pub length: Km,
    /// The official length of the stretch, when the whole line (or the
    /// stretch) has a recorded official length; `None` when the figure rests
    /// on geometry alone.
    pub official: Option<Km>,
}

pub mod geojson;
mod itinerary;
mod leg;
pub use itinerary::route_itinerary;
pub use leg::{route_leg, route_leg_with, straight_line, RouteOptions, RoutePoint, AIR_STEP};
