//! One skill in full: its description, what the level expects of it and what that step of
//! the scale means, and what every rung of the level's track expects. Drawn under the skills
//! list where there is room, and as an overlay when Enter opens it.

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear};

use super::common::{self, fit, one_line, wrap};
use crate::ladder::{Level, Skill};
use crate::tui::app::App;
use crate::tui::widgets::scroll::Scroll;

/// The skill's text for `columns`.
pub fn detail_lines(app: &App, level: &Level, skill: &Skill, columns: usize) -> Vec<Line<'static>> {
    let theme = &app.settings.theme;
    let columns = columns.max(1);
    let mut lines: Vec<Line<'static>> = Vec::new();
    if let Some(category) = app.ladder.category(&skill.category) {
        lines.push(Line::styled(
            fit(&one_line(&category.name), columns),
            theme.muted,
        ));
    }
    if !skill.description.trim().is_empty() {
        lines.extend(
            wrap(&skill.description, columns, "")
                .into_iter()
                .map(Line::raw),
        );
    }
    let reference = level.skill_ref(&skill.id);
    let (rated, yours) = {
        let you = app.you();
        (you.has_ratings(), you.rating(&skill.id))
    };
    match reference.and_then(|r| r.proficiency) {
        Some(proficiency) => {
            lines.push(Line::raw(""));
            let mut spans = common::pips(Some(proficiency), app);
            spans.push(Span::styled(
                fit(
                    &format!(
                        " {} at {}",
                        one_line(&app.ladder.scale().name(proficiency)),
                        one_line(&level.title)
                    ),
                    columns.saturating_sub(4),
                ),
                theme.heading,
            ));
            lines.push(Line::from(spans));
            // What the step means for this skill, where the rubric says; else the scale's
            // general meaning.
            let meaning = skill
                .rubric_at(proficiency)
                .unwrap_or_else(|| app.ladder.scale().meaning(proficiency));
            lines.extend(
                wrap(meaning, columns, "  ")
                    .into_iter()
                    .map(|l| Line::styled(l, theme.muted)),
            );
            if rated {
                lines.push(Line::raw(fit(
                    &super::you::expected_and_you(app, Some(proficiency), &skill.id),
                    columns,
                )));
            }
        }
        None if reference.is_some() => {
            lines.push(Line::raw(""));
            lines.push(Line::styled(
                fit(
                    &format!("Expected at {}, not rated", one_line(&level.title)),
                    columns,
                ),
                theme.heading,
            ));
        }
        None => {}
    }
    if let Some(reference) = reference {
        list(
            app,
            "Expected here",
            &reference.expectations,
            columns,
            &mut lines,
        );
        list(app, "Examples", &reference.examples, columns, &mut lines);
    }
    if !skill.rubric.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(fit("Rubric", columns), theme.heading));
        let expected = reference.and_then(|r| r.proficiency);
        for step in &skill.rubric {
            // ▶ marks the step this level expects, as on the track below.
            let mark = if expected == Some(step.step) {
                "▶"
            } else {
                " "
            };
            let mut spans = vec![Span::raw(mark)];
            spans.extend(common::pips(Some(step.step), app));
            // Your step, in words, where you have rated the skill.
            let you = if yours == Some(step.step.value()) {
                " · you"
            } else {
                ""
            };
            spans.push(Span::raw(fit(
                &format!(" {}{you}", one_line(&app.ladder.scale().name(step.step))),
                columns.saturating_sub(5),
            )));
            lines.push(Line::from(spans));
            lines.extend(wrap(&step.text, columns, "  ").into_iter().map(Line::raw));
        }
    }
    // The same skill up the track: where it starts, where it grows.
    let rungs = app
        .ladder
        .track_index(&level.track)
        .map(|t| app.ladder.levels_of_track(t))
        .unwrap_or_default();
    if rungs.len() > 1 {
        lines.push(Line::raw(""));
        let track = app
            .ladder
            .track(&level.track)
            .map_or_else(|| one_line(&level.track), |t| one_line(&t.title));
        lines.push(Line::styled(
            fit(&format!("Along the {track} track"), columns),
            theme.heading,
        ));
        for rung in rungs {
            let mut spans = vec![Span::raw(if rung.id == level.id { "▶" } else { " " })];
            match rung.skill_ref(&skill.id) {
                Some(reference) => spans.extend(common::pips(reference.proficiency, app)),
                None => spans.push(Span::styled("  — ", theme.muted)),
            }
            spans.push(Span::raw(fit(
                &format!(" {}", one_line(&rung.title)),
                columns.saturating_sub(5),
            )));
            lines.push(Line::from(spans));
        }
    }
    lines
}

/// A titled list of statements; nothing when there are none.
fn list(app: &App, title: &str, items: &[String], columns: usize, lines: &mut Vec<Line<'static>>) {
    if items.is_empty() {
        return;
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        fit(title, columns),
        app.settings.theme.heading,
    ));
    for item in items {
        for (i, text) in wrap(item, columns.saturating_sub(2), "")
            .into_iter()
            .enumerate()
        {
            let lead = if i == 0 { "• " } else { "  " };
            lines.push(Line::raw(format!("{lead}{text}")));
        }
    }
}

/// The columns the detail pane on `area` wraps its text to: inside the border and a margin,
/// with a column left for the scrollbar.
pub fn detail_columns(area: Rect) -> usize {
    usize::from(
        Block::bordered()
            .inner(area)
            .inner(Margin::new(1, 0))
            .width
            .saturating_sub(1),
    )
}

/// The selected skill's description in a pane of its own (under the skills list) on `area`,
/// showing `lines` (its [`detail_lines`] at
/// [`detail_columns`], which the caller has already laid out to size the pane).
pub fn draw_detail(
    frame: &mut Frame<'_>,
    app: &App,
    skill: &Skill,
    lines: Vec<Line<'static>>,
    scroll: &Scroll,
    area: Rect,
) {
    let inner = common::draw_pane(frame, &skill.name, false, app, area).inner(Margin::new(1, 0));
    common::show_lines(frame, app, lines, scroll, area, inner);
}

fn draw_text(
    frame: &mut Frame<'_>,
    app: &App,
    level: &Level,
    skill: &Skill,
    scroll: &Scroll,
    area: Rect,
    inner: Rect,
) {
    let lines = detail_lines(
        app,
        level,
        skill,
        usize::from(inner.width.saturating_sub(1)),
    );
    common::show_lines(frame, app, lines, scroll, area, inner);
}

/// The skill opened with Enter: a box over the screen, as large as its text allows.
pub fn draw_overlay(
    frame: &mut Frame<'_>,
    app: &App,
    level: usize,
    skill: &str,
    scroll: &Scroll,
    area: Rect,
) {
    let (Some(level), Some(skill)) = (app.ladder.levels().get(level), app.ladder.skill(skill))
    else {
        return;
    };
    let columns = usize::from(area.width.saturating_sub(4).min(80).saturating_sub(5));
    let rect = common::centred_box(area, detail_lines(app, level, skill, columns).len());
    frame.render_widget(Clear, rect);
    let inner = common::draw_pane(frame, &skill.name, true, app, rect).inner(Margin::new(1, 0));
    draw_text(frame, app, level, skill, scroll, rect, inner);
}
