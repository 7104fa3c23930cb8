//! Where regions are placed and how an article's own geography picks a
//! reading: representative points of countries and first-level regions
//! against their published centres, and `journeymap places` on short
//! invented local-news texts (not seed or corpus articles).

use journeymap::gazetteer::Gazetteer;
use journeymap::measure::{geodesic_distance, LatLon};
use serde_json::Value;
use std::process::Command;

fn km_from(source_id: &str, lat: f64, lon: f64) -> f64 {
    let g = Gazetteer::bundled();
    let id = g.by_source_id(source_id).expect(source_id);
    geodesic_distance(g.point(id), LatLon { lat, lon }).0
}

/// Published centres (Wikipedia article coordinates). Every one is far
/// from the capital or the biggest city, which is where a region used to
/// be placed; 161 km (100 miles) is the tolerance geocoding is judged by.
#[test]
fn regions_sit_near_their_published_centres() {
    let cases = [
        // https://en.wikipedia.org/wiki/Geographic_center_of_the_United_States
        // (contiguous US: 39°50′N 98°35′W)
        ("country:US", 39.833, -98.583, 100.0),
        // https://en.wikipedia.org/wiki/Florida (28°06′N 81°36′W); capital
        // Tallahassee is 380 km away
        ("admin1:US.FL", 28.1, -81.6, 161.0),
        // https://en.wikipedia.org/wiki/Texas (31°N 100°W)
        ("admin1:US.TX", 31.0, -100.0, 161.0),
        // https://en.wikipedia.org/wiki/Ontario (50°N 85°W); Toronto is
        // 700 km south-east
        ("admin1:CA.08", 50.0, -85.0, 161.0),
        // https://en.wikipedia.org/wiki/Queensland (23°S 143°E); Brisbane
        // is in the far south-east corner
        ("admin1:AU.04", -23.0, 143.0, 161.0),
        // https://en.wikipedia.org/wiki/New_Zealand (42°S 174°E): between
        // the two main islands
        ("country:NZ", -42.0, 174.0, 161.0),
    ];
    for (id, lat, lon, max_km) in cases {
        let d = km_from(id, lat, lon);
        assert!(d <= max_km, "{id} is {d:.0} km from ({lat}, {lon})");
    }
}

fn resolved(text: &str) -> Vec<(String, String)> {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("article.txt");
    std::fs::write(&file, text).expect("write article");
    let out = Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .arg("places")
        .arg("--json")
        .arg(&file)
        .output()
        .expect("run journeymap places");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Vec<Value> = serde_json::from_slice(&out.stdout).expect("JSON output");
    v.iter()
        .filter(|m| m["kind"] == "place")
        .map(|m| {
            (
                m["text"].as_str().unwrap_or("").to_string(),
                m["place"]["id"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn id_of<'a>(mentions: &'a [(String, String)], text: &str) -> &'a str {
    mentions
        .iter()
        .find(|(t, _)| t == text)
        .map(|(_, id)| id.as_str())
        .unwrap_or_else(|| panic!("{text} not resolved in {mentions:?}"))
}

#[test]
fn a_local_story_keeps_its_towns_in_its_state() {
    let m = resolved(
        "A 36-year-old Palestine man who eluded deputies was arrested Wednesday \
         at an Anderson County residence. He was later held in Fairfield, Texas.\n",
    );
    let g = Gazetteer::bundled();
    let palestine = g.by_source_id(id_of(&m, "Palestine")).map(|id| g.place(id));
    let palestine = palestine.expect("Palestine is a gazetteer place");
    assert_eq!(palestine.country(), "US", "{m:?}");
    assert_eq!(palestine.admin1_name(), "Texas", "{m:?}");
}

#[test]
fn a_country_name_stays_the_country_beside_its_regions() {
    let m = resolved(
        "Flu cases rose in Sinaloa and Guerrero, health officials in Mexico said, \
         and the United States sent test kits.\n",
    );
    assert_eq!(id_of(&m, "Mexico"), "country:MX", "{m:?}");
}
