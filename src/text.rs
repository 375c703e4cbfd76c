//! Text from content and plan files is untrusted: it must never reach a terminal with control
//! characters in it (an ESC could recolour, move the cursor or retitle the window).

use std::borrow::Cow;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Whether `c` may appear in content text. Tab and line breaks are layout, not commands.
pub fn is_allowed_in_text(c: char) -> bool {
    !c.is_control() || c == '\n' || c == '\t'
}

/// Replaces every control character with a visible escape (`\u{1b}`), line breaks and tabs
/// included, for one-line messages that quote input.
pub fn escape_control(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Text for display: control characters dropped, tabs as a space; line breaks kept when
/// `keep_newlines`, otherwise turned into spaces.
pub fn clean(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    let needs_work = text
        .chars()
        .any(|c| c.is_control() && !(keep_newlines && c == '\n'));
    if !needs_work {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter_map(|c| match c {
                '\n' if keep_newlines => Some('\n'),
                '\n' | '\t' => Some(' '),
                c if c.is_control() => None,
                c => Some(c),
            })
            .collect(),
    )
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn escape_makes_esc_visible() {
        assert_eq!(escape_control("a\u{1b}[31mb"), "a\\u{1b}[31mb");
    }

    #[test]
    fn clean_drops_esc_and_bel_but_keeps_words() {
        assert_eq!(clean("red\u{1b}[31m\u{7}!", false), "red[31m!");
        assert_eq!(clean("two\nlines", true), "two\nlines");
        assert_eq!(clean("two\nlines", false), "two lines");
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
        fn cleaned_text_has_no_control_characters(s in "\\PC*|[\\x00-\\x1f\\x7f-\\x9f a-z]*") {
            prop_assert!(!clean(&s, false).chars().any(char::is_control));
            prop_assert!(!escape_control(&s).chars().any(char::is_control));
        }
    }
}
