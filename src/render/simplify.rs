//! Radial-distance simplification in pixel space: a vertex closer than the
//! tolerance to the last kept one adds nothing visible at the map's scale,
//! and dropping it keeps map.svg small.
//!
//! ```
//! use journeymap::render::simplify::radial;
//! let line = [(0.0, 0.0), (0.1, 0.0), (0.2, 0.0), (5.0, 0.0)];
//! assert_eq!(radial(&line, 0.5), vec![(0.0, 0.0), (5.0, 0.0)]);
//! ```

use super::clip::Px;

/// Keeps the first and last vertex and every vertex at least `tol` pixels
/// from the previously kept one.
pub fn radial(line: &[Px], tol: f64) -> Vec<Px> {
    let Some((&last, rest)) = line.split_last() else {
        return Vec::new();
    };
    let mut out: Vec<Px> = Vec::with_capacity(line.len());
    for &p in rest {
        match out.last() {
            Some(&q) if (p.0 - q.0).hypot(p.1 - q.1) < tol => {}
            _ => out.push(p),
        }
    }
    if out.len() > 1 {
        if let Some(&q) = out.last() {
            if (last.0 - q.0).hypot(last.1 - q.1) < tol {
                out.pop();
            }
        }
    }
    out.push(last);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_ends_and_far_points() {
        assert!(radial(&[], 1.0).is_empty());
        assert_eq!(radial(&[(1.0, 1.0)], 1.0), vec![(1.0, 1.0)]);
        let l = [(0.0, 0.0), (3.0, 0.0), (3.1, 0.0), (6.0, 0.0)];
        assert_eq!(radial(&l, 1.0), vec![(0.0, 0.0), (3.0, 0.0), (6.0, 0.0)]);
    }
}
