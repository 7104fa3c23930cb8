//! PNG preview of map.svg, rendered with resvg and the bundled font.

use super::{font, RenderError};
use resvg::{tiny_skia, usvg};

/// Renders an SVG document to PNG bytes at its own size times `zoom`.
pub fn png(svg: &str, zoom: f32) -> Result<Vec<u8>, RenderError> {
    let tree = usvg::Tree::from_str(svg, &font::usvg_options())
        .map_err(|e| RenderError::Png(format!("SVG does not parse: {e}")))?;
    let size = tree
        .size()
        .to_int_size()
        .scale_by(zoom.max(0.01))
        .ok_or_else(|| {
            RenderError::Png(format!(
                "cannot scale the {:?} image by {zoom}",
                tree.size()
            ))
        })?;
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or_else(|| RenderError::Png(format!("empty image size {size:?}")))?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(zoom, zoom),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| RenderError::Png(format!("PNG encoding: {e}")))
}
