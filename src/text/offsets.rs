//! Offset maps: each text transformation (decoding, HTML stripping, mojibake
//! repair, NFC) records where each piece of its output came from in its
//! input, so a byte offset into the normalised text can be traced back to
//! a byte offset in the original file.

/// A piecewise-linear map from output byte offsets to input byte offsets.
/// Anchors are `(output, input)` pairs; between anchors bytes map one to one
/// (clamped to the end of the input piece).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    anchors: Vec<(usize, usize)>,
    /// Where each anchored piece ends in the input (for clamping).
    ends: Vec<usize>,
}

impl OffsetMap {
    /// The input offset of an output offset.
    pub fn map(&self, out: usize) -> usize {
        let i = self.anchors.partition_point(|&(o, _)| o <= out);
        if i == 0 {
            return out;
        }
        let (o, inp) = self.anchors[i - 1];
        (inp + (out - o)).min(self.ends[i - 1])
    }
}

/// Builds an output string together with its [`OffsetMap`].
#[derive(Debug, Default)]
pub struct MappedBuilder {
    pub out: String,
    map: OffsetMap,
}

impl MappedBuilder {
    pub fn with_capacity(n: usize) -> MappedBuilder {
        MappedBuilder {
            out: String::with_capacity(n),
            map: OffsetMap::default(),
        }
    }

    /// Appends `s`, copied unchanged from input offset `from`.
    pub fn copy(&mut self, s: &str, from: usize) {
        let o = self.out.len();
        let continues = match (self.map.anchors.last(), self.map.ends.last()) {
            (Some(&(ao, ai)), Some(&end)) => ai + (o - ao) == from && end == from,
            _ => from == o,
        };
        self.out.push_str(s);
        if continues {
            if let Some(end) = self.map.ends.last_mut() {
                *end = from + s.len();
            }
        } else {
            self.map.anchors.push((o, from));
            self.map.ends.push(from + s.len());
        }
    }

    /// Appends `s` as the replacement of input range `from..to`.
    pub fn replace(&mut self, s: &str, from: usize, to: usize) {
        self.map.anchors.push((self.out.len(), from));
        self.map.ends.push(to);
        self.out.push_str(s);
        // The next copied piece must start a new anchor.
        self.map.anchors.push((self.out.len(), to));
        self.map.ends.push(to);
    }

    pub fn finish(self) -> (String, OffsetMap) {
        (self.out, self.map)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copy_and_replace() {
        let mut b = MappedBuilder::default();
        b.copy("ab", 0);
        b.replace("’", 2, 3); // 1 input byte → 3 output bytes
        b.copy("cd", 3);
        b.copy("ef", 10);
        let (s, m) = b.finish();
        assert_eq!(s, "ab’cdef");
        assert_eq!(m.map(0), 0);
        assert_eq!(m.map(2), 2);
        assert_eq!(m.map(4), 3); // inside the replacement: clamped to its end
        assert_eq!(m.map(5), 3);
        assert_eq!(m.map(6), 4);
        assert_eq!(m.map(7), 10);
        assert_eq!(m.map(9), 12);
    }
}
