//! `journeymap places FILE…`: the places each article names, resolved.

use super::{Exit, Failure};
use journeymap::geoparse::{geoparse, Mention, MentionKind};
use journeymap::text::{read_path, Document, ReadError};
use std::io::Write;
use std::path::PathBuf;

/// Find the places named in articles and resolve each against the bundled
/// gazetteer. Prints one row per mention: file:line, matched text, kind
/// (place, adjectival, rejected), gazetteer id, name, country,
/// coordinates, confidence and the reason.
///
/// Inputs: .txt, .md, .html/.htm (tags stripped), .jsonl (one
/// {"id", "text"} record per line). Exit codes: 0 ok; 3 a file could not
/// be read or is not text.
#[derive(clap::Args, Debug, Default)]
pub struct PlacesArgs {
    /// Article files to read.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Print JSON (an array of mentions with file, line, span, place,
    /// confidence, runners-up and reason) instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Also list rejected look-alikes (person and organisation names).
    #[arg(long)]
    pub all: bool,
}

pub fn run(args: PlacesArgs) -> Result<(), Failure> {
    let mut docs = Vec::new();
    for f in &args.files {
        docs.extend(read_path(f).map_err(read_failure)?);
    }
    for d in &docs {
        for w in &d.warnings {
            eprintln!("journeymap: warning: {}: {w}", d.name);
        }
    }
    let mentions: Vec<Mention> = geoparse(&docs)
        .into_iter()
        .filter(|m| args.all || args.json || m.kind != MentionKind::Rejected)
        .collect();
    let out = if args.json {
        json(&docs, &mentions)
    } else {
        table(&docs, &mentions)
    };
    std::io::stdout()
        .lock()
        .write_all(out.as_bytes())
        .map_err(|e| Failure::new(Exit::Output, format!("writing to standard output: {e}")))
}

fn read_failure(e: ReadError) -> Failure {
    Failure::new(Exit::Input, e.to_string())
        .hint("give UTF-8 or Windows-1252 text files (.txt, .md, .html, .jsonl) under 50 MB")
}

fn kind_str(k: MentionKind) -> &'static str {
    match k {
        MentionKind::Place => "place",
        MentionKind::Adjectival => "adjectival",
        MentionKind::Rejected => "rejected",
    }
}

fn table(docs: &[Document], mentions: &[Mention]) -> String {
    let mut s = String::new();
    s.push_str("file:line\ttext\tkind\tid\tname\tcountry\tlat\tlon\tconfidence\treason\n");
    for m in mentions {
        let d = &docs[m.doc];
        let (id, name, cc, lat, lon) = match &m.place {
            Some(p) => (
                p.id.as_str(),
                p.name.as_str(),
                p.country.as_str(),
                format!("{:.4}", p.lat),
                format!("{:.4}", p.lon),
            ),
            None => ("-", "-", "-", "-".into(), "-".into()),
        };
        s.push_str(&format!(
            "{}:{}\t{}\t{}\t{id}\t{name}\t{cc}\t{lat}\t{lon}\t{:.2}\t{}\n",
            d.name,
            d.line_of(m.span.start),
            // A name wrapped across lines ("Eastern⏎Europe") stays one cell.
            m.text.split_whitespace().collect::<Vec<_>>().join(" "),
            kind_str(m.kind),
            m.confidence,
            m.reason
        ));
    }
    s
}

fn json(docs: &[Document], mentions: &[Mention]) -> String {
    let rows: Vec<serde_json::Value> = mentions
        .iter()
        .map(|m| {
            let d = &docs[m.doc];
            serde_json::json!({
                "file": d.name,
                "line": d.line_of(m.span.start),
                "start": m.span.start,
                "end": m.span.end,
                "text": m.text,
                "kind": m.kind,
                "place": m.place,
                "confidence": (m.confidence * 1000.0).round() / 1000.0,
                "runners_up": m.runners_up,
                "reason": m.reason,
            })
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&rows).unwrap_or_else(|_| "[]".into());
    s.push('\n');
    s
}
