//! The one table from keys to actions. The loop dispatches through it, and the help overlay
//! and footer hints are generated from it, so what is shown cannot drift from what works.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

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

impl KeyChord {
    pub fn new(code: KeyCode, modifiers: KeyModifiers) -> KeyChord {
        // Shift is already in the character (`G`, `?`) and in BackTab; terminals disagree on
        // whether they also report it, so it is dropped for those.
        let modifiers = match code {
            KeyCode::Char(_) | KeyCode::BackTab => modifiers - KeyModifiers::SHIFT,
            _ => modifiers,
        };
        KeyChord { code, modifiers }
    }

    pub fn from_event(event: &KeyEvent) -> KeyChord {
        KeyChord::new(event.code, event.modifiers)
    }

    /// Parses a key name as written in keymap files: `k`, `G`, `ctrl-d`, `pagedown`, `f5`.
    pub fn parse(text: &str) -> Result<KeyChord, String> {
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
                } else if let Some(n) = lower
                    .strip_prefix('f')
                    .and_then(|n| n.parse::<u8>().ok())
                    .filter(|n| (1..=12).contains(n))
                {
                    KeyCode::F(n)
                } else {
                    return Err(format!(
                        "unknown key `{text}`: use a single character, or one of up, down, \
                         left, right, tab, shift-tab, enter, esc, space, backspace, delete, home, end, \
                         pageup, pagedown, f1–f12, with an optional ctrl- or alt- in front"
                    ));
                }
            }
        };
        Ok(KeyChord::new(code, modifiers))
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

/// Keys bound to actions, in the order they were declared.
#[derive(Debug, Clone, Default)]
pub struct Keymap {
    bindings: Vec<(KeyChord, Action)>,
}

impl Keymap {
    pub fn from_bindings(keys: &[(Action, Vec<KeyChord>)]) -> Keymap {
        let mut keymap = Keymap::default();
        keymap.apply(keys);
        keymap
    }

    /// Each action named gets exactly the keys given; a key taken from another action leaves it.
    pub fn apply(&mut self, keys: &[(Action, Vec<KeyChord>)]) {
        for (action, chords) in keys {
            self.bindings
                .retain(|(chord, bound)| bound != action && !chords.contains(chord));
            self.bindings
                .extend(chords.iter().map(|chord| (*chord, *action)));
        }
        self.bindings
            .sort_by_key(|(_, action)| Action::KEYABLE.iter().position(|a| a == action));
    }

    /// The action a key press asks for. Ctrl-C always quits, so no keymap can trap a person.
    pub fn action_for(&self, event: &KeyEvent) -> Option<Action> {
        let chord = KeyChord::from_event(event);
        if chord == KeyChord::new(KeyCode::Char('c'), KeyModifiers::CONTROL) {
            return Some(Action::Quit);
        }
        self.bindings
            .iter()
            .find(|(bound, _)| *bound == chord)
            .map(|(_, action)| *action)
    }

    pub fn keys_for(&self, action: Action) -> Vec<KeyChord> {
        self.bindings
            .iter()
            .filter(|(_, a)| *a == action)
            .map(|(chord, _)| *chord)
            .collect()
    }

    /// `↑/k` — the keys of an action joined for display, at most `limit` of them.
    pub fn label_for(&self, action: Action, limit: usize) -> String {
        let keys: Vec<String> = self
            .keys_for(action)
            .iter()
            .take(limit)
            .map(KeyChord::label)
            .collect();
        keys.join("/")
    }

    /// Every keyable action with its keys, for the help overlay.
    pub fn help_rows(&self) -> Vec<(String, Action)> {
        Action::KEYABLE
            .iter()
            .map(|&action| (self.label_for(action, usize::MAX), action))
            .collect()
    }
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

    #[test]
    fn shift_reported_with_a_capital_still_matches() {
        let keymap =
            Keymap::from_bindings(&[(Action::Bottom, vec![KeyChord::parse("G").expect("valid")])]);
        let event = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(keymap.action_for(&event), Some(Action::Bottom));
    }

    #[test]
    fn ctrl_c_quits_even_when_unbound() {
        let keymap = Keymap::default();
        let event = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(keymap.action_for(&event), Some(Action::Quit));
    }

    #[test]
    fn rebinding_a_key_takes_it_from_its_old_action() {
        let k = KeyChord::parse("k").expect("valid");
        let mut keymap = Keymap::from_bindings(&[(Action::Up, vec![k])]);
        keymap.apply(&[(Action::Quit, vec![k])]);
        assert!(keymap.keys_for(Action::Up).is_empty());
        assert_eq!(keymap.keys_for(Action::Quit), [k]);
    }
}
