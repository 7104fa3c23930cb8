//! Reading a figure's context: what it says it measures, where from and to,
//! who travels, and whether it is about the journey at all.
//!
//! The *window* of a figure is its clause: the tokens between the nearest
//! clause break (`,` `;` `:` `(` `)` or a spaced dash) before it and the one
//! after it; a list of figures ("a three-day, 1,850-mile journey") shares the
//! noun that ends it. Cues are looked for in the window first, then in the
//! whole sentence. Who travels is read in [`super::traveller`].

use super::figure::{figure_at, Figure, Unit};
use super::tokens::{Kind, Tok};
use super::traveller::strip_possessive;
use super::Measured;
use crate::mode::Mode;

/// Nouns that say a figure is (part of) a journey.
const JOURNEY_NOUNS: &[&str] = &[
    "journey", "trip", "ride", "voyage", "trek", "travel", "route", "way", "distance", "odyssey",
];
/// Nouns that say a figure is about something else than the journey (a
/// stop on the way, a visit, a meeting): such figures are not claims.
const OTHER_NOUNS: &[&str] = &[
    "stop",
    "stopover",
    "break",
    "delay",
    "wait",
    "visit",
    "stay",
    "meeting",
    "talks",
    "summit",
    "speech",
    "session",
    "ceremony",
    "shift",
    "flight-time",
    "layover",
    "rest",
    "halt",
    "pause",
    "queue",
    "ban",
    "sentence",
    "met",
    "meet",
    "talked",
    "spoke",
    "waited",
    "stayed",
    "slept",
    "rested",
];
/// Words right before or after a figure that make it a point in time, not a
/// duration ("two days ago", "the past few days").
const TIME_BEFORE: &[&str] = &[
    "past", "last", "next", "coming", "previous", "first", "within",
];
const TIME_AFTER: &[&str] = &["ago", "later", "earlier", "old"];
/// Words that make a metre figure a height or size, not a distance.
const HEIGHT_CUES: &[&str] = &[
    "stood", "stands", "tall", "taller", "shorter", "height", "high", "wide", "deep", "long-",
    "heel", "heels", "measures", "measured",
];
const LEG_CUES: &[&str] = &["leg", "stretch", "section", "segment"];
/// Head nouns that name a single flight, drive, ride or voyage.
const ONE_LEG_NOUNS: &[&str] = &["flight", "drive", "ride", "voyage", "crossing"];

/// The mode a cue word names, if any.
fn mode_word(w: &str) -> Option<Mode> {
    if crate::mode::is_named_train(w) {
        return Some(Mode::Rail);
    }
    match w {
        "train" | "trains" | "rail" | "railway" | "railways" | "railroad" | "track" | "tracks"
        | "locomotive" => Some(Mode::Rail),
        "car" | "cars" | "drive" | "drove" | "driving" | "driven" | "road" | "roads"
        | "motorcade" | "limousine" | "limo" | "bus" | "coach" | "highway" | "motorway"
        | "convoy" => Some(Mode::Road),
        "flight" | "flights" | "flew" | "fly" | "flying" | "plane" | "planes" | "airliner"
        | "jet" | "aircraft" | "air" => Some(Mode::Air),
        "ship" | "ferry" | "boat" | "sea" | "sailing" | "sail" => Some(Mode::Sea),
        _ => None,
    }
}

fn measured_of(mode: Mode) -> Measured {
    match mode {
        Mode::Rail => Measured::RailTrack,
        Mode::Road => Measured::Road,
        Mode::Air => Measured::Flight,
        Mode::Sea => Measured::Sea,
    }
}

fn is_break(t: &Tok) -> bool {
    t.kind == Kind::Punct
        && (matches!(t.text, "," | ";" | ":" | "(" | ")" | "–" | "—")
            || (t.text == "-" && !t.glued))
}

/// Token range of the figure's clause.
pub(crate) fn window(t: &[Tok], f: &Figure) -> (usize, usize) {
    let mut a = f.first;
    while a > 0 && !is_break(&t[a - 1]) {
        a -= 1;
    }
    let mut b = f.end;
    loop {
        while b < t.len() && !is_break(&t[b]) {
            b += 1;
        }
        // "three-day, 1,850-mile journey": carry on through the next figure.
        match t.get(b + 1).and_then(|_| figure_at(t, b + 1)) {
            Some(next) if t[b].text == "," => b = next.end,
            _ => break,
        }
    }
    (a, b)
}

/// Token range of the clause that ends right before token `start` (back
/// over the breaks that end it, then to the break before it).
fn clause_before(t: &[Tok], start: usize) -> (usize, usize) {
    let mut end = start;
    while end > 0 && is_break(&t[end - 1]) {
        end -= 1;
    }
    let mut begin = end;
    while begin > 0 && !is_break(&t[begin - 1]) {
        begin -= 1;
    }
    (begin, end)
}

/// What the context says about one figure.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Reading {
    pub measured: Measured,
    pub mode_hint: Option<Mode>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub one_leg: bool,
}

fn lower_words(t: &[Tok]) -> Vec<String> {
    t.iter().map(|x| x.lower()).collect()
}

/// The noun the figure qualifies: the first word after the unit (skipping
/// up to two modifiers and a following figure), or the noun before
/// "of" ("a drive of several hours"). Returns (noun index, modifiers).
fn head_noun(t: &[Tok], f: &Figure, win_end: usize) -> Option<(usize, Vec<usize>)> {
    let mut k = f.end;
    // "three-day, 1,850-mile journey"
    if t.get(k).is_some_and(|x| x.text == ",") {
        if let Some(next) = figure_at(t, k + 1) {
            k = next.end;
        }
    }
    let mut mods = Vec::new();
    while k < win_end && k < f.end + 5 {
        let w = t[k].lower();
        if t[k].kind != Kind::Word {
            if t[k].is_punct('-') && t[k].glued {
                k += 1;
                continue;
            }
            break;
        }
        if JOURNEY_NOUNS.contains(&w.as_str())
            || OTHER_NOUNS.contains(&w.as_str())
            || matches!(
                w.as_str(),
                "drive" | "flight" | "track" | "road" | "railway" | "line"
            )
        {
            return Some((k, mods));
        }
        if matches!(
            w.as_str(),
            "of" | "by" | "to" | "from" | "in" | "on" | "and"
        ) {
            break;
        }
        mods.push(k);
        k += 1;
    }
    // "a drive of several hours", "journey of 3,000 km"
    let before = f.first.checked_sub(1)?;
    if t[before].is("of") && before > 0 {
        let w = t[before - 1].lower();
        if JOURNEY_NOUNS.contains(&w.as_str())
            || OTHER_NOUNS.contains(&w.as_str())
            || matches!(w.as_str(), "drive" | "flight")
        {
            return Some((before - 1, Vec::new()));
        }
    }
    None
}

/// The mode cue in `range` nearest to the figure, with "by train", "by
/// air" etc. counting as cues.
fn nearest_mode(t: &[Tok], range: (usize, usize), f: &Figure) -> Option<Mode> {
    (range.0..range.1)
        .filter(|&k| !(f.first..f.end).contains(&k))
        .filter_map(|k| {
            let w = t[k].lower();
            let m = mode_word(&w)?;
            // "China Road and Bridge Corporation", "Abbey Road": a road in
            // a name is no cue.
            if m == Mode::Road && in_name(t, k) {
                return None;
            }
            // "air" and "sea" only count in "by air", "by sea".
            if matches!(w.as_str(), "air" | "sea") && !(k > 0 && t[k - 1].is("by")) {
                return None;
            }
            Some((k.abs_diff(f.num_first), m))
        })
        .min_by_key(|&(d, _)| d)
        .map(|(_, m)| m)
}

/// Is token `k` a capitalised word inside a capitalised run ("China Road")?
fn in_name(t: &[Tok], k: usize) -> bool {
    t[k].is_capitalised() && k > 0 && t[k - 1].is_capitalised() && !t[k - 1].is_punct('.')
}

/// Capitalised place words after `k` ("Pyongyang", "Dong Dang", "North
/// Korea"), skipping a determiner and an apposition ("his capital,
/// Pyongyang").
fn place_after(t: &[Tok], k: usize, end: usize) -> Option<String> {
    place_at(t, k, end).map(|(name, _)| name)
}

/// [`place_after`], with the index of the token after the place.
fn place_at(t: &[Tok], mut k: usize, end: usize) -> Option<(String, usize)> {
    let mut skipped = 0;
    while k < end && !t[k].is_capitalised() {
        let w = t[k].lower();
        let skippable = matches!(
            w.as_str(),
            "the" | "his" | "her" | "its" | "their" | "a" | "an" | "capital" | "city" | "town"
        ) || (t[k].text == "," && skipped > 0);
        if !skippable || skipped > 4 {
            return None;
        }
        skipped += 1;
        k += 1;
    }
    let mut words: Vec<String> = Vec::new();
    while k < t.len() && k < end + 4 {
        let x = &t[k];
        if x.is_capitalised() && (words.is_empty() || !x.glued) {
            words.push(strip_possessive(x.text).0.to_string());
        } else if x.is_punct('-') && x.glued && !words.is_empty() {
            // "Dong-dang"
            if let Some(n) = t.get(k + 1).filter(|n| n.kind == Kind::Word && n.glued) {
                if let Some(last) = words.last_mut() {
                    last.push('-');
                    last.push_str(n.text);
                }
                k += 2;
                continue;
            }
            break;
        } else {
            break;
        }
        k += 1;
    }
    // "the Chinese border city of Dandong": the place is after "of".
    if words.len() == 1 && k < end && DESCRIBED.contains(&t[k].lower().as_str()) {
        if let Some(of) = (k..end.min(k + 4)).find(|&j| t[j].is("of")) {
            return place_at(t, of + 1, end);
        }
    }
    (!words.is_empty()).then(|| (words.join(" "), k))
}

/// Nouns that describe the place named after "of" ("border city of X").
const DESCRIBED: &[&str] = &[
    "border", "city", "town", "capital", "port", "village", "province",
];

/// From/to place words in `range`: "from X", "to X", "into X", "for X"
/// (only after a journey noun), "between X and Y".
fn leg_hints(t: &[Tok], range: (usize, usize)) -> (Option<String>, Option<String>) {
    let (mut from, mut to) = (None, None);
    for k in range.0..range.1 {
        let w = t[k].lower();
        match w.as_str() {
            "from" | "leaving" if from.is_none() => from = place_after(t, k + 1, range.1),
            "to" | "into" | "reach" | "reaching"
                if to.is_none() && !(k > 0 && t[k - 1].is("according")) =>
            {
                // "on to Ussuriysk and Vladivostok", "reach Dandong by
                // midnight and Beijing on Monday": the last of the list.
                let Some((first, after)) = place_at(t, k + 1, range.1) else {
                    continue;
                };
                let and = (after..range.1.min(after + 4))
                    .take_while(|&j| {
                        t[j].is("and")
                            || (!t[j].is_capitalised()
                                && !matches!(t[j].lower().as_str(), "to" | "from" | "in" | "at"))
                    })
                    .find(|&j| t[j].is("and"));
                to = Some(
                    and.and_then(|j| place_after(t, j + 1, range.1))
                        .unwrap_or(first),
                );
            }
            "between" if from.is_none() => {
                from = place_after(t, k + 1, range.1);
                if let Some(and) = (k + 1..range.1).find(|&j| t[j].is("and")) {
                    to = place_after(t, and + 1, range.1);
                }
            }
            _ => {}
        }
    }
    (from, to)
}

/// Where "<compass point> of" stands in `words` ("300 km north of the
/// border"): the index of its "of".
fn bearing_of(words: &[String]) -> Option<usize> {
    words
        .windows(2)
        .position(|p| {
            p[1] == "of"
                && matches!(
                    p[0].as_str(),
                    "north"
                        | "south"
                        | "east"
                        | "west"
                        | "northeast"
                        | "northwest"
                        | "southeast"
                        | "southwest"
                        | "north-east"
                        | "north-west"
                        | "south-east"
                        | "south-west"
                )
        })
        .map(|i| i + 1)
}

/// Decides whether a figure is about the journey, and what it measures.
/// `None` when it is not a claim (a height, a stop, a point in time).
pub(crate) fn read(t: &[Tok], f: &Figure) -> Option<Reading> {
    let win = window(t, f);
    let sentence = (0, t.len());
    let words = lower_words(&t[win.0..win.1]);
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    let before = f.first.checked_sub(1).map(|k| t[k].lower());
    let after = t.get(f.end).map(|x| x.lower());
    let is_duration = matches!(f.unit, Unit::Minute | Unit::Hour | Unit::Day);
    // "two days in St Petersburg", "five hours in Kyiv": a stay.
    let stay = matches!(after.as_deref(), Some("in" | "at"))
        && t.get(f.end + 1)
            .is_some_and(|x| x.text.starts_with(char::is_uppercase));
    if is_duration
        && (before.as_deref().is_some_and(|w| TIME_BEFORE.contains(&w))
            || after.as_deref().is_some_and(|w| TIME_AFTER.contains(&w))
            || stay)
    {
        return None;
    }
    if f.unit == Unit::Metre && has(HEIGHT_CUES) {
        return None;
    }
    let is_distance = matches!(
        f.unit,
        Unit::Km | Unit::Metre | Unit::Mile | Unit::NauticalMile
    );
    // "The bridge is 1.2 km long": the size of a thing, unless the clause
    // is about a line, road or journey ("the railway is 9,289 km long").
    let size_at = |k: usize| {
        t.get(k).is_some_and(|x| {
            matches!(
                x.lower().as_str(),
                "long" | "wide" | "high" | "deep" | "tall" | "across"
            )
        })
    };
    // "1.2 km long", "3,500-kilometre-long"
    let size_word = size_at(f.end)
        || (t.get(f.end).is_some_and(|x| x.is_punct('-') && x.glued) && size_at(f.end + 1));
    if is_distance
        && size_word
        && nearest_mode(t, win, f).is_none()
        && !has(JOURNEY_NOUNS)
        && !has(&["line", "route"])
    {
        return None;
    }
    // "spent three days in Paris": a stay, not travel.
    if is_duration
        && before.as_deref() == Some("spent")
        && after.as_deref().is_some_and(|w| matches!(w, "in" | "at"))
    {
        return None;
    }
    let head = head_noun(t, f, win.1);
    let head_word = head.as_ref().map(|(k, _)| t[*k].lower());
    // "a six-day trip to Africa": days of a trip are its stays too, not a
    // time on the move ("a three-day train trip" is one).
    if f.unit == Unit::Day
        && head_word
            .as_deref()
            .is_some_and(|w| matches!(w, "trip" | "tour"))
        && nearest_mode(t, win, f).is_none()
    {
        return None;
    }
    if head_word
        .as_deref()
        .is_some_and(|w| OTHER_NOUNS.contains(&w))
    {
        return None;
    }
    // "The summit lasts two days": the subject is not the journey.
    if head.is_none()
        && has(OTHER_NOUNS)
        && !has(JOURNEY_NOUNS)
        && nearest_mode(t, win, f).is_none()
    {
        return None;
    }
    // A vague figure is only a claim next to a journey word.
    if f.number.value.is_none() && head.is_none() && !has(JOURNEY_NOUNS) && !has(&["drive"]) {
        return None;
    }
    let (mut from, mut to) = leg_hints(t, win);
    if from.is_none() && to.is_none() {
        // The clause before the figure first ("fly to Minsk, some 700 km
        // away, and then return to Beijing, roughly 5,800 km": Beijing for
        // the second figure), then the whole sentence.
        (from, to) = leg_hints(t, clause_before(t, win.0));
        if from.is_none() && to.is_none() {
            (from, to) = leg_hints(t, sentence);
        }
    }
    // "Komsomolsk, about 1,000 km east of Vostochny": a distance between
    // the place the clause describes and the one after "east of".
    let bearing = bearing_of(&words);
    if let Some(anchor) = bearing.and_then(|i| place_after(t, win.0 + i + 1, win.1)) {
        if to.as_deref() == Some(anchor.as_str()) {
            to = from.take();
        }
        from = Some(anchor);
    }
    let window_mode = nearest_mode(t, win, f);
    let mode_hint = window_mode.or_else(|| nearest_mode(t, sentence, f));
    // Strong cues: the head noun itself, its modifiers, or "by/of X" after it.
    let strong = head.as_ref().and_then(|(k, mods)| {
        let near = mods.iter().copied().chain([*k, k + 1, k + 2]);
        near.filter(|&j| j < win.1)
            .filter_map(|j| {
                let w = t[j].lower();
                if matches!(w.as_str(), "air" | "sea") && !(j > 0 && t[j - 1].is("by")) {
                    return None;
                }
                mode_word(&w)
            })
            .next()
            // "The 472-km line": a line measured in km is a railway.
            .or_else(|| matches!(t[*k].lower().as_str(), "line" | "lines").then_some(Mode::Rail))
    });
    let straight_line = words
        .iter()
        .filter(|w| *w != "-")
        .collect::<Vec<_>>()
        .windows(2)
        .any(|p| p[0] == "straight" && p[1] == "line");
    let straight = has(&["crow", "apart"])
        || bearing.is_some()
        || straight_line
        || (has(&["direct"]) && !has(&["flight", "train", "route", "flights", "trains"]));
    let measured = if straight {
        Measured::StraightLine
    } else if let Some(m) = strong {
        measured_of(m)
    } else if has(LEG_CUES) {
        Measured::Leg
    } else if head_word
        .as_deref()
        .is_some_and(|w| JOURNEY_NOUNS.contains(&w))
    {
        Measured::Journey
    } else if let Some(m) = mode_hint {
        measured_of(m)
    } else {
        Measured::Journey
    };
    // "The flight took ten hours", "a 30-km drive": one leg, not all.
    let one_leg = head_word
        .as_deref()
        .is_some_and(|w| ONE_LEG_NOUNS.contains(&w))
        || (head_word.is_none() && has(ONE_LEG_NOUNS) && !has(&["flights", "drives", "rides"]));
    Some(Reading {
        measured,
        mode_hint,
        from,
        to,
        one_leg,
    })
}
