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
}

/// Splits text into alphanumeric tokens. ASCII bytes (nearly all of
/// English news) take a fast path with the same result.
pub fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut out: Vec<Token> = Vec::with_capacity(text.len() / 6);
    let mut start: Option<usize> = None;
    let mut prev_end = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (alnum, len) = if b.is_ascii() {
            (b.is_ascii_alphanumeric(), 1)
        } else {
            // `i` is always on a character boundary here.
            let c = text[i..].chars().next().unwrap_or(' ');
            (c.is_alphanumeric(), c.len_utf8())
        };
        if alnum {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            push(&mut out, text, s, i, prev_end);
            prev_end = i;
        }
        i += len;
    }
    if let Some(s) = start {
        push(&mut out, text, s, text.len(), prev_end);
    }
    out
}

fn push(out: &mut Vec<Token>, text: &str, s: usize, e: usize, prev_end: usize) {
    let word = &text[s..e];
    let between = &text[prev_end..s];
    let (cap, all_caps) = if word.is_ascii() {
        let w = word.as_bytes();
        let letters = w.iter().filter(|b| b.is_ascii_alphabetic()).count();
        (
            w.first().is_some_and(u8::is_ascii_uppercase),
            letters >= 2 && !w.iter().any(u8::is_ascii_lowercase),
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
