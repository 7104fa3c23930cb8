//! A compact routable graph: nodes with positions (and names where known),
//! undirected edges with their shape geometry, geodesic length and the line
//! they belong to, adjacency in compressed sparse rows.
//!
//! ```
//! use journeymap::measure::{Km, LatLon};
//! use journeymap::mode::Mode;
//! use journeymap::network::graph::{GraphBuilder, LineInfo};
//! use journeymap::network::lines::LineKind;
//! let mut b = GraphBuilder::new(Mode::Rail);
//! let a = b.add_node(LatLon::new(40.0, 124.0), Some("A"));
//! let c = b.add_node(LatLon::new(41.0, 124.0), Some("C"));
//! let l = b.add_line(LineInfo::new("A–C line", LineKind::Conventional, None));
//! b.add_edge(a, c, l, &[LatLon::new(40.5, 124.1)]);
//! let g = b.finish().unwrap();
//! assert_eq!(g.node_count(), 2);
//! let along = [LatLon::new(40.0, 124.0), LatLon::new(40.5, 124.1), LatLon::new(41.0, 124.0)];
//! let want = journeymap::measure::geodesic_length(&along);
//! assert!((g.edge(0).length.0 - want.0).abs() < 1e-9, "through the shape point");
//! ```

use crate::measure::{geodesic_distance, Km, LatLon};
use crate::mode::Mode;
use crate::network::landmarks::Landmarks;
use crate::network::lines::LineKind;
use std::sync::OnceLock;

/// No name for this node.
pub const NO_NAME: u32 = u32::MAX;

/// A network line as the graph knows it.
#[derive(Debug, Clone, PartialEq)]
pub struct LineInfo {
    pub name: String,
    pub kind: LineKind,
    /// Official length of the whole line, where one is published.
    pub official: Option<Km>,
    /// Geodesic length of all the line's edges (filled in by the builder).
    pub length: Km,
}

impl LineInfo {
    pub fn new(name: impl Into<String>, kind: LineKind, official: Option<Km>) -> LineInfo {
        LineInfo {
            name: name.into(),
            kind,
            official,
            length: Km(0.0),
        }
    }
}

/// An undirected edge between two nodes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Edge {
    pub a: u32,
    pub b: u32,
    /// Index into the graph's lines.
    pub line: u32,
    /// Geodesic length of the edge geometry (a, shape points…, b).
    pub length: Km,
    /// Interior shape points: `shapes[shape_start..shape_start + shape_len]`.
    pub shape_start: u32,
    pub shape_len: u32,
}

/// A routable graph of one mode.
#[derive(Debug)]
pub struct Graph {
    pub(crate) mode: Mode,
    pub(crate) nodes: Vec<LatLon>,
    pub(crate) node_names: Vec<u32>,
    pub(crate) names: Vec<String>,
    pub(crate) edges: Vec<Edge>,
    pub(crate) shapes: Vec<LatLon>,
    pub(crate) lines: Vec<LineInfo>,
    adj_start: Vec<u32>,
    adj: Vec<u32>,
    pub(crate) index: OnceLock<crate::network::snap::NodeIndex>,
    landmarks: Option<Landmarks>,
}

/// Why a graph could not be built.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum GraphError {
    #[error("the network has no edges (no lines or ways of this mode)")]
    Empty,
    #[error("the network is too large: {0} exceeds the 4-billion limit of the graph format")]
    TooLarge(&'static str),
    #[error("invalid graph: {0}")]
    Invalid(String),
}

/// Collects nodes, lines and edges, then builds the adjacency.
#[derive(Debug)]
pub struct GraphBuilder {
    mode: Mode,
    nodes: Vec<LatLon>,
    node_names: Vec<u32>,
    names: Vec<String>,
    edges: Vec<Edge>,
    shapes: Vec<LatLon>,
    lines: Vec<LineInfo>,
}

impl GraphBuilder {
    pub fn new(mode: Mode) -> GraphBuilder {
        GraphBuilder {
            mode,
            nodes: Vec::new(),
            node_names: Vec::new(),
            names: Vec::new(),
            edges: Vec::new(),
            shapes: Vec::new(),
            lines: Vec::new(),
        }
    }

    pub fn add_node(&mut self, point: LatLon, name: Option<&str>) -> u32 {
        let name_id = match name {
            Some(n) => {
                self.names.push(n.to_string());
                (self.names.len() - 1) as u32
            }
            None => NO_NAME,
        };
        self.nodes.push(point);
        self.node_names.push(name_id);
        (self.nodes.len() - 1) as u32
    }

    pub fn add_line(&mut self, line: LineInfo) -> u32 {
        self.lines.push(line);
        (self.lines.len() - 1) as u32
    }

    /// Adds the edge a→b along `interior` shape points; its length is the
    /// geodesic length of the whole geometry.
    pub fn add_edge(&mut self, a: u32, b: u32, line: u32, interior: &[LatLon]) {
        let mut length = 0.0;
        let mut prev = self.nodes[a as usize];
        for &p in interior
            .iter()
            .chain(std::iter::once(&self.nodes[b as usize]))
        {
            length += geodesic_distance(prev, p).0;
            prev = p;
        }
        self.add_edge_with_length(a, b, line, interior, Km(length));
    }

    /// Adds an edge whose geodesic length is already known (graph files).
    pub fn add_edge_with_length(
        &mut self,
        a: u32,
        b: u32,
        line: u32,
        interior: &[LatLon],
        length: Km,
    ) {
        let shape_start = self.shapes.len() as u32;
        self.shapes.extend_from_slice(interior);
        self.edges.push(Edge {
            a,
            b,
            line,
            length,
            shape_start,
            shape_len: interior.len() as u32,
        });
    }

    pub fn node_count(&self) -> usize {
        self.nodes.len()
    }

    pub fn edge_count(&self) -> usize {
        self.edges.len()
    }

    /// A builder holding arrays read from a graph file; `finish` checks them.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn from_parts(
        mode: Mode,
        nodes: Vec<LatLon>,
        node_names: Vec<u32>,
        names: Vec<String>,
        edges: Vec<Edge>,
        shapes: Vec<LatLon>,
        lines: Vec<LineInfo>,
    ) -> GraphBuilder {
        GraphBuilder {
            mode,
            nodes,
            node_names,
            names,
            edges,
            shapes,
            lines,
        }
    }

    /// Checks indices and builds the adjacency.
    pub fn finish(self) -> Result<Graph, GraphError> {
        if self.edges.is_empty() {
            return Err(GraphError::Empty);
        }
        let n = self.nodes.len();
        if n >= u32::MAX as usize || self.edges.len() * 2 >= u32::MAX as usize {
            return Err(GraphError::TooLarge("node or edge count"));
        }
        if self.shapes.len() >= u32::MAX as usize {
            return Err(GraphError::TooLarge("shape point count"));
        }
        if let Some(i) = self
            .node_names
            .iter()
            .position(|&k| k != NO_NAME && k as usize >= self.names.len())
        {
            return Err(GraphError::Invalid(format!(
                "node {i} refers to a missing name"
            )));
        }
        if self.node_names.len() != n {
            return Err(GraphError::Invalid("node and name counts differ".into()));
        }
        let mut lines = self.lines;
        for l in &mut lines {
            l.length = Km(0.0);
        }
        let mut degree = vec![0u32; n + 1];
        for (i, e) in self.edges.iter().enumerate() {
            if e.a as usize >= n || e.b as usize >= n || e.line as usize >= lines.len() {
                return Err(GraphError::Invalid(format!(
                    "edge {i} refers to a missing node or line"
                )));
            }
            if e.shape_start as usize + e.shape_len as usize > self.shapes.len() {
                return Err(GraphError::Invalid(format!(
                    "edge {i} refers to missing shape points"
                )));
            }
            if !e.length.0.is_finite() || e.length.0 < 0.0 {
                return Err(GraphError::Invalid(format!(
                    "edge {i} has length {}",
                    e.length.0
                )));
            }
            degree[e.a as usize] += 1;
            degree[e.b as usize] += 1;
            lines[e.line as usize].length.0 += e.length.0;
        }
        // Prefix sums → row starts.
        let mut adj_start = vec![0u32; n + 1];
        for i in 0..n {
            adj_start[i + 1] = adj_start[i] + degree[i];
        }
        let mut fill = adj_start.clone();
        let mut adj = vec![0u32; adj_start[n] as usize];
        for (i, e) in self.edges.iter().enumerate() {
            for end in [e.a, e.b] {
                adj[fill[end as usize] as usize] = i as u32;
                fill[end as usize] += 1;
            }
        }
        Ok(Graph {
            mode: self.mode,
            nodes: self.nodes,
            node_names: self.node_names,
            names: self.names,
            edges: self.edges,
            shapes: self.shapes,
            lines,
            adj_start,
            adj,
            index: OnceLock::new(),
            landmarks: None,
        })
    }
}

impl Graph {
    pub fn mode(&self) -> Mode {
        self.mode
    }

    pub fn node_count(&self) -> usize {
        self.nodes.len()
    }

    pub fn edge_count(&self) -> usize {
        self.edges.len()
    }

    pub fn node(&self, n: u32) -> LatLon {
        self.nodes[n as usize]
    }

    pub fn node_name(&self, n: u32) -> Option<&str> {
        match self.node_names[n as usize] {
            NO_NAME => None,
            i => self.names.get(i as usize).map(String::as_str),
        }
    }

    pub fn edge(&self, e: u32) -> &Edge {
        &self.edges[e as usize]
    }

    pub fn lines(&self) -> &[LineInfo] {
        &self.lines
    }

    pub fn line(&self, l: u32) -> &LineInfo {
        &self.lines[l as usize]
    }

    /// The edges that touch node `n`.
    pub fn edges_of(&self, n: u32) -> &[u32] {
        let s = self.adj_start[n as usize] as usize;
        let e = self.adj_start[n as usize + 1] as usize;
        &self.adj[s..e]
    }

    /// The node at the other end of edge `e` from `n`.
    pub fn other_end(&self, e: u32, n: u32) -> u32 {
        let edge = &self.edges[e as usize];
        if edge.a == n {
            edge.b
        } else {
            edge.a
        }
    }

    /// The interior shape points of edge `e`, in a→b order.
    pub fn shape(&self, e: u32) -> &[LatLon] {
        let edge = &self.edges[e as usize];
        &self.shapes[edge.shape_start as usize..(edge.shape_start + edge.shape_len) as usize]
    }

    /// Appends edge `e`'s geometry when walked starting at node `from`,
    /// without the start point (the caller already has it).
    pub fn push_edge_geometry(&self, e: u32, from: u32, out: &mut Vec<LatLon>) {
        let edge = &self.edges[e as usize];
        let shape = self.shape(e);
        if edge.a == from {
            out.extend_from_slice(shape);
            out.push(self.nodes[edge.b as usize]);
        } else {
            out.extend(shape.iter().rev().copied());
            out.push(self.nodes[edge.a as usize]);
        }
    }

    /// Nodes whose name, folded (case, accents, punctuation), equals `name`
    /// folded; in node order.
    pub fn nodes_named(&self, name: &str) -> Vec<u32> {
        let want = fold_name(name);
        if want.is_empty() {
            return Vec::new();
        }
        (0..self.nodes.len() as u32)
            .filter(|&n| self.node_name(n).is_some_and(|s| fold_name(s) == want))
            .collect()
    }
}

impl Graph {
    /// Precomputes `k` ALT landmarks ([`Landmarks::build`]) so that long
    /// searches settle fewer nodes; worth it on large graphs that answer
    /// many queries (2·k bytes per node).
    pub fn build_landmarks(&mut self, k: usize) {
        self.landmarks = (k > 0).then(|| Landmarks::build(self, k));
    }

    /// Sets (or with `None` removes) landmarks built for this graph; an
    /// error if they are sized for another.
    pub fn set_landmarks(
        &mut self,
        landmarks: Option<Landmarks>,
    ) -> Result<(), crate::network::landmarks::LandmarkError> {
        if let Some(lm) = &landmarks {
            Landmarks::check_fits(self, lm.nodes(), lm.scales(), lm.distances())?;
        }
        self.landmarks = landmarks;
        Ok(())
    }

    /// The graph's landmarks, if it has any.
    pub fn landmarks(&self) -> Option<&Landmarks> {
        self.landmarks.as_ref()
    }

    /// Nodes whose folded name contains `name` folded as whole words
    /// ("Noi Bai" in "Nội Bài International Airport"), shortest name
    /// first, then in node order. For when no name matches exactly.
    pub fn nodes_containing(&self, name: &str) -> Vec<u32> {
        let want = format!(" {} ", fold_name(name));
        if want.trim().is_empty() {
            return Vec::new();
        }
        let mut hits: Vec<(usize, u32)> = (0..self.nodes.len() as u32)
            .filter_map(|n| {
                let folded = format!(" {} ", fold_name(self.node_name(n)?));
                folded.contains(&want).then_some((folded.len(), n))
            })
            .collect();
        hits.sort_unstable();
        hits.into_iter().map(|(_, n)| n).collect()
    }
}

/// Folds a name for matching: accents stripped (NFD, combining marks
/// dropped, đ→d), lower case, every run of non-alphanumerics one space.
///
/// ```
/// use journeymap::network::graph::fold_name;
/// assert_eq!(fold_name("Đồng Đăng"), "dong dang");
/// assert_eq!(fold_name("Sŏp'o"), "sop o");
/// ```
pub fn fold_name(s: &str) -> String {
    use unicode_normalization::char::is_combining_mark;
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.nfd().filter(|c| !is_combining_mark(*c)) {
        let c = match c {
            'đ' | 'Đ' => 'd',
            other => other,
        };
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        } else {
            space = true;
        }
    }
    out
}
