//! The explorer: a full-screen terminal app over the ladder.
//!
//! This file owns the terminal: it checks there is one, sets it up, runs the loop (draw, read
//! every event that is waiting, turn each into an [`Action`], update, draw once) and always
//! gives the terminal back: on quit, on error, on panic and on SIGTERM, SIGHUP, SIGINT and
//! SIGQUIT. Everything else is in `app` (state), `view` (drawing) and `keymap`.
//!
//! A known limit of crossterm 0.29's input parser: once the bytes `ESC [ <` (the start of an
//! SGR mouse report) arrive in one read, it keeps every later byte until an `m` or `M` ends
//! the supposed report, so keys typed meanwhile are lost (`ESC [ ?` waits for `u` or `c` the
//! same way; crossterm issue #1104). Its buffer is private, so rungs cannot reset it: a mouse
//! click or an `m` clears it, and the signals above still restore the terminal and exit.

pub mod action;
pub mod app;
pub mod backend;
pub mod catalogue;
pub mod config;
pub mod family;
pub mod family_picker;
pub mod finder;
pub mod keymap;
pub mod plan_screen;
pub mod rating;
pub mod resume;
pub mod screens;
pub mod status;
pub mod theme;
pub mod view;
pub mod widgets;
pub mod you;
pub mod you_screen;

use std::io::{BufWriter, IsTerminal, Stdout, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use ratatui::Terminal;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyCode, KeyEventKind, KeyModifiers,
    MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;

use crate::exit::Exit;
use crate::ladder::{Ladder, Problem};
use action::Action;
use app::App;
use backend::FastBackend;
use config::Settings;
use plan_screen::PlanState;
use screens::ScreenKind;
use widgets::text_input::TextEdit;

/// Set to `1` to quit right after the first frame is drawn (for start-up measurements); set to
/// `stats` to also print the peak resident memory at that point on stderr.
pub const EXIT_AFTER_FIRST_FRAME: &str = "RUNGS_EXIT_AFTER_FIRST_FRAME";

/// Turns a terminal event into an action, if it asks for one, with the keys of `screen`. Only
/// key presses count: some terminals (Windows) also report releases and repeats.
pub fn action_for_event(settings: &Settings, event: &Event, screen: ScreenKind) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => {
            settings.keymap.action_for(key, screen)
        }
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
                .or_else(|| app.settings.keymap.action_for(key, app.screen_kind()))
        }
        _ => action_for_event(&app.settings, event, app.screen_kind()),
    }
}

/// How long the loop waits for a key while a search answer is outstanding before it looks
/// for the answer again: about one frame.
const SEARCH_POLL: Duration = Duration::from_millis(16);

/// How long a save from the explorer waits for another rungs's save to end: a save takes
/// milliseconds, so a key pressed while a script saves still lands, and a plan held longer
/// (a stuck process) is reported busy before the frame feels frozen.
const EXPLORER_LOCK_WAIT: Duration = Duration::from_millis(500);

/// The plan the explorer opens: `--plan FILE` / `RUNGS_PLAN`, else the default path. A file
/// that cannot be read as a plan opens read-only, with the reason to show.
pub fn open_plan(given: Option<&Path>) -> PlanState {
    match crate::plan::resolve_path(given) {
        Ok(path) => {
            let (store, error) = crate::plan::PlanStore::open_or_read_only(path);
            PlanState::with_store(store.with_lock_wait(EXPLORER_LOCK_WAIT), error.as_ref())
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
    /// The check-in file given with `--checkin` cannot be read as a plan (located).
    Checkin(crate::plan::PlanError),
    /// A stop signal (SIGTERM, SIGHUP, SIGINT, SIGQUIT) ended the explorer; the terminal was
    /// restored. `draft` says where a note or evidence being typed was kept, or why it could not be.
    Stopped {
        signal: i32,
        draft: Option<Result<PathBuf, String>>,
    },
}

impl TuiError {
    pub fn exit(&self) -> Exit {
        match self {
            TuiError::Content(_) | TuiError::Config(_) | TuiError::Checkin(_) => Exit::BadInput,
            TuiError::NoTerminal | TuiError::Terminal(_) => Exit::Terminal,
            TuiError::Stopped { signal, .. } => Exit::Signal(u8::try_from(*signal).unwrap_or(0)),
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
            TuiError::Checkin(error @ crate::plan::PlanError::Invalid(_)) => write!(
                f,
                "{error}\nrungs: the check-in file cannot be read as a plan; nothing was written"
            ),
            TuiError::Checkin(error) => write!(f, "rungs: {error}; nothing was written"),
            TuiError::Terminal(error) => write!(f, "rungs: terminal error: {error}"),
            TuiError::Stopped { signal, draft } => {
                let name = signal_name(*signal);
                match draft {
                    Some(Ok(path)) => write!(
                        f,
                        "rungs: stopped by {name}; what you were typing was kept in {}",
                        crate::text::escape_control(&path.display().to_string())
                    ),
                    Some(Err(why)) => write!(
                        f,
                        "rungs: stopped by {name}; what you were typing could not be kept: \
                         {why}"
                    ),
                    None => write!(f, "rungs: stopped by {name}"),
                }
            }
        }
    }
}

impl std::error::Error for TuiError {}

/// Opens the explorer, with the plan at `plan` (or the default path), in colour or not (as
/// `--color` and NO_COLOR decide); with `checkin`, on the plan screen showing that check-in.
pub fn run(
    content: Option<&Path>,
    plan: Option<&Path>,
    colour: bool,
    checkin: Option<&Path>,
) -> Result<(), TuiError> {
    // Bad input first, before anything about the terminal: the file is only read.
    let checkin = checkin
        .map(|path| crate::plan::read_checkin_file(path).map(|theirs| (path.to_path_buf(), theirs)))
        .transpose()
        .map_err(TuiError::Checkin)?;
    // ratatui's init neither checks for a terminal nor copes without one.
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(TuiError::NoTerminal);
    }
    let ladder = Ladder::load(content).map_err(TuiError::Content)?;
    let plan = open_plan(plan);
    let no_color = !colour;
    let settings =
        Settings::load(no_color, config::config_path().as_deref()).map_err(TuiError::Config)?;

    // Registered before the terminal changes: from here on these signals set a flag the loop
    // reads, instead of killing rungs with the terminal in raw mode.
    let stop = StopSignals::register().map_err(TuiError::Terminal)?;

    // Restores the terminal (as ratatui's `init` hook does) and turns mouse capture off
    // before the previous hook prints the panic.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(std::io::stdout(), DisableMouseCapture);
        restore_terminal();
        previous(info);
    }));
    // What `ratatui::try_init` does, but with one `Terminal` whose output is gathered so that a
    // frame reaches the terminal in one write (stdout's own buffer sends a full screen in
    // kilobyte pieces); making a second terminal cost two more screen buffers at start-up.
    let mut terminal = enter_terminal().map_err(|e| {
        restore_terminal();
        TuiError::Terminal(e)
    })?;
    // Where the person stands: the plan's current level, else the last level viewed.
    let state = resume::last_level_path();
    let current = plan
        .plan()
        .and_then(|p| p.current.clone())
        .filter(|id| ladder.level(id).is_some());
    let mut app = App::new(ladder, settings, (80, 24)).with_plan(plan);
    if let Some(id) = resume::opening_level(current, state.as_deref()) {
        app = app.starting_at(&id);
    }
    if let Some((path, theirs)) = checkin {
        app.open_checkin(path, theirs);
    }
    let result = MouseCapture::enable().and_then(|guard| {
        let result = event_loop(&mut terminal, &mut app, &stop);
        drop(guard);
        result
    });
    restore_terminal();
    // Losing the place is not worth an error: the next start opens on the first rung.
    if let (Some(path), Some(level)) = (state, app.level()) {
        let _ = resume::write_last_level(&path, &level.id);
    }
    // The process ends right after this: freeing a large ladder string by string (100,000
    // skill references in a big folder) would only delay the exit, so the ladder is left to
    // the system. Everything else the app holds (the plan's lock, files) is dropped as usual.
    std::mem::forget(Arc::clone(&app.ladder));
    match result.map_err(TuiError::Terminal)? {
        End::Quit => Ok(()),
        End::FirstFrame { report_memory } => {
            if report_memory {
                report_first_frame_memory();
            }
            Ok(())
        }
        End::Signal(signal) => Err(TuiError::Stopped {
            signal,
            draft: keep_note_draft(&app, signal_name(signal)).map(|r| r.map_err(|e| e.to_string())),
        }),
    }
}

/// Leaves raw mode and the alternate screen. A terminal that has gone away cannot be
/// restored, nor told so: the message is written where possible and never panics (ratatui's
/// `restore` prints with `eprintln!`, which panics when standard error is a hung-up terminal).
fn restore_terminal() {
    if let Err(error) = ratatui::try_restore() {
        let _ = writeln!(
            std::io::stderr(),
            "rungs: could not restore the terminal: {error}"
        );
    }
}

/// Raw mode, the alternate screen, and the terminal to draw on.
fn enter_terminal() -> std::io::Result<Screen> {
    ratatui::crossterm::terminal::enable_raw_mode()?;
    execute!(
        std::io::stdout(),
        ratatui::crossterm::terminal::EnterAlternateScreen
    )?;
    Terminal::new(FastBackend::new(BufWriter::with_capacity(
        FRAME_BUFFER,
        std::io::stdout(),
    )))
}

/// Enough for a full 200×60 frame with its colours.
const FRAME_BUFFER: usize = 256 * 1024;

/// The terminal the explorer draws on: stdout behind a buffer that `draw` flushes.
type Screen = Terminal<FastBackend<BufWriter<Stdout>>>;

/// Why the loop ended.
enum End {
    Quit,
    FirstFrame { report_memory: bool },
    Signal(i32),
}

/// SIGTERM, SIGHUP, SIGINT and SIGQUIT, caught: the last one to arrive, or 0.
struct StopSignals(Arc<AtomicUsize>);

#[cfg(unix)]
const STOP_SIGNALS: [i32; 4] = [
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
    signal_hook::consts::SIGQUIT,
];
#[cfg(not(unix))]
const STOP_SIGNALS: [i32; 2] = [signal_hook::consts::SIGTERM, signal_hook::consts::SIGINT];

impl StopSignals {
    fn register() -> std::io::Result<StopSignals> {
        let caught = Arc::new(AtomicUsize::new(0));
        for signal in STOP_SIGNALS {
            signal_hook::flag::register_usize(signal, Arc::clone(&caught), signal as usize)?;
        }
        Ok(StopSignals(caught))
    }

    /// How the loop ends when the terminal has gone away: as on the stop signal caught if
    /// one was, else as on SIGHUP, which the kernel sends when it hangs a terminal up.
    fn on_hang_up(&self) -> End {
        #[cfg(unix)]
        let hang_up = signal_hook::consts::SIGHUP;
        #[cfg(not(unix))]
        let hang_up = signal_hook::consts::SIGTERM;
        End::Signal(self.caught().unwrap_or(hang_up))
    }

    fn caught(&self) -> Option<i32> {
        match self.0.load(Ordering::SeqCst) {
            0 => None,
            signal => i32::try_from(signal).ok(),
        }
    }
}

fn signal_name(signal: i32) -> &'static str {
    match signal {
        signal_hook::consts::SIGTERM => "SIGTERM",
        signal_hook::consts::SIGINT => "SIGINT",
        #[cfg(unix)]
        signal_hook::consts::SIGHUP => "SIGHUP",
        #[cfg(unix)]
        signal_hook::consts::SIGQUIT => "SIGQUIT",
        _ => "a signal",
    }
}

/// Writes the note or evidence being typed, if any, to `NAME.draft.toml` beside the plan, so a
/// signal does not lose it. `None` when there was nothing to keep (or no plan file to put it
/// beside).
fn keep_note_draft(app: &App, signal: &str) -> Option<std::io::Result<PathBuf>> {
    let unsaved = app.unsaved()?;
    let plan_path = app.plan.path()?;
    let stem = plan_path
        .file_stem()
        .map_or_else(|| "plan".into(), |s| s.to_string_lossy().into_owned());
    let path = plan_path.with_file_name(format!("{stem}.draft.toml"));
    let text = format!(
        "# A {} you were typing in rungs when it was stopped by {signal}; it is not in your \
         plan.\n# Put it there with `{}`, then delete this file.\n{}",
        unsaved.what,
        unsaved.put_back,
        toml::to_string(&unsaved.fields).unwrap_or_default()
    );
    Some(write_private(&path, text.as_bytes()).map(|()| path))
}

/// Creates (or replaces) a file readable by its owner alone.
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)?.write_all(bytes)
}

/// How often the loop looks for a caught signal while it waits for input.
const SIGNAL_CHECK: Duration = Duration::from_millis(100);

/// At most this many waiting events are handled before the next frame is drawn, so that a
/// flood of input still shows progress.
const EVENTS_PER_FRAME: usize = 4096;

/// Runs until the person quits, a stop signal arrives or the terminal goes away. Reading or
/// drawing fails once the terminal is hung up (a window closed, a connection dropped): that
/// ends the loop as the hang-up signal does, so the note being typed is kept.
fn event_loop(terminal: &mut Screen, app: &mut App, stop: &StopSignals) -> std::io::Result<End> {
    match run_loop(terminal, app, stop) {
        Err(_) if stop.caught().is_some() || terminal_is_gone() => Ok(stop.on_hang_up()),
        ended => ended,
    }
}

/// Whether the terminal has been hung up: it no longer answers for its size.
fn terminal_is_gone() -> bool {
    ratatui::crossterm::terminal::window_size().is_err()
}

fn run_loop(terminal: &mut Screen, app: &mut App, stop: &StopSignals) -> std::io::Result<End> {
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    let exit_after_first = std::env::var(EXIT_AFTER_FIRST_FRAME).ok();
    draw_first_frame(terminal, app)?;
    loop {
        if let Some(mode) = &exit_after_first {
            return Ok(End::FirstFrame {
                report_memory: mode == "stats",
            });
        }
        // Wait for input, a signal, or (while a search answer is due) the next frame.
        loop {
            if let Some(signal) = stop.caught() {
                return Ok(End::Signal(signal));
            }
            let wait = if app.search_pending() {
                SEARCH_POLL
            } else {
                SIGNAL_CHECK
            };
            if event::poll(wait)? || app.search_pending() {
                break;
            }
            // A terminal hung up with no SIGHUP for rungs (another process leads its
            // session) reads as "nothing yet" for ever: look for it once per wait.
            if terminal_is_gone() {
                return Ok(stop.on_hang_up());
            }
        }
        if handle_events(app, drain_events()?) {
            return Ok(End::Quit);
        }
        app.poll_search();
        terminal.draw(|frame| view::draw(frame, app))?;
    }
}

/// The first frame, drawn as `Terminal::draw` does but sent without ratatui's diff: the
/// screen behind it is blank, so [`backend::over_blank`] gives the same cells for a fraction
/// of the work (the diff was a fifth of the explorer's start-up). ratatui's frame count and
/// last cursor position are left as they were: only inline viewports and `Frame::count` read
/// them, and the explorer uses neither.
pub fn draw_first_frame<B: backend::FirstFrame>(
    terminal: &mut Terminal<B>,
    app: &mut App,
) -> Result<(), B::Error> {
    app.poll_search();
    terminal.autoresize()?;
    view::draw(&mut terminal.get_frame(), app);
    let frame = std::mem::take(terminal.current_buffer_mut());
    let sent = terminal.backend_mut().draw_over_blank(&frame);
    *terminal.current_buffer_mut() = frame;
    sent?;
    match app.cursor.get() {
        None => terminal.hide_cursor()?,
        Some(position) => {
            terminal.show_cursor()?;
            terminal.set_cursor_position(position)?;
        }
    }
    terminal.swap_buffers();
    terminal.backend_mut().flush()
}

/// Every event that is waiting now (up to [`EVENTS_PER_FRAME`]): a held key or a burst of
/// resizes is handled in one go and drawn once.
fn drain_events() -> std::io::Result<Vec<Event>> {
    let mut events = Vec::new();
    while events.len() < EVENTS_PER_FRAME && event::poll(Duration::ZERO)? {
        events.push(event::read()?);
    }
    Ok(events)
}

/// Ctrl-C quits whatever else is waiting and whatever has focus.
fn is_ctrl_c(event: &Event) -> bool {
    matches!(event, Event::Key(key) if key.kind == KeyEventKind::Press
        && key.modifiers.contains(KeyModifiers::CONTROL)
        && matches!(key.code, KeyCode::Char('c' | 'C')))
}

/// Applies `events` in order; of consecutive resizes only the last counts. Returns whether
/// one of them quit. A Ctrl-C anywhere among them quits before any is handled.
pub fn handle_events(app: &mut App, events: Vec<Event>) -> bool {
    if events.iter().any(is_ctrl_c) {
        return true;
    }
    let mut resize = None;
    for event in events {
        if let Event::Resize(columns, rows) = event {
            resize = Some(Action::Resize(columns, rows));
            continue;
        }
        let Some(action) = action_for_app_event(app, &event) else {
            continue;
        };
        if let Some(resize) = resize.take() {
            app.update(resize);
        }
        app.update(action);
        if app.should_quit {
            return true;
        }
    }
    if let Some(resize) = resize {
        app.update(resize);
    }
    false
}

/// Writes the peak resident memory so far to stderr (Linux only; elsewhere nothing).
fn report_first_frame_memory() {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    if let Some(line) = status.lines().find(|l| l.starts_with("VmHWM:")) {
        let kb = line.trim_start_matches("VmHWM:").trim();
        let _ = writeln!(std::io::stderr(), "first frame: peak_rss={kb}");
    }
}
