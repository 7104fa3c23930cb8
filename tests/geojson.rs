//! route.geojson: RFC 7946 shape, validated by the tools users open it with
//! (@placemarkio/check-geojson as in geojson.io; GDAL's ogrinfo as in QGIS).

mod common;
mod render_fixtures;

use common::write_tmp;
use journeymap::geojson;
use render_fixtures::*;
use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn features(text: &str) -> Vec<Value> {
    let v: Value = serde_json::from_str(text).expect("valid JSON");
    assert_eq!(v["type"], "FeatureCollection");
    assert!(v.get("crs").is_none(), "RFC 7946 has no crs member");
    v["features"].as_array().unwrap().clone()
}

fn all_positions(g: &Value, out: &mut Vec<(f64, f64)>) {
    match g {
        Value::Array(a) if a.len() >= 2 && a.iter().all(Value::is_number) => {
            out.push((a[0].as_f64().unwrap(), a[1].as_f64().unwrap()))
        }
        Value::Array(a) => a.iter().for_each(|x| all_positions(x, out)),
        _ => {}
    }
}

#[test]
fn seeds_geojson_has_a_feature_per_leg_waypoint_and_straight_line() {
    let (it, legs) = seeds_like();
    let text = geojson::write(&it, &legs);
    let fs = features(&text);
    assert_eq!(fs.len(), 4 + 5 + 1);
    let kinds: Vec<&str> = fs
        .iter()
        .map(|f| f["properties"]["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds.iter().filter(|k| **k == "leg").count(), 4);
    assert_eq!(kinds.iter().filter(|k| **k == "waypoint").count(), 5);
    assert_eq!(kinds.iter().filter(|k| **k == "straight_line").count(), 1);
    let first = &fs[0];
    assert_eq!(first["geometry"]["type"], "LineString");
    assert_eq!(first["properties"]["mode"], "rail");
    assert_eq!(first["properties"]["from"], "Pyongyang");
    assert_eq!(first["properties"]["routed"], true);
    assert!(first["properties"]["evidence"][0]
        .as_str()
        .unwrap()
        .contains("armoured"));
    // lon, lat order: Pyongyang is at 125.75 E, 39.03 N.
    assert_eq!(
        first["geometry"]["coordinates"][0][0].as_f64(),
        Some(125.7543)
    );
    let hanoi = fs
        .iter()
        .find(|f| f["properties"]["name"] == "Hanoi")
        .unwrap();
    assert_eq!(hanoi["properties"]["role"], "destination");
    assert_eq!(hanoi["properties"]["mentions"], 1);
    let straight = fs
        .iter()
        .find(|f| f["properties"]["kind"] == "straight_line")
        .unwrap();
    let km = straight["properties"]["length_km"].as_f64().unwrap();
    assert!((km - 2758.0).abs() < 5.0, "{km}");
    // Six decimals at most.
    let mut pos = Vec::new();
    all_positions(
        &Value::Array(
            fs.iter()
                .map(|f| f["geometry"]["coordinates"].clone())
                .collect(),
        ),
        &mut pos,
    );
    for (x, y) in pos {
        for v in [x, y] {
            assert!(
                (v * 1e6 - (v * 1e6).round()).abs() < 1e-6,
                "{v} has more than 6 decimals"
            );
        }
    }
    validate(&text, 10, &["LineString", "Point"]);
    if let Ok(dir) = std::env::var("JOURNEYMAP_RENDER_OUT") {
        std::fs::write(format!("{dir}/seeds.geojson"), &text).unwrap();
    }
}

#[test]
fn flight_across_the_antimeridian_is_split() {
    let (it, legs) = pacific();
    let text = geojson::write(&it, &legs);
    let fs = features(&text);
    let air = fs
        .iter()
        .find(|f| f["properties"]["mode"] == "air")
        .unwrap();
    assert_eq!(air["geometry"]["type"], "MultiLineString");
    let parts = air["geometry"]["coordinates"].as_array().unwrap();
    assert_eq!(parts.len(), 2);
    let end = parts[0].as_array().unwrap().last().unwrap();
    let start = &parts[1][0];
    assert_eq!(end[0].as_f64(), Some(180.0));
    assert_eq!(start[0].as_f64(), Some(-180.0));
    assert_eq!(end[1], start[1]);
    let road = fs
        .iter()
        .find(|f| f["properties"]["mode"] == "road")
        .unwrap();
    assert_eq!(road["properties"]["routed"], false);
    let straight = fs
        .iter()
        .find(|f| f["properties"]["kind"] == "straight_line")
        .unwrap();
    assert_eq!(straight["geometry"]["type"], "MultiLineString");
    validate(
        &text,
        2 + 3 + 1,
        &["MultiLineString", "LineString", "Point"],
    );
}

#[test]
fn output_is_deterministic() {
    let (it, legs) = seeds_like();
    assert_eq!(geojson::write(&it, &legs), geojson::write(&it, &legs));
}

#[test]
fn empty_itinerary_is_an_empty_collection() {
    let text = geojson::write(&Default::default(), &[]);
    assert!(features(&text).is_empty());
}

/// Runs both external validators on `text`.
fn validate(text: &str, count: usize, types: &[&str]) {
    let (_dir, path) = write_tmp("route.geojson", text);
    check_geojson(&path);
    ogrinfo(&path, count, types);
}

fn check_geojson(path: &Path) {
    let node_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/node");
    if Command::new("node").arg("--version").output().is_err() {
        eprintln!("SKIPPED @placemarkio/check-geojson: node is not installed");
        return;
    }
    assert!(
        node_dir
            .join("node_modules/@placemarkio/check-geojson")
            .exists(),
        "run `npm ci` in tests/node (.ci/run does) to install @placemarkio/check-geojson"
    );
    let out = Command::new("node")
        .arg(node_dir.join("check-geojson.js"))
        .arg(path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "check-geojson: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn ogrinfo(path: &Path, count: usize, types: &[&str]) {
    let Ok(out) = Command::new("ogrinfo")
        .args(["-ro", "-al", "-so"])
        .arg(path)
        .output()
    else {
        panic!("ogrinfo not found: install Debian gdal-bin (.ci/run does)");
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "ogrinfo failed: {stderr}");
    assert!(stderr.trim().is_empty(), "ogrinfo warned: {stderr}");
    assert!(
        stdout.contains(&format!("Feature Count: {count}")),
        "expected {count} features:\n{stdout}"
    );
    // A mixed collection reads as one layer of "Unknown (any)" geometry; ask
    // OGR for each feature's type.
    let full = Command::new("ogrinfo")
        .args(["-ro", "-al", "-geom=SUMMARY"])
        .arg(path)
        .output()
        .unwrap();
    let listing = String::from_utf8_lossy(&full.stdout);
    assert!(String::from_utf8_lossy(&full.stderr).trim().is_empty());
    for t in types {
        assert!(listing.contains(&t.to_uppercase()), "no {t} in:\n{listing}");
    }
    let n = listing.matches("OGRFeature(").count();
    assert_eq!(n, count, "{listing}");
}
