//! The plan over time: the log newest first, and the share of the target's expectations met,
//! week by week, rebuilt from the dated rating changes.

use std::collections::HashMap;

use toml::value::{Date, Datetime};

use crate::ladder::Level;

use super::model::{Change, LogEntry, Plan};
use super::placement::level_fit;
use super::scale::{RatingScale, Ratings};

/// The log, newest first (entries of the same day: the later in the file first).
pub fn log_newest_first(plan: &Plan) -> Vec<&LogEntry> {
    let mut entries: Vec<&LogEntry> = plan.log.iter().rev().collect();
    entries.sort_by_key(|e| std::cmp::Reverse(day_number(&e.date)));
    entries
}

/// One week of progress toward a level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekPoint {
    /// The Monday the week starts on.
    pub week_start: Date,
    /// Expectations met at the end of the week.
    pub met: usize,
    pub of: usize,
}

/// At most this many weeks are shown (two years), whatever dates the file holds.
pub const MAX_WEEKS: usize = 104;

/// The share of `level`'s expectations met at the end of each week, from the week of the first
/// rating to the week of `today` (the last [`MAX_WEEKS`] at most).
///
/// A rating's history is its `rating` log entries; a rating the log never mentions (written by
/// hand) counts from its own date.
pub fn progress_by_week(
    plan: &Plan,
    level: &Level,
    scale: &RatingScale,
    today: &Datetime,
) -> Vec<WeekPoint> {
    let Some(today) = day_number(today) else {
        return Vec::new();
    };
    let mut events: Vec<(i64, &str, Option<&str>)> = Vec::new();
    let mut logged = std::collections::HashSet::new();
    for entry in &plan.log {
        if let (Change::Rating, Some(skill), Some(day)) = (
            entry.change,
            entry.skill.as_deref(),
            day_number(&entry.date),
        ) {
            logged.insert(skill);
            events.push((day, skill, entry.to.as_deref()));
        }
    }
    for rating in &plan.ratings {
        if !logged.contains(rating.skill.as_str())
            && let Some(day) = day_number(&rating.date)
        {
            events.push((day, &rating.skill, Some(&rating.step)));
        }
    }
    // Stable: same-day changes keep log order.
    events.sort_by_key(|e| e.0);
    let Some(first) = events.first().map(|e| e.0) else {
        return Vec::new();
    };
    let monday = |day: i64| day - (day + 3).rem_euclid(7); // 1970-01-01 was a Thursday.
    let last_week = monday(today);
    let first_week = monday(first).max(last_week - 7 * (MAX_WEEKS as i64 - 1));
    let mut steps: HashMap<&str, Option<&str>> = HashMap::new();
    let mut next = 0;
    let mut points = Vec::new();
    let mut week = first_week;
    while week <= last_week {
        while let Some(&(day, skill, step)) = events.get(next)
            && day < week + 7
        {
            steps.insert(skill, step);
            next += 1;
        }
        let ratings = Ratings::from_pairs(
            steps
                .iter()
                .filter_map(|(skill, step)| Some(((*skill).to_owned(), scale.rank((*step)?)?))),
        );
        let fit = level_fit(level, scale, &ratings);
        if let Some(week_start) = date_of(week) {
            points.push(WeekPoint {
                week_start,
                met: fit.met,
                of: fit.of,
            });
        }
        week += 7;
    }
    points
}

/// Days since 1970-01-01 of a TOML date (a date-time counts by its date).
pub fn day_number(datetime: &Datetime) -> Option<i64> {
    let date = datetime.date?;
    let (y, m, d) = (
        i64::from(date.year),
        i64::from(date.month),
        i64::from(date.day),
    );
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let day_of_year = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    Some(era * 146_097 + day_of_era - 719_468)
}

fn date_of(day: i64) -> Option<Date> {
    let days = u64::try_from(day).ok()?;
    let (year, month, day) = super::model::civil_from_days(days);
    Some(Date { year, month, day })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ladder::Ladder;
    use crate::plan::Edit;

    fn date(text: &str) -> Datetime {
        text.parse().expect("date")
    }

    #[test]
    fn day_numbers_round_trip() {
        for text in ["1970-01-01", "2000-02-29", "2026-01-05", "2026-11-30"] {
            let day = day_number(&date(text)).expect("a date");
            assert_eq!(date_of(day).map(|d| d.to_string()).as_deref(), Some(text));
        }
        assert_eq!(day_number(&date("2026-01-05")), Some(20_458));
    }

    #[test]
    fn the_log_reads_newest_first() {
        let mut plan = Plan::default();
        plan.apply_on(
            &Edit::SetCurrent {
                current: Some("a".into()),
                title: None,
            },
            date("2026-03-01"),
        );
        plan.apply_on(
            &Edit::SetTarget {
                target: Some("b".into()),
                title: None,
            },
            date("2026-01-01"),
        );
        plan.apply_on(
            &Edit::SetCurrent {
                current: Some("c".into()),
                title: None,
            },
            date("2026-03-01"),
        );
        let order: Vec<Option<&str>> = log_newest_first(&plan)
            .iter()
            .map(|e| e.to.as_deref())
            .collect();
        assert_eq!(order, [Some("c"), Some("a"), Some("b")]);
    }

    #[test]
    fn weekly_progress_follows_the_rating_changes() {
        let ladder = Ladder::embedded().expect("built-in ladder");
        let scale = RatingScale::of(&ladder);
        let level =
            crate::plan::placement::tests::small_level(&[("a", "working"), ("b", "working")]);
        let mut plan = Plan::default();
        // Monday 2026-01-05: a at working; Wednesday 2026-01-14: b at working; then a drops.
        for (day, skill, step) in [
            ("2026-01-05", "a", "working"),
            ("2026-01-14", "b", "working"),
            ("2026-01-20", "a", "basic"),
        ] {
            plan.apply_on(
                &Edit::rate(&plan, skill, None, step, None, date(day)),
                date(day),
            );
        }
        let points = progress_by_week(&plan, &level, &scale, &date("2026-02-01"));
        let met: Vec<(String, usize)> = points
            .iter()
            .map(|p| (p.week_start.to_string(), p.met))
            .collect();
        assert_eq!(
            met,
            [
                ("2026-01-05".to_owned(), 1),
                ("2026-01-12".to_owned(), 2),
                ("2026-01-19".to_owned(), 1),
                ("2026-01-26".to_owned(), 1),
            ]
        );
        assert!(points.iter().all(|p| p.of == 2));
        // A far-off first date is cut to the last two years.
        let mut old = plan.clone();
        old.log[0].date = date("0001-01-01");
        assert_eq!(
            progress_by_week(&old, &level, &scale, &date("2026-02-01")).len(),
            MAX_WEEKS
        );
        assert!(progress_by_week(&Plan::default(), &level, &scale, &date("2026-02-01")).is_empty());
    }
}
