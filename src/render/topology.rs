//! Decoding the Natural Earth basemap (npm `world-atlas` TopoJSON).
//!
//! Our own small decoder rather than the `topojson` crate: the map needs the
//! topology itself — which arcs two countries share (borders) and which only
//! one country uses (coastlines) — and the crate's conversion to GeoJSON
//! throws that away. Decoding delta-encoded, quantized arcs is a few lines.
//!
//! ```
//! use journeymap::render::topology::{Basemap, Scale};
//! let world = Basemap::load(Scale::Medium).unwrap();
//! assert!(world.countries.iter().any(|c| c.name == "Vietnam"));
//! ```

use crate::measure::LatLon;
use serde::Deserialize;
use std::sync::OnceLock;

/// Natural Earth scale of the basemap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// 1:50m, for wide extents.
    Medium,
    /// 1:10m, for narrow extents.
    Fine,
}

/// A country: its name and polygons, each polygon a list of rings given as
/// signed arc references (TopoJSON: `!i` = arc `i` reversed).
#[derive(Debug, Clone)]
pub struct Country {
    pub name: String,
    pub polygons: Vec<Vec<Vec<i64>>>,
}

/// Decoded topology: arcs in WGS84 plus countries referring to them.
#[derive(Debug)]
pub struct Basemap {
    pub arcs: Vec<Vec<LatLon>>,
    /// How many country rings use each arc: 1 = coast, 2 = land border.
    pub arc_uses: Vec<u8>,
    pub countries: Vec<Country>,
}

#[derive(Deserialize)]
struct RawTopology {
    arcs: Vec<Vec<[i64; 2]>>,
    transform: RawTransform,
    objects: RawObjects,
}

#[derive(Deserialize)]
struct RawTransform {
    scale: [f64; 2],
    translate: [f64; 2],
}

#[derive(Deserialize)]
struct RawObjects {
    countries: RawCollection,
}

#[derive(Deserialize)]
struct RawCollection {
    geometries: Vec<RawGeometry>,
}

#[derive(Deserialize)]
#[serde(tag = "type")]
enum RawGeometry {
    Polygon {
        arcs: Vec<Vec<i64>>,
        #[serde(default)]
        properties: Option<RawProps>,
    },
    MultiPolygon {
        arcs: Vec<Vec<Vec<i64>>>,
        #[serde(default)]
        properties: Option<RawProps>,
    },
    #[serde(other)]
    Other,
}

#[derive(Deserialize)]
struct RawProps {
    name: Option<String>,
}

static MEDIUM: OnceLock<Result<Basemap, String>> = OnceLock::new();
static FINE: OnceLock<Result<Basemap, String>> = OnceLock::new();

impl Basemap {
    /// The bundled basemap at `scale`, decoded once per process.
    pub fn load(scale: Scale) -> Result<&'static Basemap, String> {
        let (cell, text) = match scale {
            Scale::Medium => (
                &MEDIUM,
                include_str!("../../data/basemap/countries-50m.json"),
            ),
            Scale::Fine => (&FINE, include_str!("../../data/basemap/countries-10m.json")),
        };
        cell.get_or_init(|| Basemap::parse(text))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Decodes a TopoJSON text with a `countries` object.
    pub fn parse(text: &str) -> Result<Basemap, String> {
        let raw: RawTopology =
            serde_json::from_str(text).map_err(|e| format!("basemap TopoJSON: {e}"))?;
        let [sx, sy] = raw.transform.scale;
        let [tx, ty] = raw.transform.translate;
        let arcs: Vec<Vec<LatLon>> = raw
            .arcs
            .iter()
            .map(|arc| {
                let (mut x, mut y) = (0i64, 0i64);
                arc.iter()
                    .map(|[dx, dy]| {
                        x += dx;
                        y += dy;
                        LatLon::new(y as f64 * sy + ty, x as f64 * sx + tx)
                    })
                    .collect()
            })
            .collect();
        let countries: Vec<Country> = raw
            .objects
            .countries
            .geometries
            .into_iter()
            .filter_map(|g| match g {
                RawGeometry::Polygon { arcs, properties } => Some((vec![arcs], properties)),
                RawGeometry::MultiPolygon { arcs, properties } => Some((arcs, properties)),
                RawGeometry::Other => None,
            })
            .map(|(polygons, props)| Country {
                name: props.and_then(|p| p.name).unwrap_or_default(),
                polygons,
            })
            .collect();
        let mut arc_uses = vec![0u8; arcs.len()];
        for r in countries
            .iter()
            .flat_map(|c| c.polygons.iter().flatten().flatten())
        {
            let i = arc_index(*r);
            if let Some(u) = arc_uses.get_mut(i) {
                *u = u.saturating_add(1);
            } else {
                return Err(format!("basemap TopoJSON: arc {i} out of range"));
            }
        }
        Ok(Basemap {
            arcs,
            arc_uses,
            countries,
        })
    }

    /// The ring made by joining the referenced arcs (shared end points once).
    pub fn ring(&self, refs: &[i64]) -> Vec<LatLon> {
        let mut out: Vec<LatLon> = Vec::new();
        for &r in refs {
            let Some(arc) = self.arcs.get(arc_index(r)) else {
                continue;
            };
            let skip = usize::from(!out.is_empty());
            if r < 0 {
                out.extend(arc.iter().rev().skip(skip));
            } else {
                out.extend(arc.iter().skip(skip));
            }
        }
        out
    }
}

/// TopoJSON arc reference → arc index (`!i` for reversed arcs).
pub fn arc_index(r: i64) -> usize {
    (if r < 0 { !r } else { r }) as usize
}

/// True for an arc segment that is an artefact of cutting the globe (along
/// the antimeridian or the south pole), not a real coast.
pub fn is_cut(a: LatLon, b: LatLon) -> bool {
    (a.lon.abs() > 179.99 && b.lon.abs() > 179.99 && (a.lon - b.lon).abs() < 1e-6)
        || (a.lat < -89.9 && b.lat < -89.9)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_delta_arcs_and_counts_shared_ones() {
        let t = r#"{"type":"Topology","transform":{"scale":[1,1],"translate":[0,0]},
          "arcs":[[[0,0],[1,0],[0,1]],[[1,1],[-1,0],[0,-1]],[[1,1],[1,0],[0,-1],[-1,0]]],
          "objects":{"countries":{"type":"GeometryCollection","geometries":[
            {"type":"Polygon","arcs":[[0,1]],"properties":{"name":"A"}},
            {"type":"Polygon","arcs":[[2,-1]],"properties":{"name":"B"}}]}}}"#;
        let b = Basemap::parse(t).unwrap();
        assert_eq!(b.arcs[0][2], LatLon::new(1.0, 1.0));
        assert_eq!(b.arc_uses, vec![2, 1, 1]);
        let ring = b.ring(&[0, 1]);
        assert_eq!(ring.len(), 5);
        assert_eq!(ring.first(), ring.last());
    }

    #[test]
    fn rejects_garbage() {
        assert!(Basemap::parse("{").is_err());
        assert!(Basemap::parse("[1,2]").is_err());
    }
}
