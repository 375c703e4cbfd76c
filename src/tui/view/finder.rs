//! The search and picker overlay: a query field, a status line and the ranked results, each
//! row showing what the entry is, its text with the matched characters marked, and its level.

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear};

use super::common::{self, fit, one_line, pad};
use crate::search::{EntryKind, Ranked, snippet};
use crate::tui::app::App;
use crate::tui::finder::FinderMode;
use crate::tui::screens::Overlay;

/// The widest kind label, so the text column starts at the same place on every row.
fn kind_width() -> usize {
    EntryKind::ALL
        .iter()
        .map(|k| common::width(k.label()))
        .max()
        .unwrap_or(0)
}

/// The overlay's box and the three parts inside it: query line, status line, result rows.
struct Parts {
    frame: Rect,
    query: Rect,
    status: Rect,
    list: Rect,
}

fn parts(area: Rect) -> Parts {
    let width = area.width.saturating_sub(4).min(110);
    let height = area.height.saturating_sub(2);
    let x = area.x + area.width.saturating_sub(width) / 2;
    let y = area.y + area.height.saturating_sub(height) / 2;
    let frame = Rect::new(x, y, width, height);
    let inner = Block::bordered().inner(frame).inner(Margin::new(1, 0));
    let row = |offset: u16| {
        let top = inner.y.saturating_add(offset).min(inner.bottom());
        Rect::new(inner.x, top, inner.width, u16::from(top < inner.bottom()))
    };
    let query = row(0);
    let status = row(1);
    let list_top = inner.y.saturating_add(2).min(inner.bottom());
    let list = Rect::new(
        inner.x,
        list_top,
        inner.width,
        inner.bottom().saturating_sub(list_top),
    );
    Parts {
        frame,
        query,
        status,
        list,
    }
}

pub fn draw(frame: &mut Frame<'_>, app: &App, overlay: &Overlay, area: Rect) {
    let theme = &app.settings.theme;
    let parts = parts(area);
    let title = match overlay {
        Overlay::Picker { purpose } => purpose.title(),
        _ => "Search",
    };
    frame.render_widget(Clear, parts.frame);
    common::draw_pane(frame, title, true, app, parts.frame);

    let prompt = "/ ";
    let field = Rect {
        x: parts.query.x.saturating_add(2).min(parts.query.right()),
        width: parts.query.width.saturating_sub(2),
        ..parts.query
    };
    frame.render_widget(Span::styled(prompt, theme.key), parts.query);
    let (text, _) = app
        .finder
        .input
        .visible(usize::from(field.width), Style::new());
    frame.render_widget(text, field);
    if let Some(cursor) = app.finder.input.cursor_position(field) {
        common::place_cursor(frame, app, cursor);
    }

    let rows = app.finder.rows();
    let noun = match app.finder.mode {
        Some(FinderMode::Levels) => "levels",
        _ => "matches",
    };
    let status = if app.finder.index().is_none() {
        "indexing…".to_owned()
    } else if !app.finder.is_current() {
        "searching…".to_owned()
    } else if rows.is_empty() {
        format!("no {noun} for “{}”", one_line(app.finder.answered_query()))
    } else {
        format!("{} {noun}", rows.len())
    };
    frame.render_widget(
        Line::styled(fit(&status, usize::from(parts.status.width)), theme.muted),
        parts.status,
    );

    let height = usize::from(parts.list.height);
    let offset = app.finder.offset();
    let first = app
        .finder
        .list
        .follow(parts.list, rows.len() + offset, app.finder.selected);
    let columns = usize::from(parts.list.width);
    // Only the rows on screen are laid out: finding a row's matched characters has a cost.
    let lines: Vec<Line<'static>> = (first..rows.len() + offset)
        .take(height)
        .filter_map(|row| {
            let selected = row == app.finder.selected;
            match row.checked_sub(offset) {
                None => Some(you_line(app, selected, columns)),
                Some(i) => rows
                    .get(i)
                    .map(|ranked| result_line(app, ranked, selected, columns)),
            }
        })
        .collect();
    common::draw_lines(frame, parts.list, lines);
}

/// The compare picker's first row: you, by your ratings, as side A against B.
fn you_line(app: &App, selected: bool, columns: usize) -> Line<'static> {
    let text = format!(
        "{}You: your ratings against B, your gaps first",
        if selected { "▶ " } else { "  " }
    );
    let line = Line::styled(pad(&text, columns), app.settings.theme.heading);
    if selected {
        line.style(common::row_style(app, true, true))
    } else {
        line
    }
}

/// `▶ skill          Financial acumen             Director`, exactly `columns` wide.
fn result_line(app: &App, ranked: &Ranked, selected: bool, columns: usize) -> Line<'static> {
    let theme = &app.settings.theme;
    let Some(index) = app.finder.index() else {
        return Line::raw("");
    };
    let hit = app.finder.hit(index, ranked);
    let available = columns.saturating_sub(2);
    // The picker lists levels only: a kind column would say "level" on every row.
    let picking = app.finder.mode == Some(FinderMode::Levels);
    let kind_width = if picking {
        0
    } else {
        kind_width().min(available / 4)
    };
    let level_width = (available / 3).min(32);
    let text_width = available.saturating_sub(kind_width + level_width + 2);

    let level = app.ladder.levels().get(hit.entry.level);
    let where_label = match level {
        // The level's own title is the text already (and the picker lists levels only):
        // say where it sits instead.
        Some(level) if picking || hit.entry.kind == EntryKind::Level => {
            let (track, rung, _) = common::track_and_rung(app, level);
            // Your current (◆) and target (◎) levels, marked where a level is listed.
            let words = super::you::mark_words(app, &level.id);
            if words.is_empty() {
                format!("{track} · rung {rung}")
            } else {
                format!(
                    "{}{words} · {track} · rung {rung}",
                    super::you::marks(app, &level.id)
                )
            }
        }
        Some(level) => one_line(&level.title),
        // A skill no level expects lives in the catalogue, where Enter opens it.
        None => "catalogue".to_owned(),
    };

    let mark = if selected {
        // Over the selection's background a colour may not read; bold and underline do.
        Style::new()
            .add_modifier(theme.matched.add_modifier)
            .add_modifier(Modifier::UNDERLINED)
    } else {
        theme.matched
    };
    let mut spans = vec![Span::raw(if selected { "▶ " } else { "  " })];
    if kind_width > 0 {
        spans.push(Span::styled(
            pad(hit.entry.kind.label(), kind_width),
            theme.muted,
        ));
    }
    spans.push(Span::raw(" "));
    let (shown, marked) = snippet(hit.text, &hit.indices, text_width);
    let mut used = 0;
    let mut plain = String::new();
    for (position, c) in shown.chars().enumerate() {
        if marked.binary_search(&position).is_ok() {
            if !plain.is_empty() {
                spans.push(Span::raw(std::mem::take(&mut plain)));
            }
            spans.push(Span::styled(c.to_string(), mark));
        } else {
            plain.push(c);
        }
        used += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
    }
    plain.push_str(&" ".repeat(text_width.saturating_sub(used)));
    spans.push(Span::raw(plain));
    spans.push(Span::raw(" "));
    spans.push(Span::styled(pad(&where_label, level_width), theme.muted));
    let line = Line::from(spans);
    if selected {
        line.style(common::row_style(app, true, true))
    } else {
        line
    }
}
