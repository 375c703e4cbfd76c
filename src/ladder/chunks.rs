//! Splitting a content file at its top-level table headers, so that a large file is parsed
//! one `[[levels]]` entry at a time and its parsed form never exists whole.
//!
//! The spanned TOML document of a 5 MB file of levels takes over 200 MB (every inline table
//! is a map of its own); read entry by entry, only one entry's document is alive at a time.
//! A header starts a new chunk when it is one plain key (`[ladder]`, `[[levels]]`); headers
//! below it (`[[levels.skills]]`, `[levels.extra]`) stay with it. Anything the scan cannot
//! be sure about (a sub-table header under another key, a quoted header key) makes it give up,
//! and the file is parsed whole as before.

use std::ops::Range;

/// A part of a file: byte range, and the key of the header that opens it (`None` for the
/// part before the first header).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Chunk {
    pub range: Range<usize>,
    pub key: Option<String>,
}

/// The chunks of `text`, or one chunk for the whole file when splitting is not safe.
pub(crate) fn split(text: &str) -> Vec<Chunk> {
    headers(text)
        .map(|headers| {
            let mut chunks = Vec::with_capacity(headers.len() + 1);
            let mut start = 0;
            let mut key = None;
            for (at, header_key) in headers {
                if at > start || key.is_some() {
                    chunks.push(Chunk {
                        range: start..at,
                        key: key.take(),
                    });
                }
                start = at;
                key = Some(header_key);
            }
            chunks.push(Chunk {
                range: start..text.len(),
                key,
            });
            chunks
        })
        .unwrap_or_else(|| {
            vec![Chunk {
                range: 0..text.len(),
                key: None,
            }]
        })
}

/// Positions and keys of the headers that start chunks; `None` if the file cannot be split
/// safely.
fn headers(text: &str) -> Option<Vec<(usize, String)>> {
    let bytes = text.as_bytes();
    let mut found: Vec<(usize, String)> = Vec::new();
    let mut depth = 0usize;
    let mut line_start = true;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'\n' => {
                line_start = true;
                i += 1;
                continue;
            }
            b' ' | b'\t' | b'\r' => {
                i += 1;
                continue;
            }
            b'#' => {
                i = skip_line(bytes, i);
                continue;
            }
            b'"' | b'\'' => {
                i = skip_string(bytes, i)?;
            }
            b'[' if depth == 0 && line_start => {
                let end = skip_line(bytes, i);
                let line = text[i..end].trim_end();
                let header = line.split('#').next().unwrap_or("").trim_end();
                let array = header.starts_with("[[");
                let inner = header.trim_start_matches('[').trim_end_matches(']').trim();
                let closes = if array {
                    header.ends_with("]]")
                } else {
                    header.ends_with(']')
                };
                if !closes || inner.contains(['"', '\'', '[', ']']) {
                    return None;
                }
                match inner.split_once('.') {
                    None => found.push((i, inner.to_owned())),
                    Some((first, _)) => {
                        // A sub-table must belong to the chunk it sits in.
                        let current = found.last().map(|(_, k)| k.as_str());
                        if current != Some(first.trim()) {
                            return None;
                        }
                    }
                }
                i = end;
                continue;
            }
            b'[' | b'{' => {
                depth += 1;
                i += 1;
            }
            b']' | b'}' => {
                depth = depth.checked_sub(1)?;
                i += 1;
            }
            _ => i += 1,
        }
        line_start = false;
    }
    (depth == 0).then_some(found)
}

fn skip_line(bytes: &[u8], from: usize) -> usize {
    bytes[from..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |n| from + n)
}

/// The index just past the string starting at `from` (basic, literal, or their multi-line
/// forms); `None` if it never ends.
fn skip_string(bytes: &[u8], from: usize) -> Option<usize> {
    let quote = bytes[from];
    let triple = bytes.get(from..from + 3) == Some(&[quote, quote, quote][..]);
    let mut i = from + if triple { 3 } else { 1 };
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\\' && quote == b'"' {
            i += 2;
            continue;
        }
        if !triple && b == b'\n' {
            return None;
        }
        if b == quote {
            if !triple {
                return Some(i + 1);
            }
            if bytes.get(i..i + 3) == Some(&[quote, quote, quote][..]) {
                // Up to two more quotes may end the string's content.
                let mut end = i + 3;
                while end < bytes.len() && bytes[end] == quote && end < i + 5 {
                    end += 1;
                }
                return Some(end);
            }
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<Option<String>> {
        split(text).into_iter().map(|c| c.key).collect()
    }

    #[test]
    fn top_level_headers_start_chunks_and_sub_tables_stay_with_them() {
        let text = "# c\n[ladder]\nname = \"x\"\n[[levels]]\nid = \"a\"\n[[levels.skills]]\nskill = \"s\"\n[levels.extra]\nk = 1\n[[levels]]\nid = \"b\"\n";
        assert_eq!(
            keys(text),
            [
                None,
                Some("ladder".into()),
                Some("levels".into()),
                Some("levels".into())
            ]
        );
        let chunks = split(text);
        let joined: String = chunks.iter().map(|c| &text[c.range.clone()]).collect();
        assert_eq!(joined, text, "the chunks cover the file, in order");
    }

    #[test]
    fn brackets_inside_strings_and_arrays_are_not_headers() {
        let text = "[[levels]]\nsummary = \"\"\"\n[[levels]]\n\"\"\"\nlist = [\n[1, 2],\n]\nnote = '[x]'\n[[levels]]\n";
        assert_eq!(keys(text), [Some("levels".into()), Some("levels".into())]);
    }

    #[test]
    fn anything_unsure_parses_the_file_whole() {
        for text in [
            "[[levels]]\n[skills.extra]\n",
            "[\"quoted\"]\n",
            "x = [\n",
            "s = \"never closed\n[[levels]]\n",
        ] {
            assert_eq!(split(text).len(), 1, "{text:?}");
        }
    }
}

#[cfg(test)]
mod generated {
    #[test]
    fn the_generated_files_split_into_one_chunk_per_entry() {
        for file in crate::ladder::generate::large_ladder(200, 2_000, 50) {
            let chunks = super::split(&file.text);
            let entries =
                file.text.matches("\n[[").count() + usize::from(file.text.starts_with("[["));
            assert!(
                chunks.len() >= entries,
                "{}: {} chunks for {entries} entries",
                file.name,
                chunks.len()
            );
        }
    }
}
