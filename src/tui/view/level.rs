//! The level screen: the level's details as a scrollable page, and its skills as a list with a
//! cursor beside the skill profile chart.

use ratatui::Frame;
use ratatui::layout::{Margin, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::Regions;
use super::common::{self, fit, one_line, pad, wrap};
use crate::ladder::Level;
use crate::search::EntryKind;
use crate::tui::app::{App, LevelPane, SkillRow, skill_rows};

fn heading(app: &App, text: &str, lines: &mut Vec<Line<'static>>) {
    lines.push(Line::raw(""));
    lines.push(Line::styled(text.to_owned(), app.settings.theme.heading));
}

fn labelled(app: &App, label: &str, value: &str, columns: usize, lines: &mut Vec<Line<'static>>) {
    lines.push(Line::styled(label.to_owned(), app.settings.theme.muted));
    lines.extend(wrap(value, columns, "  ").into_iter().map(Line::raw));
}

/// Adds the items as bullets; returns the line each item starts on.
fn bullets(items: &[String], columns: usize, lines: &mut Vec<Line<'static>>) -> Vec<usize> {
    let mut starts = Vec::with_capacity(items.len());
    for item in items {
        starts.push(lines.len());
        let wrapped = wrap(item, columns.saturating_sub(2), "");
        for (i, text) in wrapped.into_iter().enumerate() {
            let lead = if i == 0 { "• " } else { "  " };
            lines.push(Line::raw(format!("{lead}{text}")));
        }
    }
    starts
}

/// Where a search entry of the level sits in the details: (kind, item, line).
type Anchors = Vec<(EntryKind, usize, usize)>;

fn level_name(app: &App, id: &str) -> String {
    app.ladder
        .level(id)
        .map_or_else(|| one_line(id), |l| one_line(&l.title))
}

/// Everything about the level except its skills, wrapped to `columns`.
pub fn detail_lines(app: &App, level: &Level, columns: usize) -> Vec<Line<'static>> {
    detail_lines_anchored(app, level, columns, &mut Vec::new())
}

/// The details line a search hit of `kind` (and `item`) should scroll to, for the selected
/// level at the current size; 0 when it has no line of its own.
pub fn detail_anchor(app: &App, kind: EntryKind, item: usize) -> usize {
    let (Some((_, columns)), Some(level)) = (details_inner(app), app.level()) else {
        return 0;
    };
    let mut anchors = Vec::new();
    detail_lines_anchored(app, level, columns, &mut anchors);
    anchors
        .iter()
        .find(|(k, i, _)| *k == kind && *i == item)
        .or_else(|| anchors.iter().find(|(k, ..)| *k == kind))
        .map_or(0, |(.., line)| *line)
}

fn detail_lines_anchored(
    app: &App,
    level: &Level,
    columns: usize,
    anchors: &mut Anchors,
) -> Vec<Line<'static>> {
    let theme = &app.settings.theme;
    let columns = columns.max(1);
    let (track, rung, rungs) = common::track_and_rung(app, level);
    let mut lines = vec![Line::styled(
        fit(
            &format!("{track} · rung {rung} of {rungs} · {}", level.id),
            columns,
        ),
        theme.muted,
    )];
    anchors.push((EntryKind::Summary, 0, lines.len()));
    lines.extend(wrap(&level.summary, columns, "").into_iter().map(Line::raw));

    heading(app, "Scope and reporting", &mut lines);
    anchors.push((EntryKind::Scope, 0, lines.len()));
    labelled(app, "Scope", &level.scope, columns, &mut lines);
    if !level.reports_to.is_empty() {
        let bosses: Vec<String> = level
            .reports_to
            .iter()
            .map(|id| level_name(app, id))
            .collect();
        labelled(app, "Reports to", &bosses.join(", "), columns, &mut lines);
    }
    if !level.reporting_note.is_empty() {
        lines.extend(
            wrap(&level.reporting_note, columns, "  ")
                .into_iter()
                .map(|l| Line::styled(l, theme.muted)),
        );
    }
    if let Some(direct) = &level.direct_reports {
        let text = crate::present::direct_reports(direct);
        labelled(app, "Direct reports", &text, columns, &mut lines);
    }
    anchors.push((EntryKind::DecisionScope, 0, lines.len()));
    labelled(app, "Decisions", &level.decision_scope, columns, &mut lines);
    if !level.example_titles.is_empty() {
        anchors.push((EntryKind::ExampleTitle, 0, lines.len()));
        labelled(
            app,
            "Example titles",
            &level.example_titles.join(", "),
            columns,
            &mut lines,
        );
    }

    heading(
        app,
        "Experience in years (one scale for every level)",
        &mut lines,
    );
    lines.extend(common::experience_lines(app, level, columns));
    for (name, range) in crate::present::experience_rows(&level.experience) {
        if !range.note.is_empty() {
            lines.extend(
                wrap(&format!("{name}: {}", range.note), columns, "")
                    .into_iter()
                    .map(|l| Line::styled(l, theme.muted)),
            );
        }
    }

    heading(app, "Education", &mut lines);
    anchors.push((EntryKind::Education, 0, lines.len().saturating_sub(1)));
    lines.extend(
        wrap(&level.education.typical, columns, "")
            .into_iter()
            .map(Line::raw),
    );
    if !level.education.preferred.is_empty() {
        labelled(
            app,
            "Preferred",
            &level.education.preferred,
            columns,
            &mut lines,
        );
    }
    if !level.education.note.is_empty() {
        lines.extend(
            wrap(&level.education.note, columns, "")
                .into_iter()
                .map(|l| Line::styled(l, theme.muted)),
        );
    }

    heading(app, "Responsibilities", &mut lines);
    for (i, line) in bullets(&level.responsibilities, columns, &mut lines)
        .into_iter()
        .enumerate()
    {
        anchors.push((EntryKind::Responsibility, i, line));
    }

    if !level.move_up.is_empty() {
        heading(app, "How to move up", &mut lines);
        if let Some(next) = app.ladder.neighbour(&level.id, 1) {
            lines.push(Line::styled(
                fit(&format!("Next rung: {}", one_line(&next.title)), columns),
                theme.muted,
            ));
        }
        for (i, line) in bullets(&level.move_up, columns, &mut lines)
            .into_iter()
            .enumerate()
        {
            anchors.push((EntryKind::MoveUp, i, line));
        }
    }

    let equivalents = app.ladder.equivalents_of(&level.id);
    if !equivalents.is_empty() {
        heading(app, "Equivalent levels", &mut lines);
        for other in equivalents {
            let (track, rung, _) = common::track_and_rung(app, other);
            lines.push(Line::from(vec![
                Span::styled("≈ ", theme.equivalent),
                Span::raw(fit(
                    &format!("{} ({track}, rung {rung})", one_line(&other.title)),
                    columns.saturating_sub(2),
                )),
            ]));
        }
    }

    heading(app, "Sources", &mut lines);
    bullets(&level.sources, columns, &mut lines);
    lines
}

/// The inner area of the details pane and its text width (one column kept for the scrollbar).
fn details_inner(app: &App) -> Option<(Rect, usize)> {
    let area = super::regions(app).details?;
    let inner = Block::bordered().inner(area).inner(Margin::new(1, 0));
    Some((inner, usize::from(inner.width.saturating_sub(1))))
}

/// How far the details can scroll before the last line reaches the bottom of the pane.
pub fn max_details_scroll(app: &App) -> usize {
    let (Some((inner, columns)), Some(level)) = (details_inner(app), app.level()) else {
        return 0;
    };
    detail_lines(app, level, columns)
        .len()
        .saturating_sub(usize::from(inner.height))
}

/// The first skills-list row shown, so that the cursor's row is always visible.
fn first_visible_row(rows: &[SkillRow<'_>], cursor: usize, height: usize) -> usize {
    let cursor_row = cursor_row(rows, cursor);
    // Keep the category heading above the first skill in view when there is room.
    (cursor_row + 1).saturating_sub(height.max(1))
}

fn cursor_row(rows: &[SkillRow<'_>], cursor: usize) -> usize {
    rows.iter()
        .enumerate()
        .filter(|(_, r)| matches!(r, SkillRow::Skill { .. }))
        .nth(cursor)
        .map_or(0, |(i, _)| i)
}

/// The skill (as a cursor position) drawn at a terminal cell, if any.
pub fn skill_at(app: &App, at: Position) -> Option<usize> {
    let area = super::regions(app).skills?;
    let inner = Block::bordered().inner(area);
    if !inner.contains(at) {
        return None;
    }
    let level = app.level()?;
    let rows = skill_rows(&app.ladder, level);
    let first = first_visible_row(&rows, app.skill_cursor, usize::from(inner.height));
    let clicked = first + usize::from(at.y - inner.y);
    match rows.get(clicked)? {
        SkillRow::Skill { .. } => Some(
            rows[..clicked]
                .iter()
                .filter(|r| matches!(r, SkillRow::Skill { .. }))
                .count(),
        ),
        SkillRow::Category(_) => None,
    }
}

pub fn draw(frame: &mut Frame<'_>, app: &App, regions: &Regions) {
    let Some(level) = app.level() else {
        return;
    };
    if let Some(area) = regions.details {
        draw_details(frame, app, level, area);
    }
    if let Some(area) = regions.skills {
        draw_skills(frame, app, level, area);
    }
    if let Some(area) = regions.skill_info {
        draw_skill_info(frame, app, area);
    }
    if let Some(area) = regions.profile {
        common::draw_profile(frame, app, level, area);
    }
}

fn draw_details(frame: &mut Frame<'_>, app: &App, level: &Level, area: Rect) {
    let focused = app.level_pane == LevelPane::Details;
    frame.render_widget(common::pane(&level.title, focused, app), area);
    let inner = Block::bordered().inner(area).inner(Margin::new(1, 0));
    let columns = usize::from(inner.width.saturating_sub(1));
    let lines = detail_lines(app, level, columns);
    let total = lines.len();
    let visible: Vec<Line<'static>> = lines
        .into_iter()
        .skip(app.details_scroll)
        .take(usize::from(inner.height))
        .collect();
    frame.render_widget(Paragraph::new(visible), inner);
    common::scrollbar(
        frame,
        area,
        total,
        usize::from(inner.height),
        app.details_scroll,
        app,
    );
}

fn draw_skills(frame: &mut Frame<'_>, app: &App, level: &Level, area: Rect) {
    let focused = app.level_pane == LevelPane::Skills;
    let theme = &app.settings.theme;
    let rows = skill_rows(&app.ladder, level);
    let count = rows
        .iter()
        .filter(|r| matches!(r, SkillRow::Skill { .. }))
        .count();
    let title = format!("Skills ({count})");
    frame.render_widget(common::pane(&title, focused, app), area);
    let inner = Block::bordered().inner(area);
    let height = usize::from(inner.height);
    let columns = usize::from(inner.width);
    let first = first_visible_row(&rows, app.skill_cursor, height);
    let cursor = cursor_row(&rows, app.skill_cursor);
    let mut lines = Vec::new();
    for (index, row) in rows.iter().enumerate().skip(first).take(height) {
        match row {
            SkillRow::Category(name) => {
                lines.push(Line::styled(fit(&one_line(name), columns), theme.heading));
            }
            SkillRow::Skill {
                id,
                name,
                proficiency,
            } => {
                let selected = index == cursor;
                let cursor_mark = if selected { "▶" } else { " " };
                let marker = format!("{cursor_mark}{}", app.bookmark_mark(id, &level.id));
                let word_width = if columns >= 34 { 9 } else { 0 };
                let name_width = columns.saturating_sub(2 + 4 + 1 + word_width);
                let mut spans = vec![Span::raw(marker)];
                spans.extend(common::pips(*proficiency, app));
                spans.push(Span::raw(" "));
                if word_width > 0 {
                    spans.push(Span::styled(
                        pad(proficiency.name(), word_width),
                        theme.muted,
                    ));
                }
                spans.push(Span::raw(pad(&one_line(name), name_width)));
                let line = Line::from(spans);
                lines.push(if selected {
                    line.style(common::row_style(app, true, focused))
                } else {
                    line
                });
            }
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn draw_skill_info(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let theme = &app.settings.theme;
    let skill = app.selected_skill_id().and_then(|id| app.ladder.skill(id));
    let title = skill.map_or_else(String::new, |s| s.name.clone());
    let block = common::pane(&title, false, app);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(skill) = skill else {
        return;
    };
    let mut lines: Vec<Line<'static>> = wrap(&skill.description, usize::from(inner.width), "")
        .into_iter()
        .map(|l| Line::styled(l, theme.muted))
        .collect();
    let proficiency = app
        .level()
        .and_then(|l| l.proficiency_of(&skill.id))
        .map(|p| format!("{p}: {}", p.meaning()));
    if let Some(text) = proficiency {
        lines.truncate(usize::from(inner.height).saturating_sub(1));
        lines.push(Line::raw(fit(&text, usize::from(inner.width))));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
