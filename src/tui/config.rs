//! The explorer's settings: the keymap and theme compiled in from `assets/`, and a person's
//! overrides in `$XDG_CONFIG_HOME/rungs/config.toml`. A bad file is reported with its name,
//! line and column, and every problem in it is listed, never a crash.

use std::fmt;
use std::ops::Range as ByteRange;
use std::path::{Path, PathBuf};

use ratatui::style::Style;
use toml::de::{DeTable, DeValue};

use super::action::Action;
use super::keymap::{KeyChord, KeyContext, Keymap};
use super::theme::{Theme, palette_style, parse_style, same_text};
use crate::ladder::Problem;
use crate::suggest::did_you_mean;

pub const DEFAULT_KEYMAP: &str = include_str!("../../assets/keymap.toml");
pub const DEFAULT_THEME: &str = include_str!("../../assets/theme.toml");

/// The two files above as `build.rs` flattened them, `(TABLE, NAME, VALUE…)` an entry, `TABLE`
/// empty for an entry written directly in `[keys]` or `[theme]`: the keymap's sorted by action
/// name, the theme's in file order. The `const fn`s below read them while rungs is compiled, so
/// the explorer starts without parsing either (a third of its own start-up work once went on
/// parsing them). Empty if `build.rs` could not flatten a file; that file is then parsed.
type KeyEntry = (&'static str, &'static str, &'static [&'static str]);
const KEYMAP_ENTRIES: &[KeyEntry] = &include!(concat!(env!("OUT_DIR"), "/keymap.rs"));
const THEME_ENTRIES: &[(&str, &str, &str)] = &include!(concat!(env!("OUT_DIR"), "/theme.rs"));

const KEYMAP_CHORD_COUNT: usize = chord_count(KEYMAP_ENTRIES);
/// Every key of `KEYMAP_ENTRIES`, in order; `None` if they cannot be used as they are (see
/// `read_chords`).
static PREPARED_CHORDS: Option<[KeyChord; KEYMAP_CHORD_COUNT]> = read_chords(KEYMAP_ENTRIES);
/// Where each entry's keys start in `PREPARED_CHORDS`.
static CHORD_STARTS: [usize; KEYMAP_ENTRIES.len()] = chord_starts(KEYMAP_ENTRIES);
/// The compiled-in theme without a base, for a dark background and for a light one.
static PREPARED_THEMES: Option<[Theme; 3]> = prepared_themes(THEME_ENTRIES);

const fn chord_count(entries: &[KeyEntry]) -> usize {
    let (mut count, mut i) = (0, 0);
    while i < entries.len() {
        count += entries[i].2.len();
        i += 1;
    }
    count
}

const fn chord_starts<const N: usize>(entries: &[KeyEntry]) -> [usize; N] {
    let mut starts = [0; N];
    let (mut start, mut i) = (0, 0);
    while i < N && i < entries.len() {
        starts[i] = start;
        start += entries[i].2.len();
        i += 1;
    }
    starts
}

/// The entries' keys read, in order. `None` if there are no entries (`build.rs` could not
/// flatten the file), if a key does not read, if the entries are not sorted by action name, or
/// if keys are written both directly in `[keys]` and in `[keys.global]` (one context from two
/// tables, which `Keymap::apply` would have to settle).
const fn read_chords<const N: usize>(entries: &[KeyEntry]) -> Option<[KeyChord; N]> {
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};
    if entries.is_empty() {
        return None;
    }
    let mut chords = [KeyChord::new(KeyCode::Null, KeyModifiers::NONE); N];
    let (mut count, mut flat, mut global) = (0, false, false);
    let mut i = 0;
    while i < entries.len() {
        let (table, action, keys) = entries[i];
        if i > 0 && !sorted(entries[i - 1].1, action) {
            return None;
        }
        flat |= table.is_empty();
        global |= same_text(table, "global");
        let mut k = 0;
        while k < keys.len() {
            let Some(chord) = KeyChord::named(keys[k]) else {
                return None;
            };
            if count == N {
                return None;
            }
            chords[count] = chord;
            count += 1;
            k += 1;
        }
        i += 1;
    }
    if count != N || (flat && global) {
        return None;
    }
    Some(chords)
}

/// `a <= b` in the order of `str`.
const fn sorted(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut i = 0;
    while i < a.len() && i < b.len() {
        if a[i] != b[i] {
            return a[i] < b[i];
        }
        i += 1;
    }
    a.len() <= b.len()
}

/// The default keymap from the prepared entries: for each action in the order of
/// [`Action::KEYABLE`], its entries in file order, as `Keymap::from_bindings` orders them.
/// `None` if an entry names an action or a screen that does not exist.
fn prepared_keymap(entries: &[KeyEntry], chords: &[KeyChord], starts: &[usize]) -> Option<Keymap> {
    let mut bindings = Vec::with_capacity(chords.len());
    let mut read = 0;
    for action in Action::KEYABLE {
        let name = action.config_name();
        let mut index = entries.partition_point(|(_, a, _)| *a < name);
        while let Some(&(table, _, keys)) = entries.get(index).filter(|(_, a, _)| *a == name) {
            let context = match table {
                "" => KeyContext::Global,
                table => KeyContext::from_config_name(table)?,
            };
            let start = *starts.get(index)?;
            let keys = chords.get(start..start + keys.len())?;
            bindings.extend(keys.iter().map(|&chord| (context, chord, action)));
            read += 1;
            index += 1;
        }
    }
    (read == entries.len()).then(|| Keymap::in_order(bindings))
}

/// The compiled-in themes from the prepared entries: the shared slots, then each of them with
/// `[theme.dark]` or `[theme.light]` on top, as `parsed_theme` puts them together.
/// `None` if an entry does not read (a colour name is left to `parse_style`).
const fn prepared_themes(entries: &[(&str, &str, &str)]) -> Option<[Theme; 3]> {
    if entries.is_empty() {
        return None;
    }
    let Some(shared) = theme_table(Theme::plain(), entries, "") else {
        return None;
    };
    let Some(dark) = theme_table(Theme { ..shared }, entries, "dark") else {
        return None;
    };
    let Some(light) = theme_table(Theme { ..shared }, entries, "light") else {
        return None;
    };
    Some([shared, dark, light])
}

/// `theme` with the slots of the entries of one table set, in order. Every entry is read on
/// each pass, so that one that does not read, in whichever table, gives `None`.
const fn theme_table(
    mut theme: Theme,
    entries: &[(&str, &str, &str)],
    wanted: &str,
) -> Option<Theme> {
    let mut scratch = Theme::plain();
    let mut i = 0;
    while i < entries.len() {
        let (table, slot, spec) = entries[i];
        i += 1;
        if !same_text(table, "") && !same_text(table, "dark") && !same_text(table, "light") {
            return None;
        }
        if table.is_empty() && same_text(slot, "base") {
            // The file's own base is not used; only a person's config picks one.
            if !same_text(spec, "dark") && !same_text(spec, "light") {
                return None;
            }
            continue;
        }
        let Some(style) = palette_style(spec) else {
            return None;
        };
        let target = if same_text(table, wanted) {
            &mut theme
        } else {
            &mut scratch
        };
        if !target.set_slot(slot, style) {
            return None;
        }
    }
    Some(theme)
}

/// The default keymap: from the prepared entries, else parsed from the file.
fn default_keymap() -> Keymap {
    PREPARED_CHORDS
        .as_ref()
        .and_then(|chords| prepared_keymap(KEYMAP_ENTRIES, chords, &CHORD_STARTS))
        .unwrap_or_else(|| {
            let keys = parse("assets/keymap.toml", DEFAULT_KEYMAP).unwrap_or_default();
            Keymap::from_bindings(&keys.keys)
        })
}

/// The default theme for `base`: prepared, else parsed from the file.
fn default_theme(base: Option<ThemeBase>) -> Theme {
    match &PREPARED_THEMES {
        Some([shared, dark, light]) => match base {
            None => shared.clone(),
            Some(ThemeBase::Dark) => dark.clone(),
            Some(ThemeBase::Light) => light.clone(),
        },
        None => parsed_theme(base),
    }
}

/// The default theme for `base` from the parsed file.
fn parsed_theme(base: Option<ThemeBase>) -> Theme {
    let defaults = parse("assets/theme.toml", DEFAULT_THEME).unwrap_or_default();
    let variant = base.and_then(|base| {
        defaults
            .theme_variants
            .iter()
            .find(|(b, _)| *b == base)
            .map(|(_, slots)| slots.as_slice())
    });
    let mut theme = Theme::plain();
    for (slot, style) in defaults.theme.iter().chain(variant.unwrap_or_default()) {
        theme.set(slot, *style);
    }
    theme
}

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

/// What one settings file says: keys per action (in the global table or a screen's) and
/// styles per theme slot, in file order.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Overrides {
    pub keys: Vec<(KeyContext, Action, Vec<KeyChord>)>,
    pub theme: Vec<(String, Style)>,
    /// `theme = "dark"` or `"light"` (or `base = …` inside `[theme]`): the colours made for
    /// that background; without it, colours that read on both.
    pub theme_base: Option<ThemeBase>,
    /// The theme file's `[theme.dark]` and `[theme.light]` tables.
    pub theme_variants: Vec<(ThemeBase, Vec<(String, Style)>)>,
}

/// Which background the colours are made for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeBase {
    Dark,
    Light,
}

impl ThemeBase {
    pub fn from_name(name: &str) -> Option<ThemeBase> {
        match name {
            "dark" => Some(ThemeBase::Dark),
            "light" => Some(ThemeBase::Light),
            _ => None,
        }
    }
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
        let mut keymap = default_keymap();
        keymap.apply(&user.keys);
        let theme = if no_color {
            Theme::no_color()
        } else {
            let mut theme = default_theme(user.theme_base);
            for (slot, style) in &user.theme {
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
        let mut settings = Settings::with_overrides(no_color, &user);
        if !super::theme::truecolor_requested() {
            settings.theme = settings.theme.without_truecolor();
        }
        Ok(settings)
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
        if let ("theme", DeValue::String(base)) = (name, value.get_ref()) {
            read_theme_base(base, value.span(), &mut out, &mut overrides);
            continue;
        }
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

/// `[keys]`: actions bound directly are global (the first format of the file); a table
/// names a section, `[keys.global]`, `[keys.level]`, `[keys.compare]` …
fn read_keys(table: &DeTable<'_>, out: &mut Collector<'_>, overrides: &mut Overrides) {
    for (key, value) in in_file_order(table) {
        let name: &str = key.get_ref();
        let DeValue::Table(section) = value.get_ref() else {
            continue;
        };
        match KeyContext::from_config_name(name) {
            Some(context) => read_bindings(context, section, false, out, overrides),
            None => out.at(
                key.span(),
                format!(
                    "unknown keys section `{name}`{}; the sections are {}",
                    did_you_mean(name, KeyContext::all().map(KeyContext::config_name)),
                    KeyContext::all()
                        .map(|c| format!("[keys.{}]", c.config_name()))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ),
        }
    }
    read_bindings(KeyContext::Global, table, true, out, overrides);
}

/// The bindings of one table; `top` for `[keys]` itself, whose tables are its sections.
fn read_bindings(
    context: KeyContext,
    table: &DeTable<'_>,
    top: bool,
    out: &mut Collector<'_>,
    overrides: &mut Overrides,
) {
    for (key, value) in in_file_order(table) {
        let name: &str = key.get_ref();
        if matches!(value.get_ref(), DeValue::Table(_)) {
            // In `[keys]` a table is a section, read by `read_keys`; deeper it is a mistake.
            if !top {
                out.at(
                    key.span(),
                    format!("`{name}` takes a key or a list of keys, like [\"j\", \"down\"]"),
                );
            }
            continue;
        }
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
        // A key given to two actions of one table would make one of them unreachable.
        for chord in &chords {
            if let Some((_, other, _)) = overrides
                .keys
                .iter()
                .find(|(c, a, keys)| *c == context && *a != action && keys.contains(chord))
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
        overrides.keys.push((context, action, chords));
    }
}

/// `theme = "dark"`: the colours for a dark (or light) background.
fn read_theme_base(
    name: &str,
    span: ByteRange<usize>,
    out: &mut Collector<'_>,
    overrides: &mut Overrides,
) {
    match ThemeBase::from_name(name) {
        Some(base) => overrides.theme_base = Some(base),
        None => out.at(
            span,
            format!("`{name}` is not a theme: use \"dark\" or \"light\""),
        ),
    }
}

/// `[theme]`: styles per slot, `base = "dark"|"light"`, and in the compiled-in theme file the
/// `[theme.dark]` and `[theme.light]` tables.
fn read_theme(table: &DeTable<'_>, out: &mut Collector<'_>, overrides: &mut Overrides) {
    let slots = read_slots(table, out);
    overrides.theme.extend(slots);
    for (key, value) in in_file_order(table) {
        let name: &str = key.get_ref();
        match (name, value.get_ref()) {
            ("base", DeValue::String(base)) => {
                read_theme_base(base, value.span(), out, overrides);
            }
            (_, DeValue::Table(variant)) => match ThemeBase::from_name(name) {
                Some(base) => {
                    let slots = read_slots(variant, out);
                    overrides.theme_variants.push((base, slots));
                }
                None => out.at(
                    key.span(),
                    format!(
                        "unknown theme table `{name}`; the theme has [theme.dark] and [theme.light]"
                    ),
                ),
            },
            _ => {}
        }
    }
}

/// The slot styles of one theme table (its tables and `base` are read by `read_theme`).
fn read_slots(table: &DeTable<'_>, out: &mut Collector<'_>) -> Vec<(String, Style)> {
    let mut slots = Vec::new();
    for (key, value) in in_file_order(table) {
        let name: &str = key.get_ref();
        if name == "base" || matches!(value.get_ref(), DeValue::Table(_)) {
            continue;
        }
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
            Ok(style) => slots.push((name.to_owned(), style)),
            Err(message) => out.at(value.span(), message),
        }
    }
    slots
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prepared_keymap_and_themes_are_what_the_files_say() {
        assert!(!KEYMAP_ENTRIES.is_empty() && !THEME_ENTRIES.is_empty());
        let chords = PREPARED_CHORDS
            .as_ref()
            .expect("every compiled-in key reads");
        let keys = parse("assets/keymap.toml", DEFAULT_KEYMAP).expect("parses");
        assert_eq!(
            prepared_keymap(KEYMAP_ENTRIES, chords, &CHORD_STARTS),
            Some(Keymap::from_bindings(&keys.keys))
        );
        let themes = PREPARED_THEMES
            .as_ref()
            .expect("every compiled-in style reads");
        for (theme, base) in
            themes
                .iter()
                .zip([None, Some(ThemeBase::Dark), Some(ThemeBase::Light)])
        {
            assert_eq!(*theme, parsed_theme(base), "{base:?}");
        }
        assert_ne!(themes[0], themes[1]);
        assert_ne!(themes[0], themes[2]);
    }

    #[test]
    fn a_prepared_entry_that_does_not_read_means_parsing_the_file() {
        assert_eq!(
            read_chords::<1>(&[("global", "up", &["no-such-key"])]),
            None
        );
        let in_order: [KeyEntry; 2] = [("global", "down", &["j"]), ("level", "up", &["k"])];
        assert!(read_chords::<2>(&in_order).is_some());
        let out_of_order = [in_order[1], in_order[0]];
        assert_eq!(read_chords::<2>(&out_of_order), None, "not by action name");
        let two_global_tables: [KeyEntry; 2] = [("", "down", &["j"]), ("global", "up", &["k"])];
        assert_eq!(read_chords::<2>(&two_global_tables), None);
        let k = [KeyChord::parse("k").expect("valid")];
        assert_eq!(
            prepared_keymap(&[("global", "fly", &["k"])], &k, &[0]),
            None
        );
        assert_eq!(
            prepared_keymap(&[("nowhere", "up", &["k"])], &k, &[0]),
            None
        );
        assert!(prepared_keymap(&[("level", "up", &["k"])], &k, &[0]).is_some());

        assert!(prepared_themes(&[("", "title", "bold 63")]).is_some());
        assert_eq!(prepared_themes(&[("", "no-such-slot", "bold")]), None);
        assert_eq!(
            prepared_themes(&[("dark", "title", "bold cyan")]),
            None,
            "names"
        );
        assert_eq!(prepared_themes(&[("sepia", "title", "bold")]), None);
        assert_eq!(prepared_themes(&[("dark", "base", "light")]), None);
        assert_eq!(prepared_themes(&[("", "base", "sepia")]), None);
        assert_eq!(prepared_themes(&[]), None);
    }

    #[test]
    fn a_config_on_the_prepared_defaults_acts_as_on_the_parsed_ones() {
        let keys = parse("assets/keymap.toml", DEFAULT_KEYMAP).expect("parses");
        for config in [
            "",
            "[keys]\nup = [\"w\"]\n",
            "[keys.compare]\nswap-sides = [\"w\"]\nundo = [\"x\"]\n",
            // `k` leaves `up` for `quit`.
            "[keys.global]\nquit = [\"k\"]\n",
            "[keys.level]\nopen = [\"enter\", \"o\"]\n[keys]\nhelp = [\"f1\"]\n",
            "theme = \"dark\"\n",
            "[theme]\nbase = \"dark\"\ntitle = \"bold red\"\n",
            "[theme]\nbase = \"light\"\nmuted = \"#808080\"\n",
        ] {
            let user = parse("c.toml", config).expect("parses");
            let mut keymap = Keymap::from_bindings(&keys.keys);
            keymap.apply(&user.keys);
            let mut theme = parsed_theme(user.theme_base);
            for (slot, style) in &user.theme {
                theme.set(slot, *style);
            }
            let settings = Settings::with_overrides(false, &user);
            assert_eq!(settings.keymap, keymap, "{config}");
            assert_eq!(settings.theme, theme, "{config}");
        }
        let stolen = parse("c.toml", "[keys.global]\nquit = [\"k\"]\n").expect("parses");
        let keymap = Settings::with_overrides(false, &stolen).keymap;
        let k = KeyChord::parse("k").expect("valid");
        let level = crate::tui::screens::ScreenKind::Level;
        assert!(!keymap.keys_for(Action::Up, level).contains(&k));
        assert_eq!(keymap.keys_for(Action::Quit, level), [k]);
    }

    #[test]
    fn the_compiled_in_files_parse_cleanly() {
        let keys = parse("assets/keymap.toml", DEFAULT_KEYMAP).expect("keymap parses");
        // Every action has a key; an action may be bound in several screens' sections.
        let bound: std::collections::HashSet<Action> =
            keys.keys.iter().map(|(_, action, _)| *action).collect();
        assert_eq!(bound.len(), Action::KEYABLE.len());
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
            .keys_for(Action::Up, crate::tui::screens::ScreenKind::Level)
            .iter()
            .map(KeyChord::label)
            .collect();
        assert_eq!(up, ["w"]);
    }

    #[test]
    fn theme_dark_or_light_picks_the_colours_for_that_background() {
        let dark = parse("c.toml", "theme = \"dark\"\n").expect("parses");
        assert_eq!(dark.theme_base, Some(ThemeBase::Dark));
        let both = parse(
            "c.toml",
            "[theme]\nbase = \"light\"\ntitle = \"bold red\"\n",
        )
        .expect("parses");
        assert_eq!(both.theme_base, Some(ThemeBase::Light));
        let light = Settings::with_overrides(false, &both).theme;
        assert_eq!(
            light.title.fg,
            Some(ratatui::style::Color::Red),
            "slots win"
        );
        let defaults = Settings::defaults(false).theme;
        assert_ne!(light.muted, defaults.muted, "the light table applies");
        let err = parse("c.toml", "theme = \"solarized\"\n").expect_err("unknown theme");
        let shown = err.to_string();
        assert!(
            shown.starts_with("c.toml:1:9: `solarized` is not a theme: use \"dark\" or \"light\""),
            "{shown}"
        );
    }

    #[test]
    fn per_screen_key_sections_and_the_flat_table_both_read() {
        let text = "[keys]\nundo = [\"z\"]\n[keys.compare]\nswap-sides = [\"w\"]\n";
        let user = parse("c.toml", text).expect("parses");
        assert_eq!(user.keys.len(), 2);
        assert!(user.keys.contains(&(
            KeyContext::Global,
            Action::Undo,
            vec![KeyChord::parse("z").expect("valid")]
        )));
        assert!(user.keys.contains(&(
            KeyContext::Screen(crate::tui::screens::ScreenKind::Compare),
            Action::SwapSides,
            vec![KeyChord::parse("w").expect("valid")]
        )));
        let err = parse("c.toml", "[keys.comapre]\nswap-sides = [\"w\"]\n").expect_err("typo");
        assert!(err.to_string().contains("did you mean `compare`"), "{err}");
    }

    #[test]
    fn a_missing_config_file_means_defaults() {
        let dir = tempfile::tempdir().expect("temp dir");
        let settings = Settings::load(false, Some(&dir.path().join("none.toml")));
        assert!(settings.is_ok());
    }
}
