//! The home screen and the level screen: a level's page (summary, scope, years, duties,
//! skills, profile …) in a pane that scrolls, its skills with the selected one described in
//! full, and on the home screen the ladder above.
//!
//! The layout grows with the terminal: below 100 columns one pane at a time (Tab switches)
//! under a two-line ladder; from 100 columns the page and the skills side by side under the
//! full ladder.

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::common::{self, fit, one_line, pad, wrap};
use super::ladder;
use super::skill;
use crate::ladder::Level;
use crate::search::EntryKind;
use crate::tui::app::{App, SkillRow, skill_rows};
use crate::tui::screens::{Focus, LevelPanes, LevelScreen};

/// From this width on, the page and the skills sit side by side.
pub const SIDE_BY_SIDE_WIDTH: u16 = 100;

/// The skills column needs this many rows before the selected skill's description gets a
/// pane of its own under the list (below it, Enter on a skill opens it).
const DETAIL_MIN_HEIGHT: u16 = 16;

fn heading(app: &App, text: &str, columns: usize, lines: &mut Vec<Line<'static>>) {
    lines.push(Line::raw(""));
    lines.push(Line::styled(fit(text, columns), app.settings.theme.heading));
}

/// A label and its value; nothing at all when the content leaves the value out.
fn labelled(app: &App, label: &str, value: &str, columns: usize, lines: &mut Vec<Line<'static>>) {
    if value.trim().is_empty() {
        return;
    }
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

/// Where a search entry of the level sits on the page: (kind, item, line).
type Anchors = Vec<(EntryKind, usize, usize)>;

fn level_name(app: &App, id: &str) -> String {
    app.ladder
        .level(id)
        .map_or_else(|| one_line(id), |l| one_line(&l.title))
}

/// The level's page wrapped to `columns`, reading order first: what the level is, its years,
/// its duties, then (unless they are beside the page) its skills, the profile and the rest.
pub fn page_lines(
    app: &App,
    level: &Level,
    columns: usize,
    with_skills: bool,
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
    if !level.summary.trim().is_empty() {
        lines.extend(wrap(&level.summary, columns, "").into_iter().map(Line::raw));
    }

    // Sections the content leaves out are not drawn: an empty heading or a made-up figure
    // would read as a fact.
    if level.experience.is_some() {
        heading(
            app,
            "Experience in years (one scale for every level)",
            columns,
            &mut lines,
        );
        lines.extend(common::experience_lines(app, level, columns));
    }
    let rows = level
        .experience
        .as_ref()
        .map(crate::present::experience_rows)
        .unwrap_or_default();
    for (name, range) in rows {
        if !range.note.is_empty() {
            lines.extend(
                wrap(&format!("{name}: {}", range.note), columns, "")
                    .into_iter()
                    .map(|l| Line::styled(l, theme.muted)),
            );
        }
    }

    let has_scope = !level.scope.trim().is_empty()
        || !level.reports_to.is_empty()
        || !level.reporting_note.is_empty()
        || level.direct_reports.is_some()
        || !level.decision_scope.trim().is_empty()
        || !level.example_titles.is_empty();
    if has_scope {
        heading(app, "Scope and reporting", columns, &mut lines);
    }
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

    if !level.responsibilities.is_empty() {
        heading(app, "Responsibilities", columns, &mut lines);
    }
    for (i, line) in bullets(&level.responsibilities, columns, &mut lines)
        .into_iter()
        .enumerate()
    {
        anchors.push((EntryKind::Responsibility, i, line));
    }

    if with_skills {
        let count = skill_rows(&app.ladder, level)
            .iter()
            .filter(|r| matches!(r, SkillRow::Skill { .. }))
            .count();
        heading(app, &format!("Skills ({count})"), columns, &mut lines);
        // Your step under each expected one, once the plan rates anything.
        let rated = app.you().has_ratings();
        for row in skill_rows(&app.ladder, level) {
            match row {
                SkillRow::Category(category) => {
                    lines.push(Line::styled(
                        fit(&one_line(&category.name), columns),
                        theme.muted,
                    ));
                    lines.extend(super::intro::category_description(app, category, columns));
                }
                SkillRow::Skill {
                    id,
                    name,
                    proficiency,
                } => {
                    let mut spans = vec![Span::raw("  ")];
                    spans.extend(common::pips(proficiency, app));
                    spans.push(Span::raw(" "));
                    spans.push(Span::raw(fit(
                        &format!(
                            "{} ({})",
                            one_line(name),
                            common::step_word(app, proficiency)
                        ),
                        columns.saturating_sub(7),
                    )));
                    lines.push(Line::from(spans));
                    if rated {
                        lines.push(Line::styled(
                            fit(
                                &format!(
                                    "    {}",
                                    super::you::expected_and_you(app, proficiency, id)
                                ),
                                columns,
                            ),
                            theme.muted,
                        ));
                    }
                    // What the skill looks like at this level, then examples, indented
                    // under it.
                    if let Some(reference) = level.skill_ref(id) {
                        for item in &reference.expectations {
                            lines.extend(
                                wrap(item, columns.saturating_sub(4), "")
                                    .into_iter()
                                    .enumerate()
                                    .map(|(i, l)| {
                                        Line::raw(format!(
                                            "{}{l}",
                                            if i == 0 { "  • " } else { "    " }
                                        ))
                                    }),
                            );
                        }
                        for item in &reference.examples {
                            lines.extend(
                                wrap(&format!("e.g. {item}"), columns.saturating_sub(4), "")
                                    .into_iter()
                                    .map(|l| Line::styled(format!("    {l}"), theme.muted)),
                            );
                        }
                    }
                }
            }
        }
    }

    let profile = common::profile_lines(app, level, columns);
    if !profile.is_empty() {
        heading(
            app,
            &crate::present::profile_heading(app.ladder.scale()),
            columns,
            &mut lines,
        );
        lines.extend(profile);
    }

    if !level.move_up.is_empty() {
        heading(app, "How to move up", columns, &mut lines);
        let next: Vec<String> = app
            .ladder
            .next_on_path(&level.id)
            .iter()
            .map(|l| one_line(&l.title))
            .collect();
        if !next.is_empty() {
            lines.push(Line::styled(
                fit(&format!("Next rung: {}", next.join(" or ")), columns),
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

    if let Some(education) = &level.education {
        heading(app, "Education", columns, &mut lines);
        anchors.push((EntryKind::Education, 0, lines.len().saturating_sub(1)));
        {
            lines.extend(
                wrap(&education.typical, columns, "")
                    .into_iter()
                    .map(Line::raw),
            );
            if !education.preferred.is_empty() {
                labelled(app, "Preferred", &education.preferred, columns, &mut lines);
            }
            if !education.note.is_empty() {
                lines.extend(
                    wrap(&education.note, columns, "")
                        .into_iter()
                        .map(|l| Line::styled(l, theme.muted)),
                );
            }
        }
    }

    let equivalents = app.ladder.equivalents_of(&level.id);
    if !equivalents.is_empty() {
        heading(app, "Equivalent levels", columns, &mut lines);
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

    lines.extend(super::intro::track_section(app, level, columns));

    let citations: Vec<String> = app
        .ladder
        .citations(level)
        .iter()
        .map(|c| one_line(&c.label()))
        .collect();
    if !citations.is_empty() {
        heading(app, "Sources", columns, &mut lines);
    }
    bullets(&citations, columns, &mut lines);
    lines
}

/// The skills-list row of the cursor.
pub fn cursor_row(rows: &[SkillRow<'_>], cursor: usize) -> usize {
    rows.iter()
        .enumerate()
        .filter(|(_, r)| matches!(r, SkillRow::Skill { .. }))
        .nth(cursor)
        .map_or(0, |(i, _)| i)
}

/// Draws the home screen (`home`) or the level screen into `body`, and records where each
/// pane went.
pub fn draw(frame: &mut Frame<'_>, app: &App, s: &LevelScreen, home: bool, body: Rect) {
    let Some(level) = app.ladder.levels().get(s.level) else {
        frame.render_widget(
            Paragraph::new("This ladder has no levels.").block(common::pane("", false, app)),
            body,
        );
        return;
    };
    let mut panes = LevelPanes::default();
    let wide = body.width >= SIDE_BY_SIDE_WIDTH;
    let rest = if home {
        let body = super::intro::draw(frame, app, level, body);
        let height = if wide {
            ladder::wanted_height(app, level)
                .min(body.height * 2 / 5)
                .max(5)
        } else {
            ladder::COMPACT_HEIGHT
        };
        let [top, rest] = common::split_top(body, height);
        let focused = s.focus == Focus::Ladder;
        let rungs = if wide {
            ladder::draw_grid(frame, app, level, focused, top)
        } else {
            ladder::draw_compact(frame, app, level, focused, top)
        };
        s.rungs.set(rungs);
        panes.ladder = Some(top);
        rest
    } else {
        s.rungs.set(Vec::new());
        body
    };
    let (page, skills) = if wide {
        let skills_width = (rest.width * 2 / 5).clamp(40, 64);
        let [page, skills] = common::split_right(rest, skills_width);
        panes.skills_beside = true;
        (Some(page), Some(skills))
    } else if s.focus == Focus::Skills {
        (None, Some(rest))
    } else {
        (Some(rest), None)
    };
    panes.page = page;
    panes.skills = skills;
    match page {
        Some(area) => draw_page(frame, app, s, level, !panes.skills_beside, area),
        None => s.page.hide(),
    }
    match skills {
        Some(area) => panes.detail = draw_skills_column(frame, app, s, level, area),
        None => {
            s.skills.hide();
            s.detail.hide();
        }
    }
    s.panes.set(panes);
}

fn draw_page(
    frame: &mut Frame<'_>,
    app: &App,
    s: &LevelScreen,
    level: &Level,
    with_skills: bool,
    area: Rect,
) {
    let focused = s.focus == Focus::Page;
    let title = super::you::marked_title(app, level, usize::from(area.width.saturating_sub(6)));
    common::draw_pane(frame, &title, focused, app, area);
    let inner = Block::bordered().inner(area).inner(Margin::new(1, 0));
    let columns = usize::from(inner.width.saturating_sub(1));
    let height = usize::from(inner.height);
    let (visible, total, first) = s.laid.with(|laid| {
        let revision = app.plan.revision();
        let lines = laid.get_or_make((s.level, columns, with_skills, revision), |anchors| {
            page_lines(app, level, columns, with_skills, anchors)
        });
        let total = lines.len();
        if let Some((kind, item)) = s.anchor.get() {
            // A search hit asked for this line: only now, laid out, is it known.
            s.anchor.set(None);
            let line = laid
                .anchors
                .iter()
                .find(|(k, i, _)| *k == kind && *i == item)
                .or_else(|| laid.anchors.iter().find(|(k, ..)| *k == kind))
                .map_or(0, |(.., line)| *line);
            s.page.place(line);
        }
        let first = s.page.show_page(inner, total);
        let visible: Vec<Line<'static>> = laid
            .lines
            .iter()
            .skip(first)
            .take(height)
            .cloned()
            .collect();
        (visible, total, first)
    });
    common::draw_lines(frame, inner, visible);
    common::scrollbar(frame, area, total, usize::from(inner.height), first, app);
}

/// The skills list and, when there is room, the selected skill described in full below it.
/// Returns whether the description is on screen.
fn draw_skills_column(
    frame: &mut Frame<'_>,
    app: &App,
    s: &LevelScreen,
    level: &Level,
    area: Rect,
) -> bool {
    let rows = skill_rows(&app.ladder, level);
    let selected = crate::tui::app::skill_ids(&app.ladder, level)
        .get(s.skill)
        .and_then(|id| app.ladder.skill(id));
    let (list_area, detail_area) = match selected {
        Some(skill) if area.height >= DETAIL_MIN_HEIGHT => {
            // Laid out once, at the width the pane draws it, both to size the pane and to
            // fill it.
            let lines = skill::detail_lines(app, level, skill, skill::detail_columns(area));
            let detail_wanted = lines.len() + 2;
            let list_wanted = rows.len() + 2;
            let height = usize::from(area.height);
            // When the two do not both fit, the detail gets what it needs up to half the
            // column and the list the rest; the description takes what is left over the
            // list, so it grows with the terminal.
            let list = if list_wanted + detail_wanted <= height {
                list_wanted
            } else {
                list_wanted
                    .min((height / 2).max(height.saturating_sub(detail_wanted)))
                    .max(5)
            };
            let list = u16::try_from(list).unwrap_or(area.height);
            let [list_area, detail] = common::split_top(area, list);
            (list_area, Some((detail, lines)))
        }
        _ => (area, None),
    };
    draw_skills(frame, app, s, level, &rows, list_area);
    match (detail_area, selected) {
        (Some((detail, lines)), Some(skill)) => {
            skill::draw_detail(frame, app, skill, lines, &s.detail, detail);
            true
        }
        _ => {
            s.detail.hide();
            false
        }
    }
}

fn draw_skills(
    frame: &mut Frame<'_>,
    app: &App,
    s: &LevelScreen,
    level: &Level,
    rows: &[SkillRow<'_>],
    area: Rect,
) {
    let focused = s.focus == Focus::Skills;
    let theme = &app.settings.theme;
    let count = rows
        .iter()
        .filter(|r| matches!(r, SkillRow::Skill { .. }))
        .count();
    let rated = app.you().has_ratings();
    let title = if rated {
        // The two pip columns, named once in the title.
        format!("Skills ({count}) · expected, you")
    } else {
        format!("Skills ({count})")
    };
    common::draw_pane(frame, &title, focused, app, area);
    let inner = Block::bordered().inner(area);
    let columns = usize::from(inner.width);
    let you_width = if rated {
        app.you().scale.steps().len() + 1
    } else {
        0
    };
    let cursor = cursor_row(rows, s.skill);
    // Keep the category heading above the first skill in view when there is room.
    let heading_above = cursor
        .checked_sub(1)
        .is_some_and(|row| matches!(rows.get(row), Some(SkillRow::Category(_))));
    let first = s
        .skills
        .follow_under_heading(inner, rows.len(), cursor, heading_above);
    let mut lines = Vec::new();
    for (index, row) in rows
        .iter()
        .enumerate()
        .skip(first)
        .take(usize::from(inner.height))
    {
        match row {
            SkillRow::Category(category) => {
                lines.push(super::intro::category_heading(app, category, columns));
            }
            SkillRow::Skill {
                id,
                name,
                proficiency,
            } => {
                let selected = index == cursor;
                let cursor_mark = if selected { "▶" } else { " " };
                let marker = format!("{cursor_mark}{}", app.bookmark_mark(id, &level.id));
                let word_width = if columns >= 34 + you_width { 9 } else { 0 };
                let name_width = columns.saturating_sub(2 + 4 + 1 + word_width + you_width);
                let mut spans = vec![Span::raw(marker)];
                spans.extend(common::pips(*proficiency, app));
                spans.push(Span::raw(" "));
                if rated {
                    spans.push(super::you::you_pips(app, id));
                    spans.push(Span::raw(" "));
                }
                if word_width > 0 {
                    spans.push(Span::styled(
                        pad(&common::step_word(app, *proficiency), word_width),
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
    common::draw_lines(frame, inner, lines);
}
