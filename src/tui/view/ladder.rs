//! The ladder screen: every track as a column, top rung at the top, the selected level and its
//! equivalents in other tracks marked; below, a preview of the selected level.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::Regions;
use super::common::{self, fit, one_line, pad};
use crate::tui::app::App;

/// The narrowest a track column gets before tracks scroll sideways instead.
const MIN_COLUMN: u16 = 22;

/// Which rows and columns of the ladder fit in a pane's inner area.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Grid {
    /// Every rank in the ladder, highest first: the rows.
    ranks: Vec<u32>,
    first_rank_row: usize,
    visible_rank_rows: usize,
    /// Track indexes shown, left to right.
    tracks: Vec<usize>,
    column_width: u16,
}

/// Rows the ladder would like: one per rank, the track headings and the border.
pub fn wanted_height(app: &App) -> u16 {
    let ranks = ranks(app).len();
    u16::try_from(ranks).unwrap_or(u16::MAX).saturating_add(3)
}

fn ranks(app: &App) -> Vec<u32> {
    let mut ranks: Vec<u32> = app.ladder.levels().iter().map(|l| l.rank).collect();
    ranks.sort_unstable_by(|a, b| b.cmp(a));
    ranks.dedup();
    ranks
}

fn grid(app: &App, inner: Rect) -> Grid {
    let ranks = ranks(app);
    let selected = app.level();
    let selected_rank = selected.map_or(0, |l| l.rank);
    let selected_track = selected
        .and_then(|l| app.ladder.track_index(&l.track))
        .unwrap_or(0);
    let visible_rank_rows = usize::from(inner.height.saturating_sub(1));
    let row = ranks.iter().position(|&r| r == selected_rank).unwrap_or(0);
    let first_rank_row = if visible_rank_rows == 0 {
        row
    } else {
        (row + 1).saturating_sub(visible_rank_rows)
    };
    let track_count = app.ladder.tracks().len();
    let fitting = usize::from((inner.width / MIN_COLUMN).max(1)).min(track_count.max(1));
    let first_track = (selected_track + 1).saturating_sub(fitting);
    let tracks: Vec<usize> = (first_track..track_count).take(fitting).collect();
    let column_width = inner.width / u16::try_from(fitting).unwrap_or(1).max(1);
    Grid {
        ranks,
        first_rank_row,
        visible_rank_rows,
        tracks,
        column_width,
    }
}

fn ladder_block(app: &App, grid_tracks: usize) -> Block<'static> {
    let total = app.ladder.tracks().len();
    let title = if grid_tracks < total {
        format!("Ladder ({grid_tracks} of {total} tracks; ←→ for more)")
    } else {
        "Ladder".to_owned()
    };
    common::pane(&title, true, app)
}

/// The level drawn at a terminal cell, if any.
pub fn level_at(app: &App, at: Position) -> Option<usize> {
    let area = super::regions(app).ladder?;
    let inner = Block::bordered().inner(area);
    if !inner.contains(at) {
        return None;
    }
    let grid = grid(app, inner);
    let row = usize::from(at.y.checked_sub(inner.y)?.checked_sub(1)?);
    let rank = *grid.ranks.get(grid.first_rank_row + row)?;
    let column = usize::from((at.x - inner.x) / grid.column_width.max(1));
    let track = *grid.tracks.get(column)?;
    let level = app
        .ladder
        .levels_of_track(track)
        .iter()
        .find(|l| l.rank == rank)?;
    app.ladder.level_index(&level.id)
}

pub fn draw(frame: &mut Frame<'_>, app: &App, regions: &Regions) {
    if let Some(area) = regions.ladder {
        draw_ladder(frame, app, area);
    }
    let Some(level) = app.level() else {
        if let Some(area) = regions.preview {
            frame.render_widget(
                Paragraph::new("This ladder has no levels.").block(common::pane("", false, app)),
                area,
            );
        }
        return;
    };
    if let Some(area) = regions.preview {
        draw_preview(frame, app, area);
    }
    if let Some(area) = regions.profile {
        common::draw_profile(frame, app, level, area);
    }
}

fn draw_ladder(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let inner = Block::bordered().inner(area);
    let grid = grid(app, inner);
    frame.render_widget(ladder_block(app, grid.tracks.len()), area);
    let theme = &app.settings.theme;
    let selected = app.level();
    let equivalents: Vec<&str> = selected
        .map(|l| app.ladder.equivalents_of(&l.id))
        .unwrap_or_default()
        .iter()
        .map(|l| l.id.as_str())
        .collect();
    let rank_width = grid.ranks.first().map_or(1, |r| r.to_string().len());
    let cell = usize::from(grid.column_width);
    let mut lines = Vec::new();
    let mut headings = Vec::new();
    for &track in &grid.tracks {
        let title = app
            .ladder
            .tracks()
            .get(track)
            .map(|t| one_line(&t.title))
            .unwrap_or_default();
        headings.push(Span::styled(pad(&format!(" {title}"), cell), theme.heading));
    }
    lines.push(Line::from(headings));
    for &rank in grid
        .ranks
        .iter()
        .skip(grid.first_rank_row)
        .take(grid.visible_rank_rows)
    {
        let mut spans = Vec::new();
        for &track in &grid.tracks {
            let level = app
                .ladder
                .levels_of_track(track)
                .iter()
                .find(|l| l.rank == rank);
            let Some(level) = level else {
                spans.push(Span::raw(" ".repeat(cell)));
                continue;
            };
            let is_selected = selected.is_some_and(|s| s.id == level.id);
            let is_equivalent = equivalents.contains(&level.id.as_str());
            let marker = if is_selected {
                "▶"
            } else if is_equivalent {
                "≈"
            } else {
                " "
            };
            let text = format!(
                "{marker}{rank:>rank_width$} {}",
                one_line(&level.title),
                rank = level.rank
            );
            // One column of gap keeps neighbouring tracks apart.
            let shown = pad(&text, cell.saturating_sub(1));
            let style = if is_selected {
                theme.selected
            } else if is_equivalent {
                theme.equivalent
            } else {
                ratatui::style::Style::new()
            };
            spans.push(Span::styled(shown, style));
            spans.push(Span::raw(if cell > 0 { " " } else { "" }));
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn draw_preview(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let Some(level) = app.level() else {
        return;
    };
    let theme = &app.settings.theme;
    let block = common::pane(&level.title, false, app);
    let inner = block.inner(area).inner(ratatui::layout::Margin::new(1, 0));
    frame.render_widget(block, area);
    let columns = usize::from(inner.width);
    let (track, rung, rungs) = common::track_and_rung(app, level);
    let equivalents = app.ladder.equivalents_of(&level.id);
    let mut lines = vec![Line::styled(
        fit(&format!("{track} · rung {rung} of {rungs}"), columns),
        theme.muted,
    )];
    if !equivalents.is_empty() {
        let names: Vec<String> = equivalents.iter().map(|l| one_line(&l.title)).collect();
        lines.push(Line::from(vec![
            Span::styled("≈ ", theme.equivalent),
            Span::raw(fit(&names.join(", "), columns.saturating_sub(2))),
        ]));
    }
    lines.extend(common::experience_lines(app, level, columns));
    lines.push(Line::raw(""));
    lines.extend(
        common::wrap(&level.summary, columns, "")
            .into_iter()
            .map(Line::raw),
    );
    lines.push(Line::raw(""));
    lines.push(Line::styled("Scope", theme.muted));
    lines.extend(
        common::wrap(&level.scope, columns, "")
            .into_iter()
            .map(Line::raw),
    );
    frame.render_widget(Paragraph::new(lines), inner);
}
