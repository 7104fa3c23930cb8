//! Splitting lines at the antimeridian (RFC 7946 §3.1.9): a line that
//! crosses ±180° becomes several parts, each ending exactly on the
//! meridian at the latitude where the geodesic crosses it.
//!
//! ```
//! use journeymap::geojson::antimeridian::split;
//! use journeymap::measure::LatLon;
//! let parts = split(&[LatLon::new(0.0, 179.0), LatLon::new(0.0, -179.0)]);
//! assert_eq!(parts.len(), 2);
//! assert_eq!(parts[0].last().unwrap().lon, 180.0);
//! assert_eq!(parts[1][0].lon, -180.0);
//! ```

use crate::measure::LatLon;
use geo::{Geodesic, InterpolatePoint};

/// Splits `line` wherever a segment crosses the antimeridian (a longitude
/// jump of more than 180° between consecutive points).
pub fn split(line: &[LatLon]) -> Vec<Vec<LatLon>> {
    let mut parts: Vec<Vec<LatLon>> = Vec::new();
    let mut cur: Vec<LatLon> = Vec::new();
    for (i, &p) in line.iter().enumerate() {
        if i > 0 {
            let a = line[i - 1];
            if (p.lon - a.lon).abs() > 180.0 {
                let lat = crossing_latitude(a, p);
                let east = if a.lon > 0.0 { 180.0 } else { -180.0 };
                cur.push(LatLon::new(lat, east));
                parts.push(std::mem::take(&mut cur));
                cur.push(LatLon::new(lat, -east));
            }
        }
        cur.push(p);
    }
    parts.push(cur);
    parts.retain(|p| p.len() > 1 && p.windows(2).any(|w| w[0] != w[1]));
    parts
}

/// Latitude where the geodesic a→b crosses the antimeridian, by bisection
/// on the fraction along the geodesic (WGS84).
fn crossing_latitude(a: LatLon, b: LatLon) -> f64 {
    // Longitudes unwrapped onto a's side, so the crossing is at ±180.
    let side = if a.lon > 0.0 { 1.0 } else { -1.0 };
    let unwrap = |lon: f64| {
        if lon * side < 0.0 {
            lon + 360.0 * side
        } else {
            lon
        }
    };
    let (pa, pb) = (a.to_point(), b.to_point());
    let (mut lo, mut hi) = (0.0f64, 1.0f64);
    let mut lat = (a.lat + b.lat) / 2.0;
    for _ in 0..48 {
        let mid = (lo + hi) / 2.0;
        let p = Geodesic.point_at_ratio_between(pa, pb, mid);
        lat = p.y();
        if (unwrap(p.x()) - 180.0 * side) * side < 0.0 {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    lat
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measure::densify_geodesic;
    use crate::measure::Km;

    #[test]
    fn no_crossing_is_one_part() {
        let l = [LatLon::new(21.0, 105.8), LatLon::new(39.0, 125.7)];
        assert_eq!(split(&l), vec![l.to_vec()]);
    }

    #[test]
    fn crossing_latitude_lies_on_the_geodesic() {
        // Tokyo → Los Angeles, densified: the split point must agree with
        // the densified line's own crossing within a few hundredths.
        let tokyo = LatLon::new(35.5494, 139.7798);
        let lax = LatLon::new(33.9425, -118.4081);
        let dense = densify_geodesic(tokyo, lax, Km(10.0));
        let parts = split(&dense);
        assert_eq!(parts.len(), 2);
        let end = *parts[0].last().unwrap();
        let i = dense
            .windows(2)
            .position(|w| (w[1].lon - w[0].lon).abs() > 180.0)
            .unwrap();
        assert!(
            (end.lat - dense[i].lat).abs() < 0.1,
            "{end:?} vs {:?}",
            dense[i]
        );
        assert_eq!(parts[1][0].lat, end.lat);
        assert!(parts.iter().flatten().all(|p| p.lon.abs() <= 180.0));
    }
}
