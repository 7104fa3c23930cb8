//! End-to-end tests of `journeymap import-network` on OSM XML, OSM PBF
//! (converted by Debian's `osmium-tool`, which must be installed) and
//! GeoJSON files the tests write, then routing on the imported networks;
//! `--landmarks K` stores ALT landmarks, and routes on such a file equal
//! the routes without them.

use journeymap::measure::{geodesic_length, LatLon};
use serde_json::Value;
use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn journeymap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .args(args)
        .output()
        .expect("run journeymap")
}

fn s(p: &Path) -> String {
    p.to_string_lossy().to_string()
}

/// A main line of 51 nodes along 20°N from 100°E to 100.5°E with stations
/// at both ends, a branch of 10 nodes north from its middle node, a primary
/// road, and a footway (ignored).
fn osm_xml() -> String {
    let mut x = String::from(
        "<?xml version='1.0' encoding='UTF-8'?>\n<osm version=\"0.6\" generator=\"test\">\n",
    );
    for i in 0..=50 {
        let id = i + 1;
        let lon = 100.0 + i as f64 * 0.01;
        let tags = match id {
            1 => "<tag k=\"railway\" v=\"station\"/><tag k=\"name\" v=\"West End\"/>",
            51 => "<tag k=\"railway\" v=\"station\"/><tag k=\"name\" v=\"East &amp; End\"/>",
            _ => "",
        };
        if tags.is_empty() {
            let _ = writeln!(
                x,
                "  <node id=\"{id}\" version=\"1\" lat=\"20.0\" lon=\"{lon:.2}\"/>"
            );
        } else {
            let _ = writeln!(
                x,
                "  <node id=\"{id}\" version=\"1\" lat=\"20.0\" lon=\"{lon:.2}\">{tags}</node>"
            );
        }
    }
    for k in 1..=10 {
        let _ = writeln!(
            x,
            "  <node id=\"{}\" version=\"1\" lat=\"{:.2}\" lon=\"100.25\"/>",
            100 + k,
            20.0 + k as f64 * 0.03
        );
    }
    for k in 0..3 {
        let _ = writeln!(
            x,
            "  <node id=\"{}\" version=\"1\" lat=\"19.5\" lon=\"{:.1}\"/>",
            200 + k,
            100.0 + k as f64 * 0.2
        );
    }
    x.push_str("  <way id=\"1\" version=\"1\">");
    for id in 1..=51 {
        let _ = write!(x, "<nd ref=\"{id}\"/>");
    }
    x.push_str("<tag k=\"railway\" v=\"rail\"/><tag k=\"name\" v=\"Main line\"/></way>\n");
    x.push_str("  <way id=\"2\" version=\"1\"><nd ref=\"26\"/>");
    for k in 1..=10 {
        let _ = write!(x, "<nd ref=\"{}\"/>", 100 + k);
    }
    x.push_str("<tag k=\"railway\" v=\"rail\"/><tag k=\"name\" v=\"Branch\"/></way>\n");
    x.push_str("  <way id=\"3\" version=\"1\"><nd ref=\"200\"/><nd ref=\"201\"/><nd ref=\"202\"/><tag k=\"highway\" v=\"primary\"/><tag k=\"ref\" v=\"QL9\"/></way>\n");
    x.push_str("  <way id=\"4\" version=\"1\"><nd ref=\"1\"/><nd ref=\"200\"/><tag k=\"highway\" v=\"footway\"/></way>\n");
    x.push_str("</osm>\n");
    x
}

fn main_line_km() -> f64 {
    let pts: Vec<LatLon> = (0..=50)
        .map(|i| LatLon::new(20.0, 100.0 + i as f64 * 0.01))
        .collect();
    geodesic_length(&pts).0
}

fn import(file: &Path, mode: &str, out: &Path) -> Output {
    import_with(file, mode, out, &[])
}

fn import_with(file: &Path, mode: &str, out: &Path, extra: &[&str]) -> Output {
    let (file, out) = (s(file), s(out));
    let mut args = vec!["import-network", &file, "--mode", mode, "--out", &out];
    args.extend_from_slice(extra);
    journeymap(&args)
}

fn route_on(net: &Path, mode: &str, from: &str, to: &str) -> Value {
    route_on_with(net, mode, from, to, &[])
}

fn route_on_with(net: &Path, mode: &str, from: &str, to: &str, extra: &[&str]) -> Value {
    let net = s(net);
    let mut args = vec![
        "route",
        "--mode",
        mode,
        "--from",
        from,
        "--to",
        to,
        "--network",
        &net,
        "--json",
    ];
    args.extend_from_slice(extra);
    let out = journeymap(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

fn write_osm(dir: &Path) -> PathBuf {
    let p = dir.join("small.osm");
    std::fs::write(&p, osm_xml()).expect("write osm");
    p
}

fn check_rail_network(net: &Path) {
    let v = route_on(net, "rail", "West End", "East & End");
    let leg = &v["leg"];
    assert_eq!(leg["routed"], true, "{}", leg["warnings"]);
    let len = leg["length"].as_f64().expect("length");
    assert!(
        (len - main_line_km()).abs() < 0.01,
        "{len} vs {}",
        main_line_km()
    );
    assert_eq!(leg["stops"], serde_json::json!(["West End", "East & End"]));
    assert_eq!(leg["lines"][0]["line"], "Main line");
    assert_eq!(
        leg["geometry"].as_array().expect("geometry").len(),
        51,
        "shape points kept"
    );
    // Into the branch: passes the junction, two lines.
    let b = route_on(net, "rail", "West End", "20.30,100.25");
    let names: Vec<&str> = b["leg"]["lines"]
        .as_array()
        .expect("lines")
        .iter()
        .filter_map(|u| u["line"].as_str())
        .collect();
    assert_eq!(names, ["Main line", "Branch"]);
}

#[test]
fn osm_xml_imports_contracts_and_routes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let osm = write_osm(dir.path());
    let net = dir.path().join("rail.net");
    let out = import(&osm, "rail", &net);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let msg = String::from_utf8_lossy(&out.stdout);
    assert!(
        msg.contains("4 nodes, 3 edges, 2 lines"),
        "contracted to junctions: {msg}"
    );
    check_rail_network(&net);
    let road = dir.path().join("road.net");
    assert!(import(&osm, "road", &road).status.success());
    let v = route_on(&road, "road", "19.5,100.0", "19.5,100.4");
    assert_eq!(v["leg"]["lines"][0]["line"], "QL9");
    // A rail network is refused for a road route.
    let out = journeymap(&[
        "route",
        "--mode",
        "road",
        "--from",
        "1,1",
        "--to",
        "2,2",
        "--network",
        &s(&net),
    ]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn osm_pbf_from_osmium_imports_the_same_network() {
    let dir = tempfile::tempdir().expect("tempdir");
    let osm = write_osm(dir.path());
    let pbf = dir.path().join("small.osm.pbf");
    let st = Command::new("osmium")
        .args(["cat", &s(&osm), "-o", &s(&pbf)])
        .status()
        .expect("osmium-tool must be installed (apt-get install osmium-tool)");
    assert!(st.success());
    let from_xml = dir.path().join("xml.net");
    let from_pbf = dir.path().join("pbf.net");
    assert!(import(&osm, "rail", &from_xml).status.success());
    let out = import(&pbf, "rail", &from_pbf);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    check_rail_network(&from_pbf);
    assert_eq!(
        std::fs::read(&from_xml).expect("xml net"),
        std::fs::read(&from_pbf).expect("pbf net"),
        "same graph file from both formats"
    );
    // Truncated PBF: an error naming the byte offset, not a panic.
    let bytes = std::fs::read(&pbf).expect("pbf");
    let cut = dir.path().join("cut.osm.pbf");
    std::fs::write(&cut, &bytes[..bytes.len() - 40]).expect("write");
    let out = import(&cut, "rail", &dir.path().join("cut.net"));
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("truncated") && err.contains("byte"), "{err}");
    let garbage = dir.path().join("garbage.osm.pbf");
    std::fs::write(&garbage, [0xffu8; 300]).expect("write");
    let out = import(&garbage, "rail", &dir.path().join("g.net"));
    assert_eq!(
        out.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn malformed_and_truncated_osm_xml_name_the_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = osm_xml();
    let cut = dir.path().join("cut.osm");
    std::fs::write(&cut, &text[..text.len() * 2 / 3]).expect("write");
    let out = import(&cut, "rail", &dir.path().join("a.net"));
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("truncated") && err.contains("line "), "{err}");
    let broken = dir.path().join("broken.osm");
    std::fs::write(&broken, text.replacen("</way>", "</wax>", 1)).expect("write");
    let out = import(&broken, "rail", &dir.path().join("b.net"));
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("malformed") && err.contains("line 6"), "{err}");
    assert!(!dir.path().join("b.net").exists(), "no output on failure");
}

#[test]
fn empty_network_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("footpaths.osm");
    std::fs::write(
        &p,
        "<osm version=\"0.6\"><node id=\"1\" lat=\"1\" lon=\"1\"/><node id=\"2\" lat=\"1.1\" lon=\"1\"/>\
         <way id=\"1\"><nd ref=\"1\"/><nd ref=\"2\"/><tag k=\"highway\" v=\"footway\"/></way></osm>",
    )
    .expect("write");
    let out = import(&p, "rail", &dir.path().join("e.net"));
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no rail ways") && err.contains("railway=rail"),
        "{err}"
    );
    let empty = dir.path().join("empty.osm");
    std::fs::write(&empty, "").expect("write");
    let out = import(&empty, "rail", &dir.path().join("e2.net"));
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("empty"));
}

#[test]
fn geojson_lines_import_and_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("lines.geojson");
    std::fs::write(
        &p,
        r#"{"type": "FeatureCollection", "features": [
  {"type": "Feature", "properties": {"name": "A–B"}, "geometry": {"type": "LineString", "coordinates": [[106.0, 21.0], [106.1, 21.1], [106.2, 21.2]]}},
  {"type": "Feature", "properties": {"name": "B–C", "kind": "high-speed"}, "geometry": {"type": "MultiLineString", "coordinates": [[[106.2, 21.2], [106.4, 21.2]]]}},
  {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [0, 0]}}
]}"#,
    )
    .expect("write");
    let net = dir.path().join("g.net");
    let out = import(&p, "rail", &net);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = route_on(&net, "rail", "21.0,106.0", "21.2,106.2");
    assert_eq!(v["leg"]["routed"], true);
    // The conventional-train profile keeps off the high-speed B–C line.
    let v = route_on_with(
        &net,
        "rail",
        "21.0,106.0",
        "21.2,106.4",
        &["--snap-km", "5"],
    );
    assert_eq!(v["leg"]["routed"], false, "{}", v["leg"]);
    let v = route_on_with(&net, "rail", "21.0,106.0", "21.2,106.4", &["--high-speed"]);
    assert_eq!(v["leg"]["lines"][1]["line"], "B–C");
    let bad = dir.path().join("bad.geojson");
    std::fs::write(
        &bad,
        "{\"type\": \"FeatureCollection\",\n \"features\": [\n {\"type\": ",
    )
    .expect("write");
    let out = import(&bad, "rail", &dir.path().join("b.net"));
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("truncated JSON") && err.contains("line 3"),
        "{err}"
    );
}

/// A jittered 24 × 24 grid of rail lines ~5 km apart (rows and columns as
/// LineStrings meeting at shared coordinates), a few conventional lines made
/// high-speed so the default profile must detour.
fn grid_geojson() -> String {
    let side = 24;
    let mut state: u64 = 0x1234_5678_9abc_def1;
    let mut jitter = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        ((state >> 11) as f64 / (1u64 << 53) as f64 - 0.5) * 0.01
    };
    let pts: Vec<Vec<(f64, f64)>> = (0..side)
        .map(|i| {
            (0..side)
                .map(|j| {
                    (
                        105.0 + j as f64 * 0.05 + jitter(),
                        21.0 + i as f64 * 0.045 + jitter(),
                    )
                })
                .collect()
        })
        .collect();
    let mut features = Vec::new();
    let line = |coords: Vec<(f64, f64)>, name: String, kind: &str| {
        let mut c = String::new();
        for (k, (lon, lat)) in coords.iter().enumerate() {
            let _ = write!(c, "{}[{lon:.6}, {lat:.6}]", if k > 0 { ", " } else { "" });
        }
        format!(
            r#"{{"type": "Feature", "properties": {{"name": "{name}", "kind": "{kind}"}}, "geometry": {{"type": "LineString", "coordinates": [{c}]}}}}"#
        )
    };
    for (i, row) in pts.iter().enumerate() {
        let kind = if i % 7 == 3 {
            "high-speed"
        } else {
            "conventional"
        };
        features.push(line(row.clone(), format!("row {i}"), kind));
        let col: Vec<(f64, f64)> = pts.iter().map(|r| r[i]).collect();
        features.push(line(col, format!("column {i}"), "conventional"));
    }
    format!(
        "{{\"type\": \"FeatureCollection\", \"features\": [\n{}\n]}}",
        features.join(",\n")
    )
}

#[test]
fn routes_on_a_network_with_landmarks_equal_routes_without() {
    let dir = tempfile::tempdir().expect("tempdir");
    let src = dir.path().join("grid.geojson");
    std::fs::write(&src, grid_geojson()).expect("write");
    let (plain, marked) = (dir.path().join("plain.net"), dir.path().join("alt.net"));
    let out = import_with(&src, "rail", &plain, &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).contains(" 0 landmarks"),
        "small networks get none by default: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    let out = import_with(&src, "rail", &marked, &["--landmarks", "6"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains(" 6 landmarks"));
    let size = |p: &Path| std::fs::metadata(p).expect("net").len();
    assert!(size(&marked) > size(&plain), "the file holds the distances");
    let pairs = [
        ("21.0,105.0", "22.03,106.15"),
        ("22.03,105.0", "21.0,106.15"),
        ("21.5,105.5", "21.1,106.1"),
        ("21.3,106.0", "21.9,105.2"),
    ];
    let mut routed = 0;
    for (from, to) in pairs {
        for extra in [&[][..], &["--high-speed"][..]] {
            let (a, b) = (
                route_on_with(&plain, "rail", from, to, extra),
                route_on_with(&marked, "rail", from, to, extra),
            );
            assert_eq!(a["leg"]["routed"], b["leg"]["routed"]);
            let (la, lb) = (
                a["leg"]["length"].as_f64().expect("length"),
                b["leg"]["length"].as_f64().expect("length"),
            );
            assert!(
                (la - lb).abs() <= 1e-9 * la,
                "{from} → {to} {extra:?}: {la} km without landmarks, {lb} km with"
            );
            routed += usize::from(a["leg"]["routed"] == true && la > 50.0);
        }
    }
    assert_eq!(routed, pairs.len() * 2, "every pair routed on the grid");
}

#[test]
fn too_many_landmarks_is_a_usage_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let src = dir.path().join("grid.geojson");
    std::fs::write(&src, grid_geojson()).expect("write");
    let out = import_with(
        &src,
        "rail",
        &dir.path().join("x.net"),
        &["--landmarks", "33"],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--landmarks") && err.contains("33"), "{err}");
}
