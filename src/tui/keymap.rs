//! The one table from keys to actions. The loop dispatches through it, and the help overlay
//! and footer hints are generated from it, so what is shown cannot drift from what works.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::app::App;
use super::plan_screen::{Editor, EvidenceRow, PlanPane};
use super::screens::{ComparePane, Focus, OverlayKind, ScreenKind};

/// A key with its modifiers, normalised so that `G` is `G` whether or not Shift was reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeyChord {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

const NAMED: [(&str, KeyCode, &str); 13] = [
    ("up", KeyCode::Up, "↑"),
    ("down", KeyCode::Down, "↓"),
    ("left", KeyCode::Left, "←"),
    ("right", KeyCode::Right, "→"),
    ("tab", KeyCode::Tab, "Tab"),
    ("enter", KeyCode::Enter, "Enter"),
    ("esc", KeyCode::Esc, "Esc"),
    ("backspace", KeyCode::Backspace, "Backspace"),
    ("delete", KeyCode::Delete, "Del"),
    ("home", KeyCode::Home, "Home"),
    ("end", KeyCode::End, "End"),
    ("pageup", KeyCode::PageUp, "PgUp"),
    ("pagedown", KeyCode::PageDown, "PgDn"),
];

const fn starts_with_ignoring_case(text: &[u8], prefix: &[u8]) -> bool {
    text.len() >= prefix.len() && text.split_at(prefix.len()).0.eq_ignore_ascii_case(prefix)
}

/// The character `bytes` hold if they hold exactly one (they are UTF-8, cut at ASCII bytes).
const fn only_char(bytes: &[u8]) -> Option<char> {
    let (first, len) = match bytes {
        [] => return None,
        [b, ..] if *b < 0x80 => (*b as u32, 1),
        [b, ..] if *b < 0xe0 => ((*b & 0x1f) as u32, 2),
        [b, ..] if *b < 0xf0 => ((*b & 0x0f) as u32, 3),
        [b, ..] => ((*b & 0x07) as u32, 4),
    };
    if bytes.len() != len {
        return None;
    }
    let mut code = first;
    let mut i = 1;
    while i < len {
        code = (code << 6) | (bytes[i] & 0x3f) as u32;
        i += 1;
    }
    char::from_u32(code)
}

/// `char::is_control` (the Cc category), which is not a `const fn`.
const fn is_control(c: char) -> bool {
    matches!(c, '\0'..='\u{1f}' | '\u{7f}'..='\u{9f}')
}

/// The key a name of [`NAMED`] stands for, in any case.
const fn named_key(name: &[u8]) -> Option<KeyCode> {
    let mut i = 0;
    while i < NAMED.len() {
        if name.eq_ignore_ascii_case(NAMED[i].0.as_bytes()) {
            return Some(NAMED[i].1);
        }
        i += 1;
    }
    None
}

/// `f1` … `f12` (in any case, the number as `u8` parses it).
const fn function_key(name: &[u8]) -> Option<u8> {
    let [b'f' | b'F', digits @ ..] = name else {
        return None;
    };
    let Ok(digits) = std::str::from_utf8(digits) else {
        return None;
    };
    match u8::from_str_radix(digits, 10) {
        Ok(n) if n >= 1 && n <= 12 => Some(n),
        _ => None,
    }
}

impl KeyChord {
    pub const fn new(code: KeyCode, modifiers: KeyModifiers) -> KeyChord {
        // Shift is already in the character (`G`, `?`) and in BackTab; terminals disagree on
        // whether they also report it, so it is dropped for those.
        let modifiers = match code {
            KeyCode::Char(_) | KeyCode::BackTab => modifiers.difference(KeyModifiers::SHIFT),
            _ => modifiers,
        };
        KeyChord { code, modifiers }
    }

    pub fn from_event(event: &KeyEvent) -> KeyChord {
        KeyChord::new(event.code, event.modifiers)
    }

    /// Parses a key name as written in keymap files: `k`, `G`, `ctrl-d`, `pagedown`, `f5`.
    pub fn parse(text: &str) -> Result<KeyChord, String> {
        KeyChord::named(text).ok_or_else(|| {
            format!(
                "unknown key `{text}`: use a single character, or one of up, down, \
                 left, right, tab, shift-tab, enter, esc, space, backspace, delete, home, end, \
                 pageup, pagedown, f1–f12, with an optional ctrl- or alt- in front"
            )
        })
    }

    /// What [`KeyChord::parse`] reads, `None` where it gives an error. A `const fn`, so the
    /// compiled-in keymap is read while rungs is compiled, not each time it starts.
    pub const fn named(text: &str) -> Option<KeyChord> {
        let mut modifiers = KeyModifiers::NONE;
        let mut rest = text.as_bytes();
        loop {
            if starts_with_ignoring_case(rest, b"ctrl-") {
                modifiers = modifiers.union(KeyModifiers::CONTROL);
                rest = rest.split_at(5).1;
            } else if starts_with_ignoring_case(rest, b"alt-") {
                modifiers = modifiers.union(KeyModifiers::ALT);
                rest = rest.split_at(4).1;
            } else {
                break;
            }
        }
        let code = match only_char(rest) {
            Some(c) if !is_control(c) => KeyCode::Char(c),
            _ if rest.eq_ignore_ascii_case(b"shift-tab")
                || rest.eq_ignore_ascii_case(b"backtab") =>
            {
                KeyCode::BackTab
            }
            _ if rest.eq_ignore_ascii_case(b"space") => KeyCode::Char(' '),
            _ => match named_key(rest) {
                Some(code) => code,
                None => match function_key(rest) {
                    Some(n) => KeyCode::F(n),
                    None => return None,
                },
            },
        };
        Some(KeyChord::new(code, modifiers))
    }

    /// How the key is shown in help and hints: `↑`, `PgDn`, `Ctrl-C`, `?`.
    pub fn label(&self) -> String {
        let mut out = String::new();
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            out.push_str("Ctrl-");
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            out.push_str("Alt-");
        }
        match self.code {
            KeyCode::Char(' ') => out.push_str("Space"),
            KeyCode::Char(c) if self.modifiers.contains(KeyModifiers::CONTROL) => {
                out.extend(c.to_uppercase());
            }
            KeyCode::Char(c) => out.push(c),
            KeyCode::BackTab => out.push_str("Shift-Tab"),
            KeyCode::F(n) => out.push_str(&format!("F{n}")),
            code => out.push_str(
                NAMED
                    .iter()
                    .find(|(_, c, _)| *c == code)
                    .map_or("?", |(_, _, label)| label),
            ),
        }
        out
    }
}

/// Which table a binding is in: the global one, or one screen's. A screen's own table is
/// looked up first, so it may give a key another meaning there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyContext {
    Global,
    Screen(ScreenKind),
}

impl KeyContext {
    /// Every context, global first.
    pub fn all() -> impl Iterator<Item = KeyContext> {
        std::iter::once(KeyContext::Global).chain(ScreenKind::ALL.map(KeyContext::Screen))
    }

    /// The section name in keymap files: `[keys.global]`, `[keys.level]` …
    pub fn config_name(self) -> &'static str {
        match self {
            KeyContext::Global => "global",
            KeyContext::Screen(kind) => kind.config_name(),
        }
    }

    pub fn from_config_name(name: &str) -> Option<KeyContext> {
        KeyContext::all().find(|c| c.config_name() == name)
    }
}

/// Keys bound to actions, per context, in the order of [`Action::KEYABLE`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<(KeyContext, KeyChord, Action)>,
}

impl Keymap {
    pub fn from_bindings(keys: &[(KeyContext, Action, Vec<KeyChord>)]) -> Keymap {
        let mut keymap = Keymap::default();
        keymap.apply(keys);
        keymap
    }

    /// A keymap of bindings already in the order `apply` leaves them: by action as in
    /// [`Action::KEYABLE`], each action's in the order they were given, no key twice in a
    /// context.
    pub(super) fn in_order(bindings: Vec<(KeyContext, KeyChord, Action)>) -> Keymap {
        Keymap { bindings }
    }

    /// Each action named gets exactly the keys given in its context; a key taken from another
    /// action of the same context leaves it.
    pub fn apply(&mut self, keys: &[(KeyContext, Action, Vec<KeyChord>)]) {
        // Nothing to change (no config file): the bindings are in order already.
        if keys.is_empty() {
            return;
        }
        for (context, action, chords) in keys {
            self.bindings.retain(|(c, chord, bound)| {
                c != context || (bound != action && !chords.contains(chord))
            });
            self.bindings
                .extend(chords.iter().map(|chord| (*context, *chord, *action)));
        }
        self.bindings
            .sort_by_cached_key(|(_, _, action)| Action::KEYABLE.iter().position(|a| a == action));
    }

    /// The action a key press asks for on `screen`: the screen's table first, then the
    /// global one. Ctrl-C always quits, so no keymap can trap a person.
    pub fn action_for(&self, event: &KeyEvent, screen: ScreenKind) -> Option<Action> {
        let chord = KeyChord::from_event(event);
        if chord == KeyChord::new(KeyCode::Char('c'), KeyModifiers::CONTROL) {
            return Some(Action::Quit);
        }
        self.lookup(KeyContext::Screen(screen), chord)
            .or_else(|| self.lookup(KeyContext::Global, chord))
            .or(Some(Action::Unbound(chord)))
    }

    /// Where a key means something: every table that binds it, with what it does there.
    pub fn bound_elsewhere(&self, chord: KeyChord) -> Vec<(KeyContext, Action)> {
        self.bindings
            .iter()
            .filter(|(_, bound, _)| *bound == chord)
            .map(|(context, _, action)| (*context, *action))
            .collect()
    }

    fn lookup(&self, context: KeyContext, chord: KeyChord) -> Option<Action> {
        self.bindings
            .iter()
            .find(|(c, bound, _)| *c == context && *bound == chord)
            .map(|(.., action)| *action)
    }

    /// The keys that do `action` on `screen`: its own table's, then the global keys that the
    /// screen does not give another meaning.
    pub fn keys_for(&self, action: Action, screen: ScreenKind) -> Vec<KeyChord> {
        self.keys(action, screen).collect()
    }

    /// What `keys_for` lists, one at a time: the footer wants only the first of most, and
    /// builds no list for them.
    fn keys(&self, action: Action, screen: ScreenKind) -> impl Iterator<Item = KeyChord> + '_ {
        let own = KeyContext::Screen(screen);
        let of = move |context: KeyContext| {
            self.bindings
                .iter()
                .filter(move |(c, _, a)| *c == context && *a == action)
                .map(|(_, chord, _)| *chord)
        };
        of(own)
            .chain(of(KeyContext::Global).filter(move |chord| self.lookup(own, *chord).is_none()))
    }

    /// `↑/k` — the keys of an action on `screen` joined for display, at most `limit` of them.
    pub fn label_for(&self, action: Action, screen: ScreenKind, limit: usize) -> String {
        let mut label = String::new();
        for (i, chord) in self.keys(action, screen).take(limit).enumerate() {
            if i > 0 {
                label.push('/');
            }
            label.push_str(&chord.label());
        }
        label
    }
}

/// A command a screen offers: the actions that make it up (a pair like ↑↓ reads as one
/// command), a word or two for the footer, and whether it applies right now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Command {
    pub actions: Vec<Action>,
    pub hint: &'static str,
    pub applies: bool,
}

pub(super) fn command(actions: &[Action], hint: &'static str, applies: bool) -> Command {
    Command {
        actions: actions.to_vec(),
        hint,
        applies,
    }
}

/// The commands of the screen on show, most useful first, with whether each applies now.
/// The footer shows those that apply; the help lists them all, so they cannot drift apart.
pub fn screen_commands(app: &App, screen: ScreenKind) -> Vec<Command> {
    use Action as A;
    let mut commands = own_commands(app, screen);
    // Only a ladder of job families has one to switch to: elsewhere neither the footer nor
    // the help names the keys.
    if screen == ScreenKind::Ladder && super::family::switches(&app.ladder) {
        commands.insert(2, command(&[A::PickFamily], "family", true));
        commands.push(command(
            &[A::NextFamily, A::PreviousFamily],
            "next/previous family",
            // In the help; the footer leaves the room to the picker's key, which does the
            // same with a list, and to search.
            false,
        ));
    }
    commands
}

fn own_commands(app: &App, screen: ScreenKind) -> Vec<Command> {
    use Action as A;
    let current = app.screen_kind() == screen;
    let level_screen = app.level_screen().filter(|_| current);
    let focus = level_screen.map(|s| s.focus);
    let families = super::family::switches(&app.ladder);
    // Rating needs a skill under the cursor and a plan that can be written.
    let can_rate = !current || (focus == Some(Focus::Skills) && !app.plan.is_read_only());
    // Offered in the footer once there are ratings to compare (it works without them too).
    let rated = !current || app.you().has_ratings();
    match screen {
        ScreenKind::Ladder => vec![
            command(&[A::Up, A::Down], "move", true),
            command(
                &[A::PreviousPane, A::NextPane],
                if focus == Some(Focus::Ladder) || !current {
                    "track"
                } else {
                    "pane"
                },
                true,
            ),
            command(&[A::FocusNext], "focus", true),
            command(
                &[A::Open],
                if focus == Some(Focus::Skills) {
                    "skill"
                } else {
                    "open"
                },
                true,
            ),
            command(&[A::PageUp, A::PageDown], "read on", true),
            command(&[A::Compare], "compare", true),
            command(
                &[A::Bookmark],
                "bookmark",
                !current || focus == Some(Focus::Skills),
            ),
            command(&[A::ShowPlan], "plan", true),
            command(
                &[A::SetCurrent],
                "I'm here",
                !current || !app.plan.is_read_only(),
            ),
            command(&[A::Rate], "rate", can_rate),
            command(&[A::CompareYou], "you vs this", rated),
            command(
                &[A::Back],
                "ladder",
                current && focus.is_some_and(|f| f != Focus::Ladder),
            ),
        ],
        ScreenKind::Catalogue => super::catalogue::commands(app, current, families),
        ScreenKind::Level => vec![
            command(&[A::Up, A::Down], "move", true),
            command(&[A::FocusNext], "pane", true),
            command(
                &[A::Open],
                "skill",
                !current || focus == Some(Focus::Skills),
            ),
            command(
                &[A::Bookmark],
                "bookmark",
                !current || focus == Some(Focus::Skills),
            ),
            command(&[A::Back], "back", true),
            command(&[A::Compare], "compare", true),
            command(
                &[A::SetCurrent],
                "I'm here",
                !current || !app.plan.is_read_only(),
            ),
            command(&[A::Rate], "rate", can_rate),
            command(&[A::CompareYou], "you vs this", rated),
            command(&[A::PageUp, A::PageDown], "page", true),
        ],
        ScreenKind::Compare => {
            let on_skills = !current
                || app
                    .compare_screen()
                    .is_some_and(|c| c.pane == ComparePane::Skills);
            vec![
                command(&[A::Up, A::Down], "move", true),
                command(&[A::FocusNext], "pane", true),
                command(&[A::Bookmark], "bookmark", on_skills),
                command(&[A::Back], "back", true),
                command(&[A::Compare], "pick B", true),
                command(&[A::SwapSides], "swap", true),
                command(&[A::OpenA, A::OpenB], "open", true),
                command(
                    &[A::ARungDown, A::ARungUp, A::BRungDown, A::BRungUp],
                    "step A/B",
                    true,
                ),
                command(&[A::PageUp, A::PageDown], "page", true),
                command(
                    &[A::Rate],
                    "rate",
                    on_skills && (!current || !app.plan.is_read_only()),
                ),
                command(&[A::CompareYou], "you vs B", rated),
            ]
        }
        ScreenKind::You => {
            let writable = !current || !app.plan.is_read_only();
            vec![
                command(&[A::Up, A::Down], "move", true),
                command(&[A::Open], "skill", true),
                command(&[A::AddGaps], "add all gaps", writable),
                command(&[A::Rate], "rate", writable),
                command(&[A::Bookmark], "bookmark", writable),
                command(&[A::Undo], "undo", writable),
                command(&[A::Back], "back", true),
            ]
        }
        ScreenKind::Plan => {
            let has_items = !current || !app.plan.items().is_empty();
            let writable = !current || !app.plan.is_read_only();
            let has_target = !current || app.plan.target().is_some();
            let pane = app.plan_screen().map(|s| s.pane);
            // Off the plan screen (the help of another screen), every command is listed.
            let on = |wanted: &[PlanPane]| !current || pane.is_none_or(|p| wanted.contains(&p));
            let on_entry = !current
                || app.plan_screen().is_some_and(|s| {
                    matches!(
                        s.evidence_rows(&app.plan).get(s.evidence_cursor),
                        Some(EvidenceRow::Entry(..))
                    )
                });
            // In the evidence pane `e` and `d` act on the entry under the cursor.
            let in_evidence = current && pane == Some(PlanPane::Evidence);
            let (note_hint, remove_hint, entry_keys_apply) = if in_evidence {
                ("edit evidence", "remove evidence", on_entry)
            } else {
                ("note", "remove", has_items && on(&[PlanPane::Items]))
            };
            vec![
                command(&[A::Up, A::Down], "move", true),
                command(
                    &[A::CycleStatus],
                    "status",
                    has_items && writable && on(&[PlanPane::Items, PlanPane::Evidence]),
                ),
                command(&[A::EditNote], note_hint, writable && entry_keys_apply),
                command(
                    &[A::AddEvidence],
                    "evidence",
                    has_items && writable && on(&[PlanPane::Items, PlanPane::Evidence]),
                ),
                command(&[A::Remove], remove_hint, writable && entry_keys_apply),
                command(&[A::SetTarget], "target", writable),
                command(&[A::FocusNext], "pane", true),
                command(
                    &[A::Bookmark],
                    "add",
                    has_target && writable && on(&[PlanPane::Missing]),
                ),
                command(
                    &[A::Rate],
                    "rate",
                    writable && on(&[PlanPane::Items, PlanPane::Evidence, PlanPane::Missing]),
                ),
                command(&[A::Checkin], "check-in", true),
                command(&[A::Undo], "undo", writable),
                command(&[A::Back], "back", true),
            ]
        }
    }
}

/// The commands of every screen, after each screen's own.
pub fn global_commands() -> Vec<Command> {
    use Action as A;
    vec![
        command(&[A::Search], "search", true),
        command(&[A::GoToLevel], "go to", true),
        command(&[A::Help], "help", true),
        command(&[A::Quit], "quit", true),
        command(&[A::SetTarget], "target", true),
        command(&[A::ShowPlan], "plan", true),
        command(&[A::Undo], "undo", true),
        command(&[A::Messages], "messages", true),
        command(&[A::Catalogue], "catalogue", true),
        command(&[A::PageUp, A::PageDown], "page", true),
        command(&[A::Top, A::Bottom], "top/end", true),
    ]
}

/// The keys of a command on `screen` as the footer shows them: `↑↓`, `PgUp/PgDn`, `[]/{}`.
pub fn command_keys(keymap: &Keymap, command: &Command, screen: ScreenKind) -> String {
    let first = |action: Action| {
        keymap
            .keys(action, screen)
            .next()
            .as_ref()
            .map(KeyChord::label)
            .unwrap_or_default()
    };
    let labels: Vec<String> = command
        .actions
        .iter()
        .map(|&a| first(a))
        .filter(|l| !l.is_empty())
        .collect();
    // Single symbols read as a pair when run together (`↑↓`, `[]`); letters and digits would
    // read as one word (`12`), so they keep a slash.
    let symbols = labels
        .iter()
        .all(|l| l.chars().count() == 1 && !l.chars().any(char::is_alphanumeric));
    if labels.len() == 2 && symbols {
        labels.concat()
    } else if labels.len() == 4 && symbols {
        // `[]/{}`: two pairs.
        format!("{}{}/{}{}", labels[0], labels[1], labels[2], labels[3])
    } else {
        labels.join("/")
    }
}

/// The hints of the footer, generated from the commands that apply now: the screen's first,
/// then search, help and quit. A hint whose keys are all unbound is left out.
pub fn footer_hints(app: &App) -> Vec<(String, String)> {
    let screen = app.screen_kind();
    let keymap = &app.settings.keymap;
    let mut hints: Vec<(String, String)> = Vec::new();
    let mut push = |keys: String, what: &str| {
        if !keys.is_empty() {
            hints.push((keys, what.to_owned()));
        }
    };
    let single = |action: Action| keymap.label_for(action, screen, 1);
    if app.is_editing_note() {
        // Enter and Esc act through the keymap while the note is edited, like in search.
        let editor = app.plan_screen().and_then(|s| s.editor.as_ref());
        let (save, other_field) = match editor {
            Some(Editor::Evidence(_)) => ("save evidence", Some("text/link")),
            Some(Editor::CheckinPath(_)) => ("open check-in", None),
            _ => ("save note", None),
        };
        push(single(Action::Open), save);
        push(single(Action::Back), "cancel");
        if let Some(what) = other_field {
            push(single(Action::FocusNext), what);
        }
        push("←→ Home End".to_owned(), "move");
        return hints;
    }
    match app.overlay() {
        Some(OverlayKind::Search | OverlayKind::Picker { .. } | OverlayKind::Families) => {
            let choose = if matches!(
                app.overlay(),
                Some(OverlayKind::Picker { .. } | OverlayKind::Families)
            ) {
                "pick"
            } else {
                "go"
            };
            push(
                command_keys(
                    keymap,
                    &command(&[Action::Up, Action::Down], "", true),
                    screen,
                ),
                "choose",
            );
            push(single(Action::Open), choose);
            push(single(Action::Back), "close");
            // Printable quit keys type into the field; Ctrl-C always quits.
            push("Ctrl-C".to_owned(), "quit");
            return hints;
        }
        Some(OverlayKind::Rating) => {
            push(
                command_keys(
                    keymap,
                    &command(&[Action::Up, Action::Down], "", true),
                    screen,
                ),
                "choose",
            );
            push(single(Action::Open), "set");
            push(single(Action::Back), "cancel");
            push(single(Action::Quit), "quit");
            return hints;
        }
        Some(OverlayKind::Skill | OverlayKind::Help | OverlayKind::Messages) => {
            let scroll = command(&[Action::Up, Action::Down], "", true);
            push(command_keys(keymap, &scroll, screen), "scroll");
            if app.overlay() == Some(OverlayKind::Skill) {
                push(single(Action::Bookmark), "bookmark");
                push(single(Action::Rate), "rate");
            }
            push(single(Action::Back), "close");
            push(single(Action::Quit), "quit");
            return hints;
        }
        None => {}
    }
    for command in screen_commands(app, screen).iter().filter(|c| c.applies) {
        push(command_keys(keymap, command, screen), command.hint);
    }
    push(single(Action::Search), "search");
    push(single(Action::Quit), "quit");
    // Last, and always shown (see `fit_hints`): the help lists everything the footer leaves out.
    push(single(Action::Help), "help");
    hints
}

/// The columns a hint takes in the footer: keys, a space, the words and two spaces.
fn hint_width(keys: &str, what: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(keys)
        + 1
        + unicode_width::UnicodeWidthStr::width(what)
        + 2
}

/// The hints that fit in `columns`, in their order, the last one always kept: on a narrow
/// terminal the footer is the same list cut short, and still says where the help is.
pub fn fit_hints(hints: Vec<(String, String)>, columns: usize) -> Vec<(String, String)> {
    let Some(last) = hints.last().cloned() else {
        return hints;
    };
    let mut room = columns.saturating_sub(hint_width(&last.0, &last.1));
    let mut kept: Vec<(String, String)> = Vec::new();
    for (keys, what) in hints.into_iter().take_while(|h| *h != last) {
        let width = hint_width(&keys, &what);
        if width > room {
            break;
        }
        room -= width;
        kept.push((keys, what));
    }
    if hint_width(&last.0, &last.1) <= columns {
        kept.push(last);
    }
    kept
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_through_labels() {
        for (text, label) in [
            ("k", "k"),
            ("G", "G"),
            ("ctrl-c", "Ctrl-C"),
            ("pagedown", "PgDn"),
            ("shift-tab", "Shift-Tab"),
            ("space", "Space"),
            ("f5", "F5"),
            ("up", "↑"),
            ("-", "-"),
        ] {
            assert_eq!(KeyChord::parse(text).map(|k| k.label()), Ok(label.into()));
        }
        assert!(KeyChord::parse("ctrl-").is_err());
        assert!(KeyChord::parse("hyper-x").is_err());
        assert!(KeyChord::parse("f13").is_err());
    }

    /// `KeyChord::parse` as it was written before it became a `const fn`, kept to check the
    /// one against the other.
    fn parse_as_before(text: &str) -> Option<KeyChord> {
        let mut modifiers = KeyModifiers::NONE;
        let mut rest = text;
        loop {
            let lower = rest.to_ascii_lowercase();
            if rest.chars().count() > 1 && lower.starts_with("ctrl-") {
                modifiers |= KeyModifiers::CONTROL;
                rest = &rest[5..];
            } else if rest.chars().count() > 1 && lower.starts_with("alt-") {
                modifiers |= KeyModifiers::ALT;
                rest = &rest[4..];
            } else {
                break;
            }
        }
        let lower = rest.to_ascii_lowercase();
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() => KeyCode::Char(c),
            _ if lower == "shift-tab" || lower == "backtab" => KeyCode::BackTab,
            _ if lower == "space" => KeyCode::Char(' '),
            _ => {
                if let Some((_, code, _)) = NAMED.iter().find(|(name, ..)| *name == lower) {
                    *code
                } else {
                    KeyCode::F(
                        lower
                            .strip_prefix('f')
                            .and_then(|n| n.parse::<u8>().ok())
                            .filter(|n| (1..=12).contains(n))?,
                    )
                }
            }
        };
        Some(KeyChord::new(code, modifiers))
    }

    #[test]
    fn the_const_parser_reads_every_name_as_the_string_parser_did() {
        let prefixes = [
            "",
            "ctrl-",
            "CTRL-",
            "alt-",
            "Alt-",
            "ctrl-alt-",
            "ctrl-ctrl-",
        ];
        let names = [
            "k",
            "G",
            "?",
            "-",
            "é",
            "日",
            "😀",
            "\t",
            "\u{7f}",
            "\u{85}",
            "\u{a0}",
            "up",
            "UP",
            "PageDown",
            "pagedown",
            "shift-tab",
            "BackTab",
            "space",
            "Space",
            "f1",
            "F12",
            "f13",
            "f0",
            "f+5",
            "f05",
            "f",
            "f-1",
            "f256",
            "hyper-x",
            "",
            "ctrl-",
            "alt-",
            "alt",
            "ctrl",
            "delete",
            "Del",
            "ab",
            "home",
            "END",
            "esc",
            "enter",
            "tab",
            "backspace",
            "left",
        ];
        for prefix in prefixes {
            for name in names {
                let text = format!("{prefix}{name}");
                assert_eq!(KeyChord::named(&text), parse_as_before(&text), "{text:?}");
                assert_eq!(
                    KeyChord::parse(&text).ok(),
                    parse_as_before(&text),
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn the_const_control_test_is_chars_own() {
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            assert_eq!(is_control(c), c.is_control(), "{c:?}");
        }
    }

    const G: KeyContext = KeyContext::Global;
    const LEVEL: ScreenKind = ScreenKind::Level;

    #[test]
    fn shift_reported_with_a_capital_still_matches() {
        let keymap = Keymap::from_bindings(&[(
            G,
            Action::Bottom,
            vec![KeyChord::parse("G").expect("valid")],
        )]);
        let event = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(keymap.action_for(&event, LEVEL), Some(Action::Bottom));
    }

    #[test]
    fn ctrl_c_quits_even_when_unbound() {
        let keymap = Keymap::default();
        let event = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(keymap.action_for(&event, LEVEL), Some(Action::Quit));
    }

    #[test]
    fn rebinding_a_key_takes_it_from_its_old_action() {
        let k = KeyChord::parse("k").expect("valid");
        let mut keymap = Keymap::from_bindings(&[(G, Action::Up, vec![k])]);
        keymap.apply(&[(G, Action::Quit, vec![k])]);
        assert!(keymap.keys_for(Action::Up, LEVEL).is_empty());
        assert_eq!(keymap.keys_for(Action::Quit, LEVEL), [k]);
    }

    #[test]
    fn a_screens_own_key_wins_there_and_only_there() {
        let x = KeyChord::parse("x").expect("valid");
        let keymap = Keymap::from_bindings(&[
            (G, Action::Undo, vec![x]),
            (
                KeyContext::Screen(ScreenKind::Compare),
                Action::SwapSides,
                vec![x],
            ),
        ]);
        let event = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE);
        assert_eq!(
            keymap.action_for(&event, ScreenKind::Compare),
            Some(Action::SwapSides)
        );
        assert_eq!(keymap.action_for(&event, LEVEL), Some(Action::Undo));
        // On compare, x is not undo: the hints there must not say so.
        assert!(
            keymap
                .keys_for(Action::Undo, ScreenKind::Compare)
                .is_empty()
        );
        assert_eq!(keymap.keys_for(Action::Undo, LEVEL), [x]);
    }
}
