#![allow(dead_code)] // each test file uses some of these helpers

//! Helpers the screen tests share: an app over the built-in ladder, a frame drawn into a
//! `TestBackend`, and the screen read back as text.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use rungs::Ladder;
use rungs::tui::app::App;
use rungs::tui::config::Settings;
use rungs::tui::view;
use unicode_width::UnicodeWidthStr;

pub fn app(width: u16, height: u16, no_color: bool) -> App {
    let ladder = Ladder::embedded().expect("built-in ladder loads");
    App::new(ladder, Settings::defaults(no_color), (width, height))
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

/// Sends actions as the loop does: a frame drawn before each.
pub fn drive(app: &mut App, actions: &[rungs::tui::action::Action]) {
    for &action in actions {
        draw(app);
        app.update(action);
    }
    draw(app);
}

/// The home or level screen's state (panics elsewhere: the test is on the wrong screen).
pub fn level_screen(app: &App) -> &rungs::tui::screens::LevelScreen {
    app.level_screen().expect("a level is on show")
}
