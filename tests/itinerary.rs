//! End to end: `journeymap itinerary` on the seed articles and on texts of
//! our own, and `--itinerary` files with mistakes in them.

use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_journeymap"))
}

mod common;

fn itinerary_json(files: &[&str]) -> serde_json::Value {
    let args: Vec<&str> = ["itinerary"]
        .into_iter()
        .chain(files.iter().copied())
        .chain(["--json"])
        .collect();
    common::json_of(&args)
}

fn journey<'a>(it: &'a serde_json::Value, traveller: &str) -> &'a serde_json::Value {
    it["journey"]
        .as_array()
        .expect("journeys")
        .iter()
        .find(|j| {
            j["traveller"]
                .as_str()
                .is_some_and(|t| t.contains(traveller))
        })
        .unwrap_or_else(|| panic!("no journey for {traveller}: {it:#}"))
}

fn names(j: &serde_json::Value) -> Vec<String> {
    j["waypoint"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["name"].as_str().unwrap().to_string())
        .collect()
}

fn modes(j: &serde_json::Value) -> Vec<String> {
    j["leg"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["mode"].as_str().unwrap().to_string())
        .collect()
}

fn seeds() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir("seeds")
        .expect("seeds/")
        .filter_map(|e| e.ok())
        .map(|e| e.path().to_string_lossy().into_owned())
        .filter(|p| p.ends_with(".txt"))
        .collect();
    v.sort();
    v
}

#[test]
fn seeds_give_kim_by_rail_then_road_and_trump_by_air() {
    let files = seeds();
    let files: Vec<&str> = files.iter().map(|s| s.as_str()).collect();
    let it = itinerary_json(&files);

    let kim = journey(&it, "Kim Jong Un");
    let n = names(kim);
    let pos = |name: &str| {
        n.iter()
            .position(|x| x.contains(name))
            .unwrap_or_else(|| panic!("{name} missing from Kim's journey {n:?}"))
    };
    assert_eq!(pos("Pyongyang"), 0, "{n:?}");
    assert!(pos("Pyongyang") < pos("Dandong"));
    assert!(pos("Dandong") < pos("Nanning"));
    assert!(pos("Nanning") < pos("Dong Dang"));
    assert_eq!(pos("Ha"), n.len() - 1, "ends in Hanoi: {n:?}");
    let m = modes(kim);
    let dd = pos("Dong Dang");
    assert!(
        m[..dd].iter().all(|x| x == "rail"),
        "rail to Dong Dang: {m:?}"
    );
    assert!(
        m[dd..].iter().all(|x| x == "road"),
        "road from Dong Dang: {m:?}"
    );

    let trump = journey(&it, "Trump");
    let n = names(trump);
    assert!(n.len() >= 3, "{n:?}");
    assert!(
        n.last().unwrap().starts_with("Ha"),
        "Trump ends in Hanoi: {n:?}"
    );
    let uk = n
        .iter()
        .position(|x| x.contains("United Kingdom") || x.contains("Britain"));
    let qa = n.iter().position(|x| x.contains("Qatar"));
    assert!(
        uk.is_some() && qa.is_some() && uk < qa,
        "stops UK then Qatar: {n:?}"
    );
    assert!(modes(trump).iter().all(|x| x == "air"));
    assert_ne!(
        trump["waypoint"][0]["role"], "origin",
        "origin is not in the articles"
    );
    assert!(trump["notes"].to_string().contains("origin not stated"));

    let all: Vec<String> = it["journey"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(names)
        .collect();
    for context in [
        "Singapore",
        "Panmunjom",
        "Kuala Lumpur",
        "Seoul",
        "Washington",
        "Moscow",
    ] {
        assert!(
            !all.iter().any(|n| n.contains(context)),
            "{context} is context, not a waypoint: {all:?}"
        );
    }
}

/// A tour told in order, with a train leg, a person met on the way and a
/// return home: the places are ordered as told, not by geography, and the
/// journey ends where it began.
#[test]
fn a_tour_told_in_order_returns_home() {
    let (_dir, p) = common::write_tmp(
        "tour.txt",
        "MOSCOW (Reuters) - Chinese President Xi Jinping arrived in Moscow on Monday after a \
         nine-hour flight from Beijing, the Kremlin said. Xi will hold talks with Russian \
         President Vladimir Putin before travelling on to St Petersburg by the high-speed Sapsan \
         train, a journey of about four hours.\n\nAfter two days in St Petersburg, Xi is expected \
         to fly to Minsk, the capital of Belarus, and then return to Beijing.\n",
    );
    let it = itinerary_json(&[p.to_str().unwrap()]);
    let xi = journey(&it, "Xi Jinping");
    assert_eq!(
        names(xi),
        ["Beijing", "Moscow", "St Petersburg", "Minsk", "Beijing"]
    );
    assert_eq!(modes(xi), ["air", "rail", "air", "air"]);
    assert_eq!(
        xi["waypoint"][1]["place_id"], "geonames:524901",
        "Moscow the city"
    );
    assert!(
        !xi["notes"].to_string().contains("ordered by geography"),
        "the text gives the order: {:#}",
        xi["notes"]
    );
}

#[test]
fn malformed_itinerary_names_the_line() {
    let (dir, p) = common::write_tmp(
        "bad.toml",
        "[[journey]]\ntraveller = \"A\"\n\n[[journey.waypoint]]\nname = \"X\"\nlat = 10.0\nlon = 200.0\nrole = \"origin\"\n\n[[journey.waypoint]]\nname = \"Y\"\nlat = 1.0\nlon = 2.0\nrole = \"destination\"\n\n[[journey.leg]]\nmode = \"rail\"\n",
    );
    let out = bin()
        .args(["run", "--itinerary"])
        .arg(&p)
        .arg("--out")
        .arg(dir.path().join("out"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.toml:4"), "names file and line: {err}");
    assert!(err.contains("longitude"), "{err}");
    assert!(!dir.path().join("out").exists(), "no output on error");
}
