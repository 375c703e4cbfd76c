//! What the views show about you: the current (◆) and target (◎) marks beside a level's
//! name, your step beside an expected one, the fit gauge of a level, the rating picker and
//! the screen of you against a level. Every mark is a glyph or a word, so it reads without
//! colour.

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear};

use super::common::{self, fit, one_line, pad, wrap};
use super::ladder::{CURRENT_MARK, TARGET_MARK};
use crate::ladder::{Level, Proficiency};
use crate::plan::StepRank;
use crate::present;
use crate::tui::app::App;
use crate::tui::rating::{RatingChoice, RatingPicker};
use crate::tui::you::Fit;
use crate::tui::you_screen::{YouScreen, rows};

/// Beside the level your ratings place you at on its track.
pub const PLACED_MARK: char = '✓';

/// `◆ `, `◎ `, `◆◎ ` or nothing: where you are and where you aim.
pub fn marks(app: &App, level_id: &str) -> String {
    let mut out = String::new();
    if app.plan.current() == Some(level_id) {
        out.push(CURRENT_MARK);
    }
    if app.plan.target() == Some(level_id) {
        out.push(TARGET_MARK);
    }
    if !out.is_empty() {
        out.push(' ');
    }
    out
}

/// `current`, `target`, `current, target` or nothing: the marks in words.
pub fn mark_words(app: &App, level_id: &str) -> &'static str {
    match (
        app.plan.current() == Some(level_id),
        app.plan.target() == Some(level_id),
    ) {
        (true, true) => "current, target",
        (true, false) => "current",
        (false, true) => "target",
        (false, false) => "",
    }
}

/// A level's title with its marks, and the marks in words when `columns` leave room:
/// `◆ Senior engineer · current`.
pub fn marked_title(app: &App, level: &Level, columns: usize) -> String {
    let title = format!("{}{}", marks(app, &level.id), one_line(&level.title));
    let words = mark_words(app, &level.id);
    let long = format!("{title} · {words}");
    if words.is_empty() || common::width(&long) > columns {
        title
    } else {
        long
    }
}

/// Your step of `skill` as pips, `····` when not rated (as an unrated expectation reads).
pub fn you_pips(app: &App, skill: &str) -> Span<'static> {
    let theme = &app.settings.theme;
    let you = app.you();
    match you.rating(skill) {
        Some(rank) => Span::styled(present::step_pips(rank, &you.scale), theme.pip_filled),
        None => Span::styled("·".repeat(you.scale.steps().len()), theme.pip_empty),
    }
}

/// `●●●○ expected · ●●○○ you (working)`, or `●●●○ expected · you: not rated`.
pub fn expected_and_you(app: &App, expected: Option<Proficiency>, skill: &str) -> String {
    let you = app.you();
    let expected = expected.map_or(0, |p| p.value());
    let asks = if expected > 0 {
        format!("{} expected", present::step_pips(expected, &you.scale))
    } else {
        "no step expected".to_owned()
    };
    match you.rating(skill) {
        Some(rank) => format!(
            "{asks} · {} you ({})",
            present::step_pips(rank, &you.scale),
            one_line(present::step_or_unrated(Some(rank), &you.scale))
        ),
        None => format!("{asks} · you: not rated"),
    }
}

/// A small gauge of a level's fit: `✓▰▰▰▱ 75%` (the tick where your ratings place you),
/// in `cells` gauge cells; with the figure when `figure` is set.
pub fn fit_gauge(fit: Fit, placed: bool, cells: usize, figure: bool) -> String {
    let filled = ((fit.share() * cells as f64).round() as usize).min(cells);
    let mark = if placed { PLACED_MARK } else { ' ' };
    let mut out = format!("{mark}{}{}", "▰".repeat(filled), "▱".repeat(cells - filled));
    if figure {
        out.push_str(&format!("{:>5}", format!("{:.0}%", fit.share() * 100.0)));
    }
    out
}

/// The rating picker: the scale's steps with what each means for the skill, the cursor on
/// your rating, and a last row that clears it.
pub fn draw_rating(frame: &mut Frame<'_>, app: &App, picker: &RatingPicker, area: Rect) {
    let theme = &app.settings.theme;
    let Some(skill) = app.ladder.skill(&picker.skill) else {
        return;
    };
    let scale = app.you().scale.clone();
    let rows = RatingPicker::rows(&scale);
    let width = usize::from(area.width.saturating_sub(4).min(80).saturating_sub(4));
    // The selected step's full text under the list.
    let meaning = |row: usize| -> String {
        match RatingPicker::choice_at(row, &scale) {
            RatingChoice::Step(rank) => Proficiency::new(rank).map_or_else(String::new, |p| {
                skill
                    .rubric_at(p)
                    .unwrap_or_else(|| app.ladder.scale().meaning(p))
                    .to_owned()
            }),
            RatingChoice::Clear => "Take your rating of this skill out of the plan.".to_owned(),
        }
    };
    let detail = wrap(&meaning(picker.cursor), width.max(1), "");
    let wanted = rows + 2 + detail.len();
    let rect = common::centred_box(area, wanted);
    frame.render_widget(Clear, rect);
    let title = format!("Rate yourself: {}", one_line(&skill.name));
    common::draw_pane(frame, &title, true, app, rect);
    let inner = Block::bordered().inner(rect).inner(Margin::new(1, 0));
    let columns = usize::from(inner.width);
    let list_height = u16::try_from(rows)
        .unwrap_or(u16::MAX)
        .min(inner.height.saturating_sub(2).max(1));
    let [list_area, rest] = common::split_top(inner, list_height);
    let first = picker.list.follow(list_area, rows, picker.cursor);
    let name_width = scale
        .steps()
        .iter()
        .map(|s| common::width(&one_line(s)))
        .max()
        .unwrap_or(0)
        .max(9);
    let mut lines = Vec::new();
    for row in (0..rows).skip(first).take(usize::from(list_area.height)) {
        let selected = row == picker.cursor;
        let cursor = if selected { "▶" } else { " " };
        let line = match RatingPicker::choice_at(row, &scale) {
            RatingChoice::Step(rank) => {
                let mut tags = Vec::new();
                if rank == picker.current {
                    tags.push("you");
                }
                if rank == picker.expected {
                    tags.push("expected here");
                }
                let tag = if tags.is_empty() {
                    String::new()
                } else {
                    format!("({}) ", tags.join(", "))
                };
                let name = pad(
                    &one_line(present::step_or_unrated(Some(rank), &scale)),
                    name_width,
                );
                let lead = format!("{cursor}{} {name} {tag}", present::step_pips(rank, &scale));
                let text = format!("{lead}{}", one_line(&meaning(row)));
                Line::raw(fit(&text, columns))
            }
            RatingChoice::Clear => {
                let text = if picker.current == 0 {
                    format!("{cursor}not rated (you)")
                } else {
                    format!("{cursor}not rated: clear your rating")
                };
                Line::styled(fit(&text, columns), theme.muted)
            }
        };
        lines.push(if selected {
            line.style(common::row_style(app, true, true))
        } else {
            line
        });
    }
    common::draw_lines(frame, list_area, lines);
    let mut below = vec![Line::raw("")];
    below.extend(detail.into_iter().map(|l| Line::styled(l, theme.muted)));
    common::draw_lines(frame, rest, below);
}

/// You against a level: how many of its expectations you meet, then the gaps largest first
/// and the ones you meet, each with the step it asks and yours.
pub fn draw_you_screen(frame: &mut Frame<'_>, app: &App, s: &YouScreen, body: Rect) {
    let theme = &app.settings.theme;
    let Some(level) = app.ladder.levels().get(s.level) else {
        return;
    };
    let title = format!("You ⇄ {}", marked_title(app, level, 60));
    common::draw_pane(frame, &title, true, app, body);
    let inner = Block::bordered().inner(body).inner(Margin::new(1, 0));
    let columns = usize::from(inner.width);
    let (rows, fit_line) = {
        let you = app.you();
        let rows = rows(level, &you);
        let met = rows.iter().filter(|r| !r.is_gap()).count();
        let of = rows.len();
        let fit = crate::plan::level_fit(level, &you.scale, &you.ratings);
        let verdict = if fit.is_met() {
            "you meet this level"
        } else {
            "you do not meet this level yet"
        };
        let line = format!(
            "{met} of {of} expectations met ({}): {verdict}",
            present::percent(fit.fit())
        );
        (rows, line)
    };
    let gaps = rows.iter().filter(|r| r.is_gap()).count();
    let [head, list_area] = common::split_top(inner, 3);
    let add_key =
        app.settings
            .keymap
            .label_for(crate::tui::action::Action::AddGaps, app.screen_kind(), 1);
    let gaps_line = match gaps {
        0 => "No gaps: you meet every expectation of this level.".to_owned(),
        n if add_key.is_empty() => format!("Gaps, largest first ({n})"),
        n => format!("Gaps, largest first ({n}); {add_key} puts them all in your plan"),
    };
    common::draw_lines(
        frame,
        head,
        vec![
            Line::raw(fit(&fit_line, columns)),
            Line::raw(""),
            Line::styled(fit(&gaps_line, columns), theme.heading),
        ],
    );
    let first = s.list.follow(list_area, rows.len(), s.cursor);
    let scale = app.you().scale.clone();
    let pips_width = scale.steps().len();
    let mut lines = Vec::new();
    for (index, row) in rows
        .iter()
        .enumerate()
        .skip(first)
        .take(usize::from(list_area.height))
    {
        let selected = index == s.cursor;
        let cursor = if selected { "▶" } else { " " };
        let mark = app.bookmark_mark(&row.skill, &level.id);
        let name = app
            .ladder
            .skill(&row.skill)
            .map_or_else(|| one_line(&row.skill), |k| one_line(&k.name));
        let words = gap_words(row.asks, row.have, &scale);
        let lead = format!(
            "{cursor}{mark}{} expected · {} you  ",
            present::step_pips(row.asks, &scale),
            if row.have == 0 {
                "·".repeat(pips_width)
            } else {
                present::step_pips(row.have, &scale)
            }
        );
        let rest = columns.saturating_sub(common::width(&lead));
        let text = if row.is_gap() {
            format!("{name} — {words}")
        } else {
            format!("{name} — met")
        };
        let style = if row.is_gap() {
            ratatui::style::Style::new()
        } else {
            theme.muted
        };
        let line = Line::from(vec![Span::raw(lead), Span::styled(fit(&text, rest), style)]);
        lines.push(if selected {
            line.style(common::row_style(app, true, true))
        } else {
            line
        });
    }
    if rows.is_empty() {
        lines.push(Line::styled(
            fit("This level names no skill with a step.", columns),
            theme.muted,
        ));
    }
    common::draw_lines(frame, list_area, lines);
}

/// `asks advanced, you have working (1 step short)`.
fn gap_words(asks: StepRank, have: StepRank, scale: &crate::plan::RatingScale) -> String {
    let short = asks.saturating_sub(have);
    let have = match scale.name(have) {
        Some(step) => format!("you have {}", one_line(step)),
        None => "not rated".to_owned(),
    };
    format!(
        "asks {}, {have} ({short} step{} short)",
        one_line(present::step_or_unrated(Some(asks), scale)),
        if short == 1 { "" } else { "s" }
    )
}
