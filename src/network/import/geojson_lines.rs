//! GeoJSON: a FeatureCollection (or a single Feature or geometry) of
//! LineStrings and MultiLineStrings. Lines meet where they share a
//! coordinate (to 1e-7 degrees). Feature properties: `name` or `ref` name
//! the line; `kind` (`conventional`, `high-speed`, `expressway`, `highway`)
//! sets its kind, else the mode's usual kind.

use super::{ImportError, Parts};
use crate::measure::LatLon;
use crate::mode::Mode;
use crate::network::lines::LineKind;
use geojson::{GeoJson, GeometryValue};
use std::collections::HashMap;
use std::path::Path;

pub(super) fn read(path: &Path, mode: Mode) -> Result<Parts, ImportError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| ImportError::new(path, None, format!("cannot read as UTF-8 text: {e}")))?;
    let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
        let what = if e.is_eof() {
            "truncated JSON"
        } else {
            "malformed JSON"
        };
        ImportError::new(
            path,
            Some(format!("line {}, column {}", e.line(), e.column())),
            format!("{what}: {e}"),
        )
    })?;
    let gj = serde_json::from_value::<GeoJson>(value)
        .map_err(|e| ImportError::new(path, None, format!("not GeoJSON: {e}")))?;
    let features: Vec<(Option<geojson::Geometry>, Option<geojson::JsonObject>)> = match gj {
        GeoJson::FeatureCollection(fc) => fc
            .features
            .into_iter()
            .map(|f| (f.geometry, f.properties))
            .collect(),
        GeoJson::Feature(f) => vec![(f.geometry, f.properties)],
        GeoJson::Geometry(g) => vec![(Some(g), None)],
    };
    let default_kind = if mode == Mode::Road {
        LineKind::Highway
    } else {
        LineKind::Conventional
    };
    let mut parts = Parts::default();
    let mut ids: HashMap<(i32, i32), i64> = HashMap::new();
    let mut points: Vec<LatLon> = Vec::new();
    for (i, (geometry, props)) in features.into_iter().enumerate() {
        let prop = |k: &str| {
            props
                .as_ref()
                .and_then(|p| p.get(k))
                .and_then(|v| v.as_str())
                .map(str::to_string)
        };
        let name = prop("name")
            .or_else(|| prop("ref"))
            .unwrap_or_else(|| format!("feature {}", i + 1));
        let kind = match prop("kind").as_deref() {
            Some("high-speed") => LineKind::HighSpeed,
            Some("conventional") => LineKind::Conventional,
            Some("expressway") => LineKind::Expressway,
            Some("highway") => LineKind::Highway,
            _ => default_kind,
        };
        let strings: Vec<Vec<Vec<f64>>> = match geometry.map(|g| g.value) {
            Some(GeometryValue::LineString { coordinates }) => vec![coordinates
                .into_iter()
                .map(|p| p.as_slice().to_vec())
                .collect()],
            Some(GeometryValue::MultiLineString { coordinates }) => coordinates
                .into_iter()
                .map(|l| l.into_iter().map(|p| p.as_slice().to_vec()).collect())
                .collect(),
            _ => continue,
        };
        for coords in strings {
            let mut refs = Vec::with_capacity(coords.len());
            for c in coords {
                let p = LatLon::new(
                    c.get(1).copied().unwrap_or(f64::NAN),
                    c.first().copied().unwrap_or(f64::NAN),
                );
                if !p.is_valid() {
                    return Err(ImportError::new(
                        path,
                        Some(format!("feature {}", i + 1)),
                        format!("invalid position {c:?}: expected [lon, lat] in degrees"),
                    ));
                }
                let key = ((p.lat * 1e7).round() as i32, (p.lon * 1e7).round() as i32);
                let id = *ids.entry(key).or_insert_with(|| {
                    points.push(p);
                    points.len() as i64 - 1
                });
                if refs.last() != Some(&id) {
                    refs.push(id);
                }
            }
            if refs.len() >= 2 {
                parts.add_way(name.clone(), kind, refs);
            }
        }
    }
    parts.index_nodes();
    for (id, p) in points.into_iter().enumerate() {
        if let Some(slot) = parts.wants(id as i64) {
            parts.set_node(slot, p, None);
        }
    }
    Ok(parts)
}
