//! The map's palette and line styles: a calm, print-like basemap so the
//! route carries the colour.

use super::canvas::{rgb, rgba, Colour};
use crate::mode::Mode;

pub const PAGE: Colour = rgb(0xffffff);
pub const SEA: Colour = rgb(0xdae6ee);
pub const LAND: Colour = rgb(0xf3f0ea);
pub const LAND_ON_ROUTE: Colour = rgb(0xe9e2d2);
pub const COAST: Colour = rgb(0x9fb4c4);
pub const BORDER: Colour = rgb(0xb1a594);
pub const COUNTRY_NAME: Colour = rgb(0x9c9384);
pub const FRAME: Colour = rgb(0xc4c4c4);
pub const INK: Colour = rgb(0x1b1f24);
pub const INK_SOFT: Colour = rgb(0x55595e);
pub const INK_FAINT: Colour = rgb(0x7c8085);
pub const WHITE: Colour = rgb(0xffffff);
pub const LEGEND_BG: Colour = rgba(0xffffff, 0.92);
pub const LEGEND_EDGE: Colour = rgb(0xd0d0d0);
pub const STRAIGHT: Colour = rgb(0x5d6166);
pub const UNROUTED: Colour = rgb(0xc2185b);

pub const RAIL: Colour = rgb(0x1f2a33);
pub const ROAD: Colour = rgb(0xd2492f);
pub const AIR: Colour = rgb(0x2f6db0);
pub const SEA_ROUTE: Colour = rgb(0x16847e);

/// Faint colour of a mode's network lines in the background.
pub fn network(mode: Mode) -> Colour {
    match mode {
        Mode::Rail => rgba(0x6b6f74, 0.38),
        Mode::Road => rgba(0xc0834e, 0.45),
        Mode::Air => rgba(0x2f6db0, 0.25),
        Mode::Sea => rgba(0x16847e, 0.25),
    }
}

/// The legend's name for a mode.
pub fn mode_label(mode: Mode) -> &'static str {
    match mode {
        Mode::Rail => "Rail",
        Mode::Road => "Road",
        Mode::Air => "Flight (great circle)",
        Mode::Sea => "Sea",
    }
}
