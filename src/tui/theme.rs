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
    /// A message saying something went wrong (a save that failed).
    pub error: Style,
}

impl Theme {
    /// The slot names used in theme files.
    pub const SLOTS: [&'static str; 21] = [
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
        "error",
    ];

    /// Every slot unstyled; theme files fill it in.
    pub const fn plain() -> Theme {
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
            error: none,
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
            error: bold.add_modifier(Modifier::UNDERLINED),
        }
    }

    /// Sets the slot named as in theme files; unknown names are ignored (the parser rejects them).
    pub fn set(&mut self, slot: &str, style: Style) {
        self.set_slot(slot, style);
    }

    /// Sets the slot named as in theme files, `false` for a name that is not a slot. A `const
    /// fn`, so the compiled-in theme is put together while rungs is compiled.
    pub const fn set_slot(&mut self, slot: &str, style: Style) -> bool {
        let mut index = 0;
        while index < Theme::SLOTS.len() && !same_text(Theme::SLOTS[index], slot) {
            index += 1;
        }
        // In the order of `SLOTS`.
        let target = match index {
            0 => &mut self.title,
            1 => &mut self.border,
            2 => &mut self.border_focused,
            3 => &mut self.heading,
            4 => &mut self.muted,
            5 => &mut self.selected,
            6 => &mut self.selected_unfocused,
            7 => &mut self.equivalent,
            8 => &mut self.pip_filled,
            9 => &mut self.pip_empty,
            10 => &mut self.bar,
            11 => &mut self.bar_estimate,
            12 => &mut self.profile_bar,
            13 => &mut self.key,
            14 => &mut self.matched,
            15 => &mut self.diff_added,
            16 => &mut self.diff_removed,
            17 => &mut self.diff_changed,
            18 => &mut self.series_a,
            19 => &mut self.series_b,
            20 => &mut self.error,
            _ => return false,
        };
        *target = style;
        true
    }
}

/// `a == b`, which is not yet a `const fn` for strings.
pub(super) const fn same_text(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// How a theme role is read: as text (4.5:1 contrast wanted), as a border or mark (3:1), or
/// as text on its own filled background.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Text,
    Mark,
    Filled,
}

impl Theme {
    /// Every slot with its style and how it is read, for the contrast checks.
    pub fn roles(&self) -> Vec<(&'static str, Style, Role)> {
        vec![
            ("title", self.title, Role::Text),
            ("border", self.border, Role::Mark),
            ("border-focused", self.border_focused, Role::Mark),
            ("heading", self.heading, Role::Text),
            ("muted", self.muted, Role::Text),
            ("selected", self.selected, Role::Filled),
            ("selected-unfocused", self.selected_unfocused, Role::Filled),
            ("equivalent", self.equivalent, Role::Text),
            ("pip-filled", self.pip_filled, Role::Mark),
            ("pip-empty", self.pip_empty, Role::Mark),
            ("bar", self.bar, Role::Mark),
            ("bar-estimate", self.bar_estimate, Role::Mark),
            ("profile-bar", self.profile_bar, Role::Mark),
            ("key", self.key, Role::Text),
            ("match", self.matched, Role::Text),
            ("diff-added", self.diff_added, Role::Text),
            ("diff-removed", self.diff_removed, Role::Text),
            ("diff-changed", self.diff_changed, Role::Text),
            ("series-a", self.series_a, Role::Text),
            ("series-b", self.series_b, Role::Text),
            ("error", self.error, Role::Text),
        ]
    }

    /// The theme for a terminal without 24-bit colour: each `#rrggbb` becomes the nearest of
    /// the 256 colours (so a colour from the config is never sent raw to a terminal that did
    /// not ask for it).
    pub fn without_truecolor(&self) -> Theme {
        let mut theme = self.clone();
        for (slot, style, _) in self.roles() {
            let mut style = style;
            if let Some(Color::Rgb(r, g, b)) = style.fg {
                style.fg = Some(Color::Indexed(nearest_256((r, g, b))));
            }
            if let Some(Color::Rgb(r, g, b)) = style.bg {
                style.bg = Some(Color::Indexed(nearest_256((r, g, b))));
            }
            theme.set(slot, style);
        }
        theme
    }
}

/// Whether the terminal says it takes 24-bit colour (`COLORTERM=truecolor` or `24bit`).
pub fn truecolor_requested() -> bool {
    std::env::var("COLORTERM").is_ok_and(|v| v == "truecolor" || v == "24bit")
}

/// The red, green and blue of a palette colour as the standard xterm palette has them.
pub fn xterm_rgb(index: u8) -> (u8, u8, u8) {
    const SIXTEEN: [(u8, u8, u8); 16] = [
        (0, 0, 0),
        (205, 0, 0),
        (0, 205, 0),
        (205, 205, 0),
        (0, 0, 238),
        (205, 0, 205),
        (0, 205, 205),
        (229, 229, 229),
        (127, 127, 127),
        (255, 0, 0),
        (0, 255, 0),
        (255, 255, 0),
        (92, 92, 255),
        (255, 0, 255),
        (0, 255, 255),
        (255, 255, 255),
    ];
    const LEVELS: [u8; 6] = [0, 95, 135, 175, 215, 255];
    match index {
        0..=15 => SIXTEEN[usize::from(index)],
        16..=231 => {
            let i = usize::from(index - 16);
            (LEVELS[i / 36], LEVELS[(i / 6) % 6], LEVELS[i % 6])
        }
        _ => {
            let v = 8 + 10 * (index - 232);
            (v, v, v)
        }
    }
}

/// A colour's number in the 256-colour palette (the sixteen named colours are its first
/// sixteen); `None` for the terminal's default and for a 24-bit colour.
pub fn palette_index(color: Color) -> Option<u8> {
    Some(match color {
        Color::Reset | Color::Rgb(..) => return None,
        Color::Indexed(i) => i,
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
    })
}

/// The red, green and blue a colour shows as in the standard xterm palette; `None` for the
/// terminal's own default.
pub fn rgb_of(color: Color) -> Option<(u8, u8, u8)> {
    match color {
        Color::Rgb(r, g, b) => Some((r, g, b)),
        other => palette_index(other).map(xterm_rgb),
    }
}

/// Relative luminance (WCAG 2).
pub fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

/// The contrast ratio of two colours (WCAG 2): 1 to 21.
pub fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// The palette colour nearest to `rgb`, among the 240 that terminal themes leave alone
/// (16–255; the first 16 are often redefined).
pub fn nearest_256(rgb: (u8, u8, u8)) -> u8 {
    let distance = |(r, g, b): (u8, u8, u8)| {
        let d = |x: u8, y: u8| (i32::from(x) - i32::from(y)).pow(2);
        // Weighted toward green, as the eye is.
        2 * d(r, rgb.0) + 4 * d(g, rgb.1) + 3 * d(b, rgb.2)
    };
    (16..=255u8)
        .min_by_key(|&i| distance(xterm_rgb(i)))
        .unwrap_or(16)
}

/// Parses `bold cyan`, `black on cyan`, `#ff8800`, `reversed`.
pub fn parse_style(spec: &str) -> Result<Style, String> {
    let mut style = Style::new();
    let mut words = spec.split_whitespace();
    while let Some(word) = words.next() {
        if let Some(modifier) = modifier_named(word.as_bytes()) {
            style = style.add_modifier(modifier);
        } else if word.eq_ignore_ascii_case("on") {
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

/// The modifier a style word names, in any case.
const fn modifier_named(word: &[u8]) -> Option<Modifier> {
    const MODIFIERS: [(&str, Modifier); 7] = [
        ("bold", Modifier::BOLD),
        ("dim", Modifier::DIM),
        ("italic", Modifier::ITALIC),
        ("underlined", Modifier::UNDERLINED),
        ("underline", Modifier::UNDERLINED),
        ("reversed", Modifier::REVERSED),
        ("reverse", Modifier::REVERSED),
    ];
    let mut i = 0;
    while i < MODIFIERS.len() {
        if word.eq_ignore_ascii_case(MODIFIERS[i].0.as_bytes()) {
            return Some(MODIFIERS[i].1);
        }
        i += 1;
    }
    None
}

/// A palette number as `u8` parses it (`243`), the colour every default style is written in.
const fn palette_number(word: &[u8]) -> Option<u8> {
    let Ok(word) = std::str::from_utf8(word) else {
        return None;
    };
    match u8::from_str_radix(word, 10) {
        Ok(index) => Some(index),
        Err(_) => None,
    }
}

/// What [`parse_style`] makes of a style written only in modifier words, `on` and palette
/// numbers, as the compiled-in theme is; `None` for anything else, which only `parse_style`
/// reads. A `const fn`, so the compiled-in theme is read while rungs is compiled.
pub const fn palette_style(spec: &str) -> Option<Style> {
    // ASCII whitespace as `split_whitespace` sees it (vertical tab included); other bytes
    // than ASCII are left to `parse_style`.
    const fn is_space(byte: u8) -> bool {
        matches!(byte, b' ' | b'\t'..=b'\r')
    }
    let bytes = spec.as_bytes();
    let mut style = Style::new();
    let mut after_on = false;
    let mut end = 0;
    loop {
        let mut start = end;
        while start < bytes.len() && is_space(bytes[start]) {
            start += 1;
        }
        if start == bytes.len() {
            break;
        }
        end = start;
        while end < bytes.len() && !is_space(bytes[end]) {
            if !bytes[end].is_ascii() {
                return None;
            }
            end += 1;
        }
        let word = bytes.split_at(end).0.split_at(start).1;
        if after_on {
            let Some(index) = palette_number(word) else {
                return None;
            };
            style = style.bg(Color::Indexed(index));
            after_on = false;
        } else if let Some(modifier) = modifier_named(word) {
            style = style.add_modifier(modifier);
        } else if word.eq_ignore_ascii_case(b"on") {
            after_on = true;
        } else {
            let Some(index) = palette_number(word) else {
                return None;
            };
            style = style.fg(Color::Indexed(index));
        }
    }
    if after_on { None } else { Some(style) }
}

fn colour(spec: &str, word: &str) -> Result<Color, String> {
    // A palette number means what `Color::from_str` makes of it (no colour name is all
    // digits), read as `palette_style` reads it.
    if let Some(index) = palette_number(word.as_bytes()) {
        return Ok(Color::Indexed(index));
    }
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
    fn a_palette_style_is_what_parse_style_makes_of_it() {
        for spec in [
            "bold 63",
            "16 on 80",
            "reversed",
            "  BOLD\t243 ",
            "dim italic underline reverse 1 on 2",
            "bold\u{b}7",
            "+7",
            "on 5",
            "bold on 0",
            "",
        ] {
            let style = palette_style(spec);
            assert!(style.is_some(), "{spec:?}");
            assert_eq!(
                style.ok_or(()),
                parse_style(spec).map_err(|_| ()),
                "{spec:?}"
            );
        }
        // Left to `parse_style`: colour names, #rrggbb, other whitespace, and mistakes.
        for spec in [
            "cyan",
            "#ff8800",
            "bold\u{a0}7",
            "256",
            "on",
            "5 on",
            "on bold",
            "é",
            "-1",
        ] {
            assert_eq!(palette_style(spec), None, "{spec:?}");
        }
    }

    #[test]
    fn each_slot_name_sets_its_own_slot() {
        for (index, slot) in Theme::SLOTS.iter().enumerate() {
            let mut theme = Theme::plain();
            let mark = Style::new().fg(Color::Indexed(u8::try_from(index).expect("few slots")));
            assert!(theme.set_slot(slot, mark));
            for (name, style, _) in theme.roles() {
                assert_eq!(style == mark, name == *slot, "{slot} set, {name} read");
            }
        }
        assert!(!Theme::plain().set_slot("matched", Style::new()));
    }

    use crate::tui::config::{Overrides, Settings, ThemeBase};

    const BLACK: (u8, u8, u8) = (0, 0, 0);
    const WHITE: (u8, u8, u8) = (255, 255, 255);

    /// Every role's contrast against each background, failures listed.
    fn too_faint(theme: &Theme, backgrounds: &[(u8, u8, u8)]) -> Vec<String> {
        let mut faint = Vec::new();
        for (slot, style, role) in theme.roles() {
            let fg = style.fg.and_then(rgb_of);
            match role {
                Role::Filled => {
                    // Text on its own background: the terminal's background does not matter.
                    if let (Some(fg), Some(bg)) = (fg, style.bg.and_then(rgb_of)) {
                        let ratio = contrast(fg, bg);
                        if ratio < 4.5 {
                            faint.push(format!("{slot}: {ratio:.2} on its background"));
                        }
                    } else if style.bg.is_some() != style.fg.is_some() {
                        faint.push(format!("{slot}: a fill needs both its colours"));
                    }
                }
                Role::Text | Role::Mark => {
                    let Some(fg) = fg else {
                        faint.push(format!("{slot}: no colour of its own"));
                        continue;
                    };
                    let wanted = if role == Role::Text { 4.5 } else { 3.0 };
                    for &bg in backgrounds {
                        let ratio = contrast(fg, bg);
                        if ratio < wanted {
                            faint.push(format!("{slot}: {ratio:.2} against {bg:?}"));
                        }
                    }
                }
            }
        }
        faint
    }

    fn with_base(base: Option<ThemeBase>) -> Theme {
        let user = Overrides {
            theme_base: base,
            ..Overrides::default()
        };
        Settings::with_overrides(false, &user).theme
    }

    #[test]
    fn the_default_colours_read_on_black_and_on_white() {
        let faint = too_faint(&with_base(None), &[BLACK, WHITE]);
        assert!(faint.is_empty(), "{faint:#?}");
    }

    #[test]
    fn the_dark_and_light_themes_read_on_their_background() {
        let dark = too_faint(&with_base(Some(ThemeBase::Dark)), &[BLACK]);
        assert!(dark.is_empty(), "{dark:#?}");
        let light = too_faint(&with_base(Some(ThemeBase::Light)), &[WHITE]);
        assert!(light.is_empty(), "{light:#?}");
        assert_ne!(with_base(Some(ThemeBase::Dark)), with_base(None));
    }

    #[test]
    fn no_text_is_drawn_in_palette_8() {
        for base in [None, Some(ThemeBase::Dark), Some(ThemeBase::Light)] {
            for (slot, style, role) in with_base(base).roles() {
                if role == Role::Text {
                    assert!(
                        !matches!(style.fg, Some(Color::DarkGray | Color::Indexed(8))),
                        "{slot}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_contrast_formula_gives_the_known_ratios() {
        assert!((contrast(BLACK, WHITE) - 21.0).abs() < 1e-9);
        // Palette 8 on white: the 1.7-4:1 range the issue measured for muted text.
        assert!(contrast(xterm_rgb(8), WHITE) < 4.5);
        assert_eq!(xterm_rgb(16), BLACK);
        assert_eq!(xterm_rgb(231), WHITE);
        assert_eq!(xterm_rgb(243), (118, 118, 118));
    }

    #[test]
    fn hex_colours_become_the_nearest_palette_colour_without_truecolor() {
        assert_eq!(nearest_256((0, 0, 0)), 16);
        assert_eq!(nearest_256((95, 135, 175)), 67);
        assert_eq!(nearest_256((120, 120, 120)), 243);
        let mut theme = Theme::plain();
        theme.set(
            "title",
            Style::new()
                .fg(Color::Rgb(255, 136, 0))
                .bg(Color::Rgb(1, 2, 3)),
        );
        let downgraded = theme.without_truecolor();
        assert_eq!(downgraded.title.fg, Some(Color::Indexed(208)));
        assert_eq!(downgraded.title.bg, Some(Color::Indexed(16)));
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
            theme.error,
        ] {
            assert_eq!((style.fg, style.bg), (None, None));
        }
        assert!(theme.selected.add_modifier.contains(Modifier::REVERSED));
    }
}
