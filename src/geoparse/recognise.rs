//! Recognition: which spans of a text name places. Longest match over the
//! gazetteer's name index on token boundaries, then filters for person
//! names, organisations and ordinary words.

use super::lists::{lists, FastMap, FastSet, Lists};
use super::lookalikes::{inside_longer_name, next_to_name, org_follows, reject, Reject, MODIFIERS};
use super::persons::person_tokens;
use super::tokens::{tokenize, Sep, Token};
use crate::gazetteer::{fold, CursorMark, Gazetteer, NameCursor, PlaceKind};
use std::borrow::Cow;
use std::ops::Range;

/// [`fold`] with a fast path for ASCII text (nearly all of English news),
/// giving the same result: lowercase, `'` and `.` dropped, any other run of
/// non-alphanumerics one space, trimmed.
pub(super) fn fold_fast(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// [`fold_fast`] into a reused buffer (its old contents are replaced).
fn fold_into(s: &str, out: &mut String) {
    out.clear();
    if !s.is_ascii() {
        out.push_str(&fold(s));
        return;
    }
    let mut pending_space = false;
    for b in s.bytes() {
        if b == b'\'' || b == b'.' || b == b'`' {
            continue;
        }
        if b.is_ascii_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(char::from(b.to_ascii_lowercase()));
        } else {
            pending_space = true;
        }
    }
}

/// Lowercase forms of words: ASCII words are slices of a lowercased copy
/// of the text (ASCII case mapping keeps every offset), others are
/// lowercased one by one, so no word allocates in English text. Also
/// which word lists each capitalised token's lowercase form is in (one
/// look-up per token instead of one per list and question).
pub(super) struct Lower<'t> {
    text: &'t str,
    lower: String,
    /// [`WordFlags`] bits by token (0 for tokens that are not capitalised).
    flags: Vec<u8>,
}

/// Bits of [`word_flags`]: the lists a lowercase word is in.
pub(super) const COMMON: u8 = 1;
pub(super) const TITLE: u8 = 2;
pub(super) const GIVEN: u8 = 4;
pub(super) const SURNAME: u8 = 8;
pub(super) const ORG_BEFORE: u8 = 16;
pub(super) const ORG_AFTER: u8 = 32;
pub(super) const MODIFIER: u8 = 64;

type WordFlags = FastMap<&'static str, u8>;

/// The word lists as one map: word → list bits.
fn word_flags() -> &'static WordFlags {
    static F: std::sync::OnceLock<WordFlags> = std::sync::OnceLock::new();
    F.get_or_init(|| {
        let l = lists();
        let mut f = WordFlags::default();
        let sets = [
            (&l.common, COMMON),
            (&l.titles, TITLE),
            (&l.given, GIVEN),
            (&l.surnames, SURNAME),
            (&l.org_before, ORG_BEFORE),
            (&l.org_after, ORG_AFTER),
        ];
        for (set, bit) in sets {
            for w in set {
                *f.entry(*w).or_default() |= bit;
            }
        }
        for w in MODIFIERS {
            *f.entry(*w).or_default() |= MODIFIER;
        }
        f
    })
}

impl<'t> Lower<'t> {
    pub(super) fn new(text: &'t str, toks: &[Token]) -> Lower<'t> {
        let mut lw = Lower {
            text,
            lower: text.to_ascii_lowercase(),
            flags: Vec::new(),
        };
        let f = word_flags();
        lw.flags = toks
            .iter()
            .map(|t| {
                if t.cap {
                    f.get(&*lw.word(t)).copied().unwrap_or(0)
                } else {
                    0
                }
            })
            .collect();
        lw
    }

    /// Is capitalised token `k`'s lowercase form in the list `flag`?
    pub(super) fn is(&self, k: usize, flag: u8) -> bool {
        self.flags.get(k).is_some_and(|f| f & flag != 0)
    }

    /// The token's word, lowercase.
    pub(super) fn word(&self, t: &Token) -> Cow<'_, str> {
        if t.ascii {
            Cow::Borrowed(&self.lower[t.span.clone()])
        } else {
            Cow::Owned(self.text[t.span.clone()].to_lowercase())
        }
    }

    /// `text[span].to_lowercase()`.
    pub(super) fn of(&self, span: Range<usize>) -> Cow<'_, str> {
        let raw = &self.text[span.clone()];
        if raw.is_ascii() {
            Cow::Borrowed(&self.lower[span])
        } else {
            Cow::Owned(raw.to_lowercase())
        }
    }
}

/// Scratch space reused across the scan: the folded key being looked up,
/// the name index walked down to it, and the memos.
struct Scratch<'g, 'm> {
    key: String,
    region: RegionScratch,
    cursor: NameCursor<'g>,
    memo: &'m mut Memo,
}

/// Buffers for [`region`], per document.
#[derive(Default)]
struct RegionScratch {
    key: String,
    /// Whether the article writes "the X" for a bare "X" ([`the_form_elsewhere`]).
    the_forms: FastMap<String, bool>,
}

/// What the name index says about a one-word key.
#[derive(Clone, Copy)]
struct FirstWord {
    /// [`Gazetteer::is_prefix`].
    prefix: bool,
    /// Some name equals it.
    exact: bool,
    /// Where its walk ended, to extend it by the next words.
    mark: CursorMark,
    /// Some demonym is this word or starts with it.
    demonym_prefix: bool,
}

/// Look-ups memoised across documents on this thread (news vocabulary
/// repeats), for one gazetteer; dropped when they grow past a bound.
#[derive(Default)]
struct Memo {
    gazetteer: usize,
    /// By folded one-word key.
    first_words: FastMap<String, FirstWord>,
    /// [`major_place`] by lowercase word.
    major: FastMap<String, bool>,
}

/// Entries kept before the memo is cleared (a few MB).
const MEMO_MAX: usize = 200_000;

thread_local! {
    static MEMO: std::cell::RefCell<Memo> = std::cell::RefCell::new(Memo::default());
}

/// Longest place name tried, in tokens.
const MAX_NAME_TOKENS: usize = 8;

/// A recognised span.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub span: Range<usize>,
    pub what: What,
    /// First token of its sentence: weaker evidence of a proper name.
    pub sentence_start: bool,
    /// Context that makes a small place unlikely, with the reason:
    /// followed by a facility word ("the Melia hotel") or next to another
    /// capitalised name word ("Jane Campbell"). Large places survive it
    /// ("the Melia Hanoi hotel").
    pub doubt: Option<&'static str>,
}

/// Words after a name that make it a disease's name ("Marburg virus",
/// "West Nile fever"), in either case.
const DISEASE: &[&str] = &[
    "virus", "Virus", "fever", "Fever", "flu", "Flu", "disease", "Disease",
];

/// Lowercase words after a name that make it a person's ("the Obama
/// administration", "the Bush era", "the Clinton campaign").
const PERSON_NEXT: &[&str] = &["administration", "presidency", "era", "campaign"];

/// Lowercase words after a name that make it a facility's name.
const FACILITY: &[&str] = &[
    "hotel",
    "restaurant",
    "resort",
    "mall",
    "cafe",
    "bar",
    "stadium",
    "building",
    "tower",
    "store",
    "shop",
];

/// What a span was recognised as.
#[derive(Debug, Clone, PartialEq)]
pub enum What {
    /// A gazetteer name; `query` is what to look up.
    Place { query: String },
    /// A demonym or adjective of this country (ISO2).
    Demonym { iso2: String },
    /// A place given by its gazetteer id (a state abbreviation, "Tenn.").
    Fixed { id: &'static str },
    /// A continent, ocean, sea or region from `data/geoparse/regions.tsv`
    /// or `composite_points.tsv` (index into `Lists::regions`).
    Region { index: usize },
    /// A gazetteer name that is not a place here, and why.
    Rejected { reason: &'static str },
}

/// Finds place names and demonyms in `text`.
pub fn recognise(g: &Gazetteer, text: &str) -> Vec<Found> {
    let toks = tokenize(text);
    let lw = Lower::new(text, &toks);
    let l = lists();
    // Words also written in lowercase ("a lowercase common word is not a
    // place"). Only the lowercase forms of capitalised words are ever
    // asked about, so only those are kept: a smaller set, built by
    // look-ups rather than inserts.
    let asked: FastSet<Cow<str>> = toks
        .iter()
        .filter(|t| t.cap && !t.all_caps)
        .map(|t| lw.word(t))
        .collect();
    let lower_words: FastSet<&str> = toks
        .iter()
        .filter(|t| !t.cap)
        .map(|t| &text[t.span.clone()])
        .filter(|w| asked.contains(*w))
        .collect();
    MEMO.with(|m| {
        let mut m = m.borrow_mut();
        let me = g as *const Gazetteer as usize;
        if m.gazetteer != me || m.first_words.len() + m.major.len() > MEMO_MAX {
            *m = Memo {
                gazetteer: me,
                ..Memo::default()
            };
        }
        let person = person_tokens(g, text, &toks, &lw, &mut m.major);
        let mut scratch = Scratch {
            key: String::new(),
            region: RegionScratch::default(),
            cursor: g.name_cursor(),
            memo: &mut m,
        };
        scan(g, text, &toks, &lw, &person, &lower_words, l, &mut scratch)
    })
}

/// The longest-match scan over the tokens.
#[allow(clippy::too_many_arguments)]
fn scan<'g>(
    g: &'g Gazetteer,
    text: &str,
    toks: &[Token],
    lw: &Lower,
    person: &[bool],
    lower_words: &FastSet<&str>,
    l: &Lists,
    scratch: &mut Scratch<'g, '_>,
) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if !t.cap && t.sep != Sep::Apostrophe {
            // "sub-Saharan Africa": a region name written in lowercase.
            let word = &text[t.span.clone()];
            if l.region_lowercase_first_words.iter().any(|w| w == word) {
                if let Some((end, what, span_end)) =
                    region(text, toks, lw, i, l, &mut scratch.region)
                {
                    out.push(Found {
                        span: t.span.start..span_end,
                        what,
                        sentence_start: t.sentence_start,
                        doubt: None,
                    });
                    i = end + 1;
                    continue;
                }
            }
        }
        if !t.cap || toks[i].sep == Sep::Apostrophe {
            i += 1;
            continue;
        }
        if let Some((end, what, span_end)) = region_code(text, toks, i, l)
            .or_else(|| state_abbreviation(text, toks, i, l))
            .or_else(|| abbreviation(g, text, toks, i))
            .or_else(|| {
                // A longer gazetteer name wins ("Atlantic City", "Pacific Grove").
                region(text, toks, lw, i, l, &mut scratch.region).filter(|&(end, _, _)| {
                    let first = first_word(g, text, toks, lw, i, scratch);
                    longest_place(g, text, toks, lw, i, first, scratch).is_none_or(|p| p <= end)
                })
            })
        {
            let what = match reject(g, text, toks, lw, i, end, person, lower_words, l) {
                Some(Reject::Because(reason)) => What::Rejected { reason },
                _ => what,
            };
            out.push(Found {
                span: t.span.start..span_end,
                what,
                sentence_start: t.sentence_start,
                doubt: None,
            });
            i = end + 1;
            continue;
        }
        if t.span.len() == 1 {
            i += 1;
            continue;
        }
        let first = first_word(g, text, toks, lw, i, scratch);
        let place_end = longest_place(g, text, toks, lw, i, first, scratch);
        // Demonyms are looked up only after a word that starts one (for an
        // ASCII word, the first word of every longer key).
        let demonym = if toks[i].ascii && !first.demonym_prefix {
            None
        } else {
            longest_demonym(g, text, toks, lw, i, &mut scratch.key)
        };
        let (end, what) = match (place_end, demonym) {
            (Some(p), Some((d, iso2))) if d >= p && !the_country(g, text, toks, i, d, &iso2) => {
                (d, What::Demonym { iso2 })
            }
            (Some(p), _) => (p, place_what(text, toks, lw, i, p)),
            (None, Some((d, iso2))) => (d, What::Demonym { iso2 }),
            (None, None) => {
                i += 1;
                continue;
            }
        };
        let span = t.span.start..toks[end].span.end;
        let what = match what {
            What::Place { query } => {
                match reject(g, text, toks, lw, i, end, person, lower_words, l) {
                    Some(Reject::Drop) => {
                        i = end + 1;
                        continue;
                    }
                    Some(Reject::Because(reason)) => What::Rejected { reason },
                    None => What::Place { query },
                }
            }
            w => w,
        };
        let facility_next = toks
            .get(end + 1)
            .is_some_and(|n| n.sep == Sep::Space && FACILITY.contains(&&text[n.span.clone()]));
        let disease_next = toks
            .get(end + 1)
            .is_some_and(|n| n.sep == Sep::Space && DISEASE.contains(&&text[n.span.clone()]));
        let person_next = i == end
            && toks.get(end + 1).is_some_and(|n| {
                n.sep == Sep::Space && PERSON_NEXT.contains(&&text[n.span.clone()])
            });
        // "US$5", "HK$1": a currency, not the place.
        if text[span.end..].starts_with('$') {
            out.push(Found {
                span,
                what: What::Rejected {
                    reason: "a currency (\"US$\")",
                },
                sentence_start: t.sentence_start,
                doubt: None,
            });
            i = end + 1;
            continue;
        }
        let doubt = if disease_next {
            Some("names a disease (\"Marburg virus\")")
        } else if org_follows(text, toks, lw, end) == Some(true) {
            Some("owns an organisation's name (\"X's … Center\")")
        } else if facility_next {
            Some("names a facility (\"… hotel\")")
        } else if person_next {
            Some("names a person's administration or campaign (\"the Obama administration\")")
        } else if inside_longer_name(toks, lw, i, end) {
            Some("inside a longer name that is not a place")
        } else if i == end && next_to_name(toks, lw, i) {
            Some("next to another capitalised name word (a person's or organisation's name)")
        } else {
            None
        };
        out.push(Found {
            span,
            what,
            sentence_start: t.sentence_start,
            doubt,
        });
        i = end + 1;
    }
    out
}

/// A dotted abbreviation of a country or region code: "U.S.", "U.K.".
/// Returns its last token, what it is, and its end (after the last dot).
fn abbreviation(
    g: &Gazetteer,
    text: &str,
    toks: &[Token],
    i: usize,
) -> Option<(usize, What, usize)> {
    let single = |k: usize| toks.get(k).is_some_and(|t| t.span.len() == 1 && t.cap);
    if !single(i) || !single(i + 1) || toks[i + 1].sep != Sep::Dot {
        return None;
    }
    let mut end = i + 1;
    while single(end + 1) && toks[end + 1].sep == Sep::Dot {
        end += 1;
    }
    let stop = toks[end].span.end;
    let span_end = if text[stop..].starts_with('.') {
        stop + 1
    } else {
        stop
    };
    let code: String = (i..=end).map(|k| &text[toks[k].span.clone()]).collect();
    if prose_country_code(g, &code) {
        return Some((end, What::Place { query: code }, span_end));
    }
    // Otherwise only a dotted name of a big city ("L.A." is an alternate
    // name of Los Angeles); "L.A." is not Laos's ISO code LA.
    let dotted = &text[toks[i].span.start..span_end];
    let city = g.lookup(dotted).iter().any(|&id| {
        let p = g.place(id);
        p.kind() != PlaceKind::Country && p.population() >= MAJOR_CITY_POPULATION
    });
    city.then(|| {
        (
            end,
            What::Place {
                query: dotted.to_string(),
            },
            span_end,
        )
    })
}

/// Country codes that English prose uses as names ("the US", "U.K.",
/// "the DRC"). Other ISO 3166 codes read in text are ordinary words or
/// abbreviations of something else ("LA", "MAC", "GB", "CAR", "IT"), so a
/// code counts as a country only when it is listed here (and the gazetteer
/// has it as that country's code or alternate name).
const PROSE_COUNTRY_CODES: &[&str] = &[
    "US", "USA", "UK", "UAE", "DRC", "PRC", "DPRK", "ROK", "NZ", "PNG", "KSA", "HK",
];

/// A city this big is a "major place": news names its government by it
/// ("Pyongyang said"), and a dotted abbreviation that is not a prose
/// country code names a city only if it is this big ("L.A.").
pub(super) const MAJOR_CITY_POPULATION: u64 = 1_000_000;

/// Is `code` (undotted, "US") a country code used in prose?
fn prose_country_code(g: &Gazetteer, code: &str) -> bool {
    PROSE_COUNTRY_CODES.contains(&code)
        && g.lookup(code)
            .iter()
            .any(|&id| g.place(id).kind() == PlaceKind::Country)
}

/// A listed all-capital region abbreviation ("NSW") standing as a word.
fn region_code(text: &str, toks: &[Token], i: usize, l: &Lists) -> Option<(usize, What, usize)> {
    let t = &toks[i];
    if !t.all_caps || t.sep == Sep::Hyphen || toks.get(i + 1).is_some_and(|n| n.sep == Sep::Hyphen)
    {
        return None;
    }
    let word = &text[t.span.clone()];
    let &(_, id) = l.region_codes.iter().find(|(a, _)| *a == word)?;
    Some((i, What::Fixed { id }, t.span.end))
}

/// An AP state abbreviation after a comma ("Paris, Tenn.", "Morgantown,
/// W.Va."): only there, since "Pa." or "Miss." alone mean other things.
fn state_abbreviation(
    text: &str,
    toks: &[Token],
    i: usize,
    l: &Lists,
) -> Option<(usize, What, usize)> {
    let start = toks[i].span.start;
    let after_comma = text[..start].trim_end_matches(' ').ends_with(',');
    // Longest listed abbreviation starting here (tokens joined by dots).
    let mut best = None;
    for (end, tok) in toks.iter().enumerate().skip(i).take(3) {
        // "W.Va." or spaced "W. Va.".
        if end > i && !matches!(tok.sep, Sep::Dot | Sep::Period) {
            break;
        }
        let stop = tok.span.end;
        if !text[stop..].starts_with('.') {
            continue;
        }
        let spaced = &text[start..stop + 1];
        let abbr = if spaced.contains(' ') {
            Cow::Owned(spaced.replace(' ', ""))
        } else {
            Cow::Borrowed(spaced)
        };
        // Dotted forms ("S.C.", "W.Va.") are unambiguous anywhere; one-word
        // ones ("Pa.", "Miss.") only after a comma.
        if end == i && !after_comma {
            continue;
        }
        if let Some(&(_, id)) = l.state_abbrevs.iter().find(|(a, _)| *a == abbr.as_ref()) {
            best = Some((end, What::Fixed { id }, stop + 1));
        }
    }
    best
}

/// A continent, ocean or region name starting at token `i` (one to three
/// words, spaced, hyphenated or wrapped onto the next line: "Sub-Saharan
/// Africa", "South-East Asia"),
/// not joined by a hyphen to the word before ("Asia-Pacific"). A name the
/// table writes as "the X" counts only after "the" (see
/// [`Lists::region_article_keys`]).
fn region(
    text: &str,
    toks: &[Token],
    lw: &Lower,
    i: usize,
    l: &Lists,
    scratch: &mut RegionScratch,
) -> Option<(usize, What, usize)> {
    let RegionScratch { key, the_forms } = scratch;
    // An ASCII word folds to its lowercase form, the first word of the key.
    if toks[i].ascii && !l.region_first_words.contains(&*lw.word(&toks[i])) {
        return None;
    }
    let mut best = None;
    start_key(text, toks, lw, i, key);
    for end in i..toks.len().min(i + 3) {
        if end > i {
            if !(matches!(toks[end].sep, Sep::Space | Sep::Hyphen) || wrapped(text, toks, end)) {
                break;
            }
            extend_key(text, toks, lw, i, end, key);
        }
        if let Some(&index) = l.region_keys.get(key.as_str()) {
            if l.region_article_keys.contains(key.as_str())
                && !after_the(text, toks[i].span.start)
                && !the_form_elsewhere(text, toks, i, end, the_forms)
            {
                continue;
            }
            best = Some((end, What::Region { index }, toks[end].span.end));
        }
    }
    // "the Red Sea governorate", "the Red Sea State": the division named
    // after the sea, which the gazetteer holds.
    if let Some((end, What::Region { index }, _)) = best {
        let water = super::is_water_code(l.regions[index].feature_code);
        let division_next = toks.get(end + 1).is_some_and(|n| {
            n.sep == Sep::Space && matches!(&*lw.word(n), "state" | "governorate" | "province")
        });
        if water && division_next {
            return None;
        }
    }
    if toks[i].sep == Sep::Hyphen {
        return best.map(|(end, _, span_end)| {
            let reason = "part of a hyphenated region name (\"Asia-Pacific\")";
            (end, What::Rejected { reason }, span_end)
        });
    }
    best
}

/// Is token `k` on the next line of a wrapped paragraph, after only
/// spaces and one line break ("Eastern⏎Europe")?
fn wrapped(text: &str, toks: &[Token], k: usize) -> bool {
    let between = &text[toks[k - 1].span.end..toks[k].span.start];
    between.chars().all(char::is_whitespace) && between.matches('\n').count() == 1
}

/// One sense per article: a name listed as "the X", written bare (a
/// headline's "Red Sea shipping") where the article also writes "the X",
/// and not starting a longer name ("Sahel Region", "Baltics Inc.").
fn the_form_elsewhere(
    text: &str,
    toks: &[Token],
    i: usize,
    end: usize,
    memo: &mut FastMap<String, bool>,
) -> bool {
    if toks
        .get(end + 1)
        .is_some_and(|n| n.cap && n.sep == Sep::Space)
    {
        return false;
    }
    let bare = &text[toks[i].span.start..toks[end].span.end];
    if let Some(&known) = memo.get(bare) {
        return known;
    }
    let written = text.match_indices(bare).any(|(at, _)| after_the(text, at));
    memo.insert(bare.to_string(), written);
    written
}

/// Does the word "the" (any case) come right before byte `start`?
fn after_the(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches(' ');
    let Some(word_start) = before.len().checked_sub(3) else {
        return false;
    };
    before.is_char_boundary(word_start)
        && before[word_start..].eq_ignore_ascii_case("the")
        && !before[..word_start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
}

/// May token `k` continue a name started before it?
pub(super) fn continues(text: &str, toks: &[Token], k: usize) -> bool {
    let t = &toks[k];
    match t.sep {
        Sep::Space | Sep::Period => {
            t.cap
                || matches!(
                    &text[t.span.clone()],
                    // Particles inside names: "Dar es Salaam", "Bergen op
                    // Zoom", "São Tomé e Príncipe", "Ciudad de los Ángeles",
                    // "Côte d'Ivoire".
                    "of" | "the"
                        | "and"
                        | "upon"
                        | "on"
                        | "de"
                        | "del"
                        | "della"
                        | "di"
                        | "du"
                        | "des"
                        | "la"
                        | "le"
                        | "les"
                        | "los"
                        | "las"
                        | "do"
                        | "da"
                        | "d"
                        | "dos"
                        | "das"
                        | "e"
                        | "y"
                        | "i"
                        | "en"
                        | "sur"
                        | "am"
                        | "an"
                        | "im"
                        | "der"
                        | "den"
                        | "van"
                        | "op"
                        | "aan"
                        | "el"
                        | "al"
                        | "es"
                        | "ash"
                        | "as"
                        | "ad"
                        | "ar"
                        | "bel"
                )
        }
        Sep::Hyphen => true,
        // Transliteration apostrophes (P'yŏngyang) and a possessive `s`
        // inside a longer name ("People's Republic of China"); a name never
        // ends on the possessive (see [`possessive`]).
        Sep::Apostrophe => true,
        Sep::Break | Sep::Dot => false,
    }
}

/// Is token `k` the `s` of a possessive (`Hanoi's`, `HANOI'S`)?
fn possessive(text: &str, toks: &[Token], k: usize) -> bool {
    toks[k].sep == Sep::Apostrophe && matches!(&text[toks[k].span.clone()], "s" | "S")
}

/// The last token of the longest gazetteer name starting at token `i`.
/// `first` is token `i`'s [`first_word`], with the scratch key and cursor
/// left there.
fn longest_place<'g>(
    g: &'g Gazetteer,
    text: &str,
    toks: &[Token],
    lw: &Lower,
    i: usize,
    first: FirstWord,
    scratch: &mut Scratch<'g, '_>,
) -> Option<usize> {
    let mut best = None;
    let short_caps = toks[i].all_caps && toks[i].span.len() <= 4;
    for j in i..toks.len().min(i + MAX_NAME_TOKENS) {
        if j > i && !continues(text, toks, j) {
            break;
        }
        let (prefix, exact) = if j == i {
            (first.prefix, first.exact)
        } else {
            extend_key(text, toks, lw, i, j, &mut scratch.key);
            let key = &scratch.key;
            scratch.cursor.seek(key);
            let prefix = scratch.cursor.is_prefix();
            (prefix, prefix && is_name(g, &scratch.cursor, key))
        };
        if short_caps && j == i {
            continue;
        }
        // Across an apostrophe the next word joins this one without a
        // space ("people" + "s"), so any key starting with it will do.
        let joined_next = toks.get(j + 1).is_some_and(|t| t.sep == Sep::Apostrophe);
        if !(prefix || joined_next && scratch.cursor.starts_some_key()) {
            break;
        }
        // A name must end on a capitalised word ("Isle of Man", not "Man of"),
        // and not on a possessive ("Adam's" is not "Adams").
        if (toks[j].cap || toks[j].sep == Sep::Hyphen) && exact && !possessive(text, toks, j) {
            best = Some(j);
        }
    }
    if best.is_none() && toks[i].all_caps {
        // Codes: only country codes used in prose ("US", "UK", "DPRK").
        if prose_country_code(g, &text[toks[i].span.clone()]) {
            return Some(i);
        }
    }
    best
}

/// Some name equals the folded `key` (where `cursor` is): a folded ASCII
/// key folds to itself, so the cursor answers as `lookup` would; other
/// keys ask `lookup`.
fn is_name(g: &Gazetteer, cursor: &NameCursor, key: &str) -> bool {
    if key.is_ascii() {
        cursor.is_name()
    } else {
        !g.lookup(key).is_empty()
    }
}

/// Looks up the one-word key of token `i` (memoised) and leaves the key
/// and the cursor there.
fn first_word<'g>(
    g: &'g Gazetteer,
    text: &str,
    toks: &[Token],
    lw: &Lower,
    i: usize,
    scratch: &mut Scratch<'g, '_>,
) -> FirstWord {
    let Scratch {
        key, cursor, memo, ..
    } = scratch;
    start_key(text, toks, lw, i, key);
    if let Some(&w) = memo.first_words.get(key.as_str()) {
        cursor.resume(key, w.mark);
        return w;
    }
    cursor.seek(key);
    let prefix = cursor.is_prefix();
    let w = FirstWord {
        prefix,
        exact: prefix && is_name(g, cursor, key),
        mark: cursor.mark(),
        demonym_prefix: g.is_demonym_prefix(key),
    };
    memo.first_words.insert(key.clone(), w);
    w
}

/// Sets `key` to the folded text of token `i`.
fn start_key(text: &str, toks: &[Token], lw: &Lower, i: usize, key: &mut String) {
    if toks[i].ascii {
        // One ASCII word folds to its lowercase form.
        key.clear();
        key.push_str(&lw.word(&toks[i]));
    } else {
        fold_into(&text[toks[i].span.clone()], key);
    }
}

/// Sets `key` to the folded text of tokens `i..=j`, given it holds that
/// of `i..j`: in ASCII text, the separator folds to nothing (`'`, `.`) or
/// one space, and the word to its lowercase form.
fn extend_key(text: &str, toks: &[Token], lw: &Lower, i: usize, j: usize, key: &mut String) {
    let between = &text[toks[j - 1].span.end..toks[j].span.start];
    let word = toks[j].span.clone();
    if text[toks[i].span.start..word.end].is_ascii() {
        if between.bytes().any(|b| !matches!(b, b'\'' | b'.' | b'`')) {
            key.push(' ');
        }
        key.push_str(&lw.word(&toks[j]));
    } else {
        fold_into(&text[toks[i].span.start..toks[j].span.end], key);
    }
}

/// Is the demonym at tokens `i..=end` the country's own name, written as a
/// noun after "the" ("the Vatican reports")?
fn the_country(
    g: &Gazetteer,
    text: &str,
    toks: &[Token],
    i: usize,
    end: usize,
    iso2: &str,
) -> bool {
    after_the(text, toks[i].span.start)
        && g.lookup(&fold(&text[toks[i].span.start..toks[end].span.end]))
            .into_iter()
            .any(|id| {
                let p = g.place(id);
                p.kind() == PlaceKind::Country && p.country() == iso2
            })
}

/// The last token and country of a demonym starting at token `i`.
fn longest_demonym(
    g: &Gazetteer,
    text: &str,
    toks: &[Token],
    lw: &Lower,
    i: usize,
    key: &mut String,
) -> Option<(usize, String)> {
    let mut best = None;
    for j in i..toks.len().min(i + 3) {
        if j > i && !(toks[j].cap && matches!(toks[j].sep, Sep::Space | Sep::Hyphen)) {
            break;
        }
        if j == i {
            start_key(text, toks, lw, i, key);
        } else {
            extend_key(text, toks, lw, i, j, key);
        }
        if let Some(iso2) = g.demonym_folded(key) {
            best = Some((j, iso2.to_string()));
        }
    }
    best
}

fn place_what(text: &str, toks: &[Token], lw: &Lower, i: usize, end: usize) -> What {
    let span = toks[i].span.start..toks[end].span.end;
    let raw = &text[span.clone()];
    let query = if i == end && toks[i].all_caps && raw.len() <= 4 {
        // Keep code shape so "US" finds the country by its code.
        raw.to_string()
    } else {
        lw.of(span).into_owned()
    };
    What::Place { query }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{ids, pairs, resolved, texts};
    use super::*;

    #[test]
    fn fast_fold_agrees() {
        for s in [
            "St. Louis",
            "Hanoi's",
            "  Dong-Dang  ",
            "U.S.",
            "Nanning Station",
            "Đồng Đăng",
            "a--b",
            "X`y",
            "",
        ] {
            assert_eq!(fold_fast(s), fold(s), "{s:?}");
        }
    }

    #[test]
    fn names_people_and_organisations() {
        let g = Gazetteer::bundled();
        let t = "Kim Jong Un met Moon Jae In in Panmunjom. Air China flew to Hanoi, said Sarah Huckabee Sanders of Radio Free Asia.";
        let found = recognise(g, t);
        let places: Vec<&str> = found
            .iter()
            .filter(|f| matches!(f.what, What::Place { .. }))
            .map(|f| &t[f.span.clone()])
            .collect();
        assert_eq!(places, ["Panmunjom", "Hanoi"]);
    }

    #[test]
    fn particles_join_names_across_an_apostrophe() {
        for t in ["They met in Côte d'Ivoire.", "They met in Cote d’Ivoire."] {
            assert_eq!(resolved(t)[0].1, "country:CI", "{t}");
        }
        assert_eq!(resolved("Aid for the Americas.")[0].1, "m49:019");
    }

    #[test]
    fn a_short_family_name_after_a_title_is_a_person() {
        // "To Lam" (Tô Lâm); a third capitalised word makes it a headline.
        let t = "Putin met General Secretary To Lam in Hanoi. Lam said it was historic.";
        assert_eq!(texts(t), ["Hanoi"]);
        assert_eq!(texts("President To Visit Hanoi And Hue"), ["Hanoi", "Hue"]);
        // "Far East" is no Pharr, Texas; the Russian Far East is a region.
        assert_eq!(texts("He flew to the Far East."), Vec::<&str>::new());
        assert_eq!(
            resolved("He toured the Russian Far East.")[0].1,
            "region:russian_far_east"
        );
    }

    #[test]
    fn a_place_named_like_a_person_is_a_place() {
        let t = "Prince Charles visited Prince Edward Island and General Santos.";
        assert_eq!(texts(t), ["Prince Edward Island", "General Santos"]);
        // From a given name on: "Ann Arbor", "George Town" (and still
        // "Sarah Huckabee Sanders" is a person).
        let t = "Sarah Huckabee Sanders flew from Ann Arbor to George Town.";
        assert_eq!(texts(t), ["Ann Arbor", "George Town"]);
    }

    #[test]
    fn the_country_named_by_its_adjective_is_the_country() {
        let t = "The Vatican reports that a Vatican spokesman spoke.";
        let kinds: Vec<_> = crate::geoparse::geoparse_text(Gazetteer::bundled(), 0, t)
            .into_iter()
            .map(|m| (m.text, m.kind))
            .collect();
        use crate::geoparse::MentionKind::{Adjectival, Place};
        assert_eq!(
            kinds,
            [
                ("Vatican".to_string(), Place),
                ("Vatican".to_string(), Adjectival)
            ]
        );
    }

    #[test]
    fn a_name_before_administration_is_a_person() {
        // Obama is also a town in Japan.
        let got = resolved("The Obama administration met officials in Cairo.");
        let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Cairo"]);
    }

    #[test]
    fn a_source_quoted_by_name_is_a_person() {
        // Yap is also a state of Micronesia.
        let got = resolved("According to Yap, test results were negative.");
        assert!(got.is_empty(), "{got:?}");
        // "according to Rochester police": the city.
        let got = resolved("According to Rochester police, two men fled.");
        assert_eq!(got.len(), 1, "{got:?}");
    }

    #[test]
    fn a_short_family_name_alone_is_the_person_named_before() {
        // "Xi" is also an alternate name of Ski, Norway.
        let t = "Xi Jinping flew to Moscow. Xi will then visit Minsk.";
        assert_eq!(texts(t), ["Moscow", "Minsk"]);
    }

    #[test]
    fn a_feature_generic_after_a_name_is_no_region() {
        let t = "Floods in the Danube Delta and the Central Plateau. Oil from Delta State; \
                 Warri, Delta, is a port.";
        assert_eq!(texts(t), ["Delta", "Warri", "Delta"]);
    }

    #[test]
    fn seas_are_water_bodies_and_their_namesakes_stay_put() {
        let t = "Tankers left the Strait of Hormuz for the Gulf of Guinea, not Guinea; \
                 pirates roam the Sulu Sea and the Bohol Sea. The Red Sea governorate \
                 and Red Sea State lie on the Red Sea.";
        let got = resolved(t);
        let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "Strait of Hormuz",
                "Gulf of Guinea",
                "Guinea",
                "Sulu Sea",
                "Red Sea",
                "Red Sea",
                "Red Sea"
            ]
        );
        assert_eq!(got[1].1, "wikipedia:Gulf_of_Guinea");
        assert_eq!(got[2].1, "country:GN");
        assert_eq!(got[4].1, got[5].1);
        assert!(got[4].1.starts_with("admin1:"), "{got:?}");
        assert_eq!(got[6].1, "wikipedia:Red_Sea");
    }

    #[test]
    fn former_country_names_are_their_countries() {
        let t = "The Zaire strain of Ebola; tea from Ceylon.";
        assert_eq!(
            resolved(t),
            pairs(&[("Zaire", "country:CD"), ("Ceylon", "country:LK")])
        );
    }

    #[test]
    fn particles_join_names_but_not_person_names() {
        let t = "Officials in Dar es Salaam said the flights from Bergen op Zoom resumed.";
        assert_eq!(texts(t), ["Dar es Salaam", "Bergen op Zoom"]);
        let t = "District spokesman Wasdi bin Umri told AFP the roads were open.";
        assert_eq!(resolved(t), pairs(&[]));
    }

    #[test]
    fn a_part_of_a_longer_name_joined_by_a_particle_is_no_place() {
        // "Palas de Rei" is not in the gazetteer: neither "Palas" (an old
        // name of Rudozem, Bulgaria) nor "Rei" is the place; a country or
        // big city a name is made after still is.
        let t = "She walked through Melide, Palas de Rei and Arzúa.";
        assert_eq!(texts(t), ["Melide", "Arzúa"]);
        assert_eq!(texts("He watched the Tour de France."), ["France"]);
        // "Camp" (Camp County, Texas) and "Base" are ordinary words.
        assert_eq!(
            texts("She trekked from Kathmandu to Everest Base Camp."),
            ["Kathmandu"]
        );
    }

    #[test]
    fn a_possessive_inside_a_name_is_read_through() {
        let t = "Officials of the People's Republic of China met envoys in Lisbon's old town.";
        assert_eq!(
            resolved(t),
            pairs(&[
                ("People's Republic of China", "country:CN"),
                ("Lisbon", "geonames:2267057"),
            ])
        );
    }

    #[test]
    fn dotted_abbreviations_are_prose_codes_states_or_big_cities() {
        let t = "A trader flew from L.A. to the U.K. and on to Morgantown, W. Va. before the D.E. meeting.";
        let got = resolved(t);
        assert_eq!(texts(t), ["L.A.", "U.K.", "Morgantown", "W. Va."]);
        assert_eq!(got[0].1, "geonames:5368361"); // Los Angeles, not Laos
        assert_eq!(got[1].1, "country:GB");
        assert_eq!(got[3].1, "admin1:US.WV");
    }

    #[test]
    fn iso_codes_not_used_in_prose_are_not_countries() {
        let g = Gazetteer::bundled();
        assert!(prose_country_code(g, "US") && prose_country_code(g, "UK"));
        assert!(!prose_country_code(g, "LA") && !prose_country_code(g, "MAC"));
        let got = resolved("The PA system failed; the US team left.");
        assert_eq!(got, pairs(&[("US", "country:US")]));
    }

    #[test]
    fn oceans_are_regions_but_yield_to_longer_names() {
        let t = "Storms over the Pacific reached Atlantic City, then the Indian Ocean and Asia-Pacific markets.";
        let got = resolved(t);
        assert_eq!(
            texts(t),
            ["Pacific", "Atlantic City", "Indian Ocean", "Asia"]
        );
        assert_eq!(got[0].1, "wikipedia:Pacific_Ocean");
        assert_eq!(got[2].1, "wikipedia:Indian_Ocean");
        let oceans = lists().regions.iter().filter(|r| r.feature_code == "OCN");
        assert_eq!(oceans.count(), 4);
        let got = resolved("Relief flights to Darfur crossed the Middle East.");
        assert_eq!(
            got,
            pairs(&[
                ("Darfur", "region:darfur"),
                ("Middle East", "wikipedia:Middle_East")
            ])
        );
    }

    #[test]
    fn a_small_place_naming_a_disease_is_no_place() {
        assert_eq!(
            texts("Cases of Marburg virus were confirmed in Marburg and in Hong Kong."),
            ["Marburg", "Hong Kong"]
        );
        let m = super::super::geoparse_text(Gazetteer::bundled(), 0, "The Marburg virus.");
        assert!(m
            .iter()
            .all(|m| m.kind == super::super::MentionKind::Rejected));
    }

    #[test]
    fn currencies_and_news_agencies_are_no_places() {
        let got = resolved("Aid of US$5 million reached Chile, Agence France-Presse said.");
        assert_eq!(got, pairs(&[("Chile", "country:CL")]));
    }

    #[test]
    fn a_person_name_stops_at_a_sentence_end() {
        let t = "Mayor Quits. Leeds Mayor John Smith left. Sen. Robert C. Byrd spoke in Leeds.";
        assert_eq!(texts(t), ["Leeds", "Leeds"]);
    }

    #[test]
    fn a_lone_compass_adjective_is_no_region() {
        let got = resolved("Western powers met in Western Europe and the Eastern Cape.");
        assert_eq!(
            got,
            pairs(&[
                ("Western Europe", "m49:155"),
                ("Eastern Cape", "admin1:ZA.05")
            ])
        );
    }

    #[test]
    fn a_composite_region_beats_its_continent_and_a_shorter_name() {
        let t = "Aid went to West Africa, Latin America, South-East Asia, \
                 Sub-Saharan Africa, the Caribbean and Java.";
        assert_eq!(
            resolved(t),
            pairs(&[
                ("West Africa", "m49:011"),
                ("Latin America", "m49:419"),
                ("South-East Asia", "m49:035"),
                ("Sub-Saharan Africa", "m49:202"),
                ("Caribbean", "m49:029"),
                ("Java", "region:java"),
            ])
        );
        // Lowercase "sub-", and a name wrapped onto the next line.
        let t = "Across sub-Saharan Africa and Eastern\nEurope.";
        assert_eq!(
            resolved(t),
            pairs(&[
                ("sub-Saharan Africa", "m49:202"),
                ("Eastern\nEurope", "m49:151")
            ])
        );
    }

    #[test]
    fn a_region_yields_to_longer_names_and_person_names() {
        let t = "Floods hit East Java, South Africa, Western Australia and the \
                 Central African Republic.";
        assert_eq!(
            resolved(t),
            pairs(&[
                ("East Java", "admin1:ID.08"),
                ("South Africa", "country:ZA"),
                ("Western Australia", "admin1:AU.08"),
                ("Central African Republic", "country:CF"),
            ])
        );
        let got = resolved("Mrs Java said the talks would resume.");
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_name_written_the_x_is_the_region_only_after_the() {
        assert_eq!(
            ids("Drought in the Sahel spread to Sahel Region villages."),
            ["region:sahel", "admin1:BF.12"]
        );
        // "Baltics" is listed only as "the Baltics"; "Baltic states" anywhere.
        assert_eq!(
            ids("Troops left the Baltics. Baltic states agreed; Baltics Inc. did not."),
            ["region:baltic_states", "region:baltic_states"]
        );
        // Written bare where the article also writes "the Red Sea".
        assert_eq!(
            ids("Red Sea shipping fell after attacks in the Red Sea."),
            ["wikipedia:Red_Sea", "wikipedia:Red_Sea"]
        );
        let got = resolved("Port Sudan is the capital of Red Sea State.");
        assert!(
            got.iter().all(|(_, id)| id != "wikipedia:Red_Sea"),
            "{got:?}"
        );
    }

    /// A region read in place of a gazetteer name must not hide a country
    /// or first-level region of that name: such names are listed as "the
    /// X" (read as the region only after "the") or not at all.
    #[test]
    fn no_region_shadows_a_country_or_first_level_region() {
        let g = Gazetteer::bundled();
        let l = lists();
        let mut hidden = Vec::new();
        for r in &l.regions {
            for key in r
                .keys
                .iter()
                .filter(|k| !l.region_article_keys.contains(*k))
            {
                let shadowed: Vec<&str> = g
                    .lookup(key)
                    .into_iter()
                    .filter(|&id| {
                        matches!(g.place(id).kind(), PlaceKind::Country | PlaceKind::Admin1)
                    })
                    .map(|id| g.place(id).source_id())
                    // The continent Antarctica is the territory AQ itself.
                    .filter(|&id| !(r.id == "geonames:6255152" && id == "country:AQ"))
                    .collect();
                if !shadowed.is_empty() {
                    hidden.push(format!("{} ({key}) hides {shadowed:?}", r.id));
                }
            }
        }
        assert!(hidden.is_empty(), "{hidden:#?}");
    }

    #[test]
    fn listed_region_abbreviations_are_their_regions() {
        let got = resolved("Floods in NSW closed roads; NSWX is a code.");
        assert_eq!(got, pairs(&[("NSW", "admin1:AU.02")]));
    }

    #[test]
    fn a_surname_does_not_swallow_a_major_place() {
        let t = "Mrs Kong said Hong Kong will test poultry. Later Kong said Hong Kong was safe.";
        let got = resolved(t);
        assert_eq!(
            got,
            pairs(&[("Hong Kong", "country:HK"), ("Hong Kong", "country:HK")])
        );
    }
}
