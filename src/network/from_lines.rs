//! Building a graph from a `LineSet`: every station a line stops at is a
//! node (a station shared by two lines is a junction), every stretch between
//! consecutive stations an edge whose geometry runs through the shape points
//! between them.

use crate::mode::Mode;
use crate::network::graph::{Graph, GraphBuilder, GraphError, LineInfo};
use crate::network::lines::{LineSet, LineStop};
use std::collections::BTreeMap;

impl Graph {
    /// The graph of the lines of `mode` in `set`. Shape points before a
    /// line's first station or after its last are not part of any stretch
    /// between stations and are left out.
    ///
    /// ```
    /// use journeymap::{mode::Mode, network::{graph::Graph, lines::LineSet}};
    /// let set = LineSet::bundled(Mode::Rail).unwrap();
    /// let g = Graph::from_lines(set, Mode::Rail).unwrap();
    /// assert!(g.node_count() > 10 && g.edge_count() > 10);
    /// ```
    pub fn from_lines(set: &LineSet, mode: Mode) -> Result<Graph, GraphError> {
        let mut b = GraphBuilder::new(mode);
        let mut node_of: BTreeMap<usize, u32> = BTreeMap::new();
        for line in set.lines.iter().filter(|l| l.mode == mode) {
            let line_id = b.add_line(LineInfo::new(&line.name, line.kind, line.official));
            let mut prev: Option<u32> = None;
            let mut shape = Vec::new();
            for stop in &line.stops {
                match *stop {
                    LineStop::Shape(p) => shape.push(p),
                    LineStop::Station(i) => {
                        let st = set.stations.get(i).ok_or_else(|| {
                            GraphError::Invalid(format!(
                                "line '{}' refers to station #{i}",
                                line.id
                            ))
                        })?;
                        let node = *node_of
                            .entry(i)
                            .or_insert_with(|| b.add_node(st.point, Some(&st.name)));
                        if let Some(p) = prev {
                            b.add_edge(p, node, line_id, &shape);
                        }
                        shape.clear();
                        prev = Some(node);
                    }
                }
            }
        }
        b.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measure::{geodesic_length, LatLon};
    use crate::network::lines::{Line, LineKind, Station};

    fn station(id: &str, lat: f64, lon: f64) -> Station {
        Station {
            id: id.into(),
            name: id.to_uppercase(),
            local: None,
            point: LatLon::new(lat, lon),
            gazetteer: None,
            source: "test".into(),
        }
    }

    #[test]
    fn shared_station_is_a_junction_and_lengths_follow_shapes() {
        let set = LineSet {
            stations: vec![
                station("a", 40.0, 124.0),
                station("b", 41.0, 124.0),
                station("c", 41.0, 126.0),
            ],
            lines: vec![
                Line {
                    id: "ab".into(),
                    name: "AB".into(),
                    local: None,
                    kind: LineKind::Conventional,
                    mode: Mode::Rail,
                    official: None,
                    official_source: None,
                    stops: vec![
                        LineStop::Station(0),
                        LineStop::Shape(LatLon::new(40.5, 124.5)),
                        LineStop::Station(1),
                    ],
                },
                Line {
                    id: "bc".into(),
                    name: "BC".into(),
                    local: None,
                    kind: LineKind::HighSpeed,
                    mode: Mode::Rail,
                    official: None,
                    official_source: None,
                    stops: vec![LineStop::Station(1), LineStop::Station(2)],
                },
            ],
        };
        let g = Graph::from_lines(&set, Mode::Rail).unwrap();
        assert_eq!(g.node_count(), 3);
        assert_eq!(g.edge_count(), 2);
        assert_eq!(g.edges_of(1).len(), 2, "B joins both lines");
        let want = geodesic_length(&[
            LatLon::new(40.0, 124.0),
            LatLon::new(40.5, 124.5),
            LatLon::new(41.0, 124.0),
        ]);
        assert!((g.edge(0).length.0 - want.0).abs() < 1e-9);
        assert!(
            Graph::from_lines(&set, Mode::Road).is_err(),
            "no road lines: empty"
        );
    }
}
