//! The geoparser on the seed articles against hand-written gold
//! (tests/gold/*.json; guidelines in docs/geoparse.md): recall and
//! precision ≥ 0.97, every resolved place within 25 km of its gold place,
//! and none of the person or organisation names as places.

use journeymap::gazetteer::Gazetteer;
use journeymap::measure::{geodesic_distance, LatLon};
use serde_json::Value;
use std::process::Command;

mod common;

const SEEDS: [&str; 3] = [
    "000_b6859b124e3f64ce",
    "001_8ff9fd215bbc519d",
    "002_61b425043f3d7d7e",
];

fn places(file: &str) -> Vec<Value> {
    common::places_json_of(std::path::Path::new(file))
}

fn gold(stem: &str) -> Vec<Value> {
    let path = format!("{}/tests/gold/{stem}.json", env!("CARGO_MANIFEST_DIR"));
    let v: Value = serde_json::from_str(&std::fs::read_to_string(path).expect("gold file"))
        .expect("gold JSON");
    v["mentions"].as_array().expect("mentions").clone()
}

fn span(v: &Value) -> (u64, u64) {
    (
        v["start"].as_u64().unwrap_or(0),
        v["end"].as_u64().unwrap_or(0),
    )
}

fn overlaps(a: (u64, u64), b: (u64, u64)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

#[test]
fn seeds_match_gold() {
    let g = Gazetteer::bundled();
    let (mut n_gold, mut n_pred, mut hit_gold, mut hit_pred) = (0, 0, 0, 0);
    let mut far = Vec::new();
    let mut misses = Vec::new();
    let mut extras = Vec::new();
    for stem in SEEDS {
        let pred: Vec<Value> = places(&format!("seeds/{stem}.txt"))
            .into_iter()
            .filter(|m| m["kind"] != "rejected")
            .collect();
        let gold = gold(stem);
        n_gold += gold.len();
        n_pred += pred.len();
        for gm in &gold {
            let Some(pm) = pred.iter().find(|p| overlaps(span(p), span(gm))) else {
                misses.push(format!("{stem} {} @{}", gm["text"], gm["start"]));
                continue;
            };
            hit_gold += 1;
            if let Some(id) = gm["id"].as_str() {
                // Regions the gazetteer lacks (data/geoparse/regions.tsv,
                // composite_points.tsv) are compared by id.
                let Some(want) = g.by_source_id(id).map(|p| g.point(p)) else {
                    if pm["place"]["id"] != id {
                        far.push(format!("{stem} {} → {}", gm["text"], pm["place"]["id"]));
                    }
                    continue;
                };
                let got = LatLon::new(
                    pm["place"]["lat"].as_f64().unwrap_or(0.0),
                    pm["place"]["lon"].as_f64().unwrap_or(0.0),
                );
                let km = geodesic_distance(want, got).0;
                // Countries are compared by id: their points are centroids.
                let same_country = id.starts_with("country:") && pm["place"]["id"] == id;
                if km > 25.0 && !same_country {
                    far.push(format!(
                        "{stem} {} → {} ({km:.0} km)",
                        gm["text"], pm["place"]["id"]
                    ));
                }
            }
        }
        for pm in &pred {
            if gold.iter().any(|gm| overlaps(span(pm), span(gm))) {
                hit_pred += 1;
            } else {
                extras.push(format!("{stem} {} @{}", pm["text"], pm["start"]));
            }
        }
    }
    let recall = hit_gold as f64 / n_gold as f64;
    let precision = hit_pred as f64 / n_pred as f64;
    eprintln!("seed gold: {n_gold} mentions; recall {recall:.3}, precision {precision:.3}");
    eprintln!("missed: {misses:?}\nextra: {extras:?}");
    assert!(recall >= 0.97, "recall {recall:.3}; missed {misses:?}");
    assert!(
        precision >= 0.97,
        "precision {precision:.3}; extra {extras:?}"
    );
    assert!(
        far.is_empty(),
        "resolved more than 25 km from gold: {far:?}"
    );
}

#[test]
fn person_and_organisation_names_are_not_places() {
    let mut bad = Vec::new();
    for stem in SEEDS {
        let file = format!("seeds/{stem}.txt");
        let text = std::fs::read_to_string(format!("{}/{file}", env!("CARGO_MANIFEST_DIR")))
            .expect("seed");
        for m in places(&file)
            .into_iter()
            .filter(|m| m["kind"] != "rejected")
        {
            let (s, e) = span(&m);
            let (s, e) = (s as usize, e as usize);
            let t = m["text"].as_str().unwrap_or("");
            let before = text.get(s.saturating_sub(12)..s).unwrap_or("");
            let after = text.get(e..(e + 25).min(text.len())).unwrap_or("");
            let person = [
                "Kim", "Jong", "Moon", "Sol", "Trump", "Sanders", "Huckabee", "Jang", "Kang",
                "Shin",
            ]
            .contains(&t);
            let org = before.ends_with("Air ")
                || before.ends_with("Radio Free ")
                || after.starts_with(" Ilbo")
                || after.starts_with("’s Asia-Pacific")
                || after.starts_with("âs Asia-Pacific")
                || [
                    "Frankfurter",
                    "Allgemeine",
                    "Sonntagszeitung",
                    "Chosun",
                    "Stanford",
                ]
                .contains(&t);
            if person || org {
                bad.push(format!("{stem}: {t} ({before}|{after})"));
            }
        }
    }
    assert!(bad.is_empty(), "{bad:?}");
}

#[test]
fn places_rejects_binary_and_missing_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bin = dir.path().join("x.txt");
    std::fs::write(&bin, b"\x89PNG\r\n\x1a\n\0\0\0").expect("write");
    for (arg, want) in [
        (bin.to_string_lossy().into_owned(), "binary"),
        ("no/such/file.txt".to_string(), "No such file"),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_journeymap"))
            .args(["places", &arg])
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(3));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(want), "{err}");
    }
}
