//! `journeymap claims` on the seed articles: every reported figure the
//! issue lists is found, with what it measures and its source line, and
//! nothing that is not about the journey is.

use serde_json::Value;
use std::process::Command;

mod common;

fn claims_json(files: &[&str]) -> Vec<Value> {
    let args: Vec<&str> = ["claims"]
        .into_iter()
        .chain(files.iter().copied())
        .chain(["--json"])
        .collect();
    common::json_of(&args).as_array().expect("array").clone()
}

fn seeds() -> Vec<Value> {
    claims_json(&[
        "seeds/000_b6859b124e3f64ce.txt",
        "seeds/001_8ff9fd215bbc519d.txt",
        "seeds/002_61b425043f3d7d7e.txt",
    ])
}

/// The claim whose first source is in `file` at `line` and quotes `quote`.
fn find<'a>(all: &'a [Value], file: &str, line: u64, quote: &str) -> &'a Value {
    all.iter()
        .find(|c| {
            c["sources"].as_array().unwrap().iter().any(|s| {
                s["figure"]["file"].as_str().unwrap().contains(file)
                    && s["figure"]["line"] == line
                    && s["figure"]["quote"] == quote
            })
        })
        .unwrap_or_else(|| panic!("no claim {quote:?} at {file}:{line}"))
}

#[test]
fn every_listed_figure_is_found_with_its_measure_and_line() {
    let all = seeds();
    // (file, line, quote, kind, value, measured)
    let expected: &[(&str, u64, &str, &str, f64, &str)] = &[
        ("000_", 16, "3220km", "distance", 3220.0, "rail_track"),
        (
            "001_",
            5,
            "about 2900 kilometers",
            "distance",
            2900.0,
            "straight_line",
        ),
        (
            "001_",
            5,
            "about 4500 kilometers",
            "distance",
            4500.0,
            "rail_track",
        ),
        ("002_", 39, "1,850-mile", "distance", 2977.2864, "journey"),
        ("002_", 199, "2,800-mile", "distance", 4506.1632, "journey"),
        ("000_", 5, "65-hour", "duration", 65.0, "rail_track"),
        ("002_", 153, "70-hour", "duration", 70.0, "rail_track"),
        ("002_", 39, "three-day", "duration", 72.0, "journey"),
        ("002_", 17, "two-hour", "duration", 2.0, "journey"),
        ("001_", 1, "about five hours", "duration", 5.0, "flight"),
    ];
    for &(file, line, quote, kind, value, measured) in expected {
        let c = find(&all, file, line, quote);
        assert_eq!(c["quantity"]["kind"], kind, "{quote}");
        let v = c["quantity"]["value"].as_f64().unwrap();
        assert!((v - value).abs() < 1e-6, "{quote}: {v}");
        assert_eq!(c["measured"], measured, "{quote}");
    }
    let vague = find(&all, "000_", 20, "several hours");
    assert_eq!(vague["quantity"]["kind"], "vague");
    assert_eq!(vague["quantity"]["value"], "duration");
    assert_eq!(vague["measured"], "road");
    // Details the report relies on.
    assert_eq!(find(&all, "002_", 17, "two-hour")["to"], "Hanoi");
    assert_eq!(find(&all, "002_", 17, "two-hour")["mode_hint"], "road");
    assert_eq!(find(&all, "002_", 39, "1,850-mile")["from"], "Pyongyang");
    assert_eq!(find(&all, "002_", 39, "1,850-mile")["mode_hint"], "rail");
    assert_eq!(
        find(&all, "001_", 5, "about 2900 kilometers")["qualifier"],
        "about"
    );
    assert_eq!(find(&all, "000_", 5, "65-hour")["traveller"], "Kim");
    // The caption repeated on lines 17 and 19 is one claim with two sources.
    let two = find(&all, "002_", 17, "two-hour");
    let lines: Vec<u64> = two["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["figure"]["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, vec![17, 19]);
}

#[test]
fn nothing_that_is_not_about_the_journey() {
    let all = seeds();
    let quotes: Vec<String> = all
        .iter()
        .flat_map(|c| c["sources"].as_array().unwrap().clone())
        .map(|s| {
            s["sentence"]["quote"].as_str().unwrap().to_string()
                + " ## "
                + s["figure"]["quote"].as_str().unwrap()
        })
        .collect();
    for bad in [
        "1.64",
        "1.7m",
        "300 grams",
        "1964",
        "2017",
        "2011",
        "2016",
        "9pm",
        "3.30am",
        "35-year",
        "421",
        "100 bodyguards",
        "8 pictures",
        "1950",
        "half-hour",
        "two days ago",
        "dozen bodyguards",
    ] {
        for q in &quotes {
            let figure = q.rsplit(" ## ").next().unwrap();
            assert!(!figure.contains(bad), "{bad} extracted: {q}");
        }
    }
    // Every claim is a distance, duration, speed or vague figure with a
    // unit the sentence really contains.
    for c in &all {
        let s = &c["sources"][0];
        let sentence = s["sentence"]["quote"].as_str().unwrap();
        assert!(sentence.contains(s["figure"]["quote"].as_str().unwrap()));
    }
    assert!(all.len() <= 20, "{} claims: too many", all.len());
}

#[test]
fn table_output_and_errors() {
    let out = Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .args(["claims", "seeds/001_8ff9fd215bbc519d.txt"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("straight line") && text.contains("about 2900 kilometers"),
        "{text}"
    );
    let out = Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .args(["claims", "no/such/file.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/file.txt"));
    let out = Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .args(["claims"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn non_utf8_and_empty_files_do_not_panic() {
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("bin.txt");
    std::fs::write(&bin, [0xff, 0xfe, 0x00, 0x33, b' ', b'k', b'm']).unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .args(["claims", "--json"])
        .arg(&empty)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "[]");
    let out = Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .args(["claims"])
        .arg(&bin)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
