//! Name folding: the one normalisation used for every key in the name index
//! and every query, so that "Dong Dang" finds "Đồng Đăng" and "P'yŏngyang"
//! finds "Pyongyang".
//!
//! This file is also compiled into `build.rs` (via `#[path]`), so the index
//! and the runtime fold identically; it may depend only on `std` and
//! `unicode-normalization`.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Folds a name for lookup: compatibility decomposition (NFKD) with combining
/// marks stripped, lowercase, letters that do not decompose mapped to ASCII
/// (`đ`→`d`, `ø`→`o`, `ł`→`l`, `ß`→`ss`, `æ`→`ae`, `œ`→`oe`, `ı`→`i`, ...),
/// apostrophes and full stops removed, every other run of punctuation,
/// symbols or white space turned into one space, trimmed.
///
/// ```
/// use journeymap::gazetteer::fold;
/// assert_eq!(fold("Đồng Đăng"), "dong dang");
/// assert_eq!(fold("P'yŏngyang"), "pyongyang");
/// assert_eq!(fold("  Sino-Korean   Friendship  Bridge "), "sino korean friendship bridge");
/// assert_eq!(fold("St. Petersburg"), "st petersburg");
/// assert_eq!(fold("Łódź"), "lodz");
/// ```
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.nfkd() {
        if is_combining_mark(c) || is_dropped(c) {
            continue;
        }
        for l in c.to_lowercase() {
            if let Some(ascii) = special_letter(l) {
                push_word_part(&mut out, &mut pending_space, ascii);
            } else if l.is_alphanumeric() {
                let mut buf = [0u8; 4];
                push_word_part(&mut out, &mut pending_space, l.encode_utf8(&mut buf));
            } else {
                pending_space = true;
            }
        }
    }
    out
}

fn push_word_part(out: &mut String, pending_space: &mut bool, part: &str) {
    if *pending_space && !out.is_empty() {
        out.push(' ');
    }
    *pending_space = false;
    out.push_str(part);
}

/// Characters removed without leaving a space: apostrophes of every kind
/// (Korean and Pinyin romanisations use them inside words) and full stops
/// ("St." = "St").
fn is_dropped(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}'
            | '\u{2018}'
            | '\u{02BB}'
            | '\u{02BC}'
            | '\u{02BD}'
            | '`'
            | '\u{00B4}'
            | '\u{02B9}'
            | '\u{2032}'
            | '.'
    )
}

/// Lowercase letters that have no decomposition but an obvious ASCII form.
fn special_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'đ' | 'ð' | 'ɖ' => "d",
        'ø' => "o",
        'ł' | 'ŀ' => "l",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'ı' | 'ɨ' => "i",
        'þ' => "th",
        'ħ' => "h",
        'ŧ' => "t",
        'ŋ' => "ng",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn vietnamese_letters_fold_to_ascii() {
        assert_eq!(fold("Đồng Đăng"), "dong dang");
        assert_eq!(fold("Lạng Sơn"), "lang son");
        assert_eq!(fold("Hữu Nghị"), "huu nghi");
        assert_eq!(fold("Thị Trấn Đồng Đăng"), "thi tran dong dang");
    }

    #[test]
    fn apostrophes_vanish_hyphens_become_spaces() {
        assert_eq!(fold("P'yŏngyang"), "pyongyang");
        assert_eq!(fold("P\u{2019}yŏngyang"), "pyongyang");
        assert_eq!(fold("Xi'an"), "xian");
        assert_eq!(fold("Stratford-upon-Avon"), "stratford upon avon");
        assert_eq!(fold("a -- b"), "a b");
    }

    #[test]
    fn non_latin_scripts_are_kept_consistently() {
        assert_eq!(fold("平壤"), "平壤");
        assert!(!fold("평양").is_empty());
        assert_eq!(fold("평양"), fold("평양"));
        // Full-width forms fold to their ordinary forms.
        assert_eq!(fold("ＡＢＣ"), "abc");
    }

    #[test]
    fn other_letters() {
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("Ærøskøbing"), "aeroskobing");
        assert_eq!(fold("Œuvre"), "oeuvre");
        assert_eq!(fold("Kırıkkale"), "kirikkale");
        assert_eq!(fold(""), "");
        assert_eq!(fold("  -- "), "");
    }
}
