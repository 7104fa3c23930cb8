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

/// Splits text into alphanumeric tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let mut start: Option<usize> = None;
    let mut prev_end = 0;
    let push = |out: &mut Vec<Token>, s: usize, e: usize, prev_end: usize| {
        let word = &text[s..e];
        let between = &text[prev_end..s];
        let first = word.chars().next().unwrap_or(' ');
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        let sentence_start = out.is_empty()
            || between.contains('\n')
            || between
                .trim_end_matches(|c: char| c.is_whitespace() || "\"“‘'(".contains(c))
                .ends_with(['.', '!', '?', ':']);
        out.push(Token {
            span: s..e,
            sep: sep_of(between),
            cap: first.is_uppercase(),
            all_caps: letters >= 2 && !word.chars().any(|c| c.is_lowercase()),
            sentence_start,
        });
    };
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            push(&mut out, s, i, prev_end);
            prev_end = i;
        }
    }
    if let Some(s) = start {
        push(&mut out, s, text.len(), prev_end);
    }
    out
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
}
