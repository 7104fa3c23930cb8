//! Word tokens with byte offsets: runs of letters and digits, keeping
//! inner apostrophes and hyphens ("Kim's", "Jong-un", "3,220").

use std::ops::Range;

#[derive(Debug, Clone, PartialEq)]
pub struct Token<'a> {
    pub span: Range<usize>,
    pub text: &'a str,
    pub lower: String,
    /// Only spaces stand between it and the token before (a name runs on
    /// across them, not across "(AP) —").
    pub spaced: bool,
    /// Only a comma (and spaces) stands between it and the token before
    /// ("Ghana, Kenya and Mozambique").
    pub comma_before: bool,
}

impl Token<'_> {
    /// Starts with an upper-case letter.
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(|c| c.is_uppercase())
    }

    /// The token without a trailing possessive (`Kim's` → `Kim`).
    pub fn stem(&self) -> &str {
        strip_possessive(self.text)
    }

    pub fn is_possessive(&self) -> bool {
        strip_possessive(self.text).len() != self.text.len()
    }
}

pub fn strip_possessive(s: &str) -> &str {
    for suffix in ["'s", "’s", "'", "’"] {
        if let Some(t) = s.strip_suffix(suffix) {
            if !t.is_empty() {
                return t;
            }
        }
    }
    s
}

/// Tokens of `text[range]`, with spans into `text`.
pub fn tokenize(text: &str, range: Range<usize>) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let slice = &text[range.clone()];
    let mut start: Option<usize> = None;
    let mut iter = slice.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let inner = matches!(c, '\'' | '’' | '-' | ',' | '.')
            && start.is_some()
            && iter.peek().is_some_and(|(_, n)| {
                if c == ',' || c == '.' {
                    n.is_ascii_digit() && slice[..i].ends_with(|p: char| p.is_ascii_digit())
                } else {
                    n.is_alphanumeric()
                }
            });
        let trailing_possessive = matches!(c, '\'' | '’')
            && start.is_some()
            && slice[..i].ends_with(['s', 'S'])
            && !iter.peek().is_some_and(|(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || inner || trailing_possessive {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push(make(text, range.start + s..range.start + i, &out));
        }
    }
    if let Some(s) = start {
        out.push(make(text, range.start + s..range.end, &out));
    }
    out
}

fn make<'a>(text: &'a str, span: Range<usize>, before: &[Token<'_>]) -> Token<'a> {
    let t = &text[span.clone()];
    let gap = before.last().map(|p| &text[p.span.end..span.start]);
    let spaced = gap.is_none_or(|g| g.chars().all(char::is_whitespace));
    let comma_before = gap.is_some_and(|g| g.trim() == ",");
    Token {
        span,
        text: t,
        lower: t.to_lowercase(),
        spaced,
        comma_before,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_inner_marks() {
        let t = "Kim's 3,220-mile trip: from Pyongyang, via Dong-Dang.";
        let toks: Vec<&str> = tokenize(t, 0..t.len()).iter().map(|t| t.text).collect();
        assert_eq!(
            toks,
            vec![
                "Kim's",
                "3,220-mile",
                "trip",
                "from",
                "Pyongyang",
                "via",
                "Dong-Dang"
            ]
        );
        let k = &tokenize(t, 0..t.len())[0];
        assert!(k.is_possessive() && k.stem() == "Kim");
        let spaced: Vec<bool> = tokenize(t, 0..t.len()).iter().map(|t| t.spaced).collect();
        assert_eq!(spaced, [true, true, true, false, true, false, true]);
        let comma: Vec<bool> = tokenize(t, 0..t.len())
            .iter()
            .map(|t| t.comma_before)
            .collect();
        assert_eq!(comma, [false, false, false, false, false, true, false]);
    }
}
