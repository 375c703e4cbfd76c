//! The plan screen: bookmarked skills grouped by status with their level and note, and for the
//! target level a segmented gauge and the skills not yet in the plan.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::common::{self, fit, one_line, pad};
use crate::plan::{Status, TargetProgress, is_in_ladder, target_progress};
use crate::present::status_title;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::plan_screen::{ItemRow, PlanPane, item_rows};
use crate::tui::screens::ScreenKind;

/// The glyphs of the gauge, one per kind of cell, so it reads without colour.
pub const DONE: char = '█';
pub const IN_PROGRESS: char = '▓';
pub const PLANNED: char = '▒';
pub const MISSING: char = '·';

/// Where the plan screen's parts go inside the body.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PlanLayout {
    pub banner: Option<Rect>,
    pub items: Rect,
    pub target: Rect,
}

pub fn layout(app: &App, body: Rect) -> PlanLayout {
    let banner_height = app.plan.load_error.as_ref().map_or(0, |error| {
        let lines = u16::try_from(error.lines().count()).unwrap_or(u16::MAX);
        lines.saturating_add(2).min(body.height / 3).max(3)
    });
    let [banner, rest] =
        Layout::vertical([Constraint::Length(banner_height), Constraint::Fill(1)]).areas(body);
    let (items, target) = if rest.width >= 100 {
        let target_width = (rest.width * 2 / 5).clamp(40, 60);
        let [items, target] =
            Layout::horizontal([Constraint::Fill(1), Constraint::Length(target_width)]).areas(rest);
        (items, target)
    } else {
        let target_height = (rest.height / 2).max(6);
        let [items, target] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(target_height)]).areas(rest);
        (items, target)
    };
    PlanLayout {
        banner: (banner.height > 0).then_some(banner),
        items,
        target,
    }
}

/// Cell counts of the gauge's four parts (done, in progress, planned, missing) for `width`
/// cells: each boundary is rounded from the running total, so the parts always fill the bar.
pub fn gauge_cells(progress: &TargetProgress<'_>, width: usize) -> [usize; 4] {
    let counts = [
        progress.done,
        progress.in_progress,
        progress.planned,
        progress.missing,
    ];
    let total = progress.total();
    if total == 0 {
        return [0, 0, 0, width];
    }
    let mut cells = [0; 4];
    let mut running = 0;
    let mut drawn = 0;
    for (cell, count) in cells.iter_mut().zip(counts) {
        running += count;
        let boundary = (running * width + total / 2) / total;
        *cell = boundary - drawn;
        drawn = boundary;
    }
    cells
}

/// The gauge's figures in words, `█ done 1  ▓ in progress 0 …`, laid out in lines of at most
/// `columns` without splitting a figure from its name.
pub fn gauge_legend(progress: &TargetProgress<'_>, columns: usize) -> Vec<String> {
    let parts = [
        format!("{DONE} done {}", progress.done),
        format!("{IN_PROGRESS} in progress {}", progress.in_progress),
        format!("{PLANNED} planned {}", progress.planned),
        format!("{MISSING} missing {}", progress.missing),
        format!("(of {})", progress.total()),
    ];
    let mut lines: Vec<String> = Vec::new();
    for part in parts {
        match lines.last_mut() {
            Some(line) if common::width(line) + 2 + common::width(&part) <= columns => {
                line.push_str("  ");
                line.push_str(&part);
            }
            _ => lines.push(fit(&part, columns)),
        }
    }
    lines
}

/// The items pane's list area (inside the border; the note editor, when open, takes the
/// last line).
fn items_list_area(app: &App, area: Rect) -> Rect {
    let inner = Block::bordered().inner(area);
    let editing = u16::from(app.plan.editor.is_some());
    Rect {
        height: inner.height.saturating_sub(editing),
        ..inner
    }
}

/// The lines above the target's missing skills: the gauge, its legend, a blank line and the
/// list's heading.
fn target_head(app: &App, progress: &TargetProgress<'_>, columns: usize) -> Vec<Line<'static>> {
    let theme = &app.settings.theme;
    let cells = gauge_cells(progress, columns);
    let styles = [
        theme.pip_filled,
        theme.bar_estimate,
        theme.bar,
        theme.pip_empty,
    ];
    let glyphs = [DONE, IN_PROGRESS, PLANNED, MISSING];
    let bar: Vec<Span<'static>> = cells
        .iter()
        .zip(glyphs)
        .zip(styles)
        .map(|((&n, glyph), style)| Span::styled(glyph.to_string().repeat(n), style))
        .collect();
    let mut lines = vec![Line::from(bar)];
    lines.extend(
        gauge_legend(progress, columns)
            .into_iter()
            .map(|l| Line::styled(l, theme.muted)),
    );
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        fit(
            &format!(
                "Not yet in your plan ({}) · {} adds",
                progress.missing_skills().count(),
                app.settings
                    .keymap
                    .label_for(Action::Bookmark, ScreenKind::Plan, 1)
            ),
            columns,
        ),
        theme.heading,
    ));
    lines
}

/// The area of the target's missing skills, below [`target_head`].
fn missing_list_area(app: &App, area: Rect, progress: &TargetProgress<'_>) -> Rect {
    let inner = Block::bordered().inner(area);
    let head = target_head(app, progress, usize::from(inner.width)).len();
    let head = u16::try_from(head).unwrap_or(u16::MAX).min(inner.height);
    Rect {
        y: inner.y.saturating_add(head),
        height: inner.height - head,
        ..inner
    }
}

pub fn draw(frame: &mut Frame<'_>, app: &App, body: Rect) {
    let parts = layout(app, body);
    app.plan.panes.set(Some((parts.items, parts.target)));
    if let Some(area) = parts.banner {
        draw_banner(frame, app, area);
    }
    draw_items(frame, app, parts.items);
    draw_target(frame, app, parts.target);
}

fn draw_banner(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let theme = &app.settings.theme;
    let block = Block::bordered()
        .border_style(theme.bar_estimate)
        .title(Span::styled(
            " Plan file has problems: opened read-only, never written ",
            theme.heading,
        ));
    let text = app.plan.load_error.as_deref().unwrap_or("");
    let lines: Vec<Line<'static>> = text.lines().map(|l| Line::raw(one_line(l))).collect();
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block),
        area,
    );
}

fn status_style(app: &App, status: Status) -> Style {
    let theme = &app.settings.theme;
    match status {
        Status::Planned => theme.bar,
        Status::InProgress => theme.bar_estimate,
        Status::Done => theme.pip_filled,
    }
}

fn status_glyph(status: Status) -> char {
    match status {
        Status::Planned => PLANNED,
        Status::InProgress => IN_PROGRESS,
        Status::Done => DONE,
    }
}

/// A muted, wrapped note where a pane has nothing to list.
fn draw_note(
    frame: &mut Frame<'_>,
    app: &App,
    text: impl Into<ratatui::text::Text<'static>>,
    area: Rect,
) {
    frame.render_widget(
        Paragraph::new(text)
            .style(app.settings.theme.muted)
            .wrap(Wrap { trim: true }),
        area,
    );
}

fn draw_items(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let theme = &app.settings.theme;
    let plan = &app.plan;
    let items = plan.items();
    let focused = plan.pane == PlanPane::Items;
    let mut title = format!("Your plan ({})", items.len());
    if plan.is_read_only() {
        title.push_str(" · read-only");
    }
    let block = common::pane(&title, focused, app);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    let editing = plan.editor.is_some();
    let columns = usize::from(inner.width);
    if items.is_empty() {
        let text = if plan.plan().is_none() {
            "No plan file to keep bookmarks in (see the message below).".to_owned()
        } else {
            // The keys as bound, so the note stays true after rebinding.
            let key = |action| app.settings.keymap.label_for(action, ScreenKind::Level, 1);
            format!(
                "No skills bookmarked yet. Open a level ({}), go to its skills ({}) and press \
                 {} on a skill to add it here.",
                key(Action::Open),
                key(Action::FocusNext),
                key(Action::Bookmark)
            )
        };
        draw_note(frame, app, text, inner);
        plan.items_list.hide();
        return;
    }
    let rows = item_rows(&items);
    let list = items_list_area(app, area);
    let cursor_row = rows
        .iter()
        .position(|r| matches!(r, ItemRow::Item(i, _) if *i == plan.item_cursor))
        .unwrap_or(0);
    let heading_above = cursor_row
        .checked_sub(1)
        .is_some_and(|row| matches!(rows.get(row), Some(ItemRow::Heading(..))));
    let first = plan
        .items_list
        .follow_under_heading(list, rows.len(), cursor_row, heading_above);
    let level_width = (columns / 4).clamp(6, 22);
    // Room for "not in this ladder" in the note column when the list is wide enough.
    let name_width = (columns * 2 / 5)
        .clamp(8, 34)
        .min(columns.saturating_sub(2 + 1 + level_width + 1 + 18))
        .max(8);
    let note_width = columns.saturating_sub(2 + name_width + 1 + level_width + 1);
    let mut lines = Vec::new();
    for row in rows.iter().skip(first).take(usize::from(list.height)) {
        match row {
            ItemRow::Heading(status, count) => lines.push(Line::from(vec![
                Span::styled(
                    status_glyph(*status).to_string(),
                    status_style(app, *status),
                ),
                Span::styled(
                    fit(
                        &format!(" {} ({count})", status_title(*status)),
                        columns - 1,
                    ),
                    theme.heading,
                ),
            ])),
            ItemRow::Item(_, item) => {
                let selected = matches!(row, ItemRow::Item(i, _) if *i == plan.item_cursor);
                let known = is_in_ladder(item, &app.ladder);
                let name = app.ladder.skill(&item.skill).map_or_else(
                    || {
                        item.skill_name
                            .clone()
                            .unwrap_or_else(|| item.skill.clone())
                    },
                    |s| s.name.clone(),
                );
                let level = app.ladder.level(&item.level).map_or_else(
                    || {
                        item.level_title
                            .clone()
                            .unwrap_or_else(|| item.level.clone())
                    },
                    |l| l.title.clone(),
                );
                let mut note = one_line(&item.note);
                if !known {
                    note = if note.is_empty() {
                        "not in this ladder".to_owned()
                    } else {
                        format!("not in this ladder · {note}")
                    };
                }
                let line = Line::from(vec![
                    Span::raw(if selected { "▶ " } else { "  " }),
                    Span::raw(pad(&one_line(&name), name_width)),
                    Span::raw(" "),
                    Span::styled(pad(&one_line(&level), level_width), theme.muted),
                    Span::raw(" "),
                    Span::styled(
                        pad(&note, note_width),
                        if known {
                            Style::new()
                        } else {
                            theme.bar_estimate
                        },
                    ),
                ]);
                lines.push(if selected {
                    line.style(common::row_style(app, true, focused))
                } else {
                    line
                });
            }
        }
    }
    frame.render_widget(Paragraph::new(lines), list);
    if editing {
        let line = Rect::new(inner.x, inner.bottom().saturating_sub(1), inner.width, 1);
        draw_editor(frame, app, line);
    }
}

/// The note input on one line: `Note: text`, scrolled so the cursor stays in view.
fn draw_editor(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let Some(editor) = &app.plan.editor else {
        return;
    };
    let theme = &app.settings.theme;
    let label = "Note: ";
    let label_width = u16::try_from(label.len()).unwrap_or(u16::MAX);
    let field = Rect {
        x: area.x.saturating_add(label_width).min(area.right()),
        width: area.width.saturating_sub(label_width),
        ..area
    };
    frame.render_widget(Span::styled(label, theme.key), area);
    // The same text field as the search overlay's: scrolled so the cursor stays in view.
    let (text, _) = editor
        .input
        .visible(usize::from(field.width), theme.selected);
    frame.render_widget(text.style(theme.selected), field);
    if let Some(cursor) = editor.input.cursor_position(field) {
        frame.set_cursor_position(cursor);
    }
}

fn draw_target(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let plan = app.plan.plan();
    let progress = plan.and_then(|p| target_progress(p, &app.ladder));
    let focused = app.plan.pane == PlanPane::Missing;
    let title = match (&progress, plan.and_then(|p| p.target.as_deref())) {
        (Some(progress), _) => format!("Target: {}", progress.level.title),
        (None, Some(id)) => format!("Target: {id}"),
        (None, None) => "Target".to_owned(),
    };
    let block = common::pane(&title, focused, app);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let columns = usize::from(inner.width);
    let Some(progress) = progress else {
        // The key comes from the keymap, so the hint stays true when it is rebound.
        let key = app
            .settings
            .keymap
            .label_for(Action::SetTarget, ScreenKind::Plan, 1);
        let text = match plan.and_then(|p| p.target.as_deref()) {
            Some(id) => format!(
                "The target `{}` is not in this ladder. Press {key} to choose another by name.",
                one_line(id)
            ),
            None => format!(
                "No target level yet. Press {key} to choose the level to work toward by its \
                 title or an example job title."
            ),
        };
        draw_note(frame, app, text, inner);
        app.plan.missing_list.hide();
        return;
    };
    let missing: Vec<_> = progress.missing_skills().collect();
    frame.render_widget(Paragraph::new(target_head(app, &progress, columns)), inner);
    let list = missing_list_area(app, area, &progress);
    let cursor = app.plan.missing_cursor;
    let first = app.plan.missing_list.follow(list, missing.len(), cursor);
    let mut lines = Vec::new();
    for (index, skill) in missing
        .iter()
        .enumerate()
        .skip(first)
        .take(usize::from(list.height))
    {
        let selected = focused && index == cursor;
        let name = app
            .ladder
            .skill(&skill.skill)
            .map_or_else(|| skill.skill.clone(), |s| s.name.clone());
        let mut spans = vec![Span::raw(if selected { "▶ " } else { "  " })];
        spans.extend(common::pips(skill.proficiency, app));
        spans.push(Span::raw(" "));
        spans.push(Span::raw(pad(&one_line(&name), columns.saturating_sub(7))));
        let line = Line::from(spans);
        lines.push(if selected {
            line.style(common::row_style(app, true, true))
        } else {
            line
        });
    }
    frame.render_widget(Paragraph::new(lines), list);
}
