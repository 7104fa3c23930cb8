//! `journeymap places` on every input format: HTML, JSON-lines, Windows-1252
//! text with its warning, mojibake repair, and the errors for bad input.

use serde_json::Value;
use std::process::{Command, Output};

fn places(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .arg("places")
        .args(args)
        .output()
        .expect("run journeymap")
}

fn ids(out: &Output) -> Vec<(String, String, String)> {
    let v: Vec<Value> = serde_json::from_slice(&out.stdout).expect("JSON");
    v.iter()
        .filter(|m| m["kind"] == "place")
        .map(|m| {
            (
                m["file"]
                    .as_str()
                    .unwrap_or("")
                    .rsplit('/')
                    .next()
                    .unwrap_or("")
                    .to_string(),
                m["text"].as_str().unwrap_or("").to_string(),
                m["place"]["id"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn html_jsonl_and_windows_1252() {
    let dir = tempfile::tempdir().expect("tempdir");
    let html = dir.path().join("a.html");
    std::fs::write(
        &html,
        "<html><head><script>var Paris = 1;</script></head><body><p>The train left <b>Pyongyang</b> &amp; reached Hanoi&#8217;s station.</p></body></html>",
    )
    .expect("write");
    let jsonl = dir.path().join("b.jsonl");
    std::fs::write(&jsonl, "{\"id\": \"x1\", \"text\": \"Kim arrived in Dandong.\"}\n{\"id\": 2, \"text\": \"Then Nanning.\"}\n").expect("write");
    let cp = dir.path().join("c.txt");
    std::fs::write(&cp, b"He flew to \x93Singapore\x94 and on to Qatar.").expect("write");
    let out = places(&[
        "--json",
        &html.to_string_lossy(),
        &jsonl.to_string_lossy(),
        &cp.to_string_lossy(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got = ids(&out);
    let want = [
        ("a.html", "Pyongyang", "geonames:1871859"),
        ("a.html", "Hanoi", "geonames:1581130"),
        ("b.jsonl#x1", "Dandong", "geonames:2037886"),
        ("b.jsonl#2", "Nanning", "geonames:1799869"),
        ("c.txt", "Singapore", "country:SG"),
        ("c.txt", "Qatar", "country:QA"),
    ];
    let got_ref: Vec<(&str, &str, &str)> = got
        .iter()
        .map(|(a, b, c)| (a.as_str(), b.as_str(), c.as_str()))
        .collect();
    assert_eq!(got_ref, want);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("c.txt") && err.contains("Windows-1252"),
        "{err}"
    );
}

#[test]
fn mojibake_is_repaired_with_a_warning() {
    let out = places(&["seeds/002_61b425043f3d7d7e.txt"]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("repaired 2 mojibake"), "{err}");
}

#[test]
fn bad_inputs_fail_clearly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "  \n").expect("write");
    let bad = dir.path().join("bad.jsonl");
    std::fs::write(&bad, "{\"id\": 1}\n").expect("write");
    for (f, want) in [(&empty, "empty"), (&bad, "line 1")] {
        let out = places(&[&f.to_string_lossy()]);
        assert_eq!(out.status.code(), Some(3));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(want), "{err}");
    }
}
