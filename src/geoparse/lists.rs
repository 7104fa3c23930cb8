//! The hand-kept word lists in `data/geoparse/` (see its README), compiled
//! in and parsed once.

use std::collections::HashSet;
use std::sync::OnceLock;

/// The lists, lowercase.
pub struct Lists {
    pub common: HashSet<&'static str>,
    pub titles: HashSet<&'static str>,
    pub given: HashSet<&'static str>,
    pub surnames: HashSet<&'static str>,
    pub org_before: HashSet<&'static str>,
    pub org_after: HashSet<&'static str>,
    pub institutions: HashSet<&'static str>,
}

fn entries(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The bundled lists.
pub fn lists() -> &'static Lists {
    static L: OnceLock<Lists> = OnceLock::new();
    L.get_or_init(|| {
        let org = include_str!("../../data/geoparse/org_words.txt");
        Lists {
            common: entries(include_str!("../../data/geoparse/common_words.txt")).collect(),
            titles: entries(include_str!("../../data/geoparse/titles.txt")).collect(),
            given: entries(include_str!("../../data/geoparse/given_names.txt")).collect(),
            surnames: entries(include_str!("../../data/geoparse/surnames.txt")).collect(),
            org_before: entries(org).filter_map(|l| l.strip_prefix("before:")).collect(),
            org_after: entries(org).filter_map(|l| l.strip_prefix("after:")).collect(),
            institutions: entries(include_str!("../../data/geoparse/institutions.txt")).collect(),
        }
    })
}
