//! Who travels: person names in a sentence, and the traveller of a figure
//! (the nearest person named before it, or a pronoun standing for the last
//! person named in the document). A heuristic without a gazetteer: see the
//! rules on [`persons`].

use super::figure::Figure;
use super::tokens::{Kind, Tok};

/// "Kim's" → ("Kim", true); "Kim" → ("Kim", false).
pub(crate) fn strip_possessive(w: &str) -> (&str, bool) {
    for suffix in ["'s", "’s", "'", "’"] {
        if let Some(base) = w.strip_suffix(suffix) {
            return (base, true);
        }
    }
    (w, false)
}

const PRONOUNS: &[&str] = &["he", "she", "his", "her", "him", "they", "their", "them"];
/// Capitalised words that start sentences but are not names.
const NOT_NAMES: &[&str] = &[
    "he",
    "she",
    "his",
    "her",
    "him",
    "they",
    "their",
    "them",
    "it",
    "its",
    "we",
    "i",
    "you",
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "when",
    "but",
    "and",
    "although",
    "after",
    "before",
    "just",
    "if",
    "as",
    "in",
    "on",
    "at",
    "during",
    "from",
    "since",
    "while",
    "upon",
    "there",
    "here",
    "then",
    "so",
    "yet",
    "even",
    "however",
    "according",
    "meanwhile",
];
const TITLES: &[&str] = &[
    "president",
    "leader",
    "chairman",
    "mr",
    "mrs",
    "ms",
    "dr",
    "minister",
    "king",
    "queen",
    "pope",
    "prince",
    "princess",
    "dictator",
    "premier",
    "chancellor",
];
const VERBS: &[&str] = &[
    "made", "took", "left", "set", "went", "came", "rode", "drove", "flew", "is", "was", "has",
    "had", "will", "would", "could", "can", "may", "might", "spent", "met", "got", "sat", "began",
    "ran", "gave", "saw", "told", "said", "leaves", "arrives", "travels", "enjoys", "makes",
    "takes", "heads", "rides", "crosses", "reaches", "flies", "drives", "goes",
];
const TRAVEL_NOUNS: &[&str] = &[
    "train",
    "car",
    "limousine",
    "limo",
    "motorcade",
    "journey",
    "trip",
    "flight",
    "plane",
    "voyage",
    "convoy",
    "jet",
    "entourage",
    "vehicle",
];

/// Person names mentioned in a sentence, in order, as (token index, name).
/// A person is a capitalised run of words that is followed by a verb
/// (from a short list, or a word ending in -ed or -ing), or written in
/// the possessive before a travel noun ("Kim's train"), or after a title
/// ("President Donald Trump").
pub(crate) fn persons(t: &[Tok]) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < t.len() {
        if !t[k].is_capitalised() {
            k += 1;
            continue;
        }
        let start = k;
        let mut parts: Vec<String> = Vec::new();
        let mut possessive = false;
        while k < t.len() {
            let x = &t[k];
            if x.is_capitalised() && (parts.is_empty() || !x.glued) {
                let (base, poss) = strip_possessive(x.text);
                parts.push(base.to_string());
                k += 1;
                if poss {
                    possessive = true;
                    break;
                }
            } else if x.is_punct('-') && x.glued && !parts.is_empty() {
                // "Kim Jong-un"
                match t.get(k + 1).filter(|n| n.kind == Kind::Word && n.glued) {
                    Some(n) => {
                        let (base, poss) = strip_possessive(n.text);
                        if let Some(last) = parts.last_mut() {
                            last.push('-');
                            last.push_str(base);
                        }
                        k += 2;
                        if poss {
                            possessive = true;
                            break;
                        }
                    }
                    None => break,
                }
            } else {
                break;
            }
        }
        let lead = parts
            .iter()
            .take_while(|p| {
                let w = p.to_lowercase();
                NOT_NAMES.contains(&w.as_str()) || crate::text::WEEKDAYS.contains(&w.as_str())
            })
            .count();
        let name = parts[lead..].join(" ");
        if name.is_empty() {
            k = k.max(start + 1);
            continue;
        }
        let next = t.get(k).map(|x| x.lower()).unwrap_or_default();
        let prev = start
            .checked_sub(1)
            .map(|p| t[p].lower())
            .unwrap_or_default();
        let verb_next = t
            .get(k)
            .is_some_and(|x| x.kind == Kind::Word && !x.is_capitalised())
            && (VERBS.contains(&next.as_str()) || next.ends_with("ed") || next.ends_with("ing"));
        // A name after "from", "to", "in"… ("across the Atlantic") is a
        // place, not a traveller.
        let is_preposition = |w: &str| {
            matches!(
                w,
                "from"
                    | "to"
                    | "in"
                    | "into"
                    | "at"
                    | "near"
                    | "through"
                    | "via"
                    | "across"
                    | "towards"
                    | "over"
            )
        };
        let prev2 = start
            .checked_sub(2)
            .map(|p| t[p].lower())
            .unwrap_or_default();
        let after_preposition = is_preposition(&prev) || (prev == "the" && is_preposition(&prev2));
        let person = !after_preposition
            && ((possessive && TRAVEL_NOUNS.contains(&next.as_str()))
                || (!possessive && verb_next)
                || TITLES.contains(&prev.as_str()));
        let first_word = name.split(' ').next().unwrap_or("").to_lowercase();
        if person && !TITLES.contains(&first_word.as_str()) {
            out.push((start, name));
        } else if person {
            // "President Donald Trump": drop the title; "the Pope" stays.
            let rest = name
                .split_once(' ')
                .map_or(name.clone(), |(_, r)| r.to_string());
            out.push((start, rest));
        }
        k = k.max(start + 1);
    }
    out
}

/// The traveller of the figure: the nearest person named or pronoun before
/// it in the sentence (a pronoun stands for `last_person`, the last person
/// named before it in the document), else the first person after it.
pub(crate) fn traveller(
    t: &[Tok],
    f: &Figure,
    people: &[(usize, String)],
    last_person: Option<&str>,
) -> Option<String> {
    let mut best: Option<String> = None;
    let mut last = last_person.map(str::to_string);
    for (k, x) in t.iter().enumerate().take(f.first) {
        if let Some((_, name)) = people.iter().find(|(p, _)| *p == k) {
            last = Some(name.clone());
            best = Some(name.clone());
        } else if PRONOUNS.contains(&x.lower().as_str()) {
            best = last.clone().or(best);
        }
    }
    best.or_else(|| {
        people
            .iter()
            .find(|(p, _)| *p >= f.end)
            .map(|(_, n)| n.clone())
    })
}
