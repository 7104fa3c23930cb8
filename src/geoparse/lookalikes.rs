//! Look-alikes: names the gazetteer holds that are not places where they
//! stand: ordinary words, institutions named by their building, parts of
//! person and organisation names ("Air China", "Chosun Ilbo"), and names
//! doubted for standing next to another name ("Jane Campbell").

use super::lists::{FastSet, Lists};
use super::recognise::{fold_fast, Lower, COMMON, MODIFIER, ORG_AFTER, ORG_BEFORE, TITLE};
use super::tokens::{Sep, Token};
use crate::gazetteer::{Gazetteer, PlaceKind};

pub(super) enum Reject {
    /// An ordinary word: not reported at all.
    Drop,
    /// Part of a name: reported as rejected, with the reason.
    Because(&'static str),
}

#[allow(clippy::too_many_arguments)]
pub(super) fn reject(
    g: &Gazetteer,
    text: &str,
    toks: &[Token],
    lw: &Lower,
    i: usize,
    end: usize,
    person: &[bool],
    lower_words: &FastSet<&str>,
    l: &Lists,
) -> Option<Reject> {
    let word = |k: usize| lw.word(&toks[k]);
    if i == end && !toks[i].all_caps {
        let w = word(i);
        if lw.is(i, COMMON | TITLE) || lower_words.contains(&*w) {
            return Some(Reject::Drop);
        }
    }
    if l.institutions
        .contains(fold_fast(&text[toks[i].span.start..toks[end].span.end]).as_str())
    {
        return Some(Reject::Because(
            "an institution named by its building (metonym)",
        ));
    }
    if (i..=end).any(|k| person[k]) {
        return Some(Reject::Because("part of a person's name"));
    }
    if in_particle_name(g, text, toks, i, end) {
        return Some(Reject::Because(
            "part of a longer name joined by a particle (\"Palas de Rei\", \"Gare de Lyon\")",
        ));
    }
    if feature_generic(toks, lw, i, end) {
        return Some(Reject::Because(
            "the generic word of a physical feature's name (\"Danube Delta\")",
        ));
    }
    if sea_word_follows(g, text, toks, end) {
        return Some(Reject::Because(
            "part of a sea's or ocean's name (\"Bohol Sea\")",
        ));
    }
    // An organisation word anywhere in the capitalised run before the name:
    // "Air China", "Radio Free Asia".
    let mut a = i;
    while a > 0 && toks[a].sep == Sep::Space && toks[a - 1].cap {
        a -= 1;
        if lw.is(a, ORG_BEFORE) {
            return Some(Reject::Because("part of an organisation's name"));
        }
    }
    if org_follows(text, toks, lw, end) == Some(false) {
        return Some(Reject::Because("part of an organisation's name"));
    }
    if i == end && toks[i].all_caps && lw.is(i, COMMON) && word(i) != "us" {
        return Some(Reject::Drop);
    }
    None
}

/// Particles that join the words of one name in the languages English news
/// quotes names from ("Palas de Rei", "Gare de Lyon", "Vasco da Gama").
const NAME_PARTICLES: &[&str] = &[
    "de", "del", "della", "di", "du", "des", "do", "da", "dos", "das", "der", "den", "van", "von",
    "op",
];

/// Is the match `i..=end` one part of a longer capitalised name joined by
/// a particle, a name the gazetteer does not hold as a whole (a whole name
/// it holds, "Santiago de Compostela", is matched before this is asked)?
/// The part after the particle stays a place when it is a country, a
/// first-level region or a city of 100,000 people: names are made after
/// such places ("Tour de France", "Gare de Lyon").
fn in_particle_name(g: &Gazetteer, text: &str, toks: &[Token], i: usize, end: usize) -> bool {
    let particle = |k: usize| {
        toks.get(k).is_some_and(|t| {
            t.sep == Sep::Space && !t.cap && NAME_PARTICLES.contains(&&text[t.span.clone()])
        })
    };
    let name_word = |k: usize| toks.get(k).is_some_and(|t| t.cap && t.sep == Sep::Space);
    let named_after = || {
        let name = &text[toks[i].span.start..toks[end].span.end];
        g.lookup(name).iter().any(|&id| {
            let p = g.place(id);
            matches!(p.kind(), PlaceKind::Country | PlaceKind::Admin1)
                || p.population() >= NAMESAKE_POPULATION
        })
    };
    (particle(end + 1) && name_word(end + 2))
        || (i >= 2
            && particle(i - 1)
            && toks[i - 2].cap
            && toks[i].sep == Sep::Space
            && !named_after())
}

/// How many people a city needs for names to be made after it.
const NAMESAKE_POPULATION: u64 = 100_000;

/// The capitalised words after token `end` (after an optional possessive
/// `'s`) include an organisation word: "Chosun Ilbo" (`Some(false)`),
/// "Stanford's Asia-Pacific Research Center" (`Some(true)`: possessive,
/// which only doubts the name — "Hanoi's Melia Hotel" is in Hanoi).
pub(super) fn org_follows(text: &str, toks: &[Token], lw: &Lower, end: usize) -> Option<bool> {
    let mut k = end + 1;
    let possessive =
        k < toks.len() && toks[k].sep == Sep::Apostrophe && &text[toks[k].span.clone()] == "s";
    if possessive {
        k += 1;
        if k < toks.len() && toks[k].sep != Sep::Space {
            return None;
        }
    } else if k < toks.len() && !matches!(toks[k].sep, Sep::Space | Sep::Hyphen) {
        return None;
    }
    let start = k;
    while k < toks.len()
        && (k == start || matches!(toks[k].sep, Sep::Space | Sep::Hyphen))
        && toks[k].cap
    {
        if lw.is(k, ORG_AFTER) {
            return Some(possessive);
        }
        k += 1;
    }
    None
}

/// A one-word match right after a capitalised word that is not a
/// place-ish modifier, or right before one that is not a place head word:
/// "Jane Campbell", "Franklin Roosevelt". Common words (In, The, County,
/// Station) and demonyms do not count.
pub(super) fn next_to_name(toks: &[Token], lw: &Lower, i: usize) -> bool {
    let name_word = |k: usize| {
        let t = &toks[k];
        if !(t.cap && !t.all_caps && t.span.len() > 1) {
            return false;
        }
        !lw.is(k, COMMON | TITLE | MODIFIER)
    };
    let before = i > 0 && toks[i].sep == Sep::Space && name_word(i - 1);
    let after = i + 1 < toks.len() && toks[i + 1].sep == Sep::Space && name_word(i + 1);
    before || after
}

/// Words that modify a place name without making it another name.
pub(super) const MODIFIERS: &[&str] = &[
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "greater",
    "downtown",
    "metro",
    "upper",
    "lower",
    "inner",
    "outer",
    "old",
    "coastal",
    "rural",
    "suburban",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "mainland",
    "native",
    "neighboring",
    "neighbouring",
    "nearby",
    "across",
    "from",
    "to",
    "in",
    "at",
    "near",
    "via",
    "outside",
    "inside",
    "through",
    "between",
    "and",
    "or",
    "visit",
    "visiting",
    "welcome",
];

/// A run of three or more capitalised words in which the place name is a
/// small part and which is not headed by a place word: "Frankfurter
/// Allgemeine Sonntagszeitung", "Radio Free Asia".
pub(super) fn inside_longer_name(toks: &[Token], lw: &Lower, i: usize, end: usize) -> bool {
    let is_name_word = |k: usize| toks[k].cap && !lw.is(k, TITLE);
    let mut a = i;
    while a > 0 && toks[a].sep == Sep::Space && is_name_word(a - 1) && !toks[a - 1].sentence_start {
        a -= 1;
    }
    let mut b = end;
    while b + 1 < toks.len() && toks[b + 1].sep == Sep::Space && is_name_word(b + 1) {
        b += 1;
    }
    let len = b - a + 1;
    let own = end - i + 1;
    len >= 3 && own * 3 <= len
}

/// Words that end the names of physical features: a region named by one
/// of them alone (Nigeria's Delta State, Benin's Plateau, Zimbabwe's
/// Midlands) is not what "Danube Delta", "Central Plateau" or "West
/// Midlands" mean.
const FEATURE_GENERICS: &[&str] = &[
    "delta",
    "plateau",
    "valley",
    "basin",
    "highlands",
    "lowlands",
    "midlands",
    "desert",
];

/// A one-word match that is a feature generic right after another
/// capitalised word of the same name ("Danube Delta").
fn feature_generic(toks: &[Token], lw: &Lower, i: usize, end: usize) -> bool {
    i == end
        && i > 0
        && toks[i].sep == Sep::Space
        && toks[i - 1].cap
        && !toks[i].sentence_start
        && FEATURE_GENERICS.contains(&&*lw.word(&toks[i]))
}

/// Is the match ending at token `end` the first part of an unlisted sea or
/// ocean's name, a capitalised "Sea" or "Ocean" right after it ("Bohol Sea",
/// "Southern Ocean")? Not when "Sea"/"Ocean" starts a place name of its own
/// with the next word ("Ocean City", "Sea Girt").
fn sea_word_follows(g: &Gazetteer, text: &str, toks: &[Token], end: usize) -> bool {
    let word = |k: usize| &text[toks[k].span.clone()];
    let k = end + 1;
    if k >= toks.len() || toks[k].sep != Sep::Space || !matches!(word(k), "Sea" | "Ocean") {
        return false;
    }
    let own_name = k + 1 < toks.len()
        && toks[k + 1].sep == Sep::Space
        && toks[k + 1].cap
        && !g.lookup(&format!("{} {}", word(k), word(k + 1))).is_empty();
    !own_name
}
