//! Text from content and plan files, arguments and the environment is untrusted: it must never
//! reach a terminal with control characters in it (an ESC could recolour, move the cursor or
//! retitle the window), nor with invisible formatting characters that change how it reads
//! (a right-to-left override can make `exe.txt` show as `txt.exe`). Every such string goes
//! through [`escape_control`] (messages), [`clean`] (display) or [`to_json`] (JSON) on its
//! way out.

use std::borrow::Cow;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Whether `c` may appear in content text. Tab and line breaks are layout, not commands.
pub fn is_allowed_in_text(c: char) -> bool {
    !c.is_control() || c == '\n' || c == '\t'
}

/// Invisible characters that change how text around them reads: bidirectional controls
/// (U+202A–U+202E, U+2066–U+2069, the marks U+200E, U+200F, U+061C), zero-width space and
/// word joiners (U+200B, U+2060–U+2064), the byte-order mark, the soft hyphen, deprecated
/// format controls, interlinear annotations and tag characters. The zero-width joiner and
/// non-joiner (U+200C, U+200D) are left alone: emoji sequences and several scripts need them.
pub fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{E0000}'..='\u{E007F}'
    )
}

/// Whether `c` is shown as an escape rather than as itself.
fn needs_escape(c: char) -> bool {
    c.is_control() || is_invisible_format(c)
}

/// Replaces every control character (C0, DEL and C1) and invisible formatting character with a
/// visible escape (`\u{1b}`), line breaks and tabs included, for one-line messages that quote
/// input.
pub fn escape_control(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if needs_escape(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Pretty JSON in which no string can carry a terminal command or invisible formatting:
/// serde_json writes DEL, C1 controls (U+009B is a one-byte CSI) and bidi controls as they
/// are, so these are written as `\u009b` escapes, which every JSON reader decodes back.
pub fn to_json<T: serde::Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let text = serde_json::to_string_pretty(value)?;
    if !text.chars().any(needs_escape_in_json) {
        return Ok(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if needs_escape_in_json(c) {
            // Outside strings serde_json writes only ASCII punctuation, digits, letters and
            // whitespace, so every such character is inside a string, where `\u` is valid.
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    Ok(out)
}

fn needs_escape_in_json(c: char) -> bool {
    // serde_json already escapes C0 controls inside strings; newlines between values stay.
    needs_escape(c) && !matches!(c, '\n' | '\t' | '\r' | ' ')
}

/// Text for display: control characters dropped, tabs as a space; line breaks kept when
/// `keep_newlines`, otherwise turned into spaces. Invisible formatting characters are shown
/// as escapes (`\u{202e}`), so that a note can hold one and still not reorder what is shown.
pub fn clean(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    // Printable ASCII needs nothing, and is most text: checked byte by byte, without
    // decoding characters.
    if text
        .bytes()
        .all(|b| (b' '..=b'~').contains(&b) || (keep_newlines && b == b'\n'))
    {
        return Cow::Borrowed(text);
    }
    // ASCII characters are tested inline: of them only C0 controls and DEL need work.
    let needs_work = text.chars().any(|c| {
        if c.is_ascii() {
            (c < ' ' || c == '\x7f') && !(keep_newlines && c == '\n')
        } else {
            needs_escape(c)
        }
    });
    if !needs_work {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' if keep_newlines => out.push('\n'),
            '\n' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c if is_invisible_format(c) => out.extend(c.escape_unicode()),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// `text` cut to at most `max` display columns, ending in `…` when something was cut. Wide
/// characters are never split, so columns stay aligned.
pub fn fit(text: &str, max: usize) -> String {
    if text.width() <= max {
        return text.to_owned();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max.saturating_sub(1) {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// `text` fitted and padded with spaces to exactly `columns` display columns.
pub fn pad(text: &str, columns: usize) -> String {
    let fitted = fit(text, columns);
    let gap = columns.saturating_sub(fitted.width());
    format!("{fitted}{}", " ".repeat(gap))
}

/// Content text wrapped to `width` display columns, words never broken unless one alone is
/// wider than the line: `first` goes before the first line, `rest` before every other one.
/// Line breaks in the text are kept; control characters are dropped.
///
/// The lines are exactly those of `textwrap::wrap` with no hyphenation, words split at ASCII
/// spaces, long words broken and textwrap's optimal fit (the tests compare the two), found
/// with less work: wrapping was the largest part of the explorer's first frame, and besides
/// the line search textwrap spent most of it building `Word`s, breaking them and assembling
/// `Cow`s. After
/// [`clean`] no escape sequence, tab or other control character is left, so a word's width is
/// the plain sum of its characters' widths, as textwrap counts them.
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let width = width.max(first.width().max(rest.width()) + 1);
    let cleaned = clean(text, true);
    // Leads may hold anything; textwrap measures them skipping escape sequences, so the
    // same measure here.
    let first_columns = width.saturating_sub(textwrap::core::display_width(first));
    let rest_columns = width.saturating_sub(textwrap::core::display_width(rest));
    // Room for the lines a paragraph of this many bytes usually takes; more may come.
    let mut lines = Vec::with_capacity((cleaned.len() / rest_columns.max(1) + 1).min(64));
    let mut scratch = Scratch::default();
    for paragraph in cleaned.split('\n') {
        let (lead, lead_columns) = if lines.is_empty() {
            (first, first_columns)
        } else {
            (rest, rest_columns)
        };
        let layout = Layout {
            width,
            lead,
            lead_columns,
            rest,
            rest_columns,
        };
        wrap_paragraph(paragraph, &layout, &mut scratch, &mut lines);
    }
    lines
}

/// How one paragraph is laid out: `width` columns in all, its first line after `lead` with
/// `lead_columns` left for words, every other line after `rest` with `rest_columns` left.
struct Layout<'a> {
    width: usize,
    lead: &'a str,
    lead_columns: usize,
    rest: &'a str,
    rest_columns: usize,
}

/// A word of a paragraph by byte offsets: the word is `start..end` and takes `columns`
/// display columns, the spaces after it are `end..next`. Words follow each other with no
/// gap, so a line of words is one slice of the paragraph.
#[derive(Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
    next: usize,
    columns: usize,
}

/// Buffers kept from one paragraph to the next.
#[derive(Default)]
struct Scratch {
    words: Vec<Word>,
    /// For each `k`: the width of the words before `k` with the spaces after each (as
    /// textwrap sums them), and the same without the spaces after word `k - 1` (where a
    /// line ending there stops).
    widths: Vec<(f64, f64)>,
}

/// Display columns of a piece of cleaned text (no control characters left in it).
fn columns_of(text: &str, ascii: bool) -> usize {
    if ascii {
        text.len()
    } else {
        text.chars().map(|c| c.width().unwrap_or(0)).sum()
    }
}

/// One paragraph (no line breaks in it) wrapped onto the end of `lines`, as textwrap's
/// `wrap` does with one line of text.
fn wrap_paragraph(
    paragraph: &str,
    layout: &Layout<'_>,
    scratch: &mut Scratch,
    lines: &mut Vec<String>,
) {
    let Layout {
        width,
        lead,
        lead_columns,
        rest,
        rest_columns,
    } = *layout;
    // textwrap's own shortcut, on bytes rather than columns: shorter in bytes than the line
    // and no lead, the paragraph is one line.
    if lead.is_empty() && paragraph.len() < width {
        lines.push(paragraph.trim_end_matches(' ').to_owned());
        return;
    }
    let ascii = paragraph.is_ascii();
    // textwrap compares the two line widths as floats; so does this.
    let same_widths = lead_columns as f64 == rest_columns as f64;
    let first_target = (lead_columns as f64).max(1.0);
    let rest_target = (rest_columns as f64).max(1.0);
    let trimmed = paragraph.trim_end_matches(' ');
    // A paragraph that fits on its line is one line without a search: any break costs a
    // whole line's penalty more. Breaking a word too long for the line would not change the
    // text of that one line. (When the leads differ in width, textwrap's search always ran
    // before, and it still does.)
    if same_widths && ascii && trimmed.len() as f64 <= rest_target {
        lines.push(with_lead(lead, trimmed));
        return;
    }

    let bytes = paragraph.as_bytes();
    let words = &mut scratch.words;
    words.clear();
    // At most one word per space, one more at the end and the empty first; a long word
    // cut into pieces may still grow the buffer.
    words.reserve(bytes.iter().filter(|&&b| b == b' ').count() + 2);
    if !lead.is_empty() {
        // textwrap puts an empty word first when there is a first-line lead, so that the
        // first word may go to the second line.
        words.push(Word {
            start: 0,
            end: 0,
            next: 0,
            columns: 0,
        });
    }
    let mut start = 0;
    while start < bytes.len() {
        // A word runs to the next space, its spaces to the next non-space (textwrap's
        // `AsciiSpace` separator); leading spaces make an empty first word.
        let end = bytes[start..]
            .iter()
            .position(|&b| b == b' ')
            .map_or(bytes.len(), |at| start + at);
        let next = bytes[end..]
            .iter()
            .position(|&b| b != b' ')
            .map_or(bytes.len(), |at| end + at);
        let columns = columns_of(&paragraph[start..end], ascii);
        if columns > rest_columns {
            break_word(paragraph, start, end, next, rest_columns, words);
        } else {
            words.push(Word {
                start,
                end,
                next,
                columns,
            });
        }
        start = next;
    }
    let Some(last) = words.last() else {
        // Unreachable (an empty paragraph without a lead took the shortcut); textwrap gives
        // no line for no words.
        return;
    };
    let n = words.len();

    let widths = &mut scratch.widths;
    widths.clear();
    widths.reserve(n + 1);
    let mut sum = 0.0;
    widths.push((sum, sum));
    for word in words.iter() {
        let spaces = (word.next - word.end) as f64;
        sum += word.columns as f64 + spaces;
        widths.push((sum, sum - spaces));
    }
    // Same as the ASCII shortcut above, for any text.
    if same_widths && widths[n].1 <= rest_target {
        lines.push(with_lead(lead, &paragraph[..last.end]));
        return;
    }

    // textwrap's optimal fit: the same costs with its default penalties, through the same
    // SMAWK search, so that ties break the same way. Every width is a whole number well
    // within f64's exact range, so `widths[j].1 - widths[i].0` is textwrap's line width.
    let penalties = textwrap::wrap_algorithms::Penalties::new();
    let nline = penalties.nline_penalty as f64;
    let overflow = penalties.overflow_penalty as f64;
    let fraction = penalties.short_last_line_fraction as f64;
    let short_last_penalty = penalties.short_last_line_penalty as f64;
    let minima = smawk::online_column_minima(0.0, n + 1, |minima, i, j| {
        // A line starting at word 0 is the first line, any other one is not.
        let target = if i == 0 { first_target } else { rest_target };
        let line_width = widths[j].1 - widths[i].0;
        let mut cost = minima[i].1 + nline;
        if line_width > target {
            cost += (line_width - target) * overflow;
        } else if j < n {
            let gap = target - line_width;
            cost += gap * gap;
        } else if i + 1 == j && line_width < target / fraction {
            cost += short_last_penalty;
        }
        cost
    });
    // textwrap's optimal fit gives up on an overflowing cost, and rungs then kept all words
    // on one line.
    let gave_up = !same_widths && minima.iter().any(|(_, cost)| cost.is_infinite());
    // The lines from the last back to the first, which is the one starting at word 0.
    let first_line = lines.len();
    let mut end = n;
    while end > 0 {
        let start = if gave_up { 0 } else { minima[end].0 };
        let text = &paragraph[words[start].start..words[end - 1].end];
        lines.push(with_lead(if start == 0 { lead } else { rest }, text));
        end = start;
    }
    lines[first_line..].reverse();
}

/// A wide word cut into pieces that each fit `columns` (a piece holds at least one
/// character), as textwrap's `break_words` cuts it; the last piece keeps the spaces.
fn break_word(
    paragraph: &str,
    start: usize,
    end: usize,
    next: usize,
    columns: usize,
    words: &mut Vec<Word>,
) {
    let mut offset = start;
    let mut used = 0;
    for (at, c) in paragraph[start..end].char_indices() {
        let w = c.width().unwrap_or(0);
        if used > 0 && used + w > columns {
            words.push(Word {
                start: offset,
                end: start + at,
                next: start + at,
                columns: used,
            });
            offset = start + at;
            used = w;
        } else {
            used += w;
        }
    }
    if offset < end {
        words.push(Word {
            start: offset,
            end,
            next,
            columns: used,
        });
    }
}

fn with_lead(lead: &str, text: &str) -> String {
    let mut line = String::with_capacity(lead.len() + text.len());
    line.push_str(lead);
    line.push_str(text);
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// `wrap` as it was, with textwrap's own optimal fit.
    fn wrap_with_textwrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
        let width = width.max(first.width().max(rest.width()) + 1);
        let mut lines = Vec::new();
        for paragraph in clean(text, true).split('\n') {
            let lead = if lines.is_empty() { first } else { rest };
            let options = textwrap::Options::new(width)
                .word_splitter(textwrap::WordSplitter::NoHyphenation)
                .initial_indent(lead)
                .subsequent_indent(rest);
            lines.extend(
                textwrap::wrap(paragraph, &options)
                    .into_iter()
                    .map(|l| l.into_owned()),
            );
        }
        lines
    }

    #[test]
    fn wrap_breaks_every_built_in_text_as_textwrap_does() {
        let ladder = crate::ladder::Ladder::embedded_validated().expect("valid");
        let mut texts: Vec<&str> = Vec::new();
        for level in ladder.levels() {
            texts.extend([
                level.summary.as_str(),
                level.scope.as_str(),
                level.decision_scope.as_str(),
            ]);
            texts.extend(level.responsibilities.iter().map(String::as_str));
            for reference in &level.skills {
                texts.extend(reference.expectations.iter().map(String::as_str));
                texts.extend(reference.examples.iter().map(String::as_str));
            }
        }
        for skill in ladder.skills() {
            texts.push(&skill.description);
            texts.extend(skill.rubric.iter().map(|line| line.text.as_str()));
        }
        // Every width with no lead; every third width with the leads the screens use.
        let cases = (4..130).flat_map(|width| {
            let leads: &[(&str, &str)] = if width % 3 == 0 {
                &[("", ""), ("  ", "  "), ("• ", "  "), ("- ", "")]
            } else {
                &[("", "")]
            };
            leads
                .iter()
                .map(move |(first, rest)| (width, *first, *rest))
        });
        let cases: Vec<_> = cases.collect();
        for text in texts {
            for &(width, first, rest) in &cases {
                assert_eq!(
                    wrap(text, width, first, rest),
                    wrap_with_textwrap(text, width, first, rest),
                    "{text:?} at {width}, {first:?}/{rest:?}"
                );
            }
        }
    }

    #[test]
    fn escape_makes_esc_visible() {
        assert_eq!(escape_control("a\u{1b}[31mb"), "a\\u{1b}[31mb");
    }

    #[test]
    fn pad_takes_any_width() {
        // A `{:width$}` format panics past 65,535.
        assert_eq!(pad("ab", 100_000).len(), 100_000);
    }

    #[test]
    fn clean_drops_esc_and_bel_but_keeps_words() {
        assert_eq!(clean("red\u{1b}[31m\u{7}!", false), "red[31m!");
        assert_eq!(clean("two\nlines", true), "two\nlines");
        assert_eq!(clean("two\nlines", false), "two lines");
    }

    #[test]
    fn bidi_and_zero_width_characters_are_shown_escaped() {
        assert_eq!(escape_control("a\u{202e}b"), "a\\u{202e}b");
        assert_eq!(clean("x\u{200b}y\u{2067}", false), "x\\u{200b}y\\u{2067}");
        assert_eq!(
            clean("👩\u{200d}💻", false),
            "👩\u{200d}💻",
            "emoji joiners stay"
        );
    }

    #[test]
    fn json_escapes_c1_del_and_bidi_inside_strings_and_reads_back() {
        let note = "csi \u{9b}31m del \u{7f} rlo \u{202e} tag \u{e0041} esc \u{1b}";
        let text = to_json(&serde_json::json!({ "note": note })).expect("encodes");
        assert!(
            text.contains("\\u009b") && text.contains("\\u007f"),
            "{text}"
        );
        assert!(
            text.contains("\\u202e") && text.contains("\\udb40\\udc41"),
            "{text}"
        );
        assert!(!text.chars().any(needs_escape_in_json), "{text:?}");
        let back: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        assert_eq!(back["note"], note);
    }

    #[test]
    fn fit_cuts_wide_characters_whole() {
        assert_eq!(fit("日本語", 4), "日…");
        assert_eq!(fit("short", 9), "short");
        assert_eq!(pad("ab", 4), "ab  ");
    }

    #[test]
    fn wrap_hangs_the_rest_under_the_first_line() {
        let lines = wrap("one two three four", 11, "- ", "  ");
        assert_eq!(lines, ["- one two", "  three", "  four"]);
        assert_eq!(wrap("a\nb", 10, "", "> "), ["a", "> b"]);
    }

    /// Leads of several widths, some measured differently by textwrap (which skips escape
    /// sequences and adds up the characters of a joined emoji) than by unicode-width.
    const LEADS: [&str; 9] = [
        "",
        " ",
        "  ",
        "• ",
        "- ",
        "    > ",
        "日 ",
        "\u{1b}[1m* ",
        "👩\u{200d}💻 ",
    ];

    proptest! {
        #[test]
        fn wrapped_lines_fit_unless_a_word_is_too_long(s in "[a-z ]{0,60}", w in 1usize..30) {
            for line in wrap(&s, w, "", "") {
                let longest_word = line.split(' ').map(str::len).max().unwrap_or(0);
                prop_assert!(line.width() <= w.max(1) || longest_word > w);
            }
        }

        #[test]
        fn cleaned_text_has_no_control_characters(s in "\\PC*|[\\x00-\\x1f\\x7f-\\x9f\\u{202a}-\\u{202e}\\u{2066}-\\u{2069} a-z]*") {
            prop_assert!(!clean(&s, false).chars().any(needs_escape));
            prop_assert!(!escape_control(&s).chars().any(needs_escape));
            let json = to_json(&s).expect("encodes");
            prop_assert!(!json.chars().any(needs_escape));
            prop_assert_eq!(serde_json::from_str::<String>(&json).expect("valid"), s);
        }
    }

    proptest! {
        // Many cases: every branch of the splitter and the line search must meet its match.
        #![proptest_config(ProptestConfig::with_cases(2048))]

        #[test]
        fn wrap_breaks_lines_as_textwrap_does(
            // Short and overlong words, runs of spaces (leading and trailing too), empty
            // paragraphs, hyphens, accents, wide CJK, emoji and joined emoji, combining marks
            // (also at the start of a word), an ideographic space (not a separator), and
            // what `clean` drops or escapes: tabs, escape sequences, bidi controls.
            s in "([a-z]{1,12}|[a-z]{13,40}|[ ]{1,4}|\n|\n\n|[a-z]{1,3}-[a-z]{1,3}|é€中|日本語の文字列|😀👍|👩\u{200d}💻|e\u{301}|\u{301}x|\u{3000}|\t|\u{1b}\\[31m|\u{202e}|x\u{7f}y){0,40}",
            w in prop_oneof![1usize..4, 1usize..50],
            first in 0usize..LEADS.len(),
            rest in 0usize..LEADS.len(),
        ) {
            let (first, rest) = (LEADS[first], LEADS[rest]);
            prop_assert_eq!(wrap(&s, w, first, rest), wrap_with_textwrap(&s, w, first, rest));
        }
    }

    /// Leads that measure differently in unicode-width and textwrap, or hold controls.
    const UNUSUAL_LEADS: [&str; 10] = [
        "",
        " ",
        "\u{a0}",
        "\t",
        "                                        ",
        "•\u{a0}",
        "❤\u{fe0f} ",
        "ﾊﾞ ",
        "\u{301}",
        "\u{1b}]0;x\u{7}> ",
    ];

    proptest! {
        #[test]
        fn wrap_matches_textwrap_on_unusual_characters_and_leads(
            s in "([a-z]{1,8}|[a-z]{20,90}|[ ]{1,5}|\n|\r|\r\n|\u{a0}|\u{200d}|\u{200c}|\u{85}|\u{2028}|\u{3000}|\u{feff}|\u{ad}|❤\u{fe0f}|ﾊﾞ|\u{301}|\u{1b}\\]0;t\u{7}|\u{1b}\\[1;2m|\u{10ffff}|\u{e0041}|x\u{200d}y|👨\u{200d}👩\u{200d}👧){0,50}",
            w in prop_oneof![0usize..3, 0usize..100],
            first in 0usize..UNUSUAL_LEADS.len(),
            rest in 0usize..UNUSUAL_LEADS.len(),
        ) {
            let (first, rest) = (UNUSUAL_LEADS[first], UNUSUAL_LEADS[rest]);
            prop_assert_eq!(wrap(&s, w, first, rest), wrap_with_textwrap(&s, w, first, rest));
        }

        #[test]
        fn text_of_only_spaces_wraps_as_textwrap_does(n in 0usize..200, w in 0usize..60, first in 0usize..UNUSUAL_LEADS.len(), rest in 0usize..UNUSUAL_LEADS.len()) {
            let s = " ".repeat(n);
            let (first, rest) = (UNUSUAL_LEADS[first], UNUSUAL_LEADS[rest]);
            prop_assert_eq!(wrap(&s, w, first, rest), wrap_with_textwrap(&s, w, first, rest));
        }
    }
}
