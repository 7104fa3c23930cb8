//! A routed leg as a GeoJSON FeatureCollection (RFC 7946: lon/lat, 6
//! decimals, lines split at the antimeridian): the route, its waypoints and
//! the straight geodesic from first to last waypoint.

use super::{RoutePoint, RoutedLeg, AIR_STEP};
use crate::measure::{densify_geodesic, geodesic_distance, LatLon};
use serde_json::{json, Value};

fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

/// Splits a polyline whose longitudes are in [-180, 180] where it crosses
/// the antimeridian (consecutive longitudes more than 180° apart), adding
/// the crossing point, interpolated in latitude, to both parts.
///
/// ```
/// use journeymap::measure::LatLon;
/// use journeymap::route::geojson::split_antimeridian;
/// let parts = split_antimeridian(&[LatLon::new(0.0, 179.0), LatLon::new(2.0, -179.0)]);
/// assert_eq!(parts.len(), 2);
/// assert_eq!(parts[0].last().unwrap().lon, 180.0);
/// assert_eq!(parts[1][0].lon, -180.0);
/// assert!((parts[1][0].lat - 1.0).abs() < 1e-9);
/// ```
pub fn split_antimeridian(line: &[LatLon]) -> Vec<Vec<LatLon>> {
    let mut parts = vec![Vec::new()];
    for (i, &p) in line.iter().enumerate() {
        if i > 0 {
            let q = line[i - 1];
            let d = p.lon - q.lon;
            if d.abs() > 180.0 {
                // Unwrap p next to q, find where the segment meets ±180.
                let edge = if q.lon > 0.0 { 180.0 } else { -180.0 };
                let p_lon = if d < 0.0 {
                    p.lon + 360.0
                } else {
                    p.lon - 360.0
                };
                let t = if (p_lon - q.lon).abs() > 0.0 {
                    (edge - q.lon) / (p_lon - q.lon)
                } else {
                    0.0
                };
                let lat = q.lat + t * (p.lat - q.lat);
                if let Some(last) = parts.last_mut() {
                    last.push(LatLon::new(lat, edge));
                }
                parts.push(vec![LatLon::new(lat, -edge)]);
            }
        }
        if let Some(last) = parts.last_mut() {
            last.push(p);
        }
    }
    parts.retain(|p| p.len() >= 2);
    parts
}

fn line_geometry(line: &[LatLon]) -> Value {
    let coords = |l: &[LatLon]| -> Value {
        l.iter()
            .map(|p| json!([round6(p.lon), round6(p.lat)]))
            .collect()
    };
    let parts = split_antimeridian(line);
    if parts.len() == 1 {
        json!({"type": "LineString", "coordinates": coords(&parts[0])})
    } else {
        json!({"type": "MultiLineString", "coordinates": parts.iter().map(|p| coords(p)).collect::<Vec<_>>()})
    }
}

/// The FeatureCollection for `leg` routed through `points` (from, vias, to).
pub fn leg_feature_collection(leg: &RoutedLeg, points: &[RoutePoint]) -> Value {
    let mut features = vec![json!({
        "type": "Feature",
        "properties": {
            "kind": "leg",
            "mode": leg.mode.as_str(),
            "from": leg.from,
            "to": leg.to,
            "length_km": (leg.length.0 * 1000.0).round() / 1000.0,
            "routed": leg.routed,
            "stops": leg.stops,
            "lines": leg.lines.iter().map(|u| json!({
                "line": u.line,
                "length_km": (u.length.0 * 1000.0).round() / 1000.0,
                "official_km": u.official.map(|o| (o.0 * 1000.0).round() / 1000.0),
            })).collect::<Vec<_>>(),
            "warnings": leg.warnings,
        },
        "geometry": line_geometry(&leg.geometry),
    })];
    for (i, p) in points.iter().enumerate() {
        let role = if i == 0 {
            "from"
        } else if i + 1 == points.len() {
            "to"
        } else {
            "via"
        };
        features.push(json!({
            "type": "Feature",
            "properties": {"kind": "waypoint", "name": p.name, "role": role},
            "geometry": {"type": "Point", "coordinates": [round6(p.point.lon), round6(p.point.lat)]},
        }));
    }
    if let (Some(a), Some(b)) = (points.first(), points.last()) {
        features.push(json!({
            "type": "Feature",
            "properties": {
                "kind": "straight-line",
                "from": a.name,
                "to": b.name,
                "length_km": (geodesic_distance(a.point, b.point).0 * 1000.0).round() / 1000.0,
            },
            "geometry": line_geometry(&densify_geodesic(a.point, b.point, AIR_STEP)),
        }));
    }
    json!({"type": "FeatureCollection", "features": features})
}
