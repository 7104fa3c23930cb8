//! Person names: which tokens belong to a person's name ("President
//! Trump", "Sarah Huckabee Sanders", "Kim Jong Un", "said Kang"), so the
//! places inside them are not read as places.

use super::lists::{FastMap, FastSet};
use super::recognise::{
    continues, fold_fast, Lower, COMMON, GIVEN, MAJOR_CITY_POPULATION, SURNAME, TITLE,
};
use super::tokens::{Sep, Token};
use crate::gazetteer::{Gazetteer, PlaceKind};
use std::borrow::Cow;

/// Marks tokens that belong to person names: after a title ("President
/// Trump"), from a given name on ("Sarah Huckabee Sanders"), an East Asian
/// family name with one to three syllables ("Kim Jong Un", "Ri Sol-ju");
/// then every other capitalised occurrence of a word so marked ("Kim",
/// "Trump", "Sanders") unless it starts a longer place name.
pub(super) fn person_tokens(
    g: &Gazetteer,
    text: &str,
    toks: &[Token],
    lw: &Lower,
    major: &mut FastMap<String, bool>,
) -> Vec<bool> {
    let n = toks.len();
    let mut person = vec![false; n];
    let word = |k: usize| lw.word(&toks[k]);
    // A name runs on across ". " only after an initial or a short
    // abbreviation ("George W. Bush", "Sen. Byrd"), not across a sentence
    // end ("Governor Resigns. Murmansk Governor …").
    let same_name = |k: usize| {
        k < n
            && toks[k].cap
            && match toks[k].sep {
                Sep::Space | Sep::Hyphen => true,
                Sep::Period => k > 0 && toks[k - 1].span.len() <= 4,
                _ => false,
            }
            && !lw.is(k, COMMON)
    };
    // A run that is a place's whole name is no person: "Prince Edward
    // Island", "General Santos", "George Town".
    let named_place = |a: usize, e: usize| is_place_name(g, text, toks, a, e);
    let mut k = 0;
    while k < n {
        if !toks[k].cap {
            k += 1;
            continue;
        }
        // "General Secretary To Lam", "President Le Duan": a family name
        // that is also a short English word, then one more name word and
        // no third ("President To Visit Hanoi" is a headline).
        let short_family =
            |j: usize| j < n && toks[j].cap && toks[j].sep == Sep::Space && toks[j].span.len() <= 2;
        if lw.is(k, TITLE)
            && short_family(k + 1)
            && lw.is(k + 1, COMMON)
            && same_name(k + 2)
            && !same_name(k + 3)
        {
            person[k + 1..=k + 2].iter_mut().for_each(|p| *p = true);
            k += 3;
            continue;
        }
        if lw.is(k, TITLE) && same_name(k + 1) && !lw.is(k + 1, TITLE) {
            let mut e = k + 1;
            while same_name(e + 1) {
                e += 1;
            }
            if !named_place(k, e) {
                person[k + 1..=e].iter_mut().for_each(|p| *p = true);
            }
            k = e + 1;
            continue;
        }
        if lw.is(k, GIVEN) && same_name(k + 1) {
            let mut e = k + 1;
            while same_name(e + 1) && e < k + 3 {
                e += 1;
            }
            if !named_place(k, e) {
                person[k..=e].iter_mut().for_each(|p| *p = true);
            }
            k = e + 1;
            continue;
        }
        if lw.is(k, SURNAME)
            && k + 1 < n
            && toks[k + 1].sep != Sep::Apostrophe
            && (same_name(k + 1) || (toks[k + 1].sep == Sep::Hyphen))
        {
            let mut e = k + 1;
            while e + 1 < n && e < k + 3 && (same_name(e + 1) || toks[e + 1].sep == Sep::Hyphen) {
                e += 1;
            }
            let syllables_short = (k + 1..=e).all(|s| toks[s].span.len() <= 8);
            if syllables_short && !named_place(k, e) {
                person[k..=e].iter_mut().for_each(|p| *p = true);
                k = e + 1;
                continue;
            }
        }
        k += 1;
    }
    // A lone name that says or is said: "said Kang", "Kang told",
    // "according to Yap,".
    for k in 0..n {
        if !toks[k].cap {
            continue;
        }
        // "according to Yap, …" (not "according to Rochester police").
        let according = k > 1
            && &*word(k - 1) == "to"
            && &*word(k - 2) == "according"
            && text[toks[k].span.end..].starts_with(',');
        let before =
            k > 0 && matches!(&*word(k - 1), "said" | "says" | "told" | "asked") || according;
        let after = k + 1 < n
            && toks[k + 1].sep == Sep::Space
            && matches!(&*word(k + 1), "said" | "says" | "told" | "asked" | "added");
        // Not lone after a capitalised word, nor as the end of a place name
        // with a particle ("Dar es Salaam said"; "Wasdi bin Umri told" is a
        // person).
        let particle_place = || {
            k >= 2
                && toks[k - 2].cap
                && !toks[k - 1].cap
                && continues(text, toks, k - 1)
                && is_place_name(g, text, toks, k - 2, k)
        };
        let lone = || {
            !(same_name(k + 1)
                || k > 0 && toks[k - 1].cap && toks[k].sep == Sep::Space
                || particle_place())
        };
        if (before && toks[k].sep == Sep::Space || after)
            && lone()
            && !major_place_memo(g, &word(k), major)
        {
            person[k] = true;
        }
    }
    // Later mentions by one part of the name ("Kim", "Trump"), except as
    // the last word of a two-word country, capital or city of a million
    // ("Mrs Kong" does not make "Hong Kong" a person). Two-letter parts
    // count only as listed family names ("Xi" after "Xi Jinping").
    let names: FastSet<Cow<str>> = (0..n)
        .filter(|&k| person[k] && (toks[k].span.len() > 2 || lw.is(k, SURNAME)))
        .map(word)
        .collect();
    let in_major_name = |k: usize, major: &mut FastMap<String, bool>| {
        k > 0
            && same_name(k)
            && toks[k - 1].cap
            && !person[k - 1]
            && major_place_memo(
                g,
                &fold_fast(&text[toks[k - 1].span.start..toks[k].span.end]),
                major,
            )
    };
    let later: Vec<usize> = (0..n)
        .filter(|&k| {
            toks[k].cap
                && !person[k]
                && names.contains(&word(k))
                && !same_name(k + 1)
                && !in_major_name(k, major)
        })
        .collect();
    for k in later {
        person[k] = true;
    }
    person
}

/// Are tokens `a..=e` together a name in the gazetteer (an index look-up,
/// no candidates built)?
fn is_place_name(g: &Gazetteer, text: &str, toks: &[Token], a: usize, e: usize) -> bool {
    g.is_name(&fold_fast(&text[toks[a].span.start..toks[e].span.end]))
}

/// [`major_place`] of a lowercase word, memoised (a full ranking of
/// candidates is costly, and "said Smith" is frequent).
fn major_place_memo(g: &Gazetteer, lower: &str, memo: &mut FastMap<String, bool>) -> bool {
    if let Some(&known) = memo.get(lower) {
        return known;
    }
    let major = major_place(g, lower);
    memo.insert(lower.to_string(), major);
    major
}

/// A country, capital or city of a million: names that news uses for their
/// governments ("Pyongyang said"), so a verb of saying does not make them
/// persons. `lower` is the name lowercased.
fn major_place(g: &Gazetteer, lower: &str) -> bool {
    g.candidates(lower, &crate::gazetteer::Context::default())
        .first()
        .is_some_and(|c| {
            let p = g.place(c.id);
            p.kind() == PlaceKind::Country
                || p.feature_code() == "PPLC"
                || p.population() >= MAJOR_CITY_POPULATION
        })
}
