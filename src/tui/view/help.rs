//! The help overlay, generated from the keymap so that it always says what the keys do.

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::common::{self, fit, pad};
use crate::tui::action::Action;
use crate::tui::app::App;

fn help_lines(app: &App, columns: usize) -> Vec<Line<'static>> {
    let theme = &app.settings.theme;
    let rows = app.settings.keymap.help_rows();
    let key_width = rows
        .iter()
        .map(|(keys, _)| common::width(keys))
        .max()
        .unwrap_or(0)
        .min(columns / 2);
    let description_width = columns.saturating_sub(key_width + 2);
    let mut lines: Vec<Line<'static>> = rows
        .into_iter()
        .map(|(keys, action)| {
            Line::from(vec![
                Span::styled(pad(&keys, key_width), theme.key),
                Span::raw("  "),
                Span::raw(fit(action.description(), description_width)),
            ])
        })
        .collect();
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
            Span::styled(pad(what, key_width), theme.key),
            Span::raw("  "),
            Span::raw(fit(action.description(), description_width)),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        fit(
            "Keys and colours can be changed in ~/.config/rungs/config.toml",
            columns,
        ),
        theme.muted,
    ));
    lines
}

/// The overlay's box: centred, as large as its text up to the screen.
fn overlay_area(app: &App, area: Rect) -> (Rect, usize) {
    let width = area.width.saturating_sub(4).min(76);
    let inner_columns = usize::from(width.saturating_sub(4));
    let wanted = u16::try_from(help_lines(app, inner_columns).len())
        .unwrap_or(u16::MAX)
        .saturating_add(2);
    let height = wanted.min(area.height.saturating_sub(2));
    let x = area.x + (area.width.saturating_sub(width)) / 2;
    let y = area.y + (area.height.saturating_sub(height)) / 2;
    (Rect::new(x, y, width, height), inner_columns)
}

pub fn max_scroll(app: &App) -> usize {
    let area = Rect::new(0, 0, app.size.0, app.size.1);
    let (rect, columns) = overlay_area(app, area);
    help_lines(app, columns)
        .len()
        .saturating_sub(usize::from(rect.height.saturating_sub(2)))
}

pub fn draw(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let (rect, columns) = overlay_area(app, area);
    frame.render_widget(Clear, rect);
    let block = common::pane("Help: keys", true, app);
    frame.render_widget(block, rect);
    let inner = Block::bordered().inner(rect).inner(Margin::new(1, 0));
    let lines: Vec<Line<'static>> = help_lines(app, columns)
        .into_iter()
        .skip(app.help_scroll)
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
