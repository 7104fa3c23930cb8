//! Draws a computed layout with plotters, back to front: sea, land,
//! coastlines and borders, network lines, the straight line, legs, markers,
//! labels, legend and scale bar, header and footer.

use super::basemap::PageBasemap;
use super::canvas::{Align, Canvas, SUPERSAMPLE};
use super::clip::{clip_line, Px, Rect};
use super::font::Weight;
use super::layout::{Layout, LegendRow, LEGEND_SIZE};
use super::simplify::radial;
use super::straight::StraightLine;
use super::{fmt_km, style, LabelKind, MapInput};
use crate::measure::{densify_geodesic, geodesic_distance, Km, LatLon};
use crate::mode::Mode;

type DrawResult = Result<(), String>;

/// Legs drawn as geodesic arcs get a point at least this often.
const ARC_STEP: Km = Km(40.0);

pub fn draw(
    input: &MapInput,
    layout: &Layout,
    basemap: &PageBasemap,
    straight: &[StraightLine],
) -> Result<String, String> {
    let page = &layout.page;
    let mut buf = String::new();
    {
        let c = Canvas::new(&mut buf, (page.width as u32, page.height as u32));
        c.rect((0.0, 0.0), (page.width, page.height), style::PAGE)?;
        draw_basemap(&c, layout, basemap)?;
        draw_network(&c, input, layout)?;
        for s in straight {
            let px = on_page(layout, &s.geometry);
            for run in px {
                straight_style(&c, &run, page.u)?;
            }
        }
        for leg in input.legs {
            let geometry = if leg.mode.uses_network() && leg.routed {
                leg.geometry.clone()
            } else {
                as_arcs(&leg.geometry)
            };
            for run in on_page(layout, &geometry) {
                leg_style(&c, &run, leg.mode, leg.routed, page.u)?;
            }
        }
        for m in &layout.markers {
            if m.end {
                c.circle(m.at, m.radius, style::INK, style::WHITE, 2.0 * page.u)?;
            } else {
                c.circle(m.at, m.radius, style::WHITE, style::INK, 1.6 * page.u)?;
            }
        }
        draw_labels(&c, layout)?;
        draw_legend(&c, layout)?;
        draw_margins(&c, layout)?;
        c.finish()?;
    }
    Ok(round_font_sizes(&fix_page_size(
        buf,
        page.width as u32,
        page.height as u32,
    )))
}

/// plotters writes font sizes as computed floats (`104.00000000000001`);
/// two decimals are plenty and read cleanly.
fn round_font_sizes(svg: &str) -> String {
    const KEY: &str = "font-size=\"";
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(i) = rest.find(KEY) {
        let (head, tail) = rest.split_at(i + KEY.len());
        out.push_str(head);
        let end = tail.find('"').unwrap_or(0);
        match tail[..end].parse::<f64>() {
            Ok(v) => {
                let r = format!("{v:.2}");
                out.push_str(r.trim_end_matches('0').trim_end_matches('.'));
            }
            Err(_) => out.push_str(&tail[..end]),
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

/// plotters sizes the SVG to its (supersampled) backend; the page keeps the
/// requested size and the viewBox scales the drawing to it.
fn fix_page_size(svg: String, w: u32, h: u32) -> String {
    let s = SUPERSAMPLE as u32;
    let from = format!("width=\"{}\" height=\"{}\"", w * s, h * s);
    svg.replacen(&from, &format!("width=\"{w}\" height=\"{h}\""), 1)
}

/// Projects a line, clips it to the frame and drops sub-pixel detail.
fn on_page(layout: &Layout, line: &[LatLon]) -> Vec<Vec<Px>> {
    let px: Vec<Px> = line
        .iter()
        .filter(|p| p.is_valid())
        .map(|p| layout.proj.to_px(*p))
        .collect();
    clip_line(&px, &layout.page.frame.inflate(8.0))
        .into_iter()
        .map(|r| radial(&r, 0.5))
        .collect()
}

/// A leg with no network geometry is drawn along the geodesic between its
/// points, so flights curve as great circles do.
fn as_arcs(line: &[LatLon]) -> Vec<LatLon> {
    let mut out: Vec<LatLon> = Vec::new();
    for w in line.windows(2) {
        if geodesic_distance(w[0], w[1]).0 > ARC_STEP.0 {
            let arc = densify_geodesic(w[0], w[1], ARC_STEP);
            out.extend(arc.into_iter().skip(usize::from(!out.is_empty())));
        } else {
            if out.is_empty() {
                out.push(w[0]);
            }
            out.push(w[1]);
        }
    }
    if out.is_empty() {
        out.extend(line.first());
    }
    out
}

fn draw_basemap(c: &Canvas, layout: &Layout, b: &PageBasemap) -> DrawResult {
    let f = layout.page.frame;
    let u = layout.page.u;
    c.rect((f.x0, f.y0), (f.x1, f.y1), style::SEA)?;
    for (ring, on_route) in &b.land {
        let colour = if *on_route {
            style::LAND_ON_ROUTE
        } else {
            style::LAND
        };
        c.fill(ring, colour)?;
    }
    for line in &b.coast {
        c.line(line, style::COAST, 0.7 * u)?;
    }
    for line in &b.borders {
        c.line(line, style::BORDER, 0.9 * u)?;
    }
    Ok(())
}

fn draw_network(c: &Canvas, input: &MapInput, layout: &Layout) -> DrawResult {
    for (mode, lines) in &input.background {
        for line in lines {
            for run in on_page(layout, line) {
                c.line(&run, style::network(*mode), 1.3 * layout.page.u)?;
            }
        }
    }
    Ok(())
}

fn straight_style(c: &Canvas, line: &[Px], u: f64) -> DrawResult {
    c.dashed(line, style::STRAIGHT, 1.4 * u, 7.0 * u, 5.0 * u)
}

fn leg_style(c: &Canvas, line: &[Px], mode: Mode, routed: bool, u: f64) -> DrawResult {
    match mode {
        Mode::Rail => {
            c.line(line, style::RAIL, 3.8 * u)?;
            c.dashed(line, style::WHITE, 1.6 * u, 5.0 * u, 5.0 * u)?;
        }
        Mode::Road => {
            c.line(line, style::WHITE, 6.4 * u)?;
            c.line(line, style::ROAD, 3.6 * u)?;
        }
        Mode::Air => c.dashed(line, style::AIR, 2.4 * u, 9.0 * u, 5.0 * u)?,
        Mode::Sea => c.dashed(line, style::SEA_ROUTE, 2.4 * u, 4.0 * u, 4.0 * u)?,
    }
    if !routed {
        c.dashed(line, style::UNROUTED, 1.8 * u, 2.0 * u, 4.0 * u)?;
    }
    Ok(())
}

fn draw_labels(c: &Canvas, layout: &Layout) -> DrawResult {
    let u = layout.page.u;
    // Labels pushed away from their marker get a thin leader line.
    for l in &layout.labels {
        let Some(a) = l.anchor else { continue };
        let near = (
            a.0.clamp(l.rect.x0, l.rect.x1),
            a.1.clamp(l.rect.y0, l.rect.y1),
        );
        let d = (near.0 - a.0).hypot(near.1 - a.1);
        if d > 16.0 * u {
            let t = (6.0 * u) / d;
            let start = (a.0 + (near.0 - a.0) * t, a.1 + (near.1 - a.1) * t);
            c.line(&[start, near], style::INK_SOFT, (0.9 * u).max(0.6))?;
        }
    }
    for l in &layout.labels {
        let at = (l.rect.x0 + 2.0 * u, l.rect.y0 + 0.1 * l.size);
        let weight = if l.bold {
            Weight::Bold
        } else {
            Weight::Regular
        };
        let (colour, halo) = match l.kind {
            LabelKind::Waypoint => (style::INK, true),
            LabelKind::StraightLine => (style::STRAIGHT, true),
            LabelKind::Country => (style::COUNTRY_NAME, false),
        };
        c.text(&l.text, at, l.size, weight, colour, Align::Left, halo)?;
    }
    Ok(())
}

fn draw_legend(c: &Canvas, layout: &Layout) -> DrawResult {
    let u = layout.page.u;
    let lg = &layout.legend;
    let r = lg.rect;
    c.rect((r.x0, r.y0), (r.x1, r.y1), style::LEGEND_BG)?;
    frame_lines(c, &r, style::LEGEND_EDGE, 0.8 * u)?;
    let pad = 12.0 * u;
    let size = LEGEND_SIZE * u;
    for (i, (row, text)) in lg.rows.iter().enumerate() {
        let y = r.y0 + pad + (i as f64 + 0.5) * lg.row_height;
        let swatch = [(r.x0 + pad, y), (r.x0 + pad + 34.0 * u, y)];
        match row {
            LegendRow::Leg(m) => leg_style(c, &swatch, *m, true, u)?,
            LegendRow::Unrouted => c.dashed(&swatch, style::UNROUTED, 1.8 * u, 2.0 * u, 4.0 * u)?,
            LegendRow::Straight => straight_style(c, &swatch, u)?,
            LegendRow::Network(m) => c.line(&swatch, style::network(*m), 1.3 * u)?,
        }
        let at = (r.x0 + pad + 44.0 * u, y - 0.62 * size);
        c.text(
            text,
            at,
            size,
            Weight::Regular,
            style::INK_SOFT,
            Align::Left,
            false,
        )?;
    }
    // Scale bar: two halves, dark and light, with the stated length.
    let (x, y) = lg.bar_start;
    let px = lg.scale_bar.px;
    let h = 3.0 * u;
    c.rect((x, y - h), (x + px / 2.0, y + h), style::INK)?;
    c.rect((x + px / 2.0, y - h), (x + px, y + h), style::WHITE)?;
    frame_lines(c, &Rect::new(x, y - h, x + px, y + h), style::INK, 0.8 * u)?;
    let ty = y - h - 5.0 * u - size;
    c.text(
        "0",
        (x, ty),
        size,
        Weight::Regular,
        style::INK_SOFT,
        Align::Centre,
        false,
    )?;
    let stated = fmt_km(lg.scale_bar.length.0);
    c.text(
        &stated,
        (x + px, ty),
        size,
        Weight::Regular,
        style::INK_SOFT,
        Align::Centre,
        false,
    )
}

fn frame_lines(c: &Canvas, r: &Rect, colour: super::canvas::Colour, w: f64) -> DrawResult {
    c.line(
        &[
            (r.x0, r.y0),
            (r.x1, r.y0),
            (r.x1, r.y1),
            (r.x0, r.y1),
            (r.x0, r.y0),
        ],
        colour,
        w,
    )
}

fn draw_margins(c: &Canvas, layout: &Layout) -> DrawResult {
    let u = layout.page.u;
    let page = &layout.page;
    let h = &layout.header;
    let x = 24.0 * u;
    c.text(
        &h.title.text,
        (x, 18.0 * u),
        h.title.size,
        Weight::Bold,
        style::INK,
        Align::Left,
        false,
    )?;
    if !h.subtitle.text.is_empty() {
        let s = &h.subtitle;
        c.text(
            &s.text,
            (x, 54.0 * u),
            s.size,
            Weight::Regular,
            style::INK_SOFT,
            Align::Left,
            false,
        )?;
    }
    let t = &h.totals;
    c.text(
        &t.text,
        (x, 77.0 * u),
        t.size,
        Weight::Regular,
        style::INK,
        Align::Left,
        false,
    )?;
    frame_lines(c, &page.frame, style::FRAME, 1.0 * u)?;
    let fy = page.frame.y1 + 9.0 * u;
    let a = &h.attribution;
    c.text(
        &a.text,
        (x, fy),
        a.size,
        Weight::Regular,
        style::INK_FAINT,
        Align::Left,
        false,
    )?;
    let centre = layout.proj.azimuthal.centre;
    let note = format!(
        "Azimuthal equidistant projection centred on {}",
        fmt_latlon(centre)
    );
    c.text(
        &note,
        (page.width - x, fy),
        11.5 * u,
        Weight::Regular,
        style::INK_FAINT,
        Align::Right,
        false,
    )
}

fn fmt_latlon(p: LatLon) -> String {
    let ns = if p.lat >= 0.0 { 'N' } else { 'S' };
    let ew = if p.lon >= 0.0 { 'E' } else { 'W' };
    format!("{:.1}°{ns} {:.1}°{ew}", p.lat.abs(), p.lon.abs())
}

/// "Kim Jong Un: drawn route rail 3,960 km + road 160 km = 4,120 km · straight line
/// Pyongyang–Hanoi 2,759 km", one clause per journey.
pub fn totals_line(input: &MapInput, straight: &[StraightLine]) -> String {
    let mut clauses = Vec::new();
    for (j, journey) in input.itinerary.journeys.iter().enumerate() {
        let legs: Vec<_> = input.legs.iter().filter(|l| l.journey == j).collect();
        let mut parts = Vec::new();
        for mode in Mode::ALL {
            let km: f64 = legs
                .iter()
                .filter(|l| l.mode == mode)
                .map(|l| l.length.0)
                .sum();
            if legs.iter().any(|l| l.mode == mode) {
                parts.push(format!("{} {}", mode.as_str(), fmt_km(km)));
            }
        }
        let mut clause = String::new();
        if !journey.traveller.is_empty() {
            clause.push_str(&journey.traveller);
            clause.push_str(": ");
        }
        if !parts.is_empty() {
            // These are lengths of the drawn geometry; the report also gives
            // totals on official line lengths, which can differ: say which.
            let total: f64 = legs.iter().map(|l| l.length.0).sum();
            clause.push_str("drawn route ");
            clause.push_str(&parts.join(" + "));
            if parts.len() > 1 {
                clause.push_str(&format!(" = {}", fmt_km(total)));
            }
            if legs.iter().any(|l| !l.routed) {
                clause.push_str(" (partly unrouted)");
            }
        }
        if let Some(s) = straight.iter().find(|s| s.journey == j) {
            if !parts.is_empty() {
                clause.push_str(" · ");
            }
            clause.push_str(&format!(
                "straight line {}–{} {}",
                s.from,
                s.to,
                fmt_km(s.length.0)
            ));
        }
        clauses.push(clause);
    }
    clauses.join("   |   ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn font_sizes_are_rounded() {
        let s = r#"<text font-size="104.00000000000001">a</text><text font-size="12.5">b</text>"#;
        assert_eq!(
            round_font_sizes(s),
            r#"<text font-size="104">a</text><text font-size="12.5">b</text>"#
        );
    }
}
