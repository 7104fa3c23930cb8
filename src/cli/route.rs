//! `journeymap route`: route between places on the rail or road network, or
//! by air, and print stations, lines, lengths and the straight line.

use super::{Exit, Failure};
use journeymap::gazetteer::{Context, Gazetteer};
use journeymap::measure::{geodesic_distance, Km, LatLon};
use journeymap::mode::Mode;
use journeymap::network::search::Profile;
use journeymap::network::{file, Network};
use journeymap::route::{self, RouteOptions, RoutePoint, RoutedLeg};
use std::path::PathBuf;

/// Route from A through any via-points to C and print the stations passed,
/// the lines used with the length on each (and the official length where
/// the line has one), the total, and the straight-line geodesic distance.
#[derive(clap::Args, Debug)]
pub struct RouteArgs {
    /// rail, road or air (sea also works: a great-circle arc like air).
    #[arg(long, value_parser = parse_mode)]
    pub mode: Mode,
    /// Start: a station or town name of the network, a gazetteer place, or
    /// LAT,LON in decimal degrees.
    #[arg(long, allow_hyphen_values = true)]
    pub from: String,
    /// A place to pass through (repeat for several, in order).
    #[arg(long, allow_hyphen_values = true)]
    pub via: Vec<String>,
    /// Destination, given like --from.
    #[arg(long, allow_hyphen_values = true)]
    pub to: String,
    /// A network file made by `journeymap import-network` to route on
    /// instead of the bundled network of the mode.
    #[arg(long)]
    pub network: Option<PathBuf>,
    /// Print the routed leg as JSON instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Also write the route, waypoints and straight line as GeoJSON here.
    #[arg(long, value_name = "OUT")]
    pub geojson: Option<PathBuf>,
    /// Snapping tolerance in km: how far a place may be from the nearest
    /// network node and still be routed.
    #[arg(long, default_value_t = 30.0)]
    pub snap_km: f64,
    /// Let trains use high-speed lines (by default a conventional train
    /// keeps off them).
    #[arg(long)]
    pub high_speed: bool,
}

fn parse_mode(s: &str) -> Result<Mode, String> {
    s.parse()
}

pub fn run(args: RouteArgs) -> Result<(), Failure> {
    if !(args.snap_km.is_finite() && args.snap_km >= 0.0) {
        return Err(Failure::new(
            Exit::Usage,
            format!("--snap-km {} is not a distance", args.snap_km),
        ));
    }
    let mut network = load_network(&args)?;
    network.snap_tolerance = Km(args.snap_km);
    let names: Vec<&String> = std::iter::once(&args.from)
        .chain(&args.via)
        .chain(std::iter::once(&args.to))
        .collect();
    let mut points: Vec<RoutePoint> = Vec::with_capacity(names.len());
    for n in names {
        let near: Vec<LatLon> = points.iter().map(|p| p.point).collect();
        points.push(resolve(n, args.mode, &network, &near)?);
    }
    let (from, rest) = points
        .split_first()
        .ok_or_else(|| Failure::new(Exit::Internal, "no points"))?;
    let (to, via) = rest
        .split_last()
        .ok_or_else(|| Failure::new(Exit::Internal, "no destination"))?;
    let opts = RouteOptions {
        profile: args.high_speed.then_some(Profile::AnyTrain),
        snap_tolerance: None,
    };
    let leg = route::route_leg_with(&network, args.mode, opts, from, to, via);
    let straight = geodesic_distance(from.point, to.point);
    if let Some(out) = &args.geojson {
        let fc = route::geojson::leg_feature_collection(&leg, &points);
        let text = serde_json::to_string_pretty(&fc)
            .map_err(|e| Failure::new(Exit::Internal, e.to_string()))?;
        journeymap::output::write_atomic(out, text.as_bytes()).map_err(|e| {
            Failure::new(Exit::Output, format!("cannot write {}: {e}", out.display()))
        })?;
    }
    if args.json {
        let v = serde_json::json!({
            "leg": leg,
            "points": points.iter().map(|p| serde_json::json!({"name": p.name, "lat": p.point.lat, "lon": p.point.lon})).collect::<Vec<_>>(),
            "straight_line_km": straight.0,
        });
        println!(
            "{}",
            serde_json::to_string_pretty(&v)
                .map_err(|e| Failure::new(Exit::Internal, e.to_string()))?
        );
    } else {
        print!("{}", table(&leg, &points, straight));
    }
    for w in &leg.warnings {
        eprintln!("journeymap: warning: {w}");
    }
    Ok(())
}

fn load_network(args: &RouteArgs) -> Result<Network, Failure> {
    let mut network = Network::new();
    if let Some(path) = &args.network {
        let g = file::load(path).map_err(|e| {
            Failure::new(Exit::Data, e.to_string()).hint(
                "re-create it with `journeymap import-network FILE --mode rail|road --out NET`",
            )
        })?;
        if g.mode() != args.mode {
            return Err(Failure::new(
                Exit::Usage,
                format!(
                    "{} is a {} network, but --mode is {}",
                    path.display(),
                    g.mode(),
                    args.mode
                ),
            ));
        }
        network.insert(g);
        return Ok(network);
    }
    // The bundled graphs: the leg's own, and for air/sea both (their
    // station names still resolve places).
    let modes: &[Mode] = match args.mode {
        Mode::Rail => &[Mode::Rail],
        Mode::Road => &[Mode::Road],
        _ => &[Mode::Rail, Mode::Road],
    };
    for &m in modes {
        let g = Network::bundled_graph(m)
            .map_err(|e| Failure::new(Exit::Data, format!("bundled network: {e}")))?;
        network.insert(g);
    }
    Ok(network)
}

/// Resolves a place argument: LAT,LON; a station of the leg's network (or,
/// for air and sea, of any bundled network); the gazetteer's best candidate
/// (ranked nearer the places already resolved); a station whose name
/// contains it as whole words; else not found.
fn resolve(
    name: &str,
    mode: Mode,
    network: &Network,
    near: &[LatLon],
) -> Result<RoutePoint, Failure> {
    if let Some(p) = LatLon::parse(name) {
        return Ok(RoutePoint::new(name, p));
    }
    if let Some((a, b)) = name.split_once(',') {
        if a.trim().parse::<f64>().is_ok() && b.trim().parse::<f64>().is_ok() {
            return Err(Failure::new(Exit::Usage, format!("'{name}' is not a valid LAT,LON: latitude must be within ±90 and longitude within ±180")));
        }
    }
    let modes: &[Mode] = if mode.uses_network() {
        &[mode]
    } else {
        &[Mode::Rail, Mode::Road]
    };
    for &m in modes {
        if let Some(g) = network.graph(m) {
            // Several stations of one name: the one nearest the place
            // resolved before it, else the first.
            let named = g.nodes_named(name);
            let best = match near.last() {
                Some(&prev) => named.iter().copied().min_by(|&a, &b| {
                    geodesic_distance(prev, g.node(a))
                        .0
                        .total_cmp(&geodesic_distance(prev, g.node(b)).0)
                }),
                None => named.first().copied(),
            };
            if let Some(n) = best {
                return Ok(RoutePoint::new(g.node_name(n).unwrap_or(name), g.node(n)));
            }
        }
    }
    let gaz = Gazetteer::bundled();
    let ctx = Context {
        near: near.to_vec(),
        ..Context::default()
    };
    if let Some(c) = gaz.candidates(name, &ctx).first() {
        let place = gaz.place(c.id);
        return Ok(RoutePoint::new(place.name(), place.point()));
    }
    for &m in modes {
        if let Some(g) = network.graph(m) {
            if let Some(&n) = g.nodes_containing(name).first() {
                return Ok(RoutePoint::new(g.node_name(n).unwrap_or(name), g.node(n)));
            }
        }
    }
    Err(Failure::new(Exit::NotFound, format!("unknown place '{name}': not a station of the {mode} network nor a gazetteer place"))
        .hint("give a station or town name of the network, or coordinates as LAT,LON (e.g. --from 39.02,125.74)"))
}

fn table(leg: &RoutedLeg, points: &[RoutePoint], straight: Km) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    let names: Vec<&str> = points.iter().map(|p| p.name.as_str()).collect();
    let _ = writeln!(s, "{} route: {}", leg.mode, names.join(" → "));
    if !leg.routed {
        let _ = writeln!(
            s,
            "UNROUTED: straight geodesic, not a {} distance (see warning)",
            leg.mode
        );
    }
    if !leg.stops.is_empty() {
        let _ = writeln!(s, "\nstations ({}):", leg.stops.len());
        for st in &leg.stops {
            let _ = writeln!(s, "  {st}");
        }
    }
    if !leg.lines.is_empty() {
        let _ = writeln!(s, "\nlines:");
        let w = leg
            .lines
            .iter()
            .map(|u| u.line.chars().count())
            .max()
            .unwrap_or(0);
        for u in &leg.lines {
            let official = u
                .official
                .map(|o| format!("   official {:>7.1} km", o.0))
                .unwrap_or_default();
            let pad = w - u.line.chars().count();
            let _ = writeln!(
                s,
                "  {}{}  {:>7.1} km{official}",
                u.line,
                " ".repeat(pad),
                u.length.0
            );
        }
        if leg.lines.iter().any(|u| u.official.is_some()) {
            let _ = writeln!(
                s,
                "  (official figures of partial stretches are pro-rated from the whole line's)"
            );
        }
    }
    let what = match (leg.routed, leg.mode) {
        (false, _) => "straight geodesic (unrouted)",
        (true, Mode::Rail) => "along the track",
        (true, Mode::Road) => "along the road",
        (true, _) => "great-circle arc",
    };
    let _ = writeln!(s, "\ntotal: {:.1} km {what}", leg.length.0);
    let with_official = leg.lines.iter().filter(|u| u.official.is_some()).count();
    if with_official > 0 {
        let by_official: f64 = leg
            .lines
            .iter()
            .map(|u| u.official.unwrap_or(u.length).0)
            .sum();
        let _ = writeln!(
            s,
            "by official lengths: {by_official:.1} km ({with_official} of {} lines official, the rest by geometry)",
            leg.lines.len()
        );
    }
    if let (Some(a), Some(b)) = (points.first(), points.last()) {
        let _ = writeln!(
            s,
            "straight line {} → {}: {:.1} km (geodesic, WGS84)",
            a.name, b.name, straight.0
        );
    }
    s
}
