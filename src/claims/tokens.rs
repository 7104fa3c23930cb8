//! A small tokenizer for claim sentences: words, numbers and punctuation,
//! each with its byte span and whether it touches the token before it
//! (so "3220km", "1,850-mile" and "65-hour" can be read as one figure).

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters, with apostrophes inside ("Kim's").
    Word,
    /// Digits, with `,` or `.` between digits ("1,850", "3.30").
    Num,
    /// Any other single character that is not whitespace.
    Punct,
}

/// One token of a sentence; `start..end` are byte offsets into the text the
/// tokenizer was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// No whitespace between this token and the one before.
    pub glued: bool,
}

impl Tok<'_> {
    /// Lower-cased text, with curly apostrophes made straight.
    pub fn lower(&self) -> String {
        self.text.to_lowercase().replace('’', "'")
    }

    pub fn is(&self, s: &str) -> bool {
        self.text.eq_ignore_ascii_case(s)
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.text.starts_with(c)
    }

    /// Starts with an upper-case letter.
    pub fn is_capitalised(&self) -> bool {
        self.kind == Kind::Word && self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Tokens of `text`, offsets relative to `text` plus `base`.
pub(crate) fn tokenize(text: &str, base: usize) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    let mut glued = false;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            glued = false;
            i += 1;
            continue;
        }
        let (kind, mut j) = if c.is_ascii_digit() {
            let mut j = i + 1;
            while j < chars.len() {
                let d = chars[j].1;
                let sep_then_digit = matches!(d, ',' | '.')
                    && chars.get(j + 1).is_some_and(|n| n.1.is_ascii_digit());
                if d.is_ascii_digit() || sep_then_digit {
                    j += if sep_then_digit { 2 } else { 1 };
                } else {
                    break;
                }
            }
            (Kind::Num, j)
        } else if c.is_alphabetic() {
            let mut j = i + 1;
            while j < chars.len() {
                let d = chars[j].1;
                let inner_apostrophe =
                    is_apostrophe(d) && chars.get(j + 1).is_some_and(|n| n.1.is_alphabetic());
                if d.is_alphabetic() || inner_apostrophe {
                    j += 1;
                } else {
                    break;
                }
            }
            (Kind::Word, j)
        } else {
            (Kind::Punct, i + 1)
        };
        j = j.min(chars.len());
        let end = chars.get(j).map_or(text.len(), |p| p.0);
        out.push(Tok {
            text: &text[start..end],
            start: base + start,
            end: base + end,
            kind,
            glued,
        });
        glued = true;
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_and_hyphenated_forms() {
        let t = tokenize("its 3220km, a 1,850-mile trip at 3.30am; Kim’s car", 0);
        let texts: Vec<&str> = t.iter().map(|t| t.text).collect();
        assert_eq!(
            texts,
            vec![
                "its", "3220", "km", ",", "a", "1,850", "-", "mile", "trip", "at", "3.30", "am",
                ";", "Kim’s", "car"
            ]
        );
        assert!(t[2].glued && !t[1].glued && t[6].glued && t[7].glued);
        assert_eq!(t[5].kind, Kind::Num);
    }
}
