//! The explorer's styles. Colours come from `assets/theme.toml` (and a person's overrides);
//! with `NO_COLOR` set, a fixed theme marks everything with bold, reversed and underline only.

use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};

/// One style per thing on screen that looks different.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub title: Style,
    pub border: Style,
    pub border_focused: Style,
    pub heading: Style,
    pub muted: Style,
    /// The selected row of the focused pane.
    pub selected: Style,
    /// The selected row of a pane without focus.
    pub selected_unfocused: Style,
    /// Levels equivalent to the selected one, in other tracks.
    pub equivalent: Style,
    pub pip_filled: Style,
    pub pip_empty: Style,
    /// An experience range that a source gives.
    pub bar: Style,
    /// An experience range that is the content authors' estimate.
    pub bar_estimate: Style,
    pub profile_bar: Style,
    /// Key names in the footer and the help.
    pub key: Style,
    /// The characters a search query matched.
    pub matched: Style,
    /// Compare: what B has and A lacks, or has more of (`+`, `↑`).
    pub diff_added: Style,
    /// Compare: what A has and B lacks, or has more of (`−`, `↓`).
    pub diff_removed: Style,
    /// Compare: a fact stated differently at A and B (`≠`).
    pub diff_changed: Style,
    /// Compare: level A's bars and name.
    pub series_a: Style,
    /// Compare: level B's bars and name.
    pub series_b: Style,
}

impl Theme {
    /// The slot names used in theme files.
    pub const SLOTS: [&'static str; 20] = [
        "title",
        "border",
        "border-focused",
        "heading",
        "muted",
        "selected",
        "selected-unfocused",
        "equivalent",
        "pip-filled",
        "pip-empty",
        "bar",
        "bar-estimate",
        "profile-bar",
        "key",
        "match",
        "diff-added",
        "diff-removed",
        "diff-changed",
        "series-a",
        "series-b",
    ];

    /// Every slot unstyled; theme files fill it in.
    pub fn plain() -> Theme {
        let none = Style::new();
        Theme {
            title: none,
            border: none,
            border_focused: none,
            heading: none,
            muted: none,
            selected: none,
            selected_unfocused: none,
            equivalent: none,
            pip_filled: none,
            pip_empty: none,
            bar: none,
            bar_estimate: none,
            profile_bar: none,
            key: none,
            matched: none,
            diff_added: none,
            diff_removed: none,
            diff_changed: none,
            series_a: none,
            series_b: none,
        }
    }

    /// For `NO_COLOR`: modifiers only, so selection and highlights still show.
    pub fn no_color() -> Theme {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let reversed = Style::new().add_modifier(Modifier::REVERSED);
        let underlined = Style::new().add_modifier(Modifier::UNDERLINED);
        Theme {
            title: bold,
            border: Style::new(),
            border_focused: bold,
            heading: bold.add_modifier(Modifier::UNDERLINED),
            muted: Style::new(),
            selected: reversed.add_modifier(Modifier::BOLD),
            selected_unfocused: underlined,
            equivalent: underlined,
            pip_filled: bold,
            pip_empty: Style::new(),
            bar: bold,
            bar_estimate: Style::new(),
            profile_bar: bold,
            key: bold,
            matched: bold.add_modifier(Modifier::UNDERLINED),
            // The markers (+ − ↑ ↓ ≠) carry the meaning; the modifiers only add weight.
            diff_added: bold,
            diff_removed: underlined,
            diff_changed: bold,
            series_a: Style::new(),
            series_b: bold,
        }
    }

    /// Sets the slot named as in theme files; unknown names are ignored (the parser rejects them).
    pub fn set(&mut self, slot: &str, style: Style) {
        let target = match slot {
            "title" => &mut self.title,
            "border" => &mut self.border,
            "border-focused" => &mut self.border_focused,
            "heading" => &mut self.heading,
            "muted" => &mut self.muted,
            "selected" => &mut self.selected,
            "selected-unfocused" => &mut self.selected_unfocused,
            "equivalent" => &mut self.equivalent,
            "pip-filled" => &mut self.pip_filled,
            "pip-empty" => &mut self.pip_empty,
            "bar" => &mut self.bar,
            "bar-estimate" => &mut self.bar_estimate,
            "profile-bar" => &mut self.profile_bar,
            "key" => &mut self.key,
            "match" => &mut self.matched,
            "diff-added" => &mut self.diff_added,
            "diff-removed" => &mut self.diff_removed,
            "diff-changed" => &mut self.diff_changed,
            "series-a" => &mut self.series_a,
            "series-b" => &mut self.series_b,
            _ => return,
        };
        *target = style;
    }
}

/// Parses `bold cyan`, `black on cyan`, `#ff8800`, `reversed`.
pub fn parse_style(spec: &str) -> Result<Style, String> {
    let mut style = Style::new();
    let mut words = spec.split_whitespace();
    while let Some(word) = words.next() {
        let lower = word.to_ascii_lowercase();
        let modifier = match lower.as_str() {
            "bold" => Some(Modifier::BOLD),
            "dim" => Some(Modifier::DIM),
            "italic" => Some(Modifier::ITALIC),
            "underlined" | "underline" => Some(Modifier::UNDERLINED),
            "reversed" | "reverse" => Some(Modifier::REVERSED),
            _ => None,
        };
        if let Some(modifier) = modifier {
            style = style.add_modifier(modifier);
        } else if lower == "on" {
            let Some(background) = words.next() else {
                return Err(format!("`{spec}`: `on` needs a colour after it"));
            };
            style = style.bg(colour(spec, background)?);
        } else {
            style = style.fg(colour(spec, word)?);
        }
    }
    Ok(style)
}

fn colour(spec: &str, word: &str) -> Result<Color, String> {
    Color::from_str(word).map_err(|_| {
        format!(
            "`{spec}`: `{word}` is not a colour or style word; use a colour name (cyan, \
             light-blue, darkgray…), #rrggbb, `on COLOUR`, or bold, dim, italic, underlined, \
             reversed"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_parse_from_words() {
        assert_eq!(
            parse_style("bold black on cyan"),
            Ok(Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD))
        );
        assert_eq!(
            parse_style("#ff8800"),
            Ok(Style::new().fg(Color::Rgb(255, 136, 0)))
        );
        assert!(parse_style("chartreuse").is_err());
        assert!(parse_style("black on").is_err());
    }

    #[test]
    fn the_no_color_theme_holds_no_colour() {
        let theme = Theme::no_color();
        for style in [
            theme.title,
            theme.border,
            theme.border_focused,
            theme.heading,
            theme.muted,
            theme.selected,
            theme.selected_unfocused,
            theme.equivalent,
            theme.pip_filled,
            theme.pip_empty,
            theme.bar,
            theme.bar_estimate,
            theme.profile_bar,
            theme.key,
            theme.matched,
            theme.diff_added,
            theme.diff_removed,
            theme.diff_changed,
            theme.series_a,
            theme.series_b,
        ] {
            assert_eq!((style.fg, style.bg), (None, None));
        }
        assert!(theme.selected.add_modifier.contains(Modifier::REVERSED));
    }
}
