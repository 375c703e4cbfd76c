//! The ladder on the home screen: every track as a column, top rung at the top, the selected
//! level and its equivalents in other tracks marked; on narrow terminals, two lines naming the
//! track and the rungs around the selected one.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

use super::common::{self, fit, one_line, pad};
use crate::ladder::Level;
use crate::tui::app::App;
use crate::tui::family;
use crate::tui::screens::{LadderCell, ScreenKind};

/// The narrowest a track column gets before tracks scroll sideways instead.
const MIN_COLUMN: u16 = 22;

/// Rows of the compact ladder: the track line, the rungs line, and a rule under them.
pub const COMPACT_HEIGHT: u16 = 3;

/// Beside the level the plan says you hold.
pub const CURRENT_MARK: char = '◆';
/// Beside the plan's target level.
pub const TARGET_MARK: char = '◎';

/// Rows the ladder would like: one per rank, the track headings and the border.
pub fn wanted_height(app: &App, selected: &Level) -> u16 {
    let ranks = ranks(app, selected).len();
    u16::try_from(ranks).unwrap_or(u16::MAX).saturating_add(3)
}

/// The ranks of the levels drawn beside `selected` (its job family's), highest first.
fn ranks(app: &App, selected: &Level) -> Vec<u32> {
    let mut ranks: Vec<u32> = family::shown_levels(&app.ladder, selected)
        .map(|l| l.rank)
        .collect();
    ranks.sort_unstable_by(|a, b| b.cmp(a));
    ranks.dedup();
    ranks
}

/// The keys that change track, as bound: `←→`.
fn track_keys(app: &App) -> String {
    let command = crate::tui::keymap::Command {
        actions: vec![
            crate::tui::action::Action::PreviousPane,
            crate::tui::action::Action::NextPane,
        ],
        hint: "track",
        applies: true,
    };
    crate::tui::keymap::command_keys(&app.settings.keymap, &command, ScreenKind::Ladder)
}

/// The fit gauge a rung of `cell` columns has room for: (gauge cells, with the figure);
/// `None` without ratings, or when the title would be squeezed below readability.
fn fit_room(app: &App, cell: usize) -> Option<(usize, bool)> {
    if !app.you().has_ratings() {
        return None;
    }
    match cell {
        34.. => Some((5, true)),
        24.. => Some((4, false)),
        _ => None,
    }
}

/// The level's fit and whether your ratings place you there.
fn you_fit(app: &App, level_id: &str) -> Option<(crate::tui::you::Fit, bool)> {
    let you = app.you();
    you.fit(level_id).map(|fit| (fit, you.is_placed(level_id)))
}

/// The full ladder in a bordered pane. Returns where each rung was drawn.
pub fn draw_grid(
    frame: &mut Frame<'_>,
    app: &App,
    selected: &Level,
    focused: bool,
    area: Rect,
) -> Vec<LadderCell> {
    let inner = Block::bordered().inner(area);
    let ranks = ranks(app, selected);
    // On a ladder of job families, only the selected level's family is drawn.
    let shown = family::shown_tracks(&app.ladder, selected);
    let selected_track = app.ladder.track_index(&selected.track).unwrap_or(0);
    let selected_column = shown.iter().position(|&t| t == selected_track).unwrap_or(0);
    let visible_rank_rows = usize::from(inner.height.saturating_sub(1));
    let row = ranks.iter().position(|&r| r == selected.rank).unwrap_or(0);
    let first_rank_row = if visible_rank_rows == 0 {
        row
    } else {
        (row + 1).saturating_sub(visible_rank_rows)
    };
    let track_count = shown.len();
    let fitting = usize::from((inner.width / MIN_COLUMN).max(1)).min(track_count.max(1));
    let first_track = (selected_column + 1).saturating_sub(fitting);
    let tracks: Vec<usize> = shown
        .iter()
        .copied()
        .skip(first_track)
        .take(fitting)
        .collect();
    let column_width = inner.width / u16::try_from(fitting).unwrap_or(1).max(1);

    let title = if tracks.len() < track_count {
        format!(
            "Ladder ({} of {track_count} tracks; {} for more)",
            tracks.len(),
            track_keys(app)
        )
    } else {
        "Ladder".to_owned()
    };
    let title = if fit_room(app, usize::from(column_width)).is_some() {
        format!(
            "{title} · ▰ fit of your ratings, {} placed",
            super::you::PLACED_MARK
        )
    } else {
        title
    };
    common::draw_pane(frame, &title, focused, app, area);
    let theme = &app.settings.theme;
    let equivalents: Vec<&str> = app
        .ladder
        .equivalents_of(&selected.id)
        .iter()
        .map(|l| l.id.as_str())
        .collect();
    let rank_width = ranks.first().map_or(1, |r| r.to_string().len());
    let cell = usize::from(column_width);
    let gauge = fit_room(app, cell);
    let mut lines = Vec::new();
    let mut cells = Vec::new();
    let headings: Vec<Span<'static>> = tracks
        .iter()
        .map(|&track| {
            let title = app
                .ladder
                .tracks()
                .get(track)
                .map(|t| one_line(&t.title))
                .unwrap_or_default();
            Span::styled(pad(&format!(" {title}"), cell), theme.heading)
        })
        .collect();
    lines.push(Line::from(headings));
    for (row, &rank) in ranks
        .iter()
        .skip(first_rank_row)
        .take(visible_rank_rows)
        .enumerate()
    {
        let mut spans = Vec::new();
        for (column, &track) in tracks.iter().enumerate() {
            let level = app
                .ladder
                .levels_of_track(track)
                .iter()
                .find(|l| l.rank == rank);
            let Some(level) = level else {
                spans.push(Span::raw(" ".repeat(cell)));
                continue;
            };
            let is_selected = selected.id == level.id;
            let is_equivalent = equivalents.contains(&level.id.as_str());
            let marker = if is_selected {
                "▶"
            } else if is_equivalent {
                "≈"
            } else {
                " "
            };
            // Where you are and where you aim, as glyphs: readable without colour.
            let you = if app.plan.current() == Some(level.id.as_str()) {
                format!("{CURRENT_MARK} ")
            } else if app.plan.target() == Some(level.id.as_str()) {
                format!("{TARGET_MARK} ")
            } else {
                String::new()
            };
            let text = format!(
                "{marker}{rank:>rank_width$} {you}{}",
                one_line(&level.title),
                rank = level.rank
            );
            // One column of gap keeps neighbouring tracks apart.
            let shown = match (gauge, you_fit(app, &level.id)) {
                (Some((cells, figure)), Some((fit, placed))) => {
                    let gauge = super::you::fit_gauge(fit, placed, cells, figure);
                    let room = cell.saturating_sub(1 + common::width(&gauge) + 1);
                    format!("{} {gauge}", pad(&text, room))
                }
                (Some((cells, figure)), None) => {
                    // A level without expectations has no fit: the column stays aligned.
                    let blank = common::width(&super::you::fit_gauge(
                        crate::tui::you::Fit {
                            met: 0,
                            of: 1,
                            meets: false,
                        },
                        false,
                        cells,
                        figure,
                    ));
                    pad(&text, cell.saturating_sub(1 + blank + 1)) + &" ".repeat(blank + 1)
                }
                _ => pad(&text, cell.saturating_sub(1)),
            };
            let style = if is_selected {
                common::row_style(app, true, focused)
            } else if is_equivalent {
                theme.equivalent
            } else {
                Style::new()
            };
            spans.push(Span::styled(shown, style));
            spans.push(Span::raw(if cell > 0 { " " } else { "" }));
            if let Some(index) = app.ladder.level_index(&level.id) {
                let x = inner.x.saturating_add(
                    column_width.saturating_mul(u16::try_from(column).unwrap_or(0)),
                );
                let y = inner
                    .y
                    .saturating_add(1)
                    .saturating_add(u16::try_from(row).unwrap_or(u16::MAX));
                let area = Rect::new(x, y, column_width, 1).intersection(inner);
                cells.push((area, index));
            }
        }
        lines.push(Line::from(spans));
    }
    common::draw_lines(frame, inner, lines);
    cells
}

/// The ladder in two lines, for narrow terminals: the tracks with the selected one marked,
/// then the rungs below and above the selected one. Returns where each rung was drawn.
pub fn draw_compact(
    frame: &mut Frame<'_>,
    app: &App,
    selected: &Level,
    focused: bool,
    area: Rect,
) -> Vec<LadderCell> {
    let theme = &app.settings.theme;
    let columns = usize::from(area.width.saturating_sub(2));
    let selected_track = app.ladder.track_index(&selected.track).unwrap_or(0);
    let mut tracks = vec![Span::raw(" ")];
    let mut used = 1;
    let shown = family::shown_tracks(&app.ladder, selected);
    for &index in &shown {
        let Some(track) = app.ladder.tracks().get(index) else {
            continue;
        };
        let title = one_line(&track.title);
        let text = if index == selected_track {
            format!("[{title}]")
        } else {
            title
        };
        let piece = common::width(&text) + 2;
        if used + piece > columns + 1 {
            tracks.push(Span::styled("…", theme.muted));
            break;
        }
        used += piece;
        let style = if index == selected_track {
            theme.heading
        } else {
            theme.muted
        };
        tracks.push(Span::styled(text, style));
        tracks.push(Span::raw("  "));
    }
    if shown.len() > 1 {
        tracks.push(Span::styled(
            format!("{} tracks", track_keys(app)),
            theme.muted,
        ));
    }

    // The selected rung in the middle, neighbours on each side as far as they fit.
    let rungs = app.ladder.levels_of_track(selected_track);
    let position = rungs.iter().position(|l| l.id == selected.id).unwrap_or(0);
    let label = |level: &Level| {
        format!(
            "{} {}{}",
            level.rank,
            super::you::marks(app, &level.id),
            one_line(&level.title)
        )
    };
    let mut shown: Vec<usize> = vec![position];
    let mut width = common::width(&label(selected)) + 2;
    let mut step = 1;
    loop {
        let mut added = false;
        for candidate in [position.checked_sub(step), Some(position + step)]
            .into_iter()
            .flatten()
        {
            let Some(level) = rungs.get(candidate) else {
                continue;
            };
            let piece = common::width(&label(level)) + 3;
            if width + piece <= columns {
                width += piece;
                shown.push(candidate);
                added = true;
            }
        }
        if !added {
            break;
        }
        step += 1;
    }
    shown.sort_unstable();
    let mut spans = vec![Span::raw(" ")];
    let mut cells = Vec::new();
    let mut x = area.x.saturating_add(1);
    if shown.first().is_some_and(|&first| first > 0) {
        spans.push(Span::styled("… ", theme.muted));
        x = x.saturating_add(2);
    }
    for (i, &index) in shown.iter().enumerate() {
        let Some(level) = rungs.get(index) else {
            continue;
        };
        if i > 0 {
            spans.push(Span::styled(" › ", theme.muted));
            x = x.saturating_add(3);
        }
        let is_selected = index == position;
        let text = if is_selected {
            // The selected rung's fit, as a figure: the grid's gauge has no room here.
            let fit = you_fit(app, &level.id).map_or_else(String::new, |(fit, placed)| {
                format!(
                    " {}{:.0}%",
                    if placed {
                        super::you::PLACED_MARK.to_string()
                    } else {
                        String::new()
                    },
                    fit.share() * 100.0
                )
            });
            format!("▶{}{fit}", label(level))
        } else {
            label(level)
        };
        let text = fit(&text, columns);
        let text_width = u16::try_from(common::width(&text)).unwrap_or(u16::MAX);
        if let Some(level_index) = app.ladder.level_index(&level.id) {
            let y = area.y.saturating_add(1);
            cells.push((
                Rect::new(x, y, text_width, 1).intersection(area),
                level_index,
            ));
        }
        x = x.saturating_add(text_width);
        let style = if is_selected {
            common::row_style(app, true, focused)
        } else {
            Style::new()
        };
        spans.push(Span::styled(text, style));
    }
    if shown.last().is_some_and(|&last| last + 1 < rungs.len()) {
        spans.push(Span::styled(" …", theme.muted));
    }
    let rule_style = if focused {
        theme.border_focused
    } else {
        theme.border
    };
    let lines = vec![
        Line::from(tracks),
        Line::from(spans),
        Line::styled("─".repeat(usize::from(area.width)), rule_style),
    ];
    common::draw_lines(frame, area, lines);
    cells
}
