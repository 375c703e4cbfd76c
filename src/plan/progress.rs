//! The plan seen through a ladder: progress toward the target level, items the ladder does
//! not know, and new items filled in from the ladder.

use crate::ladder::{Ladder, Level, SkillRef};

use super::model::{Plan, PlanItem, Status, today};

/// One skill of the target level and where the plan has it.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetSkill<'a> {
    pub skill: &'a SkillRef,
    /// `None`: not in the plan (missing).
    pub status: Option<Status>,
}

/// How far the plan has come toward its target level.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetProgress<'a> {
    pub level: &'a Level,
    /// Every skill the target level names, in the level's order.
    pub skills: Vec<TargetSkill<'a>>,
    pub done: usize,
    pub in_progress: usize,
    pub planned: usize,
    /// Skills of the target that the plan does not hold at all.
    pub missing: usize,
}

impl<'a> TargetProgress<'a> {
    /// The number of skills the target level names (done + in progress + planned + missing).
    pub fn total(&self) -> usize {
        self.skills.len()
    }

    /// The target's skills not yet in the plan, in the level's order.
    pub fn missing_skills(&self) -> impl Iterator<Item = &'a SkillRef> + '_ {
        self.skills
            .iter()
            .filter(|s| s.status.is_none())
            .map(|s| s.skill)
    }
}

/// Progress toward the plan's target; `None` when there is no target or the ladder does not
/// know it.
///
/// A target skill counts with the status of the plan's item for that skill at the target
/// level; when there is none, with the most advanced status among the plan's items for that
/// skill at other levels (bookmarked lower down, it still shows the skill is being worked on).
pub fn target_progress<'a>(plan: &Plan, ladder: &'a Ladder) -> Option<TargetProgress<'a>> {
    let level = ladder.level(plan.target.as_deref()?)?;
    let skills: Vec<TargetSkill<'a>> = level
        .skills
        .iter()
        .map(|skill| {
            let status = plan
                .item(&skill.skill, &level.id)
                .map(|i| i.status)
                .or_else(|| plan.items_of_skill(&skill.skill).map(|i| i.status).max());
            TargetSkill { skill, status }
        })
        .collect();
    let count = |wanted: Option<Status>| skills.iter().filter(|s| s.status == wanted).count();
    Some(TargetProgress {
        done: count(Some(Status::Done)),
        in_progress: count(Some(Status::InProgress)),
        planned: count(Some(Status::Planned)),
        missing: count(None),
        level,
        skills,
    })
}

/// Whether the ladder knows both the item's skill and its level. Items it does not know are
/// kept and saved unchanged; they are shown as "not in this ladder".
pub fn is_in_ladder(item: &PlanItem, ladder: &Ladder) -> bool {
    ladder.skill(&item.skill).is_some() && ladder.level(&item.level).is_some()
}

/// A new planned item for `skill_id` bookmarked from `level_id`, dated today, with the skill's
/// name and the level's title stored beside the ids when the ladder knows them.
pub fn new_item(ladder: &Ladder, skill_id: &str, level_id: &str) -> PlanItem {
    let mut item = PlanItem::new(skill_id, level_id, today());
    item.skill_name = ladder.skill(skill_id).map(|s| s.name.clone());
    item.level_title = ladder.level(level_id).map(|l| l.title.clone());
    item
}

/// The level a skill is added at when none is given: the target level if it names the skill,
/// else the first level in ladder order (track by track, lowest rung first) that names it.
pub fn default_level<'a>(plan: &Plan, ladder: &'a Ladder, skill_id: &str) -> Option<&'a Level> {
    let names_skill = |level: &Level| level.proficiency_of(skill_id).is_some();
    plan.target
        .as_deref()
        .and_then(|t| ladder.level(t))
        .filter(|l| names_skill(l))
        .or_else(|| ladder.levels().iter().find(|l| names_skill(l)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Edit;

    fn ladder() -> Ladder {
        Ladder::embedded().expect("built-in ladder is valid")
    }

    #[test]
    fn progress_counts_each_target_skill_once() {
        let ladder = ladder();
        let director = ladder.level("director").expect("director level");
        let mut plan = Plan {
            target: Some("director".into()),
            ..Plan::default()
        };
        let first = &director.skills[0].skill;
        let second = &director.skills[1].skill;
        plan.apply(&Edit::Add(new_item(&ladder, first, "director")));
        plan.apply(&Edit::SetStatus {
            skill: first.clone(),
            level: "director".into(),
            status: Status::Done,
        });
        // Bookmarked at a lower level: still counts, with its status.
        let lower = default_level(&Plan::default(), &ladder, second).expect("some level");
        plan.apply(&Edit::Add(new_item(&ladder, second, &lower.id)));
        let progress = target_progress(&plan, &ladder).expect("target known");
        assert_eq!(progress.total(), director.skills.len());
        assert_eq!(progress.done, 1);
        assert_eq!(progress.planned, 1);
        assert_eq!(progress.in_progress, 0);
        assert_eq!(progress.missing, director.skills.len() - 2);
        let missing: Vec<&str> = progress
            .missing_skills()
            .map(|s| s.skill.as_str())
            .collect();
        assert!(!missing.contains(&first.as_str()) && !missing.contains(&second.as_str()));
        assert_eq!(missing.len(), progress.missing);
    }

    #[test]
    fn no_target_or_unknown_target_gives_no_progress() {
        let ladder = ladder();
        assert_eq!(target_progress(&Plan::default(), &ladder), None);
        let plan = Plan {
            target: Some("astronaut".into()),
            ..Plan::default()
        };
        assert_eq!(target_progress(&plan, &ladder), None);
    }

    #[test]
    fn default_level_prefers_the_target() {
        let ladder = ladder();
        let director = ladder.level("director").expect("director");
        let skill = &director.skills[0].skill;
        let plan = Plan {
            target: Some("director".into()),
            ..Plan::default()
        };
        assert_eq!(
            default_level(&plan, &ladder, skill).map(|l| l.id.as_str()),
            Some("director")
        );
        let lowest = default_level(&Plan::default(), &ladder, skill).expect("named somewhere");
        let first_naming = ladder
            .levels()
            .iter()
            .position(|l| l.proficiency_of(skill).is_some());
        assert_eq!(ladder.level_index(&lowest.id), first_naming);
        assert_eq!(default_level(&plan, &ladder, "no-such-skill"), None);
    }

    #[test]
    fn new_items_carry_names_and_unknown_items_are_flagged() {
        let ladder = ladder();
        let director = ladder.level("director").expect("director");
        let skill = &director.skills[0].skill;
        let item = new_item(&ladder, skill, "director");
        assert_eq!(item.level_title.as_deref(), Some(director.title.as_str()));
        assert!(item.skill_name.is_some());
        assert!(is_in_ladder(&item, &ladder));
        assert!(!is_in_ladder(
            &new_item(&ladder, "renamed-skill", "director"),
            &ladder
        ));
    }
}
