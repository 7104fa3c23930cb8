//! Units and geodesy. Every distance in journeymap is geodesic on the WGS84
//! ellipsoid (Karney's method, via `geo::Geodesic`); the spherical
//! approximation is never used silently.
//!
//! ```
//! use journeymap::measure::{LatLon, geodesic_distance};
//! let pyongyang = LatLon::new(39.0339, 125.7543);
//! let hanoi = LatLon::new(21.0245, 105.8412);
//! let d = geodesic_distance(pyongyang, hanoi);
//! assert!((d.0 - 2758.0).abs() < 5.0, "{d:?}");
//! ```

use geo::{Destination, Distance, Geodesic, InterpolatePoint, Point};
use serde::{Deserialize, Serialize};

mod units;
pub use units::{Hours, Km, KmPerHour, KM_PER_MILE, KM_PER_NAUTICAL_MILE};

/// A WGS84 position. Latitude first, as people say it; converted to
/// `geo::Point` (x = lon, y = lat) only at the boundary with `geo`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LatLon {
    pub lat: f64,
    pub lon: f64,
}

impl LatLon {
    pub const fn new(lat: f64, lon: f64) -> Self {
        LatLon { lat, lon }
    }

    /// True when both coordinates are finite and within their ranges.
    pub fn is_valid(&self) -> bool {
        self.lat.is_finite()
            && self.lon.is_finite()
            && (-90.0..=90.0).contains(&self.lat)
            && (-180.0..=180.0).contains(&self.lon)
    }

    pub fn to_point(self) -> Point<f64> {
        Point::new(self.lon, self.lat)
    }

    pub fn from_point(p: Point<f64>) -> Self {
        LatLon::new(p.y(), p.x())
    }

    /// Parses `"lat,lon"` (decimal degrees), as typed on a command line.
    pub fn parse(s: &str) -> Option<LatLon> {
        let (a, b) = s.split_once(',')?;
        let p = LatLon::new(a.trim().parse().ok()?, b.trim().parse().ok()?);
        p.is_valid().then_some(p)
    }
}

impl std::fmt::Display for LatLon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:.4},{:.4}", self.lat, self.lon)
    }
}

/// Geodesic (WGS84 ellipsoid) distance between two points.
pub fn geodesic_distance(a: LatLon, b: LatLon) -> Km {
    Km(Geodesic.distance(a.to_point(), b.to_point()) / 1000.0)
}

/// Mean Earth radius (IUGG R1), km: for spherical approximations only,
/// each used with a stated margin (lower bounds that steer or skip
/// geodesic work); every reported distance is geodesic.
pub const MEAN_EARTH_RADIUS_KM: f64 = 6371.0088;

/// Great-circle (haversine) distance on the mean-radius sphere, in km.
/// Not a WGS84 distance: it differs from the geodesic by up to about
/// 0.6 %, so callers use it as a cheap bound with their own margin.
///
/// ```
/// use journeymap::measure::{geodesic_distance, spherical_distance_km, LatLon};
/// let (a, b) = (LatLon::new(39.02, 125.75), LatLon::new(21.03, 105.85));
/// let (sphere, wgs84) = (spherical_distance_km(a, b), geodesic_distance(a, b).0);
/// assert!((sphere - wgs84).abs() < 0.006 * wgs84);
/// ```
pub fn spherical_distance_km(a: LatLon, b: LatLon) -> f64 {
    let (p1, p2) = (a.lat.to_radians(), b.lat.to_radians());
    let dl = (b.lon - a.lon).to_radians();
    let h = ((p2 - p1) / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * MEAN_EARTH_RADIUS_KM * h.clamp(0.0, 1.0).sqrt().asin()
}

/// Geodesic length of a polyline: the sum of its segments' geodesic lengths.
pub fn geodesic_length(line: &[LatLon]) -> Km {
    Km(line
        .windows(2)
        .map(|w| geodesic_distance(w[0], w[1]).0)
        .sum())
}

/// Initial bearing in degrees (0 = north, clockwise) of the geodesic a→b.
pub fn geodesic_bearing(a: LatLon, b: LatLon) -> f64 {
    use geo::Bearing;
    Geodesic.bearing(a.to_point(), b.to_point())
}

/// The point reached by travelling `dist` from `from` on initial `bearing`.
pub fn geodesic_destination(from: LatLon, bearing_deg: f64, dist: Km) -> LatLon {
    LatLon::from_point(Geodesic.destination(from.to_point(), bearing_deg, dist.0 * 1000.0))
}

/// Points along the geodesic a→b, no more than `max_step` apart, both ends
/// included. Used to draw great-circle arcs as curves.
pub fn densify_geodesic(a: LatLon, b: LatLon, max_step: Km) -> Vec<LatLon> {
    let total = geodesic_distance(a, b).0;
    let n = if max_step.0 > 0.0 {
        (total / max_step.0).ceil().max(1.0) as usize
    } else {
        1
    };
    let mut out = Vec::with_capacity(n + 1);
    out.push(a);
    for i in 1..n {
        let p = Geodesic.point_at_ratio_between(a.to_point(), b.to_point(), i as f64 / n as f64);
        out.push(LatLon::from_point(p));
    }
    out.push(b);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn geodesic_matches_geographiclib_reference() {
        // GeographicLib GeodSolve -i: 40.6 -73.8 -> 51.6 -0.5 gives
        // s12 = 5551759.400319 m (Karney's standard JFK-LHR example).
        let d = geodesic_distance(LatLon::new(40.6, -73.8), LatLon::new(51.6, -0.5));
        assert!((d.0 - 5551.759400319).abs() < 1e-3, "{d:?}");
    }

    #[test]
    fn densify_keeps_ends_and_step() {
        let a = LatLon::new(0.0, 170.0);
        let b = LatLon::new(0.0, -170.0);
        let pts = densify_geodesic(a, b, Km(100.0));
        assert_eq!(pts.first(), Some(&a));
        assert_eq!(pts.last(), Some(&b));
        for w in pts.windows(2) {
            assert!(geodesic_distance(w[0], w[1]).0 <= 100.0 + 1e-6);
        }
        let len = geodesic_length(&pts).0;
        assert!((len - geodesic_distance(a, b).0).abs() < 0.01);
    }

    #[test]
    fn parse_latlon() {
        assert_eq!(LatLon::parse("21.0, 105.8"), Some(LatLon::new(21.0, 105.8)));
        assert_eq!(LatLon::parse("91,0"), None);
        assert_eq!(LatLon::parse("x,0"), None);
    }
}
