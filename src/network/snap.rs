//! Snapping a position to the nearest graph node: an R-tree (rstar) over
//! the nodes as unit vectors on the sphere, so that nearest-by-chord is
//! nearest-by-angle everywhere, across the antimeridian and near the poles.
//! The candidate's distance is then checked geodesically (WGS84) against the
//! tolerance.

use crate::measure::{geodesic_distance, Km, LatLon, MEAN_EARTH_RADIUS_KM};
use crate::network::graph::Graph;
use crate::network::search::Profile;
use rstar::primitives::GeomWithData;
use rstar::RTree;

/// Default snapping tolerance: a waypoint further than this from every node
/// of its mode's network is not routed. 30 km covers a city centre to its
/// main station in any large city, and is small against the length of a
/// rail or road leg between cities.
pub const DEFAULT_SNAP_TOLERANCE: Km = Km(30.0);

/// The R-tree over a graph's nodes.
#[derive(Debug)]
pub struct NodeIndex {
    tree: RTree<GeomWithData<[f64; 3], u32>>,
}

fn unit_vector(p: LatLon) -> [f64; 3] {
    let (lat, lon) = (p.lat.to_radians(), p.lon.to_radians());
    [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
}

impl NodeIndex {
    pub fn build(graph: &Graph) -> NodeIndex {
        let items = graph
            .nodes
            .iter()
            .enumerate()
            .map(|(i, &p)| GeomWithData::new(unit_vector(p), i as u32))
            .collect();
        NodeIndex {
            tree: RTree::bulk_load(items),
        }
    }
}

/// A snapped waypoint.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Snap {
    pub node: u32,
    /// Geodesic distance from the waypoint to the node.
    pub distance: Km,
}

impl Graph {
    /// The node index, built on first use.
    pub fn node_index(&self) -> &NodeIndex {
        self.index.get_or_init(|| NodeIndex::build(self))
    }

    /// The nearest node that the profile can use (it has at least one edge
    /// the profile allows), within `tolerance` geodesically. On failure,
    /// returns the nearest usable node found, if any, for the message.
    pub fn snap(&self, p: LatLon, tolerance: Km, profile: Profile) -> Result<Snap, Option<Snap>> {
        let q = unit_vector(p);
        // The search bound is generous (×1.02 plus 1 km) because the sphere
        // is not the ellipsoid; the final test below is geodesic.
        let angle = ((tolerance.0 * 1.02 + 1.0) / MEAN_EARTH_RADIUS_KM).min(std::f64::consts::PI);
        let max_chord2 = (2.0 * (angle / 2.0).sin()).powi(2);
        let mut best: Option<Snap> = None;
        for (item, d2) in self
            .node_index()
            .tree
            .nearest_neighbor_iter_with_distance_2(&q)
        {
            if d2 > max_chord2 && best.is_some() {
                break;
            }
            let node = item.data;
            if !self
                .edges_of(node)
                .iter()
                .any(|&e| profile.allows(self.line(self.edge(e).line).kind))
            {
                continue;
            }
            let distance = geodesic_distance(p, self.node(node));
            if best.is_none_or(|b| distance.0 < b.distance.0) {
                best = Some(Snap { node, distance });
            }
            if d2 > max_chord2 {
                break;
            }
        }
        match best {
            Some(s) if s.distance.0 <= tolerance.0 => Ok(s),
            other => Err(other),
        }
    }
}
