//! Finding figures in a sentence: a number (digits or words, or a vague
//! word like "several"), an optional qualifier before it ("about", "more
//! than"), and a unit of distance, duration or speed after it, in spaced,
//! compact ("3220km") or hyphenated ("1,850-mile", "three-day") form.

use super::tokens::{Kind, Tok};
use super::Qualifier;

/// A unit as the article writes it, normalised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Km,
    Metre,
    Mile,
    NauticalMile,
    KmPerHour,
    MilePerHour,
    Minute,
    Hour,
    Day,
}

/// A number as written: `None` value for vague words ("several").
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Number {
    pub value: Option<f64>,
    /// The rounding unit of the figure in its written unit: 2900 → 100,
    /// 3220 → 10, 3.5 → 0.1, "three" → 1.
    pub rounding: f64,
}

/// A figure found in a token list: tokens `first..end` (qualifier
/// included), the number tokens `num_first..unit_first`, the unit tokens
/// `unit_first..end`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Figure {
    pub first: usize,
    pub num_first: usize,
    pub unit_first: usize,
    pub end: usize,
    pub number: Number,
    pub unit: Unit,
    pub qualifier: Qualifier,
}

const ONES: &[(&str, f64)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];

const VAGUE: &[&str] = &["several", "few", "many", "dozens", "hundreds", "thousands"];

fn word_value(w: &str) -> Option<f64> {
    ONES.iter().find(|(n, _)| *n == w).map(|&(_, v)| v)
}

/// Rounding unit of a digit string: the place of its last significant digit
/// ("2900" → 100, "3220" → 10, "65" → 1, "3.50" → 0.01).
fn digit_rounding(s: &str) -> f64 {
    let s = s.replace(',', "");
    if let Some((_, frac)) = s.split_once('.') {
        return 10f64.powi(-(frac.len() as i32));
    }
    let zeros = s.chars().rev().take_while(|&c| c == '0').count();
    if zeros == s.len() {
        1.0
    } else {
        10f64.powi(zeros as i32)
    }
}

/// Parses a number starting at token `i`; returns it and the index after it.
pub(crate) fn parse_number(t: &[Tok], i: usize) -> Option<(Number, usize)> {
    let tok = t.get(i)?;
    if tok.kind == Kind::Num {
        let value: f64 = tok.text.replace(',', "").parse().ok()?;
        let rounding = digit_rounding(tok.text);
        return Some((
            Number {
                value: Some(value),
                rounding,
            },
            i + 1,
        ));
    }
    if tok.kind != Kind::Word {
        return None;
    }
    let w = tok.lower();
    // "a dozen", "a few", "half an hour", "half-hour"
    if w == "a" || w == "an" {
        let next = t.get(i + 1)?.lower();
        return match next.as_str() {
            "dozen" => Some((
                Number {
                    value: Some(12.0),
                    rounding: 12.0,
                },
                i + 2,
            )),
            // "an hour's drive", "a day's journey"
            "hour's" | "hour’s" | "day's" | "day’s" => Some((
                Number {
                    value: Some(1.0),
                    rounding: 1.0,
                },
                i + 1,
            )),
            "few" | "couple" => {
                let skip_of = usize::from(t.get(i + 2).is_some_and(|x| x.is("of")));
                Some((
                    Number {
                        value: None,
                        rounding: 1.0,
                    },
                    i + 2 + skip_of,
                ))
            }
            _ => None,
        };
    }
    if w == "half" {
        let mut j = i + 1;
        if t.get(j).is_some_and(|x| x.is("an") || x.is("a")) {
            j += 1;
        }
        return Some((
            Number {
                value: Some(0.5),
                rounding: 0.5,
            },
            j,
        ));
    }
    if VAGUE.contains(&w.as_str()) {
        let skip_of = usize::from(t.get(i + 1).is_some_and(|x| x.is("of")));
        return Some((
            Number {
                value: None,
                rounding: 1.0,
            },
            i + 1 + skip_of,
        ));
    }
    let mut value = word_value(&w)?;
    let mut j = i + 1;
    // "twenty-five"
    if value >= 20.0 && t.get(j).is_some_and(|x| x.is_punct('-') && x.glued) {
        if let Some(ones) = t.get(j + 1).and_then(|x| word_value(&x.lower())) {
            if ones < 10.0 {
                value += ones;
                j += 2;
            }
        }
    }
    for (word, factor) in [("hundred", 100.0), ("thousand", 1000.0)] {
        if t.get(j).is_some_and(|x| x.is(word)) {
            value *= factor;
            j += 1;
        }
    }
    // "one and a half"
    if t.get(j).is_some_and(|x| x.is("and"))
        && t.get(j + 1).is_some_and(|x| x.is("a"))
        && t.get(j + 2).is_some_and(|x| x.is("half"))
    {
        value += 0.5;
        j += 3;
    }
    let rounding = if value >= 100.0 {
        digit_rounding(&format!("{value:.0}"))
    } else {
        1.0
    };
    Some((
        Number {
            value: Some(value),
            rounding,
        },
        j,
    ))
}

/// Parses a unit starting at token `i`; returns it and the index after it.
pub(crate) fn parse_unit(t: &[Tok], i: usize) -> Option<(Unit, usize)> {
    let w = t.get(i).filter(|x| x.kind == Kind::Word)?.lower();
    let next = |k: usize| t.get(i + k).map(|x| x.lower()).unwrap_or_default();
    let per_hour = |j: usize| -> Option<usize> {
        // "/h", "per hour", "an hour"
        let a = t.get(j)?;
        let b = t.get(j + 1)?;
        let slash_h = a.is_punct('/') && (b.is("h") || b.is("hr"));
        let per_hour = (a.is("per") || a.is("an") || a.is("a")) && b.is("hour");
        (slash_h || per_hour).then_some(j + 2)
    };
    let (unit, end) = match w.as_str() {
        "km" | "kms" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => {
            match per_hour(i + 1) {
                Some(e) => (Unit::KmPerHour, e),
                None => (Unit::Km, i + 1),
            }
        }
        "kph" | "kmh" => (Unit::KmPerHour, i + 1),
        "mph" => (Unit::MilePerHour, i + 1),
        "metre" | "metres" | "meter" | "meters" => (Unit::Metre, i + 1),
        "mile" | "miles" => match per_hour(i + 1) {
            Some(e) => (Unit::MilePerHour, e),
            None => (Unit::Mile, i + 1),
        },
        "nautical" if next(1).starts_with("mile") => (Unit::NauticalMile, i + 2),
        "nm" => (Unit::NauticalMile, i + 1),
        "minute" | "minutes" | "min" | "mins" => (Unit::Minute, i + 1),
        "hour" | "hours" | "hr" | "hrs" | "hour's" | "hours'" => (Unit::Hour, i + 1),
        "day" | "days" | "day's" | "days'" => (Unit::Day, i + 1),
        _ => return None,
    };
    Some((unit, end))
}

/// Parses a qualifier that ends just before token `i`; returns it and the
/// index of its first token.
fn parse_qualifier(t: &[Tok], i: usize) -> (Qualifier, usize) {
    let word = |k: usize| -> String {
        i.checked_sub(k)
            .and_then(|j| t.get(j))
            .map(|x| x.lower())
            .unwrap_or_default()
    };
    let two = (word(2), word(1));
    let q2 = match (two.0.as_str(), two.1.as_str()) {
        ("more", "than") => Some(Qualifier::MoreThan),
        ("at", "least") => Some(Qualifier::AtLeast),
        ("up", "to") => Some(Qualifier::UpTo),
        ("less", "than") | ("fewer", "than") => Some(Qualifier::LessThan),
        ("close", "to") => Some(Qualifier::About),
        _ => None,
    };
    if let Some(q) = q2 {
        return (q, i - 2);
    }
    let q1 = match two.1.as_str() {
        "about" | "around" | "roughly" | "approximately" | "some" | "approx" | "circa" => {
            Some(Qualifier::About)
        }
        "nearly" | "almost" => Some(Qualifier::Nearly),
        "over" => Some(Qualifier::MoreThan),
        "under" => Some(Qualifier::LessThan),
        _ => None,
    };
    match q1 {
        Some(q) => (q, i - 1),
        None => (Qualifier::Exact, i),
    }
}

/// Every figure in `t`, left to right, not overlapping. A conversion in
/// brackets right after a figure ("500 km (310 miles)") is the same figure
/// and is skipped.
pub(crate) fn find_figures(t: &[Tok]) -> Vec<Figure> {
    let mut out: Vec<Figure> = Vec::new();
    let mut i = 0;
    while i < t.len() {
        match figure_at(t, i) {
            Some(f) => {
                i = f.end;
                let conversion = out.last().is_some_and(|prev| {
                    f.first == prev.end + 1
                        && t[prev.end].is_punct('(')
                        && t.get(f.end).is_some_and(|x| x.is_punct(')'))
                        && prev.unit.dimension() == f.unit.dimension()
                });
                if !conversion {
                    out.push(f);
                }
            }
            None => i += 1,
        }
    }
    out
}

impl Unit {
    /// 0 distance, 1 speed, 2 duration.
    fn dimension(self) -> u8 {
        match self {
            Unit::Km | Unit::Metre | Unit::Mile | Unit::NauticalMile => 0,
            Unit::KmPerHour | Unit::MilePerHour => 1,
            Unit::Minute | Unit::Hour | Unit::Day => 2,
        }
    }
}

/// A figure whose number starts at token `i`.
pub(crate) fn figure_at(t: &[Tok], i: usize) -> Option<Figure> {
    let (number, mut j) = parse_number(t, i)?;
    // A number glued to letters that are not a unit ("9pm", "1.64m", "3.30am")
    // is something else: do not read the letters after a hyphen.
    if t.get(j).is_some_and(|x| x.is_punct('-') && x.glued) {
        j += 1;
    }
    let (unit, end) = parse_unit(t, j)?;
    // "a dozen" and vague words only count before a duration or distance
    // word, which parse_unit has just required.
    let (qualifier, first) = parse_qualifier(t, i);
    Some(Figure {
        first,
        num_first: i,
        unit_first: j,
        end,
        number,
        unit,
        qualifier,
    })
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn one(s: &str) -> Option<(Option<f64>, f64, Unit, Qualifier)> {
        let t = tokenize(s, 0);
        let f = find_figures(&t).into_iter().next()?;
        Some((f.number.value, f.number.rounding, f.unit, f.qualifier))
    }

    #[test]
    fn numbers_and_units() {
        use Qualifier::*;
        use Unit::*;
        assert_eq!(
            one("its 3220km train"),
            Some((Some(3220.0), 10.0, Km, Exact))
        );
        assert_eq!(
            one("a 1,850-mile journey"),
            Some((Some(1850.0), 10.0, Mile, Exact))
        );
        assert_eq!(
            one("about 2900 kilometers"),
            Some((Some(2900.0), 100.0, Km, About))
        );
        assert_eq!(one("a three-day trip"), Some((Some(3.0), 1.0, Day, Exact)));
        assert_eq!(
            one("twenty-five minutes"),
            Some((Some(25.0), 1.0, Minute, Exact))
        );
        assert_eq!(
            one("more than 70 hours"),
            Some((Some(70.0), 10.0, Hour, MoreThan))
        );
        assert_eq!(
            one("at 120 km/h"),
            Some((Some(120.0), 10.0, KmPerHour, Exact))
        );
        assert_eq!(
            one("60 miles an hour"),
            Some((Some(60.0), 10.0, MilePerHour, Exact))
        );
        assert_eq!(
            one("300 nautical miles"),
            Some((Some(300.0), 100.0, NauticalMile, Exact))
        );
        assert_eq!(one("several hours"), Some((None, 1.0, Hour, Exact)));
        assert_eq!(one("a dozen hours"), Some((Some(12.0), 12.0, Hour, Exact)));
        assert_eq!(one("half an hour"), Some((Some(0.5), 0.5, Hour, Exact)));
        assert_eq!(one("an hour's drive"), Some((Some(1.0), 1.0, Hour, Exact)));
        assert_eq!(one("a day’s journey"), Some((Some(1.0), 1.0, Day, Exact)));
        assert_eq!(one("3.5 km"), Some((Some(3.5), 0.1, Km, Exact)));
        assert_eq!(
            one("nearly 800 metres"),
            Some((Some(800.0), 100.0, Metre, Nearly))
        );
    }

    #[test]
    fn not_figures() {
        for s in [
            "at 9pm",
            "at 3.30am",
            "stood 1.64m",
            "300 grams",
            "in 1964",
            "the 35-year-old",
            "421 officials",
            "$5 million",
            "February 24, 2019",
        ] {
            assert_eq!(one(s), None, "{s}");
        }
    }
}
