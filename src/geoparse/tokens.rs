//! Word tokens with what recognition needs to know about each: case,
//! position in the sentence, and what separates it from the previous one.

use std::ops::Range;

/// What lies between a token and the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sep {
    /// Spaces on one line (a name may continue).
    Space,
    /// `-` (Dong-Dang, Asia-Pacific).
    Hyphen,
    /// `'` or `’` with no space (possessive or a transliteration apostrophe).
    Apostrophe,
    /// `. ` after an abbreviation (St. Louis).
    Period,
    /// `.` with no space (U.S., D.C.).
    Dot,
    /// Anything else (comma, line break, bracket...): a name stops here.
    Break,
}

/// One word token.
#[derive(Debug, Clone)]
pub struct Token {
    pub span: Range<usize>,
    pub sep: Sep,
    /// First letter upper case.
    pub cap: bool,
    /// Every letter upper case and at least two letters.
    pub all_caps: bool,
    /// First token of a sentence (or of a line).
    pub sentence_start: bool,
    /// The word is ASCII.
    pub ascii: bool,
}

/// Splits text into alphanumeric tokens. ASCII bytes (nearly all of
/// English news) take a fast path with the same result: a word's case is
/// gathered while its bytes are scanned.
pub fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut out: Vec<Token> = Vec::with_capacity(text.len() / 6);
    let mut prev_end = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Skip to the next alphanumeric character.
        let (alnum, len) = class_at(text, i);
        if !alnum {
            i += len;
            continue;
        }
        // Scan the word, noting what ASCII bytes it holds.
        let start = i;
        let mut seen = 0u8;
        let mut letters = 0usize;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii() {
                let c = ASCII_CLASS[usize::from(b)];
                if c & ALNUM == 0 {
                    break;
                }
                seen |= c;
                letters += usize::from(c & (UPPER | LOWER) != 0);
                i += 1;
            } else {
                let (alnum, len) = class_at(text, i);
                if !alnum {
                    break;
                }
                seen |= NON_ASCII;
                i += len;
            }
        }
        push(&mut out, text, start, i, prev_end, seen, letters);
        prev_end = i;
    }
    out
}

const ALNUM: u8 = 1;
const UPPER: u8 = 2;
const LOWER: u8 = 4;
const NON_ASCII: u8 = 8;

/// Class bits of each ASCII byte.
static ASCII_CLASS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_uppercase() {
            ALNUM | UPPER
        } else if c.is_ascii_lowercase() {
            ALNUM | LOWER
        } else if c.is_ascii_digit() {
            ALNUM
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Whether the character at byte `i` (a character boundary) is
/// alphanumeric, and its length in bytes.
fn class_at(text: &str, i: usize) -> (bool, usize) {
    let b = text.as_bytes()[i];
    if b.is_ascii() {
        return (ASCII_CLASS[usize::from(b)] & ALNUM != 0, 1);
    }
    let c = text[i..].chars().next().unwrap_or(' ');
    (c.is_alphanumeric(), c.len_utf8())
}

fn push(
    out: &mut Vec<Token>,
    text: &str,
    s: usize,
    e: usize,
    prev_end: usize,
    seen: u8,
    ascii_letters: usize,
) {
    let word = &text[s..e];
    let between = &text[prev_end..s];
    let ascii = seen & NON_ASCII == 0;
    let (cap, all_caps) = if ascii {
        (
            word.as_bytes()[0].is_ascii_uppercase(),
            ascii_letters >= 2 && seen & LOWER == 0,
        )
    } else {
        let first = word.chars().next().unwrap_or(' ');
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        (
            first.is_uppercase(),
            letters >= 2 && !word.chars().any(|c| c.is_lowercase()),
        )
    };
    // One space, by far the commonest separator, is neither a sentence end
    // nor anything but `Space`.
    let one_space = between == " ";
    let sentence_start = out.is_empty()
        || !one_space
            && (between.contains('\n')
                || between
                    .trim_end_matches(|c: char| c.is_whitespace() || "\"“‘'(".contains(c))
                    .ends_with(['.', '!', '?', ':']));
    out.push(Token {
        span: s..e,
        sep: if one_space {
            Sep::Space
        } else {
            sep_of(between)
        },
        cap,
        all_caps,
        sentence_start,
        ascii,
    });
}

fn sep_of(between: &str) -> Sep {
    match between {
        "-" | "‐" => Sep::Hyphen,
        "'" | "’" => Sep::Apostrophe,
        ". " => Sep::Period,
        "." => Sep::Dot,
        _ if !between.is_empty() && between.chars().all(|c| c == ' ' || c == '\u{a0}') => {
            Sep::Space
        }
        _ => Sep::Break,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_and_separators() {
        let t = "He left Dong-Dang. BEIRUT, Hanoi’s St. Louis";
        let toks = tokenize(t);
        let words: Vec<&str> = toks.iter().map(|k| &t[k.span.clone()]).collect();
        assert_eq!(
            words,
            ["He", "left", "Dong", "Dang", "BEIRUT", "Hanoi", "s", "St", "Louis"]
        );
        assert_eq!(toks[3].sep, Sep::Hyphen);
        assert!(toks[4].sentence_start && toks[4].all_caps);
        assert_eq!(toks[6].sep, Sep::Apostrophe);
        assert_eq!(toks[8].sep, Sep::Period);
        assert!(toks[0].sentence_start && !toks[1].cap);
    }

    #[test]
    fn non_ascii_words_and_separators() {
        let t = "ĐỒNG Đăng\u{a0}Ünye. (Éire) x–y İSTANBUL";
        let toks = tokenize(t);
        let words: Vec<&str> = toks.iter().map(|k| &t[k.span.clone()]).collect();
        assert_eq!(
            words,
            ["ĐỒNG", "Đăng", "Ünye", "Éire", "x", "y", "İSTANBUL"]
        );
        assert!(toks[0].all_caps && toks[0].cap && !toks[1].all_caps);
        assert_eq!(toks[2].sep, Sep::Space);
        assert!(toks[3].sentence_start && toks[3].cap);
        assert_eq!(toks[5].sep, Sep::Break);
        assert!(toks[6].all_caps);
    }
}
