//! The wording both front ends share: how a year range, a proficiency, a relation between
//! two levels, the headline of a comparison or a plan status reads. The explorer styles these
//! strings and the headless commands print them, so the two cannot drift apart.
//!
//! Everything taken from content or a plan passes through [`one_line`] or
//! [`crate::text::clean`]: that text may come from someone else and must not drive a terminal.

use std::cmp::Ordering;

use crate::compare::{
    Comparison, Duty, Headline, RangeComparison, Relation, Side, SkillChange, Span,
};
use crate::ladder::{Experience, Ladder, Level, Problem, Proficiency, Range, Scale};
use crate::plan::{RatingScale, Status, StepRank, TargetProgress, WeekPoint};
use crate::text::clean;
use unicode_width::UnicodeWidthStr;

/// Content text on one line: line breaks and tabs become spaces, control characters go.
pub fn one_line(text: &str) -> String {
    clean(text, false).into_owned()
}

/// A markdown table cell: one line, and no pipe that would end the cell early.
pub fn cell(text: &str) -> String {
    one_line(text).replace('|', "\\|")
}

/// `1 track`, `2 tracks`.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// The filled and the empty pips of a proficiency on a scale: (`●●●`, `○`) for the third of
/// four steps.
pub fn pip_parts(p: Proficiency, scale: &Scale) -> (String, String) {
    let filled = usize::from(p.value());
    let empty = usize::from(scale.max()).saturating_sub(filled);
    ("●".repeat(filled), "○".repeat(empty))
}

/// Pips for a proficiency: `●●●○` for the third of four steps.
pub fn pips(p: Proficiency, scale: &Scale) -> String {
    let (filled, empty) = pip_parts(p, scale);
    filled + &empty
}

/// A step's name for display (content text, so cleaned).
pub fn step_name(p: Proficiency, scale: &Scale) -> String {
    one_line(&scale.name(p))
}

/// Pips and the step's name, or `not rated` for a skill expected without a step.
pub fn rating(p: Option<Proficiency>, scale: &Scale) -> String {
    match p {
        Some(p) => format!("{} {}", pips(p, scale), step_name(p, scale)),
        None => NOT_RATED.to_owned(),
    }
}

/// The level's position in its own track, from 1: "rung N" counts the track's levels, so a
/// track forking from another track's rung still starts at rung 1.
pub fn rung(ladder: &Ladder, level: &Level) -> usize {
    ladder
        .rung_of(&level.id)
        .map_or(level.rank as usize, |(n, _)| n)
}

/// `rung N of M` within the level's own track.
pub fn rung_of_track(ladder: &Ladder, level: &Level) -> String {
    ladder
        .rung_of(&level.id)
        .map_or_else(String::new, |(n, m)| format!("rung {n} of {m}"))
}

/// What a skill expected without a step shows instead of one.
pub const NOT_RATED: &str = "not rated";

/// `5–10 yrs`, `15+ yrs`, `~3–6 yrs (estimate)`.
pub fn years(range: &Range) -> String {
    let unit = if range.max == Some(1) && range.min <= 1 {
        "yr"
    } else {
        "yrs"
    };
    let estimate = if range.estimate { " (estimate)" } else { "" };
    format!("{} {unit}{estimate}", range.label())
}

/// `5–10 yrs`, or `—` for a range a level does not give.
pub fn years_or_dash(range: Option<&Range>) -> String {
    range.map_or_else(|| "—".to_owned(), years)
}

/// The label of years in the field.
pub const FIELD_YEARS: &str = "In the field";
/// The label of years managing people.
pub const MANAGING_YEARS: &str = "Managing people";

/// The experience a level asks for, labelled: the field, then managing where it is expected.
pub fn experience_rows(experience: &Experience) -> Vec<(&'static str, &Range)> {
    let mut rows = vec![(FIELD_YEARS, &experience.field)];
    if let Some(managing) = &experience.managing {
        rows.push((MANAGING_YEARS, managing));
    }
    rows
}

/// `fact — note`, or whichever of the two is there.
pub fn with_note(fact: &str, note: &str) -> String {
    match (fact.is_empty(), note.is_empty()) {
        (_, true) => fact.to_owned(),
        (true, false) => note.to_owned(),
        (false, false) => format!("{fact} — {note}"),
    }
}

/// `5–8 people — a note`.
pub fn direct_reports(range: &Range) -> String {
    with_note(&format!("{} people", range.label()), &range.note)
}

/// `Manager (manager)`.
pub fn level_name(level: &Level) -> String {
    format!("{} ({})", one_line(&level.title), level.id)
}

/// `Title (id), Title (id)` for level ids; an id the ladder does not know is shown as is.
pub fn level_names<'a>(ladder: &Ladder, ids: impl IntoIterator<Item = &'a str>) -> String {
    let names: Vec<String> = ids
        .into_iter()
        .map(|id| ladder.level(id).map_or_else(|| one_line(id), level_name))
        .collect();
    names.join(", ")
}

/// The title of the level's track, or its id when the ladder has no such track.
pub fn track_title<'a>(ladder: &'a Ladder, level: &'a Level) -> &'a str {
    ladder
        .track(&level.track)
        .map_or(level.track.as_str(), |t| t.title.as_str())
}

/// Where B sits relative to A, in words.
pub fn relation_text(ladder: &Ladder, c: &Comparison) -> String {
    match c.relation {
        Relation::Itself => "The same level on both sides.".to_owned(),
        Relation::SameTrack { steps } => {
            let rungs = |n: u64| {
                if n == 1 {
                    "one rung".to_owned()
                } else {
                    format!("{n} rungs")
                }
            };
            let track = one_line(track_title(ladder, c.a));
            match steps {
                0 => format!("Both at the same rung of the {track} track."),
                s if s > 0 => format!(
                    "B is {} above A in the {track} track.",
                    rungs(s.unsigned_abs())
                ),
                s => format!(
                    "B is {} below A in the {track} track.",
                    rungs(s.unsigned_abs())
                ),
            }
        }
        Relation::OtherTrack => format!(
            "Across tracks: {} → {}.",
            one_line(track_title(ladder, c.a)),
            one_line(track_title(ladder, c.b))
        ),
    }
}

fn side_letter(side: Side) -> &'static str {
    match side {
        Side::A => "A",
        Side::B => "B",
    }
}

/// Where two ranges meet, in words: `meet at 5 years`, `overlap 8–10 years`, `gap of 3 years`.
pub fn span_text(range: &RangeComparison) -> String {
    match range.span {
        Some(Span::Overlap { from, to: Some(to) }) if from == to => {
            format!("meet at {from} years")
        }
        Some(Span::Overlap { from, to: Some(to) }) => format!("overlap {from}–{to} years"),
        Some(Span::Overlap { from, to: None }) => format!("overlap from {from} years on"),
        Some(Span::Gap { from, to, lower }) => format!(
            "gap of {} years: {} ends at {from}, {} starts at {to}",
            to - from,
            side_letter(lower),
            side_letter(lower.other())
        ),
        None => match range.status {
            crate::compare::Status::OnlyA => "expected at A only".to_owned(),
            crate::compare::Status::OnlyB => "new at B".to_owned(),
            _ => "expected at neither".to_owned(),
        },
    }
}

/// `+4 skills, 3 raised, +5 years managing people`: new skills, skills only at A (`−2
/// skills`), raised, lowered, then the differences of the minimum years. Zero counts are
/// left out; `no change in skills or experience` when every count is zero.
pub fn headline(h: &Headline) -> String {
    fn signed(n: i64) -> String {
        match n.cmp(&0) {
            Ordering::Less => format!("−{}", n.unsigned_abs()),
            _ => format!("+{n}"),
        }
    }
    let mut parts = Vec::new();
    if h.skills_new > 0 {
        parts.push(format!("+{}", count(h.skills_new, "skill")));
    }
    if h.skills_only_a > 0 {
        parts.push(format!("−{}", count(h.skills_only_a, "skill")));
    }
    if h.skills_raised > 0 {
        parts.push(format!("{} raised", h.skills_raised));
    }
    if h.skills_lowered > 0 {
        parts.push(format!("{} lowered", h.skills_lowered));
    }
    if h.skills_unrated > 0 {
        parts.push(format!("{} at both, not rated", h.skills_unrated));
    }
    let years = |n: i64| if n.abs() == 1 { "year" } else { "years" };
    if h.field_years != 0 {
        parts.push(format!(
            "{} {} in the field",
            signed(h.field_years),
            years(h.field_years)
        ));
    }
    if h.managing_years != 0 {
        parts.push(format!(
            "{} {} managing people",
            signed(h.managing_years),
            years(h.managing_years)
        ));
    }
    if parts.is_empty() {
        "no change in skills or experience".to_owned()
    } else {
        parts.join(", ")
    }
}

/// The mark beside a duty: `+` new at B, `−` only at A, `=` at both.
pub fn duty_marker(duty: &Duty, side: Side) -> &'static str {
    match (duty.shared, side) {
        (true, _) => "=",
        (false, Side::A) => "−",
        (false, Side::B) => "+",
    }
}

/// A skill's change from A to B in words, mark first; empty when it is the same.
pub fn change_words(change: SkillChange) -> &'static str {
    match change {
        SkillChange::Same => "",
        SkillChange::Unrated => "· not rated on both",
        SkillChange::Raised => "↑ raised",
        SkillChange::Lowered => "↓ lowered",
        SkillChange::OnlyA => "− only at A",
        SkillChange::OnlyB => "+ new at B",
    }
}

/// The key to the skill marks of a comparison.
pub const SKILL_MARKS: &str = "+ new at B, − only at A, ↑ raised, ↓ lowered";
/// The key to the duty marks of a comparison.
pub const DUTY_MARKS: &str = "+ new at B, − only at A, = at both";

/// The heading of a level's skill profile, naming the top of the ladder's scale:
/// `… (4 = expert)` on the default scale.
pub fn profile_heading(scale: &Scale) -> String {
    let top = scale
        .proficiencies()
        .last()
        .map(|p| format!(" ({} = {})", p.value(), step_name(p, scale)))
        .unwrap_or_default();
    format!("Skill profile: mean proficiency per category{top}")
}

/// One category of a skill profile in figures: `2.7 over 3 skills`, or `no skills`.
pub fn profile_figure(skills: usize, mean: f64) -> String {
    if skills == 0 {
        "no skills".to_owned()
    } else {
        format!("{mean:.1} over {}", count(skills, "skill"))
    }
}

/// A plan status as a heading: `Planned`, `In progress`, `Done`.
pub fn status_title(status: Status) -> &'static str {
    match status {
        Status::Planned => "Planned",
        Status::InProgress => "In progress",
        Status::Done => "Done",
    }
}

/// `3 done, 1 in progress, 2 planned, 4 missing — of 10 skills`.
pub fn progress_line(progress: &TargetProgress<'_>) -> String {
    format!(
        "{} done, {} in progress, {} planned, {} missing — of {} skills",
        progress.done,
        progress.in_progress,
        progress.planned,
        progress.missing,
        progress.total()
    )
}

/// Each problem with the line it points at, then how many there are.
pub fn problems(problems: &[Problem]) -> String {
    let mut out = String::new();
    for problem in problems {
        out.push_str(&problem.render());
        out.push('\n');
    }
    out.push_str(&format!("{} found", count(problems.len(), "problem")));
    out
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

// ---------------------------------------------------------------------------------------
// You on the ladder: your steps beside a level's, fits, progress by week

/// `●●○○` for rank 2 of a four-step scale; `○○○○` when unrated.
pub fn step_pips(rank: StepRank, scale: &RatingScale) -> String {
    let steps = scale.steps().len();
    let filled = usize::from(rank).min(steps);
    format!("{}{}", "●".repeat(filled), "○".repeat(steps - filled))
}

/// The step's name, or `not rated`.
pub fn step_or_unrated(rank: Option<StepRank>, scale: &RatingScale) -> &str {
    rank.and_then(|r| scale.name(r)).unwrap_or("not rated")
}

/// `●●●○ expected · ●●○○ you`.
pub fn expected_and_you(expected: StepRank, have: StepRank, scale: &RatingScale) -> String {
    format!(
        "{} expected · {} you",
        step_pips(expected, scale),
        step_pips(have, scale)
    )
}

/// `0.83` → `83 %`.
pub fn percent(fit: f64) -> String {
    format!("{:.0} %", fit * 100.0)
}

/// A gauge of ten cells for a fit: `███████░░░`.
pub fn fit_gauge(fit: f64) -> String {
    let filled = (fit.clamp(0.0, 1.0) * 10.0).round() as usize;
    format!("{}{}", "█".repeat(filled), "░".repeat(10 - filled))
}

/// `▁▃▅█ 2 of 23 → 9 of 23 (week of 2026-01-05 to week of 2026-02-02)`: the last `weeks`
/// weeks as bars of the share met; `None` when there is no rating history.
pub fn weekly_line(points: &[WeekPoint], weeks: usize) -> Option<String> {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let shown = &points[points.len().saturating_sub(weeks)..];
    let (first, last) = (shown.first()?, shown.last()?);
    let bars: String = shown
        .iter()
        .map(|p| {
            let share = if p.of == 0 {
                0.0
            } else {
                p.met as f64 / p.of as f64
            };
            BARS[((share * 7.0).round() as usize).min(7)]
        })
        .collect();
    Some(format!(
        "{bars} {} of {} → {} of {} (weeks of {} to {})",
        first.met, first.of, last.met, last.of, first.week_start, last.week_start
    ))
}

/// The company-size lines a level gives, labelled, each unsourced one marked as such so a
/// general description is never read as a sourced fact.
pub fn company_size_lines(level: &Level) -> Vec<(&'static str, String)> {
    let sizes = &level.company_size;
    sizes
        .lines()
        .into_iter()
        .filter(|(_, text)| !text.trim().is_empty())
        .map(|(key, text)| {
            let line = if sizes.is_unsourced(key) {
                format!("{text} {UNSOURCED_MARK}")
            } else {
                text.to_owned()
            };
            (company_size_label(key), line)
        })
        .collect()
}

/// The label and marked line of one company size (`startup`, `mid_size`, `large`), if given.
pub fn company_size_line(level: &Level, key: &str) -> Option<String> {
    let sizes = &level.company_size;
    let text = sizes.lines().into_iter().find(|(k, _)| *k == key)?.1;
    if text.trim().is_empty() {
        return None;
    }
    Some(if sizes.is_unsourced(key) {
        format!("{text} {UNSOURCED_MARK}")
    } else {
        text.to_owned()
    })
}

/// How a company-size key reads to a person.
pub fn company_size_label(key: &str) -> &'static str {
    match key {
        "startup" => "Startup",
        "mid_size" => "Mid-size company",
        _ => "Large company",
    }
}

/// Put after a company-size line that names no source.
pub const UNSOURCED_MARK: &str = "(general description, no named source)";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_reads_singular_plural_open_and_estimates() {
        assert_eq!(years(&Range::new(0, Some(1))), "0–1 yr");
        assert_eq!(years(&Range::new(5, Some(10))), "5–10 yrs");
        assert_eq!(years(&Range::new(15, None)), "15+ yrs");
        let mut guess = Range::new(3, Some(6));
        guess.estimate = true;
        assert_eq!(years(&guess), "~3–6 yrs (estimate)");
    }

    #[test]
    fn pips_fill_to_the_proficiency() {
        let scale = Scale::default();
        let step = |name| scale.find(name).expect("a default step");
        assert_eq!(pips(step("advanced"), &scale), "●●●○");
        assert_eq!(pips(step("expert"), &scale), "●●●●");
    }

    #[test]
    fn markdown_cells_keep_the_table_whole() {
        assert_eq!(cell("a | b\nc"), "a \\| b c");
    }

    #[test]
    fn direct_reports_say_people_and_keep_the_note() {
        let mut range = Range::new(5, Some(8));
        assert_eq!(direct_reports(&range), "5–8 people");
        range.note = "through managers".into();
        assert_eq!(direct_reports(&range), "5–8 people — through managers");
    }

    #[test]
    fn an_empty_headline_says_nothing_changes() {
        assert_eq!(
            headline(&Headline::default()),
            "no change in skills or experience"
        );
        let h = Headline {
            skills_new: 1,
            field_years: -1,
            ..Headline::default()
        };
        assert_eq!(headline(&h), "+1 skill, −1 year in the field");
    }

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

    #[test]
    fn your_steps_read_beside_the_expected_ones() {
        let ladder = Ladder::embedded().expect("built-in ladder");
        let scale = RatingScale::of(&ladder);
        assert_eq!(step_pips(0, &scale), "○○○○");
        assert_eq!(
            step_pips(9, &scale),
            "●●●●",
            "a rank past the top is clamped"
        );
        assert_eq!(expected_and_you(3, 2, &scale), "●●●○ expected · ●●○○ you");
        assert_eq!(step_or_unrated(None, &scale), "not rated");
        assert_eq!(step_or_unrated(Some(2), &scale), "working");
        assert_eq!(percent(0.8333), "83 %");
        assert_eq!(fit_gauge(0.8), "████████░░");
        assert_eq!(fit_gauge(7.0), "██████████");
    }

    #[test]
    fn the_weekly_line_shows_the_last_weeks() {
        let week = |day: u8, met: usize| WeekPoint {
            week_start: toml::value::Date {
                year: 2026,
                month: 1,
                day,
            },
            met,
            of: 4,
        };
        assert_eq!(weekly_line(&[], 12), None);
        let points = [week(5, 0), week(12, 2), week(19, 4)];
        assert_eq!(
            weekly_line(&points, 2).as_deref(),
            Some("▅█ 2 of 4 → 4 of 4 (weeks of 2026-01-12 to 2026-01-19)")
        );
    }
}
