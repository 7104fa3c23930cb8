//! The straight line of each journey: the geodesic from its origin to its
//! destination, the "as the crow flies" distance articles quote.
//!
//! ```
//! use journeymap::itinerary::{Itinerary, Journey, Waypoint, Role};
//! use journeymap::render::straight::straight_lines;
//! let wp = |name: &str, lat, lon, role| Waypoint { name: name.into(), place_id: None,
//!     country: None, lat, lon, role, confidence: 1.0, evidence: vec![] };
//! let it = Itinerary { journeys: vec![Journey { traveller: "K".into(),
//!     waypoints: vec![wp("Pyongyang", 39.0339, 125.7543, Role::Origin),
//!                     wp("Hanoi", 21.0245, 105.8412, Role::Destination)],
//!     legs: vec![], notes: vec![] }] };
//! let s = straight_lines(&it);
//! assert!((s[0].length.0 - 2758.0).abs() < 5.0);
//! ```

use crate::itinerary::Itinerary;
use crate::measure::{densify_geodesic, geodesic_distance, Km, LatLon};

/// Spacing of the points that draw the geodesic as a curve.
const STEP: Km = Km(25.0);

#[derive(Debug, Clone, PartialEq)]
pub struct StraightLine {
    /// Index of the journey in the itinerary.
    pub journey: usize,
    pub from: String,
    pub to: String,
    /// The geodesic, densified; first point = origin, last = destination.
    pub geometry: Vec<LatLon>,
    /// Geodesic (WGS84) distance origin→destination.
    pub length: Km,
}

/// One straight line per journey whose origin is known (first waypoint has
/// role origin) and that has at least two valid waypoints (first → last).
/// Without a known origin there is no origin→destination line to draw.
pub fn straight_lines(itinerary: &Itinerary) -> Vec<StraightLine> {
    itinerary
        .journeys
        .iter()
        .enumerate()
        .filter_map(|(i, j)| {
            // A round trip's line runs to its farthest point.
            let (a, b) = (j.waypoints.first()?, j.waypoints.get(j.far_end())?);
            let (pa, pb) = (a.point(), b.point());
            if j.waypoints.len() < 2
                || j.known_origin().is_none()
                || !pa.is_valid()
                || !pb.is_valid()
            {
                return None;
            }
            Some(StraightLine {
                journey: i,
                from: a.name.clone(),
                to: b.name.clone(),
                geometry: densify_geodesic(pa, pb, STEP),
                length: geodesic_distance(pa, pb),
            })
        })
        .collect()
}
