//! Shortest paths: A* with an admissible lower bound of the geodesic
//! distance to the target, over edges a routing profile allows.

use crate::measure::{Km, LatLon};
use crate::network::graph::Graph;
use crate::network::lines::LineKind;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// Which lines a traveller may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Profile {
    /// A conventional train: every rail line except high-speed-only lines.
    ConventionalTrain,
    /// Any train, high-speed lines included.
    AnyTrain,
    /// A road vehicle: expressways and highways.
    Road,
}

impl Profile {
    /// The default profile of a mode's network.
    pub fn default_for(mode: crate::mode::Mode) -> Profile {
        match mode {
            crate::mode::Mode::Road => Profile::Road,
            _ => Profile::ConventionalTrain,
        }
    }

    pub fn allows(self, kind: LineKind) -> bool {
        match self {
            Profile::ConventionalTrain => kind == LineKind::Conventional,
            Profile::AnyTrain => matches!(kind, LineKind::Conventional | LineKind::HighSpeed),
            Profile::Road => matches!(kind, LineKind::Expressway | LineKind::Highway),
        }
    }
}

/// A path through the graph.
#[derive(Debug, Clone, PartialEq)]
pub struct Path {
    /// Nodes from start to end (one more than `edges`).
    pub nodes: Vec<u32>,
    pub edges: Vec<u32>,
    /// Sum of the edges' geodesic lengths.
    pub length: Km,
}

const MEAN_RADIUS_KM: f64 = 6371.0088;

/// Lower bound of the WGS84 geodesic distance: the great-circle distance on
/// the mean-radius sphere (haversine), times 0.99.
///
/// Why it is admissible: with latitudes taken as geodetic and R the mean
/// radius 6371.0088 km, the spherical distance differs from the ellipsoidal
/// geodesic by at most about 0.56 % (the flattening is 1/298.26; the worst
/// case is a short north–south step near the equator, where the meridian
/// radius of curvature is 6335.4 km). The 1 % margin keeps the bound below
/// the geodesic everywhere (tested below on pairs in every quadrant). Edge
/// weights are geodesic lengths of the edge geometry, never shorter than
/// the geodesic between the edge's ends, and the haversine obeys the
/// triangle inequality, so the bound is also consistent: A* never reopens a
/// settled node and returns the shortest path.
pub fn lower_bound_km(a: LatLon, b: LatLon) -> f64 {
    let (la, lb) = (a.lat.to_radians(), b.lat.to_radians());
    let dlat = lb - la;
    let dlon = (b.lon - a.lon).to_radians();
    let h = (dlat / 2.0).sin().powi(2) + la.cos() * lb.cos() * (dlon / 2.0).sin().powi(2);
    0.99 * 2.0 * MEAN_RADIUS_KM * h.sqrt().min(1.0).asin()
}

/// Non-negative f64 as a totally ordered key (bit order = numeric order).
fn key(x: f64) -> u64 {
    x.to_bits()
}

/// Per-node search state, kept together so that reaching a node touches
/// one cache line.
#[derive(Clone, Copy)]
struct State {
    /// Best distance from the start so far, km.
    dist: f64,
    /// The lower bound to the target: NaN until computed (the trigonometry
    /// is done once per node, not once per edge), -1 once settled.
    bound: f32,
    /// The edge the best path arrives by.
    via: u32,
}

/// Shortest path from `from` to `to` on edges `profile` allows; `None` when
/// `to` cannot be reached.
pub fn shortest_path(g: &Graph, profile: Profile, from: u32, to: u32) -> Option<Path> {
    let n = g.node_count();
    let allowed: Vec<bool> = g.lines().iter().map(|l| profile.allows(l.kind)).collect();
    let target = g.node(to);
    let mut st = vec![
        State {
            dist: f64::INFINITY,
            bound: f32::NAN,
            via: u32::MAX,
        };
        n
    ];
    let mut heap = BinaryHeap::new();
    st[from as usize].dist = 0.0;
    heap.push(Reverse((key(lower_bound_km(g.node(from), target)), from)));
    let mut reached = false;
    while let Some(Reverse((_, u))) = heap.pop() {
        if st[u as usize].bound == -1.0 {
            continue;
        }
        st[u as usize].bound = -1.0;
        if u == to {
            reached = true;
            break;
        }
        let du = st[u as usize].dist;
        for &e in g.edges_of(u) {
            let edge = g.edge(e);
            if !allowed[edge.line as usize] {
                continue;
            }
            let v = if edge.a == u { edge.b } else { edge.a };
            let dv = du + edge.length.0;
            let s = &mut st[v as usize];
            if dv < s.dist && s.bound != -1.0 {
                if s.bound.is_nan() {
                    // Rounded down to f32 so that it stays a lower bound.
                    let b = lower_bound_km(g.node(v), target) as f32;
                    s.bound = (b * (1.0 - 1e-6)).max(0.0);
                }
                s.dist = dv;
                s.via = e;
                heap.push(Reverse((key(dv + s.bound as f64), v)));
            }
        }
    }
    if !reached {
        return None;
    }
    let mut nodes = vec![to];
    let mut edges = Vec::new();
    let mut cur = to;
    while cur != from {
        let e = st[cur as usize].via;
        edges.push(e);
        cur = g.other_end(e, cur);
        nodes.push(cur);
    }
    nodes.reverse();
    edges.reverse();
    Some(Path {
        nodes,
        edges,
        length: Km(st[to as usize].dist),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measure::geodesic_distance;

    #[test]
    fn lower_bound_never_exceeds_geodesic() {
        let mut worst: f64 = 0.0;
        for lat in (-88..=88).step_by(4) {
            for dlat in [-3.0, -0.5, 0.01, 0.3, 2.0, 20.0] {
                for dlon in [-170.0, -20.0, -1.0, 0.0, 0.02, 5.0, 90.0, 179.0] {
                    let a = LatLon::new(lat as f64, 10.0);
                    let b = LatLon::new((lat as f64 + dlat).clamp(-90.0, 90.0), 10.0 + dlon);
                    let g = geodesic_distance(a, b).0;
                    let lb = lower_bound_km(a, b);
                    assert!(lb <= g + 1e-9, "{a:?} {b:?}: bound {lb} > geodesic {g}");
                    if g > 1.0 {
                        worst = worst.max(lb / g);
                    }
                }
            }
        }
        assert!(worst > 0.98, "bound too loose to help A*: {worst}");
    }
}
