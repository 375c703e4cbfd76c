//! The explorer's settings: the keymap and theme compiled in from `assets/`, and a person's
//! overrides in `$XDG_CONFIG_HOME/rungs/config.toml`. A bad file is reported with its name,
//! line and column, and every problem in it is listed, never a crash.

use std::fmt;
use std::ops::Range as ByteRange;
use std::path::{Path, PathBuf};

use ratatui::style::Style;
use toml::de::{DeTable, DeValue};

use super::action::Action;
use super::keymap::{KeyChord, Keymap};
use super::theme::{Theme, parse_style};
use crate::ladder::Problem;
use crate::suggest::did_you_mean;

pub const DEFAULT_KEYMAP: &str = include_str!("../../assets/keymap.toml");
pub const DEFAULT_THEME: &str = include_str!("../../assets/theme.toml");

/// Every problem found in one settings file, each located with the line quoted under it,
/// as content problems are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError(pub Vec<Problem>);

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            f.write_str(&problem.render())?;
        }
        Ok(())
    }
}

impl std::error::Error for ConfigError {}

/// What one settings file says: keys per action and styles per theme slot, in file order.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Overrides {
    pub keys: Vec<(Action, Vec<KeyChord>)>,
    pub theme: Vec<(String, Style)>,
}

/// The keymap and theme the explorer runs with.
#[derive(Debug, Clone)]
pub struct Settings {
    pub keymap: Keymap,
    pub theme: Theme,
}

impl Settings {
    /// The compiled-in defaults, with colour or, when `no_color`, without any.
    pub fn defaults(no_color: bool) -> Settings {
        Settings::with_overrides(no_color, &Overrides::default())
    }

    /// Defaults with a person's overrides applied on top.
    pub fn with_overrides(no_color: bool, user: &Overrides) -> Settings {
        // The assets are checked by tests, so a failure here is a bug in rungs; fall back to
        // empty rather than crash.
        let keys = parse("assets/keymap.toml", DEFAULT_KEYMAP).unwrap_or_default();
        let mut keymap = Keymap::from_bindings(&keys.keys);
        keymap.apply(&user.keys);
        let theme = if no_color {
            Theme::no_color()
        } else {
            let base = parse("assets/theme.toml", DEFAULT_THEME).unwrap_or_default();
            let mut theme = Theme::plain();
            for (slot, style) in base.theme.iter().chain(&user.theme) {
                theme.set(slot, *style);
            }
            theme
        };
        Settings { keymap, theme }
    }

    /// Reads the person's config file if there is one.
    pub fn load(no_color: bool, path: Option<&Path>) -> Result<Settings, ConfigError> {
        let Some(path) = path else {
            return Ok(Settings::defaults(no_color));
        };
        let shown = path.display().to_string();
        use crate::files::{CONFIG_FILE_LIMIT, ReadError, read_regular};
        let cannot_read = |message: String| {
            Err(ConfigError(vec![Problem::whole_file(
                shown.clone(),
                message,
            )]))
        };
        // Regular files only, size-limited: a FIFO here would hang the start-up.
        let text = match read_regular(path, CONFIG_FILE_LIMIT) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => text,
                Err(e) => {
                    return cannot_read(format!(
                        "not UTF-8 text (byte {})",
                        e.utf8_error().valid_up_to()
                    ));
                }
            },
            Err(ReadError::NotFound) => return Ok(Settings::defaults(no_color)),
            Err(e) => return cannot_read(format!("cannot read the config file: {e}")),
        };
        let user = parse(&shown, &text)?;
        Ok(Settings::with_overrides(no_color, &user))
    }
}

/// `$XDG_CONFIG_HOME/rungs/config.toml`, or `~/.config/rungs/config.toml`.
pub fn config_path() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    etcetera::choose_base_strategy()
        .ok()
        .map(|dirs| dirs.config_dir().join("rungs").join("config.toml"))
}

struct Collector<'a> {
    file: &'a str,
    text: &'a str,
    problems: Vec<Problem>,
}

impl Collector<'_> {
    fn at(&mut self, span: ByteRange<usize>, message: impl Into<String>) {
        self.problems.push(Problem::at_offset(
            self.file,
            self.text,
            span.start,
            &message.into(),
        ));
    }
}

const SECTIONS: [&str; 2] = ["keys", "theme"];

/// Parses a keymap, theme or config file. Unknown sections, actions and slots are errors.
pub fn parse(file: &str, text: &str) -> Result<Overrides, ConfigError> {
    let mut out = Collector {
        file,
        text,
        problems: Vec::new(),
    };
    let doc = match DeTable::parse(text) {
        Ok(doc) => doc,
        Err(e) => {
            out.at(e.span().unwrap_or(0..0), e.message());
            return Err(ConfigError(out.problems));
        }
    };
    let mut overrides = Overrides::default();
    for (key, value) in in_file_order(doc.get_ref()) {
        let name: &str = key.get_ref();
        let DeValue::Table(table) = value.get_ref() else {
            out.at(
                key.span(),
                format!("`{name}` must be a table, like [{name}]"),
            );
            continue;
        };
        match name {
            "keys" => read_keys(table, &mut out, &mut overrides),
            "theme" => read_theme(table, &mut out, &mut overrides),
            other => out.at(
                key.span(),
                format!(
                    "unknown section `{other}`{}; a config file has [keys] and [theme]",
                    did_you_mean(other, SECTIONS)
                ),
            ),
        }
    }
    if out.problems.is_empty() {
        Ok(overrides)
    } else {
        Err(ConfigError(out.problems))
    }
}

/// A table's entries in the order they are written in the file.
fn in_file_order<'t, 'i>(
    table: &'t DeTable<'i>,
) -> Vec<(
    &'t toml::Spanned<toml::de::DeString<'i>>,
    &'t toml::Spanned<DeValue<'i>>,
)> {
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(key, _)| key.span().start);
    entries
}

fn read_keys(table: &DeTable<'_>, out: &mut Collector<'_>, overrides: &mut Overrides) {
    for (key, value) in in_file_order(table) {
        let name: &str = key.get_ref();
        let Some(action) = Action::from_config_name(name) else {
            out.at(
                key.span(),
                format!(
                    "unknown action `{name}`{}",
                    did_you_mean(name, Action::KEYABLE.map(Action::config_name))
                ),
            );
            continue;
        };
        let items: Vec<(&str, ByteRange<usize>)> = match value.get_ref() {
            DeValue::String(s) => vec![(s.as_ref(), value.span())],
            DeValue::Array(items) => {
                let mut strings = Vec::new();
                for item in items.iter() {
                    match item.get_ref() {
                        DeValue::String(s) => strings.push((s.as_ref(), item.span())),
                        _ => out.at(item.span(), "a key must be a string, like \"ctrl-d\""),
                    }
                }
                strings
            }
            _ => {
                out.at(
                    value.span(),
                    format!("`{name}` takes a key or a list of keys, like [\"j\", \"down\"]"),
                );
                continue;
            }
        };
        let mut chords = Vec::new();
        for (text, span) in items {
            match KeyChord::parse(text) {
                Ok(chord) => chords.push(chord),
                Err(message) => out.at(span, message),
            }
        }
        // A key given to two actions would make one of them unreachable.
        for chord in &chords {
            if let Some((other, _)) = overrides
                .keys
                .iter()
                .find(|(a, keys)| *a != action && keys.contains(chord))
            {
                out.at(
                    value.span(),
                    format!(
                        "key `{}` is bound to both `{}` and `{name}`",
                        chord.label(),
                        other.config_name()
                    ),
                );
            }
        }
        overrides.keys.push((action, chords));
    }
}

fn read_theme(table: &DeTable<'_>, out: &mut Collector<'_>, overrides: &mut Overrides) {
    for (key, value) in in_file_order(table) {
        let name: &str = key.get_ref();
        if !Theme::SLOTS.contains(&name) {
            out.at(
                key.span(),
                format!(
                    "unknown theme slot `{name}`{}",
                    did_you_mean(name, Theme::SLOTS)
                ),
            );
            continue;
        }
        let DeValue::String(spec) = value.get_ref() else {
            out.at(
                value.span(),
                format!("`{name}` takes a style string, like \"bold cyan\""),
            );
            continue;
        };
        match parse_style(spec) {
            Ok(style) => overrides.theme.push((name.to_owned(), style)),
            Err(message) => out.at(value.span(), message),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_in_files_parse_cleanly() {
        let keys = parse("assets/keymap.toml", DEFAULT_KEYMAP).expect("keymap parses");
        assert_eq!(keys.keys.len(), Action::KEYABLE.len());
        let theme = parse("assets/theme.toml", DEFAULT_THEME).expect("theme parses");
        assert_eq!(theme.theme.len(), Theme::SLOTS.len());
    }

    #[test]
    fn an_unknown_action_is_reported_at_its_line_with_a_suggestion_and_the_line() {
        let text = "[keys]\nup = [\"k\"]\nqiut = [\"x\"]\n";
        let err = parse("config.toml", text).expect_err("unknown action");
        assert_eq!(
            err.to_string(),
            "config.toml:3:1: unknown action `qiut` (did you mean `quit`?)\n  |\n3 | qiut = [\"x\"]\n  | ^"
        );
    }

    #[test]
    fn the_caret_points_at_the_column_of_the_problem() {
        let text = "[theme]\ntitle = \"bold chartreuse\"\n";
        let err = parse("c.toml", text).expect_err("unknown colour");
        let problem = &err.0[0];
        let (line, column) = problem.position.expect("located");
        assert_eq!(line, 2);
        assert_eq!(
            problem.excerpt.as_deref(),
            Some("title = \"bold chartreuse\"")
        );
        assert_eq!(problem.caret, column - 1);
    }

    #[test]
    fn bad_keys_colours_and_sections_are_all_reported() {
        let text = "[keys]\nup = [\"ctrl-\"]\n[theme]\ntitle = \"bold chartreuse\"\n[colours]\n";
        let err = parse("c.toml", text).expect_err("three problems");
        let lines: Vec<String> = err.0.iter().map(ToString::to_string).collect();
        assert_eq!(lines.len(), 3, "{lines:?}");
        assert!(lines[0].starts_with("c.toml:2:7: "), "{lines:?}");
        assert!(lines[1].starts_with("c.toml:4:9: "), "{lines:?}");
        assert!(lines[1].contains("chartreuse"), "{lines:?}");
        assert!(
            lines[2].starts_with("c.toml:5:2: unknown section"),
            "{lines:?}"
        );
    }

    #[test]
    fn a_syntax_error_names_file_line_and_column_without_raw_control_bytes() {
        let text = "[keys]\nup = [\"k\"\n\u{1b}]";
        let err = parse("c.toml", text).expect_err("syntax error");
        let shown = err.to_string();
        assert!(shown.starts_with("c.toml:"), "{shown}");
        assert!(!shown.contains('\u{1b}'), "{shown}");
    }

    #[test]
    fn a_key_bound_twice_is_an_error() {
        let text = "[keys]\nup = [\"x\"]\ndown = [\"x\"]\n";
        let err = parse("c.toml", text).expect_err("conflict");
        assert!(
            err.to_string()
                .contains("`x` is bound to both `up` and `down`")
        );
    }

    #[test]
    fn user_overrides_replace_an_actions_keys() {
        let user = parse("c.toml", "[keys]\nup = [\"w\"]\n").expect("parses");
        let settings = Settings::with_overrides(false, &user);
        let up: Vec<String> = settings
            .keymap
            .keys_for(Action::Up)
            .iter()
            .map(KeyChord::label)
            .collect();
        assert_eq!(up, ["w"]);
    }

    #[test]
    fn a_missing_config_file_means_defaults() {
        let dir = tempfile::tempdir().expect("temp dir");
        let settings = Settings::load(false, Some(&dir.path().join("none.toml")));
        assert!(settings.is_ok());
    }
}
