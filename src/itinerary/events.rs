//! Observations: in each sentence that moves someone, which traveller, which
//! places, in what role (from, to, via, at) and by what mode.

use super::cues::{self, PlaceRole};
use super::people::{name_run, People, TITLES};
use super::tokens::{tokenize, Token};
use crate::geoparse::{Mention, MentionKind, ResolvedPlace};
use crate::mode::Mode;
use crate::text::{Document, SourceRef};
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

/// One place seen in one movement sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Observation {
    /// Index into `People::persons`.
    pub traveller: usize,
    /// Index into `PlaceTable::places`.
    pub place: usize,
    pub role: PlaceRole,
    /// Said to be a stop ("stopped at", "refuelling in").
    pub stop: bool,
    /// Where the traveller changed mode: never the journey's end.
    pub switch: bool,
    pub mode: Option<Mode>,
    /// How strongly the sentence ties the place to the role.
    pub weight: f64,
    /// Reading order over the corpus (sentence × 1000 + place index).
    pub order: usize,
    /// What the words before the place say about when it comes.
    pub sequence: Sequence,
    /// Listed after the place before it ("on to Ussuriysk and
    /// Vladivostok"; see [`listed_after`]).
    pub listed: bool,
    /// What the nearest verb before the place tells: a movement done
    /// ("flew to Ankara") or yet to come ("will travel to Doha").
    pub tense: Tense,
    pub evidence: SourceRef,
}

/// When a sentence puts its movement.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Tense {
    /// Told as done: "arrived", "flew", "crossed".
    Past,
    /// Told as to come: "will travel", "is due to", "is expected to".
    Future,
    #[default]
    Unsaid,
}

/// The tense of the movement a place at token `first` belongs to: the
/// nearest tense marker before it ("who flew from Rome to Ankara …, will
/// return to Rome": Ankara past, Rome to come). A place a traveller heads
/// "for" or "towards" is not yet reached, whatever the verb.
fn tense_at(lower: &[&str], first: usize) -> Tense {
    let heads_for = (first.saturating_sub(MAX_FILLER + 1)..first)
        .rev()
        .find(|&k| cues::role_of_preposition(lower[k]).is_some())
        .is_some_and(|k| matches!(lower[k], "for" | "towards" | "toward"));
    (0..first)
        .rev()
        .find_map(|i| {
            let w = lower[i];
            if w == "will"
                || (matches!(w, "due" | "expected" | "scheduled" | "set" | "plans")
                    && lower.get(i + 1) == Some(&"to"))
            {
                Some(Tense::Future)
            } else if PAST_MOVES.contains(&w) {
                Some(if heads_for {
                    Tense::Unsaid
                } else {
                    Tense::Past
                })
            } else {
                None
            }
        })
        .unwrap_or_default()
}

/// Verbs that tell a movement as done.
const PAST_MOVES: &[&str] = &[
    "arrived",
    "left",
    "flew",
    "travelled",
    "traveled",
    "crossed",
    "landed",
    "reached",
    "drove",
    "departed",
    "went",
    "visited",
    "boarded",
];

/// Where a place comes in the journey, as the words before it say.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sequence {
    /// Nothing said.
    #[default]
    Unsaid,
    /// After the place the traveller was at before: "travelling on to X",
    /// "then flew to X".
    Onward,
    /// Back where the journey began: "return to X", "flew back to X".
    Back,
}

/// Words that put a place after the one before it.
const ONWARD: &[&str] = &[
    "on",
    "onward",
    "onwards",
    "then",
    "next",
    "finally",
    "later",
    "before",
    "continue",
    "continues",
    "continued",
    "continuing",
];
/// Sentence openers that put the sentence's movement after what was told
/// before ("After the talks, …", "Afterwards, …").
const OPENS_ONWARD: &[&str] = &[
    "after",
    "afterwards",
    "afterward",
    "subsequently",
    "then",
    "next",
];
/// Words that take the traveller back to an earlier place.
const BACK: &[&str] = &["return", "returns", "returned", "returning", "back", "home"];
/// How far before a place's preposition a sequence word may stand ("and
/// then return to X").
const SEQUENCE_WINDOW: usize = 4;
/// How far before a place its verb of movement may stand for a sequence
/// word before that verb to count ("then travelled on the … Railway past
/// X to Y").
const VERB_REACH: usize = 10;

/// The sequence word before the place starting at token `first`, for a
/// place the traveller goes to or through.
fn sequence_of(toks: &[Token<'_>], first: usize, role: PlaceRole) -> Sequence {
    if !matches!(role, PlaceRole::To | PlaceRole::Via) {
        return Sequence::Unsaid;
    }
    let window = &toks[first.saturating_sub(SEQUENCE_WINDOW + 1)..first];
    // "then travelled on the Trans-Siberian past X to Y": the word may stand
    // before the verb of movement, further back than the window.
    let verb = (first.saturating_sub(VERB_REACH)..first)
        .rev()
        .find(|&i| cues::MOVEMENT.contains(&toks[i].lower.as_str()));
    let before_verb = verb.map_or(&toks[..0], |v| &toks[v.saturating_sub(2)..v]);
    let has = |list: &[&str]| {
        window
            .iter()
            .chain(before_verb)
            .any(|t| list.contains(&t.lower.as_str()))
    };
    // "After the summit, Kim travelled to X": a sentence that opens on what
    // came before moves the traveller on.
    let opens_onward = toks
        .first()
        .is_some_and(|t| OPENS_ONWARD.contains(&t.lower.as_str()));
    if has(BACK) {
        Sequence::Back
    } else if has(ONWARD) || opens_onward {
        Sequence::Onward
    } else {
        Sequence::Unsaid
    }
}

/// The distinct places the observations point at.
#[derive(Debug, Clone, Default)]
pub struct PlaceTable {
    pub places: Vec<ResolvedPlace>,
    /// How each place is written in the articles, with counts.
    pub surface: Vec<BTreeMap<String, usize>>,
    index: BTreeMap<String, usize>,
}

impl PlaceTable {
    fn intern(&mut self, p: &ResolvedPlace, written: &str) -> usize {
        let i = match self.index.get(&p.id) {
            Some(&i) => i,
            None => {
                self.places.push(p.clone());
                self.surface.push(BTreeMap::new());
                self.index.insert(p.id.clone(), self.places.len() - 1);
                self.places.len() - 1
            }
        };
        let written = super::tokens::strip_possessive(written.trim()).to_string();
        *self.surface[i].entry(written).or_default() += 1;
        i
    }

    /// The name as the articles most often write it, in running text
    /// rather than a capitalised dateline ("Moscow", not "MOSCOW"); ties go
    /// to the alphabetically first, for determinism.
    pub fn written_name(&self, i: usize) -> Option<&str> {
        self.surface[i]
            .iter()
            .max_by(|a, b| {
                (in_running_text(a.0), a.1)
                    .cmp(&(in_running_text(b.0), b.1))
                    .then(b.0.cmp(a.0))
            })
            .map(|(k, _)| k.as_str())
    }
}

/// Is a name written as running text ("Moscow"), not only in a dateline's
/// capitals ("MOSCOW")?
pub fn in_running_text(name: &str) -> bool {
    name.chars().any(char::is_lowercase)
}

/// Nouns after a country name that make it not a destination ("North
/// Korea's embassy in Hanoi" is in Hanoi).
const INSTITUTION: &[&str] = &["embassy", "consulate", "mission", "ambassador", "envoy"];
const PRONOUNS: &[&str] = &["he", "she", "him", "his", "her", "they", "their"];
const VEHICLES: &[&str] = &[
    "train",
    "limousine",
    "limo",
    "car",
    "motorcade",
    "convoy",
    "vehicle",
    "jet",
    "plane",
    "flight",
    "aircraft",
    "airliner",
    "ship",
    "liner",
    "vessel",
    "ferry",
    "boat",
    "yacht",
    "helicopter",
    "sedan",
];

struct Sentence<'a> {
    doc: usize,
    range: Range<usize>,
    tokens: Vec<Token<'a>>,
    /// (first token, last token, mention) of each place mention.
    places: Vec<(usize, usize, &'a Mention)>,
    /// Tokens inside demonyms and adjectives ("the Vietnamese border town
    /// of"): they sit between a preposition and its place without breaking
    /// the link.
    adjectival: Vec<usize>,
}

/// Reads every sentence of every document and returns the persons found,
/// the places observed and the observations, in reading order.
pub fn observe(docs: &[Document], mentions: &[Mention]) -> (People, PlaceTable, Vec<Observation>) {
    let sentences = split(docs, mentions);
    let mut people = People::default();
    for s in &sentences {
        people.scan(&s.tokens, &|i| in_place(s, i));
    }
    for s in &sentences {
        for run in subject_runs(s) {
            people.add_untitled(&s.tokens[run]);
        }
    }
    for s in &sentences {
        people.count_mentions(&s.tokens);
    }
    let mut table = PlaceTable::default();
    let mut out = Vec::new();
    let mut current: Option<usize> = None;
    let mut last_doc = usize::MAX;
    let mut last_place: Option<(usize, usize)> = None;
    for (order, s) in sentences.iter().enumerate() {
        if s.doc != last_doc {
            (current, last_place, last_doc) = (None, None, s.doc);
        }
        let ev = Event::read(s, &people, current);
        if let Some(t) = ev.traveller.or_else(|| first_person(s, &people)) {
            current = Some(t);
        }
        let Some(traveller) = ev.traveller.filter(|_| ev.moving && !ev.other_trip) else {
            continue;
        };
        let evidence = docs[s.doc].source_ref(s.range.clone());
        let before = out.len();
        ev.emit(
            s, traveller, order, &evidence, last_place, &mut table, &mut out,
        );
        if let Some(o) = out[before..]
            .iter()
            .rev()
            .find(|o| o.role != PlaceRole::From)
        {
            last_place = Some((traveller, o.place));
        }
    }
    (people, table, out)
}

fn split<'a>(docs: &'a [Document], mentions: &'a [Mention]) -> Vec<Sentence<'a>> {
    // Mentions by document, in text order, so each sentence takes its own
    // slice instead of scanning the whole corpus.
    let mut by_doc: Vec<Vec<&Mention>> = vec![Vec::new(); docs.len()];
    for m in mentions.iter().filter(|m| m.doc < docs.len()) {
        by_doc[m.doc].push(m);
    }
    for v in &mut by_doc {
        v.sort_by_key(|m| (m.span.start, m.span.end));
    }
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        for range in doc
            .sentences()
            .into_iter()
            .flat_map(|r| clauses(&doc.text, r))
        {
            // Photo captions repeat sentences verbatim: read each once.
            if !seen.insert((d, doc.text[range.clone()].to_string())) {
                continue;
            }
            let tokens = tokenize(&doc.text, range.clone());
            let lo = by_doc[d].partition_point(|m| m.span.start < range.start);
            let hi = by_doc[d].partition_point(|m| m.span.start < range.end);
            let inside: Vec<(usize, usize, &Mention)> = by_doc[d][lo..hi]
                .iter()
                .filter(|m| m.span.end <= range.end)
                .filter_map(|m| {
                    let first = tokens.iter().position(|t| t.span.end > m.span.start)?;
                    let last = tokens.iter().rposition(|t| t.span.start < m.span.end)?;
                    (first <= last).then_some((first, last, *m))
                })
                .collect();
            let places = inside
                .iter()
                .copied()
                .filter(|(_, _, m)| m.kind == MentionKind::Place && m.place.is_some())
                .collect();
            let adjectival = inside
                .iter()
                .filter(|(_, _, m)| m.kind == MentionKind::Adjectival)
                .flat_map(|(a, b, _)| *a..=*b)
                .collect();
            out.push(Sentence {
                doc: d,
                range,
                tokens,
                places,
                adjectival,
            });
        }
    }
    out
}

/// Splits a sentence where a second traveller may start ("…, while his
/// minister travelled …"; "…; she …").
fn clauses(text: &str, r: Range<usize>) -> Vec<Range<usize>> {
    let s = &text[r.clone()];
    let mut cuts: Vec<usize> = [", while ", ", whereas ", "; ", ", meanwhile "]
        .iter()
        .flat_map(|pat| s.match_indices(pat).map(|(i, _)| i))
        .collect();
    cuts.sort_unstable();
    let mut out = Vec::new();
    let mut start = 0;
    for c in cuts {
        out.push(r.start + start..r.start + c);
        start = c + 1;
    }
    out.push(r.start + start..r.end);
    out.into_iter()
        .map(|x| {
            let t = &text[x.clone()];
            let lead = t.len() - t.trim_start().len();
            x.start + lead..x.end
        })
        .filter(|x| !x.is_empty())
        .collect()
}

fn in_place(s: &Sentence<'_>, i: usize) -> bool {
    s.places.iter().any(|(a, b, _)| (*a..=*b).contains(&i))
}

fn first_person(s: &Sentence<'_>, people: &People) -> Option<usize> {
    (0..s.tokens.len())
        .filter(|&i| !in_place(s, i) && name_run(&s.tokens, i) > 0)
        .find_map(|i| people.resolve(&s.tokens[i..i + name_run(&s.tokens, i)]))
        .filter(|_| s.tokens.first().is_some_and(|t| t.is_capitalised()))
}

struct Event {
    traveller: Option<usize>,
    moving: bool,
    other_trip: bool,
}

impl Event {
    fn read(s: &Sentence<'_>, people: &People, current: Option<usize>) -> Event {
        let lower: Vec<&str> = s.tokens.iter().map(|t| t.lower.as_str()).collect();
        let moves: Vec<usize> = (0..lower.len())
            .filter(|&i| cues::MOVEMENT.contains(&lower[i]))
            .collect();
        // "first" and "last" point at another trip only before a trip
        // word ("their first summit", "the last time", "last year"): not in
        // "will first fly to Paris", "on his first foreign trip", "the first
        // bullet train line", "drove to Denver last week".
        let ordinal_elsewhere = |i: usize| {
            // "arrived … for his first summit with Putin": the purpose of
            // this trip, not an earlier one.
            if lower[i] == "first" && i >= 2 && lower[i - 2] == "for" {
                return false;
            }
            let nouns = match lower[i] {
                "first" => cues::FIRST_TRIP_NOUNS,
                "last" => cues::LAST_TRIP_NOUNS,
                // "the Kremlin said he would return to Moscow": the plan,
                // reported; "would have" stays what did not happen.
                "would" => {
                    return lower.get(i + 1) == Some(&"have")
                        || !lower[..i].iter().any(|w| cues::REPORTING.contains(w));
                }
                _ => return true,
            };
            lower[i + 1..(i + 3).min(lower.len())]
                .iter()
                .any(|n| nouns.contains(n))
        };
        let other_trip = lower.iter().enumerate().any(|(i, w)| {
            cues::OTHER_TRIP.contains(w)
                && ordinal_elsewhere(i)
                && !cues::OTHER_TRIP_EXCEPTIONS
                    .iter()
                    .any(|ex| lower.get(i..i + ex.len()) == Some(ex))
        });
        let traveller = moves
            .iter()
            .find_map(|&m| traveller_before(s, m, people, current));
        Event {
            traveller,
            moving: !moves.is_empty(),
            other_trip,
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn emit(
        &self,
        s: &Sentence<'_>,
        traveller: usize,
        order: usize,
        evidence: &SourceRef,
        last_place: Option<(usize, usize)>,
        table: &mut PlaceTable,
        out: &mut Vec<Observation>,
    ) {
        let modes = mode_cues(&s.tokens);
        let lower: Vec<&str> = s.tokens.iter().map(|t| t.lower.as_str()).collect();
        let clause = then_clauses(&s.tokens);
        let switch = switch_modes(&s.tokens, &modes);
        let order = order * 1000;
        let mut prev_role: Option<(usize, PlaceRole, bool)> = None;
        let mut switch_place = None;
        for (k, &(first, last, m)) in s.places.iter().enumerate() {
            let Some(place) = &m.place else { continue };
            if s.tokens
                .get(last + 1)
                .is_some_and(|t| INSTITUTION.contains(&t.lower.as_str()))
            {
                continue;
            }
            let listed = prev_role.is_some_and(|prev| listed_after(s, k, first, prev));
            let (role, stop, weight) = role_of(s, k, first, prev_role);
            prev_role = Some((last, role, stop));
            let p = table.intern(place, &m.text);
            let mode = match switch {
                Some((at, old, _)) if first < at => {
                    switch_place = Some(p);
                    Some(old)
                }
                Some((_, _, new)) => {
                    if role != PlaceRole::To && switch_place.is_none() {
                        switch_place = Some(p);
                    }
                    Some(new)
                }
                None => nearest_mode(&clause, &modes, first),
            };
            out.push(Observation {
                traveller,
                place: p,
                role,
                stop,
                switch: false,
                mode,
                weight,
                order: order + k,
                sequence: sequence_of(&s.tokens, first, role),
                listed,
                tense: tense_at(&lower, first),
                evidence: evidence.clone(),
            });
        }
        // "due to return home", "flew back home": back where this
        // traveller's journey was first said to start.
        let home = s.tokens.iter().enumerate().any(|(k, t)| {
            t.lower == "home"
                && s.tokens[k.saturating_sub(2)..k].iter().any(|w| {
                    let w = w.lower.as_str();
                    BACK.contains(&w) || moving_word(w) || cues::mode_of_word(w).is_some()
                })
        });
        let start = out
            .iter()
            .filter(|o| o.traveller == traveller && o.role == PlaceRole::From)
            .min_by_key(|o| o.order)
            .map(|o| o.place);
        if let (true, Some(p)) = (home, start) {
            let mode = modes.last().map(|m| m.1);
            let mut o = obs(
                traveller,
                p,
                PlaceRole::To,
                mode,
                1.0,
                order + 998,
                evidence,
            );
            o.sequence = Sequence::Back;
            out.push(o);
        }
        let from_there = s
            .tokens
            .windows(2)
            .any(|w| w[0].lower == "from" && w[1].lower == "there");
        let there = last_place.filter(|(t, _)| *t == traveller).map(|(_, p)| p);
        if let (true, Some(p)) = (from_there, there) {
            let mode = switch.map(|(_, _, new)| new).or(modes.first().map(|m| m.1));
            switch_place = switch_place.or(Some(p));
            out.push(obs(
                traveller,
                p,
                PlaceRole::From,
                mode,
                1.0,
                order,
                evidence,
            ));
        }
        if let (Some((_, old, new)), Some(p)) = (switch, switch_place.or(there)) {
            for (role, mode) in [(PlaceRole::To, old), (PlaceRole::From, new)] {
                let mut o = obs(traveller, p, role, Some(mode), 1.5, order + 999, evidence);
                o.switch = true;
                out.push(o);
            }
        }
    }
}

fn obs(
    traveller: usize,
    place: usize,
    role: PlaceRole,
    mode: Option<Mode>,
    weight: f64,
    order: usize,
    evidence: &SourceRef,
) -> Observation {
    Observation {
        traveller,
        place,
        role,
        stop: false,
        switch: false,
        mode,
        weight,
        order,
        sequence: Sequence::Unsaid,
        listed: false,
        tense: Tense::Unsaid,
        evidence: evidence.clone(),
    }
}

/// Runs of two or more name tokens right before a movement word ("Anna
/// Berg boarded"): people the text names without a title.
fn subject_runs(s: &Sentence<'_>) -> Vec<Range<usize>> {
    let toks = &s.tokens;
    let mut out = Vec::new();
    for m in 1..toks.len() {
        // "Sarah Collins drove …"; "Kim Jong Un's train, which left …".
        let owned_vehicle =
            VEHICLES.contains(&toks[m].lower.as_str()) && toks[m - 1].is_possessive();
        if !cues::MOVEMENT.contains(&toks[m].lower.as_str()) && !owned_vehicle {
            continue;
        }
        let mut start = m;
        while start > 0 && !in_place(s, start - 1) && name_run(toks, start - 1) > m - start {
            start -= 1;
        }
        if m - start >= 2 && name_run(toks, start) == m - start {
            out.push(start..m);
        }
    }
    out
}

/// The traveller of the movement word at `m`: the nearest person reference
/// before it (a name, a pronoun, a role noun, or "the train").
fn traveller_before(
    s: &Sentence<'_>,
    m: usize,
    people: &People,
    current: Option<usize>,
) -> Option<usize> {
    let toks = &s.tokens;
    let mut j = m;
    while j > 0 {
        j -= 1;
        let w = toks[j].lower.as_str();
        if in_place(s, j) {
            continue;
        }
        if matches!(w, "i" | "we" | "you" | "me" | "us") {
            // Quoted first or second person: not a traveller we can name.
            return None;
        }
        if PRONOUNS.contains(&w) {
            // "Kim's car as he set off": a name earlier in the sentence
            // wins over the previous sentence's subject.
            return name_before(s, j, people).or(current);
        }
        // "Kim's train departed … It then passed through Shenyang": "it"
        // as the subject of the movement is the traveller's vehicle.
        // ("the dictator's limo as it left": who is named before it wins.)
        if w == "it" && m - j <= 3 {
            return traveller_before(s, j, people, None).or(current);
        }
        if toks[j].is_capitalised() && name_run(toks, j) > 0 {
            let mut start = j;
            while start > 0 && name_run(toks, start - 1) > j - start + 1 && !in_place(s, start - 1)
            {
                start -= 1;
            }
            // "talks with President Putin before travelling on": the
            // companion is not the one who travels.
            let mut b = start;
            while b > 0
                && (toks[b - 1].is_capitalised() || TITLES.contains(&toks[b - 1].lower.as_str()))
            {
                b -= 1;
            }
            let companion = b > 0 && toks[b - 1].lower == "with";
            if let Some(p) = people.resolve(&toks[start..=j]).filter(|_| !companion) {
                return Some(p);
            }
            j = start;
            continue;
        }
        let stem = super::tokens::strip_possessive(w);
        let the_before = (j.saturating_sub(4)..j).any(|k| toks[k].lower == "the");
        if TITLES.contains(&stem) && the_before {
            return people.by_title(stem).or(current);
        }
        if VEHICLES.contains(&stem)
            && j > 0
            && matches!(toks[j - 1].lower.as_str(), "the" | "his" | "her" | "their")
        {
            return current;
        }
    }
    None
}

/// The nearest resolvable person name before token `j`.
fn name_before(s: &Sentence<'_>, j: usize, people: &People) -> Option<usize> {
    (0..j).rev().find_map(|k| {
        if in_place(s, k) || name_run(&s.tokens, k) == 0 {
            return None;
        }
        let n = name_run(&s.tokens, k).min(j - k);
        people.resolve(&s.tokens[k..k + n])
    })
}

/// Mode cue tokens: (token index, mode).
fn mode_cues(tokens: &[Token<'_>]) -> Vec<(usize, Mode)> {
    let mut out: Vec<(usize, Mode)> = tokens
        .iter()
        .enumerate()
        .filter_map(|(i, t)| {
            let w = super::tokens::strip_possessive(&t.lower);
            let base = w.rsplit('-').next().unwrap_or(w);
            cues::mode_of_word(w)
                .or_else(|| cues::mode_of_word(base))
                .map(|m| (i, m))
        })
        .collect();
    for (phrase, mode) in cues::MODE_PHRASES {
        for i in 0..tokens.len() {
            if tokens[i..]
                .iter()
                .take(phrase.len())
                .map(|t| t.lower.as_str())
                .eq(phrase.iter().copied())
            {
                out.push((i, *mode));
            }
        }
    }
    out.sort_unstable_by_key(|(i, _)| *i);
    out
}

/// The "then"-clause of each token within a sentence unit (see
/// [`clauses`] for the units): how many "then"s come up to and including it.
fn then_clauses(tokens: &[Token<'_>]) -> Vec<usize> {
    tokens
        .iter()
        .scan(0, |n, t| {
            *n += usize::from(t.lower == "then");
            Some(*n)
        })
        .collect()
}

/// The mode cue nearest token `at`, preferring cues in the same clause:
/// a sentence that goes on with "then" starts a new leg's clause ("took
/// the ferry from Helsinki to Stockholm, then flew to London": Stockholm
/// is reached by sea though "flew" is nearer).
fn nearest_mode(clause: &[usize], modes: &[(usize, Mode)], at: usize) -> Option<Mode> {
    let here = clause[at];
    let nearest = |same_clause: bool| {
        modes
            .iter()
            .filter(|(i, _)| !same_clause || clause[*i] == here)
            .min_by_key(|(i, _)| i.abs_diff(at))
            .map(|(_, m)| *m)
    };
    nearest(true).or_else(|| nearest(false))
}

/// A change of mode: "swapped the train for his limousine", "took the
/// train to X, then switched to a bus". Returns (verb index, old, new).
fn switch_modes(tokens: &[Token<'_>], modes: &[(usize, Mode)]) -> Option<(usize, Mode, Mode)> {
    let at = tokens.iter().position(|t| {
        matches!(
            t.lower.as_str(),
            "swapped" | "switched" | "changed" | "transferred" | "swapping" | "switching"
        )
    })?;
    let mut after = modes.iter().filter(|(i, _)| *i > at).map(|(_, m)| *m);
    let before = modes.iter().rev().find(|(i, _)| *i < at).map(|(_, m)| *m);
    let first = after.next()?;
    match after.find(|m| *m != first) {
        Some(second) => Some((at, first, second)),
        None => before.filter(|b| *b != first).map(|b| (at, b, first)),
    }
}

/// How many words may stand between a preposition and its place ("in the
/// small border town of X"); demonyms among them do not count.
const MAX_FILLER: usize = 5;

/// The role of the place mention `k` starting at token `first`, with
/// whether it is a stop and how much weight the evidence carries.
fn role_of(
    s: &Sentence<'_>,
    k: usize,
    first: usize,
    prev: Option<(usize, PlaceRole, bool)>,
) -> (PlaceRole, bool, f64) {
    let toks = &s.tokens;
    // A place listed after another shares its role.
    if let Some(prev) = prev.filter(|&p| listed_after(s, k, first, p)) {
        let (_, role, stop) = prev;
        return (role, stop, weight(role));
    }
    let mut j = first;
    let mut skipped = 0;
    // "to the airport at Rzeszów": the "at" after a facility word names
    // where the facility is; the preposition before it gives the role.
    let mut facility_at: Option<usize> = None;
    while j > 0 && skipped <= MAX_FILLER {
        j -= 1;
        let w = toks[j].lower.as_str();
        if matches!(w, "at" | "in")
            && facility_at.is_none()
            && j > 0
            && cues::FACILITIES.contains(&toks[j - 1].lower.as_str())
        {
            facility_at = Some(j);
            skipped += 1;
            continue;
        }
        if let Some(role) = cues::role_of_preposition(w) {
            // "headed for X"; "left Abuja (on Tuesday) for Lagos".
            let left_place_for = j > 0
                && (j.saturating_sub(4)..j).any(|p| in_place(s, p))
                && (j.saturating_sub(7)..j)
                    .any(|p| cues::DEPARTURE.contains(&toks[p].lower.as_str()));
            if w == "for"
                && !left_place_for
                && !j
                    .checked_sub(1)
                    .is_some_and(|p| moving_word(&toks[p].lower))
            {
                break;
            }
            let (role, stop) = refine(toks, j, role);
            return (role, stop, weight(role));
        }
        let apposition = k > 0 && in_same_country(s, k, j);
        if in_place(s, j) && !apposition {
            break;
        }
        if s.adjectival.contains(&j) {
            continue;
        }
        if cues::FILLER.contains(&w) || apposition || toks[j].is_capitalised() && skipped < 2 {
            skipped += 1;
            continue;
        }
        break;
    }
    if let Some(at) = facility_at {
        let (role, stop) = refine(toks, at, PlaceRole::At);
        return (role, stop, weight(role));
    }
    (PlaceRole::At, false, 0.25)
}

/// Is place mention `k` (from token `first`) listed after the one before
/// it, `prev` = (its last token, role, stop)? "the UK and Qatar", "Dandong
/// by midnight and Beijing" (a time between keeps the pair), "Kenya" in "to
/// Ghana, Kenya and Mozambique" (a comma between places of one country is
/// an apposition: "Hanoi, Vietnam"). A listed place shares the role of the
/// one before it and, going to or through both, comes after it.
fn listed_after(
    s: &Sentence<'_>,
    k: usize,
    first: usize,
    (prev_last, role, _): (usize, PlaceRole, bool),
) -> bool {
    let toks = &s.tokens;
    let and = first >= 2
        && prev_last + 5 >= first
        && matches!(toks[first - 1].lower.as_str(), "and" | "or")
        && toks[prev_last + 1..first - 1]
            .iter()
            .all(|t| !t.is_capitalised() && cues::role_of_preposition(&t.lower).is_none());
    let comma = k > 0
        && prev_last + 1 == first
        && toks[first].comma_before
        && role != PlaceRole::At
        && !same_country(s, k)
        && list_goes_on(s, k);
    and || comma
}

/// Does the list mention `k` stands in go on after it ("Kenya" in "Ghana,
/// Kenya and Mozambique"), so "Hanoi, Japan's TBS" is no list?
fn list_goes_on(s: &Sentence<'_>, k: usize) -> bool {
    let last = s.places[k].1;
    let next_place = s.places.get(k + 1).map(|p| p.0);
    !s.tokens[last].is_possessive()
        && (s
            .tokens
            .get(last + 1)
            .is_some_and(|t| matches!(t.lower.as_str(), "and" | "or"))
            || next_place == Some(last + 1) && s.tokens[last + 1].comma_before)
}

/// Are mention `k` and the one before it in the same country?
fn same_country(s: &Sentence<'_>, k: usize) -> bool {
    matches!(
        (&s.places[k - 1].2.place, &s.places[k].2.place),
        (Some(a), Some(b)) if a.country == b.country
    )
}

/// "Hanoi, Vietnam": a place right after another place in the same country
/// shares its preposition.
fn in_same_country(s: &Sentence<'_>, k: usize, j: usize) -> bool {
    s.places[k - 1].1 == j && same_country(s, k)
}

fn moving_word(w: &str) -> bool {
    cues::MOVEMENT.contains(&w) || matches!(w, "off" | "out" | "leave" | "headed" | "bound")
}

/// "in"/"at"/"on" take their role from the nearest verb before them:
/// "left Pyongyang on Sunday and crossed the border at Khasan" passes
/// Khasan; the earlier "left" belongs to Pyongyang.
fn refine(toks: &[Token<'_>], prep: usize, role: PlaceRole) -> (PlaceRole, bool) {
    if role != PlaceRole::At {
        return (role, false);
    }
    let window = &toks[prep.saturating_sub(6)..prep];
    window
        .iter()
        .rev()
        .find_map(|t| {
            let w = t.lower.as_str();
            if cues::CROSSING.contains(&w) {
                Some((PlaceRole::Via, false))
            } else if cues::STOPPING.contains(&w) {
                Some((PlaceRole::Via, true))
            } else if cues::ARRIVAL.contains(&w) {
                Some((PlaceRole::To, false))
            } else if cues::DEPARTURE.contains(&w) {
                Some((PlaceRole::From, false))
            } else {
                None
            }
        })
        .unwrap_or((PlaceRole::At, false))
}

fn weight(role: PlaceRole) -> f64 {
    match role {
        PlaceRole::From | PlaceRole::To => 1.0,
        PlaceRole::Via => 0.8,
        PlaceRole::At => 0.5,
    }
}
