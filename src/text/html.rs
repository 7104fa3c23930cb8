//! HTML to plain text: tags stripped, `script`/`style` content dropped,
//! character entities decoded, block elements turned into line breaks.
//! Every piece of output text keeps its offset into the HTML.

use super::offsets::{MappedBuilder, OffsetMap};

/// Elements whose start or end begins a new line of text.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "td",
    "th",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "hr",
    "title",
    "figcaption",
    "dd",
    "dt",
];

/// Strips HTML. Malformed markup degrades gracefully: an unclosed `<` is
/// kept as text.
pub fn strip(html: &str) -> (String, OffsetMap) {
    let mut b = MappedBuilder::with_capacity(html.len() / 2);
    let mut i = 0;
    let bytes = html.as_bytes();
    let mut text_start = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'<' => {
                let Some(close) = html[i..].find('>').map(|k| i + k) else {
                    break;
                };
                push_text(&mut b, html, text_start, i);
                let tag = &html[i + 1..close];
                let name = tag_name(tag);
                let mut end = close + 1;
                if tag.starts_with("!--") {
                    end = html[i..].find("-->").map_or(bytes.len(), |k| i + k + 3);
                } else if (name == "script" || name == "style") && !tag.starts_with('/') {
                    let closing = format!("</{name}");
                    end = find_ci(html, end, &closing)
                        .and_then(|k| html[k..].find('>').map(|g| k + g + 1))
                        .unwrap_or(bytes.len());
                }
                if BLOCK.contains(&name.as_str()) {
                    b.replace("\n", i, end);
                }
                i = end;
                text_start = end;
            }
            _ => i += 1,
        }
    }
    push_text(&mut b, html, text_start, bytes.len());
    b.finish()
}

fn tag_name(tag: &str) -> String {
    tag.trim_start_matches('/')
        .split(|c: char| c.is_whitespace() || c == '/' || c == '>')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

fn find_ci(h: &str, from: usize, needle: &str) -> Option<usize> {
    let hay = h.get(from..)?.to_ascii_lowercase();
    hay.find(needle).map(|k| from + k)
}

/// Pushes text `from..to`, decoding entities and collapsing runs of
/// whitespace containing a newline (HTML source layout) to one space.
fn push_text(b: &mut MappedBuilder, html: &str, from: usize, to: usize) {
    let s = &html[from..to];
    let mut run = 0; // start of the pending verbatim run (relative)
    let mut k = 0;
    while k < s.len() {
        let c = s[k..].chars().next().unwrap_or(' ');
        if c == '&' {
            if let Some((decoded, len)) = entity(&s[k..]) {
                b.copy(&s[run..k], from + run);
                let mut buf = [0u8; 4];
                b.replace(decoded.encode_utf8(&mut buf), from + k, from + k + len);
                k += len;
                run = k;
                continue;
            }
        }
        if c == '\n' || c == '\r' {
            b.copy(&s[run..k], from + run);
            let ws = s[k..]
                .find(|c: char| !c.is_whitespace())
                .map_or(s.len(), |j| k + j);
            b.replace(" ", from + k, from + ws);
            k = ws;
            run = k;
            continue;
        }
        k += c.len_utf8();
    }
    b.copy(&s[run..], from + run);
}

/// Decodes one entity at the start of `s`: its char and length in bytes.
fn entity(s: &str) -> Option<(char, usize)> {
    let semi = s[..s.len().min(12)].find(';')?;
    let body = &s[1..semi];
    let c = if let Some(num) = body.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        char::from_u32(n)?
    } else {
        match body {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => '\u{a0}',
            "ndash" => '–',
            "mdash" => '—',
            "lsquo" => '‘',
            "rsquo" => '’',
            "ldquo" => '“',
            "rdquo" => '”',
            "hellip" => '…',
            "eacute" => 'é',
            "egrave" => 'è',
            "aacute" => 'á',
            "agrave" => 'à',
            "ouml" => 'ö',
            "uuml" => 'ü',
            "auml" => 'ä',
            "ccedil" => 'ç',
            "deg" => '°',
            _ => return None,
        }
    };
    Some((c, semi + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_tags_scripts_and_entities() {
        let h = "<html><head><title>T</title><style>p{}</style><script>var a='<p>';</script></head>\
                 <body><p>Kim left <b>Pyongyang</b> &amp; reached Hanoi&#8217;s station.</p><p>Next</p></body></html>";
        let (t, m) = strip(h);
        assert!(!t.contains("var a"));
        assert!(!t.contains("p{}"));
        assert!(t.contains("Kim left Pyongyang & reached Hanoi’s station."));
        assert!(t.contains("\nNext"));
        let at = t.find("Pyongyang").unwrap();
        assert_eq!(&h[m.map(at)..m.map(at) + 9], "Pyongyang");
        let at = t.find("reached").unwrap();
        assert_eq!(&h[m.map(at)..m.map(at) + 7], "reached");
    }

    #[test]
    fn malformed_is_kept() {
        let (t, _) = strip("a < b and &bogus; <p");
        assert_eq!(t, "a < b and &bogus; <p");
    }
}
