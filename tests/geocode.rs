//! End-to-end tests of `journeymap geocode`: the "Must show" list of the
//! gazetteer issue, run against the built binary and the bundled data.
//! Reference coordinates are from Wikipedia (rounded), independent of the
//! GeoNames rows under test.

use journeymap::measure::{geodesic_distance, LatLon};
use serde_json::Value;
use std::ffi::OsStr;
use std::process::{Command, Output};

fn run<S: AsRef<OsStr>>(args: &[S]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .arg("geocode")
        .args(args)
        .output()
        .expect("run journeymap")
}

/// The ranked candidates as JSON (asserting success).
fn candidates(args: &[&str]) -> Vec<Value> {
    let mut all: Vec<&str> = args.to_vec();
    all.push("--json");
    let out = run(&all);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    v.as_array().expect("array").clone()
}

fn top(args: &[&str]) -> Value {
    candidates(args).into_iter().next().expect("a candidate")
}

fn point(v: &Value) -> LatLon {
    LatLon::new(v["lat"].as_f64().unwrap(), v["lon"].as_f64().unwrap())
}

/// The best candidate lies within `km` of (lat, lon).
fn assert_near(args: &[&str], lat: f64, lon: f64, km: f64) -> Value {
    let t = top(args);
    let d = geodesic_distance(point(&t), LatLon::new(lat, lon)).0;
    assert!(d <= km, "{args:?}: top {} is {d:.1} km away", t["id"]);
    t
}

#[test]
fn dong_dang_finds_the_vietnamese_border_town() {
    // Wikipedia "Đồng Đăng": 21°56′45″N 106°41′48″E.
    for q in ["Dong Dang", "Đồng Đăng", "DONG-DANG"] {
        let t = assert_near(&[q], 21.9458, 106.6967, 3.0);
        assert_eq!(t["country"], "VN");
        assert!(t["admin1"].as_str().unwrap().contains("Lạng Sơn"), "{t}");
        assert!(t["name"].as_str().unwrap().contains("Đồng Đăng"), "{t}");
        assert_eq!(t["short_name"], "Đồng Đăng");
    }
}

/// GeoNames writes "Southern Darfur", "Northern Kordofan", "Province of
/// Pangasinan"; news writes "South Darfur", "North Kordofan", "Pangasinan".
#[test]
fn a_region_is_found_by_the_short_form_of_its_name() {
    assert_eq!(top(&["South Darfur"])["id"], "admin1:SD.49");
    assert_eq!(top(&["North Darfur"])["id"], "admin1:SD.55");
    // GeoNames "Zamfara State" is written "Zamfara" (but "Free State"
    // keeps its name).
    assert_eq!(top(&["Zamfara"])["id"], "admin1:NG.57");
    // GeoNames "Province of Pangasinan" is written "Pangasinan".
    assert_eq!(top(&["Pangasinan"])["id"], "admin2:PH.01.51");
    // Only regions: a town keeps its own name.
    assert!(candidates(&["South Darfur"])
        .iter()
        .all(|c| c["feature_code"].as_str().unwrap_or("").starts_with("ADM")));
}

#[test]
fn pyongyang_in_every_script() {
    for q in ["Pyongyang", "P'yŏngyang", "P’yŏngyang", "평양", "平壤"] {
        let t = assert_near(&[q], 39.0392, 125.7625, 5.0);
        assert_eq!(t["id"], "geonames:1871859", "{q}");
        assert_eq!(t["feature_code"], "PPLC");
    }
}

#[test]
fn pingxiang_alone_and_near_nanning() {
    let alone = top(&["Pingxiang"]);
    assert_eq!(alone["id"], "geonames:1798654");
    assert_eq!(alone["admin1"], "Jiangxi");
    // Pingxiang, Guangxi: 22°05′38″N 106°45′58″E.
    for near in ["Nanning", "22.817,108.317"] {
        let t = assert_near(&["Pingxiang", "--near", near], 22.094, 106.766, 5.0);
        assert_eq!(t["admin1"], "Guangxi");
    }
    // The country hint also picks the right one when proximity is absent.
    let cn = candidates(&["Pingxiang", "--country", "CN"]);
    assert!(cn.iter().all(|c| c["country"] == "CN"));
}

#[test]
fn stations_resolve_to_the_stations() {
    let t = assert_near(&["Nanning Station"], 22.8301, 108.3108, 1.0);
    assert_eq!(
        (t["kind"].as_str(), t["feature_code"].as_str()),
        (Some("station"), Some("RSTN"))
    );
    let t = assert_near(&["Dong Dang Station"], 21.9439, 106.6972, 1.0);
    assert_eq!(t["kind"], "station");
    let t = top(&["Ga Hà Nội"]);
    assert_eq!(t["id"], "supp:hanoi-station");
}

#[test]
fn hanoi_airport_by_code_and_by_name() {
    // Wikipedia "Noi Bai International Airport": 21°12′50″N 105°48′11″E.
    for q in [
        "HAN",
        "VVNB",
        "Noi Bai International Airport",
        "Noi Bai Airport",
    ] {
        let t = assert_near(&[q], 21.2139, 105.8031, 3.0);
        assert_eq!(t["kind"], "airport", "{q}");
        assert_eq!(t["id"], "iata:HAN", "{q}");
    }
    // A lowercase word is not a code: "han" must not mean the airport.
    assert!(candidates(&["han"]).iter().all(|c| c["kind"] != "airport"));
}

#[test]
fn country_names_and_aliases() {
    for (q, id) in [
        ("Qatar", "country:QA"),
        ("UK", "country:GB"),
        ("Britain", "country:GB"),
        ("North Korea", "country:KP"),
        ("DPRK", "country:KP"),
        ("South Korea", "country:KR"),
        ("Viet Nam", "country:VN"),
        ("USA", "country:US"),
    ] {
        let t = top(&[q]);
        assert_eq!(t["id"], id, "{q}");
        assert_eq!(t["feature_code"], "PCLI");
    }
}

#[test]
fn cities_on_the_route_resolve_correctly() {
    // (query, lat, lon) from each city's Wikipedia infobox.
    let cities = [
        ("Hanoi", 21.0285, 105.8542),
        ("Dandong", 40.117, 124.383),
        ("Sinuiju", 40.100, 124.400),
        ("Shenyang", 41.805, 123.431),
        ("Tianjin", 39.134, 117.205),
        ("Wuhan", 30.593, 114.305),
        ("Changsha", 28.228, 112.939),
        ("Guilin", 25.267, 110.283),
        ("Liuzhou", 24.326, 109.428),
        ("Lang Son", 21.854, 106.762),
        ("Lạng Sơn", 21.854, 106.762),
    ];
    for (q, lat, lon) in cities {
        let t = assert_near(&[q], lat, lon, 10.0);
        assert_eq!(t["kind"], "city", "{q}");
    }
}

#[test]
fn table_output_and_limit() {
    let out = run(&["Pingxiang", "--limit", "2"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[0].starts_with("id"));
    assert!(lines[1].contains("geonames:1798654"));
    assert_eq!(candidates(&["Springfield", "--limit", "4"]).len(), 4);
}

#[test]
fn output_is_deterministic() {
    let a = run(&["Springfield", "--json", "--limit", "50"]).stdout;
    let b = run(&["Springfield", "--json", "--limit", "50"]).stdout;
    assert_eq!(a, b);
}

fn assert_fails(out: &Output, code: i32, needle: &str) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(code), "{err}");
    assert!(err.contains(needle), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn bad_input_is_refused_clearly() {
    assert_fails(&run(&[""]), 3, "empty");
    assert_fails(&run(&["   "]), 3, "empty");
    assert_fails(&run(&["x".repeat(2000)]), 3, "bytes long");
    assert_fails(&run(&["Zzyzxqqv Nowhere"]), 4, "no place named");
    assert_fails(&run(&["North Korean"]), 4, "demonym for North Korea (KP)");
    assert_fails(&run(&["Hanoi", "--country", "XX"]), 3, "--country");
    assert_fails(&run(&["Hanoi", "--near", "Zzyzxqqv"]), 4, "--near");
    assert_fails(&run(&["Hanoi", "--near", "95,200"]), 3, "--near");
}

#[test]
fn non_utf8_argument_is_refused() {
    use std::os::unix::ffi::OsStrExt;
    let out = run(&[OsStr::from_bytes(b"Ha\xffnoi")]);
    assert_fails(&out, 3, "UTF-8");
}

#[test]
fn ten_megabyte_argument_never_panics() {
    // Linux refuses single arguments over 128 KiB at exec (E2BIG), so a
    // 10 MB name never reaches the binary; if the OS does pass it, the
    // binary must refuse it with exit code 3.
    let huge = "a".repeat(10 * 1024 * 1024);
    match Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .args(["geocode", &huge])
        .output()
    {
        Ok(out) => assert_fails(&out, 3, "bytes long"),
        Err(e) => assert_eq!(e.raw_os_error(), Some(7), "{e}"), // E2BIG
    }
    // The largest argument Linux does pass is refused by the binary.
    assert_fails(&run(&["a".repeat(120 * 1024)]), 3, "bytes long");
}
