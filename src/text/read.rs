//! Reading article files into [`Document`]s: plain text, Markdown, HTML and
//! JSON-lines, each decoded, repaired and normalised with offsets kept.

use super::decode::{check_size, decode, TextError};
use super::offsets::OffsetMap;
use super::{html, repair, Document};
use std::path::Path;

/// What a file holds, by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `.txt`, `.md` and anything unknown: read as is.
    Plain,
    /// `.html`, `.htm`, `.xhtml`.
    Html,
    /// `.jsonl`, `.ndjson`: one `{"id":…, "text":…}` record per line.
    JsonLines,
}

impl Format {
    pub fn of(path: &Path) -> Format {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        match ext.as_str() {
            "html" | "htm" | "xhtml" => Format::Html,
            "jsonl" | "ndjson" => Format::JsonLines,
            _ => Format::Plain,
        }
    }
}

/// An error reading one file, with the file named.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: {source}")]
    Text { path: String, source: TextError },
}

/// Reads a file into one document (or one per record for JSON-lines).
pub fn read_path(path: &Path) -> Result<Vec<Document>, ReadError> {
    let name = path.display().to_string();
    let io = |source| ReadError::Io {
        path: name.clone(),
        source,
    };
    let len = std::fs::metadata(path).map_err(io)?.len();
    check_size(usize::try_from(len).unwrap_or(usize::MAX)).map_err(|source| ReadError::Text {
        path: name.clone(),
        source,
    })?;
    let bytes = std::fs::read(path).map_err(io)?;
    read_bytes(&name, &bytes, Format::of(path)).map_err(|source| ReadError::Text {
        path: name.clone(),
        source,
    })
}

/// Reads bytes of a known format into documents named `name`.
pub fn read_bytes(name: &str, bytes: &[u8], format: Format) -> Result<Vec<Document>, TextError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(TextError::Empty);
    }
    let (text, map, warnings) = decode(bytes)?;
    match format {
        Format::Plain => Ok(vec![normalise(name, &text, vec![map], warnings)]),
        Format::Html => {
            let (stripped, m2) = html::strip(&text);
            Ok(vec![normalise(name, &stripped, vec![map, m2], warnings)])
        }
        Format::JsonLines => json_lines(name, &text, map, &warnings),
    }
}

fn json_lines(
    name: &str,
    text: &str,
    map: OffsetMap,
    warnings: &[String],
) -> Result<Vec<Document>, TextError> {
    #[derive(serde::Deserialize)]
    struct Record {
        id: Option<serde_json::Value>,
        text: String,
    }
    let mut docs = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let rec: Record = serde_json::from_str(line).map_err(|e| TextError::Json {
            line: n + 1,
            msg: e.to_string(),
        })?;
        let id = match rec.id {
            Some(serde_json::Value::String(s)) => s,
            Some(v) => v.to_string(),
            None => (n + 1).to_string(),
        };
        // Offsets of a record's text point into its decoded string value,
        // not the file: JSON escapes make a byte map to the file ambiguous.
        let _ = &map;
        docs.push(normalise(
            &format!("{name}#{id}"),
            &rec.text,
            Vec::new(),
            warnings.to_vec(),
        ));
    }
    Ok(docs)
}

/// Repairs mojibake and applies NFC, recording the maps.
fn normalise(
    name: &str,
    text: &str,
    mut maps: Vec<OffsetMap>,
    mut warnings: Vec<String>,
) -> Document {
    let (fixed, m1, repairs) = repair::repair_mojibake(text);
    if repairs > 0 {
        warnings.push(format!(
            "repaired {repairs} mojibake sequence(s) (e.g. â€™ → ’)"
        ));
    }
    let (norm, m2) = repair::nfc(&fixed);
    maps.push(m1);
    maps.push(m2);
    let mut d = Document::from_text(name, norm);
    d.warnings = warnings;
    d.maps = maps;
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_with_mojibake_maps_back() {
        let src = "Stanford\u{e2}s Asia. Ha\u{300} No\u{302}\u{323}i.".as_bytes();
        let d = &read_bytes("a.txt", src, Format::Plain).unwrap()[0];
        assert_eq!(d.text, "Stanford’s Asia. Hà Nội.");
        assert_eq!(d.warnings.len(), 1);
        let at = d.text.find("Asia").unwrap();
        assert_eq!(
            &src[d.original_offset(at)..d.original_offset(at) + 4],
            b"Asia"
        );
        let at = d.text.find("Nội").unwrap();
        assert_eq!(
            d.original_offset(at),
            "Stanford\u{e2}s Asia. Ha\u{300} ".len()
        );
    }

    #[test]
    fn html_document() {
        let src = b"<p>From <i>Pyongyang</i> to Hanoi&#8217;s</p>";
        let d = &read_bytes("a.html", src, Format::Html).unwrap()[0];
        assert!(d.text.contains("From Pyongyang to Hanoi’s"));
        let at = d.text.find("Pyongyang").unwrap();
        assert_eq!(d.original_offset(at), 11);
    }

    #[test]
    fn json_lines_records() {
        let src = b"{\"id\": \"a1\", \"text\": \"Kim left Pyongyang.\"}\n\n{\"id\": 7, \"text\": \"Hanoi\"}\n";
        let docs = read_bytes("f.jsonl", src, Format::JsonLines).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].name, "f.jsonl#a1");
        assert_eq!(docs[1].name, "f.jsonl#7");
        assert_eq!(docs[1].text, "Hanoi");
        let bad = read_bytes("f.jsonl", b"{\"id\":1}\n", Format::JsonLines);
        assert!(matches!(bad, Err(TextError::Json { line: 1, .. })));
    }

    #[test]
    fn empty_and_binary_rejected() {
        assert_eq!(
            read_bytes("e", b"  \n", Format::Plain).unwrap_err(),
            TextError::Empty
        );
        assert!(matches!(
            read_bytes("b", b"\x89PNG\r\n\x1a\n\0\0", Format::Plain),
            Err(TextError::NulByte(_))
        ));
    }

    #[test]
    fn format_by_extension() {
        assert_eq!(Format::of(Path::new("a.HTML")), Format::Html);
        assert_eq!(Format::of(Path::new("a.jsonl")), Format::JsonLines);
        assert_eq!(Format::of(Path::new("a.md")), Format::Plain);
    }
}
