//! ALT lower bounds (A*, landmarks, triangle inequality): exact shortest-path
//! distances from a few landmark nodes bound the distance between any two
//! nodes, `d(v, t) ≥ |d(L, t) − d(L, v)|`, far more tightly than the straight
//! line on a network whose paths wind. [`crate::network::search`] takes the
//! larger of this bound and the geodesic one.
//!
//! The distances are over **every** edge, whatever the routing profile: a
//! profile only removes edges, which can only lengthen `d(v, t)`, so the bound
//! stays admissible (and consistent) for every profile.
//!
//! ```
//! use journeymap::measure::LatLon;
//! use journeymap::mode::Mode;
//! use journeymap::network::graph::{GraphBuilder, LineInfo};
//! use journeymap::network::landmarks::Landmarks;
//! use journeymap::network::lines::LineKind;
//! let mut b = GraphBuilder::new(Mode::Rail);
//! let l = b.add_line(LineInfo::new("line", LineKind::Conventional, None));
//! let n: Vec<u32> = (0..4).map(|i| b.add_node(LatLon::new(40.0 + i as f64, 124.0), None)).collect();
//! for w in n.windows(2) {
//!     b.add_edge(w[0], w[1], l, &[]);
//! }
//! let g = b.finish().unwrap();
//! let lm = Landmarks::build(&g, 2);
//! assert_eq!(lm.nodes(), &[3, 0], "the ends of the line");
//! let km = g.edge(0).length.0 + g.edge(1).length.0 + g.edge(2).length.0;
//! let bound = lm.bound(0, 3);
//! assert!(bound <= km && bound > km * 0.9999, "exact on a line, to a few metres: {bound} vs {km}");
//! ```

use crate::measure::LatLon;
use crate::network::graph::Graph;
use crate::network::search::distances_from;

/// At most this many landmarks (each costs 2 bytes per node).
pub const MAX_LANDMARKS: usize = 32;

/// A stored distance meaning "cannot be reached from this landmark".
pub const UNREACHABLE: u16 = u16::MAX;

/// Landmarks and every node's distance from each.
#[derive(Debug, Clone, PartialEq)]
pub struct Landmarks {
    nodes: Vec<u32>,
    /// Per landmark, km per unit of `dist`: its farthest node's distance
    /// over 65 534, so a distance is known to within one unit (a few tens of
    /// metres on a country-sized network, far below what moves A*).
    scale: Vec<f64>,
    /// The same as f32, for the bound's arithmetic.
    scale32: Vec<f32>,
    /// Node-major, so that one node's distances share a cache line:
    /// `dist[v * k + i]` is ⌊distance from landmark `i` to `v` / scale⌋,
    /// [`UNREACHABLE`] where there is no path.
    dist: Vec<u16>,
    /// Subtracted from every bound: covers f64 and f32 rounding (relative
    /// errors below 2⁻²³) with a wide margin.
    slack: f32,
}

/// Why stored landmark data does not fit a graph.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LandmarkError {
    #[error("landmark data does not fit the graph: {0}")]
    Invalid(String),
}

/// Networks at least this large get landmarks by default.
const DEFAULT_FROM_NODES: usize = 100_000;
/// How many they get.
const DEFAULT_COUNT: usize = 16;

/// How many landmarks a network of `nodes` nodes gets unless the user says:
/// 16 from 100 000 nodes (long queries on a million nodes drop from
/// ~140 ms to ~3 ms), none below (small networks answer in well under a
/// millisecond, and landmarks cost 2 bytes per node each).
///
/// ```
/// use journeymap::network::landmarks::default_count;
/// assert_eq!(default_count(2_000), 0);
/// assert_eq!(default_count(1_000_000), 16);
/// ```
pub fn default_count(nodes: usize) -> usize {
    if nodes >= DEFAULT_FROM_NODES {
        DEFAULT_COUNT
    } else {
        0
    }
}

impl Landmarks {
    /// Chooses up to `k` landmarks on the rim of the largest connected
    /// component ([`select`]) and computes every node's distance from each:
    /// `k + 1` Dijkstra runs over the whole graph. Deterministic.
    pub fn build(g: &Graph, k: usize) -> Landmarks {
        let n = g.node_count();
        let nodes = select(g, k.min(MAX_LANDMARKS));
        let k = nodes.len();
        let mut dist = vec![UNREACHABLE; n * k];
        let mut scale = Vec::with_capacity(k);
        for (i, &l) in nodes.iter().enumerate() {
            let d = distances_from(g, l, |_| true);
            let max_km = d
                .iter()
                .filter(|x| x.is_finite())
                .fold(0.0f64, |m, &x| m.max(x));
            let s = max_km / (UNREACHABLE - 1) as f64;
            for (v, dv) in d.into_iter().enumerate() {
                if dv.is_finite() {
                    let q = if s > 0.0 { (dv / s).floor() } else { 0.0 };
                    dist[v * k + i] = q.min((UNREACHABLE - 1) as f64) as u16;
                }
            }
            scale.push(s);
        }
        Landmarks::assemble(nodes, scale, dist)
    }

    fn assemble(nodes: Vec<u32>, scale: Vec<f64>, dist: Vec<u16>) -> Landmarks {
        let max_km = scale.iter().fold(0.0f64, |m, &s| m.max(s)) * (UNREACHABLE - 1) as f64;
        Landmarks {
            nodes,
            scale32: scale.iter().map(|&s| s as f32).collect(),
            scale,
            dist,
            slack: (max_km * 2f64.powi(-18)) as f32,
        }
    }

    /// Landmarks read back from a graph file: `scale` and `dist` as in
    /// [`Landmarks::scales`] and [`Landmarks::distances`]; checked against
    /// the graph.
    pub fn from_parts(
        g: &Graph,
        nodes: Vec<u32>,
        scale: Vec<f64>,
        dist: Vec<u16>,
    ) -> Result<Landmarks, LandmarkError> {
        Landmarks::check_fits(g, &nodes, &scale, &dist)?;
        Ok(Landmarks::assemble(nodes, scale, dist))
    }

    pub(crate) fn check_fits(
        g: &Graph,
        nodes: &[u32],
        scale: &[f64],
        dist: &[u16],
    ) -> Result<(), LandmarkError> {
        let (n, k) = (g.node_count(), nodes.len());
        if k > MAX_LANDMARKS {
            return Err(LandmarkError::Invalid(format!(
                "{k} landmarks, at most {MAX_LANDMARKS}"
            )));
        }
        if dist.len() != n * k || scale.len() != k {
            return Err(LandmarkError::Invalid(format!(
                "{} distances and {} scales for {n} nodes and {k} landmarks",
                dist.len(),
                scale.len()
            )));
        }
        if let Some(&l) = nodes.iter().find(|&&l| l as usize >= n) {
            return Err(LandmarkError::Invalid(format!("landmark node {l} of {n}")));
        }
        if let Some(s) = scale.iter().find(|s| !s.is_finite() || **s < 0.0) {
            return Err(LandmarkError::Invalid(format!("scale {s} km per unit")));
        }
        Ok(())
    }

    /// The landmark nodes, in the order chosen.
    pub fn nodes(&self) -> &[u32] {
        &self.nodes
    }

    /// Per landmark, km per unit of [`Landmarks::distances`].
    pub fn scales(&self) -> &[f64] {
        &self.scale
    }

    /// Every node's distances, node-major (`[v * k + i]`), in units of the
    /// landmark's scale, rounded down; [`UNREACHABLE`] where there is no path.
    pub fn distances(&self) -> &[u16] {
        &self.dist
    }

    /// A lower bound of the shortest-path distance between `v` and `t` in km
    /// (on any profile); infinite when no path joins them.
    pub fn bound(&self, v: u32, t: u32) -> f64 {
        self.to_target(t).bound(v) as f64
    }

    /// Bounds towards one target, its row of distances looked up once.
    pub(crate) fn to_target(&self, t: u32) -> TargetBound<'_> {
        let k = self.nodes.len();
        let t = t as usize;
        TargetBound {
            lm: self,
            target: &self.dist[t * k..t * k + k],
        }
    }
}

/// [`Landmarks`] bounds towards one target node.
pub(crate) struct TargetBound<'a> {
    lm: &'a Landmarks,
    target: &'a [u16],
}

impl TargetBound<'_> {
    /// Lower bound from `v` to the target, km; infinite when the target
    /// cannot be reached from `v`.
    ///
    /// Each distance d is stored as q = ⌊d / s⌋, so d ∈ [q·s, (q + 1)·s) and
    /// |d(L, t) − d(L, v)| > (|q_t − q_v| − 1)·s.
    pub(crate) fn bound(&self, v: u32) -> f32 {
        let k = self.target.len();
        let v = v as usize;
        let row = &self.lm.dist[v * k..v * k + k];
        let mut best = 0.0f32;
        for ((&a, &b), &s) in self.target.iter().zip(row).zip(&self.lm.scale32) {
            if a == UNREACHABLE || b == UNREACHABLE {
                if a != b {
                    // The landmark reaches one and not the other: they are
                    // in different components.
                    return f32::INFINITY;
                }
                continue;
            }
            let units = (a as i32 - b as i32).abs() - 1;
            best = best.max(units as f32 * s);
        }
        (best - self.lm.slack).max(0.0)
    }
}

/// "Planar" landmark selection (Goldberg and Harrelson, 2005): around the
/// node nearest the middle of the largest component, `k` equal sectors of
/// bearing (the first centred on north); in each, the node farthest from
/// the middle by path length. Landmarks on the rim make the bound tight for
/// every node whose path to the target heads away from them. Distinct nodes,
/// in sector order; fewer than `k` when sectors are empty.
pub fn select(g: &Graph, k: usize) -> Vec<u32> {
    if k == 0 || g.node_count() == 0 {
        return Vec::new();
    }
    let middle = middle_of(g, largest_component(g));
    let from_middle = distances_from(g, middle, |_| true);
    let c = g.node(middle);
    let width = 360.0 / k as f64;
    let mut best = vec![(0.0f64, u32::MAX); k];
    for (v, &d) in from_middle.iter().enumerate() {
        if !d.is_finite() {
            continue;
        }
        let sector = ((bearing_deg(c, g.node(v as u32)) + width / 2.0) / width) as usize % k;
        if d > best[sector].0 {
            best[sector] = (d, v as u32);
        }
    }
    let mut nodes: Vec<u32> = Vec::with_capacity(k);
    for (_, v) in best {
        if v != u32::MAX && !nodes.contains(&v) {
            nodes.push(v);
        }
    }
    if nodes.is_empty() {
        // A component of zero-length edges: any node will do.
        nodes.push(middle);
    }
    nodes
}

/// Initial spherical bearing from `a` to `b`, degrees in [0, 360); only to
/// sort nodes into sectors.
fn bearing_deg(a: LatLon, b: LatLon) -> f64 {
    let (p1, p2) = (a.lat.to_radians(), b.lat.to_radians());
    let dl = (b.lon - a.lon).to_radians();
    let y = dl.sin() * p2.cos();
    let x = p1.cos() * p2.sin() - p1.sin() * p2.cos() * dl.cos();
    y.atan2(x).to_degrees().rem_euclid(360.0)
}

/// The node of `members` nearest the mean of their unit vectors (the
/// lowest-numbered member if they cancel out).
fn middle_of(g: &Graph, members: Vec<u32>) -> u32 {
    let unit = |p: LatLon| {
        let (la, lo) = (p.lat.to_radians(), p.lon.to_radians());
        [la.cos() * lo.cos(), la.cos() * lo.sin(), la.sin()]
    };
    let mut sum = [0.0f64; 3];
    for &v in &members {
        let u = unit(g.node(v));
        for i in 0..3 {
            sum[i] += u[i];
        }
    }
    let mut best = (f64::NEG_INFINITY, members.first().copied().unwrap_or(0));
    for &v in &members {
        let u = unit(g.node(v));
        let dot = u[0] * sum[0] + u[1] * sum[1] + u[2] * sum[2];
        if dot > best.0 {
            best = (dot, v);
        }
    }
    best.1
}

/// The nodes of the largest connected component (union–find; on a tie, the
/// component with the lowest-numbered node).
fn largest_component(g: &Graph) -> Vec<u32> {
    let n = g.node_count();
    let mut parent: Vec<u32> = (0..n as u32).collect();
    fn root(parent: &mut [u32], mut x: u32) -> u32 {
        while parent[x as usize] != x {
            let up = parent[parent[x as usize] as usize];
            parent[x as usize] = up;
            x = up;
        }
        x
    }
    for e in 0..g.edge_count() as u32 {
        let edge = g.edge(e);
        let (ra, rb) = (root(&mut parent, edge.a), root(&mut parent, edge.b));
        if ra != rb {
            parent[ra.max(rb) as usize] = ra.min(rb);
        }
    }
    let mut size = vec![0u32; n];
    for v in 0..n as u32 {
        let r = root(&mut parent, v);
        size[r as usize] += 1;
    }
    // Roots are their component's lowest node (unions keep the smaller root).
    let mut best = (0u32, 0u32);
    for (r, &s) in size.iter().enumerate() {
        if s > best.0 {
            best = (s, r as u32);
        }
    }
    (0..n as u32)
        .filter(|&v| root(&mut parent, v) == best.1)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mode::Mode;
    use crate::network::graph::{GraphBuilder, LineInfo};
    use crate::network::lines::LineKind;

    /// Two components: a 3-node path and a 2-node path.
    fn two_parts() -> Graph {
        let mut b = GraphBuilder::new(Mode::Road);
        let l = b.add_line(LineInfo::new("r", LineKind::Highway, None));
        let p: Vec<u32> = (0..5)
            .map(|i| b.add_node(LatLon::new(10.0, 100.0 + i as f64 * 0.1), None))
            .collect();
        b.add_edge(p[0], p[1], l, &[]);
        b.add_edge(p[3], p[4], l, &[]);
        b.add_edge(p[1], p[2], l, &[]);
        b.finish().unwrap()
    }

    #[test]
    fn chosen_in_the_largest_component_and_infinite_across() {
        let g = two_parts();
        let lm = Landmarks::build(&g, 8);
        assert_eq!(lm.nodes(), &[2, 0], "the ends of the largest part");
        assert_eq!(lm.bound(3, 0), f64::INFINITY, "no path between the parts");
        assert_eq!(lm.bound(3, 4), 0.0, "no landmark reaches that part");
        let d = distances_from(&g, 0, |_| true);
        assert!(lm.bound(0, 2) <= d[2] && lm.bound(0, 2) > d[2] * 0.9999);
    }

    #[test]
    fn bounds_are_below_and_near_path_lengths() {
        // A 12 × 12 jittered grid with a missing link or two.
        let mut b = GraphBuilder::new(Mode::Road);
        let l = b.add_line(LineInfo::new("r", LineKind::Highway, None));
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut jitter = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 11) as f64 / (1u64 << 53) as f64 * 0.02
        };
        for i in 0..12 {
            for j in 0..12 {
                b.add_node(
                    LatLon::new(30.0 + i as f64 * 0.05 + jitter(), 90.0 + j as f64 * 0.05),
                    None,
                );
            }
        }
        for i in 0..12u32 {
            for j in 0..12u32 {
                if j < 11 && (i, j) != (5, 5) {
                    b.add_edge(i * 12 + j, i * 12 + j + 1, l, &[]);
                }
                if i < 11 {
                    b.add_edge(i * 12 + j, (i + 1) * 12 + j, l, &[]);
                }
            }
        }
        let g = b.finish().unwrap();
        let lm = Landmarks::build(&g, 6);
        assert_eq!(lm.nodes().len(), 6);
        let unit = lm.scales().iter().fold(0.0f64, |m, &s| m.max(s));
        let mut tight = 0;
        for t in (0..144).step_by(5) {
            let d = distances_from(&g, t, |_| true);
            for v in 0..144u32 {
                let (bound, km) = (lm.bound(v, t), d[v as usize]);
                assert!(bound <= km, "{v}→{t}: bound {bound} > path {km}");
                tight += usize::from(bound > km - 2.0 * unit - 1e-3);
            }
        }
        assert!(
            tight > 29,
            "exact where v lies between a landmark and t: {tight}"
        );
    }

    #[test]
    fn parts_are_checked() {
        let g = two_parts();
        let lm = Landmarks::build(&g, 2);
        let ok = Landmarks::from_parts(
            &g,
            lm.nodes().to_vec(),
            lm.scales().to_vec(),
            lm.distances().to_vec(),
        );
        assert_eq!(ok.as_ref(), Ok(&lm));
        assert!(Landmarks::from_parts(&g, vec![0], vec![1.0], vec![0; 4]).is_err());
        assert!(Landmarks::from_parts(&g, vec![9], vec![1.0], vec![0; 5]).is_err());
        assert!(Landmarks::from_parts(&g, vec![0], vec![f64::NAN], vec![0; 5]).is_err());
        assert!(Landmarks::from_parts(&g, vec![0], vec![], vec![0; 5]).is_err());
    }
}
