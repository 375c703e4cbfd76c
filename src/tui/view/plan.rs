//! The plan screen: bookmarked skills grouped by status with their level and note; the
//! selected item's evidence (and its skill rating's); for the target level a segmented gauge,
//! the share of its expectations met week by week, and the skills not yet in the plan; or,
//! when one is open, a check-in beside your own ratings.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::common::{self, fit, one_line, pad};
use crate::plan::{
    EvidenceOwner, RatingScale, Status, TargetProgress, WeekPoint, is_in_ladder, progress_by_week,
    target_progress,
};
use crate::present::status_title;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::plan_screen::{
    Editor, EvidenceRow, ItemRow, PlanPane, PlanPanes, PlanScreen, WeeklyKey, item_rows,
};
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
    /// The selected item's evidence, when on screen.
    pub evidence: Option<Rect>,
    /// The target, or the check-in when one is open, when on screen.
    pub side: Option<Rect>,
}

/// Below this many rows the items and their evidence do not share a column.
const SHORT: u16 = 16;

/// At 100 columns and more every pane is on screen: the items over their evidence, the
/// target (or check-in) beside them. Narrower, the items are on top and below them the
/// target (or check-in), or the evidence while the evidence pane has the focus.
pub fn layout(app: &App, screen: &PlanScreen, body: Rect) -> PlanLayout {
    let banner_height = app.plan.load_error.as_ref().map_or(0, |error| {
        let lines = u16::try_from(error.lines().count()).unwrap_or(u16::MAX);
        lines.saturating_add(2).min(body.height / 3).max(3)
    });
    let [banner, rest] =
        Layout::vertical([Constraint::Length(banner_height), Constraint::Fill(1)]).areas(body);
    let banner = (banner.height > 0).then_some(banner);
    if rest.width >= 100 {
        // A check-in table has four columns: it takes half the width, the target two fifths.
        let side_width = if screen.checkin.is_some() {
            (rest.width / 2).clamp(40, 100)
        } else {
            (rest.width * 2 / 5).clamp(40, 70)
        };
        let [left, side] =
            Layout::horizontal([Constraint::Fill(1), Constraint::Length(side_width)]).areas(rest);
        if left.height < SHORT {
            // Too short for two panes: the evidence shows in place of the items while it
            // has the focus.
            let (items, evidence) = if screen.pane == PlanPane::Evidence {
                (Rect { height: 0, ..left }, Some(left))
            } else {
                (left, None)
            };
            return PlanLayout {
                banner,
                items,
                evidence,
                side: Some(side),
            };
        }
        // The evidence pane is as tall as its entries (at most two fifths of the column), so
        // an item with little evidence leaves its rows to the items list.
        let most = (left.height * 2 / 5).max(7);
        let wanted = evidence_rows_wanted(app, screen, usize::from(left.width.saturating_sub(2)));
        let evidence_height = wanted.saturating_add(2).clamp(5.min(most), most);
        let [items, evidence] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(evidence_height)])
                .areas(left);
        return PlanLayout {
            banner,
            items,
            evidence: Some(evidence),
            side: Some(side),
        };
    }
    let below_height = (rest.height / 2).max(6);
    let [items, below] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(below_height)]).areas(rest);
    let evidence_focused = screen.pane == PlanPane::Evidence;
    PlanLayout {
        banner,
        items,
        evidence: evidence_focused.then_some(below),
        side: (!evidence_focused).then_some(below),
    }
}

/// How many rows the evidence pane wants at `columns`: for the item with the most evidence, a
/// row per owner heading, up to three lines and a link line per entry (wrapping estimated from
/// the text's width), and the note about rating; plus the editor's two lines while it is
/// open. Taken over every item, so the panes do not change size as the cursor moves.
fn evidence_rows_wanted(app: &App, screen: &PlanScreen, columns: usize) -> u16 {
    let Some(plan) = app.plan.plan() else {
        return 1;
    };
    // The date and its gaps come before an entry's text.
    let text_columns = columns.saturating_sub(14).max(1);
    let entry_rows = |list: &[crate::plan::Evidence]| -> usize {
        list.iter()
            .map(|e| {
                common::width(&e.text).div_ceil(text_columns).clamp(1, 3)
                    + usize::from(e.link.is_some())
            })
            .sum()
    };
    // Counted straight from the file's lists: no rows built or sorted for every item.
    let most = plan
        .items
        .iter()
        .map(|item| {
            let own = 1 + entry_rows(&item.evidence);
            let rating = plan
                .rating(&item.skill)
                .map_or(1, |r| 1 + entry_rows(&r.evidence));
            own + rating
        })
        .max()
        .unwrap_or(1);
    let editor = if matches!(screen.editor, Some(Editor::Evidence(_))) {
        2
    } else {
        0
    };
    u16::try_from(most + editor).unwrap_or(u16::MAX)
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

/// The glyphs of the weekly chart, lowest share first; a week with nothing met is `·`.
const SPARKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
const NOTHING_MET: char = '·';

/// A week's share of expectations met as one glyph: the higher the share, the taller the bar,
/// so the chart reads without colour.
pub fn spark(point: &WeekPoint) -> char {
    if point.of == 0 || point.met == 0 {
        return NOTHING_MET;
    }
    let eighths = (point.met * 8).div_ceil(point.of).clamp(1, 8);
    SPARKS[eighths - 1]
}

/// The weekly chart in `columns`: a heading with the latest figures, one glyph per week (the
/// latest weeks that fit), and the first and last week shown under its ends. Empty without
/// history.
pub fn progress_chart(points: &[WeekPoint], columns: usize) -> Vec<String> {
    let Some(last) = points.last() else {
        return Vec::new();
    };
    let columns = columns.max(1);
    let shown = &points[points.len().saturating_sub(columns)..];
    // A few weeks get wider bars, up to four cells a week, so the chart fills its line.
    let cells = (columns / shown.len()).clamp(1, 4);
    let sparks: String = shown
        .iter()
        .flat_map(|p| std::iter::repeat_n(spark(p), cells))
        .collect();
    let chart_width = shown.len() * cells;
    let first_week = shown.first().map_or(last.week_start, |p| p.week_start);
    let (from, to) = (first_week.to_string(), last.week_start.to_string());
    let labels = if shown.len() == 1 {
        format!("week of {to}")
    } else if chart_width > from.len() + to.len() {
        let gap = chart_width - from.len() - to.len();
        format!("{from}{}{to}", " ".repeat(gap))
    } else {
        format!("{from} → {to}")
    };
    vec![
        fit(
            &format!(
                "Met by week: {} of {} now ({})",
                last.met,
                last.of,
                crate::present::count(shown.len(), "week")
            ),
            columns,
        ),
        sparks,
        fit(&labels, columns),
    ]
}

/// The items pane's list area (inside the border; a text field, when open there, takes the
/// last line).
fn items_list_area(screen: &PlanScreen, area: Rect) -> Rect {
    let inner = Block::bordered().inner(area);
    let editing = u16::from(matches!(
        screen.editor,
        Some(Editor::Note(_) | Editor::CheckinPath(_))
    ));
    Rect {
        height: inner.height.saturating_sub(editing),
        ..inner
    }
}

/// The weekly progress toward the target, when the plan has a target on this ladder and a
/// history of ratings; computed again only when what it depends on changed.
fn weekly_points(app: &App, screen: &PlanScreen) -> Vec<WeekPoint> {
    let Some(plan) = app.plan.plan() else {
        return Vec::new();
    };
    let Some(level) = plan.target.as_deref().and_then(|id| app.ladder.level(id)) else {
        return Vec::new();
    };
    let today = app.plan.today();
    let key = WeeklyKey::of(&app.plan);
    screen.weekly.with(|cached| {
        if let Some((cached_key, points)) = cached.as_ref()
            && *cached_key == key
        {
            return points.clone();
        }
        let scale = RatingScale::of(&app.ladder);
        let points = progress_by_week(plan, level, &scale, &today);
        *cached = Some((key, points.clone()));
        points
    })
}

/// The lines above the target's missing skills: the gauge, its legend, the weekly chart, a
/// blank line and the list's heading.
fn target_head(
    app: &App,
    screen: &PlanScreen,
    progress: &TargetProgress<'_>,
    columns: usize,
) -> Vec<Line<'static>> {
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
    let chart = progress_chart(&weekly_points(app, screen), columns);
    if !chart.is_empty() {
        lines.push(Line::raw(""));
        for (index, line) in chart.into_iter().enumerate() {
            lines.push(match index {
                0 => Line::styled(line, theme.heading),
                1 => Line::styled(line, theme.pip_filled),
                _ => Line::styled(line, theme.muted),
            });
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        fit(
            &format!(
                "Not yet in your plan ({}) · {} adds{}",
                progress.missing_skills().count(),
                app.settings
                    .keymap
                    .label_for(Action::Bookmark, ScreenKind::Plan, 1),
                if app.you().has_ratings() {
                    " · expected, you"
                } else {
                    ""
                },
            ),
            columns,
        ),
        theme.heading,
    ));
    lines
}

/// The area of the target's missing skills, below [`target_head`].
fn missing_list_area(
    app: &App,
    screen: &PlanScreen,
    area: Rect,
    progress: &TargetProgress<'_>,
) -> Rect {
    let inner = Block::bordered().inner(area);
    let head = target_head(app, screen, progress, usize::from(inner.width)).len();
    let head = u16::try_from(head).unwrap_or(u16::MAX).min(inner.height);
    Rect {
        y: inner.y.saturating_add(head),
        height: inner.height - head,
        ..inner
    }
}

pub fn draw(frame: &mut Frame<'_>, app: &App, screen: &PlanScreen, body: Rect) {
    let parts = layout(app, screen, body);
    screen.panes.set(PlanPanes {
        items: (parts.items.height > 0).then_some(parts.items),
        evidence: parts.evidence,
        side: parts.side,
    });
    if let Some(area) = parts.banner {
        draw_banner(frame, app, area);
    }
    if parts.items.height > 0 {
        draw_items(frame, app, screen, parts.items);
    } else {
        screen.items_list.hide();
    }
    match parts.evidence {
        Some(area) => draw_evidence(frame, app, screen, area),
        None => screen.evidence_list.hide(),
    }
    match (parts.side, &screen.checkin) {
        (Some(area), Some(_)) => {
            screen.missing_list.hide();
            draw_checkin(frame, app, screen, area);
        }
        (Some(area), None) => {
            screen.checkin_list.hide();
            draw_target(frame, app, screen, area);
        }
        (None, _) => {
            screen.missing_list.hide();
            screen.checkin_list.hide();
        }
    }
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

/// The key bound to `action` on the plan screen, as hints show it.
fn plan_key(app: &App, action: Action) -> String {
    app.settings.keymap.label_for(action, ScreenKind::Plan, 1)
}

fn draw_items(frame: &mut Frame<'_>, app: &App, screen: &PlanScreen, area: Rect) {
    let theme = &app.settings.theme;
    let plan = &app.plan;
    let items = plan.items();
    let focused = screen.pane == PlanPane::Items;
    // Once the plan rates a skill, each item shows the step its level asks and yours.
    let rated = app.you().has_ratings();
    let mut title = format!("Your plan ({})", items.len());
    if rated {
        title.push_str(" · expected, you");
    }
    if plan.is_read_only() {
        title.push_str(" · read-only");
    }
    let inner = common::draw_pane(frame, &title, focused, app, area);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    let columns = usize::from(inner.width);
    let editor_line = Rect::new(inner.x, inner.bottom().saturating_sub(1), inner.width, 1);
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
        draw_note(frame, app, text, items_list_area(screen, area));
        screen.items_list.hide();
        draw_editor(frame, app, screen, editor_line);
        return;
    }
    let rows = item_rows(&items);
    let list = items_list_area(screen, area);
    let cursor_row = rows
        .iter()
        .position(|r| matches!(r, ItemRow::Item(i, _) if *i == screen.item_cursor))
        .unwrap_or(0);
    let heading_above = cursor_row
        .checked_sub(1)
        .is_some_and(|row| matches!(rows.get(row), Some(ItemRow::Heading(..))));
    let first = screen
        .items_list
        .follow_under_heading(list, rows.len(), cursor_row, heading_above);
    let level_width = (columns / 4).clamp(6, 22);
    // Room for "not in this ladder" in the note column when the list is wide enough.
    let name_width = (columns * 2 / 5)
        .clamp(8, 34)
        .min(columns.saturating_sub(2 + 1 + level_width + 1 + 18))
        .max(8);
    let steps = usize::from(app.ladder.scale().max());
    let pips_width = if rated { 2 * steps + 2 } else { 0 };
    let note_width = columns.saturating_sub(2 + name_width + 1 + pips_width + level_width + 1);
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
                let selected = matches!(row, ItemRow::Item(i, _) if *i == screen.item_cursor);
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
                let mut spans = vec![
                    Span::raw(if selected { "▶ " } else { "  " }),
                    Span::raw(pad(&one_line(&name), name_width)),
                    Span::raw(" "),
                ];
                if rated {
                    let expected = app
                        .ladder
                        .level(&item.level)
                        .and_then(|l| l.proficiency_of(&item.skill));
                    spans.extend(common::pips(expected, app));
                    spans.push(Span::raw(" "));
                    spans.push(super::you::you_pips(app, &item.skill));
                    spans.push(Span::raw(" "));
                }
                spans.extend([
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
                let line = Line::from(spans);
                lines.push(if selected {
                    line.style(common::row_style(app, true, focused))
                } else {
                    line
                });
            }
        }
    }
    frame.render_widget(Paragraph::new(lines), list);
    draw_editor(frame, app, screen, editor_line);
}

/// One labelled text field on a line: `Note: text`, scrolled so the cursor stays in view; the
/// terminal cursor is put there when `active`.
fn draw_field(
    frame: &mut Frame<'_>,
    app: &App,
    label: &str,
    input: &crate::tui::widgets::text_input::TextInput,
    active: bool,
    area: Rect,
) {
    let theme = &app.settings.theme;
    let label_width = u16::try_from(common::width(label)).unwrap_or(u16::MAX);
    let field = Rect {
        x: area.x.saturating_add(label_width).min(area.right()),
        width: area.width.saturating_sub(label_width),
        ..area
    };
    frame.render_widget(Span::styled(label.to_owned(), theme.key), area);
    let style = if active { theme.selected } else { Style::new() };
    // The same text field as the search overlay's: scrolled so the cursor stays in view.
    let (text, _) = input.visible(usize::from(field.width), style);
    frame.render_widget(text.style(style), field);
    if active && let Some(cursor) = input.cursor_position(field) {
        common::place_cursor(frame, app, cursor);
    }
}

/// The note or check-in path being typed, on the items pane's last line.
fn draw_editor(frame: &mut Frame<'_>, app: &App, screen: &PlanScreen, area: Rect) {
    match &screen.editor {
        Some(Editor::Note(editor)) => draw_field(frame, app, "Note: ", &editor.input, true, area),
        Some(Editor::CheckinPath(input)) => {
            draw_field(frame, app, "Their plan file: ", input, true, area);
        }
        _ => {}
    }
}

/// The evidence pane: the selected item's entries, then its skill rating's, newest first,
/// each dated, wrapped, with its link below it.
fn draw_evidence(frame: &mut Frame<'_>, app: &App, screen: &PlanScreen, area: Rect) {
    let theme = &app.settings.theme;
    let focused = screen.pane == PlanPane::Evidence;
    let item = screen.selected_item(&app.plan);
    let title = match item {
        Some(item) => format!(
            "Evidence · {}",
            app.ladder
                .skill(&item.skill)
                .map_or(item.skill.as_str(), |s| s.name.as_str())
        ),
        None => "Evidence".to_owned(),
    };
    let inner = common::draw_pane(frame, &title, focused, app, area);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    let Some(item) = item else {
        draw_note(
            frame,
            app,
            "Evidence belongs to an item of your plan: bookmark a skill first.",
            inner,
        );
        screen.evidence_list.hide();
        return;
    };
    let editing = matches!(screen.editor, Some(Editor::Evidence(_)));
    let list = Rect {
        height: inner.height.saturating_sub(if editing { 2 } else { 0 }),
        ..inner
    };
    let columns = usize::from(inner.width);
    let rows = screen.evidence_rows(&app.plan);
    let add = plan_key(app, Action::AddEvidence);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut line_rows: Vec<usize> = Vec::new();
    let mut cursor_line = 0;
    for (index, row) in rows.iter().enumerate() {
        let selected = index == screen.evidence_cursor;
        if selected {
            cursor_line = lines.len();
        }
        let marker = if selected { "▶ " } else { "  " };
        let style = if selected {
            common::row_style(app, true, focused)
        } else {
            Style::new()
        };
        match row {
            EvidenceRow::Owner(owner, count) => {
                let whose = match owner {
                    EvidenceOwner::Item { level, .. } => format!(
                        "This item ({})",
                        app.ladder
                            .level(level)
                            .map_or(level.as_str(), |l| l.title.as_str())
                    ),
                    EvidenceOwner::Rating { skill } => format!(
                        "Your rating: {}",
                        app.plan
                            .plan()
                            .and_then(|p| p.rating(skill))
                            .map_or("", |r| r.step.as_str())
                    ),
                };
                let tail = if *count == 0 {
                    format!("none yet, {add} adds")
                } else {
                    if *count == 1 {
                        "1 entry".to_owned()
                    } else {
                        format!("{count} entries")
                    }
                };
                lines.push(
                    Line::from(vec![
                        Span::raw(marker),
                        Span::styled(
                            fit(
                                &one_line(&format!("{whose} · {tail}")),
                                columns.saturating_sub(2),
                            ),
                            theme.heading,
                        ),
                    ])
                    .style(style),
                );
                line_rows.push(index);
            }
            EvidenceRow::Entry(_, evidence) => {
                let date = evidence.date.to_string();
                let lead = format!("{marker}{date}  ");
                let indent = " ".repeat(common::width(&lead));
                // Untrusted text: wrapped after control characters are dropped, at most
                // three lines, the last cut with `…`.
                let mut wrapped = crate::text::wrap(&evidence.text, columns, &lead, &indent);
                if wrapped.len() > 3 {
                    wrapped.truncate(3);
                    if let Some(last) = wrapped.last_mut() {
                        // `fit` cuts a line too wide for the mark, and marks it itself.
                        *last = fit(&format!("{}…", last.trim_end()), columns);
                    }
                }
                for text in wrapped {
                    lines.push(Line::raw(fit(&text, columns)).style(style));
                    line_rows.push(index);
                }
                if let Some(link) = &evidence.link {
                    lines.push(
                        Line::styled(
                            fit(&format!("{indent}↗ {}", one_line(link)), columns),
                            theme.muted,
                        )
                        .style(style),
                    );
                    line_rows.push(index);
                }
            }
        }
    }
    if app
        .plan
        .plan()
        .is_some_and(|p| p.rating(&item.skill).is_none())
    {
        lines.push(Line::styled(
            fit(
                &format!(
                    "Not rated: {} rates the skill, to keep evidence with your rating too.",
                    app.settings
                        .keymap
                        .label_for(Action::Rate, ScreenKind::Plan, 1)
                ),
                columns,
            ),
            theme.muted,
        ));
        line_rows.push(usize::MAX);
    }
    let first = screen.evidence_list.follow(list, lines.len(), cursor_line);
    let shown: Vec<Line<'static>> = lines
        .into_iter()
        .skip(first)
        .take(usize::from(list.height))
        .collect();
    screen
        .evidence_lines
        .set(line_rows.split_off(first.min(line_rows.len())));
    frame.render_widget(Paragraph::new(shown), list);
    if let Some(Editor::Evidence(editor)) = &screen.editor {
        let text_line = Rect::new(inner.x, inner.bottom().saturating_sub(2), inner.width, 1);
        let link_line = Rect::new(inner.x, inner.bottom().saturating_sub(1), inner.width, 1);
        let label = if editor.old.is_some() {
            "Edit: "
        } else {
            "New:  "
        };
        draw_field(frame, app, label, &editor.text, !editor.on_link, text_line);
        draw_field(
            frame,
            app,
            "Link: ",
            &editor.link,
            editor.on_link,
            link_line,
        );
    }
}

/// Someone else's ratings beside yours and your target's expectations, disagreements first.
fn draw_checkin(frame: &mut Frame<'_>, app: &App, screen: &PlanScreen, area: Rect) {
    let theme = &app.settings.theme;
    let focused = screen.pane == PlanPane::Checkin;
    let name = screen
        .checkin
        .as_ref()
        .map(|c| c.name())
        .unwrap_or_default();
    let inner = common::draw_pane(frame, &format!("Check-in · {name}"), focused, app, area);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    let columns = usize::from(inner.width);
    let scale = RatingScale::of(&app.ladder);
    let rows = screen.checkin_rows(&app.plan, &app.ladder);
    let disagreements = rows.iter().filter(|r| r.disagrees()).count();
    let target = app
        .plan
        .target()
        .and_then(|id| app.ladder.level(id))
        .map_or_else(
            || "no target: nothing expected".to_owned(),
            |l| format!("expected by {}", one_line(&l.title)),
        );
    let step_width = scale
        .steps()
        .iter()
        .map(|s| common::width(s))
        .chain([common::width("not rated")])
        .max()
        .unwrap_or(9)
        .min(12);
    // Two spaces after each step: "not rated" fills a cell, and two of them side by side
    // must not read as one phrase.
    let cell = |text: &str| pad(&one_line(text), step_width + 1);
    let mut head = vec![
        Line::styled(
            fit(
                &format!(
                    "⚠ {} of a step or more, listed first · {target}",
                    crate::present::count(disagreements, "disagreement")
                ),
                columns,
            ),
            theme.heading,
        ),
        Line::styled(
            fit(
                &format!(
                    "  {} {} {} skill",
                    cell("you"),
                    cell("theirs"),
                    cell("expected")
                ),
                columns,
            ),
            theme.muted,
        ),
    ];
    if rows.is_empty() {
        head.push(Line::styled(
            "Neither of you has rated a skill yet.",
            theme.muted,
        ));
    }
    let head_height = u16::try_from(head.len())
        .unwrap_or(u16::MAX)
        .min(inner.height);
    frame.render_widget(Paragraph::new(head), inner);
    let list = Rect {
        y: inner.y.saturating_add(head_height),
        height: inner.height - head_height,
        ..inner
    };
    let first = screen
        .checkin_list
        .follow(list, rows.len(), screen.checkin_cursor);
    let name_width = columns.saturating_sub(2 + 3 * (step_width + 2));
    let lines: Vec<Line<'static>> = rows
        .iter()
        .enumerate()
        .skip(first)
        .take(usize::from(list.height))
        .map(|(index, row)| {
            let flag = if row.disagrees() { "⚠ " } else { "  " };
            let skill = app
                .ladder
                .skill(&row.skill)
                .map_or(row.skill.as_str(), |s| s.name.as_str());
            let text = format!(
                "{flag}{} {} {} {}",
                cell(crate::present::step_or_unrated(row.yours, &scale)),
                cell(crate::present::step_or_unrated(row.theirs, &scale)),
                cell(row.expected.and_then(|r| scale.name(r)).unwrap_or("—")),
                fit(&one_line(skill), name_width)
            );
            let line = Line::raw(fit(&text, columns));
            if focused && index == screen.checkin_cursor {
                line.style(common::row_style(app, true, true))
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}

fn draw_target(frame: &mut Frame<'_>, app: &App, screen: &PlanScreen, area: Rect) {
    let rated = app.you().has_ratings();
    let plan = app.plan.plan();
    let progress = plan.and_then(|p| target_progress(p, &app.ladder));
    let focused = screen.pane == PlanPane::Missing;
    let title = match (&progress, plan.and_then(|p| p.target.as_deref())) {
        (Some(progress), _) => format!("Target: {}", progress.level.title),
        (None, Some(id)) => format!("Target: {id}"),
        (None, None) => "Target".to_owned(),
    };
    let inner = common::draw_pane(frame, &title, focused, app, area);
    let columns = usize::from(inner.width);
    let Some(progress) = progress else {
        // The key comes from the keymap, so the hint stays true when it is rebound.
        let key = plan_key(app, Action::SetTarget);
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
        screen.missing_list.hide();
        return;
    };
    let missing: Vec<_> = progress.missing_skills().collect();
    frame.render_widget(
        Paragraph::new(target_head(app, screen, &progress, columns)),
        inner,
    );
    let list = missing_list_area(app, screen, area, &progress);
    let cursor = screen.missing_cursor;
    let first = screen.missing_list.follow(list, missing.len(), cursor);
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
        let mut used = 3 + usize::from(app.ladder.scale().max());
        if rated {
            spans.push(super::you::you_pips(app, &skill.skill));
            spans.push(Span::raw(" "));
            used += 1 + usize::from(app.ladder.scale().max());
        }
        spans.push(Span::raw(pad(
            &one_line(&name),
            columns.saturating_sub(used),
        )));
        let line = Line::from(spans);
        lines.push(if selected {
            line.style(common::row_style(app, true, true))
        } else {
            line
        });
    }
    frame.render_widget(Paragraph::new(lines), list);
}
