//! `draw_first_frame` leaves the backend and the terminal as `Terminal::draw` does,
//! so that later frames (diffed by ratatui) send the same cells.

mod common;

use std::io::{self, Write};

use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, TestBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Rect, Size};
use ratatui::{TerminalOptions, Viewport};
use rungs::tui::action::Action;
use rungs::tui::app::App;
use rungs::tui::backend::{FastBackend, FirstFrame};
use rungs::tui::view;

/// A test backend that logs every call it gets, cells included.
struct Recorder {
    inner: TestBackend,
    log: Vec<String>,
}

impl Backend for Recorder {
    type Error = core::convert::Infallible;
    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let cells: Vec<(u16, u16, &Cell)> = content.collect();
        for (x, y, c) in &cells {
            self.log.push(format!("cell {x},{y} {:?}", c));
        }
        self.inner.draw(cells.into_iter())
    }
    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.log.push("hide".into());
        self.inner.hide_cursor()
    }
    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.log.push("show".into());
        self.inner.show_cursor()
    }
    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }
    fn set_cursor_position<P: Into<Position>>(&mut self, p: P) -> Result<(), Self::Error> {
        let p = p.into();
        self.log.push(format!("cursor {p:?}"));
        self.inner.set_cursor_position(p)
    }
    fn clear(&mut self) -> Result<(), Self::Error> {
        self.log.push("clear".into());
        self.inner.clear()
    }
    fn clear_region(&mut self, t: ClearType) -> Result<(), Self::Error> {
        self.log.push(format!("clear {t:?}"));
        self.inner.clear_region(t)
    }
    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }
    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }
    fn flush(&mut self) -> Result<(), Self::Error> {
        self.log.push("flush".into());
        self.inner.flush()
    }
    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.inner.append_lines(n)
    }
}

impl FirstFrame for Recorder {}

fn recorder(w: u16, h: u16) -> Terminal<Recorder> {
    Terminal::new(Recorder {
        inner: TestBackend::new(w, h),
        log: Vec::new(),
    })
    .expect("terminal")
}

/// Both ways: (a) first frame by `Terminal::draw`, (b) by `draw_first_frame`; then `then`
/// frames drawn by `Terminal::draw` after each action. Returns both logs and buffers.
fn both_ways(
    make: impl Fn() -> App,
    size: (u16, u16),
    resize_to: Option<(u16, u16)>,
    then: &[Action],
) {
    let run = |first_direct: bool| {
        let mut app = make();
        let mut terminal = recorder(size.0, size.1);
        if let Some((w, h)) = resize_to {
            terminal.backend_mut().inner.resize(w, h);
            app.update(Action::Resize(w, h));
        }
        if first_direct {
            rungs::tui::draw_first_frame(&mut terminal, &mut app).expect("drawn");
        } else {
            terminal.draw(|f| view::draw(f, &app)).expect("drawn");
        }
        terminal
            .backend_mut()
            .log
            .push("-- first frame done".into());
        for action in then {
            app.update(*action);
            terminal.draw(|f| view::draw(f, &app)).expect("drawn");
            terminal
                .backend_mut()
                .log
                .push(format!("-- after {action:?}"));
        }
        let backend = terminal.backend();
        (
            backend.log.clone(),
            backend.inner.buffer().clone(),
            backend.inner.cursor_visible(),
            backend.inner.cursor_position(),
        )
    };
    let (drawn, first) = (run(false), run(true));
    assert_eq!(first.1, drawn.1, "final screen");
    assert_eq!((first.2, first.3), (drawn.2, drawn.3), "cursor");
    for (i, (a, b)) in first.0.iter().zip(drawn.0.iter()).enumerate() {
        assert_eq!(a, b, "call {i} of the log");
    }
    assert_eq!(first.0.len(), drawn.0.len(), "log lengths");
}

#[test]
fn later_frames_send_what_they_send_after_a_drawn_first_frame() {
    for (w, h) in [(80, 24), (120, 40)] {
        both_ways(
            || common::app(w, h, false),
            (w, h),
            None,
            &[
                Action::Down,
                Action::Down,
                Action::FocusNext,
                Action::Search,
            ],
        );
    }
}

#[test]
fn a_search_field_first_then_closed() {
    let make = || {
        let mut app = common::app(100, 30, false);
        app.update(Action::Search);
        common::press(&mut app, "direc");
        app
    };
    both_ways(make, (100, 30), None, &[Action::Back, Action::Down]);
}

#[test]
fn a_terminal_resized_before_the_first_frame() {
    both_ways(
        || common::app(80, 24, false),
        (80, 24),
        Some((120, 40)),
        &[Action::Down],
    );
    both_ways(
        || common::app(120, 40, false),
        (120, 40),
        Some((90, 30)),
        &[Action::Down],
    );
}

#[test]
fn a_first_screen_too_small_then_grown() {
    let make = || common::app(30, 8, false);
    let run = |first_direct: bool| {
        let mut app = make();
        let mut terminal = recorder(30, 8);
        if first_direct {
            rungs::tui::draw_first_frame(&mut terminal, &mut app).expect("drawn");
        } else {
            terminal.draw(|f| view::draw(f, &app)).expect("drawn");
        }
        terminal.backend_mut().inner.resize(100, 30);
        app.update(Action::Resize(100, 30));
        terminal.draw(|f| view::draw(f, &app)).expect("drawn");
        (
            terminal.backend().log.clone(),
            terminal.backend().inner.buffer().clone(),
        )
    };
    assert_eq!(run(true), run(false));
}

struct Failing;
impl Write for Failing {
    fn write(&mut self, _: &[u8]) -> io::Result<usize> {
        Err(io::Error::other("no terminal"))
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_write_error_leaves_the_frame_in_the_terminal() {
    let area = Rect::new(0, 0, 80, 24);
    let mut terminal = Terminal::with_options(
        FastBackend::new(Failing),
        TerminalOptions {
            viewport: Viewport::Fixed(area),
        },
    )
    .expect("terminal");
    let mut app = common::app(80, 24, false);
    assert!(rungs::tui::draw_first_frame(&mut terminal, &mut app).is_err());
    assert_eq!(terminal.current_buffer_mut().area, area);
    assert!(
        terminal
            .current_buffer_mut()
            .content
            .iter()
            .any(|c| c.symbol() != " "),
        "the drawn frame is kept"
    );
}
