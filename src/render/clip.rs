//! Clipping projected geometry to the map frame (a rectangle in pixels):
//! Sutherland–Hodgman for filled rings, Liang–Barsky for lines.
//!
//! ```
//! use journeymap::render::clip::{Rect, clip_line};
//! let frame = Rect::new(0.0, 0.0, 10.0, 10.0);
//! let parts = clip_line(&[(-5.0, 5.0), (15.0, 5.0)], &frame);
//! assert_eq!(parts, vec![vec![(0.0, 5.0), (10.0, 5.0)]]);
//! ```

pub type Px = (f64, f64);

/// An axis-aligned rectangle in page pixels (y down).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    pub fn new(x0: f64, y0: f64, x1: f64, y1: f64) -> Rect {
        Rect {
            x0: x0.min(x1),
            y0: y0.min(y1),
            x1: x0.max(x1),
            y1: y0.max(y1),
        }
    }
    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }
    pub fn height(&self) -> f64 {
        self.y1 - self.y0
    }
    pub fn centre(&self) -> Px {
        ((self.x0 + self.x1) / 2.0, (self.y0 + self.y1) / 2.0)
    }
    pub fn contains(&self, p: Px) -> bool {
        p.0 >= self.x0 && p.0 <= self.x1 && p.1 >= self.y0 && p.1 <= self.y1
    }
    pub fn contains_rect(&self, r: &Rect) -> bool {
        r.x0 >= self.x0 && r.x1 <= self.x1 && r.y0 >= self.y0 && r.y1 <= self.y1
    }
    /// True when the rectangles share interior area (touching edges do not count).
    pub fn intersects(&self, o: &Rect) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }
    pub fn inflate(&self, d: f64) -> Rect {
        Rect::new(self.x0 - d, self.y0 - d, self.x1 + d, self.y1 + d)
    }
}

/// Which side of one frame edge a point is on.
type Inside = fn(Px, &Rect) -> bool;
/// Where a segment crosses that edge.
type Cross = fn(Px, Px, &Rect) -> Px;

/// Clips a closed ring to `r` (Sutherland–Hodgman); the result may run along
/// the frame edge, which is what a filled shape needs.
pub fn clip_ring(ring: &[Px], r: &Rect) -> Vec<Px> {
    let mut out: Vec<Px> = ring.to_vec();
    let edges: [(Inside, Cross); 4] = [
        (|p, r| p.0 >= r.x0, |a, b, r| at_x(a, b, r.x0)),
        (|p, r| p.0 <= r.x1, |a, b, r| at_x(a, b, r.x1)),
        (|p, r| p.1 >= r.y0, |a, b, r| at_y(a, b, r.y0)),
        (|p, r| p.1 <= r.y1, |a, b, r| at_y(a, b, r.y1)),
    ];
    for (inside, cross) in edges {
        if out.is_empty() {
            break;
        }
        let input = std::mem::take(&mut out);
        let mut prev = input[input.len() - 1];
        for &cur in &input {
            match (inside(cur, r), inside(prev, r)) {
                (true, true) => out.push(cur),
                (true, false) => {
                    out.push(cross(prev, cur, r));
                    out.push(cur);
                }
                (false, true) => out.push(cross(prev, cur, r)),
                (false, false) => {}
            }
            prev = cur;
        }
    }
    out
}

fn at_x(a: Px, b: Px, x: f64) -> Px {
    let t = (x - a.0) / (b.0 - a.0);
    (x, a.1 + t * (b.1 - a.1))
}

fn at_y(a: Px, b: Px, y: f64) -> Px {
    let t = (y - a.1) / (b.1 - a.1);
    (a.0 + t * (b.0 - a.0), y)
}

/// Clips a polyline to `r` (Liang–Barsky per segment), returning the runs
/// that lie inside.
pub fn clip_line(line: &[Px], r: &Rect) -> Vec<Vec<Px>> {
    let mut runs: Vec<Vec<Px>> = Vec::new();
    let mut cur: Vec<Px> = Vec::new();
    for w in line.windows(2) {
        match clip_segment(w[0], w[1], r) {
            Some((a, b)) => {
                if cur.last() != Some(&a) {
                    if cur.len() > 1 {
                        runs.push(std::mem::take(&mut cur));
                    }
                    cur.clear();
                    cur.push(a);
                }
                cur.push(b);
            }
            None => {
                if cur.len() > 1 {
                    runs.push(std::mem::take(&mut cur));
                }
                cur.clear();
            }
        }
    }
    if cur.len() > 1 {
        runs.push(cur);
    }
    runs
}

fn clip_segment(a: Px, b: Px, r: &Rect) -> Option<(Px, Px)> {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (p, q) in [
        (-dx, a.0 - r.x0),
        (dx, r.x1 - a.0),
        (-dy, a.1 - r.y0),
        (dy, r.y1 - a.1),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    if t0 > t1 {
        return None;
    }
    let at = |t: f64| {
        if t == 0.0 {
            a
        } else if t == 1.0 {
            b
        } else {
            (a.0 + t * dx, a.1 + t * dy)
        }
    };
    Some((at(t0), at(t1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ring_inside_is_unchanged_and_outside_vanishes() {
        let r = Rect::new(0.0, 0.0, 10.0, 10.0);
        let sq = [(1.0, 1.0), (2.0, 1.0), (2.0, 2.0)];
        assert_eq!(clip_ring(&sq, &r), sq.to_vec());
        assert!(clip_ring(&[(20.0, 1.0), (30.0, 1.0), (30.0, 5.0)], &r).is_empty());
    }

    #[test]
    fn ring_is_cut_at_the_frame() {
        let r = Rect::new(0.0, 0.0, 10.0, 10.0);
        let big = [(-5.0, -5.0), (15.0, -5.0), (15.0, 15.0), (-5.0, 15.0)];
        let c = clip_ring(&big, &r);
        assert!(c.iter().all(|p| r.contains(*p)));
        assert_eq!(c.len(), 4);
    }

    #[test]
    fn line_leaving_and_reentering_makes_two_runs() {
        let r = Rect::new(0.0, 0.0, 10.0, 10.0);
        let runs = clip_line(&[(1.0, 1.0), (5.0, -5.0), (9.0, 1.0)], &r);
        assert_eq!(runs.len(), 2);
    }
}
