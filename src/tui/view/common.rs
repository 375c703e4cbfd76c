//! Pieces several screens draw: fitted and wrapped text, pane frames, experience bars on the
//! ladder's shared years axis, and the skill-profile chart.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::layout::{Margin, Position};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Scrollbar, ScrollbarOrientation, ScrollbarState};
use unicode_width::UnicodeWidthStr;

use crate::ladder::{Level, Proficiency};
pub use crate::present::{YearsScale, one_line};
use crate::present::{experience_rows, years};
pub use crate::text::{fit, pad};
use crate::tui::app::App;

/// Display columns of `text`.
pub fn width(text: &str) -> usize {
    text.width()
}

/// Content text wrapped to `columns`, with `indent` before every line.
pub fn wrap(text: &str, columns: usize, indent: &str) -> Vec<String> {
    crate::text::wrap(text, columns, indent, indent)
}

/// Shows the terminal's cursor at `position` in this frame, and records it for whoever sends
/// the frame without ratatui's `Terminal::draw` (the first frame: see `tui::draw_first_frame`).
pub fn place_cursor(frame: &mut Frame<'_>, app: &App, position: Position) {
    frame.set_cursor_position(position);
    app.cursor.set(Some(position));
}

/// `area` cut in two across: the top `rows` (at most all of it) and the rest. Plain arithmetic
/// rather than ratatui's `Layout`, whose solver costs tens of microseconds for each new split
/// on the first frame.
pub fn split_top(area: Rect, rows: u16) -> [Rect; 2] {
    let rows = rows.min(area.height);
    [
        Rect {
            height: rows,
            ..area
        },
        Rect {
            y: area.y + rows,
            height: area.height - rows,
            ..area
        },
    ]
}

/// `area` cut in two down: the rest and the right `columns` (at most all of it).
pub fn split_right(area: Rect, columns: u16) -> [Rect; 2] {
    let columns = columns.min(area.width);
    let left = area.width - columns;
    [
        Rect {
            width: left,
            ..area
        },
        Rect {
            x: area.x + left,
            width: columns,
            ..area
        },
    ]
}

/// A box centred in `area`, at most 80 columns wide and as tall as `wanted` rows of text
/// (and its border) allow.
pub fn centred_box(area: Rect, wanted: usize) -> Rect {
    let width = area.width.saturating_sub(4).min(80);
    let height = u16::try_from(wanted)
        .unwrap_or(u16::MAX)
        .saturating_add(2)
        .min(area.height.saturating_sub(2));
    let x = area.x + (area.width.saturating_sub(width)) / 2;
    let y = area.y + (area.height.saturating_sub(height)) / 2;
    Rect::new(x, y, width, height)
}

/// Draws the part of `lines` that `scroll` shows into `inner`, and the scrollbar on the right
/// border of `pane`; returns the first line drawn.
pub fn show_lines(
    frame: &mut Frame<'_>,
    app: &App,
    lines: Vec<Line<'static>>,
    scroll: &crate::tui::widgets::scroll::Scroll,
    pane: Rect,
    inner: Rect,
) -> usize {
    let total = lines.len();
    let height = usize::from(inner.height);
    let first = scroll.show_page(inner, total);
    let visible: Vec<Line<'static>> = lines.into_iter().skip(first).take(height).collect();
    draw_lines(frame, inner, visible);
    scrollbar(frame, pane, total, height, first, app);
    first
}

/// The level's track title, its rung within the track and how many rungs the track has (a
/// track forking from another track's rung still starts at rung 1).
pub fn track_and_rung(app: &App, level: &Level) -> (String, usize, usize) {
    let track = app
        .ladder
        .track(&level.track)
        .map_or_else(|| level.track.clone(), |t| one_line(&t.title));
    let (rung, rungs) = app
        .ladder
        .rung_of(&level.id)
        .unwrap_or((level.rank as usize, 0));
    (track, rung, rungs)
}

/// A bordered pane; the focused one gets the focus style and a heavier border.
pub fn pane(title: &str, focused: bool, app: &App) -> Block<'static> {
    let theme = &app.settings.theme;
    let (border, kind) = if focused {
        (theme.border_focused, BorderType::Thick)
    } else {
        (theme.border, BorderType::Plain)
    };
    Block::bordered()
        .border_type(kind)
        .border_style(border)
        .title(Span::styled(
            format!(" {} ", one_line(title)),
            theme.heading,
        ))
}

/// Draws the pane [`pane`] builds, title and all, onto `area`: the same cells, for less work.
/// A `Block` styles every cell inside it even when it has no style to give, which was a
/// sizeable part of the first frame; a pane only touches its border and title. Returns the
/// area inside the border, as the Block's `inner` does.
pub fn draw_pane(frame: &mut Frame<'_>, title: &str, focused: bool, app: &App, area: Rect) -> Rect {
    let inside = Block::bordered().inner(area);
    let theme = &app.settings.theme;
    let (style, set) = if focused {
        (theme.border_focused, ratatui::symbols::border::THICK)
    } else {
        (theme.border, ratatui::symbols::border::PLAIN)
    };
    let buf = frame.buffer_mut();
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return inside;
    }
    let (left, top) = (area.left(), area.top());
    let (right, bottom) = (area.right() - 1, area.bottom() - 1);
    // In the order a Block draws them, so that a pane one cell wide or high ends the same.
    for y in top..=bottom {
        buf[(left, y)]
            .set_symbol(set.vertical_left)
            .set_style(style);
    }
    for x in left..=right {
        buf[(x, top)]
            .set_symbol(set.horizontal_top)
            .set_style(style);
    }
    for y in top..=bottom {
        buf[(right, y)]
            .set_symbol(set.vertical_right)
            .set_style(style);
    }
    for x in left..=right {
        buf[(x, bottom)]
            .set_symbol(set.horizontal_bottom)
            .set_style(style);
    }
    for (x, y, corner) in [
        (right, bottom, set.bottom_right),
        (right, top, set.top_right),
        (left, bottom, set.bottom_left),
        (left, top, set.top_left),
    ] {
        buf[(x, y)].set_symbol(corner).set_style(style);
    }
    let title = Line::from(Span::styled(
        format!(" {} ", one_line(title)),
        theme.heading,
    ));
    let room = Rect {
        x: left.saturating_add(1),
        y: top,
        width: area.width.saturating_sub(2),
        height: 1,
    };
    if !room.is_empty() {
        let width = u16::try_from(title.width()).unwrap_or(u16::MAX);
        ratatui::widgets::Widget::render(
            &title,
            Rect {
                width: width.min(room.width),
                ..room
            },
            buf,
        );
    }
    inside
}

/// `●●●○` for the third of four steps, styled; dots for a skill expected without a step.
pub fn pips(proficiency: Option<Proficiency>, app: &App) -> Vec<Span<'static>> {
    let theme = &app.settings.theme;
    let Some(proficiency) = proficiency else {
        let steps = usize::from(app.ladder.scale().max());
        return vec![Span::styled("·".repeat(steps), theme.pip_empty)];
    };
    let (filled, empty) = crate::present::pip_parts(proficiency, app.ladder.scale());
    vec![
        Span::styled(filled, theme.pip_filled),
        Span::styled(empty, theme.pip_empty),
    ]
}

/// Bars for the level's experience on the ladder-wide axis, a tick row under them, and a
/// key when a figure is an estimate. Open ranges run to the end of the axis with `▶`.
pub fn experience_lines(app: &App, level: &Level, columns: usize) -> Vec<Line<'static>> {
    let theme = &app.settings.theme;
    let Some(experience) = &level.experience else {
        return vec![Line::styled(
            fit("not stated", columns),
            app.settings.theme.muted,
        )];
    };
    let rows = experience_rows(experience);
    const NAME: usize = 16;
    let label_width = rows
        .iter()
        .map(|(_, r)| years(r).width())
        .max()
        .unwrap_or(0);
    let bar_width = columns.saturating_sub(NAME + 1 + label_width);
    let mut lines = Vec::new();
    if bar_width < 8 {
        // Too narrow for a picture: the figures alone still say it.
        for (name, range) in rows {
            lines.push(Line::from(vec![
                Span::styled(pad(name, NAME), theme.muted),
                Span::raw(years(range)),
            ]));
        }
        return lines;
    }
    let scale = YearsScale::new(app.ladder.years_axis(), bar_width);
    for (name, range) in rows {
        let (glyph, style) = if range.estimate {
            ("▒", theme.bar_estimate)
        } else {
            ("█", theme.bar)
        };
        let (before, bar, after) = scale.bar(range, glyph);
        lines.push(Line::from(vec![
            Span::styled(pad(name, NAME), theme.muted),
            Span::styled("·".repeat(before), theme.pip_empty),
            Span::styled(bar, style),
            Span::styled("·".repeat(after), theme.pip_empty),
            Span::raw(" "),
            Span::raw(years(range)),
        ]));
    }
    let step = if scale.axis > 50 { 10 } else { 5 };
    let ticks = scale.ticks(step, label_width + 1);
    lines.push(Line::from(vec![
        Span::styled(pad("years", NAME), theme.muted),
        Span::styled(ticks, theme.muted),
    ]));
    if experience.field.estimate || experience.managing.as_ref().is_some_and(|r| r.estimate) {
        lines.push(Line::styled(
            fit("▒ and ~: an estimate, not from a source", columns),
            theme.muted,
        ));
    }
    lines
}

/// The level's skill profile as rows to draw: category name, number of rated skills, mean;
/// every category of the ladder, in order, so two levels' rows line up.
pub fn profile(app: &App, level: &Level) -> Vec<(String, usize, f64)> {
    app.ladder
        .skill_profile(level)
        .into_iter()
        .map(|p| (one_line(&p.category.name), p.skills, p.mean))
        .collect()
}

/// A bar `cells` long filled to `value / max`, with eighth blocks for the fraction.
pub fn gauge(value: f64, max: f64, cells: usize) -> (String, String) {
    const PARTS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
    let eighths = if max > 0.0 {
        ((value / max).clamp(0.0, 1.0) * cells as f64 * 8.0).round() as usize
    } else {
        0
    };
    let full = eighths / 8;
    let mut filled = "█".repeat(full);
    filled.push_str(PARTS[eighths % 8]);
    let rest = cells.saturating_sub(filled.width());
    (filled, "·".repeat(rest))
}

/// The skill profile as lines: per category with a skill at this level, a bar of the mean
/// expected proficiency (1 basic – 4 expert) and how many skills that mean is taken over, so a
/// single skill does not pass for a broad strength. Only the categories the level uses are
/// listed (a family may have dozens it never touches); one whose skills here are all unrated
/// says so instead of drawing an empty bar.
pub fn profile_lines(app: &App, level: &Level, columns: usize) -> Vec<Line<'static>> {
    let theme = &app.settings.theme;
    let used = app.ladder.categories_of_level(level);
    let rows: Vec<(String, usize, f64)> = app
        .ladder
        .skill_profile(level)
        .into_iter()
        .filter(|p| used.iter().any(|c| c.id == p.category.id))
        .map(|p| (one_line(&p.category.name), p.skills, p.mean))
        .collect();
    let name_width = rows
        .iter()
        .map(|(n, ..)| n.width())
        .max()
        .unwrap_or(0)
        .min(columns / 2);
    // name, space, bar, " 2.7 over 5 skills" (formatted once: formatting a float is not cheap)
    let tails: Vec<String> = rows
        .iter()
        .map(|(_, count, mean)| format!(" {}", crate::present::profile_figure(*count, *mean)))
        .collect();
    let tail_width = tails.iter().map(|t| t.width()).max().unwrap_or(0);
    let bar_width = columns.saturating_sub(name_width + 1 + tail_width).min(32);
    rows.into_iter()
        .zip(tails)
        .map(|((name, count, mean), tail)| {
            let mut spans = vec![Span::raw(pad(&name, name_width)), Span::raw(" ")];
            if count == 0 {
                spans.push(Span::styled(crate::present::NOT_RATED, theme.muted));
                return Line::from(spans);
            }
            if bar_width >= 4 {
                let (filled, rest) = gauge(mean, f64::from(app.ladder.scale().max()), bar_width);
                spans.push(Span::styled(filled, theme.profile_bar));
                spans.push(Span::styled(rest, theme.pip_empty));
            }
            spans.push(Span::raw(tail));
            Line::from(spans)
        })
        .collect()
}

/// A style for a row: selected (in a focused pane or not) or plain.
pub fn row_style(app: &App, selected: bool, focused: bool) -> Style {
    let theme = &app.settings.theme;
    match (selected, focused) {
        (true, true) => theme.selected,
        (true, false) => theme.selected_unfocused,
        _ => Style::new(),
    }
}

/// The scrollbar on the right border of a scrolling pane, drawn only when `total` rows do
/// not fit in `visible`.
pub fn scrollbar(
    frame: &mut Frame,
    area: Rect,
    total: usize,
    visible: usize,
    position: usize,
    app: &App,
) {
    if total <= visible {
        return;
    }
    let mut state = ScrollbarState::new(total.saturating_sub(visible)).position(position);
    let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
        .begin_symbol(None)
        .end_symbol(None)
        .thumb_style(app.settings.theme.border_focused)
        .track_style(app.settings.theme.border);
    frame.render_stateful_widget(bar, area.inner(Margin::new(0, 1)), &mut state);
}

/// Draws `lines` from the top of `area`, one a row, each cut at the right edge: exactly what
/// `Paragraph::new(lines)` draws (same cells, same styles), without the paragraph's pass that
/// restyles every cell of the area and its per-line buffer of graphemes. Pages, lists and
/// the search results are drawn this way on every frame, the first one included.
pub fn draw_lines(frame: &mut Frame<'_>, area: Rect, lines: Vec<Line<'_>>) {
    use ratatui::buffer::CellWidth;
    use ratatui::layout::Alignment;
    if lines
        .iter()
        .any(|line| line.alignment.is_some_and(|a| a != Alignment::Left))
    {
        frame.render_widget(ratatui::widgets::Paragraph::new(lines), area);
        return;
    }
    let buf = frame.buffer_mut();
    let area = area.intersection(buf.area);
    for (line, y) in lines.iter().zip(area.top()..area.bottom()) {
        let line_style = Style::default().patch(line.style);
        let mut x = 0u16;
        'line: for span in &line.spans {
            let style = line_style.patch(span.style);
            let text = span.content.as_ref();
            // Printable ASCII is one cell per byte and one grapheme per byte (graphemes do not
            // reach across spans), so most text skips grapheme segmentation.
            if text.bytes().all(|b| (b' '..=b'~').contains(&b)) {
                if x >= area.width {
                    break 'line;
                }
                let shown = text.len().min(usize::from(area.width - x));
                let start = buf.index_of(area.x + x, y);
                let cells = &mut buf.content[start..start + shown];
                for (i, cell) in cells.iter_mut().enumerate() {
                    cell.set_symbol(&text[i..=i]).set_style(style);
                }
                x += shown as u16;
                if shown < text.len() {
                    break 'line;
                }
                continue;
            }
            for grapheme in span.styled_graphemes(line_style) {
                let width = grapheme.symbol.cell_width();
                // As the paragraph does: skip what could never fit, stop at the first that
                // does not fit now, and write nothing for a zero-width grapheme.
                if width > area.width {
                    continue;
                }
                if x.saturating_add(width) > area.width {
                    break 'line;
                }
                if width == 0 {
                    continue;
                }
                buf[(area.x + x, y)]
                    .set_symbol(grapheme.symbol)
                    .set_style(grapheme.style);
                x += width;
            }
        }
    }
}

/// A step's name, or `not rated`, for display.
pub fn step_word(app: &App, proficiency: Option<Proficiency>) -> String {
    proficiency.map_or_else(
        || crate::present::NOT_RATED.to_owned(),
        |p| one_line(&app.ladder.scale().name(p)),
    )
}

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::buffer::Buffer;
    use ratatui::style::{Color, Modifier};

    /// The buffer a frame leaves after `draw` runs on a `width`×3 screen that already holds
    /// a styled background (so a cell left alone differs from a cell written blank).
    fn drawn(width: u16, draw: impl FnOnce(&mut Frame<'_>)) -> Buffer {
        let mut terminal = Terminal::new(TestBackend::new(width, 3)).expect("test terminal");
        let frame = terminal
            .draw(|frame| {
                let area = frame.area();
                frame.render_widget(Block::new().style(Style::new().bg(Color::Blue)), area);
                draw(frame);
            })
            .expect("draw");
        frame.buffer.clone()
    }

    #[test]
    fn draw_lines_writes_the_same_cells_as_a_paragraph() {
        let red = Style::new().fg(Color::Red).add_modifier(Modifier::BOLD);
        let cases: Vec<Vec<Line<'static>>> = vec![
            vec![Line::from("plain"), Line::styled("styled line", red)],
            // Cut at the edge, a wide character that does not fit, and one wider than the area.
            vec![Line::from("a line much longer than the area is wide")],
            // A span that ends exactly at the edge, then more spans.
            vec![Line::from(vec![
                Span::raw("abcdefghi"),
                Span::styled("jk", red),
                Span::raw(""),
                Span::raw("界"),
            ])],
            vec![Line::from("abcdefgh界"), Line::from("界界界界界界")],
            // Spans with their own styles over a line style, emoji, combining marks, a tab.
            vec![
                Line::from(vec![
                    Span::styled("e\u{301}t", red),
                    Span::raw("🙂x"),
                    Span::styled("\tz", Style::new().bg(Color::Green)),
                ])
                .style(Style::new().fg(Color::Yellow)),
            ],
            // More lines than rows; an empty line between.
            vec![
                Line::from("one"),
                Line::from(""),
                Line::from("three"),
                Line::from("four"),
            ],
            // A centred line: drawn by the paragraph itself.
            vec![Line::from("mid").centered()],
        ];
        for width in [0u16, 1, 2, 9, 10, 20] {
            for lines in &cases {
                let area = Rect::new(1, 0, width.saturating_sub(1), 3);
                let expected = drawn(width.max(1), |frame| {
                    frame.render_widget(ratatui::widgets::Paragraph::new(lines.clone()), area);
                });
                let actual = drawn(width.max(1), |frame| {
                    draw_lines(frame, area, lines.clone());
                });
                assert_eq!(actual, expected, "width {width}, lines {lines:?}");
            }
        }
    }

    use super::*;

    #[test]
    fn splits_keep_to_the_area_even_when_it_is_too_small() {
        let area = Rect::new(3, 4, 10, 6);
        assert_eq!(
            split_top(area, 2),
            [Rect::new(3, 4, 10, 2), Rect::new(3, 6, 10, 4)]
        );
        assert_eq!(split_top(area, 9), [area, Rect::new(3, 10, 10, 0)]);
        assert_eq!(
            split_right(area, 4),
            [Rect::new(3, 4, 6, 6), Rect::new(9, 4, 4, 6)]
        );
        assert_eq!(split_right(area, 40), [Rect::new(3, 4, 0, 6), area]);
    }
}
