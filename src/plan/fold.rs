//! Keeping the plan's log bounded. Every edit appends to the log, so a plan used for years
//! would grow past the plan size limit and stop loading. Past [`LOG_CAP`] entries, a save
//! folds the oldest ones: the newest [`LOG_KEEP`] stay as they are, and of the older ones only
//! the last entry of each kind of change to each thing (a skill's rating, an item's status,
//! its evidence, the current level, the target) stays, in log order.
//!
//! What that keeps exact: the latest logged state of every rating, status, current level and
//! target, and the weekly progress toward any level for every week from the one holding the
//! newest folded entry on (each skill's step at the end of such a week is the same, since all
//! of its folded changes came before). Earlier weeks may show fewer changes.

use std::collections::HashSet;

use super::model::{Change, LogEntry};

/// A log longer than this is folded at the next save.
pub const LOG_CAP: usize = 5_000;

/// How many of the newest entries a fold keeps untouched.
pub const LOG_KEEP: usize = 4_000;

/// Folds `log` when it holds more than `cap` entries, keeping the newest `keep` as they are
/// (see the module notes); returns whether it folded.
pub fn fold_log(log: &mut Vec<LogEntry>, cap: usize, keep: usize) -> bool {
    if log.len() <= cap {
        return false;
    }
    let keep = keep.min(cap);
    let split = log.len() - keep;
    let recent = log.split_off(split);
    // Walking the older part newest first, the first entry met for each thing is its last.
    let mut seen: HashSet<(Change, Option<String>, Option<String>)> = HashSet::new();
    let mut kept: Vec<LogEntry> = log
        .drain(..)
        .rev()
        .filter(|entry| seen.insert(thing(entry)))
        .collect();
    kept.reverse();
    *log = kept;
    log.extend(recent);
    true
}

/// What an entry is a change of: a rating is one skill's whatever its level, an item's
/// changes are its (skill, level)'s, the current level and the target one each. Adding and
/// removing an item are one thing: whether it is in the plan.
fn thing(entry: &LogEntry) -> (Change, Option<String>, Option<String>) {
    let change = match entry.change {
        Change::Removed => Change::Added,
        other => other,
    };
    let level = match change {
        Change::Rating => None,
        _ => entry.level.clone(),
    };
    (change, entry.skill.clone(), level)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ladder::Ladder;
    use crate::plan::{Edit, Plan, RatingScale, progress_by_week};
    use proptest::prelude::*;
    use toml::value::Datetime;

    fn date_of(day: u32) -> Datetime {
        let (year, month, day) = crate::plan::model::civil_from_days(20_454 + u64::from(day));
        Datetime {
            date: Some(toml::value::Date { year, month, day }),
            time: None,
            offset: None,
        }
    }

    #[test]
    fn a_short_log_is_left_alone_and_a_long_one_keeps_the_newest_and_each_last_state() {
        let mut plan = Plan::default();
        for (day, step) in ["basic", "working", "advanced", "basic", "expert"]
            .iter()
            .enumerate()
        {
            let date = date_of(u32::try_from(day).unwrap_or(0) * 7);
            plan.apply_on(&Edit::rate(&plan, "a", None, step, None, date), date);
        }
        let date = date_of(40);
        plan.apply_on(
            &Edit::SetTarget {
                target: Some("director".into()),
                title: None,
            },
            date,
        );
        let mut log = plan.log.clone();
        assert!(!fold_log(&mut log, 6, 2));
        assert!(fold_log(&mut log, 5, 2));
        // Older part: ratings basic, working, advanced, basic → only the last (basic) stays;
        // then the newest two as they were.
        let shown: Vec<(Change, Option<&str>)> =
            log.iter().map(|e| (e.change, e.to.as_deref())).collect();
        assert_eq!(
            shown,
            [
                (Change::Rating, Some("basic")),
                (Change::Rating, Some("expert")),
                (Change::Target, Some("director")),
            ]
        );
    }

    #[test]
    fn a_save_folds_a_log_past_the_cap_and_the_file_stays_loadable() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("plan.toml");
        let mut plan = Plan::default();
        // Years of changes: the current level set back and forth, a rating stepped up and down.
        let steps = ["basic", "working"];
        for i in 0..LOG_CAP {
            let date = date_of(u32::try_from(i / 10).unwrap_or(0));
            let edit = if i % 2 == 0 {
                Edit::SetCurrent {
                    current: Some(format!("level-{}", i % 4)),
                    title: None,
                }
            } else {
                Edit::rate(&plan, "a", None, steps[(i / 2) % 2], None, date)
            };
            plan.apply_on(&edit, date);
        }
        assert_eq!(plan.log.len(), LOG_CAP);
        std::fs::write(&path, crate::plan::to_toml(&plan).expect("encodes")).expect("written");
        let mut store = crate::plan::PlanStore::open(&path).expect("opens");
        store
            .apply(&Edit::SetTarget {
                target: Some("director".into()),
                title: None,
            })
            .expect("saved");
        let saved = crate::plan::PlanStore::open(&path).expect("still loads");
        let log = &saved.plan().log;
        assert!(log.len() <= LOG_KEEP + 3, "{}", log.len());
        assert_eq!(log.last().map(|e| e.change), Some(Change::Target));
        assert_eq!(saved.plan().rating("a"), plan.rating("a"));
        assert_eq!(saved.plan().current, plan.current);
        // Undo still works after a fold.
        store.undo().expect("undone");
        let undone = crate::plan::PlanStore::open(&path).expect("loads");
        assert_eq!(undone.plan().target, None);
    }

    /// A skill id and a step of the built-in scale (index 0: unrated), days apart.
    fn changes() -> impl Strategy<Value = Vec<(usize, usize, u32)>> {
        prop::collection::vec((0usize..6, 0usize..5, 0u32..9), 1..120)
    }

    proptest! {
        #[test]
        fn folding_never_changes_the_weeks_it_keeps_nor_drops_a_newest_state(
            changes in changes(),
            cap in 1usize..60,
            keep in 0usize..60,
        ) {
            let ladder = Ladder::embedded().expect("built-in ladder");
            let scale = RatingScale::of(&ladder);
            let level = ladder.level("director").expect("director");
            let skills: Vec<&str> = level.skills.iter().take(6).map(|r| r.skill.as_str()).collect();
            let steps = ["", "basic", "working", "advanced", "expert"];
            let mut plan = Plan::default();
            let mut day = 0;
            for (skill, step, gap) in changes {
                day += gap;
                let date = date_of(day);
                let edit = if step == 0 {
                    Edit::SetRating { skill: skills[skill].to_owned(), rating: None }
                } else {
                    Edit::rate(&plan, skills[skill], None, steps[step], None, date)
                };
                plan.apply_on(&edit, date);
            }
            let today = date_of(day + 3);
            let before = progress_by_week(&plan, level, &scale, &today);
            let mut folded = plan.clone();
            let split = folded.log.len().saturating_sub(keep.min(cap));
            let boundary = split
                .checked_sub(1)
                .and_then(|i| plan.log.get(i))
                .and_then(|e| crate::plan::day_number(&e.date));
            let did = fold_log(&mut folded.log, cap, keep);
            prop_assert_eq!(did, plan.log.len() > cap);
            prop_assert!(folded.log.len() <= plan.log.len());
            // The newest entries are untouched, and the last entry of every thing is there.
            let kept = keep.min(cap).min(plan.log.len());
            prop_assert_eq!(
                &folded.log[folded.log.len() - kept..],
                &plan.log[plan.log.len() - kept..]
            );
            for entry in &plan.log {
                let last = plan.log.iter().rev().find(|e| thing(e) == thing(entry));
                prop_assert!(last.is_some_and(|last| folded.log.contains(last)));
            }
            let after = progress_by_week(&folded, level, &scale, &today);
            if did && let Some(boundary) = boundary {
                let monday = boundary - (boundary + 3).rem_euclid(7);
                let from = |points: &[crate::plan::WeekPoint]| -> Vec<crate::plan::WeekPoint> {
                    points
                        .iter()
                        .filter(|p| {
                            let start = crate::plan::day_number(&Datetime {
                                date: Some(p.week_start),
                                time: None,
                                offset: None,
                            });
                            start.is_some_and(|s| s >= monday)
                        })
                        .copied()
                        .collect()
                };
                prop_assert_eq!(from(&before), from(&after));
            } else {
                prop_assert_eq!(before, after);
            }
        }
    }
}
