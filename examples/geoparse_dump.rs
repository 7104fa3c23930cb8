//! Dumps every mention the geoparser finds (span, text, kind, place,
//! confidence, runners-up, reason) as JSON lines, one line per document,
//! so two builds can be compared byte for byte after a change that must
//! not alter results (a speed-up of recognition, say).
//!
//! Documents: the given text files (read as `journeymap places` reads
//! them) and every article of the given LGL/GeoVirus XML corpora, each
//! also upper-cased and lower-cased (to exercise the case rules).
//!
//! ```text
//! cargo run --release --example geoparse_dump -- seeds/*.txt ../shared/eval/lgl.xml ../shared/eval/GeoVirus.xml > new.jsonl
//! cmp old.jsonl new.jsonl
//! ```

use journeymap::gazetteer::Gazetteer;
use journeymap::geoparse::{eval::read_corpus, geoparse_text};
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let g = Gazetteer::bundled();
    let mut docs: Vec<(String, String)> = Vec::new();
    for f in std::env::args().skip(1) {
        if f.ends_with(".xml") {
            let articles = std::fs::read_to_string(&f)
                .ok()
                .and_then(|x| read_corpus(&x).ok());
            let Some((articles, _)) = articles else {
                eprintln!("geoparse_dump: {f}: not a readable corpus");
                return ExitCode::from(3);
            };
            for (i, a) in articles.into_iter().enumerate() {
                docs.push((format!("{f}#{i}:upper"), a.text.to_uppercase()));
                docs.push((format!("{f}#{i}:lower"), a.text.to_lowercase()));
                docs.push((format!("{f}#{i}"), a.text));
            }
        } else {
            match journeymap::text::read_path(std::path::Path::new(&f)) {
                Ok(ds) => docs.extend(ds.into_iter().map(|d| (d.name, d.text))),
                Err(e) => {
                    eprintln!("geoparse_dump: {f}: {e}");
                    return ExitCode::from(3);
                }
            }
        }
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for (i, (name, text)) in docs.iter().enumerate() {
        let mentions = geoparse_text(g, i, text);
        let line = serde_json::json!({ "doc": name, "mentions": mentions });
        if writeln!(out, "{line}").is_err() {
            return ExitCode::from(6);
        }
    }
    if out.flush().is_err() {
        return ExitCode::from(6);
    }
    ExitCode::SUCCESS
}
