//! Journeys told in six short texts written for these tests, resolved with
//! a small hand-made place table (the geoparser has its own tests; these
//! test the itinerary logic alone).

use super::*;
use crate::geoparse::{Mention, MentionKind, ResolvedPlace};

/// (name as written, id, country, feature code, lat, lon)
type Row = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    f64,
    f64,
);

const PLACES: &[Row] = &[
    ("Vienna", "geonames:2761369", "AT", "PPLC", 48.2085, 16.3721),
    (
        "Stockholm",
        "geonames:2673730",
        "SE",
        "PPLC",
        59.3294,
        18.0687,
    ),
    ("Baltic Sea", "wikipedia:Baltic_Sea", "", "SEA", 58.0, 20.0),
    ("North Sea", "wikipedia:North_Sea", "", "SEA", 56.0, 3.0),
    ("Hungary", "country:HU", "HU", "PCLI", 47.0, 20.0),
    (
        "Hegyeshalom",
        "geonames:3051567",
        "HU",
        "PPL",
        47.9111,
        17.1536,
    ),
    (
        "Budapest",
        "geonames:3054643",
        "HU",
        "PPLC",
        47.4980,
        19.0399,
    ),
    ("Szeged", "geonames:715429", "HU", "PPLA", 46.253, 20.14824),
    (
        "Belgrade",
        "geonames:792680",
        "RS",
        "PPLC",
        44.8040,
        20.4651,
    ),
    (
        "Ottawa",
        "geonames:6094817",
        "CA",
        "PPLC",
        45.4112,
        -75.6981,
    ),
    (
        "Reykjavik",
        "geonames:3413829",
        "IS",
        "PPLC",
        64.1355,
        -21.8954,
    ),
    ("Oslo", "geonames:3143244", "NO", "PPLC", 59.9127, 10.7461),
    (
        "Helsinki",
        "geonames:658225",
        "FI",
        "PPLC",
        60.1695,
        24.9354,
    ),
    (
        "Denver",
        "geonames:5419384",
        "US",
        "PPLA",
        39.7392,
        -104.9847,
    ),
    (
        "Salt Lake City",
        "geonames:5780993",
        "US",
        "PPLA",
        40.7608,
        -111.8910,
    ),
    (
        "Grand Junction",
        "geonames:5423573",
        "US",
        "PPLA2",
        39.0639,
        -108.5506,
    ),
    (
        "Boise",
        "geonames:5586437",
        "US",
        "PPLA",
        43.6135,
        -116.2035,
    ),
    ("Idaho", "admin1:US.ID", "US", "ADM1", 44.5, -114.2),
    ("Sapa", "geonames:1566166", "VN", "PPL", 22.3364, 103.8438),
    ("Hanoi", "geonames:1581130", "VN", "PPLC", 21.0245, 105.8412),
    (
        "Lao Cai",
        "geonames:1562414",
        "VN",
        "PPLA",
        22.4856,
        103.9707,
    ),
    ("Berlin", "geonames:2950159", "DE", "PPLC", 52.5244, 13.4105),
    ("Rome", "geonames:3169070", "IT", "PPLC", 41.8919, 12.5113),
    ("Munich", "geonames:2867714", "DE", "PPLA", 48.1374, 11.5755),
    (
        "Innsbruck",
        "geonames:2775220",
        "AT",
        "PPLA",
        47.2627,
        11.3945,
    ),
    (
        "Verona",
        "geonames:3164527",
        "IT",
        "PPLA2",
        45.4339,
        10.9859,
    ),
    ("Geneva", "geonames:2660646", "CH", "PPLA", 46.2022, 6.1457),
    ("Lagos", "geonames:2332459", "NG", "PPL", 6.4541, 3.3947),
    ("London", "geonames:2643743", "GB", "PPLC", 51.5085, -0.1257),
    ("Nairobi", "geonames:184745", "KE", "PPLC", -1.2833, 36.8167),
    (
        "Addis Ababa",
        "geonames:344979",
        "ET",
        "PPLC",
        9.0250,
        38.7469,
    ),
    ("Kampala", "geonames:232422", "UG", "PPLC", 0.3163, 32.5822),
    ("Kigali", "geonames:202061", "RW", "PPLC", -1.9499, 30.0588),
    ("Africa", "geonames:6255146", "", "CONT", 7.19, 21.09),
];

/// Finds every row's name on word boundaries, longest first.
fn mock_mentions(doc: usize, text: &str) -> Vec<Mention> {
    let mut rows: Vec<&Row> = PLACES.iter().collect();
    rows.sort_by_key(|r| std::cmp::Reverse(r.0.len()));
    let mut taken = vec![false; text.len()];
    let mut out = Vec::new();
    // As written, and in a dateline's capitals.
    let forms = rows
        .iter()
        .flat_map(|r| [(r.0.to_string(), *r), (r.0.to_uppercase(), *r)]);
    for (form, r) in forms.collect::<Vec<_>>() {
        for (i, _) in text.match_indices(form.as_str()) {
            let end = i + form.len();
            let boundary = |c: Option<char>| !c.is_some_and(|c| c.is_alphanumeric());
            if taken[i..end].iter().any(|t| *t)
                || !boundary(text[..i].chars().next_back())
                || !boundary(text[end..].chars().next())
            {
                continue;
            }
            taken[i..end].iter_mut().for_each(|t| *t = true);
            out.push(Mention {
                doc,
                span: i..end,
                text: form.clone(),
                kind: MentionKind::Place,
                place: Some(ResolvedPlace {
                    id: r.1.into(),
                    name: r.0.into(),
                    country: r.2.into(),
                    feature_code: r.3.into(),
                    population: 0,
                    lat: r.4,
                    lon: r.5,
                }),
                confidence: 1.0,
                runners_up: vec![],
                reason: String::new(),
            });
        }
    }
    // Demonyms, as the geoparser marks them: adjectival, not places.
    for (word, cc) in [("Hungarian", "HU"), ("Austrian", "AT")] {
        for (i, _) in text.match_indices(word) {
            out.push(Mention {
                doc,
                span: i..i + word.len(),
                text: word.to_string(),
                kind: MentionKind::Adjectival,
                place: Some(ResolvedPlace {
                    id: format!("country:{cc}"),
                    name: word.into(),
                    country: cc.into(),
                    feature_code: "PCLI".into(),
                    population: 0,
                    lat: 0.0,
                    lon: 0.0,
                }),
                confidence: 1.0,
                runners_up: vec![],
                reason: String::new(),
            });
        }
    }
    out.sort_by_key(|m| m.span.start);
    out
}

fn run(text: &str) -> Itinerary {
    let doc = Document::from_text("test.txt", text);
    let mentions = mock_mentions(0, &doc.text);
    extract(&[doc], &mentions)
}

/// The first journey's waypoint names.
fn waypoint_names(it: &Itinerary) -> Vec<&str> {
    it.journeys[0]
        .waypoints
        .iter()
        .map(|w| w.name.as_str())
        .collect()
}

/// "traveller: A -rail-> B -road-> C" for each journey.
fn summary(it: &Itinerary) -> Vec<String> {
    it.journeys
        .iter()
        .map(|j| {
            let mut s = format!("{}:", j.traveller);
            for (i, w) in j.waypoints.iter().enumerate() {
                if i > 0 {
                    s += &format!(" -{}->", j.legs[i - 1].mode);
                }
                s += &format!(" {}", w.name);
            }
            s
        })
        .collect()
}

#[test]
fn train_journey_with_a_border_crossing() {
    let it = run(
        "Anna Berg boarded the night train in Vienna on Friday evening. \
        Her train crossed the border into Hungary near Hegyeshalom and pulled into Budapest \
        just after midnight. From Budapest she continued by train to Belgrade, arriving on Sunday.",
    );
    assert_eq!(
        summary(&it),
        ["Anna Berg: Vienna -rail-> Hegyeshalom -rail-> Budapest -rail-> Belgrade"]
    );
    let j = &it.journeys[0];
    assert_eq!(j.waypoints[0].role, Role::Origin);
    assert_eq!(j.waypoints[3].role, Role::Destination);
    assert!(j.waypoints.iter().all(|w| !w.evidence.is_empty()));
}

#[test]
fn demonyms_between_preposition_and_place_keep_the_link() {
    let it = run(
        "Anna Berg left Vienna by train on Monday and arrived in the small \
        Hungarian border town of Hegyeshalom an hour later.",
    );
    assert_eq!(summary(&it), ["Anna Berg: Vienna -rail-> Hegyeshalom"]);
}

#[test]
fn a_sea_crossed_is_no_waypoint() {
    let it = run(
        "Maria Lind took the overnight ferry from Helsinki across the Baltic Sea \
        to Stockholm. From Stockholm she flew over the North Sea to London.",
    );
    assert_eq!(
        summary(&it),
        ["Maria Lind: Helsinki -sea-> Stockholm -air-> London"]
    );
}

#[test]
fn a_mode_belongs_to_its_clause() {
    let it =
        run("Maria Lind took the overnight ferry from Helsinki to Stockholm, then flew to London.");
    assert_eq!(
        summary(&it),
        ["Maria Lind: Helsinki -sea-> Stockholm -air-> London"]
    );
}

#[test]
fn multi_stop_flight() {
    let it = run(
        "Prime Minister Rachel Moore flew out of Ottawa on Monday for a week-long tour. \
        Her plane stopped in Reykjavik to refuel before landing in Oslo, and she then flew on \
        to Helsinki, where the tour ends.",
    );
    assert_eq!(
        summary(&it),
        ["Rachel Moore: Ottawa -air-> Reykjavik -air-> Oslo -air-> Helsinki"]
    );
    assert_eq!(it.journeys[0].waypoints[1].role, Role::Stop);
}

#[test]
fn road_trip() {
    let it = run(
        "Tom Reilly drove his camper van from Denver to Salt Lake City over two days, \
        stopping overnight in Grand Junction. After a day of sightseeing he took the car on to \
        Boise, Idaho.",
    );
    assert_eq!(
        summary(&it),
        ["Tom Reilly: Denver -road-> Grand Junction -road-> Salt Lake City -road-> Boise"]
    );
}

#[test]
fn rail_then_road_told_out_of_order() {
    let it = run(
        "Aid worker Li Wen reached the village of Sapa by road on Thursday. \
        She had taken the overnight train from Hanoi to Lao Cai, then switched to a minibus \
        for the last stretch up the mountain.",
    );
    assert_eq!(summary(&it), ["Li Wen: Hanoi -rail-> Lao Cai -road-> Sapa"]);
}

#[test]
fn two_travellers_in_one_article() {
    let it = run(
        "Chancellor Klaus Meyer flew from Berlin to Rome on Tuesday for talks, while \
        his foreign minister, Eva Schulz, travelled by train from Munich to Rome via Innsbruck \
        and Verona.",
    );
    assert_eq!(
        summary(&it),
        [
            "Klaus Meyer: Berlin -air-> Rome",
            "Eva Schulz: Munich -rail-> Innsbruck -rail-> Verona -rail-> Rome"
        ]
    );
}

#[test]
fn most_places_are_context() {
    let it = run(
        "Speaking in Geneva, where the talks were first proposed in 2019, envoy Sam \
        Okafor said little. Okafor, who grew up in Lagos and studied in London, arrived in \
        Nairobi on Wednesday after a flight from Addis Ababa. Protests were held in Kampala \
        and Kigali the same day.",
    );
    assert_eq!(summary(&it), ["Sam Okafor: Addis Ababa -air-> Nairobi"]);
}

#[test]
fn origin_unknown_is_said_not_invented() {
    let it = run(
        "President Ada Novak touched down in Nairobi on Monday after a flight that \
        included a stop for refuelling in Addis Ababa.",
    );
    assert_eq!(summary(&it), ["Ada Novak: Addis Ababa -air-> Nairobi"]);
    let j = &it.journeys[0];
    assert_eq!(j.waypoints[0].role, Role::Stop);
    assert!(
        j.notes.iter().any(|n| n.contains("origin not stated")),
        "{:?}",
        j.notes
    );
}

#[test]
fn no_movement_no_journey() {
    let it = run("Officials in Vienna and Budapest discussed the rail link on Monday.");
    assert!(it.journeys.is_empty(), "{:?}", summary(&it));
}

#[test]
fn itinerary_round_trips_through_toml() {
    let it = run("Anna Berg took the train from Vienna to Budapest.");
    assert_eq!(from_toml("x.toml", &to_toml(&it)).unwrap(), it);
}

#[test]
fn the_one_met_is_not_the_one_who_travels() {
    let it = run("Premier Anna Berg flew from Oslo to Berlin on Monday. \
        Berg will hold talks with Chancellor Jan Nowak before travelling on to Munich by train.");
    assert_eq!(
        summary(&it),
        ["Anna Berg: Oslo -air-> Berlin -rail-> Munich"]
    );
}

#[test]
fn places_are_ordered_as_told_and_a_return_closes_the_trip() {
    // By geography alone the tour would run Berlin → Munich → Geneva → Rome.
    let it = run(
        "Chancellor Eva Lind arrived in Rome on Monday after a flight from Berlin. \
        Lind will travel on to Geneva by train. After two days in Geneva, Lind is expected to \
        fly to Munich and then return to Berlin.",
    );
    assert_eq!(
        summary(&it),
        ["Eva Lind: Berlin -air-> Rome -rail-> Geneva -air-> Munich -air-> Berlin"]
    );
    let roles: Vec<Role> = it.journeys[0].waypoints.iter().map(|w| w.role).collect();
    assert_eq!(roles.first(), Some(&Role::Origin));
    assert_eq!(roles.last(), Some(&Role::Destination));
}

#[test]
fn going_home_closes_the_trip_at_its_start() {
    let it = run(
        "Premier Anna Berg left Oslo on Tuesday. She will first fly to London for talks, \
        then travel on to Rome. Berg is due to return home via Berlin on Sunday.",
    );
    assert_eq!(
        summary(&it),
        ["Anna Berg: Oslo -air-> London -air-> Rome -air-> Berlin -air-> Oslo"]
    );
}

#[test]
fn a_mode_from_an_area_is_the_leg_leaving_it() {
    // "by train from Hungary" is the leg out of Hungary, not the drive
    // inside it.
    let it = run(
        "Chancellor Eva Lind flew from Oslo to Budapest, then drove to Szeged. From there \
        she reached Vienna by train from Hungary.",
    );
    assert_eq!(
        summary(&it),
        ["Eva Lind: Oslo -air-> Budapest -road-> Szeged -rail-> Vienna"]
    );
}

#[test]
fn an_ordinal_of_a_thing_is_no_other_trip() {
    // "first … line" and "last week" describe this trip; "his first visit"
    // would be another.
    let it = run(
        "BERLIN (AP) — Eva Lind drove from Munich to Berlin last week to see the city's first \
        electric bus line.",
    );
    assert_eq!(summary(&it), ["Eva Lind: Munich -road-> Berlin"]);
    // Told of another event, a flight is no leg of this trip; the same
    // flight told plainly is one.
    let it =
        run("Chancellor Eva Lind recalled their first summit, when she flew from Rome to Berlin.");
    assert!(it.journeys.is_empty(), "{:?}", summary(&it));
    let it = run("Chancellor Eva Lind recalled the summit, when she flew from Rome to Berlin.");
    assert_eq!(summary(&it), ["Eva Lind: Rome -air-> Berlin"]);
}

#[test]
fn the_place_returned_to_is_where_the_trip_began() {
    let it = run(
        "Chancellor Eva Lind flew into Rome from Munich on Sunday. The chancellor will return to \
        Berlin on Tuesday.",
    );
    let names = waypoint_names(&it);
    assert_eq!(names, ["Berlin", "Munich", "Rome", "Berlin"]);
}

#[test]
fn a_named_train_service_is_rail() {
    let it = run("Chancellor Eva Lind took the TGV from Geneva to Munich on Friday.");
    assert_eq!(summary(&it), ["Eva Lind: Geneva -rail-> Munich"]);
}

#[test]
fn then_from_a_place_sets_off_from_it_after_the_last() {
    // By geography Berlin would come between Oslo and Munich.
    let it = run("Premier Anna Berg drove from Oslo to Munich. She then flew from Berlin to Rome.");
    let names = waypoint_names(&it);
    assert_eq!(names, ["Oslo", "Munich", "Berlin", "Rome"]);
    // How she got from Munich to Berlin is not said: the leg takes her
    // main mode, with a note.
    assert!(it.journeys[0].notes.iter().any(|n| n.contains("main mode")));
}

#[test]
fn a_border_crossed_at_a_place_passes_it() {
    // "left Vienna … and crossed the border at Hegyeshalom": the nearest
    // verb, not the earlier "left", gives Hegyeshalom its role.
    let it = run(
        "Chancellor Eva Lind left Vienna by train on Monday and crossed the border at \
        Hegyeshalom before heading on towards Budapest.",
    );
    assert_eq!(
        summary(&it),
        ["Eva Lind: Vienna -rail-> Hegyeshalom -rail-> Budapest"]
    );
}

#[test]
fn a_sequence_word_before_the_verb_or_opening_the_sentence_moves_on() {
    // By geography Berlin would come before Rome.
    let it = run(
        "Premier Anna Berg flew from Oslo to Rome on Monday for talks. After the talks, Berg \
        flew to Berlin. She then travelled on the overnight sleeper train to Geneva.",
    );
    assert_eq!(waypoint_names(&it), ["Oslo", "Rome", "Berlin", "Geneva"]);
    let it = run(
        "Premier Anna Berg flew from Oslo to Rome on Monday for talks. Berg then travelled \
        by the overnight sleeper train of the state railway to Berlin.",
    );
    assert_eq!(waypoint_names(&it), ["Oslo", "Rome", "Berlin"]);
}

#[test]
fn a_reported_plan_is_this_trip_and_a_supposition_is_not() {
    let it = run(
        "Chancellor Eva Lind flew from Berlin to Rome on Monday. Her office said the \
        chancellor would fly on to Geneva on Friday.",
    );
    assert_eq!(waypoint_names(&it), ["Berlin", "Rome", "Geneva"]);
    let it = run(
        "Chancellor Eva Lind flew from Berlin to Rome on Monday. Her office said the \
        chancellor would have flown on to Geneva but for the storm.",
    );
    assert_eq!(waypoint_names(&it), ["Berlin", "Rome"]);
    let it =
        run("Chancellor Eva Lind flew from Berlin to Rome. A train to Geneva would take longer.");
    assert_eq!(waypoint_names(&it), ["Berlin", "Rome"]);
}

#[test]
fn the_airport_at_a_place_takes_the_role_of_the_preposition_before_it() {
    let it = run(
        "Chancellor Eva Lind took the train from Vienna to Budapest. From Budapest, Lind was \
        driven to the airport at Szeged, where she boarded a plane bound for Rome.",
    );
    assert_eq!(
        summary(&it),
        ["Eva Lind: Vienna -rail-> Budapest -road-> Szeged -air-> Rome"]
    );
}

#[test]
fn it_as_the_subject_of_a_movement_is_the_travellers_vehicle() {
    let it = run(
        "Chancellor Eva Lind's train left Vienna on Monday. It then passed through Hegyeshalom \
        before pulling into Budapest.",
    );
    assert_eq!(waypoint_names(&it), ["Vienna", "Hegyeshalom", "Budapest"]);
}

#[test]
fn a_place_gone_back_to_is_visited_again() {
    // Budapest twice: out to Rome through it, and back through it.
    let it = run(
        "Chancellor Eva Lind took the train from Vienna to Budapest, where she boarded a plane \
        bound for Rome. She then flew back to Budapest and returned to Vienna by train.",
    );
    assert_eq!(
        summary(&it),
        ["Eva Lind: Vienna -rail-> Budapest -air-> Rome -air-> Budapest -rail-> Vienna"]
    );
}

#[test]
fn a_place_visited_is_gone_to_and_a_long_unsaid_leg_is_flown() {
    // "visit Oslo" sends her to Oslo; nothing says how she gets there from
    // Geneva (1,400 km): a flight, not the train of the first leg.
    let it = run(
        "Chancellor Eva Lind took the train from Munich to Geneva. She will visit Oslo on \
        Friday.",
    );
    assert_eq!(
        summary(&it),
        ["Eva Lind: Munich -rail-> Geneva -air-> Oslo"]
    );
    assert!(it.journeys[0]
        .notes
        .iter()
        .any(|n| n.contains("taken as flights")));
}

#[test]
fn left_a_for_b_goes_to_b_and_a_listed_pair_keeps_its_order() {
    let it = run("Chancellor Eva Lind left Munich for Vienna on Tuesday by car.");
    assert_eq!(summary(&it), ["Eva Lind: Munich -road-> Vienna"]);
    // By geography Budapest would come before Hegyeshalom.
    let it = run(
        "Chancellor Eva Lind left Vienna by train on Monday and travelled on to Budapest and \
        Hegyeshalom.",
    );
    assert_eq!(waypoint_names(&it), ["Vienna", "Budapest", "Hegyeshalom"]);
}

#[test]
fn a_first_summit_as_the_purpose_is_this_trip() {
    let it = run(
        "Chancellor Eva Lind arrived in Rome by train from Geneva on Monday for her first summit \
        with the pope.",
    );
    assert_eq!(summary(&it), ["Eva Lind: Geneva -rail-> Rome"]);
}

#[test]
fn a_continent_with_named_places_in_it_is_no_waypoint() {
    let it = run(
        "Premier Anna Berg landed in Nairobi on Tuesday, the first stop of a six-day trip to \
        Africa, after a flight from Oslo. She will fly on to Kigali on Friday. The premier \
        returns to Oslo on Sunday.",
    );
    assert_eq!(
        summary(&it),
        ["Anna Berg: Oslo -air-> Nairobi -air-> Kigali -air-> Oslo"]
    );
}

#[test]
fn stops_called_off_are_no_part_of_the_trip() {
    let it = run(
        "Premier Anna Berg will fly from Oslo to Rome on Wednesday. She had planned to travel on \
        to Nairobi and Kigali, but those stops were canceled. She will instead return to Oslo \
        on Sunday.",
    );
    assert_eq!(summary(&it), ["Anna Berg: Oslo -air-> Rome -air-> Oslo"]);
}

#[test]
fn a_comma_list_of_places_shares_the_role_of_its_first() {
    // "Hanoi, Japan's TBS": no list.
    let it = run(
        "Premier Anna Berg flew from Oslo to Lagos on Monday. From Lagos she will travel to \
        Nairobi, Kampala and Kigali before ending the trip in Rome.",
    );
    assert_eq!(
        waypoint_names(&it),
        ["Oslo", "Lagos", "Nairobi", "Kampala", "Kigali", "Rome"]
    );
}

#[test]
fn a_ship_named_after_a_queen_is_the_ship() {
    let it = run("The cruise ship Queen Mary 2 left Oslo on Sunday for Reykjavik.");
    assert_eq!(summary(&it), ["Queen Mary 2: Oslo -sea-> Reykjavik"]);
}

#[test]
fn the_flight_is_the_travellers_and_a_country_flown_over_is_no_stop() {
    let it = run(
        "Chancellor Eva Lind arrived in Rome on Sunday. The flight from Oslo, which took three \
        hours, passed over Hungary.",
    );
    assert_eq!(summary(&it), ["Eva Lind: Oslo -air-> Rome"]);
}

#[test]
fn an_owned_train_names_its_traveller_and_a_time_keeps_a_pair() {
    // "Eva Lind's train, which left …": Lind travels; "Budapest by midnight
    // and Belgrade on Monday" are both gone to.
    let it = run(
        "Eva Lind's train, which left Vienna on Saturday, is expected to reach Budapest by \
        midnight and Belgrade on Monday morning.",
    );
    assert_eq!(
        summary(&it),
        ["Eva Lind: Vienna -rail-> Budapest -rail-> Belgrade"]
    );
}

#[test]
fn a_short_family_name_after_a_title_travels_and_talks_are_a_stop() {
    // "To Lam"; "hold talks in Rome before travelling to Geneva" stops in
    // Rome; with no mode in the text and a 2,000 km leg, the trip flies.
    let it = run(
        "General Secretary To Lam left Oslo on Monday. The leader will hold talks in Rome \
        before travelling to Geneva on Thursday.",
    );
    assert_eq!(summary(&it), ["To Lam: Oslo -air-> Rome -air-> Geneva"]);
}

#[test]
fn a_place_written_only_in_a_dateline_takes_its_gazetteer_name() {
    let it = run("OSLO (AP) — Premier Anna Berg departed from OSLO on Sunday for Rome.");
    assert_eq!(waypoint_names(&it), ["Oslo", "Rome"]);
}
