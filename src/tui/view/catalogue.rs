//! The skill catalogue: the skills by category on the left; on the right the selected skill
//! (its category and what the category covers, its description, its rubric one step a line)
//! above the levels that expect it. Below 100 columns one side at a time: the list, or the
//! skill with its levels.

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

use super::common::{self, fit, one_line, pad, wrap};
use super::level::SIDE_BY_SIDE_WIDTH;
use crate::ladder::Skill;
use crate::tui::app::App;
use crate::tui::catalogue::{
    CatalogueFocus, CataloguePanes, CatalogueRow, CatalogueScreen, cursor_row, rows,
};

/// Draws the catalogue into `body` and records where each pane went.
pub fn draw(frame: &mut Frame<'_>, app: &App, s: &CatalogueScreen, body: Rect) {
    let rows = rows(&app.ladder, s.family);
    let selected = s.selected(&app.ladder);
    let mut panes = CataloguePanes::default();
    let wide = body.width >= SIDE_BY_SIDE_WIDTH;
    let (list, right) = if wide {
        let list_width = (body.width * 2 / 5).clamp(36, 64);
        let [list, right] = common::split_right(body, body.width.saturating_sub(list_width));
        (Some(list), Some(right))
    } else if s.focus == CatalogueFocus::List {
        (Some(body), None)
    } else {
        (None, Some(body))
    };
    match list {
        Some(area) => {
            draw_list(frame, app, s, &rows, area);
            panes.list = Some(area);
        }
        None => s.list.hide(),
    }
    match (right, selected) {
        (Some(area), Some(skill)) => {
            let levels = s.expecting(&app.ladder, skill).len();
            // The levels take what they need up to half the column (at least a few rows);
            // the description the rest, so it grows with the terminal.
            let wanted = u16::try_from(levels.max(1) + 2).unwrap_or(u16::MAX);
            let levels_height = wanted.min(area.height / 2).max(4.min(area.height));
            let [detail, levels_area] =
                common::split_top(area, area.height.saturating_sub(levels_height));
            draw_detail(frame, app, s, skill, detail);
            draw_levels(frame, app, s, skill, levels_area);
            panes.detail = Some(detail);
            panes.levels = Some(levels_area);
        }
        (Some(area), None) => {
            frame.render_widget(
                ratatui::widgets::Paragraph::new(" This ladder's catalogue has no skills.")
                    .block(common::pane("Skill", false, app)),
                area,
            );
            s.detail.hide();
            s.levels.hide();
        }
        (None, _) => {
            s.detail.hide();
            s.levels.hide();
        }
    }
    s.panes.set(panes);
}

fn draw_list(
    frame: &mut Frame<'_>,
    app: &App,
    s: &CatalogueScreen,
    rows: &[CatalogueRow<'_>],
    area: Rect,
) {
    let theme = &app.settings.theme;
    let focused = s.focus == CatalogueFocus::List;
    let count = rows
        .iter()
        .filter(|r| matches!(r, CatalogueRow::Skill(_)))
        .count();
    let title = match s.family.and_then(|f| app.ladder.families().get(f)) {
        Some(family) => format!("Skills of {} ({count})", one_line(&family.name)),
        None => format!("Skills ({count})"),
    };
    common::draw_pane(frame, &title, focused, app, area);
    let inner = Block::bordered().inner(area);
    let columns = usize::from(inner.width);
    let cursor = cursor_row(rows, s.skill);
    let heading_above = cursor
        .checked_sub(1)
        .is_some_and(|row| matches!(rows.get(row), Some(CatalogueRow::Category(_))));
    let first = s
        .list
        .follow_under_heading(inner, rows.len(), cursor, heading_above);
    let mut lines = Vec::new();
    for (index, row) in rows
        .iter()
        .enumerate()
        .skip(first)
        .take(usize::from(inner.height))
    {
        match row {
            CatalogueRow::Category(category) => {
                lines.push(super::intro::category_heading(app, category, columns));
            }
            CatalogueRow::Skill(skill) => {
                let selected = index == cursor;
                let levels = s.uses(&app.ladder, &skill.id);
                // How widely the skill is asked for, at a glance.
                let wordy = columns >= 36;
                let uses = match (levels, wordy) {
                    (0, true) => "no level".to_owned(),
                    (0, false) => "—".to_owned(),
                    (1, true) => "1 level".to_owned(),
                    (n, true) => format!("{n} levels"),
                    (n, false) => n.to_string(),
                };
                let uses_width = if wordy { 10 } else { 4 };
                let name_width = columns.saturating_sub(2 + uses_width);
                let line = Line::from(vec![
                    Span::raw(if selected { "▶ " } else { "  " }),
                    Span::raw(pad(&one_line(&skill.name), name_width)),
                    Span::styled(format!("{uses:>uses_width$}"), theme.muted),
                ]);
                lines.push(if selected {
                    line.style(common::row_style(app, true, focused))
                } else {
                    line
                });
            }
        }
    }
    common::draw_lines(frame, inner, lines);
}

/// The skill's text for `columns`: category and what it covers, description, rubric.
pub fn detail_lines(app: &App, skill: &Skill, columns: usize) -> Vec<Line<'static>> {
    let theme = &app.settings.theme;
    let columns = columns.max(1);
    let mut lines: Vec<Line<'static>> = Vec::new();
    if let Some(category) = app.ladder.category(&skill.category) {
        lines.push(Line::styled(
            fit(&one_line(&category.name), columns),
            theme.heading,
        ));
        lines.extend(
            wrap(&category.description, columns, "")
                .into_iter()
                .map(|l| Line::styled(l, theme.muted)),
        );
        lines.push(Line::raw(""));
    }
    if skill.description.trim().is_empty() {
        lines.push(Line::styled("Description: not stated", theme.muted));
    } else {
        lines.extend(
            wrap(&skill.description, columns, "")
                .into_iter()
                .map(Line::raw),
        );
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(fit("Rubric", columns), theme.heading));
    if skill.rubric.is_empty() {
        lines.push(Line::styled(
            fit("not stated for this skill", columns),
            theme.muted,
        ));
    }
    // Every step of the scale, lowest first, with what the rubric says of it (a step it
    // leaves out says so rather than borrowing another step's words).
    let steps: Vec<_> = if skill.rubric.is_empty() {
        Vec::new()
    } else {
        app.ladder.scale().proficiencies().collect()
    };
    for step in steps {
        let mut spans = common::pips(Some(step), app);
        let name = format!(" {}", one_line(&app.ladder.scale().name(step)));
        let Some(text) = skill.rubric_at(step) else {
            spans.push(Span::raw(name));
            spans.push(Span::styled(" — not described", theme.muted));
            lines.push(Line::from(spans));
            continue;
        };
        spans.push(Span::styled(
            fit(&name, columns.saturating_sub(4)),
            theme.heading,
        ));
        lines.push(Line::from(spans));
        lines.extend(wrap(text, columns, "  ").into_iter().map(Line::raw));
    }
    lines
}

fn draw_detail(frame: &mut Frame<'_>, app: &App, s: &CatalogueScreen, skill: &Skill, area: Rect) {
    let focused = s.focus == CatalogueFocus::Detail;
    common::draw_pane(frame, &skill.name, focused, app, area);
    let inner = Block::bordered().inner(area).inner(Margin::new(1, 0));
    let columns = usize::from(inner.width.saturating_sub(1));
    let lines = detail_lines(app, skill, columns);
    let total = lines.len();
    let first = s.detail.show_page(inner, total);
    let visible: Vec<Line<'static>> = lines
        .into_iter()
        .skip(first)
        .take(usize::from(inner.height))
        .collect();
    common::draw_lines(frame, inner, visible);
    common::scrollbar(frame, area, total, usize::from(inner.height), first, app);
}

fn draw_levels(frame: &mut Frame<'_>, app: &App, s: &CatalogueScreen, skill: &Skill, area: Rect) {
    let theme = &app.settings.theme;
    let focused = s.focus == CatalogueFocus::Levels;
    let levels = s.expecting(&app.ladder, skill);
    let title = format!("Expected at ({})", levels.len());
    common::draw_pane(frame, &title, focused, app, area);
    let inner = Block::bordered().inner(area);
    let columns = usize::from(inner.width);
    if levels.is_empty() {
        s.levels.follow(inner, 0, 0);
        let line = Line::styled(
            fit(
                " No level expects it: it is in the catalogue only.",
                columns,
            ),
            theme.muted,
        );
        common::draw_lines(frame, inner, vec![line]);
        return;
    }
    let cursor = s.level.min(levels.len() - 1);
    let first = s.levels.follow(inner, levels.len(), cursor);
    // Room for the longest step name of the scale (and "not rated"), within reason.
    let longest = app
        .ladder
        .scale()
        .proficiencies()
        .map(|p| common::width(&common::step_word(app, Some(p))))
        .chain(std::iter::once(common::width(&common::step_word(
            app, None,
        ))))
        .max()
        .unwrap_or(0);
    let step_width = if columns >= 40 {
        (longest + 1).min(16)
    } else {
        0
    };
    let mut lines = Vec::new();
    for (index, (level, proficiency)) in levels
        .iter()
        .enumerate()
        .skip(first)
        .take(usize::from(inner.height))
    {
        let selected = index == cursor;
        let (track, rung, _) = common::track_and_rung(app, level);
        // ★ where the skill is bookmarked at this level (what `b` toggles here).
        let mark = app.bookmark_mark(&skill.id, &level.id);
        let mut spans = vec![Span::raw(format!(
            "{}{mark}",
            if selected { "▶" } else { " " }
        ))];
        spans.extend(common::pips(*proficiency, app));
        spans.push(Span::raw(" "));
        if step_width > 0 {
            spans.push(Span::styled(
                pad(&common::step_word(app, *proficiency), step_width),
                theme.muted,
            ));
        }
        let used: usize = spans.iter().map(Span::width).sum();
        spans.push(Span::raw(pad(
            &format!("{} · {track} rung {rung}", one_line(&level.title)),
            columns.saturating_sub(used),
        )));
        let line = Line::from(spans);
        lines.push(if selected {
            line.style(common::row_style(app, true, focused))
        } else {
            line
        });
    }
    common::draw_lines(frame, inner, lines);
}
