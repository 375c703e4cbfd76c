//! A check-in: someone else (a manager, a mentor) rates you in a plan file of their own; this
//! sets their ratings beside yours and beside what your target expects. Neither plan changes.

use std::path::Path;

use crate::files::{PLAN_FILE_LIMIT, ReadError, read_regular};
use crate::ladder::{Ladder, Level, Problem};

use super::format::parse;
use super::model::Plan;
use super::scale::{RatingScale, Ratings, StepRank};
use super::store::PlanError;

/// Reads another person's plan file for a check-in: only reads it (bounded like a plan, a
/// regular file of at most the plan size limit), every problem located.
pub fn read_checkin_file(file: &Path) -> Result<Plan, PlanError> {
    let name = crate::text::escape_control(&file.display().to_string()).into_owned();
    let bytes = read_regular(file, PLAN_FILE_LIMIT).map_err(|error| match error {
        ReadError::NotFound => PlanError::Io {
            path: file.to_path_buf(),
            action: "read the check-in file",
            error: std::io::ErrorKind::NotFound.into(),
        },
        ReadError::Io(error) => PlanError::Io {
            path: file.to_path_buf(),
            action: "read the check-in file",
            error,
        },
        error => PlanError::Unreadable {
            path: file.to_path_buf(),
            error,
        },
    })?;
    let problems = match std::str::from_utf8(&bytes) {
        Ok(text) => match parse(&name, text) {
            Ok(plan) => return Ok(plan),
            Err(problems) => problems,
        },
        Err(e) => vec![Problem::whole_file(
            &name,
            format!("not UTF-8 text (byte {})", e.valid_up_to()),
        )],
    };
    Err(PlanError::Invalid(problems))
}

/// One skill seen by both of you.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckinRow {
    pub skill: String,
    /// Your rank (`None`: you have not rated it, or not on this ladder's scale).
    pub yours: Option<StepRank>,
    /// Their rank.
    pub theirs: Option<StepRank>,
    /// What your target level expects (`None`: no target, or it does not name the skill).
    pub expected: Option<StepRank>,
}

impl CheckinRow {
    /// How many steps apart the two ratings are, when both of you rated the skill.
    pub fn difference(&self) -> Option<StepRank> {
        Some(self.yours?.abs_diff(self.theirs?))
    }

    /// Whether you disagree by a step or more.
    pub fn disagrees(&self) -> bool {
        self.difference().is_some_and(|d| d >= 1)
    }
}

/// The whole check-in: disagreements first (largest first), then the other skills.
#[derive(Debug, Clone, PartialEq)]
pub struct Checkin<'a> {
    /// Your target, when the ladder knows it.
    pub target: Option<&'a Level>,
    pub rows: Vec<CheckinRow>,
}

impl Checkin<'_> {
    pub fn disagreements(&self) -> impl Iterator<Item = &CheckinRow> {
        self.rows.iter().filter(|r| r.disagrees())
    }

    pub fn row(&self, skill: &str) -> Option<&CheckinRow> {
        self.rows.iter().find(|r| r.skill == skill)
    }
}

/// Compares `mine` with `theirs`. The skills are those of your target's expectations (in the
/// level's order), then those you rated, then those they rated (each in file order).
pub fn checkin<'a>(
    mine: &Plan,
    theirs: &Plan,
    ladder: &'a Ladder,
    scale: &RatingScale,
) -> Checkin<'a> {
    let target = mine.target.as_deref().and_then(|id| ladder.level(id));
    let (your_ratings, their_ratings) = (Ratings::of(mine, scale), Ratings::of(theirs, scale));
    let mut skills: Vec<&str> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let target_skills = target
        .into_iter()
        .flat_map(|l| l.skills.iter().map(|r| r.skill.as_str()));
    let rated = mine
        .ratings
        .iter()
        .chain(&theirs.ratings)
        .map(|r| r.skill.as_str());
    for skill in target_skills.chain(rated) {
        if seen.insert(skill) {
            skills.push(skill);
        }
    }
    let expected_of: std::collections::HashMap<&str, StepRank> = target
        .into_iter()
        .flat_map(|l| &l.skills)
        .filter_map(|r| Some((r.skill.as_str(), scale.expected(r)?)))
        .collect();
    let mut rows: Vec<CheckinRow> = skills
        .into_iter()
        .map(|skill| CheckinRow {
            skill: skill.to_owned(),
            yours: your_ratings.get(skill),
            theirs: their_ratings.get(skill),
            expected: expected_of.get(skill).copied(),
        })
        .collect();
    rows.sort_by_key(|r| std::cmp::Reverse(r.difference().filter(|&d| d >= 1).unwrap_or(0)));
    Checkin { target, rows }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Edit;

    fn rated(target: Option<&str>, ratings: &[(&str, &str)]) -> Plan {
        let date: toml::value::Datetime = "2026-01-05".parse().expect("date");
        let mut plan = Plan {
            target: target.map(str::to_owned),
            ..Plan::default()
        };
        for (skill, step) in ratings {
            plan.apply(&Edit::rate(&plan, skill, None, step, None, date));
        }
        plan
    }

    #[test]
    fn disagreements_come_first_largest_first_and_nothing_changes() {
        let ladder = Ladder::embedded().expect("built-in ladder");
        let scale = RatingScale::of(&ladder);
        let director = ladder.level("director").expect("director");
        let first = director.skills[0].skill.as_str();
        let mine = rated(
            Some("director"),
            &[
                (first, "working"),
                ("budgeting", "basic"),
                ("x-only-mine", "expert"),
            ],
        );
        let theirs = rated(
            None,
            &[
                (first, "working"),
                ("budgeting", "expert"),
                ("communication", "advanced"),
            ],
        );
        let (mine_before, theirs_before) = (mine.clone(), theirs.clone());
        let checkin = checkin(&mine, &theirs, &ladder, &scale);
        assert_eq!(mine, mine_before);
        assert_eq!(theirs, theirs_before);
        assert_eq!(checkin.target.map(|l| l.id.as_str()), Some("director"));
        let top = &checkin.rows[0];
        assert_eq!(top.skill, "budgeting");
        assert_eq!(
            (top.yours, top.theirs, top.difference()),
            (Some(1), Some(4), Some(3))
        );
        assert_eq!(checkin.disagreements().count(), 1);
        let same = checkin.row(first).expect("target skill");
        assert!(!same.disagrees());
        assert_eq!(same.expected, scale.expected(&director.skills[0]));
        // Rated by one side only: listed, not a disagreement.
        let only_mine = checkin.row("x-only-mine").expect("listed");
        assert_eq!((only_mine.theirs, only_mine.difference()), (None, None));
        assert!(checkin.row("communication").is_some());
        // Every skill of the target is listed once.
        for reference in &director.skills {
            assert_eq!(
                checkin
                    .rows
                    .iter()
                    .filter(|r| r.skill == reference.skill)
                    .count(),
                1
            );
        }
    }
}
