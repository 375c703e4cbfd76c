//! The help overlay, generated from the screens' command lists and the keymap, so it always
//! says what the keys do: the screen it was opened on first, then the keys that work
//! everywhere, then the other screens. It scrolls, with a scrollbar and a `↓ more` mark while
//! there is more below. Also the status line's message history, drawn the same way.

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear};

use super::common::{self, fit, pad};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{Command, global_commands, screen_commands};
use crate::tui::screens::ScreenKind;
use crate::tui::widgets::scroll::Scroll;

/// A group of the help: a heading and its rows (keys, what they do).
fn group(
    app: &App,
    title: &str,
    screen: ScreenKind,
    commands: &[Command],
    columns: usize,
    lines: &mut Vec<Line<'static>>,
) {
    let theme = &app.settings.theme;
    let keymap = &app.settings.keymap;
    let rows: Vec<(String, String)> = commands
        .iter()
        .map(|command| {
            let keys: Vec<String> = command
                .actions
                .iter()
                .map(|&a| keymap.label_for(a, screen, usize::MAX))
                .filter(|k| !k.is_empty())
                .collect();
            let what = if command.actions.len() == 1 {
                command.actions[0].description().to_owned()
            } else {
                let first = command.actions[0].description();
                format!("{} ({} …)", command.hint, first)
            };
            (keys.join("  "), what)
        })
        .filter(|(keys, _)| !keys.is_empty())
        .collect();
    if rows.is_empty() {
        return;
    }
    if !lines.is_empty() {
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled(fit(title, columns), theme.heading));
    let key_width = rows
        .iter()
        .map(|(keys, _)| common::width(keys))
        .max()
        .unwrap_or(0)
        .min(columns / 2);
    let description_width = columns.saturating_sub(key_width + 2);
    for (keys, what) in rows {
        lines.push(Line::from(vec![
            Span::styled(pad(&keys, key_width), theme.key),
            Span::raw("  "),
            Span::raw(fit(&what, description_width)),
        ]));
    }
}

/// Every line of the help for `screen`, wrapped to `columns`.
pub fn help_lines(app: &App, screen: ScreenKind, columns: usize) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    // One row per action in the help, so each says what it does in full.
    let expand = |commands: Vec<Command>| -> Vec<Command> {
        commands
            .into_iter()
            .flat_map(|c| {
                c.actions
                    .iter()
                    .map(|&a| Command {
                        actions: vec![a],
                        hint: c.hint,
                        applies: c.applies,
                    })
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    let own = expand(screen_commands(app, screen));
    group(
        app,
        &format!("{} screen", screen.title()),
        screen,
        &own,
        columns,
        &mut lines,
    );
    let everywhere: Vec<Command> = expand(global_commands())
        .into_iter()
        .filter(|g| !own.iter().any(|c| c.actions == g.actions))
        .collect();
    group(app, "Everywhere", screen, &everywhere, columns, &mut lines);
    let theme = &app.settings.theme;
    lines.push(Line::raw(""));
    lines.push(Line::styled(fit("Mouse", columns), theme.heading));
    for (what, action) in [
        ("click", Action::Click(0, 0)),
        (
            "wheel",
            Action::Wheel {
                column: 0,
                row: 0,
                up: true,
            },
        ),
    ] {
        lines.push(Line::from(vec![
            Span::styled(pad(what, 6), theme.key),
            Span::raw("  "),
            Span::raw(fit(action.description(), columns.saturating_sub(8))),
        ]));
    }
    for other in ScreenKind::ALL.into_iter().filter(|s| *s != screen) {
        let commands = expand(screen_commands(app, other));
        group(
            app,
            &format!("{} screen", other.title()),
            other,
            &commands,
            columns,
            &mut lines,
        );
    }
    lines.push(Line::raw(""));
    lines.extend(
        common::wrap(
            "Keys and colours can be changed in ~/.config/rungs/config.toml, per screen \
             ([keys.level], [keys.compare] …) or everywhere ([keys.global]).",
            columns,
            "",
        )
        .into_iter()
        .map(|l| Line::styled(l, theme.muted)),
    );
    lines
}

/// Draws `lines` in a scrolling box titled `title`, with a `↓ more` mark on the bottom
/// border while there is more below.
fn draw_box(
    frame: &mut Frame<'_>,
    app: &App,
    title: &str,
    lines: Vec<Line<'static>>,
    scroll: &Scroll,
    rect: Rect,
) {
    frame.render_widget(Clear, rect);
    let total = lines.len();
    let inner = Block::bordered().inner(rect).inner(Margin::new(1, 0));
    let first = scroll.show_page(inner, total);
    let more = first + usize::from(inner.height) < total;
    let mut block = common::pane(title, true, app);
    if more {
        block =
            block.title_bottom(Line::styled(" ↓ more ", app.settings.theme.key).right_aligned());
    }
    if first > 0 {
        block = block.title_top(Line::styled(" ↑ ", app.settings.theme.key).right_aligned());
    }
    frame.render_widget(block, rect);
    common::show_lines(frame, app, lines, scroll, rect, inner);
}

pub fn draw(frame: &mut Frame<'_>, app: &App, screen: ScreenKind, scroll: &Scroll, area: Rect) {
    let columns = usize::from(area.width.saturating_sub(4).min(80).saturating_sub(5));
    let lines = help_lines(app, screen, columns);
    let rect = common::centred_box(area, lines.len());
    draw_box(frame, app, "Help: keys", lines, scroll, rect);
}

/// The last messages of the status line, newest at the bottom.
pub fn draw_messages(frame: &mut Frame<'_>, app: &App, scroll: &Scroll, area: Rect) {
    let theme = &app.settings.theme;
    let columns = usize::from(area.width.saturating_sub(4).min(80).saturating_sub(5));
    let mut lines: Vec<Line<'static>> = Vec::new();
    for message in app.status.history() {
        let style = if message.is_error {
            theme.error
        } else {
            ratatui::style::Style::new()
        };
        lines.extend(
            common::wrap(&message.text, columns, "")
                .into_iter()
                .map(|l| Line::styled(l, style)),
        );
    }
    if lines.is_empty() {
        lines.push(Line::styled("No messages yet.", theme.muted));
    }
    let rect = common::centred_box(area, lines.len());
    // Newest last: open at the bottom.
    if scroll.seen().is_none() {
        scroll.place(usize::MAX);
    }
    draw_box(frame, app, "Messages", lines, scroll, rect);
}
