//! Transport networks: the bundled hand-kept rail and road lines, and graphs
//! imported from OpenStreetMap or GeoJSON.
//!
//! - [`lines`]: networks as named lines of stations (the bundled data).
//! - [`graph`]: the routable graph; [`from_lines`] builds it from lines.
//! - [`search`]: shortest paths (A*) and routing profiles; [`landmarks`]:
//!   precomputed lower bounds that speed A* on large graphs.
//! - [`snap`]: nearest node within a tolerance.
//! - [`file`]: the compact binary graph file; [`import`]: OSM and GeoJSON.

pub mod file;
pub mod from_lines;
pub mod graph;
pub mod import;
pub mod landmarks;
pub mod lines;
pub mod search;
pub mod snap;

use crate::measure::Km;
use crate::mode::Mode;
use graph::{Graph, GraphError};
use std::collections::BTreeMap;

/// The graphs legs are routed on, one per mode, and the snapping tolerance.
#[derive(Debug)]
pub struct Network {
    graphs: BTreeMap<Mode, Graph>,
    /// How far a waypoint may be from its network's nearest node and still
    /// be routed (default [`snap::DEFAULT_SNAP_TOLERANCE`]).
    pub snap_tolerance: Km,
}

impl Default for Network {
    fn default() -> Network {
        Network {
            graphs: BTreeMap::new(),
            snap_tolerance: snap::DEFAULT_SNAP_TOLERANCE,
        }
    }
}

/// Why a network could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum NetworkError {
    #[error(transparent)]
    Lines(#[from] lines::LinesError),
    #[error("{origin}: {err}")]
    Graph { origin: String, err: GraphError },
}

impl Network {
    pub fn new() -> Network {
        Network::default()
    }

    /// The bundled rail and road networks.
    pub fn bundled() -> Result<Network, NetworkError> {
        let mut n = Network::new();
        for mode in [Mode::Rail, Mode::Road] {
            n.insert(Network::bundled_graph(mode)?);
        }
        Ok(n)
    }

    /// The graph of the bundled network of `mode` (rail or road).
    pub fn bundled_graph(mode: Mode) -> Result<Graph, NetworkError> {
        let set = lines::LineSet::bundled(mode)?;
        Graph::from_lines(set, mode).map_err(|err| NetworkError::Graph {
            origin: format!("bundled {mode} network"),
            err,
        })
    }

    /// Adds or replaces the graph of its mode.
    pub fn insert(&mut self, graph: Graph) {
        self.graphs.insert(graph.mode(), graph);
    }

    pub fn graph(&self, mode: Mode) -> Option<&Graph> {
        self.graphs.get(&mode)
    }
}
