//! Mojibake repair and NFC normalisation, each with an offset map.
//!
//! Mojibake is UTF-8 that was decoded as Windows-1252 or Latin-1 somewhere
//! upstream: `’` (E2 80 99) shows as `â€™`, or as `â` plus two C1 controls,
//! or as a bare `â` when the controls were dropped (`Stanfordâs`). A run of
//! such characters is re-encoded to bytes and decoded as UTF-8; it is
//! replaced only if that gives a complete, valid sequence, so real text
//! (`café`, `Zürich`, `château`) is left alone.

use super::decode::cp1252;
use super::offsets::{MappedBuilder, OffsetMap};
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Repairs mojibake. Returns the text, its map, and how many repairs.
pub fn repair_mojibake(s: &str) -> (String, OffsetMap, usize) {
    let mut b = MappedBuilder::with_capacity(s.len());
    let mut repairs = 0;
    let mut run = 0;
    let mut i = 0;
    while i < s.len() {
        let c = s[i..].chars().next().unwrap_or(' ');
        if let Some((fixed, len)) = mojibake_at(s, i).or_else(|| bare_apostrophe_at(s, i)) {
            b.copy(&s[run..i], run);
            b.replace(&fixed, i, i + len);
            repairs += 1;
            i += len;
            run = i;
        } else {
            i += c.len_utf8();
        }
    }
    b.copy(&s[run..], run);
    let (t, m) = b.finish();
    (t, m, repairs)
}

/// The byte a char had before it was mis-decoded (Windows-1252 or Latin-1).
fn byte_of(c: char) -> Option<u8> {
    let u = c as u32;
    // Latin-1 decoding leaves C1 controls; Windows-1252 its own characters.
    if (0x80..=0xFF).contains(&u) {
        return Some(u as u8);
    }
    (0x80..=0x9F).find(|&b| cp1252(b) == c)
}

/// A mis-decoded UTF-8 sequence starting at `i`: lead byte C2–F4 then the
/// right number of continuation bytes, all as mis-decoded chars.
fn mojibake_at(s: &str, i: usize) -> Option<(String, usize)> {
    let mut chars = s[i..].char_indices();
    let (_, c0) = chars.next()?;
    let lead = byte_of(c0)?;
    let need = match lead {
        0xC2..=0xDF => 1,
        0xE0..=0xEF => 2,
        0xF0..=0xF4 => 3,
        _ => return None,
    };
    let mut bytes = vec![lead];
    let mut end = i + c0.len_utf8();
    for _ in 0..need {
        let (k, c) = chars.next()?;
        let b = byte_of(c)?;
        if !(0x80..=0xBF).contains(&b) {
            return None;
        }
        bytes.push(b);
        end = i + k + c.len_utf8();
    }
    let fixed = String::from_utf8(bytes).ok()?;
    Some((fixed, end - i))
}

/// `â` between a letter and an English contraction ending (`Stanfordâs`,
/// `donât`, `weâll`): the remains of `’` whose two C1 bytes were dropped.
fn bare_apostrophe_at(s: &str, i: usize) -> Option<(String, usize)> {
    if !s[i..].starts_with('â') {
        return None;
    }
    let before = s[..i].chars().next_back()?;
    let after = &s[i + 'â'.len_utf8()..];
    // A closing quote after sentence punctuation: `denuclearisation.â`
    if matches!(before, '.' | ',' | '!' | '?')
        && after.chars().next().is_none_or(char::is_whitespace)
    {
        return Some(("’".to_string(), 'â'.len_utf8()));
    }
    if !before.is_ascii_alphabetic() {
        return None;
    }
    let ending = ["s", "t", "d", "m", "ll", "re", "ve"]
        .into_iter()
        .find(|e| after.starts_with(e))?;
    let next = after[ending.len()..].chars().next();
    if next.is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    Some(("’".to_string(), 'â'.len_utf8()))
}

/// NFC normalisation with an offset map. Text already in NFC (nearly all)
/// passes through; otherwise each base character with its combining marks
/// is composed on its own, so offsets stay exact at character boundaries.
pub fn nfc(s: &str) -> (String, OffsetMap) {
    let mut b = MappedBuilder::with_capacity(s.len());
    if is_nfc_quick(s.chars()) == IsNormalized::Yes {
        b.copy(s, 0);
        return b.finish();
    }
    let mut start = 0;
    let mut idx = s.char_indices().peekable();
    while let Some((i, _)) = idx.next() {
        let next = idx.peek().map_or(s.len(), |&(k, _)| k);
        let boundary = idx
            .peek()
            .is_none_or(|&(_, c)| canonical_combining_class(c) == 0 && !is_jamo(c));
        if boundary {
            let chunk = &s[start..next];
            let composed: String = chunk.nfc().collect();
            if composed == chunk {
                b.copy(chunk, start);
            } else {
                b.replace(&composed, start, next);
            }
            start = next;
        }
        let _ = i;
    }
    b.finish()
}

/// Hangul conjoining jamo compose across combining class 0.
fn is_jamo(c: char) -> bool {
    matches!(c as u32, 0x1160..=0x11FF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repairs_cp1252_mojibake() {
        let (t, m, n) = repair_mojibake("Kimâ€™s train â€“ Hanoi");
        assert_eq!(t, "Kim’s train – Hanoi");
        assert_eq!(n, 2);
        let at = t.find("Hanoi").unwrap();
        assert_eq!(m.map(at), "Kimâ€™s train â€“ ".len());
    }

    #[test]
    fn repairs_latin1_c1_and_bare() {
        let (t, _, n) = repair_mojibake("Stanford\u{e2}\u{80}\u{99}s and Stanfordâs Asia.â\n");
        assert_eq!(t, "Stanford’s and Stanford’s Asia.’\n");
        assert_eq!(n, 3);
        let (t, _, _) = repair_mojibake("Ã©tÃ© in ZÃ¼rich");
        assert_eq!(t, "été in Zürich");
    }

    #[test]
    fn real_text_untouched() {
        for s in [
            "café in Zürich",
            "château",
            "Hà Nội",
            "naïve Âge",
            "Đồng Đăng",
        ] {
            assert_eq!(repair_mojibake(s).0, s);
        }
    }

    #[test]
    fn nfc_composes_with_offsets() {
        let s = "Ha\u{300} No\u{302}\u{323}i x";
        let (t, m) = nfc(s);
        assert_eq!(t, "Hà Nội x");
        let at = t.find('x').unwrap();
        assert_eq!(m.map(at), s.find('x').unwrap());
    }
}
