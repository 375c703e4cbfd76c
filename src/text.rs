//! Text from content and plan files is untrusted: it must never reach a terminal with control
//! characters in it (an ESC could recolour, move the cursor or retitle the window).

use std::borrow::Cow;

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

/// At most `max_chars` characters of `text`, ending in `…` when cut.
pub fn shorten(text: &str, max_chars: usize) -> Cow<'_, str> {
    match text.char_indices().nth(max_chars) {
        None => Cow::Borrowed(text),
        Some(_) => {
            let keep = text
                .char_indices()
                .nth(max_chars.saturating_sub(1))
                .map_or(0, |(i, _)| i);
            Cow::Owned(format!("{}…", &text[..keep]))
        }
    }
}

/// `text` and then spaces up to `width` display columns. Unlike a `{:width$}` format, any
/// width works (a format width past 65,535 panics).
pub fn pad_to(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    let mut out = text.to_owned();
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(text.width())));
    out
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn escape_makes_esc_visible() {
        assert_eq!(escape_control("a\u{1b}[31mb"), "a\\u{1b}[31mb");
    }

    #[test]
    fn shorten_cuts_with_an_ellipsis_and_pad_takes_any_width() {
        assert_eq!(shorten("abcdef", 6), "abcdef");
        assert_eq!(shorten("abcdef", 4), "abc…");
        assert_eq!(shorten("ééééé", 3), "éé…");
        assert_eq!(pad_to("ab", 100_000).len(), 100_000);
    }

    #[test]
    fn clean_drops_esc_and_bel_but_keeps_words() {
        assert_eq!(clean("red\u{1b}[31m\u{7}!", false), "red[31m!");
        assert_eq!(clean("two\nlines", true), "two\nlines");
        assert_eq!(clean("two\nlines", false), "two lines");
    }

    proptest! {
        #[test]
        fn cleaned_text_has_no_control_characters(s in "\\PC*|[\\x00-\\x1f\\x7f-\\x9f a-z]*") {
            prop_assert!(!clean(&s, false).chars().any(char::is_control));
            prop_assert!(!escape_control(&s).chars().any(char::is_control));
        }
    }
}
