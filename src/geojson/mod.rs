//! out/route.geojson: the journey as RFC 7946 GeoJSON — WGS84 lon/lat, no
//! `crs`, coordinates rounded to 6 decimals (≈ 0.1 m), lines split at the
//! antimeridian. One FeatureCollection: a Feature per routed leg, per
//! waypoint and per journey's straight line; properties say what each is and
//! quote the sentences it rests on. Output is deterministic (features in
//! itinerary order, property keys sorted).
//!
//! ```
//! use journeymap::itinerary::{Itinerary, Journey, Role, Waypoint};
//! let wp = |name: &str, lat, lon, role| Waypoint { name: name.into(), place_id: None,
//!     country: None, lat, lon, role, confidence: 1.0, evidence: vec![] };
//! let it = Itinerary { journeys: vec![Journey { traveller: "K".into(),
//!     waypoints: vec![wp("Dong Dang", 21.9397, 106.7006, Role::Origin),
//!                     wp("Hanoi", 21.0245, 105.8412, Role::Destination)],
//!     legs: vec![], notes: vec![] }] };
//! let text = journeymap::geojson::write(&it, &[]);
//! let v: serde_json::Value = serde_json::from_str(&text).unwrap();
//! assert_eq!(v["features"].as_array().unwrap().len(), 3); // 2 points + straight line
//! ```

pub mod antimeridian;

use crate::itinerary::{Itinerary, Journey, Role};
use crate::measure::LatLon;
use crate::render::straight::straight_lines;
use crate::route::RoutedLeg;
use crate::text::SourceRef;
use geojson::{Feature, FeatureCollection, Geometry, GeometryValue, JsonObject, JsonValue};
use serde_json::json;

/// The FeatureCollection as JSON text, one feature per line (compact for
/// long routes, readable and diffable line by line; ends with a newline).
pub fn write(itinerary: &Itinerary, legs: &[RoutedLeg]) -> String {
    let fc = collection(itinerary, legs);
    let features: Vec<String> = fc
        .features
        .iter()
        // Serialising plain maps, strings and finite numbers cannot fail; a
        // feature that somehow did would be left out rather than corrupt
        // the document.
        .filter_map(|f| serde_json::to_string(f).ok())
        .collect();
    if features.is_empty() {
        return "{\"type\":\"FeatureCollection\",\"features\":[]}\n".to_string();
    }
    format!(
        "{{\"type\":\"FeatureCollection\",\"features\":[\n{}\n]}}\n",
        features.join(",\n")
    )
}

/// The FeatureCollection: legs, then waypoints, then straight lines.
pub fn collection(itinerary: &Itinerary, legs: &[RoutedLeg]) -> FeatureCollection {
    let mut features = Vec::new();
    for leg in legs {
        let journey = itinerary.journeys.get(leg.journey);
        if let Some(f) = leg_feature(leg, journey) {
            features.push(f);
        }
    }
    for (j, journey) in itinerary.journeys.iter().enumerate() {
        for (i, w) in journey.waypoints.iter().enumerate() {
            if !w.point().is_valid() {
                continue;
            }
            let mut p = JsonObject::new();
            p.insert("kind".into(), json!("waypoint"));
            p.insert("journey".into(), json!(j));
            p.insert("traveller".into(), json!(journey.traveller));
            p.insert("index".into(), json!(i));
            p.insert("name".into(), json!(w.name));
            p.insert("gazetteer_id".into(), json!(w.place_id));
            p.insert("country".into(), json!(w.country));
            p.insert("role".into(), json!(role_name(w.role)));
            p.insert("confidence".into(), json!(round(w.confidence, 3)));
            p.insert("mentions".into(), json!(w.evidence.len()));
            p.insert("evidence".into(), evidence(&w.evidence));
            let point = GeometryValue::new_point(position(w.point()));
            features.push(feature(point, p));
        }
    }
    for s in straight_lines(itinerary) {
        let mut p = JsonObject::new();
        p.insert("kind".into(), json!("straight_line"));
        p.insert("journey".into(), json!(s.journey));
        let traveller = itinerary
            .journeys
            .get(s.journey)
            .map(|j| j.traveller.as_str());
        p.insert("traveller".into(), json!(traveller));
        p.insert("from".into(), json!(s.from));
        p.insert("to".into(), json!(s.to));
        p.insert("length_km".into(), json!(round(s.length.0, 3)));
        if let Some(g) = line_geometry(&s.geometry) {
            features.push(feature(g, p));
        }
    }
    FeatureCollection::new(features)
}

fn leg_feature(leg: &RoutedLeg, journey: Option<&Journey>) -> Option<Feature> {
    let geometry = line_geometry(&leg.geometry)?;
    let mut p = JsonObject::new();
    p.insert("kind".into(), json!("leg"));
    p.insert("journey".into(), json!(leg.journey));
    p.insert(
        "traveller".into(),
        json!(journey.map(|j| j.traveller.as_str())),
    );
    p.insert("leg".into(), json!(leg.leg));
    p.insert("mode".into(), json!(leg.mode.as_str()));
    p.insert("from".into(), json!(leg.from));
    p.insert("to".into(), json!(leg.to));
    p.insert("length_km".into(), json!(round(leg.length.0, 3)));
    p.insert("routed".into(), json!(leg.routed));
    p.insert("stops".into(), json!(leg.stops));
    let lines: Vec<String> = leg.lines.iter().map(|l| l.line.clone()).collect();
    p.insert("lines".into(), json!(lines));
    let lines_detail: Vec<JsonValue> = leg
        .lines
        .iter()
        .map(|l| {
            json!({
                "line": l.line,
                "length_km": round(l.length.0, 3),
                "official_km": l.official.map(|k| round(k.0, 3)),
            })
        })
        .collect();
    // As a JSON string: GDAL maps arrays of objects to a string anyway, and
    // one consistent type keeps QGIS's attribute table clean.
    p.insert(
        "lines_detail".into(),
        json!(serde_json::to_string(&lines_detail).unwrap_or_default()),
    );
    p.insert("warnings".into(), json!(leg.warnings));
    let ev = journey
        .and_then(|j| j.legs.get(leg.leg))
        .map(|l| l.evidence.as_slice())
        .unwrap_or(&[]);
    p.insert("evidence".into(), evidence(ev));
    Some(feature(geometry, p))
}

fn feature(value: GeometryValue, properties: JsonObject) -> Feature {
    Feature {
        geometry: Some(Geometry::new(value)),
        properties: Some(properties),
        ..Feature::default()
    }
}

/// A LineString, or a MultiLineString when the line crosses the
/// antimeridian; `None` for fewer than two valid points.
fn line_geometry(line: &[LatLon]) -> Option<GeometryValue> {
    let valid: Vec<LatLon> = line.iter().copied().filter(|p| p.is_valid()).collect();
    let mut parts: Vec<Vec<geojson::Position>> = antimeridian::split(&valid)
        .iter()
        .map(|part| {
            let mut coords: Vec<geojson::Position> = part.iter().map(|p| position(*p)).collect();
            coords.dedup();
            coords
        })
        .filter(|c| c.len() > 1)
        .collect();
    match parts.len() {
        0 => None,
        1 => parts.pop().map(GeometryValue::new_line_string),
        _ => Some(GeometryValue::new_multi_line_string(parts)),
    }
}

/// A line as a GeoJSON geometry object (split at the antimeridian,
/// 6 decimals), or `null` for fewer than two valid points. For writers
/// that build their features as plain JSON (`route --geojson`).
pub fn line_geometry_json(line: &[LatLon]) -> JsonValue {
    line_geometry(line)
        .map(|g| JsonValue::from(&g))
        .unwrap_or(JsonValue::Null)
}

/// A point as a GeoJSON geometry object (6 decimals).
pub fn point_geometry_json(p: LatLon) -> JsonValue {
    JsonValue::from(&GeometryValue::new_point(position(p)))
}

/// [lon, lat] rounded to 6 decimals (no negative zero).
fn position(p: LatLon) -> geojson::Position {
    geojson::Position::from([round(p.lon, 6), round(p.lat, 6)])
}

fn round(v: f64, decimals: i32) -> f64 {
    let k = 10f64.powi(decimals);
    let r = (v * k).round() / k;
    if r == 0.0 || !r.is_finite() {
        0.0
    } else {
        r
    }
}

fn role_name(r: Role) -> &'static str {
    match r {
        Role::Origin => "origin",
        Role::Via => "via",
        Role::Stop => "stop",
        Role::Destination => "destination",
    }
}

/// Evidence as "file:line: quote" strings (a string list opens cleanly in
/// GDAL/QGIS).
fn evidence(refs: &[SourceRef]) -> JsonValue {
    let v: Vec<String> = refs
        .iter()
        .map(|r| format!("{}:{}: {}", r.file, r.line, r.quote))
        .collect();
    json!(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding() {
        assert_eq!(round(105.84123456789, 6), 105.841235);
        assert_eq!(round(-0.0000001, 6), 0.0);
        assert!(round(-0.0000001, 6).is_sign_positive());
    }

    #[test]
    fn short_lines_are_dropped() {
        assert!(line_geometry(&[LatLon::new(1.0, 1.0)]).is_none());
        assert!(line_geometry(&[LatLon::new(1.0, 1.0), LatLon::new(1.0, 1.0)]).is_none());
    }
}
