//! The bundled typeface (DejaVu Sans, regular and bold; see
//! data/README.md) and text measurement with it.
//!
//! The map names this family in the SVG and the PNG preview loads exactly
//! these files into resvg's font database, so previews look the same on a
//! machine with no fonts installed; label boxes are measured with the same
//! font engine, so collision checks hold for what is drawn.
//!
//! ```
//! use journeymap::render::font::{measure, Weight};
//! let w = measure(&[("Hanoi", 12.0, Weight::Regular)]);
//! assert!(w[0] > 20.0 && w[0] < 50.0, "{w:?}");
//! ```

use resvg::usvg;
use std::fmt::Write;
use std::sync::{Arc, OnceLock};

/// The bundled face's family name (what resvg resolves).
pub const FAMILY: &str = "DejaVu Sans";

/// The font-family list written into map.svg: the bundled face first, then
/// faces with near-identical metrics (DejaVu derives from Bitstream Vera,
/// drawn to Verdana's proportions) for viewers without it.
pub const SVG_FAMILY: &str = "DejaVu Sans, Bitstream Vera Sans, Verdana, sans-serif";

const REGULAR: &[u8] = include_bytes!("../../data/fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../data/fonts/DejaVuSans-Bold.ttf");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

/// A font database holding only the bundled faces (no system fonts, so the
/// output does not depend on the machine).
pub fn database() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_data(REGULAR.to_vec());
        db.load_font_data(BOLD.to_vec());
        db.set_sans_serif_family(FAMILY);
        Arc::new(db)
    })
    .clone()
}

/// usvg options that resolve text with the bundled font.
pub fn usvg_options() -> usvg::Options<'static> {
    usvg::Options {
        font_family: FAMILY.to_string(),
        fontdb: database(),
        ..usvg::Options::default()
    }
}

/// Advance widths in pixels of each (text, font size px, weight), measured
/// by laying the texts out with usvg in one pass. Falls back to a generous
/// estimate (0.62 em per character) for any text usvg cannot measure.
pub fn measure(texts: &[(&str, f64, Weight)]) -> Vec<f64> {
    let mut svg =
        String::from(r#"<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="4000">"#);
    for (i, (t, size, weight)) in texts.iter().enumerate() {
        let bold = if *weight == Weight::Bold {
            " font-weight=\"bold\""
        } else {
            ""
        };
        let _ = write!(
            svg,
            r#"<text id="t{i}" x="10" y="100" font-family="{FAMILY}" font-size="{size}"{bold}>{}</text>"#,
            escape(t)
        );
    }
    svg.push_str("</svg>");
    let tree = usvg::Tree::from_str(&svg, &usvg_options()).ok();
    texts
        .iter()
        .enumerate()
        .map(|(i, (t, size, _))| {
            let estimate = 0.62 * size * t.chars().count() as f64;
            tree.as_ref()
                .and_then(|tr| tr.node_by_id(&format!("t{i}")))
                .map(|n| f64::from(n.abs_bounding_box().width()))
                .filter(|w| w.is_finite() && *w > 0.0)
                .unwrap_or(estimate)
        })
        .collect()
}

/// Escapes text for XML content and attributes.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && c != '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bold_is_wider_and_longer_is_wider() {
        let w = measure(&[
            ("Dong Dang", 14.0, Weight::Regular),
            ("Dong Dang", 14.0, Weight::Bold),
            ("Dong Dang station", 14.0, Weight::Regular),
            ("<&>", 14.0, Weight::Regular),
        ]);
        assert!(w[1] > w[0] && w[2] > w[0] && w[3] > 0.0, "{w:?}");
    }
}
