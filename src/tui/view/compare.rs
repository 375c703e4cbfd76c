//! The compare screen: two levels side by side. At the top, the two names, where B sits
//! relative to A and the headline of what changes; below, a page in two aligned columns (facts,
//! experience on one axis, the two skill profiles in one chart, responsibilities) and the skills
//! of both levels as one list with a cursor.
//!
//! Every difference is marked twice: by colour, and by a character or modifier that survives
//! `NO_COLOR` — `+` new at B, `−` only at A, `↑` raised, `↓` lowered, `≠` changed, `=` same.
//! Content text is borrowed raw by [`crate::compare`], so all of it goes through `common`'s
//! cleaning helpers here.

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::common::{self, YearsScale, fit, one_line, pad, wrap};
use crate::compare::{Comparison, RangeComparison, SkillChange, SkillRow, Status};
use crate::ladder::{Level, Proficiency};
use crate::present::{
    FIELD_YEARS, MANAGING_YEARS, headline, relation_text, span_text, years_or_dash,
};
use crate::tui::app::App;
use crate::tui::screens::{ComparePane, CompareScreen};
use crate::tui::theme::Theme;

/// From this body width on, the page and the skills list sit side by side; below it one shows
/// at a time and `Tab` switches.
pub const SIDE_BY_SIDE_WIDTH: u16 = 100;

/// The gutter between the A and B columns.
const GUTTER: &str = " │ ";

/// Bar glyphs of the two series, so they differ without colour.
const GLYPH_A: &str = "█";
const GLYPH_B: &str = "▓";

/// The widths of the A and B columns for `columns` of text.
#[derive(Debug, Clone, Copy)]
struct Columns {
    left: usize,
    right: usize,
}

impl Columns {
    fn for_width(columns: usize) -> Columns {
        let room = columns.saturating_sub(GUTTER.width());
        let left = room / 2;
        Columns {
            left,
            right: room - left,
        }
    }
}

/// How a status is marked: its character and its style.
fn status_mark(status: Status, theme: &Theme) -> (&'static str, Style) {
    match status {
        Status::Same => ("=", theme.muted),
        Status::Changed => ("≠", theme.diff_changed),
        Status::OnlyA => ("−", theme.diff_removed),
        Status::OnlyB => ("+", theme.diff_added),
    }
}

/// The style of a skill change: gains at B (new, raised) one way, losses the other.
fn change_style(change: SkillChange, theme: &Theme) -> Style {
    match change {
        SkillChange::Same | SkillChange::Unrated => theme.muted,
        SkillChange::Raised | SkillChange::OnlyB => theme.diff_added,
        SkillChange::Lowered | SkillChange::OnlyA => theme.diff_removed,
    }
}

/// `line` padded with spaces to `columns` display columns.
fn padded(mut line: Line<'static>, columns: usize) -> Line<'static> {
    let gap = columns.saturating_sub(line.width());
    if gap > 0 {
        line.spans.push(Span::raw(" ".repeat(gap)));
    }
    line
}

/// Two lists of lines side by side, row by row, the left padded to its column.
fn side_by_side(
    left: Vec<Line<'static>>,
    right: Vec<Line<'static>>,
    cols: Columns,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let rows = left.len().max(right.len());
    let mut left = left.into_iter();
    let mut right = right.into_iter();
    (0..rows)
        .map(|_| {
            let mut line = padded(left.next().unwrap_or_default(), cols.left);
            line.spans.push(Span::styled(GUTTER, theme.border));
            line.spans.extend(right.next().unwrap_or_default().spans);
            line
        })
        .collect()
}

fn styled_lines(texts: Vec<String>, style: Style) -> Vec<Line<'static>> {
    texts.into_iter().map(|t| Line::styled(t, style)).collect()
}

/// `Management · rung 2 of 6`.
fn place(app: &App, level: &Level) -> String {
    let (track, rung, rungs) = common::track_and_rung(app, level);
    format!("{track} · rung {rung} of {rungs}")
}

/// The top of the screen for `columns`: names, places (when `roomy`), relation and headline.
pub fn head_lines(
    app: &App,
    c: &Comparison<'_>,
    columns: usize,
    roomy: bool,
) -> Vec<Line<'static>> {
    let theme = &app.settings.theme;
    let columns = columns.saturating_sub(2).max(1);
    let cols = Columns::for_width(columns);
    let side = |letter: &str, level: &Level, width: usize, style: Style| {
        let mut lines = vec![Line::from(vec![
            Span::styled(format!("{letter} "), style),
            Span::styled(
                // Your current (◆) and target (◎) levels marked, in words where room allows.
                fit(
                    &super::you::marked_title(app, level, width.saturating_sub(2)),
                    width.saturating_sub(2),
                ),
                style.patch(theme.heading),
            ),
        ])];
        if roomy {
            lines.push(Line::styled(fit(&place(app, level), width), theme.muted));
        }
        lines
    };
    let mut lines = side_by_side(
        side("A", c.a, cols.left, theme.series_a),
        side("B", c.b, cols.right, theme.series_b),
        cols,
        theme,
    );
    lines.extend(styled_lines(
        wrap(&relation_text(&app.ladder, c), columns, ""),
        theme.muted,
    ));
    for (i, text) in wrap(&headline(&c.headline), columns.saturating_sub(9), "")
        .into_iter()
        .enumerate()
    {
        let lead = if i == 0 { "Changes: " } else { "         " };
        lines.push(Line::from(vec![
            Span::styled(lead, theme.muted),
            Span::styled(text, theme.title),
        ]));
    }
    // One column of margin on the left, as the panes below have.
    lines
        .into_iter()
        .map(|mut l| {
            l.spans.insert(0, Span::raw(" "));
            l
        })
        .collect()
}

/// Below this body height the top leaves out each level's track and rung (the relation line
/// and the page still say them).
const ROOMY_HEIGHT: u16 = 30;

fn heading(text: &str, columns: usize, theme: &Theme, lines: &mut Vec<Line<'static>>) {
    lines.push(Line::raw(""));
    lines.push(Line::styled(fit(text, columns), theme.heading));
}

/// The page, what answers "what changes?" first: both levels' years on one axis, then (unless
/// the skills list is beside the page) the skills that change, the two profiles, the facts in
/// two columns and the responsibilities side by side.
pub fn page_lines(
    app: &App,
    c: &Comparison<'_>,
    columns: usize,
    with_skills: bool,
) -> Vec<Line<'static>> {
    let theme = &app.settings.theme;
    let columns = columns.max(1);
    let cols = Columns::for_width(columns);
    let mut lines = vec![Line::styled(
        fit(
            &format!(
                "Experience in years (one axis, 0–{})",
                c.experience.axis_end
            ),
            columns,
        ),
        theme.heading,
    )];
    lines.extend(experience_lines(app, c, columns));

    if with_skills {
        let changed: Vec<&SkillRow<'_>> = c
            .skills
            .iter()
            .filter(|row| row.change != SkillChange::Same)
            .collect();
        heading(
            &format!(
                "Skills that change ({} of {})",
                changed.len(),
                c.skills.len()
            ),
            columns,
            theme,
            &mut lines,
        );
        if changed.is_empty() {
            lines.push(Line::styled(
                "none: the same skills, the same steps",
                theme.muted,
            ));
        }
        // name, then `●●○○ → ●●●○`
        let pips_width = 4 + 3 + 4;
        let name_width = columns.saturating_sub(2 + 1 + pips_width);
        for row in changed {
            let style = change_style(row.change, theme);
            let pips = |p: Option<Proficiency>| {
                p.map_or_else(
                    || "  — ".to_owned(),
                    |p| {
                        let filled = usize::from(p.value());
                        format!(
                            "{}{}",
                            "●".repeat(filled),
                            "○".repeat(
                                usize::from(app.ladder.scale().max()).saturating_sub(filled)
                            )
                        )
                    },
                )
            };
            lines.push(Line::from(vec![
                Span::styled(row.change.marker().to_string(), style),
                Span::raw(" "),
                Span::raw(pad(&one_line(&row.skill.name), name_width)),
                Span::raw(" "),
                Span::styled(pips(row.a), theme.series_a),
                Span::styled(" → ", theme.muted),
                Span::styled(pips(row.b), theme.series_b),
            ]));
        }
    }

    heading(
        &crate::present::profile_heading(app.ladder.scale()),
        columns,
        theme,
        &mut lines,
    );
    lines.extend(profile_lines(app, c, columns));

    lines.push(Line::raw(""));
    lines.push(Line::from(legend(
        &[
            ("=", "same", theme.muted),
            ("≠", "changed", theme.diff_changed),
            ("+", "new at B", theme.diff_added),
            ("−", "only at A", theme.diff_removed),
        ],
        columns,
        theme,
    )));
    for row in &c.facts {
        if row.a.is_none() && row.b.is_none() {
            continue;
        }
        let (mark, style) = status_mark(row.status, theme);
        lines.push(Line::raw(""));
        let mut label = vec![
            Span::styled(mark, style),
            Span::raw(" "),
            Span::styled(row.fact.label(), theme.heading),
        ];
        if row.status == Status::Same {
            label.push(Span::styled(" (the same at both)", theme.muted));
        }
        lines.push(Line::from(label));
        if row.status == Status::Same {
            // Said once across the page rather than twice.
            let text = row.a.as_deref().unwrap_or_default();
            lines.extend(styled_lines(wrap(text, columns, "  "), theme.muted));
            continue;
        }
        let cell = |text: Option<&str>, width: usize, present: Style| match text {
            Some(text) => styled_lines(wrap(text, width, ""), present),
            None => vec![Line::styled("—", theme.muted)],
        };
        let (a_style, b_style) = match row.status {
            Status::OnlyA => (theme.diff_removed, Style::new()),
            Status::OnlyB => (Style::new(), theme.diff_added),
            _ => (Style::new(), Style::new()),
        };
        lines.extend(side_by_side(
            cell(row.a.as_deref(), cols.left, a_style),
            cell(row.b.as_deref(), cols.right, b_style),
            cols,
            theme,
        ));
    }

    // Duties are matched on their words, so two levels rarely share one word for word: a
    // mark on every row would say nothing. Only a duty both list is marked (`=`).
    let shared = c.responsibilities.a.iter().filter(|d| d.shared).count();
    let title = if shared > 0 {
        format!("Responsibilities (= in both: {shared})")
    } else {
        "Responsibilities".to_owned()
    };
    heading(&title, columns, theme, &mut lines);
    for (a, b) in c.responsibilities.rows() {
        let cell = |duty: Option<&crate::compare::Duty<'_>>, width: usize| {
            let Some(duty) = duty else {
                return Vec::new();
            };
            let (mark, style) = if duty.shared {
                ("=", theme.muted)
            } else {
                ("•", Style::new())
            };
            wrap(duty.text, width.saturating_sub(2), "")
                .into_iter()
                .enumerate()
                .map(|(i, text)| {
                    let lead = if i == 0 { mark } else { " " };
                    Line::from(vec![
                        Span::styled(lead, style),
                        Span::raw(" "),
                        Span::styled(text, style),
                    ])
                })
                .collect::<Vec<_>>()
        };
        lines.extend(side_by_side(
            cell(a, cols.left),
            cell(b, cols.right),
            cols,
            theme,
        ));
    }
    lines
}

/// `+ new at B  − only at A …`, each mark in its style, cut to `columns`.
fn legend(items: &[(&str, &str, Style)], columns: usize, theme: &Theme) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let mut used = 0;
    for (mark, words, style) in items {
        let piece = mark.width() + 1 + words.width() + 2;
        if used + piece > columns + 2 {
            break;
        }
        used += piece;
        spans.push(Span::styled((*mark).to_owned(), *style));
        spans.push(Span::styled(format!(" {words}  "), theme.muted));
    }
    spans
}

/// Both levels' experience drawn on the comparison's one axis, one bar per level, each
/// labelled with its range as text; then the year ticks.
fn experience_lines(app: &App, c: &Comparison<'_>, columns: usize) -> Vec<Line<'static>> {
    let theme = &app.settings.theme;
    let ranges: Vec<(&str, &RangeComparison<'_>)> = [
        (FIELD_YEARS, &c.experience.field),
        (MANAGING_YEARS, &c.experience.managing),
    ]
    .into_iter()
    .filter(|(_, r)| r.a.is_some() || r.b.is_some())
    .collect();
    let label_width = ranges
        .iter()
        .flat_map(|(_, r)| [years_or_dash(r.a), years_or_dash(r.b)])
        .map(|l| l.width())
        .max()
        .unwrap_or(0);
    const LEAD: usize = 4; // "  A "
    let bar_width = columns.saturating_sub(LEAD + 1 + label_width);
    let scale = YearsScale::new(c.experience.axis_end, bar_width);
    let mut lines = Vec::new();
    for (name, range) in &ranges {
        let (mark, style) = status_mark(range.status, theme);
        lines.push(Line::from(vec![
            Span::styled(mark, style),
            Span::raw(" "),
            Span::raw(*name),
            Span::styled(
                fit(&format!(": {}", span_text(range)), columns),
                theme.muted,
            ),
        ]));
        for (letter, side, series, glyph) in [
            ("A", range.a, theme.series_a, GLYPH_A),
            ("B", range.b, theme.series_b, GLYPH_B),
        ] {
            let mut spans = vec![Span::styled(format!("  {letter} "), series)];
            match side {
                Some(r) if bar_width >= 8 => {
                    // An estimate keeps the series colour but a lighter glyph, as elsewhere.
                    let glyph = if r.estimate { "▒" } else { glyph };
                    let (before, bar, after) = scale.bar(r, glyph);
                    spans.push(Span::styled("·".repeat(before), theme.pip_empty));
                    spans.push(Span::styled(bar, series));
                    spans.push(Span::styled("·".repeat(after), theme.pip_empty));
                    spans.push(Span::raw(" "));
                    spans.push(Span::raw(years_or_dash(Some(r))));
                }
                // Too narrow for a picture, or no range: the figures alone still say it.
                other => spans.push(Span::raw(years_or_dash(other))),
            }
            lines.push(Line::from(spans));
        }
    }
    if bar_width >= 8 {
        let step = if scale.axis > 50 {
            10
        } else if scale.axis > 10 {
            5
        } else {
            1
        };
        lines.push(Line::from(vec![
            Span::raw(" ".repeat(LEAD)),
            Span::styled(scale.ticks(step, label_width + 1), theme.muted),
        ]));
    }
    let estimate = [&c.experience.field, &c.experience.managing]
        .iter()
        .flat_map(|r| [r.a, r.b])
        .flatten()
        .any(|r| r.estimate);
    if estimate {
        lines.push(Line::styled(
            fit("▒ and ~: an estimate, not from a source", columns),
            theme.muted,
        ));
    }
    lines
}

/// The two skill profiles in one chart: per category, A's bar (`█`) above B's (`▓`), with the
/// mean and, on B's row, `↑`/`↓` where B's mean is higher or lower.
fn profile_lines(app: &App, c: &Comparison<'_>, columns: usize) -> Vec<Line<'static>> {
    let theme = &app.settings.theme;
    let a = common::profile(app, c.a);
    let b = common::profile(app, c.b);
    let name_width = a
        .iter()
        .map(|(n, ..)| n.width())
        .max()
        .unwrap_or(0)
        .min(columns / 3);
    // name, space, "A ", bar, " 2.7 over 12 skills ↑": the count says how many skills the
    // mean is taken over, so one skill does not pass for a broad strength.
    const FIGURE: usize = 18;
    let bar_width = columns.saturating_sub(name_width + 1 + 2 + 1 + FIGURE + 2);
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("A {GLYPH_A} "), theme.series_a),
        Span::styled(
            fit(&one_line(&c.a.title), columns.saturating_sub(4) / 2),
            theme.muted,
        ),
        Span::raw("  "),
        Span::styled(format!("B {GLYPH_B} "), theme.series_b),
        Span::styled(
            fit(&one_line(&c.b.title), columns.saturating_sub(4) / 2),
            theme.muted,
        ),
    ])];
    let max = f64::from(app.ladder.scale().max());
    for ((name, count_a, mean_a), (_, count_b, mean_b)) in a.into_iter().zip(b) {
        if count_a == 0 && count_b == 0 {
            continue;
        }
        let bar = |count: usize, mean: f64, glyph: &str, style: Style| -> Vec<Span<'static>> {
            if count == 0 {
                return vec![Span::styled(pad("—", bar_width + 1 + FIGURE), theme.muted)];
            }
            let cells = ((mean / max).clamp(0.0, 1.0) * bar_width as f64).round() as usize;
            vec![
                Span::styled(glyph.repeat(cells), style),
                Span::styled("·".repeat(bar_width.saturating_sub(cells)), theme.pip_empty),
                Span::raw(format!(
                    " {}",
                    pad(&crate::present::profile_figure(count, mean), FIGURE)
                )),
            ]
        };
        let mut first = vec![
            Span::raw(pad(&name, name_width)),
            Span::raw(" "),
            Span::styled("A ", theme.series_a),
        ];
        first.extend(bar(count_a, mean_a, GLYPH_A, theme.series_a));
        lines.push(Line::from(first));
        let mut second = vec![
            Span::raw(" ".repeat(name_width + 1)),
            Span::styled("B ", theme.series_b),
        ];
        second.extend(bar(count_b, mean_b, GLYPH_B, theme.series_b));
        let shown_a = (mean_a * 10.0).round();
        let shown_b = (mean_b * 10.0).round();
        if shown_b > shown_a {
            second.push(Span::styled(" ↑", theme.diff_added));
        } else if shown_b < shown_a {
            second.push(Span::styled(" ↓", theme.diff_removed));
        }
        lines.push(Line::from(second));
    }
    lines
}

/// The page pane's inner area and its text width (one column kept for the scrollbar).
fn page_inner(area: Rect) -> (Rect, usize) {
    let inner = Block::bordered().inner(area).inner(Margin::new(1, 0));
    (inner, usize::from(inner.width.saturating_sub(1)))
}

/// A row of the skills list: a category heading, or the skill at an index of the comparison.
enum ListRow<'a> {
    Category(&'a str),
    Skill(usize),
}

fn list_rows<'a>(c: &'a Comparison<'_>) -> Vec<ListRow<'a>> {
    let mut rows = Vec::new();
    let mut category: Option<&str> = None;
    for (index, row) in c.skills.iter().enumerate() {
        if category != Some(row.skill.category.as_str()) {
            category = Some(row.skill.category.as_str());
            let name = row
                .category
                .map_or(row.skill.category.as_str(), |c| c.name.as_str());
            rows.push(ListRow::Category(name));
        }
        rows.push(ListRow::Skill(index));
    }
    rows
}

/// Lines above the list inside the skills pane: the legend and the column heads.
const LIST_HEAD: usize = 2;

/// The skill (index into the comparison's rows) on a row of the skills list, as
/// [`draw_skills`] lists them; headings are `None`.
pub fn skill_of_row(c: &Comparison<'_>, row: usize) -> Option<usize> {
    match list_rows(c).get(row)? {
        ListRow::Skill(index) => Some(*index),
        ListRow::Category(_) => None,
    }
}

/// Draws the compare screen into `body`: the head, then the page and the skills side by side
/// from [`SIDE_BY_SIDE_WIDTH`], else the focused one.
pub fn draw(frame: &mut Frame<'_>, app: &App, s: &CompareScreen, c: &Comparison<'_>, body: Rect) {
    let roomy = body.height >= ROOMY_HEIGHT;
    let wanted = head_lines(app, c, usize::from(body.width), roomy).len();
    let head_height = u16::try_from(wanted)
        .unwrap_or(u16::MAX)
        .min(body.height.saturating_sub(3));
    let [head, rest] = common::split_top(body, head_height);
    if head.height > 0 {
        let lines = head_lines(app, c, usize::from(head.width), roomy);
        frame.render_widget(Paragraph::new(lines), head);
    }
    let (page, skills) = if rest.width >= SIDE_BY_SIDE_WIDTH {
        let right_width = (rest.width * 2 / 5).clamp(40, 56);
        let [page, skills] = common::split_right(rest, right_width);
        (Some(page), Some(skills))
    } else {
        match s.pane {
            ComparePane::Page => (Some(rest), None),
            ComparePane::Skills => (None, Some(rest)),
        }
    };
    match page {
        Some(area) => draw_page(frame, app, s, c, skills.is_none(), area),
        None => s.page.hide(),
    }
    match skills {
        Some(area) => draw_skills_column(frame, app, s, c, area),
        None => s.skills.hide(),
    }
}

/// Rows the skills list needs: its border, legend, column heads and one row per skill and
/// category.
fn skills_wanted(c: &Comparison<'_>) -> usize {
    list_rows(c).len() + LIST_HEAD + 2
}

/// The skills list and, where the column has rows to spare, the skill under the cursor in
/// full below it: what it is, and what each side expects of it.
fn draw_skills_column(
    frame: &mut Frame<'_>,
    app: &App,
    s: &CompareScreen,
    c: &Comparison<'_>,
    area: Rect,
) {
    let wanted = u16::try_from(skills_wanted(c)).unwrap_or(u16::MAX);
    let spare = area.height.saturating_sub(wanted);
    match c.skills.get(s.cursor) {
        Some(row) if spare >= 8 => {
            let [list, detail] = common::split_top(area, wanted);
            draw_skills(frame, app, s, c, list);
            draw_skill_detail(frame, app, c, row, detail);
        }
        _ => draw_skills(frame, app, s, c, area),
    }
}

fn draw_skill_detail(
    frame: &mut Frame<'_>,
    app: &App,
    c: &Comparison<'_>,
    row: &SkillRow<'_>,
    area: Rect,
) {
    let theme = &app.settings.theme;
    let inner =
        common::draw_pane(frame, &row.skill.name, false, app, area).inner(Margin::new(1, 0));
    let columns = usize::from(inner.width);
    let mut lines: Vec<Line<'static>> = Vec::new();
    if let Some(category) = row.category {
        lines.push(Line::styled(
            fit(&one_line(&category.name), columns),
            theme.muted,
        ));
    }
    lines.extend(
        wrap(&row.skill.description, columns, "")
            .into_iter()
            .map(Line::raw),
    );
    for (letter, level, proficiency, series) in [
        ("A", c.a, row.a, theme.series_a),
        ("B", c.b, row.b, theme.series_b),
    ] {
        lines.push(Line::raw(""));
        let mut spans = vec![Span::styled(format!("{letter} "), series)];
        let title = one_line(&level.title);
        match proficiency {
            Some(p) => {
                spans.extend(common::pips(Some(p), app));
                spans.push(Span::raw(fit(
                    &format!(" {} at {title}", one_line(&app.ladder.scale().name(p))),
                    columns.saturating_sub(6),
                )));
                lines.push(Line::from(spans));
                lines.extend(
                    wrap(app.ladder.scale().meaning(p), columns, "  ")
                        .into_iter()
                        .map(|l| Line::styled(l, theme.muted)),
                );
            }
            None => {
                spans.push(Span::styled(
                    fit(
                        &format!("not expected at {title}"),
                        columns.saturating_sub(2),
                    ),
                    theme.muted,
                ));
                lines.push(Line::from(spans));
            }
        }
    }
    if app.you().has_ratings() {
        // Your step against B's (or A's, for a skill only A expects).
        lines.push(Line::raw(""));
        lines.push(Line::raw(fit(
            &super::you::expected_and_you(app, row.b.or(row.a), &row.skill.id),
            columns,
        )));
    }
    let height = usize::from(inner.height);
    let cut = lines.len() > height;
    let mut visible: Vec<Line<'static>> = lines.into_iter().take(height).collect();
    if cut && let Some(last) = visible.last_mut() {
        // Never cut without saying so.
        *last = Line::styled("…", theme.muted);
    }
    frame.render_widget(Paragraph::new(visible), inner);
}

fn draw_page(
    frame: &mut Frame<'_>,
    app: &App,
    s: &CompareScreen,
    c: &Comparison<'_>,
    with_skills: bool,
    area: Rect,
) {
    let focused = s.pane == ComparePane::Page;
    let title = fit(
        "A │ B, side by side",
        usize::from(area.width.saturating_sub(4)),
    );
    common::draw_pane(frame, &title, focused, app, area);
    let (inner, columns) = page_inner(area);
    let height = usize::from(inner.height);
    let (visible, total, first) = s.laid.with(|laid| {
        let lines = laid.get_or_make((s.a, s.b, columns, with_skills), |_| {
            page_lines(app, c, columns, with_skills)
        });
        let total = lines.len();
        let first = s.page.show_page(inner, total);
        let visible: Vec<Line<'static>> = lines.iter().skip(first).take(height).cloned().collect();
        (visible, total, first)
    });
    frame.render_widget(Paragraph::new(visible), inner);
    common::scrollbar(frame, area, total, height, first, app);
}

/// A proficiency in a cell of `width`: pips, with the word when there is room, or `—`.
fn proficiency_cell(app: &App, p: Option<Proficiency>, width: usize) -> String {
    let scale = app.ladder.scale();
    let text = match p {
        Some(p) => {
            let filled = usize::from(p.value());
            let empty = usize::from(scale.max()).saturating_sub(filled);
            let pips = format!("{}{}", "●".repeat(filled), "○".repeat(empty));
            if width > usize::from(scale.max()) {
                format!("{pips} {}", one_line(&scale.name(p)))
            } else {
                pips
            }
        }
        None => "—".to_owned(),
    };
    pad(&text, width)
}

/// Columns before a skill's name: cursor, bookmark star, change marker, space.
const ROW_PREFIX: usize = 4;

fn skill_line(
    app: &App,
    row: &SkillRow<'_>,
    selected: bool,
    cell: usize,
    name_width: usize,
    rated: bool,
) -> Line<'static> {
    let theme = &app.settings.theme;
    let style = change_style(row.change, theme);
    let (a_style, b_style) = match row.change {
        SkillChange::Same => (theme.muted, theme.muted),
        SkillChange::OnlyA => (style, theme.muted),
        _ => (Style::new(), style),
    };
    let mut spans = vec![
        Span::raw(if selected { "▶" } else { " " }),
        // ★ at the level `b` would bookmark it at (B if B expects it, else A); ☆ elsewhere.
        Span::raw(app.compare_row_mark(row)),
        Span::styled(row.change.marker().to_string(), style),
        Span::raw(" "),
        Span::raw(pad(&one_line(&row.skill.name), name_width)),
        Span::raw(" "),
        Span::styled(proficiency_cell(app, row.a, cell), a_style),
        Span::raw(" "),
        Span::styled(proficiency_cell(app, row.b, cell), b_style),
    ];
    if rated {
        // Your step beside the two expected ones.
        spans.push(Span::raw(" "));
        spans.push(super::you::you_pips(app, &row.skill.id));
    }
    Line::from(spans)
}

fn draw_skills(
    frame: &mut Frame<'_>,
    app: &App,
    s: &CompareScreen,
    c: &Comparison<'_>,
    area: Rect,
) {
    let focused = s.pane == ComparePane::Skills;
    let theme = &app.settings.theme;
    let title = format!("Skills ({})", c.skills.len());
    common::draw_pane(frame, &title, focused, app, area);
    let inner = Block::bordered().inner(area);
    let columns = usize::from(inner.width);
    // Pips and the word (`●●●○ advanced`) when the names keep 16 columns; else pips only.
    let cell = if columns >= ROW_PREFIX + 16 + 2 * 14 {
        13
    } else {
        4
    };
    let rated = app.you().has_ratings();
    let you_width = if rated {
        app.you().scale.steps().len().max(3) + 1
    } else {
        0
    };
    let name_width = columns.saturating_sub(ROW_PREFIX + 2 * (cell + 1) + you_width);
    let mut lines = vec![
        Line::from(legend(
            &[
                ("+", "new at B", theme.diff_added),
                ("−", "only at A", theme.diff_removed),
                ("↑", "raised", theme.diff_added),
                ("↓", "lowered", theme.diff_removed),
            ],
            columns,
            theme,
        )),
        Line::from(vec![
            Span::raw(" ".repeat(ROW_PREFIX + name_width + 1)),
            Span::styled(pad("A", cell), theme.series_a.patch(theme.heading)),
            Span::raw(" "),
            Span::styled(pad("B", cell), theme.series_b.patch(theme.heading)),
            Span::styled(if rated { " you" } else { "" }.to_owned(), theme.heading),
        ]),
    ];
    let rows = list_rows(c);
    let head = u16::try_from(LIST_HEAD).unwrap_or(0).min(inner.height);
    let list = Rect {
        y: inner.y + head,
        height: inner.height - head,
        ..inner
    };
    let cursor_row = rows
        .iter()
        .position(|r| matches!(r, ListRow::Skill(i) if *i == s.cursor))
        .unwrap_or(0);
    let heading_above = cursor_row
        .checked_sub(1)
        .is_some_and(|row| matches!(rows.get(row), Some(ListRow::Category(_))));
    let first = s
        .skills
        .follow_under_heading(list, rows.len(), cursor_row, heading_above);
    for row in rows.iter().skip(first).take(usize::from(list.height)) {
        match row {
            ListRow::Category(name) => {
                lines.push(Line::styled(fit(&one_line(name), columns), theme.heading));
            }
            ListRow::Skill(index) => {
                let Some(skill) = c.skills.get(*index) else {
                    continue;
                };
                let selected = *index == s.cursor;
                let line = skill_line(app, skill, selected, cell, name_width, rated);
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
