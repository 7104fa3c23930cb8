//! Importing user networks: OpenStreetMap (`.osm.pbf`, `.osm` XML) and
//! GeoJSON LineStrings into a [`Graph`], written out with
//! [`crate::network::file`].
//!
//! Which ways count: for rail, `railway=rail`; for road,
//! `highway=motorway|trunk|primary|secondary` and their `_link`s. Each way's
//! line is its `name` (rail) or `ref` (road), falling back to the other and
//! then to "unnamed". Roads are routed as undirected (`oneway` ignored: the
//! length between two towns hardly depends on it).
//!
//! Contraction: only way ends, nodes shared by several ways, and named
//! stations become graph nodes; the points between are shape geometry of
//! the edge. Then nodes joining exactly two edges of the same line are
//! merged away, so a long line of many ways is one edge between junctions.

mod geojson_lines;
mod osm_pbf;
mod osm_xml;

use crate::measure::LatLon;
use crate::mode::Mode;
use crate::network::graph::{Graph, GraphBuilder, GraphError, LineInfo};
use crate::network::lines::LineKind;
use std::collections::BTreeMap;
use std::path::Path;

/// Why an import failed: what, in which file, where in it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{path}{}: {message}", position.as_ref().map(|p| format!(" ({p})")).unwrap_or_default())]
pub struct ImportError {
    pub path: String,
    /// "byte 1234", "line 5, column 3", where it applies.
    pub position: Option<String>,
    pub message: String,
    /// True when the input was read fine but holds no usable ways.
    pub empty: bool,
}

impl ImportError {
    pub(crate) fn new(
        path: &Path,
        position: Option<String>,
        message: impl Into<String>,
    ) -> ImportError {
        ImportError {
            path: path.display().to_string(),
            position,
            message: message.into(),
            empty: false,
        }
    }
}

/// The input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    OsmPbf,
    OsmXml,
    GeoJson,
}

impl Format {
    /// By file name (`.osm.pbf`/`.pbf`, `.osm`/`.xml`, `.geojson`/`.json`),
    /// else by the first bytes.
    pub fn detect(path: &Path, head: &[u8]) -> Option<Format> {
        let name = path.to_string_lossy().to_ascii_lowercase();
        if name.ends_with(".pbf") {
            return Some(Format::OsmPbf);
        }
        if name.ends_with(".osm") || name.ends_with(".xml") {
            return Some(Format::OsmXml);
        }
        if name.ends_with(".geojson") || name.ends_with(".json") {
            return Some(Format::GeoJson);
        }
        let text = String::from_utf8_lossy(head);
        let t = text.trim_start_matches('\u{feff}').trim_start();
        if t.starts_with('<') {
            Some(Format::OsmXml)
        } else if t.starts_with('{') {
            Some(Format::GeoJson)
        } else if head.len() >= 8 && head[4..].windows(9).any(|w| w == b"OSMHeader") {
            Some(Format::OsmPbf)
        } else {
            None
        }
    }
}

/// Reports bytes read so far and the total (for a progress bar).
pub type Progress<'a> = &'a mut dyn FnMut(u64, u64);

/// Imports `path` as a network of `mode` (rail or road).
pub fn import(path: &Path, mode: Mode, progress: Progress) -> Result<Graph, ImportError> {
    if !mode.uses_network() {
        return Err(ImportError::new(
            path,
            None,
            format!("mode {mode} has no network: import rail or road"),
        ));
    }
    let head = read_head(path)?;
    let format = Format::detect(path, &head).ok_or_else(|| {
        ImportError::new(
            path,
            Some("byte 0".into()),
            "not an OpenStreetMap (.osm, .osm.pbf) or GeoJSON file",
        )
    })?;
    let parts = match format {
        Format::OsmXml => osm_xml::read(path, mode, progress)?,
        Format::OsmPbf => osm_pbf::read(path, mode, progress)?,
        Format::GeoJson => geojson_lines::read(path, mode)?,
    };
    parts.build(path, mode)
}

fn read_head(path: &Path) -> Result<Vec<u8>, ImportError> {
    use std::io::Read;
    let mut f = std::fs::File::open(path)
        .map_err(|e| ImportError::new(path, None, format!("cannot open: {e}")))?;
    let mut head = vec![0u8; 64];
    let n = f
        .read(&mut head)
        .map_err(|e| ImportError::new(path, None, format!("cannot read: {e}")))?;
    head.truncate(n);
    if n == 0 {
        return Err(ImportError::new(
            path,
            Some("byte 0".into()),
            "the file is empty",
        ));
    }
    Ok(head)
}

/// Which OSM ways belong to the network of `mode`, and their line kind.
pub(crate) fn way_kind(mode: Mode, tag: impl Fn(&str) -> Option<String>) -> Option<LineKind> {
    match mode {
        Mode::Rail => {
            (tag("railway").as_deref() == Some("rail")).then(|| match tag("highspeed").as_deref() {
                Some("yes") => LineKind::HighSpeed,
                _ => LineKind::Conventional,
            })
        }
        Mode::Road => match tag("highway")?.trim_end_matches("_link") {
            "motorway" => Some(LineKind::Expressway),
            "trunk" | "primary" | "secondary" => Some(LineKind::Highway),
            _ => None,
        },
        _ => None,
    }
}

/// The line name of a way.
pub(crate) fn way_line_name(mode: Mode, tag: impl Fn(&str) -> Option<String>) -> String {
    let (first, second) = if mode == Mode::Road {
        ("ref", "name")
    } else {
        ("name", "ref")
    };
    tag(first)
        .or_else(|| tag(second))
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| {
            format!(
                "unnamed {}",
                if mode == Mode::Road {
                    "road"
                } else {
                    "railway"
                }
            )
        })
}

/// Whether a node is a named place a route should list as a stop.
pub(crate) fn stop_name(tag: impl Fn(&str) -> Option<String>) -> Option<String> {
    let is_stop = matches!(tag("railway").as_deref(), Some("station" | "halt"))
        || tag("public_transport").as_deref() == Some("station")
        || tag("place").is_some();
    if is_stop {
        tag("name")
    } else {
        None
    }
}

/// What the readers collect: ways as node-id sequences with their line, and
/// the positions (and stop names) of the nodes they use.
#[derive(Debug, Default)]
pub(crate) struct Parts {
    pub lines: Vec<LineInfo>,
    line_ids: BTreeMap<(String, u8), u32>,
    pub ways: Vec<(u32, Vec<i64>)>,
    /// Sorted, deduplicated ids of the nodes the ways use.
    pub ids: Vec<i64>,
    pub coords: Vec<Option<LatLon>>,
    pub names: Vec<Option<String>>,
}

impl Parts {
    pub fn add_way(&mut self, name: String, kind: LineKind, refs: Vec<i64>) {
        let key = (name, kind as u8);
        let next = self.lines.len() as u32;
        let line = *self.line_ids.entry(key.clone()).or_insert(next);
        if line == next {
            self.lines.push(LineInfo::new(key.0, kind, None));
        }
        self.ways.push((line, refs));
    }

    /// Fixes the set of node ids the ways use; call before `set_node`.
    pub fn index_nodes(&mut self) {
        let mut ids: Vec<i64> = self
            .ways
            .iter()
            .flat_map(|(_, r)| r.iter().copied())
            .collect();
        ids.sort_unstable();
        ids.dedup();
        self.coords = vec![None; ids.len()];
        self.names = vec![None; ids.len()];
        self.ids = ids;
    }

    pub fn wants(&self, id: i64) -> Option<usize> {
        self.ids.binary_search(&id).ok()
    }

    /// Positions are rounded to 1e-7 degrees (OSM's precision), so XML and
    /// PBF of the same data give the same graph.
    pub fn set_node(&mut self, slot: usize, p: LatLon, name: Option<String>) {
        let r = |x: f64| (x * 1e7).round() / 1e7;
        self.coords[slot] = Some(LatLon::new(r(p.lat), r(p.lon)));
        self.names[slot] = name;
    }

    /// Builds the contracted graph.
    pub fn build(self, path: &Path, mode: Mode) -> Result<Graph, ImportError> {
        let empty = |msg: String| ImportError {
            empty: true,
            ..ImportError::new(path, None, msg)
        };
        if self.ways.is_empty() {
            return Err(empty(format!(
                "no {} ways in the file ({})",
                mode,
                wanted(mode)
            )));
        }
        let missing = self.coords.iter().filter(|c| c.is_none()).count();
        // How many way-node references each node has, and which are way ends.
        let mut uses = vec![0u32; self.ids.len()];
        let mut keep = vec![false; self.ids.len()];
        let slot = |id: i64| self.ids.binary_search(&id).ok();
        for (_, refs) in &self.ways {
            for (k, &r) in refs.iter().enumerate() {
                if let Some(s) = slot(r) {
                    uses[s] += 1;
                    if k == 0 || k + 1 == refs.len() || self.names[s].is_some() {
                        keep[s] = true;
                    }
                }
            }
        }
        let mut chains = ChainBuilder::default();
        for (line, refs) in &self.ways {
            // A node without coordinates (outside the extract) cuts the way.
            let mut run: Vec<(usize, LatLon)> = Vec::new();
            for &r in refs.iter().chain(std::iter::once(&i64::MIN)) {
                match slot(r).and_then(|s| self.coords[s].map(|p| (s, p))) {
                    Some(sp) => run.push(sp),
                    None => {
                        chains.add_run(*line, &run, &uses, &keep);
                        run.clear();
                    }
                }
            }
        }
        if chains.edges.is_empty() {
            return Err(empty(format!(
                "the {} ways have no usable geometry ({missing} of their nodes have no coordinates in the file)",
                mode
            )));
        }
        chains
            .finish(mode, self.lines, &self.names, &self.coords)
            .map_err(|e| match e {
                GraphError::Empty => empty(format!("no {} ways with geometry", mode)),
                other => ImportError::new(path, None, other.to_string()),
            })
    }
}

fn wanted(mode: Mode) -> &'static str {
    match mode {
        Mode::Road => "highway=motorway, trunk, primary or secondary, or their _link",
        _ => "railway=rail",
    }
}

/// Raw edges between kept OSM nodes, then merged through degree-2 nodes.
#[derive(Default)]
struct ChainBuilder {
    /// (line, from slot, to slot, interior points)
    edges: Vec<(u32, usize, usize, Vec<LatLon>)>,
}

impl ChainBuilder {
    fn add_run(&mut self, line: u32, run: &[(usize, LatLon)], uses: &[u32], keep: &[bool]) {
        if run.len() < 2 {
            return;
        }
        let mut start = 0;
        for k in 1..run.len() {
            let s = run[k].0;
            if k + 1 == run.len() || keep[s] || uses[s] > 1 {
                let interior = run[start + 1..k].iter().map(|&(_, p)| p).collect();
                self.edges.push((line, run[start].0, s, interior));
                start = k;
            }
        }
    }

    /// Merges chains through nodes with exactly two edges of one line and no
    /// name, then builds the graph. `coords[slot]` is set for every slot an
    /// edge ends at (edges come from runs of located nodes).
    fn finish(
        self,
        mode: Mode,
        lines: Vec<LineInfo>,
        names: &[Option<String>],
        coords: &[Option<LatLon>],
    ) -> Result<Graph, GraphError> {
        let n_slots = coords.len();
        // Incident raw edges per slot, as a CSR over slots.
        let mut start = vec![0usize; n_slots + 1];
        for e in &self.edges {
            start[e.1 + 1] += 1;
            start[e.2 + 1] += 1;
        }
        for i in 0..n_slots {
            start[i + 1] += start[i];
        }
        let mut fill = start.clone();
        let mut inc = vec![0usize; start[n_slots]];
        for (i, e) in self.edges.iter().enumerate() {
            for s in [e.1, e.2] {
                inc[fill[s]] = i;
                fill[s] += 1;
            }
        }
        let incident = |s: usize| &inc[start[s]..start[s + 1]];
        let through = |s: usize| {
            let es = incident(s);
            es.len() == 2
                && es[0] != es[1]
                && self.edges[es[0]].0 == self.edges[es[1]].0
                && names[s].is_none()
        };
        let pos = |s: usize| coords[s].unwrap_or(LatLon::new(0.0, 0.0));
        let mut b = GraphBuilder::new(mode);
        for l in lines {
            b.add_line(l);
        }
        let mut node_of: Vec<u32> = vec![u32::MAX; n_slots];
        let mut node = |b: &mut GraphBuilder, s: usize| -> u32 {
            if node_of[s] == u32::MAX {
                node_of[s] = b.add_node(pos(s), names[s].as_deref());
            }
            node_of[s]
        };
        let mut used = vec![false; self.edges.len()];
        // Walks start at every node that is not a pass-through; a second
        // round starts rings made only of pass-through nodes.
        for ring_round in [false, true] {
            for s in 0..n_slots {
                if incident(s).is_empty() || through(s) != ring_round {
                    continue;
                }
                for &first in incident(s) {
                    if used[first] {
                        continue;
                    }
                    let line = self.edges[first].0;
                    let mut shape: Vec<LatLon> = Vec::new();
                    let (mut cur, mut e) = (s, first);
                    loop {
                        used[e] = true;
                        let ed = &self.edges[e];
                        let next = if ed.1 == cur {
                            shape.extend_from_slice(&ed.3);
                            ed.2
                        } else {
                            shape.extend(ed.3.iter().rev().copied());
                            ed.1
                        };
                        cur = next;
                        if cur == s || !through(cur) {
                            break;
                        }
                        let es = incident(cur);
                        let nxt = if es[0] == e { es[1] } else { es[0] };
                        if used[nxt] {
                            break;
                        }
                        shape.push(pos(cur));
                        e = nxt;
                    }
                    let a = node(&mut b, s);
                    let z = node(&mut b, cur);
                    b.add_edge(a, z, line, &shape);
                }
            }
        }
        b.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(ways: &[(&str, &[i64])], missing: &[i64]) -> Parts {
        let mut p = Parts::default();
        for (name, refs) in ways {
            p.add_way(name.to_string(), LineKind::Conventional, refs.to_vec());
        }
        p.index_nodes();
        for (slot, &id) in p.ids.clone().iter().enumerate() {
            if !missing.contains(&id) {
                p.set_node(slot, LatLon::new(10.0 + id as f64 * 0.01, 20.0), None);
            }
        }
        p
    }

    #[test]
    fn ways_of_one_line_merge_and_junctions_stay() {
        // Two ways of line L end to end (1–5, 5–9), a branch M from 3.
        let p = parts(
            &[
                ("L", &[1, 2, 3, 4, 5]),
                ("L", &[5, 6, 7, 8, 9]),
                ("M", &[3, 20, 21]),
            ],
            &[],
        );
        let g = p.build(Path::new("t"), Mode::Rail).unwrap();
        assert_eq!((g.node_count(), g.edge_count()), (4, 3), "1, 3, 9, 21");
        let total: f64 = (0..3).map(|e| g.edge(e).length.0).sum();
        let want = crate::measure::geodesic_length(
            &[1, 2, 3, 4, 5, 6, 7, 8, 9].map(|i| LatLon::new(10.0 + i as f64 * 0.01, 20.0)),
        )
        .0 + crate::measure::geodesic_length(
            &[3, 20, 21].map(|i| LatLon::new(10.0 + i as f64 * 0.01, 20.0)),
        )
        .0;
        assert!((total - want).abs() < 1e-9);
    }

    #[test]
    fn rings_and_missing_nodes() {
        let ring = parts(&[("R", &[1, 2, 3]), ("R", &[3, 4, 1])], &[]);
        let g = ring.build(Path::new("t"), Mode::Rail).unwrap();
        assert_eq!(
            g.edge_count(),
            1,
            "a ring of pass-through nodes is one loop edge"
        );
        // Node 3 is outside the extract: the way is cut there.
        let cut = parts(&[("L", &[1, 2, 3, 4, 5])], &[3]);
        let g = cut.build(Path::new("t"), Mode::Rail).unwrap();
        assert_eq!(g.edge_count(), 2);
        let none = parts(&[("L", &[1, 2])], &[1, 2]);
        let err = none.build(Path::new("t"), Mode::Rail).unwrap_err();
        assert!(err.empty && err.message.contains("no coordinates"), "{err}");
    }
}
