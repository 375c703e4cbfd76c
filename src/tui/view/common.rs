//! Pieces several screens draw: fitted and wrapped text, pane frames, experience bars on the
//! ladder's shared years axis, and the skill-profile chart.

use ratatui::Frame;
use ratatui::layout::Margin;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Scrollbar, ScrollbarOrientation, ScrollbarState};
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
        // First fit: a third of the cost of optimal fit, and ragged right reads as well.
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
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

/// Years drawn as cells: `axis` years (at least one) across `cells` columns.
#[derive(Debug, Clone, Copy)]
pub struct YearsScale {
    pub axis: u32,
    pub cells: usize,
}

impl YearsScale {
    pub fn new(axis: u32, cells: usize) -> YearsScale {
        YearsScale {
            axis: axis.max(1),
            cells,
        }
    }

    /// The cell where `years` falls, at most `cells`.
    pub fn cell(self, years: u32) -> usize {
        let scaled = u64::from(years.min(self.axis)) * self.cells as u64 / u64::from(self.axis);
        usize::try_from(scaled).unwrap_or(self.cells)
    }

    /// `range` as a bar: the cells before it, the bar in `glyph` (ending in `▶` when the
    /// range is open-ended, which runs it to the end), and the cells after it.
    pub fn bar(self, range: &Range, glyph: &str) -> (usize, String, usize) {
        let start = self.cell(range.min).min(self.cells.saturating_sub(1));
        let end = match range.max {
            Some(max) => self.cell(max).max(start + 1),
            None => self.cells,
        };
        let mut bar = glyph.repeat(end.saturating_sub(start));
        if range.is_open_ended() {
            bar.pop();
            bar.push('▶');
        }
        (start, bar, self.cells.saturating_sub(end))
    }

    /// Year labels every `step` years under the bars, dropped where they would run into each
    /// other or past the bar and `label_room` columns after it.
    pub fn ticks(self, step: u32, label_room: usize) -> String {
        let mut ticks = String::new();
        if self.cells == 0 {
            return ticks;
        }
        let (axis, cells, step) = (
            u64::from(self.axis),
            self.cells as u64,
            u64::from(step.max(1)),
        );
        let mut year = 0u64;
        while year <= axis {
            // year ≤ axis, which is a u32.
            let at = self.cell(u32::try_from(year).unwrap_or(u32::MAX));
            if at >= ticks.width() {
                let label = year.to_string();
                if at + label.len() > self.cells + label_room {
                    // Every later label starts further right and is no shorter.
                    break;
                }
                ticks.push_str(&" ".repeat(at - ticks.width()));
                ticks.push_str(&label);
                ticks.push(' ');
            }
            // Skip the years whose label would start inside the ones placed: on a huge axis
            // (content may say 4,000,000,000 years) stepping one by one would never end.
            let first_free = (ticks.width() as u64 * axis).div_ceil(cells);
            year = (year + step).max(first_free.next_multiple_of(step));
        }
        ticks.trim_end().to_owned()
    }
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
    let scale = YearsScale::new(years_axis(app), bar_width);
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
            Span::raw(years_label(range)),
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

/// The skill profile as lines: per category with a skill at this level, a bar of the mean
/// expected proficiency (1 basic – 4 expert) and how many skills that mean is taken over, so a
/// single skill does not pass for a broad strength. Categories without a skill here are left
/// out.
pub fn profile_lines(app: &App, level: &Level, columns: usize) -> Vec<Line<'static>> {
    let theme = &app.settings.theme;
    let rows: Vec<(String, usize, f64)> = profile(app, level)
        .into_iter()
        .filter(|(_, count, _)| *count > 0)
        .collect();
    let name_width = rows
        .iter()
        .map(|(n, ..)| n.width())
        .max()
        .unwrap_or(0)
        .min(columns / 2);
    // name, space, bar, " 2.7 of 5 skills"
    let tail = |count: usize, mean: f64| {
        format!(
            " {mean:.1} of {count} skill{}",
            if count == 1 { "" } else { "s" }
        )
    };
    let tail_width = rows
        .iter()
        .map(|(_, count, mean)| tail(*count, *mean).width())
        .max()
        .unwrap_or(0);
    let bar_width = columns.saturating_sub(name_width + 1 + tail_width).min(32);
    rows.into_iter()
        .map(|(name, count, mean)| {
            let mut spans = vec![Span::raw(pad(&name, name_width)), Span::raw(" ")];
            if bar_width >= 4 {
                let (filled, rest) = gauge(mean, f64::from(Proficiency::MAX), bar_width);
                spans.push(Span::styled(filled, theme.profile_bar));
                spans.push(Span::styled(rest, theme.pip_empty));
            }
            spans.push(Span::raw(tail(count, mean)));
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every multiple of `step` tried in turn: what the tick row was before years were
    /// skipped. Only usable on small axes.
    fn ticks_one_by_one(scale: YearsScale, step: u32, label_room: usize) -> String {
        let mut ticks = String::new();
        let mut year = 0;
        while year <= scale.axis {
            let at = scale.cell(year);
            let label = year.to_string();
            if at >= ticks.width() && at + label.len() <= scale.cells + label_room {
                ticks.push_str(&" ".repeat(at - ticks.width()));
                ticks.push_str(&label);
                ticks.push(' ');
            }
            year += step;
        }
        ticks.trim_end().to_owned()
    }

    #[test]
    fn ticks_on_a_one_year_per_cell_axis() {
        assert_eq!(
            YearsScale::new(20, 20).ticks(5, 3),
            "0    5    10   15   20"
        );
    }

    #[test]
    fn skipping_years_places_the_same_ticks() {
        for axis in 1..=120 {
            for cells in [1, 7, 8, 13, 30, 64, 150] {
                for step in [1, 5, 10] {
                    let scale = YearsScale::new(axis, cells);
                    assert_eq!(
                        scale.ticks(step, 4),
                        ticks_one_by_one(scale, step, 4),
                        "axis {axis}, {cells} cells, step {step}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_huge_axis_gives_a_short_tick_row() {
        // Content may give any u32 as years; stepping through them would hang the frame.
        let ticks = YearsScale::new(u32::MAX, 40).ticks(10, 12);
        assert!(ticks.starts_with("0 "), "{ticks}");
        assert!(ticks.width() <= 52, "{ticks}");
    }

    #[test]
    fn an_open_range_runs_to_the_end_with_an_arrow() {
        let (before, bar, after) = YearsScale::new(20, 20).bar(&Range::new(5, None), "█");
        assert_eq!((before, after), (5, 0));
        assert_eq!(bar, "██████████████▶");
    }
}
