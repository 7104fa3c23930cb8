//! Routing one leg: on the mode's graph for rail and road (snap, A* part by
//! part through the via-points), along the geodesic for air and sea, and the
//! flagged straight-line fallback when a network leg cannot be routed.

use super::{LineUse, RoutedLeg};
use crate::measure::{densify_geodesic, geodesic_length, Km, LatLon};

/// Geodesic length; +0.0 turns the -0.0 an empty float sum gives into 0.
fn length_of(line: &[LatLon]) -> Km {
    Km(geodesic_length(line).0 + 0.0)
}
use crate::mode::Mode;
use crate::network::graph::Graph;
use crate::network::search::{shortest_path, Profile};
use crate::network::Network;

/// Densification step of great-circle arcs (air, sea, fallbacks).
pub const AIR_STEP: Km = Km(50.0);

/// A named position to route from, to or through.
#[derive(Debug, Clone, PartialEq)]
pub struct RoutePoint {
    pub name: String,
    pub point: LatLon,
}

impl RoutePoint {
    pub fn new(name: impl Into<String>, point: LatLon) -> RoutePoint {
        RoutePoint {
            name: name.into(),
            point,
        }
    }
}

/// Options of [`route_leg_with`].
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct RouteOptions {
    /// The lines the traveller may use; `None`: the mode's default
    /// ([`Profile::default_for`]: conventional trains on rail).
    pub profile: Option<Profile>,
    /// Snapping tolerance; `None`: the network's.
    pub snap_tolerance: Option<Km>,
}

/// Routes one leg with the mode's default profile and the network's snapping
/// tolerance. `journey` and `leg` of the result are 0: the caller sets them.
///
/// Geometry longitudes are always in [-180, 180]: an arc across the
/// antimeridian jumps from +180 to -180 between consecutive points, and
/// writers split lines where consecutive longitudes differ by more than 180°.
///
/// ```
/// use journeymap::measure::LatLon;
/// use journeymap::mode::Mode;
/// use journeymap::network::Network;
/// use journeymap::route::{route_leg, RoutePoint};
/// let net = Network::new();
/// let tokyo = RoutePoint::new("Tokyo", LatLon::new(35.55, 139.78));
/// let sf = RoutePoint::new("San Francisco", LatLon::new(37.62, -122.38));
/// let leg = route_leg(&net, Mode::Air, &tokyo, &sf, &[]);
/// assert!(leg.routed);
/// // Haneda → SFO on the WGS84 ellipsoid: 8 304 km.
/// assert!((leg.length.0 - 8_304.4).abs() < 0.5, "{:?}", leg.length);
/// ```
pub fn route_leg(
    network: &Network,
    mode: Mode,
    from: &RoutePoint,
    to: &RoutePoint,
    via: &[RoutePoint],
) -> RoutedLeg {
    route_leg_with(network, mode, RouteOptions::default(), from, to, via)
}

/// [`route_leg`] with explicit options.
pub fn route_leg_with(
    network: &Network,
    mode: Mode,
    opts: RouteOptions,
    from: &RoutePoint,
    to: &RoutePoint,
    via: &[RoutePoint],
) -> RoutedLeg {
    let points: Vec<&RoutePoint> = std::iter::once(from)
        .chain(via)
        .chain(std::iter::once(to))
        .collect();
    let mut leg = RoutedLeg {
        journey: 0,
        leg: 0,
        mode,
        from: from.name.clone(),
        to: to.name.clone(),
        geometry: Vec::new(),
        length: Km(0.0),
        routed: true,
        stops: Vec::new(),
        lines: Vec::new(),
        warnings: Vec::new(),
    };
    if let Some(p) = points.iter().find(|p| !p.point.is_valid()) {
        leg.warnings.push(format!(
            "{} has invalid coordinates {:?}: the leg is not drawn",
            p.name, p.point
        ));
        leg.routed = false;
        return leg;
    }
    if !mode.uses_network() {
        leg.geometry = straight_line(&points);
        leg.length = length_of(&leg.geometry);
        return leg;
    }
    let Some(graph) = network.graph(mode) else {
        return fallback(leg, &points, format!("no {mode} network is loaded"));
    };
    let profile = opts.profile.unwrap_or(Profile::default_for(mode));
    let tolerance = opts.snap_tolerance.unwrap_or(network.snap_tolerance);
    match route_on_graph(graph, profile, tolerance, &points, &mut leg) {
        Ok(()) => {
            leg.length = length_of(&leg.geometry);
            leg
        }
        Err(why) => fallback(leg, &points, why),
    }
}

/// The geodesic polyline through `points`, densified to [`AIR_STEP`].
pub fn straight_line(points: &[&RoutePoint]) -> Vec<LatLon> {
    let mut out = vec![points[0].point];
    for w in points.windows(2) {
        out.extend(
            densify_geodesic(w[0].point, w[1].point, AIR_STEP)
                .into_iter()
                .skip(1),
        );
    }
    out
}

fn fallback(mut leg: RoutedLeg, points: &[&RoutePoint], why: String) -> RoutedLeg {
    leg.geometry = straight_line(points);
    leg.length = length_of(&leg.geometry);
    leg.routed = false;
    leg.stops.clear();
    leg.lines.clear();
    leg.warnings.push(format!(
        "{} leg {} → {} is not routed: {why}; drawn as the straight geodesic ({:.0} km), not a {} distance",
        leg.mode,
        leg.from,
        leg.to,
        leg.length.0,
        if leg.mode == Mode::Road { "road" } else { "track" }
    ));
    leg
}

/// Snaps every point, then routes part by part; fills geometry, stops and
/// lines. Err: why the leg cannot be routed.
fn route_on_graph(
    g: &Graph,
    profile: Profile,
    tolerance: Km,
    points: &[&RoutePoint],
    leg: &mut RoutedLeg,
) -> Result<(), String> {
    let mut nodes = Vec::with_capacity(points.len());
    for p in points {
        match g.snap(p.point, tolerance, profile) {
            Ok(s) => {
                if s.distance.0 > 5.0 {
                    leg.warnings.push(format!(
                        "{} is {:.1} km from the nearest {} network node ({}); the route is measured from there",
                        p.name,
                        s.distance.0,
                        g.mode(),
                        g.node_name(s.node).unwrap_or("unnamed")
                    ));
                }
                nodes.push(s.node);
            }
            Err(nearest) => {
                return Err(match nearest {
                    Some(s) => format!(
                        "{} is {:.0} km from the nearest {} network node ({}), beyond the snapping tolerance of {:.0} km",
                        p.name,
                        s.distance.0,
                        g.mode(),
                        g.node_name(s.node).unwrap_or("unnamed"),
                        tolerance.0
                    ),
                    None => format!("the {} network has no node this profile can use", g.mode()),
                })
            }
        }
    }
    let mut geometry = vec![g.node(nodes[0])];
    let mut stops: Vec<String> = Vec::new();
    push_stop(&mut stops, g.node_name(nodes[0]));
    let mut uses: Vec<(u32, Km)> = Vec::new();
    for (i, w) in nodes.windows(2).enumerate() {
        let path = shortest_path(g, profile, w[0], w[1]).ok_or_else(|| {
            format!(
                "no path on the {} network from {} to {} (the network is disconnected between them)",
                g.mode(),
                points[i].name,
                points[i + 1].name
            )
        })?;
        for (k, &e) in path.edges.iter().enumerate() {
            g.push_edge_geometry(e, path.nodes[k], &mut geometry);
            push_stop(&mut stops, g.node_name(path.nodes[k + 1]));
            let edge = g.edge(e);
            match uses.last_mut() {
                Some((l, len)) if *l == edge.line => len.0 += edge.length.0,
                _ => uses.push((edge.line, edge.length)),
            }
        }
    }
    leg.geometry = geometry;
    leg.stops = stops;
    leg.lines = uses
        .into_iter()
        .map(|(l, len)| line_use(g, l, len))
        .collect();
    Ok(())
}

fn push_stop(stops: &mut Vec<String>, name: Option<&str>) {
    if let Some(n) = name {
        if stops.last().map(String::as_str) != Some(n) {
            stops.push(n.to_string());
        }
    }
}

/// The stretch of line `l` of length `len`. Its `official` figure is the
/// line's official length when the stretch is the whole line, and otherwise
/// the official length **pro-rated** by the stretch's share of the line's
/// geometric length (official × stretch / line): an estimate that is only
/// as good as the line's geometry is even along it.
fn line_use(g: &Graph, l: u32, len: Km) -> LineUse {
    let line = g.line(l);
    let official = line.official.map(|o| {
        if line.length.0 <= 0.0 || (len.0 - line.length.0).abs() <= 1e-6 * line.length.0 {
            o
        } else {
            Km(o.0 * len.0 / line.length.0)
        }
    });
    LineUse {
        line: line.name.clone(),
        length: len,
        official,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measure::geodesic_distance;
    use crate::network::graph::{GraphBuilder, LineInfo};
    use crate::network::lines::LineKind;

    /// A—B—C on a conventional line with an official length, plus a shorter
    /// high-speed A—C, and an island D—E.
    fn net() -> Network {
        let mut b = GraphBuilder::new(Mode::Rail);
        let a = b.add_node(LatLon::new(40.0, 124.0), Some("A"));
        let bn = b.add_node(LatLon::new(40.5, 124.5), Some("B"));
        let c = b.add_node(LatLon::new(41.0, 124.0), Some("C"));
        let d = b.add_node(LatLon::new(45.0, 130.0), Some("D"));
        let e = b.add_node(LatLon::new(45.5, 130.0), Some("E"));
        let conv = b.add_line(LineInfo::new(
            "Conv",
            LineKind::Conventional,
            Some(Km(150.0)),
        ));
        let hs = b.add_line(LineInfo::new("HSR", LineKind::HighSpeed, None));
        let island = b.add_line(LineInfo::new("Island", LineKind::Conventional, None));
        b.add_edge(a, bn, conv, &[]);
        b.add_edge(bn, c, conv, &[]);
        b.add_edge(a, c, hs, &[]);
        b.add_edge(d, e, island, &[]);
        let mut n = Network::new();
        n.insert(b.finish().unwrap());
        n
    }

    fn p(name: &str, lat: f64, lon: f64) -> RoutePoint {
        RoutePoint::new(name, LatLon::new(lat, lon))
    }

    #[test]
    fn conventional_train_keeps_off_high_speed() {
        let leg = route_leg(
            &net(),
            Mode::Rail,
            &p("A", 40.0, 124.0),
            &p("C", 41.0, 124.0),
            &[],
        );
        assert!(leg.routed, "{:?}", leg.warnings);
        assert_eq!(leg.stops, ["A", "B", "C"]);
        assert_eq!(leg.lines.len(), 1);
        assert_eq!(
            leg.lines[0].official,
            Some(Km(150.0)),
            "whole line: official as is"
        );
        assert!((leg.length.0 - geodesic_length(&leg.geometry).0).abs() < 1e-9);
        let opts = RouteOptions {
            profile: Some(Profile::AnyTrain),
            ..Default::default()
        };
        let fast = route_leg_with(
            &net(),
            Mode::Rail,
            opts,
            &p("A", 40.0, 124.0),
            &p("C", 41.0, 124.0),
            &[],
        );
        assert_eq!(fast.stops, ["A", "C"]);
        assert_eq!(fast.lines[0].line, "HSR");
    }

    #[test]
    fn partial_stretch_prorates_official() {
        let leg = route_leg(
            &net(),
            Mode::Rail,
            &p("A", 40.0, 124.0),
            &p("B", 40.5, 124.5),
            &[],
        );
        let u = &leg.lines[0];
        let whole = geodesic_distance(LatLon::new(40.0, 124.0), LatLon::new(40.5, 124.5)).0
            + geodesic_distance(LatLon::new(40.5, 124.5), LatLon::new(41.0, 124.0)).0;
        let want = 150.0 * u.length.0 / whole;
        assert!((u.official.unwrap().0 - want).abs() < 1e-9);
    }

    #[test]
    fn via_points_route_part_by_part() {
        let leg = route_leg(
            &net(),
            Mode::Rail,
            &p("C", 41.0, 124.0),
            &p("C", 41.0, 124.0),
            &[p("A", 40.0, 124.0)],
        );
        assert_eq!(leg.stops, ["C", "B", "A", "B", "C"]);
        assert_eq!(leg.lines.len(), 1, "same line across the via point merges");
    }

    #[test]
    fn far_waypoint_and_disconnected_graph_fall_back_with_warning() {
        let far = route_leg(
            &net(),
            Mode::Rail,
            &p("A", 40.0, 124.0),
            &p("Nowhere", 10.0, 10.0),
            &[],
        );
        assert!(!far.routed);
        assert!(
            far.warnings[0].contains("snapping tolerance"),
            "{:?}",
            far.warnings
        );
        assert!(far.lines.is_empty() && far.stops.is_empty());
        let island = route_leg(
            &net(),
            Mode::Rail,
            &p("A", 40.0, 124.0),
            &p("D", 45.0, 130.0),
            &[],
        );
        assert!(!island.routed);
        assert!(
            island.warnings[0].contains("disconnected"),
            "{:?}",
            island.warnings
        );
        let d = geodesic_distance(LatLon::new(40.0, 124.0), LatLon::new(45.0, 130.0)).0;
        assert!((island.length.0 - d).abs() < 0.01);
        let no_road = route_leg(
            &net(),
            Mode::Road,
            &p("A", 40.0, 124.0),
            &p("C", 41.0, 124.0),
            &[],
        );
        assert!(!no_road.routed && no_road.warnings[0].contains("no road network"));
    }

    #[test]
    fn air_arc_across_antimeridian_is_densified_and_normalised() {
        let leg = route_leg(
            &Network::new(),
            Mode::Air,
            &p("Fiji", -17.75, 177.44),
            &p("Samoa", -13.83, -171.99),
            &[],
        );
        assert!(leg.routed);
        for w in leg.geometry.windows(2) {
            assert!(geodesic_distance(w[0], w[1]).0 <= 50.0 + 1e-6);
        }
        assert!(leg
            .geometry
            .iter()
            .all(|q| (-180.0..=180.0).contains(&q.lon)));
        let d = geodesic_distance(leg.geometry[0], *leg.geometry.last().unwrap()).0;
        assert!(
            (leg.length.0 - d).abs() < 0.01 && d < 1500.0,
            "short way round: {d}"
        );
    }
}
