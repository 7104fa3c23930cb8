//! The order the text gives a traveller's places: "from A to B" puts A
//! before B, "travelling on to C" puts C after the place before it, "then
//! return to A" closes a round trip. The assembler orders waypoints to
//! break as few of these as it can, and by geography where they are silent.

use super::cues::PlaceRole;
use super::events::{Observation, Sequence, Tense};
use std::collections::BTreeMap;

/// "x comes before y" between waypoint clusters, with the weight of the
/// evidence.
#[derive(Debug, Default)]
pub(super) struct Precedence {
    edges: BTreeMap<(usize, usize), f64>,
    /// "flew back to B" where B was visited before: (B, the place the
    /// traveller was at), in reading order. The assembler visits B again
    /// after that place instead of moving its only visit there.
    pub(super) revisits: Vec<(usize, usize)>,
}

/// Weight of "in A, … to B" (a place of the sentence before its
/// destination): weaker than "from A to B".
const AT_BEFORE_TO: f64 = 0.5;
/// Weight of "to A and B": lists of destinations are mostly in travel
/// order, less surely than "from A to B".
const LISTED_ORDER: f64 = 0.5;
/// Weight of "flew to A. … will travel to B": a place told as reached
/// before a place told as yet to come; weaker than any word of order.
const TENSE_ORDER: f64 = 0.3;

/// Where a role stands in one movement: from, through, to (None: "at",
/// which says nothing of order).
fn rank(role: PlaceRole) -> Option<u8> {
    match role {
        PlaceRole::From => Some(0),
        PlaceRole::Via => Some(1),
        PlaceRole::To => Some(2),
        PlaceRole::At => None,
    }
}

impl Precedence {
    /// Reads the precedence the observations state. `cluster_of` maps a
    /// place to its waypoint cluster (None: not a waypoint, such as a
    /// country named for the places in it; a traveller may leave and come
    /// back to it, so it orders nothing). Observations are in reading order.
    pub(super) fn of(obs: &[&Observation], cluster_of: &dyn Fn(usize) -> Option<usize>) -> Self {
        let mut obs = obs.to_vec();
        obs.sort_by_key(|o| o.order);
        let mut p = Precedence::default();
        let sentence = |o: &Observation| o.order / 1000;
        for (i, a) in obs.iter().enumerate() {
            let Some(ca) = cluster_of(a.place) else {
                continue;
            };
            for b in obs
                .iter()
                .skip(i + 1)
                .take_while(|b| sentence(b) == sentence(a))
            {
                let Some(cb) = cluster_of(b.place) else {
                    continue;
                };
                // "on to Ussuriysk and Vladivostok": in the order listed.
                let listed = b.listed && b.order == a.order + 1;
                match (rank(a.role), rank(b.role)) {
                    (Some(x), Some(y)) if x < y => p.add(ca, cb, 1.0),
                    (Some(x), Some(y)) if x > y => p.add(cb, ca, 1.0),
                    (Some(x), Some(_)) if listed && x > 0 => p.add(ca, cb, LISTED_ORDER),
                    (None, Some(_)) if b.role == PlaceRole::To => p.add(ca, cb, AT_BEFORE_TO),
                    _ => {}
                }
            }
            // "flew … on to Ankara. He will travel to Doha": what has
            // happened comes before what is to come.
            if a.tense == Tense::Past && a.role != PlaceRole::At {
                for b in obs.iter().skip(i + 1) {
                    let later = b.tense == Tense::Future
                        && matches!(b.role, PlaceRole::To | PlaceRole::Via)
                        && sentence(b) != sentence(a);
                    if let Some(cb) = cluster_of(b.place).filter(|_| later) {
                        p.add(ca, cb, TENSE_ORDER);
                    }
                }
            }
            // "travelling on to C", "and then return to A": after where the
            // traveller last was. "then flew from B to C": B comes after it
            // (and C after B, by the pair above).
            if matches!(a.sequence, Sequence::Onward | Sequence::Back) {
                // The place the traveller was at: the last one read before
                // that is not a "from".
                let last = obs[..i].iter().enumerate().rev().find_map(|(j, o)| {
                    let c = cluster_of(o.place).filter(|&c| c != ca)?;
                    (o.role != PlaceRole::From).then_some((j, c))
                });
                // A "from" of this sentence read after it is where the
                // traveller set off again.
                let target = obs[last.map_or(0, |(j, _)| j + 1)..i]
                    .iter()
                    .filter(|o| sentence(o) == sentence(a) && o.role == PlaceRole::From)
                    .find_map(|o| cluster_of(o.place).filter(|&c| c != ca))
                    .unwrap_or(ca);
                // Gone back to a place visited before: a second visit.
                let revisit = a.sequence == Sequence::Back
                    && target == ca
                    && obs[..i]
                        .iter()
                        .any(|o| cluster_of(o.place) == Some(ca) && o.role != PlaceRole::At);
                if let Some((_, cp)) = last.filter(|&(_, c)| c != target) {
                    if revisit {
                        p.revisits.push((ca, cp));
                    } else {
                        p.add(cp, target, 1.0);
                    }
                }
            }
        }
        p
    }

    fn add(&mut self, a: usize, b: usize, w: f64) {
        if a != b {
            *self.edges.entry((a, b)).or_default() += w;
        }
    }

    /// Does the text put some other place (not `except`) after `c`?
    pub(super) fn leads_on(&self, c: usize, except: Option<usize>) -> bool {
        self.edges.keys().any(|&(a, b)| a == c && Some(b) != except)
    }

    /// Weight of the stated precedences that `path` breaks.
    pub(super) fn broken(&self, path: &[usize]) -> f64 {
        let pos: BTreeMap<usize, usize> = path.iter().enumerate().map(|(i, &c)| (c, i)).collect();
        self.edges
            .iter()
            .filter(|((a, b), _)| matches!((pos.get(a), pos.get(b)), (Some(x), Some(y)) if x > y))
            .map(|(_, w)| w)
            .sum()
    }

    /// Is every step of `path` stated (directly) by the text?
    pub(super) fn states(&self, path: &[usize]) -> bool {
        path.windows(2)
            .all(|w| self.edges.contains_key(&(w[0], w[1])))
    }
}

/// Does the traveller go back to cluster `origin` at the end ("then
/// return to Beijing")?
pub(super) fn returns_to(
    obs: &[&Observation],
    cluster_of: &dyn Fn(usize) -> Option<usize>,
    origin: usize,
) -> bool {
    obs.iter()
        .any(|o| o.sequence == Sequence::Back && cluster_of(o.place) == Some(origin))
}
