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
    let needs_work = text
        .chars()
        .any(|c| needs_escape(c) && !(keep_newlines && c == '\n'));
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
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let width = width.max(first.width().max(rest.width()) + 1);
    let cleaned = clean(text, true);
    let mut lines = Vec::new();
    for paragraph in cleaned.split('\n') {
        let lead = if lines.is_empty() { first } else { rest };
        let options = textwrap::Options::new(width)
            .word_splitter(textwrap::WordSplitter::NoHyphenation)
            .wrap_algorithm(textwrap::WrapAlgorithm::Custom(optimal_fit))
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

/// textwrap's optimal fit with its default penalties, giving the same lines, for less work:
/// wrapping was the largest part of the explorer's first frame. A paragraph that fits on its
/// first line is one line without a search (any break costs a whole line's penalty more).
/// Otherwise the same SMAWK search runs over the same costs (so ties break the same way),
/// computed from widths summed once instead of through textwrap's shared line-number table,
/// which only matters when the first line is narrower or wider than the rest (then textwrap
/// itself runs).
fn optimal_fit<'a, 'b>(
    words: &'b [textwrap::core::Word<'a>],
    line_widths: &'b [usize],
) -> Vec<&'b [textwrap::core::Word<'a>]> {
    use textwrap::core::Fragment;
    use textwrap::wrap_algorithms::{Penalties, wrap_optimal_fit};
    let penalties = Penalties::new();
    let targets: Vec<f64> = line_widths.iter().map(|w| *w as f64).collect();
    let Some(&target) = targets.first() else {
        return vec![words];
    };
    if words.is_empty() || targets.iter().any(|t| *t != target) {
        return wrap_optimal_fit(words, &targets, &penalties).unwrap_or_else(|_| vec![words]);
    }
    let target = target.max(1.0);
    // widths[k]: the words before k with the space after each, as textwrap sums them.
    let mut widths = Vec::with_capacity(words.len() + 1);
    let mut sum = 0.0;
    widths.push(sum);
    for word in words {
        sum += word.width() + word.whitespace_width();
        widths.push(sum);
    }
    let last = words.len() - 1;
    let whole = widths[words.len()] - words[last].whitespace_width() + words[last].penalty_width();
    if whole <= target {
        return vec![words];
    }
    let nline = penalties.nline_penalty as f64;
    let overflow_penalty = penalties.overflow_penalty as f64;
    let short_last = target / penalties.short_last_line_fraction as f64;
    let minima = smawk::online_column_minima(0.0, widths.len(), |minima, i, j| {
        let word = &words[j - 1];
        let line_width = widths[j] - widths[i] - word.whitespace_width() + word.penalty_width();
        let mut cost = minima[i].1 + nline;
        if line_width > target {
            cost += (line_width - target) * overflow_penalty;
        } else if j < words.len() {
            let gap = target - line_width;
            cost += gap * gap;
        } else if i + 1 == j && line_width < short_last {
            cost += penalties.short_last_line_penalty as f64;
        }
        if word.penalty_width() > 0.0 {
            cost += penalties.hyphen_penalty as f64;
        }
        cost
    });
    let mut lines = Vec::new();
    let mut end = words.len();
    while end > 0 {
        let start = minima[end].0;
        lines.push(&words[start..end]);
        end = start;
    }
    lines.reverse();
    lines
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

    proptest! {
        #[test]
        fn wrapped_lines_fit_unless_a_word_is_too_long(s in "[a-z ]{0,60}", w in 1usize..30) {
            for line in wrap(&s, w, "", "") {
                let longest_word = line.split(' ').map(str::len).max().unwrap_or(0);
                prop_assert!(line.width() <= w.max(1) || longest_word > w);
            }
        }

        #[test]
        fn wrap_breaks_lines_as_textwrap_does(
            s in "([a-z]{1,12}[ ]{1,2}|[a-z]{1,3}-[a-z]{1,3} |é€中 |\n){0,40}",
            w in 1usize..50,
            lead in 0usize..4,
        ) {
            let leads = [("", ""), ("  ", "  "), ("• ", "  "), ("- ", "")];
            let (first, rest) = leads[lead];
            prop_assert_eq!(wrap(&s, w, first, rest), wrap_with_textwrap(&s, w, first, rest));
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
}
