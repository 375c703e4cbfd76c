//! Pieces several screens draw: fitted and wrapped text, pane frames, experience bars on the
//! ladder's shared years axis, and the skill-profile chart.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::ladder::{Level, Proficiency, Range};
use crate::text::clean;
use crate::tui::app::App;

/// Content text on one line, control characters gone.
pub fn one_line(text: &str) -> String {
    clean(text, false).into_owned()
}

/// Display columns of `text`.
pub fn width(text: &str) -> usize {
    text.width()
}

/// `text` cut to at most `max` columns, with `…` when something was cut. Wide characters are
/// never split, so columns stay aligned.
pub fn fit(text: &str, max: usize) -> String {
    if text.width() <= max {
        return text.to_owned();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max.saturating_sub(1) {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// `text` fitted and padded to exactly `columns` columns.
pub fn pad(text: &str, columns: usize) -> String {
    let fitted = fit(text, columns);
    let gap = columns.saturating_sub(fitted.width());
    format!("{fitted}{}", " ".repeat(gap))
}

/// Content text wrapped to `columns`, with `indent` before every line.
pub fn wrap(text: &str, columns: usize, indent: &str) -> Vec<String> {
    let columns = columns.max(indent.width() + 1);
    let options = textwrap::Options::new(columns)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .initial_indent(indent)
        .subsequent_indent(indent);
    clean(text, true)
        .split('\n')
        .flat_map(|paragraph| {
            textwrap::wrap(paragraph, &options)
                .into_iter()
                .map(|l| l.into_owned())
                .collect::<Vec<_>>()
        })
        .collect()
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
    let filled = usize::from(proficiency.value());
    let empty = usize::from(Proficiency::MAX).saturating_sub(filled);
    vec![
        Span::styled("●".repeat(filled), theme.pip_filled),
        Span::styled("○".repeat(empty), theme.pip_empty),
    ]
}

/// The end of the shared years axis: the largest figure any level gives, plus room to show
/// open-ended ranges running on, rounded up to five years.
pub fn years_axis(app: &App) -> u32 {
    let largest = app
        .ladder
        .levels()
        .iter()
        .flat_map(|l| std::iter::once(&l.experience.field).chain(l.experience.managing.as_ref()))
        .map(|r| r.max.unwrap_or(r.min.saturating_add(5)))
        .max()
        .unwrap_or(10);
    largest.max(5).div_ceil(5).saturating_mul(5)
}

/// `5–10 yrs`, `15+ yrs`, `~0–5 yrs (estimate)`.
pub fn years_label(range: &Range) -> String {
    crate::report::years(range)
}

/// Bars for the level's experience on the ladder-wide axis, a tick row under them, and a
/// key when a figure is an estimate. Open ranges run to the end of the axis with `▶`.
pub fn experience_lines(app: &App, level: &Level, columns: usize) -> Vec<Line<'static>> {
    let theme = &app.settings.theme;
    let mut rows: Vec<(&str, &Range)> = vec![("In the field", &level.experience.field)];
    if let Some(managing) = &level.experience.managing {
        rows.push(("Managing", managing));
    }
    const NAME: usize = 13;
    let label_width = rows
        .iter()
        .map(|(_, r)| years_label(r).width())
        .max()
        .unwrap_or(0);
    let bar_width = columns.saturating_sub(NAME + 1 + label_width);
    let axis = years_axis(app).max(1);
    let mut lines = Vec::new();
    if bar_width < 8 {
        // Too narrow for a picture: the figures alone still say it.
        for (name, range) in rows {
            lines.push(Line::from(vec![
                Span::styled(pad(name, NAME), theme.muted),
                Span::raw(years_label(range)),
            ]));
        }
        return lines;
    }
    let cell = |years: u32| -> usize {
        let scaled = u64::from(years.min(axis)) * bar_width as u64 / u64::from(axis);
        usize::try_from(scaled).unwrap_or(bar_width)
    };
    for (name, range) in rows {
        let start = cell(range.min).min(bar_width.saturating_sub(1));
        let end = match range.max {
            Some(max) => cell(max).max(start + 1),
            None => bar_width,
        };
        let (glyph, style) = if range.estimate {
            ("▒", theme.bar_estimate)
        } else {
            ("█", theme.bar)
        };
        let mut bar = glyph.repeat(end.saturating_sub(start));
        if range.is_open_ended() {
            bar.pop();
            bar.push('▶');
        }
        lines.push(Line::from(vec![
            Span::styled(pad(name, NAME), theme.muted),
            Span::styled("·".repeat(start), theme.pip_empty),
            Span::styled(bar, style),
            Span::styled("·".repeat(bar_width.saturating_sub(end)), theme.pip_empty),
            Span::raw(" "),
            Span::raw(years_label(range)),
        ]));
    }
    // Tick labels every five years, dropped where they would run into each other.
    let mut ticks = String::new();
    let mut year = 0;
    while year <= axis {
        let at = cell(year).min(bar_width);
        let label = year.to_string();
        if at >= ticks.width() && at + label.len() <= bar_width + label_width + 1 {
            ticks.push_str(&" ".repeat(at - ticks.width()));
            ticks.push_str(&label);
            ticks.push(' ');
        }
        year += if axis > 50 { 10 } else { 5 };
    }
    lines.push(Line::from(vec![
        Span::styled(pad("years", NAME), theme.muted),
        Span::styled(ticks.trim_end().to_owned(), theme.muted),
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

/// For each category: how many of the level's skills fall in it and their mean proficiency.
pub fn profile(app: &App, level: &Level) -> Vec<(String, usize, f64)> {
    app.ladder
        .categories()
        .iter()
        .map(|category| {
            let values: Vec<u8> = level
                .skills
                .iter()
                .filter(|r| {
                    app.ladder
                        .skill(&r.skill)
                        .is_some_and(|s| s.category == category.id)
                })
                .map(|r| r.proficiency.value())
                .collect();
            let mean = if values.is_empty() {
                0.0
            } else {
                values.iter().map(|&v| f64::from(v)).sum::<f64>() / values.len() as f64
            };
            (one_line(&category.name), values.len(), mean)
        })
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
