//! End to end: `import-network --landmarks K` stores ALT landmarks in the
//! network file, and `route --network` on it finds the same routes as on the
//! same network imported without them.

use serde_json::Value;
use std::fmt::Write;
use std::path::Path;
use std::process::{Command, Output};

fn journeymap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .args(args)
        .output()
        .expect("run journeymap")
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

fn import(src: &Path, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "import-network".to_string(),
        src.display().to_string(),
        "--mode".into(),
        "rail".into(),
        "--out".into(),
        out.display().to_string(),
    ];
    args.extend(extra.iter().map(|s| s.to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    journeymap(&args)
}

fn route(net: &Path, from: &str, to: &str, extra: &[&str]) -> Value {
    let net = net.display().to_string();
    let mut args = vec![
        "route",
        "--mode",
        "rail",
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

#[test]
fn routes_on_a_network_with_landmarks_equal_routes_without() {
    let dir = tempfile::tempdir().expect("tempdir");
    let src = dir.path().join("grid.geojson");
    std::fs::write(&src, grid_geojson()).expect("write");
    let (plain, marked) = (dir.path().join("plain.net"), dir.path().join("alt.net"));
    let out = import(&src, &plain, &[]);
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
    let out = import(&src, &marked, &["--landmarks", "6"]);
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
                route(&plain, from, to, extra),
                route(&marked, from, to, extra),
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
    let out = import(&src, &dir.path().join("x.net"), &["--landmarks", "33"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--landmarks") && err.contains("33"), "{err}");
}
