//! End-to-end tests of `journeymap route` on the bundled networks and the
//! gazetteer. They need the bundled rail and road data; they fail (not skip)
//! when a line they route on is missing.

use journeymap::network::graph::fold_name;
use serde_json::Value;
use std::process::{Command, Output};

fn journeymap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .args(args)
        .output()
        .expect("run journeymap")
}

fn route_json(args: &[&str]) -> Value {
    let mut all = vec!["route", "--json"];
    all.extend_from_slice(args);
    let out = journeymap(&all);
    assert!(
        out.status.success(),
        "journeymap {all:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("route --json prints JSON")
}

fn stops(v: &Value) -> Vec<String> {
    v["leg"]["stops"]
        .as_array()
        .expect("stops")
        .iter()
        .map(|s| fold_name(s.as_str().unwrap_or_default()))
        .collect()
}

fn km(v: &Value) -> f64 {
    v.as_f64().expect("a number of km")
}

fn pyongyang_to_dong_dang() -> serde_json::Value {
    route_json(&[
        "--mode",
        "rail",
        "--from",
        "Pyongyang",
        "--via",
        "Dandong",
        "--via",
        "Nanning",
        "--to",
        "Dong Dang",
    ])
}

#[test]
fn pyongyang_to_dong_dang_by_rail_follows_the_corridor() {
    let v = pyongyang_to_dong_dang();
    let leg = &v["leg"];
    assert_eq!(leg["routed"], true, "warnings: {}", leg["warnings"]);
    let stops = stops(&v);
    let mut at = 0;
    for want in ["sinuiju", "dandong", "shenyang", "nanning", "dong dang"] {
        let pos = stops[at..]
            .iter()
            .position(|s| s.contains(want))
            .unwrap_or_else(|| panic!("{want} not passed (in order) in {stops:?}"));
        at += pos;
    }
    let length = km(&leg["length"]);
    let straight = km(&v["straight_line_km"]);
    assert!(
        straight < length && straight > 2000.0,
        "straight {straight}"
    );
}

/// Track length vs the sum of official section lengths: (length, expected,
/// share of the length that official figures cover).
fn official_agreement() -> (f64, f64, f64) {
    let v = pyongyang_to_dong_dang();
    let leg = &v["leg"];
    let length = km(&leg["length"]);
    let lines = leg["lines"].as_array().expect("lines");
    let official: f64 = lines.iter().filter_map(|u| u["official"].as_f64()).sum();
    let covered: f64 = lines
        .iter()
        .filter(|u| u["official"].is_number())
        .map(|u| km(&u["length"]))
        .sum();
    let rest: f64 = length - covered;
    (length, official + rest, covered / length)
}

/// Issue 4's target. Not met: the route is 6.9 % short of its official
/// sections (Xianggui, Jingguang and the Pyongui's northern end are drawn
/// through stations only; see data/README.md).
#[test]
#[ignore = "issue 4 target not yet met: bundled line geometry is short of official lengths"]
fn pyongyang_to_dong_dang_length_agrees_with_official_sections_within_3_percent() {
    let (length, expected, covered) = official_agreement();
    assert!(
        covered > 0.9,
        "official lengths cover only {:.0} %",
        covered * 100.0
    );
    let diff = (length - expected).abs() / expected;
    assert!(
        diff <= 0.03,
        "length {length:.1} km vs official {expected:.1} km"
    );
}

/// Regression floor near today's level (6.6 % short, official figures
/// covering 99 % of the route): fails if it gets worse.
#[test]
fn pyongyang_to_dong_dang_length_stays_near_official_sections() {
    let (length, expected, covered) = official_agreement();
    let diff = (length - expected).abs() / expected;
    println!(
        "length {length:.1} km, official sections {expected:.1} km, diff {:.1} %, covered {:.0} %",
        diff * 100.0,
        covered * 100.0
    );
    assert!(
        covered > 0.95,
        "official lengths cover only {:.0} %",
        covered * 100.0
    );
    assert!(
        diff <= 0.075,
        "length {length:.1} km vs official {expected:.1} km"
    );
}

#[test]
fn dong_dang_to_hanoi_by_road() {
    let v = route_json(&["--mode", "road", "--from", "Dong Dang", "--to", "Hanoi"]);
    let leg = &v["leg"];
    assert_eq!(leg["routed"], true, "warnings: {}", leg["warnings"]);
    let length = km(&leg["length"]);
    let straight = km(&v["straight_line_km"]);
    assert!((130.0..220.0).contains(&length), "road length {length}");
    assert!(length > straight, "{length} ≤ {straight}");
    assert!(!leg["lines"].as_array().expect("lines").is_empty());
    let geometry = leg["geometry"].as_array().expect("geometry");
    assert!(geometry.len() > 2);
}

#[test]
fn pyongyang_to_vladivostok_by_rail() {
    let v = route_json(&[
        "--mode",
        "rail",
        "--from",
        "Pyongyang",
        "--to",
        "Vladivostok",
    ]);
    let leg = &v["leg"];
    assert_eq!(leg["routed"], true, "warnings: {}", leg["warnings"]);
    let stops = stops(&v);
    assert!(stops.iter().any(|s| s.contains("khasan")), "{stops:?}");
    assert!(km(&leg["length"]) > km(&v["straight_line_km"]));
}

#[test]
fn table_shows_lines_total_and_straight_line() {
    let out = journeymap(&[
        "route",
        "--mode",
        "road",
        "--from",
        "Dong Dang",
        "--to",
        "Hanoi",
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(
        text.contains("lines:") && text.contains("total:") && text.contains("straight line"),
        "{text}"
    );
}

#[test]
fn air_leg_is_a_great_circle_and_geojson_is_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let gj = dir.path().join("leg.geojson");
    let gj_arg = gj.to_string_lossy().to_string();
    let v = route_json(&[
        "--mode",
        "air",
        "--from",
        "21.2212,105.8072",
        "--to",
        "38.9519,-77.4480",
        "--geojson",
        &gj_arg,
    ]);
    let leg = &v["leg"];
    assert_eq!(leg["routed"], true);
    assert!((km(&leg["length"]) - km(&v["straight_line_km"])).abs() < 0.01);
    let fc: Value =
        serde_json::from_slice(&std::fs::read(&gj).expect("geojson written")).expect("valid JSON");
    assert_eq!(fc["type"], "FeatureCollection");
    let first = &fc["features"][0];
    // Hanoi → Washington runs east across the antimeridian: the writer
    // splits it into a MultiLineString; it starts at Hanoi, [lon, lat].
    let coords = first["geometry"]["coordinates"].to_string();
    assert!(
        coords.starts_with("[[105.8072,21.2212]") || coords.starts_with("[[[105.8072,21.2212]"),
        "{coords:.60}"
    );
}

#[test]
fn unknown_place_and_mode_are_clear_errors() {
    let out = journeymap(&[
        "route",
        "--mode",
        "rail",
        "--from",
        "Pyongyang",
        "--to",
        "Xqzwvplace",
    ]);
    assert_eq!(out.status.code(), Some(4));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("unknown place 'Xqzwvplace'") && err.contains("hint"),
        "{err}"
    );
    let out = journeymap(&["route", "--mode", "hovercraft", "--from", "A", "--to", "B"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown mode 'hovercraft'"));
}

#[test]
fn far_place_is_unrouted_with_warning_not_silent() {
    let out = journeymap(&[
        "route",
        "--mode",
        "rail",
        "--from",
        "Pyongyang",
        "--to",
        "-33.86,151.21",
        "--json",
    ]);
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["leg"]["routed"], false);
    let w = v["leg"]["warnings"].to_string();
    assert!(w.contains("not routed") && w.contains("tolerance"), "{w}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("warning"));
}

#[test]
fn corrupt_network_file_is_a_data_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("bad.net");
    std::fs::write(&bad, b"JMNETGRF\x01\x00").expect("write");
    let out = journeymap(&[
        "route",
        "--mode",
        "rail",
        "--from",
        "1,1",
        "--to",
        "2,2",
        "--network",
        &bad.to_string_lossy(),
    ]);
    assert_eq!(out.status.code(), Some(5));
    assert!(String::from_utf8_lossy(&out.stderr).contains("truncated"));
    let missing = dir.path().join("missing.net");
    let out = journeymap(&[
        "route",
        "--mode",
        "rail",
        "--from",
        "1,1",
        "--to",
        "2,2",
        "--network",
        &missing.to_string_lossy(),
    ]);
    assert_eq!(out.status.code(), Some(5));
}
