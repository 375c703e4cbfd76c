//! The explorer: a full-screen terminal app over the ladder.
//!
//! This file owns the terminal: it checks there is one, sets it up, runs the loop (draw, read
//! an event, turn it into an [`Action`], update) and always gives the terminal back, on quit,
//! on error and on panic. Everything else is in `app` (state), `view` (drawing) and `keymap`.

pub mod action;
pub mod app;
pub mod config;
pub mod finder;
pub mod keymap;
pub mod plan_screen;
pub mod theme;
pub mod view;
pub mod widgets;

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;

use crate::exit::Exit;
use crate::ladder::{Ladder, Problem};
use action::Action;
use app::App;
use config::Settings;
use plan_screen::PlanState;
use widgets::text_input::TextEdit;

/// Set to `1` to quit right after the first frame is drawn (for start-up measurements); set to
/// `stats` to also print the peak resident memory at that point on stderr.
pub const EXIT_AFTER_FIRST_FRAME: &str = "RUNGS_EXIT_AFTER_FIRST_FRAME";

/// Turns a terminal event into an action, if it asks for one. Only key presses count: some
/// terminals (Windows) also report releases and repeats.
pub fn action_for_event(settings: &Settings, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => settings.keymap.action_for(key),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(mouse.column, mouse.row)),
            MouseEventKind::ScrollUp => Some(Action::Wheel {
                column: mouse.column,
                row: mouse.row,
                up: true,
            }),
            MouseEventKind::ScrollDown => Some(Action::Wheel {
                column: mouse.column,
                row: mouse.row,
                up: false,
            }),
            _ => None,
        },
        Event::Resize(columns, rows) => Some(Action::Resize(*columns, *rows)),
        _ => None,
    }
}

/// Like [`action_for_event`], but while a text field is open (search, picker, plan note),
/// editing keys (printable characters, ← → Home End Backspace …) edit it; other keys act
/// through the keymap (Enter chooses or saves, Esc closes or cancels, Ctrl-C quits).
pub fn action_for_app_event(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press && app.takes_text() => {
            TextEdit::for_key(key)
                .map(Action::Edit)
                .or_else(|| app.settings.keymap.action_for(key))
        }
        _ => action_for_event(&app.settings, event),
    }
}

/// How long the loop waits for a key while a search answer is outstanding before it looks
/// for the answer again: about one frame.
const SEARCH_POLL: Duration = Duration::from_millis(16);

/// The plan the explorer opens: `--plan FILE` / `RUNGS_PLAN`, else the default path. A file
/// that cannot be read as a plan opens read-only, with the reason to show.
pub fn open_plan(given: Option<&Path>) -> PlanState {
    match crate::plan::resolve_path(given) {
        Ok(path) => {
            let (store, error) = crate::plan::PlanStore::open_or_read_only(path);
            PlanState::with_store(store, error.as_ref())
        }
        Err(error) => PlanState::without_store(Some(error.to_string())),
    }
}

/// Turns mouse capture off when dropped, so an early return or a panic cannot leave the
/// terminal reporting mouse movements to the shell.
struct MouseCapture;

impl MouseCapture {
    fn enable() -> std::io::Result<MouseCapture> {
        execute!(std::io::stdout(), EnableMouseCapture)?;
        Ok(MouseCapture)
    }
}

impl Drop for MouseCapture {
    fn drop(&mut self) {
        let _ = execute!(std::io::stdout(), DisableMouseCapture);
    }
}

/// Why the explorer could not run; each knows its exit code.
#[derive(Debug)]
pub enum TuiError {
    /// Standard input or output is not a terminal.
    NoTerminal,
    /// The ladder cannot be loaded.
    Content(Vec<Problem>),
    /// The settings file has problems.
    Config(config::ConfigError),
    /// The terminal could not be set up or failed while running.
    Terminal(std::io::Error),
}

impl TuiError {
    pub fn exit(&self) -> Exit {
        match self {
            TuiError::Content(_) | TuiError::Config(_) => Exit::BadInput,
            TuiError::NoTerminal | TuiError::Terminal(_) => Exit::Terminal,
        }
    }
}

impl std::fmt::Display for TuiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TuiError::NoTerminal => write!(
                f,
                "rungs: the explorer needs a terminal; use `rungs list` or `rungs show ID` for \
                 text output"
            ),
            TuiError::Content(problems) => write!(
                f,
                "{}\nrungs: the ladder has problems; `rungs validate` lists them",
                crate::present::problems(problems)
            ),
            TuiError::Config(error) => write!(
                f,
                "{error}\nrungs: fix the config file above, or move it away to use the defaults"
            ),
            TuiError::Terminal(error) => write!(f, "rungs: terminal error: {error}"),
        }
    }
}

impl std::error::Error for TuiError {}

/// Opens the explorer, with the plan at `plan` (or the default path), in colour or not (as
/// `--color` and NO_COLOR decide).
pub fn run(content: Option<&Path>, plan: Option<&Path>, colour: bool) -> Result<(), TuiError> {
    // ratatui's init neither checks for a terminal nor copes without one.
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(TuiError::NoTerminal);
    }
    let ladder = Ladder::load(content).map_err(TuiError::Content)?;
    let plan = open_plan(plan);
    let no_color = !colour;
    let settings =
        Settings::load(no_color, config::config_path().as_deref()).map_err(TuiError::Config)?;

    // Runs before ratatui's own hook (installed by try_init), which restores the terminal and
    // then calls this one.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(std::io::stdout(), DisableMouseCapture);
        previous(info);
    }));
    let mut terminal = ratatui::try_init().map_err(|e| {
        ratatui::restore();
        TuiError::Terminal(e)
    })?;
    let result = MouseCapture::enable().and_then(|guard| {
        let result = event_loop(
            &mut terminal,
            App::new(ladder, settings, (80, 24)).with_plan(plan),
        );
        drop(guard);
        result
    });
    ratatui::restore();
    if result.map_err(TuiError::Terminal)? {
        report_first_frame_memory();
    }
    Ok(())
}

/// Runs until the person quits; `Ok(true)` asks for the first-frame memory report.
fn event_loop(terminal: &mut DefaultTerminal, mut app: App) -> std::io::Result<bool> {
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    let exit_after_first = std::env::var(EXIT_AFTER_FIRST_FRAME).ok();
    loop {
        app.poll_search();
        terminal.draw(|frame| view::draw(frame, &app))?;
        if let Some(mode) = &exit_after_first {
            return Ok(mode == "stats");
        }
        // Block on input unless a search answer is due: then wake up each frame to fetch it.
        if app.search_pending() && !event::poll(SEARCH_POLL)? {
            continue;
        }
        let event = event::read()?;
        if let Some(action) = action_for_app_event(&app, &event) {
            app.update(action);
        }
        if app.should_quit {
            return Ok(false);
        }
    }
}

/// Writes the peak resident memory so far to stderr (Linux only; elsewhere nothing).
fn report_first_frame_memory() {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    if let Some(line) = status.lines().find(|l| l.starts_with("VmHWM:")) {
        let kb = line.trim_start_matches("VmHWM:").trim();
        let _ = writeln!(std::io::stderr(), "first frame: peak_rss={kb}");
    }
}
