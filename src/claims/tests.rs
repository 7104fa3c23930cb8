//! Claim extraction on sentences written for these tests: every form the
//! module reads, and the ones it must leave alone.

use super::*;

fn claims(text: &str) -> Vec<Claim> {
    extract(&Document::from_text("t.txt", text))
}

fn one(text: &str) -> Claim {
    let c = claims(text);
    assert_eq!(c.len(), 1, "{text}: {c:#?}");
    c.into_iter().next().unwrap()
}

fn km(c: &Claim) -> f64 {
    match c.quantity {
        Quantity::Distance(k) => k.0,
        q => panic!("not a distance: {q:?}"),
    }
}

fn hours(c: &Claim) -> f64 {
    match c.quantity {
        Quantity::Duration(h) => h.0,
        q => panic!("not a duration: {q:?}"),
    }
}

#[test]
fn distances_in_every_form() {
    let c = one("The convoy covered 1,234.5 km on the first day of the trip.");
    assert_eq!((km(&c), c.rounding), (1234.5, 0.1));
    let c = one("Its 3220km train journey ended in Lang Son.");
    assert_eq!((km(&c), c.measured), (3220.0, Measured::RailTrack));
    assert_eq!(c.sources[0].figure.quote, "3220km");
    let c = one("She made a 1,850-mile journey from Lisbon to Warsaw.");
    assert!((km(&c) - 2977.29).abs() < 0.01);
    assert_eq!(c.unit_as_written, "mile");
    assert_eq!(
        (c.from.as_deref(), c.to.as_deref()),
        (Some("Lisbon"), Some("Warsaw"))
    );
    let c = one("The ferry sails 300 nautical miles between Bari and Durres.");
    assert!((km(&c) - 555.6).abs() < 0.01);
    assert_eq!(c.measured, Measured::Sea);
    assert_eq!(
        (c.from.as_deref(), c.to.as_deref()),
        (Some("Bari"), Some("Durres"))
    );
    let c = one("The drive is 800 metres.");
    assert_eq!((km(&c), c.measured), (0.8, Measured::Road));
    let c = one("It is two hundred kilometers by road to the coast.");
    assert_eq!((km(&c), c.measured), (200.0, Measured::Road));
}

#[test]
fn straight_line_cues() {
    for s in [
        "The cities are 500 km apart.",
        "It is 500 kilometres as the crow flies.",
        "The straight-line distance is 500 km.",
        "In a straight line it is 500 km.",
        "The direct distance is 500 km.",
        "The capital lies about 300km north of the border.",
    ] {
        assert_eq!(one(s).measured, Measured::StraightLine, "{s}");
    }
}

#[test]
fn a_distance_east_of_a_place_runs_from_that_place() {
    // The place described (after "to") is one end, the one after "east of"
    // the other; the journey's start is neither.
    let c = one("He then travelled by train to Komsomolsk, about 1,000 km east of Vostochny.");
    assert_eq!(c.measured, Measured::StraightLine);
    assert_eq!(c.from.as_deref(), Some("Vostochny"));
    assert_eq!(c.to.as_deref(), Some("Komsomolsk"));
}

#[test]
fn a_line_is_a_railway_and_a_road_in_a_name_is_no_road() {
    let c = one("The 472-km line, built by China Road and Bridge Corporation, opened in 2017.");
    assert_eq!(c.measured, Measured::RailTrack);
    let c = one("He drove 40 km along Abbey Road to the studio.");
    assert_eq!(c.measured, Measured::Road);
}

#[test]
fn one_flight_or_drive_is_one_leg_and_flights_are_not() {
    assert!(one("The flight across the Atlantic took about 10 hours.").one_leg);
    assert!(one("He arrived after a drive of several hours.").one_leg);
    assert!(!one("His flights covered 15,000 km in all.").one_leg);
    assert!(!one("The journey took 60 hours.").one_leg);
}

#[test]
fn a_list_of_destinations_ends_at_its_last() {
    let c = one("The train continued on to Ussuriysk and Vladivostok, a journey of 1,180 km.");
    assert_eq!(c.to.as_deref(), Some("Vladivostok"));
    // Past a description ("the Chinese border city of") and a time.
    let c = one(
        "Kim's train is expected to reach the Chinese border city of Dandong by midnight and \
         Beijing on Monday morning, a journey of about 1,350 kilometres.",
    );
    assert_eq!(c.to.as_deref(), Some("Beijing"));
    assert_eq!(c.traveller.as_deref(), Some("Kim"));
    let c = one("He drove to Lang Son, a trip of 150 km, and later to Hanoi.");
    assert_eq!(c.to.as_deref(), Some("Lang Son"));
}

#[test]
fn the_days_of_a_trip_are_no_time_on_the_move() {
    assert!(
        claims("He landed in Kinshasa, the first stop of a six-day trip to Africa.").is_empty()
    );
    let c = one("He made a three-day train trip from Moscow to Vladivostok.");
    assert_eq!(c.measured, Measured::RailTrack);
}

#[test]
fn two_figures_in_one_sentence_keep_their_own_measure() {
    let c = claims(
        "Although the towns are only about 2900 kilometers apart as the crow flies, \
         the rail track amounts to some 4,500 kilometres.",
    );
    assert_eq!(c.len(), 2);
    assert_eq!(c[0].measured, Measured::StraightLine);
    assert_eq!(c[1].measured, Measured::RailTrack);
    assert_eq!(c[1].qualifier, Qualifier::About);
}

#[test]
fn durations_and_spelled_numbers() {
    let c = one("He set off on a three-day journey to Berlin.");
    assert_eq!((hours(&c), c.measured), (72.0, Measured::Journey));
    assert_eq!(c.to.as_deref(), Some("Berlin"));
    let c = one("The flight from Paris to Rome would take about two hours.");
    assert_eq!(
        (hours(&c), c.measured, c.qualifier),
        (2.0, Measured::Flight, Qualifier::About)
    );
    let c = one("The 65-hour train journey from Moscow was long.");
    assert_eq!((hours(&c), c.measured), (65.0, Measured::RailTrack));
    assert_eq!(c.from.as_deref(), Some("Moscow"));
    let c = one("They travelled by train, taking 70 hours to get there.");
    assert_eq!((hours(&c), c.measured), (70.0, Measured::RailTrack));
    let c = one("The crossing by sea took ninety minutes.");
    assert_eq!(hours(&c), 1.5);
    let c = one("The ride lasted a dozen hours.");
    assert_eq!(hours(&c), 12.0);
    let c = one("It is a journey of twenty-five hours.");
    assert_eq!(hours(&c), 25.0);
    let c = one("Kim travelled by car for five hours.");
    assert_eq!((hours(&c), c.measured), (5.0, Measured::Road));
    assert_eq!(c.traveller.as_deref(), Some("Kim"));
}

#[test]
fn vague_figures() {
    let c = one("The car arrived after a drive of several hours.");
    assert_eq!(c.quantity, Quantity::Vague(Dimension::Duration));
    assert_eq!(c.measured, Measured::Road);
    assert_eq!(c.value_as_written, "several");
    // No journey word near it: not a claim.
    assert!(claims("Sightings were made over the past few days.").is_empty());
    assert!(claims("Several hours were spent in talks.").is_empty());
}

#[test]
fn qualifiers() {
    use Qualifier::*;
    for (s, q) in [
        ("The journey was about 90 km.", About),
        ("The journey was around 90 km.", About),
        ("The journey was roughly 90 km.", About),
        ("The journey was some 90 km.", About),
        ("The journey was nearly 90 km.", Nearly),
        ("The journey was almost 90 km.", Nearly),
        ("The journey was more than 90 km.", MoreThan),
        ("The journey was over 90 km.", MoreThan),
        ("The journey was at least 90 km.", AtLeast),
        ("The journey was up to 90 km.", UpTo),
        ("The journey was 90 km.", Exact),
    ] {
        assert_eq!(one(s).qualifier, q, "{s}");
    }
}

#[test]
fn speeds() {
    let c = one("The train never went faster than 60 km/h on the trip.");
    assert_eq!(c.quantity, Quantity::Speed(KmPerHour(60.0)));
    assert_eq!(c.measured, Measured::RailTrack);
    let c = one("The motorcade drove at 40 mph.");
    assert!(matches!(c.quantity, Quantity::Speed(s) if (s.0 - 64.37).abs() < 0.01));
    let c = one("The train runs at 100 kilometres per hour.");
    assert_eq!(c.quantity, Quantity::Speed(KmPerHour(100.0)));
}

#[test]
fn not_about_the_journey() {
    for s in [
        "He stood 1.64m, rather than 1.7m.",
        "He is said to stand 1.7 metres tall.",
        "The ration was cut to 300 grams.",
        "His grandfather went there in 1964.",
        "He arrived just before 9pm on Tuesday.",
        "He was seen around 3.30am on the platform.",
        "The 35-year-old met Trump.",
        "He has had 421 officials executed.",
        "A team of around 100 bodyguards arrived.",
        "The photo gallery has 8 pictures.",
        "The deal was worth $5 million.",
        "It was signed on February 24, 2019.",
        "A team arrived in Hanoi two days ago.",
        "He stopped for a half-hour stop in Nanning.",
        "He is on a three-day visit to Paris.",
        "The summit lasts two days.",
        "The bridge is 1.2 kilometres long and 40 metres high.",
        "The 72-year-old spent three days in Paris.",
        "The leaders met for 90 minutes.",
        "The 3,500-kilometre-long border runs along the river.",
        "After two days in St Petersburg, Xi is expected to fly to Minsk.",
        "After five hours in Kyiv, he took the train back.",
    ] {
        assert!(claims(s).is_empty(), "{s}: {:#?}", claims(s));
    }
}

#[test]
fn traveller_from_names_and_pronouns() {
    let c = claims(
        "Angela Merkel arrived in Rome on Monday. She had made a 900-mile journey by train.",
    );
    assert_eq!(c[0].traveller.as_deref(), Some("Angela Merkel"));
    let c = one("President Joe Biden flew 7,000 km to Tokyo.");
    assert_eq!(c.traveller.as_deref(), Some("Joe Biden"));
    assert_eq!(c.measured, Measured::Flight);
    let c = one("The towns are 40 km apart.");
    assert_eq!(c.traveller, None);
    // "across the Atlantic took": a place before the verb, not a person.
    let c = claims("Biden flew home. The flight across the Atlantic took about 10 hours.");
    assert_eq!(c[0].traveller, None);
}

#[test]
fn repeated_sentences_are_one_claim_with_several_sources() {
    let text = "Kim took a 70-hour train journey.\n\nKim took a 70-hour train journey\n\nKim’s 70-hour trip.";
    let c = claims(text);
    assert_eq!(c.len(), 2);
    assert_eq!(c[0].sources.len(), 2);
    assert_eq!(c[0].sources[1].figure.line, 3);
    assert_eq!(c[1].sources[0].figure.line, 5);
}

#[test]
fn garbage_in_no_panic() {
    for s in [
        "",
        "km",
        "- - -",
        "1,,2 km",
        "9999999999999999999999 km",
        "\u{0}\u{1} 3 km",
    ] {
        let _ = claims(s);
    }
}

#[test]
fn modes_legs_and_more_units() {
    let c = one("The last stretch from Lang Son to Hanoi is 150 kilometers.");
    assert_eq!((km(&c), c.measured), (150.0, Measured::Leg));
    assert_eq!(
        (c.from.as_deref(), c.to.as_deref()),
        (Some("Lang Son"), Some("Hanoi"))
    );
    let c = one("By air it is a two-hour hop from Oslo.");
    assert_eq!((hours(&c), c.measured), (2.0, Measured::Flight));
    let c = one("It takes about 4 hours by plane.");
    assert_eq!(c.measured, Measured::Flight);
    let c = one("The 250 meters to the station are covered by train.");
    assert_eq!((km(&c), c.measured), (0.25, Measured::RailTrack));
    let c = one("The whole trip came to 2,450.5 miles.");
    assert_eq!(c.measured, Measured::Journey);
    assert_eq!(c.value_as_written, "2,450.5");
    let c = one("The train covered 90 miles in a day.");
    assert_eq!(c.measured, Measured::RailTrack);
}

#[test]
fn random_text_never_panics() {
    // A fixed pseudo-random generator: the same cases on every run.
    let pieces = [
        "1", "2,5", "3.", ".4", "km", "-", "mile", "hour", "’s", "Kim", "from", "to", ",", " ",
        "about", "more", "than", "half", "a", "dozen", "several", "é", "\n", "apart", "train", "/",
        "h", "per", "nautical", "(", ")", "—", "\u{200b}", "twenty", "-five", "Ü",
    ];
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..2000 {
        let mut s = String::new();
        for _ in 0..(x % 40) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            s.push_str(pieces[(x % pieces.len() as u64) as usize]);
        }
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        for c in claims(&s) {
            for src in &c.sources {
                assert!(s.contains(&src.figure.quote));
            }
        }
    }
}

#[test]
fn conversions_in_brackets_are_the_same_claim() {
    let c = one("They made a 500-kilometre (310-mile) trip to Hue.");
    assert_eq!((km(&c), c.measured), (500.0, Measured::Journey));
    assert_eq!(c.to.as_deref(), Some("Hue"));
    let c = one("The line is nearly 1,850 miles (2,977 km) of rail track.");
    assert_eq!(c.qualifier, Qualifier::Nearly);
    let c = one("Hanoi is an hour's drive away.");
    assert_eq!((hours(&c), c.measured), (1.0, Measured::Road));
}

#[test]
fn more_travellers_and_sizes() {
    let c = one("The Pope flew 11 hours from Rome to Buenos Aires.");
    assert_eq!(c.traveller.as_deref(), Some("Pope"));
    assert_eq!(c.measured, Measured::Flight);
    let c = one("The railway is 9,289 km long.");
    assert_eq!(c.measured, Measured::RailTrack);
}

#[test]
fn a_figure_takes_the_place_of_the_clause_before_it() {
    let t = "Xi will fly to Minsk, some 700 km away, and then return to Beijing, \
             roughly 5,800 km to the east.";
    let cs = claims(t);
    let to: Vec<Option<&str>> = cs.iter().map(|c| c.to.as_deref()).collect();
    assert_eq!(to, [Some("Minsk"), Some("Beijing")]);
}
