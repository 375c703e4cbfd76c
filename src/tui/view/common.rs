//! Pieces several screens draw: fitted and wrapped text, pane frames, experience bars on the
//! ladder's shared years axis, and the skill-profile chart.

use ratatui::Frame;
use ratatui::layout::Margin;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, BorderType, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState,
};
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

/// The level's track title, its rung and how many rungs the track has.
pub fn track_and_rung(app: &App, level: &Level) -> (String, u32, usize) {
    let track = app
        .ladder
        .track(&level.track)
        .map_or_else(|| level.track.clone(), |t| one_line(&t.title));
    let rungs = app
        .ladder
        .track_index(&level.track)
        .map_or(0, |t| app.ladder.levels_of_track(t).len());
    (track, level.rank, rungs)
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

/// `●●●○` for advanced, styled.
pub fn pips(proficiency: Proficiency, app: &App) -> Vec<Span<'static>> {
    let theme = &app.settings.theme;
    let (filled, empty) = crate::present::pip_parts(proficiency);
    vec![
        Span::styled(filled, theme.pip_filled),
        Span::styled(empty, theme.pip_empty),
    ]
}

/// Bars for the level's experience on the ladder-wide axis, a tick row under them, and a
/// key when a figure is an estimate. Open ranges run to the end of the axis with `▶`.
pub fn experience_lines(app: &App, level: &Level, columns: usize) -> Vec<Line<'static>> {
    let theme = &app.settings.theme;
    let rows = experience_rows(&level.experience);
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
    if level.experience.field.estimate
        || level
            .experience
            .managing
            .as_ref()
            .is_some_and(|r| r.estimate)
    {
        lines.push(Line::styled(
            fit("▒ and ~: an estimate, not from a source", columns),
            theme.muted,
        ));
    }
    lines
}

/// The level's skill profile as rows to draw: category name, number of skills, mean.
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

/// The skill profile: one bar per category, the mean expected proficiency (1 basic – 4
/// expert) of the level's skills in it.
pub fn draw_profile(frame: &mut Frame<'_>, app: &App, level: &Level, area: Rect) {
    let theme = &app.settings.theme;
    let block = pane("Skill profile (4 = expert)", false, app);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let rows = profile(app, level);
    let name_width = rows
        .iter()
        .map(|(n, ..)| n.width())
        .max()
        .unwrap_or(0)
        .min(usize::from(inner.width) / 2);
    let bar_width = usize::from(inner.width).saturating_sub(name_width + 1 + 4);
    let lines: Vec<Line<'static>> = rows
        .into_iter()
        .map(|(name, count, mean)| {
            let mut spans = vec![Span::raw(pad(&name, name_width)), Span::raw(" ")];
            if count == 0 {
                spans.push(Span::styled(pad("—", bar_width), theme.muted));
                spans.push(Span::styled("   ", theme.muted));
            } else {
                let (filled, rest) = gauge(mean, f64::from(Proficiency::MAX), bar_width);
                spans.push(Span::styled(filled, theme.profile_bar));
                spans.push(Span::styled(rest, theme.pip_empty));
                spans.push(Span::raw(format!(" {mean:.1}")));
            }
            Line::from(spans)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
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
