//! Label placement: each label tries candidate positions around its anchor
//! (right, upper right, lower right, left, … then further out) and takes the
//! first-best one that stays inside the frame and clear of every marker,
//! every label already placed and every reserved box (legend, scale bar),
//! preferring positions that cover fewer route vertices. A label with no
//! free position is left out rather than drawn over another.
//!
//! ```
//! use journeymap::render::clip::Rect;
//! use journeymap::render::labels::Placer;
//! let mut p = Placer::new(Rect::new(0.0, 0.0, 200.0, 100.0), vec![], vec![]);
//! let a = p.place_near((50.0, 50.0), 4.0, (40.0, 10.0)).unwrap();
//! let b = p.place_near((52.0, 50.0), 4.0, (40.0, 10.0)).unwrap();
//! assert!(!a.intersects(&b));
//! ```

use super::clip::{Px, Rect};

/// Directions tried around a point, in cartographic order of preference.
const DIRECTIONS: [(f64, f64); 8] = [
    (1.0, 0.0),
    (1.0, -1.0),
    (1.0, 1.0),
    (-1.0, 0.0),
    (-1.0, -1.0),
    (-1.0, 1.0),
    (0.0, -1.0),
    (0.0, 1.0),
];

/// Distances tried, as multiples of the anchor's gap.
const RINGS: [f64; 4] = [1.0, 2.0, 3.5, 5.5];

/// Cost of covering one route vertex, in units of "one step down the
/// preference list".
const LINE_COST: f64 = 2.0;

pub struct Placer {
    bounds: Rect,
    blocked: Vec<Rect>,
    placed: Vec<Rect>,
    avoid: Vec<Px>,
}

impl Placer {
    /// `bounds`: labels stay inside; `blocked`: marker boxes and reserved
    /// areas; `avoid`: route vertices labels should rather not cover.
    pub fn new(bounds: Rect, blocked: Vec<Rect>, avoid: Vec<Px>) -> Placer {
        Placer {
            bounds,
            blocked,
            placed: Vec::new(),
            avoid,
        }
    }

    /// Reserves a box no later label may cover.
    pub fn block(&mut self, r: Rect) {
        self.blocked.push(r);
    }

    /// Places a `size` (w, h) label beside `anchor`, at least `gap` pixels
    /// away; `None` when every candidate collides.
    pub fn place_near(&mut self, anchor: Px, gap: f64, size: (f64, f64)) -> Option<Rect> {
        let (w, h) = size;
        let mut candidates = Vec::new();
        for ring in RINGS {
            let g = gap * ring;
            for (dx, dy) in DIRECTIONS {
                let diag = if dx != 0.0 && dy != 0.0 { 0.7 } else { 1.0 };
                let x0 = match dx {
                    d if d > 0.0 => anchor.0 + g * diag,
                    d if d < 0.0 => anchor.0 - g * diag - w,
                    _ => anchor.0 - w / 2.0,
                };
                let y0 = match dy {
                    d if d > 0.0 => anchor.1 + g * diag,
                    d if d < 0.0 => anchor.1 - g * diag - h,
                    _ => anchor.1 - h / 2.0,
                };
                candidates.push(Rect::new(x0, y0, x0 + w, y0 + h));
            }
        }
        self.place_best(&candidates)
    }

    /// Places a label at the best of the given candidate boxes.
    pub fn place_best(&mut self, candidates: &[Rect]) -> Option<Rect> {
        let best = candidates
            .iter()
            .enumerate()
            .filter(|(_, r)| self.is_free(r))
            .map(|(i, r)| (i as f64 + LINE_COST * self.covered(r) as f64, i, *r))
            .min_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)))?;
        self.placed.push(best.2);
        Some(best.2)
    }

    /// Places a label at the first candidate that is free and covers no
    /// route point (for labels that must never sit on the route, like
    /// country names).
    pub fn place_clear(&mut self, candidates: &[Rect]) -> Option<Rect> {
        let r = *candidates
            .iter()
            .find(|r| self.is_free(r) && self.covered(r) == 0)?;
        self.placed.push(r);
        Some(r)
    }

    /// True when `r` is inside the bounds and clear of everything placed or
    /// blocked.
    pub fn is_free(&self, r: &Rect) -> bool {
        self.bounds.contains_rect(r)
            && !self.blocked.iter().any(|b| b.intersects(r))
            && !self.placed.iter().any(|b| b.intersects(r))
    }

    fn covered(&self, r: &Rect) -> usize {
        self.avoid.iter().filter(|p| r.contains(**p)).count()
    }

    /// Every label box placed so far, in placement order.
    pub fn placed(&self) -> &[Rect] {
        &self.placed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn avoids_markers_and_each_other() {
        let marker = Rect::new(96.0, 46.0, 104.0, 54.0);
        let other = Rect::new(116.0, 46.0, 124.0, 54.0);
        let mut p = Placer::new(
            Rect::new(0.0, 0.0, 300.0, 100.0),
            vec![marker, other],
            vec![],
        );
        let mut boxes = Vec::new();
        for _ in 0..6 {
            if let Some(r) = p.place_near((100.0, 50.0), 6.0, (30.0, 10.0)) {
                boxes.push(r);
            }
        }
        assert!(boxes.len() >= 5);
        for (i, a) in boxes.iter().enumerate() {
            assert!(!a.intersects(&marker) && !a.intersects(&other));
            for b in &boxes[i + 1..] {
                assert!(!a.intersects(b));
            }
        }
    }

    #[test]
    fn prefers_positions_off_the_route() {
        let route: Vec<Px> = (0..50).map(|i| (100.0 + i as f64, 50.0)).collect();
        let mut p = Placer::new(Rect::new(0.0, 0.0, 300.0, 100.0), vec![], route);
        let r = p.place_near((100.0, 50.0), 5.0, (30.0, 10.0)).unwrap();
        assert!(r.x1 <= 100.0 || r.y1 <= 50.0 || r.y0 >= 50.0, "{r:?}");
    }

    #[test]
    fn gives_up_when_full() {
        let mut p = Placer::new(Rect::new(0.0, 0.0, 20.0, 20.0), vec![], vec![]);
        assert!(p.place_near((10.0, 10.0), 2.0, (50.0, 10.0)).is_none());
    }
}
