//! A routed leg as a GeoJSON FeatureCollection (RFC 7946: lon/lat, 6
//! decimals, lines split at the antimeridian): the route, its waypoints and
//! the straight geodesic from first to last waypoint. Geometry (rounding,
//! antimeridian split) is the same as out/route.geojson's: `crate::geojson`.

use super::{RoutePoint, RoutedLeg, AIR_STEP};
use crate::geojson::{line_geometry_json as line_geometry, point_geometry_json};
use crate::measure::{densify_geodesic, geodesic_distance};
use serde_json::{json, Value};

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
            "geometry": point_geometry_json(p.point),
        }));
    }
    if let (Some(a), Some(b)) = (points.first(), points.last()) {
        features.push(json!({
            "type": "Feature",
            "properties": {
                "kind": "straight_line",
                "from": a.name,
                "to": b.name,
                "length_km": (geodesic_distance(a.point, b.point).0 * 1000.0).round() / 1000.0,
            },
            "geometry": line_geometry(&densify_geodesic(a.point, b.point, AIR_STEP)),
        }));
    }
    json!({"type": "FeatureCollection", "features": features})
}
