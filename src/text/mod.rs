//! Reading article text: decoding, normalisation, and offsets back into the
//! original so every later finding can quote its source.
//!
//! CONTRACT (used by geoparse, itinerary, claims): a `Document` holds the
//! normalised text; byte offsets into `Document::text` are what every stage
//! reports; `Document::line_of` and `Document::quote` turn them into a
//! human-facing source reference.

mod decode;
mod html;
mod offsets;
mod read;
mod repair;

pub use decode::{TextError, MAX_INPUT_BYTES};
pub use offsets::OffsetMap;
pub use read::{read_bytes, read_path, Format, ReadError};
pub use repair::repair_mojibake;

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// One article, decoded and normalised.
#[derive(Debug, Clone)]
pub struct Document {
    /// Where it came from, as the user named it (file path, or `path#id` for
    /// a JSON-lines record).
    pub name: String,
    /// Normalised text (UTF-8, NFC, mojibake repaired).
    pub text: String,
    /// Problems met while reading (fallback encoding, repaired mojibake).
    pub warnings: Vec<String>,
    line_starts: Vec<usize>,
    /// Maps from each transformation's output back to its input, in the
    /// order applied (decode, HTML strip, mojibake repair, NFC).
    maps: Vec<OffsetMap>,
}

impl Document {
    /// A document from text that is already clean UTF-8.
    pub fn from_text(name: impl Into<String>, text: impl Into<String>) -> Document {
        let text = text.into();
        let line_starts = line_starts(&text);
        Document {
            name: name.into(),
            text,
            warnings: Vec::new(),
            line_starts,
            maps: Vec::new(),
        }
    }

    /// The byte offset in the original input (file bytes, or the record's
    /// text for JSON-lines) of a byte offset into `text`.
    pub fn original_offset(&self, offset: usize) -> usize {
        self.maps.iter().rev().fold(offset, |o, m| m.map(o))
    }

    /// 1-based line number of a byte offset into `text`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= offset)
    }

    /// A source reference for `span`, quoting the text it covers.
    pub fn source_ref(&self, span: Range<usize>) -> SourceRef {
        SourceRef {
            file: self.name.clone(),
            line: self.line_of(span.start),
            start: span.start,
            end: span.end,
            quote: self.text[span].to_string(),
        }
    }

    /// The sentence ranges of the text.
    pub fn sentences(&self) -> Vec<Range<usize>> {
        sentences(&self.text)
    }
}

/// Where a finding comes from: file, 1-based line, byte span into the
/// normalised text, and the quoted text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct SourceRef {
    pub file: String,
    pub line: usize,
    pub start: usize,
    pub end: usize,
    pub quote: String,
}

fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// The days of the week, lower case: capitalised, but never a name.
pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Splits text into sentences: at line breaks, and after `.`, `!` or `?`
/// followed by whitespace and an upper-case letter, digit or quote, unless
/// the word before is a known abbreviation ("Mr.", "U.S.") or a single
/// letter. Ranges are trimmed of surrounding whitespace; empty ones dropped.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    const ABBREV: &[&str] = &[
        "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt",
        "prof", "jr", "sr", "no", "vs", "etc", "inc", "corp", "co", "jan", "feb", "mar", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "approx",
    ];
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let boundary = if b == b'\n' {
            Some(i + 1)
        } else if matches!(b, b'.' | b'!' | b'?') {
            let mut j = i + 1;
            while j < bytes.len() && matches!(bytes[j], b'"' | b'\'' | b')') {
                j += 1;
            }
            let ws_end = text[j..]
                .char_indices()
                .find(|(_, c)| !(c.is_whitespace() && *c != '\n'))
                .map(|(k, _)| j + k)
                .unwrap_or(bytes.len());
            let next = text[ws_end..].chars().next();
            let starts_sentence = ws_end > j
                && next.is_some_and(|c| {
                    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '\'' | '‘' | '“')
                });
            if b == b'.' && starts_sentence {
                let word: String = text[start..i]
                    .rsplit(|c: char| c.is_whitespace())
                    .next()
                    .unwrap_or("")
                    .trim_start_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase();
                let last = word.rsplit('.').next().unwrap_or("");
                let is_abbrev = ABBREV.contains(&word.as_str())
                    || last.chars().count() == 1
                    || word.contains('.');
                (!is_abbrev).then_some(j)
            } else if starts_sentence || next.is_none() || next == Some('\n') {
                Some(j)
            } else {
                None
            }
        } else {
            None
        };
        if let Some(end) = boundary {
            push_trimmed(text, start..end, &mut out);
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(r.start + lead..r.end - trail);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_sentences() {
        let t =
            "Kim left Pyongyang. He met Mr. Trump in the U.S. embassy. Then?\nHanoi 3.5 km away";
        let s: Vec<&str> = sentences(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(
            s,
            vec![
                "Kim left Pyongyang.",
                "He met Mr. Trump in the U.S. embassy.",
                "Then?",
                "Hanoi 3.5 km away"
            ]
        );
    }

    #[test]
    fn lines_and_refs() {
        let d = Document::from_text("a.txt", "one\ntwo three\n");
        assert_eq!(d.line_of(0), 1);
        assert_eq!(d.line_of(4), 2);
        let r = d.source_ref(8..13);
        assert_eq!((r.line, r.quote.as_str()), (2, "three"));
    }
}
