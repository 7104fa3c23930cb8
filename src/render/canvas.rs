//! A thin drawing surface over plotters' SVG backend in page pixels.
//!
//! plotters addresses the backend in whole pixels; the canvas draws on a
//! backend `SUPERSAMPLE` times larger and the SVG's `viewBox` maps it back
//! to the page size, so coordinates, stroke widths and radii keep quarter-
//! pixel precision. All public coordinates here are page pixels.

use super::clip::Px;
use super::font::{Weight, SVG_FAMILY};
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Backend units per page pixel.
pub const SUPERSAMPLE: f64 = 4.0;

/// plotters' SVG backend writes `font-size` as the requested size / 1.24
/// (its pixel-to-point convention); we undo that so sizes are pixels.
const PLOTTERS_FONT_FACTOR: f64 = 1.24;

pub type Colour = RGBAColor;

pub const fn rgb(hex: u32) -> Colour {
    RGBAColor((hex >> 16) as u8, (hex >> 8) as u8, hex as u8, 1.0)
}

pub const fn rgba(hex: u32, alpha: f64) -> Colour {
    RGBAColor((hex >> 16) as u8, (hex >> 8) as u8, hex as u8, alpha)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Centre,
    Right,
}

pub struct Canvas<'a> {
    area: DrawingArea<SVGBackend<'a>, Shift>,
}

type DrawResult = Result<(), String>;

fn bu(v: f64) -> i32 {
    (v * SUPERSAMPLE).round() as i32
}

fn pt(p: Px) -> (i32, i32) {
    (bu(p.0), bu(p.1))
}

fn width(px: f64) -> u32 {
    bu(px).max(1) as u32
}

fn err<E: std::fmt::Debug>(e: E) -> String {
    format!("{e:?}")
}

impl<'a> Canvas<'a> {
    pub fn new(buf: &'a mut String, size_px: (u32, u32)) -> Canvas<'a> {
        let size = (
            (f64::from(size_px.0) * SUPERSAMPLE) as u32,
            (f64::from(size_px.1) * SUPERSAMPLE) as u32,
        );
        Canvas {
            area: SVGBackend::with_string(buf, size).into_drawing_area(),
        }
    }

    pub fn finish(self) -> DrawResult {
        self.area.present().map_err(err)
    }

    pub fn fill(&self, ring: &[Px], c: Colour) -> DrawResult {
        if ring.len() < 3 {
            return Ok(());
        }
        let pts: Vec<(i32, i32)> = ring.iter().map(|p| pt(*p)).collect();
        self.area.draw(&Polygon::new(pts, c.filled())).map_err(err)
    }

    pub fn rect(&self, a: Px, b: Px, c: Colour) -> DrawResult {
        self.area
            .draw(&Rectangle::new([pt(a), pt(b)], c.filled()))
            .map_err(err)
    }

    pub fn line(&self, line: &[Px], c: Colour, w: f64) -> DrawResult {
        if line.len() < 2 {
            return Ok(());
        }
        let pts: Vec<(i32, i32)> = line.iter().map(|p| pt(*p)).collect();
        self.area
            .draw(&PathElement::new(pts, c.stroke_width(width(w))))
            .map_err(err)
    }

    pub fn dashed(&self, line: &[Px], c: Colour, w: f64, dash: f64, gap: f64) -> DrawResult {
        if line.len() < 2 {
            return Ok(());
        }
        let pts: Vec<(i32, i32)> = line.iter().map(|p| pt(*p)).collect();
        self.area
            .draw(&DashedPathElement::new(
                pts,
                bu(dash).max(1),
                bu(gap).max(1),
                c.stroke_width(width(w)),
            ))
            .map_err(err)
    }

    pub fn circle(&self, c: Px, r: f64, fill: Colour, stroke: Colour, w: f64) -> DrawResult {
        let centre = pt(c);
        self.area
            .draw(&Circle::new(centre, bu(r).max(1), fill.filled()))
            .map_err(err)?;
        self.area
            .draw(&Circle::new(
                centre,
                bu(r).max(1),
                stroke.stroke_width(width(w)),
            ))
            .map_err(err)
    }

    /// Text whose box top is at `top` (y) and which starts, centres or ends
    /// at `x`; with `halo`, a white outline keeps it legible over lines.
    #[allow(clippy::too_many_arguments)]
    pub fn text(
        &self,
        s: &str,
        at: Px,
        size: f64,
        weight: Weight,
        c: Colour,
        align: Align,
        halo: bool,
    ) -> DrawResult {
        let h = match align {
            Align::Left => HPos::Left,
            Align::Centre => HPos::Center,
            Align::Right => HPos::Right,
        };
        let font_style = match weight {
            Weight::Regular => FontStyle::Normal,
            Weight::Bold => FontStyle::Bold,
        };
        let style = |colour: &Colour| {
            (SVG_FAMILY, size * SUPERSAMPLE * PLOTTERS_FONT_FACTOR)
                .into_font()
                .style(font_style)
                .color(colour)
                .pos(Pos::new(h, VPos::Top))
        };
        if halo {
            let white = rgba(0xffffff, 0.85);
            let d = (size / 9.0).max(1.0);
            for (dx, dy) in [
                (-d, 0.0),
                (d, 0.0),
                (0.0, -d),
                (0.0, d),
                (-d, -d),
                (d, d),
                (-d, d),
                (d, -d),
            ] {
                let p = pt((at.0 + dx, at.1 + dy));
                self.area
                    .draw(&Text::new(s, p, style(&white)))
                    .map_err(err)?;
            }
        }
        self.area
            .draw(&Text::new(s, pt(at), style(&c)))
            .map_err(err)
    }
}

/// Points along a polyline no more than `step` pixels apart (for obstacle
/// sampling).
pub fn sample(line: &[Px], step: f64) -> Vec<Px> {
    let mut out = Vec::new();
    for w in line.windows(2) {
        let d = (w[1].0 - w[0].0).hypot(w[1].1 - w[0].1);
        let n = (d / step.max(0.5)).ceil().max(1.0) as usize;
        for i in 0..n {
            let t = i as f64 / n as f64;
            out.push((
                w[0].0 + t * (w[1].0 - w[0].0),
                w[0].1 + t * (w[1].1 - w[0].1),
            ));
        }
    }
    out.extend(line.last());
    out
}
