//! Bytes to text: UTF-8, else Windows-1252 with a warning; binary and huge
//! input rejected.

use super::offsets::{MappedBuilder, OffsetMap};
use thiserror::Error;

/// Largest input accepted, in bytes (50 MB: far beyond any article or
/// article collection; a bigger file is almost surely not text).
pub const MAX_INPUT_BYTES: usize = 50 * 1024 * 1024;

/// Why bytes could not be read as text.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum TextError {
    #[error("input is {0} bytes, more than the {MAX_INPUT_BYTES}-byte limit")]
    TooLarge(usize),
    #[error("input looks binary (NUL byte at offset {0})")]
    NulByte(usize),
    #[error("input looks binary ({0}% control characters)")]
    Control(usize),
    #[error("input is empty")]
    Empty,
    #[error("JSON-lines record on line {line}: {msg}")]
    Json { line: usize, msg: String },
}

/// Decodes bytes: UTF-8 (a BOM is skipped), else Windows-1252. Returns the
/// text, its offset map back into `bytes`, and warnings.
pub fn decode(bytes: &[u8]) -> Result<(String, OffsetMap, Vec<String>), TextError> {
    check_size(bytes.len())?;
    check_binary(bytes)?;
    let bom = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        3
    } else {
        0
    };
    if let Ok(s) = std::str::from_utf8(&bytes[bom..]) {
        let mut b = MappedBuilder::with_capacity(s.len());
        b.copy(s, bom);
        let (t, m) = b.finish();
        return Ok((t, m, Vec::new()));
    }
    let bad = match std::str::from_utf8(&bytes[bom..]) {
        Err(e) => e.valid_up_to() + bom,
        Ok(_) => 0,
    };
    let mut b = MappedBuilder::with_capacity(bytes.len() + bytes.len() / 4);
    let mut buf = [0u8; 4];
    for (i, &byte) in bytes.iter().enumerate() {
        if byte.is_ascii() {
            b.copy(char::from(byte).encode_utf8(&mut buf), i);
        } else {
            b.replace(cp1252(byte).encode_utf8(&mut buf), i, i + 1);
        }
    }
    let (t, m) = b.finish();
    let warning = format!("not valid UTF-8 (first bad byte at offset {bad}): read as Windows-1252");
    Ok((t, m, vec![warning]))
}

pub fn check_size(len: usize) -> Result<(), TextError> {
    if len > MAX_INPUT_BYTES {
        return Err(TextError::TooLarge(len));
    }
    Ok(())
}

fn check_binary(bytes: &[u8]) -> Result<(), TextError> {
    if let Some(i) = bytes.iter().position(|&b| b == 0) {
        return Err(TextError::NulByte(i));
    }
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let control = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if !sample.is_empty() && control * 10 > sample.len() {
        return Err(TextError::Control(control * 100 / sample.len()));
    }
    Ok(())
}

/// Windows-1252 byte to char (the five undefined bytes map to the C1
/// control of the same value, as browsers do).
pub fn cp1252(b: u8) -> char {
    match b {
        0x80..=0x9F => CP1252_80[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// Windows-1252 0x80..=0x9F (WHATWG encoding standard index).
const CP1252_80: [char; 32] = [
    '\u{20ac}', '\u{0081}', '\u{201a}', '\u{0192}', '\u{201e}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{02c6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{008d}', '\u{017d}', '\u{008f}',
    '\u{0090}', '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{02dc}', '\u{2122}', '\u{0161}', '\u{203a}', '\u{0153}', '\u{009d}', '\u{017e}', '\u{0178}',
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes() {
        let (t, m, w) = decode("Hà Nội".as_bytes()).unwrap();
        assert_eq!(t, "Hà Nội");
        assert!(w.is_empty());
        assert_eq!(m.map(3), 3);
    }

    #[test]
    fn bom_skipped() {
        let (t, m, _) = decode(b"\xEF\xBB\xBFHanoi").unwrap();
        assert_eq!(t, "Hanoi");
        assert_eq!(m.map(0), 3);
    }

    #[test]
    fn windows_1252_fallback() {
        let (t, m, w) = decode(b"caf\xe9 \x93Hanoi\x94").unwrap();
        assert_eq!(t, "café “Hanoi”");
        assert_eq!(w.len(), 1);
        assert!(w[0].contains("Windows-1252"));
        // "H" is at byte 6 in the input, after "café “" (3+2+1+3 = 9 bytes) in the output.
        assert_eq!(m.map(9), 6);
    }

    #[test]
    fn rejects_binary_and_huge() {
        assert_eq!(decode(b"ab\0cd"), Err(TextError::NulByte(2)));
        assert!(matches!(
            decode(&[1u8, 2, 3, 4, 5, b'a']),
            Err(TextError::Control(_))
        ));
        assert!(matches!(
            check_size(MAX_INPUT_BYTES + 1),
            Err(TextError::TooLarge(_))
        ));
    }
}
