//! Helpers shared by the end-to-end tests: run the built `journeymap` binary
//! on short invented texts. Each test crate that declares `mod common;`
//! uses only some of them.
#![allow(dead_code)]

use serde_json::Value;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

/// `text` written to a file `name` in a new temporary directory (removed
/// when the returned guard drops).
pub fn write_tmp(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, text).expect("write temp file");
    (dir, path)
}

/// `journeymap places --json` on `text` written to a temporary article
/// file: the mentions as JSON objects (fails the test if the run fails).
pub fn places_json(text: &str) -> Vec<Value> {
    let (_dir, file) = write_tmp("article.txt", text);
    places_json_of(&file)
}

/// `journeymap places --json` on an article file (a relative path is
/// taken from the package root).
pub fn places_json_of(file: &Path) -> Vec<Value> {
    let v = json_of(&["places".as_ref(), "--json".as_ref(), file.as_os_str()]);
    v.as_array().expect("a JSON array").clone()
}

/// Runs `journeymap ARGS…` from the package root and parses its standard
/// output as JSON (fails the test, with its standard error, if the run
/// fails).
pub fn json_of<S: AsRef<OsStr>>(args: &[S]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run journeymap");
    assert!(
        out.status.success(),
        "journeymap {:?} failed: {}",
        args.iter().map(|a| a.as_ref()).collect::<Vec<_>>(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON on standard output")
}

/// (text, kind, place id) of every mention `journeymap places` finds in
/// `text`.
pub fn mentions(text: &str) -> Vec<(String, String, String)> {
    places_json(text)
        .iter()
        .map(|m| {
            let s = |v: &Value| v.as_str().unwrap_or("").to_string();
            (s(&m["text"]), s(&m["kind"]), s(&m["place"]["id"]))
        })
        .collect()
}

/// (text, place id) of the mentions of kind `place`.
pub fn places(text: &str) -> Vec<(String, String)> {
    mentions(text)
        .into_iter()
        .filter(|(_, kind, _)| kind == "place")
        .map(|(t, _, id)| (t, id))
        .collect()
}
