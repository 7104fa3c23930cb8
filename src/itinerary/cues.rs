//! The words that signal movement, mode and a place's role in a movement.
//! Kept as plain tables so they can be read, argued with and extended.

use crate::mode::Mode;

/// What a place is to a movement: where it started, where it ended, a
/// point passed or stopped at, or only where the sentence happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PlaceRole {
    From,
    To,
    Via,
    At,
}

/// Mode cue words (lower-case, matched as whole tokens or token pairs).
pub const MODE_CUES: &[(&str, Mode)] = &[
    ("train", Mode::Rail),
    ("trains", Mode::Rail),
    ("rail", Mode::Rail),
    ("railway", Mode::Rail),
    ("railways", Mode::Rail),
    ("railroad", Mode::Rail),
    ("station", Mode::Rail),
    ("platform", Mode::Rail),
    ("locomotive", Mode::Rail),
    ("carriage", Mode::Rail),
    ("sleeper", Mode::Rail),
    ("car", Mode::Road),
    ("cars", Mode::Road),
    ("limousine", Mode::Road),
    ("limo", Mode::Road),
    ("motorcade", Mode::Road),
    ("convoy", Mode::Road),
    ("drive", Mode::Road),
    ("drove", Mode::Road),
    ("driven", Mode::Road),
    ("driving", Mode::Road),
    ("road", Mode::Road),
    ("roads", Mode::Road),
    ("highway", Mode::Road),
    ("motorway", Mode::Road),
    ("expressway", Mode::Road),
    ("bus", Mode::Road),
    ("minibus", Mode::Road),
    ("van", Mode::Road),
    ("camper", Mode::Road),
    ("coach", Mode::Road),
    ("taxi", Mode::Road),
    ("truck", Mode::Road),
    ("motorbike", Mode::Road),
    ("motorcycle", Mode::Road),
    ("bicycle", Mode::Road),
    ("cycled", Mode::Road),
    ("flight", Mode::Air),
    ("flights", Mode::Air),
    ("flew", Mode::Air),
    ("fly", Mode::Air),
    ("flying", Mode::Air),
    ("flown", Mode::Air),
    ("plane", Mode::Air),
    ("jet", Mode::Air),
    ("aircraft", Mode::Air),
    ("airliner", Mode::Air),
    ("airport", Mode::Air),
    ("airline", Mode::Air),
    ("refuelling", Mode::Air),
    ("refueling", Mode::Air),
    ("landed", Mode::Air),
    ("touched", Mode::Air),
    ("helicopter", Mode::Air),
    ("ship", Mode::Sea),
    ("ferry", Mode::Sea),
    ("boat", Mode::Sea),
    ("yacht", Mode::Sea),
    ("cruise", Mode::Sea),
    ("sailed", Mode::Sea),
    ("vessel", Mode::Sea),
];

/// Multi-word mode cues, matched on consecutive lower-case tokens.
pub const MODE_PHRASES: &[(&[&str], Mode)] = &[
    (&["air", "force", "one"], Mode::Air),
    (&["by", "air"], Mode::Air),
    (&["by", "sea"], Mode::Sea),
    (&["by", "road"], Mode::Road),
    (&["touched", "down"], Mode::Air),
];

/// Verbs (and nouns) of movement: a sentence with none of these says
/// nothing about a journey.
pub const MOVEMENT: &[&str] = &[
    "travel",
    "travels",
    "traveled",
    "travelled",
    "traveling",
    "travelling",
    "journey",
    "journeys",
    "trip",
    "voyage",
    "arrive",
    "arrives",
    "arrived",
    "arriving",
    "arrival",
    "depart",
    "departs",
    "departed",
    "departing",
    "departure",
    "leave",
    "leaves",
    "left",
    "leaving",
    "reach",
    "reached",
    "reaches",
    "reaching",
    "cross",
    "crossed",
    "crosses",
    "crossing",
    "pass",
    "passed",
    "passing",
    "stop",
    "stopped",
    "stops",
    "stopping",
    "stopover",
    "head",
    "headed",
    "heading",
    "heads",
    "go",
    "goes",
    "went",
    "going",
    "come",
    "comes",
    "came",
    "return",
    "returns",
    "returned",
    "returning",
    "fly",
    "flies",
    "flew",
    "flown",
    "flying",
    "flight",
    "drive",
    "drives",
    "drove",
    "driven",
    "driving",
    "ride",
    "rides",
    "rode",
    "sail",
    "sails",
    "sailed",
    "covered",
    "covering",
    "trekked",
    "walked",
    "hiked",
    "board",
    "boarded",
    "boarding",
    "swapped",
    "switched",
    "changed",
    "transferred",
    "land",
    "lands",
    "landed",
    "landing",
    "touched",
    "disembarked",
    "disembarks",
    "set",
    "continued",
    "continue",
    "moved",
    "taken",
    "took",
    "take",
    "en",
    "expected",
    "bound",
    "made",
    "completed",
    "rolls",
    "rolled",
    "entered",
    "visit",
    "visits",
    "visited",
    "visiting",
    "way",
    "route",
    "stretch",
    "refuelling",
    "refueling",
    "call",
    "calls",
    "calling",
    "docked",
    "docking",
    "docks",
];

/// Words that put a sentence in another, earlier or hypothetical trip.
pub const OTHER_TRIP: &[&str] = &[
    "previous",
    "first",
    "earlier",
    "last",
    "ago",
    "would",
    "might",
    "should",
    "canceled",
    "cancelled",
    "scrapped",
    "postponed",
    "grandfather",
    "grandfather's",
    "father",
    "father's",
    "former",
    "once",
];

/// Verbs of reporting: "would" after one of them is the plan reported
/// ("the Kremlin said he would return to Moscow"), not a supposition.
pub const REPORTING: &[&str] = &[
    "said",
    "says",
    "announced",
    "confirmed",
    "told",
    "reported",
    "added",
    "stated",
    "according",
];

/// Words after `last` that make it point at another trip ("the last
/// time", "his last visit", "last year").
pub const LAST_TRIP_NOUNS: &[&str] = &[
    "time", "times", "trip", "trips", "visit", "visits", "journey", "journeys", "voyage", "flight",
    "summit", "meeting", "year", "month", "decade", "century",
];

/// Words after `first` that make it point at another event ("their first
/// summit"); "his first foreign trip" is this one.
pub const FIRST_TRIP_NOUNS: &[&str] = &["summit", "summits", "meeting", "meetings"];

/// Phrases in which `first`/`last` do not move the sentence to another trip
/// ("the last stretch", "the first leg").
pub const OTHER_TRIP_EXCEPTIONS: &[&[&str]] = &[
    &["last", "stretch"],
    &["last", "leg"],
    &["first", "leg"],
    &["first", "stop"],
    &["last", "stop"],
    &["first", "stage"],
    &["last", "stage"],
    &["first", "time"],
];

/// Words right before a place that give its role, with how many tokens
/// back they may stand (determiners, "the border town of", "his capital,"
/// may come between).
pub fn role_of_preposition(word: &str) -> Option<PlaceRole> {
    Some(match word {
        "from" | "left" | "leaving" | "leave" | "leaves" | "departed" | "departing" | "departs"
        | "depart" | "out" => PlaceRole::From,
        "to" | "into" | "towards" | "toward" | "for" | "reach" | "reached" | "reaching"
        | "reaches" | "reachs" | "onto" | "visit" | "visits" | "visited" | "visiting" => {
            PlaceRole::To
        }
        "via" | "through" | "across" | "past" | "near" | "passing" | "over" => PlaceRole::Via,
        "in" | "at" | "on" => PlaceRole::At,
        _ => return None,
    })
}

/// Verbs after which "in X" / "at X" names where the movement ended.
pub const ARRIVAL: &[&str] = &[
    "arrive",
    "arrives",
    "arrived",
    "arriving",
    "arrival",
    "landed",
    "landing",
    "touched",
    "reached",
    "expected",
    "completed",
    "docked",
    "docking",
    "docks",
    "ended",
    "ending",
    "ends",
    "finished",
    "disembarked",
    "disembarks",
    "got",
];

/// Verbs after which "in X" / "at X" names where the movement started.
pub const DEPARTURE: &[&str] = &[
    "departed",
    "departing",
    "departs",
    "departure",
    "left",
    "leaving",
    "boarded",
    "set",
];

/// Verbs after which "at X" names a point passed on the way ("crossed the
/// border at Khasan").
pub const CROSSING: &[&str] = &[
    "cross", "crossed", "crosses", "crossing", "pass", "passed", "passes", "passing",
];

/// Verbs after which "in X" / "at X" names a stop on the way.
pub const STOPPING: &[&str] = &[
    "call",
    "calls",
    "calling",
    "talks",
    "stop",
    "stopped",
    "stops",
    "stopping",
    "stopover",
    "refuelling",
    "refueling",
    "paused",
    "changed",
    "swapped",
    "switched",
    "transferred",
];

/// Facilities named with the place they are at ("the airport at X", "the
/// station in Y").
pub const FACILITIES: &[&str] = &[
    "airport", "airfield", "airbase", "station", "port", "terminal", "crossing", "border",
];

/// Words that, between a preposition and a place, do not break the link
/// ("from his capital, Pyongyang", "in the border town of Dong Dang").
pub const FILLER: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "capital", "city", "town", "village",
    "border", "of", "port", "station", "airport", "small", "northern", "southern", "eastern",
    "western", "central", "frontier", "nearby", "home", "country", "province", "region", "state",
    "way", "back", "then", "on", "down", "up",
];

pub fn mode_of_word(word: &str) -> Option<Mode> {
    if crate::mode::is_named_train(word) {
        return Some(Mode::Rail);
    }
    MODE_CUES.iter().find(|(w, _)| *w == word).map(|(_, m)| *m)
}
