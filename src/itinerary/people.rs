//! Who travels: person names in the corpus, the short forms and role nouns
//! that refer back to them ("Kim", "the North Korean leader", "he").
//!
//! A person is a run of capitalised words introduced by a title or role
//! noun ("President Donald Trump", "North Korean leader Kim Jong Un",
//! "spokesman Sarah Huckabee Sanders"). Short forms resolve to the most
//! frequent full name that contains them, so "Kim" is Kim Jong Un when the
//! corpus names him most, and "Trump" is Donald Trump.

use super::tokens::Token;
use std::collections::BTreeMap;

/// Role nouns that introduce a person and can later stand for them.
pub const TITLES: &[&str] = &[
    "president",
    "leader",
    "dictator",
    "ruler",
    "chairman",
    "chairwoman",
    "secretary",
    "minister",
    "premier",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "pontiff",
    "monarch",
    "couple",
    "delegation",
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sir",
    "senator",
    "governor",
    "mayor",
    "general",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "sister",
    "brother",
    "wife",
    "husband",
    "son",
    "daughter",
    "uncle",
    "half-brother",
    "diplomat",
    "director",
    "ambassador",
    "envoy",
    "chancellor",
    "emperor",
    "explorer",
    "traveller",
    "traveler",
    "tourist",
    "writer",
    "reporter",
    "correspondent",
    "journalist",
    "founder",
    "actor",
    "singer",
    "captain",
    "pilot",
    "officer",
    "adventurer",
    "mountaineer",
    "climber",
    "hiker",
    "trekker",
    "pilgrim",
    "runner",
    "sailor",
    "rower",
    "swimmer",
    "athlete",
    "cyclist",
    "author",
    "musician",
    "star",
    "champion",
    "coach",
];

/// Capitalised words that never start a person's name.
const NOT_NAME: &[&str] = &[
    "the",
    "a",
    "an",
    "but",
    "and",
    "or",
    "when",
    "after",
    "before",
    "since",
    "while",
    "as",
    "if",
    "in",
    "on",
    "at",
    "for",
    "from",
    "to",
    "with",
    "of",
    "by",
    "he",
    "she",
    "they",
    "it",
    "his",
    "her",
    "their",
    "this",
    "that",
    "these",
    "those",
    "there",
    "then",
    "upon",
    "during",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "president",
    "leader",
    "state",
    "house",
    "air",
    "force",
    "one",
    "secretary",
    "minister",
    "foreign",
    "white",
    "international",
    "north",
    "south",
    "east",
    "west",
    "us",
    "u.s",
    "i",
    "we",
    "you",
    "according",
    "read",
    "more",
    "photo",
    "government",
    "chairman",
    "communist",
    "party",
    "central",
    "committee",
    "security",
    "council",
    "news",
    "agency",
    "media",
    "summit",
    "war",
    "korean",
    "american",
    "chinese",
    "her",
    "after",
    "speaking",
    "protests",
    "officials",
    "police",
    "reuters",
    "associated",
];

#[derive(Debug, Clone, Default)]
pub struct Person {
    /// The full name, e.g. "Kim Jong Un".
    pub name: String,
    /// Lower-case name tokens.
    pub tokens: Vec<String>,
    /// How often this exact form was seen.
    pub count: usize,
    /// Role nouns seen before the name, with counts.
    pub titles: BTreeMap<String, usize>,
}

#[derive(Debug, Clone, Default)]
pub struct People {
    pub persons: Vec<Person>,
}

/// Splits a name token into its parts, normalising case of hyphenated
/// Korean given names ("Jong-un" → "Jong", "Un").
fn name_parts(tok: &Token<'_>) -> Vec<String> {
    tok.stem()
        .split('-')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let mut c = p.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect(),
                None => String::new(),
            }
        })
        .collect()
}

fn can_be_name(tok: &Token<'_>) -> bool {
    let lower = tok.stem().to_lowercase();
    tok.is_capitalised()
        && !NOT_NAME.contains(&lower.as_str())
        && !crate::text::WEEKDAYS.contains(&lower.as_str())
        && !TITLES.contains(&lower.as_str())
        && !tok.text.chars().any(|c| c.is_ascii_digit())
}

/// Nouns after which a capitalised run is a vessel's name.
const VESSELS: &[&str] = &[
    "ship",
    "liner",
    "vessel",
    "ferry",
    "yacht",
    "carrier",
    "warship",
    "frigate",
    "destroyer",
    "submarine",
    "tanker",
    "freighter",
    "icebreaker",
];

/// The length of a vessel's name starting at `i` ("Queen Mary 2", "USS
/// Nimitz"): capitalised words and numbers, at most four.
fn vessel_name(tokens: &[Token<'_>], i: usize) -> usize {
    let mut n = 0;
    while let Some(t) = tokens.get(i + n) {
        let word = t.is_capitalised() || (n > 0 && t.text.chars().all(|c| c.is_ascii_digit()));
        let not_name = NOT_NAME.contains(&t.lower.as_str())
            || crate::text::WEEKDAYS.contains(&t.lower.as_str());
        if n >= 4 || !word || (n > 0 && !t.spaced) || not_name {
            break;
        }
        n += 1;
    }
    n
}

/// The run of name tokens starting at `i` (at most 4), and its length.
pub fn name_run(tokens: &[Token<'_>], i: usize) -> usize {
    let mut n = 0;
    while i + n < tokens.len()
        && n < 4
        && can_be_name(&tokens[i + n])
        && (n == 0 || tokens[i + n].spaced)
    {
        let possessive = tokens[i + n].is_possessive();
        n += 1;
        if possessive {
            break;
        }
    }
    n
}

impl People {
    /// Adds the persons introduced by a title in one sentence's tokens.
    /// `is_place(span)` says whether a token is (part of) a place mention.
    pub fn scan(&mut self, tokens: &[Token<'_>], is_place: &dyn Fn(usize) -> bool) {
        let mut i = 0;
        while i < tokens.len() {
            let t = &tokens[i].lower;
            // "the cruise ship Queen Mary 2": a vessel's name, the ship
            // itself travelling (its "Queen" is no title).
            if VESSELS.contains(&t.as_str()) {
                let n = vessel_name(tokens, i + 1);
                if n > 0 && !(i + 1..i + 1 + n).any(is_place) {
                    self.add(&tokens[i + 1..i + 1 + n], Some(t));
                    i += 1 + n;
                    continue;
                }
            }
            if TITLES.contains(&t.as_str()) {
                let start = i + 1;
                // "Secretary of State Mike Pompeo": skip "of State".
                let start = if tokens.get(start).is_some_and(|t| t.lower == "of")
                    && tokens.get(start + 1).is_some_and(|t| t.is_capitalised())
                {
                    start + 2
                } else {
                    start
                };
                // "General Secretary To Lam": a two-letter family name that
                // is also an English word, then one name word and no more.
                let short_family = |k: usize| {
                    tokens
                        .get(k)
                        .is_some_and(|t| t.is_capitalised() && t.text.len() <= 2)
                        && name_run(tokens, k + 1) == 1
                        && !tokens
                            .get(k + 2)
                            .is_some_and(|t| t.is_capitalised() && t.spaced)
                };
                let n = match name_run(tokens, start) {
                    0 if short_family(start) => 2,
                    n => n,
                };
                if n > 0 && !(start..start + n).any(is_place) {
                    self.add(&tokens[start..start + n], Some(t));
                    i = start + n;
                    continue;
                }
            }
            i += 1;
        }
    }

    /// Adds a person named without a title (a subject of a movement verb).
    pub fn add_untitled(&mut self, toks: &[Token<'_>]) {
        let lower: Vec<String> = toks
            .iter()
            .flat_map(name_parts)
            .map(|p| p.to_lowercase())
            .collect();
        if !self.persons.iter().any(|p| p.tokens == lower) {
            self.add(toks, None);
        }
    }

    fn add(&mut self, toks: &[Token<'_>], title: Option<&str>) -> usize {
        let parts: Vec<String> = toks.iter().flat_map(name_parts).collect();
        let lower: Vec<String> = parts.iter().map(|p| p.to_lowercase()).collect();
        let idx = match self.persons.iter().position(|p| p.tokens == lower) {
            Some(i) => i,
            None => {
                self.persons.push(Person {
                    name: parts.join(" "),
                    tokens: lower,
                    ..Person::default()
                });
                self.persons.len() - 1
            }
        };
        let p = &mut self.persons[idx];
        p.count += 1;
        if let Some(t) = title {
            *p.titles.entry(t.to_string()).or_default() += 1;
        }
        idx
    }

    /// Counts untitled occurrences of known full names (two or more parts),
    /// so frequency reflects the whole corpus.
    pub fn count_mentions(&mut self, tokens: &[Token<'_>]) {
        let mut i = 0;
        while i < tokens.len() {
            let n = name_run(tokens, i);
            if n >= 2 {
                let parts: Vec<String> = tokens[i..i + n]
                    .iter()
                    .flat_map(name_parts)
                    .map(|p| p.to_lowercase())
                    .collect();
                if let Some(p) = self.persons.iter_mut().find(|p| p.tokens == parts) {
                    p.count += 1;
                }
                i += n;
            } else {
                i += 1;
            }
        }
    }

    /// The person a run of name tokens refers to: an exact full name, or the
    /// most frequent person whose name contains all these parts.
    pub fn resolve(&self, toks: &[Token<'_>]) -> Option<usize> {
        let parts: Vec<String> = toks
            .iter()
            .flat_map(name_parts)
            .map(|p| p.to_lowercase())
            .collect();
        if parts.is_empty() {
            return None;
        }
        if let Some(i) = self.persons.iter().position(|p| p.tokens == parts) {
            return Some(self.canonical(i));
        }
        self.persons
            .iter()
            .enumerate()
            .filter(|(_, p)| parts.iter().all(|x| p.tokens.contains(x)))
            .max_by_key(|(i, p)| (p.count, usize::MAX - i))
            .map(|(i, _)| self.canonical(i))
    }

    /// A shorter full form ("Donald Trump") folds into a more frequent
    /// longer one that contains it ("Donald J Trump"), or the reverse.
    fn canonical(&self, i: usize) -> usize {
        let p = &self.persons[i];
        self.persons
            .iter()
            .enumerate()
            .filter(|(_, q)| {
                p.tokens.iter().all(|t| q.tokens.contains(t))
                    || q.tokens.iter().all(|t| p.tokens.contains(t))
            })
            .filter(|(_, q)| q.tokens.len() >= 2)
            .max_by_key(|(j, q)| (q.count, usize::MAX - j))
            .map(|(j, _)| j)
            .unwrap_or(i)
    }

    /// The person most often introduced with this role noun.
    pub fn by_title(&self, title: &str) -> Option<usize> {
        self.persons
            .iter()
            .enumerate()
            .filter_map(|(i, p)| p.titles.get(title).map(|c| (i, *c)))
            .max_by_key(|(i, c)| (*c, usize::MAX - i))
            .map(|(i, _)| self.canonical(i))
    }

    pub fn name(&self, i: usize) -> &str {
        &self.persons[i].name
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn people(texts: &[&str]) -> People {
        let mut p = People::default();
        for t in texts {
            p.scan(&tokenize(t, 0..t.len()), &|_| false);
        }
        for t in texts {
            p.count_mentions(&tokenize(t, 0..t.len()));
        }
        p
    }

    #[test]
    fn short_forms_resolve_to_the_frequent_full_name() {
        let p = people(&[
            "North Korean leader Kim Jong Un met US President Donald Trump.",
            "His sister Kim Yo Jong came too. Kim Jong Un smiled.",
            "The leader Kim Jong-un waved.",
        ]);
        let t = "Kim left and Trump arrived";
        let toks = tokenize(t, 0..t.len());
        assert_eq!(p.name(p.resolve(&toks[0..1]).unwrap()), "Kim Jong Un");
        assert_eq!(p.name(p.resolve(&toks[3..4]).unwrap()), "Donald Trump");
        assert_eq!(p.name(p.by_title("leader").unwrap()), "Kim Jong Un");
        assert_eq!(p.name(p.by_title("president").unwrap()), "Donald Trump");
    }

    #[test]
    fn unknown_names_do_not_resolve() {
        let p = people(&["President Donald Trump spoke."]);
        let t = "Pompeo";
        assert_eq!(p.resolve(&tokenize(t, 0..t.len())), None);
    }
}
