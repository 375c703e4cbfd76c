//! Helpers the screen tests share: an app over the built-in ladder, a frame drawn into a
//! `TestBackend`, the screen read back as text, keys and actions applied as the event loop
//! applies them, and the plan file read back.

// Each test file is its own crate and uses only some of these.
#![allow(dead_code)]

use std::path::Path;
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use rungs::Ladder;
use rungs::plan::Plan;
use rungs::tui::action::Action;
use rungs::tui::app::App;
use rungs::tui::config::Settings;
use rungs::tui::view;
use unicode_width::UnicodeWidthStr;

pub fn app(width: u16, height: u16, no_color: bool) -> App {
    let ladder = Ladder::embedded().expect("built-in ladder loads");
    App::new(ladder, Settings::defaults(no_color), (width, height))
}

/// A small ladder whose names, titles and text are wide: CJK and emoji take two columns.
pub const WIDE_LADDER: &str = r#"
[ladder]
name = "多言語 ladder 🚀"

[[tracks]]
id = "eng"
title = "エンジニア"
order = 1

[[tracks]]
id = "ops"
title = "Ops 🛠"
order = 2

[[categories]]
id = "people"
name = "人材"

[[skills]]
id = "coaching"
name = "コーチング 🎯"
category = "people"
description = "Helps others grow."

[[skills]]
id = "on-call"
name = "On-call 📟"
category = "people"
description = "Answers the pager."

[[levels]]
id = "eng-1"
title = "ソフトウェアエンジニア長い肩書き"
track = "eng"
rank = 1
summary = "書く。Writes code 🚀 and reviews it."
scope = "One team"
decision_scope = "Own work"
responsibilities = ["Ship 🚀", "レビュー"]
skills = [{ skill = "coaching", proficiency = "working" }]
experience = { field = { min = 0, max = 3 } }
education = { typical = "None required" }
sources = ["made up"]

[[levels]]
id = "ops-1"
title = "Operator 🛠🛠"
track = "ops"
rank = 1
summary = "Keeps things running. 運用。"
scope = "One team"
decision_scope = "Own work and the pager 📟"
responsibilities = ["Run", "レビュー"]
skills = [{ skill = "coaching", proficiency = "basic" }, { skill = "on-call", proficiency = "expert" }]
experience = { field = { min = 1 }, managing = { min = 0, max = 2, estimate = true } }
education = { typical = "None required" }
sources = ["made up"]
"#;

/// An app over a ladder given as the text of one content file.
pub fn app_over(ladder_toml: &str, width: u16, height: u16) -> App {
    let ladder = Ladder::from_sources(&[rungs::ladder::SourceFile {
        name: "test.toml".into(),
        text: ladder_toml.into(),
    }])
    .expect("test ladder is valid");
    App::new(ladder, Settings::defaults(false), (width, height))
}

/// How long a test waits for the search worker's answer before calling it hung. Only a guard
/// against a hang: a busy machine may be slow, and no test asserts on how long anything took.
pub const PATIENCE: Duration = Duration::from_secs(120);

/// Applies actions as the loop would: a frame drawn before each (the frame records the layout
/// the update reads), and each search answer waited for, so that what follows sees the results
/// of everything done so far (as a person reading the screen would).
pub fn run(app: &mut App, actions: &[Action]) {
    for &action in actions {
        draw(app);
        app.update(action);
        assert!(app.wait_for_search(PATIENCE), "search answered");
    }
    draw(app);
}

/// Sends one key through the same routing as the loop (the keymap, or the open text field),
/// a frame drawn before it, then waits for the search answer.
pub fn press_key(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
    let event = Event::Key(KeyEvent::new(code, modifiers));
    draw(app);
    if let Some(action) = rungs::tui::action_for_app_event(app, &event) {
        app.update(action);
    }
    assert!(app.wait_for_search(PATIENCE), "search answered");
}

/// Presses each key in turn, without modifiers.
pub fn press_keys(app: &mut App, keys: &[KeyCode]) {
    for &code in keys {
        press_key(app, code, KeyModifiers::NONE);
    }
}

/// Types `keys`: each char is its key, but `\n` is Enter, `\u{1b}` Esc and `\t` Tab.
pub fn press(app: &mut App, keys: &str) {
    for key in keys.chars() {
        let code = match key {
            '\n' => KeyCode::Enter,
            '\u{1b}' => KeyCode::Esc,
            '\t' => KeyCode::Tab,
            c => KeyCode::Char(c),
        };
        press_key(app, code, KeyModifiers::NONE);
    }
}

/// The plan file as saved.
pub fn on_disk(path: &Path) -> Plan {
    let text = std::fs::read_to_string(path).expect("plan file written");
    rungs::plan::parse("plan.toml", &text).expect("a valid plan")
}

pub fn buffer(app: &App) -> Buffer {
    let backend = TestBackend::new(app.size.0, app.size.1);
    let mut terminal = Terminal::new(backend).expect("test backend");
    terminal
        .draw(|frame| view::draw(frame, app))
        .expect("draws");
    terminal.backend().buffer().clone()
}

/// The screen as a terminal shows it: a wide character covers the cell after it.
pub fn text(buffer: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut x = 0;
        while x < buffer.area.width {
            let symbol = buffer[(x, y)].symbol();
            out.push_str(symbol);
            x += u16::try_from(symbol.width().max(1)).unwrap_or(1);
        }
        out.push('\n');
    }
    out
}

/// The cell where `needle` starts, searching the screen's text row by row.
pub fn find(buffer: &Buffer, needle: &str) -> Option<(u16, u16)> {
    let shown = text(buffer);
    for (y, line) in shown.lines().enumerate() {
        if let Some(byte) = line.find(needle) {
            let x = line[..byte].width();
            return Some((u16::try_from(x).ok()?, u16::try_from(y).ok()?));
        }
    }
    None
}

/// Draws a frame the size the app was last told, as the loop does before reading a key: the
/// frame records the layout the next update reads.
pub fn draw(app: &App) {
    let _ = buffer(app);
}

/// The home or level screen's state (panics elsewhere: the test is on the wrong screen).
pub fn level_screen(app: &App) -> &rungs::tui::screens::LevelScreen {
    app.level_screen().expect("a level is on show")
}
