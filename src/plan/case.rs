//! The promotion case: everything a person brings to a promotion conversation, gathered from
//! the plan and the ladder (and a check-in, when given) for the export to render.

use std::collections::HashMap;

use crate::ladder::{Ladder, Level};

use super::checkin::{Checkin, CheckinRow};
use super::model::{Evidence, Plan, PlanItem, Rating};
use super::placement::{Gap, LevelFit, Placement, gaps, level_fit, place};
use super::scale::{RatingScale, Ratings, StepRank};

/// A level the plan names: the ladder's level when it knows the id, else the id and the title
/// stored in the file.
#[derive(Debug, Clone, PartialEq)]
pub enum LevelMention<'a> {
    Known(&'a Level),
    Unknown { id: &'a str, title: Option<&'a str> },
}

impl<'a> LevelMention<'a> {
    fn of(ladder: &'a Ladder, id: Option<&'a str>, title: Option<&'a str>) -> Option<Self> {
        let id = id?;
        Some(match ladder.level(id) {
            Some(level) => LevelMention::Known(level),
            None => LevelMention::Unknown { id, title },
        })
    }

    pub fn id(&self) -> &'a str {
        match self {
            LevelMention::Known(level) => &level.id,
            LevelMention::Unknown { id, .. } => id,
        }
    }

    pub fn level(&self) -> Option<&'a Level> {
        match self {
            LevelMention::Known(level) => Some(level),
            LevelMention::Unknown { .. } => None,
        }
    }
}

/// Where a piece of evidence is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EvidenceSource<'a> {
    /// With the skill's rating.
    Rating,
    /// With the plan item at this level.
    Item { level: &'a str },
}

/// One skill of the case: your rating, what the target asks, the evidence, and the check-in.
#[derive(Debug, Clone, PartialEq)]
pub struct SkillCase<'a> {
    pub skill: &'a str,
    pub rating: Option<&'a Rating>,
    /// Your rank (0 when unrated or off the scale).
    pub have: StepRank,
    /// What the target expects, when it names the skill with a step.
    pub expected: Option<StepRank>,
    pub evidence: Vec<(EvidenceSource<'a>, &'a Evidence)>,
    /// The check-in's row for the skill, when a check-in was given.
    pub checkin: Option<CheckinRow>,
}

/// The promotion case.
#[derive(Debug, Clone, PartialEq)]
pub struct PromotionCase<'a> {
    pub current: Option<LevelMention<'a>>,
    pub target: Option<LevelMention<'a>>,
    pub placement: Placement<'a>,
    /// How the ratings fit the target, when the ladder knows it.
    pub target_fit: Option<LevelFit<'a>>,
    /// The target's expectations you do not meet yet, largest gap first.
    pub gaps: Vec<Gap<'a>>,
    /// The target's skills (in its order), then every other skill you rated or hold evidence
    /// for (in file order).
    pub skills: Vec<SkillCase<'a>>,
    pub checkin: Option<Checkin<'a>>,
}

/// Gathers the case from `plan` (and `checkin`, another person's ratings compared with yours).
pub fn promotion_case<'a>(
    plan: &'a Plan,
    ladder: &'a Ladder,
    scale: &RatingScale,
    checkin: Option<Checkin<'a>>,
) -> PromotionCase<'a> {
    let ratings = Ratings::of(plan, scale);
    let target = LevelMention::of(ladder, plan.target.as_deref(), plan.target_title.as_deref());
    let target_level = target.as_ref().and_then(LevelMention::level);
    let mut order: Vec<&'a str> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let target_skills = target_level
        .into_iter()
        .flat_map(|l| l.skills.iter().map(|r| r.skill.as_str()));
    let rated = plan.ratings.iter().map(|r| r.skill.as_str());
    let with_evidence = plan
        .items
        .iter()
        .filter(|i| !i.evidence.is_empty())
        .map(|i| i.skill.as_str());
    for skill in target_skills.chain(rated).chain(with_evidence) {
        if seen.insert(skill) {
            order.push(skill);
        }
    }
    // Indexed once, so that a plan of thousands of entries costs linear time, not quadratic.
    let rating_of: HashMap<&str, &Rating> =
        plan.ratings.iter().map(|r| (r.skill.as_str(), r)).collect();
    let mut items_of: HashMap<&str, Vec<&PlanItem>> = HashMap::new();
    for item in &plan.items {
        items_of.entry(item.skill.as_str()).or_default().push(item);
    }
    let expected_of: HashMap<&str, StepRank> = target_level
        .into_iter()
        .flat_map(|l| &l.skills)
        .filter_map(|r| Some((r.skill.as_str(), scale.expected(r)?)))
        .collect();
    let checkin_row: HashMap<&str, &CheckinRow> = checkin
        .iter()
        .flat_map(|c| &c.rows)
        .map(|r| (r.skill.as_str(), r))
        .collect();
    let skills = order
        .into_iter()
        .map(|skill| {
            let rating = rating_of.get(skill).copied();
            let mut evidence: Vec<(EvidenceSource<'a>, &'a Evidence)> = rating
                .into_iter()
                .flat_map(|r| r.evidence.iter().map(|e| (EvidenceSource::Rating, e)))
                .collect();
            for item in items_of.get(skill).into_iter().flatten() {
                let source = EvidenceSource::Item { level: &item.level };
                evidence.extend(item.evidence.iter().map(|e| (source, e)));
            }
            SkillCase {
                skill,
                rating,
                have: ratings.get(skill).unwrap_or(0),
                expected: expected_of.get(skill).copied(),
                evidence,
                checkin: checkin_row.get(skill).map(|r| (*r).clone()),
            }
        })
        .collect();
    PromotionCase {
        current: LevelMention::of(
            ladder,
            plan.current.as_deref(),
            plan.current_title.as_deref(),
        ),
        placement: place(ladder, scale, &ratings),
        target_fit: target_level.map(|l| level_fit(l, scale, &ratings)),
        gaps: target_level.map_or_else(Vec::new, |l| gaps(l, scale, &ratings)),
        target,
        skills,
        checkin,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Edit, EvidenceOwner, checkin::checkin};

    #[test]
    fn the_case_gathers_target_gaps_evidence_and_disagreements() {
        let ladder = Ladder::embedded().expect("built-in ladder");
        let scale = RatingScale::of(&ladder);
        let director = ladder.level("director").expect("director");
        let first = director.skills[0].skill.clone();
        let date: toml::value::Datetime = "2026-02-01".parse().expect("date");
        let mut plan = Plan {
            current: Some("manager".into()),
            target: Some("director".into()),
            ..Plan::default()
        };
        plan.apply(&Edit::rate(&plan, &first, None, "basic", None, date));
        plan.apply(&Edit::Add(crate::plan::new_item(
            &ladder, &first, "director",
        )));
        for owner in [
            EvidenceOwner::Rating {
                skill: first.clone(),
            },
            EvidenceOwner::Item {
                skill: first.clone(),
                level: "director".into(),
            },
        ] {
            plan.apply(&Edit::AddEvidence {
                owner,
                evidence: Evidence {
                    date,
                    text: "did it".into(),
                    link: Some("https://example.com".into()),
                },
            });
        }
        let mut theirs = Plan::default();
        theirs.apply(&Edit::rate(&theirs, &first, None, "advanced", None, date));
        let compared = checkin(&plan, &theirs, &ladder, &scale);
        let case = promotion_case(&plan, &ladder, &scale, Some(compared));
        assert_eq!(case.current.as_ref().map(LevelMention::id), Some("manager"));
        assert_eq!(case.target.as_ref().map(LevelMention::id), Some("director"));
        let fit = case.target_fit.expect("target known");
        assert_eq!(fit.of - fit.met, case.gaps.len());
        assert_eq!(case.skills[0].skill, first);
        assert_eq!(case.skills[0].evidence.len(), 2);
        assert_eq!(case.skills[0].evidence[0].0, EvidenceSource::Rating);
        assert_eq!(
            case.skills[0]
                .checkin
                .as_ref()
                .and_then(CheckinRow::difference),
            Some(2)
        );
        assert_eq!(case.skills.len(), director.skills.len());
    }

    #[test]
    fn an_unknown_target_is_named_not_dropped() {
        let ladder = Ladder::embedded().expect("built-in ladder");
        let plan = Plan {
            target: Some("astronaut".into()),
            target_title: Some("Astronaut".into()),
            ..Plan::default()
        };
        let case = promotion_case(&plan, &ladder, &RatingScale::of(&ladder), None);
        assert_eq!(
            case.target,
            Some(LevelMention::Unknown {
                id: "astronaut",
                title: Some("Astronaut")
            })
        );
        assert!(case.gaps.is_empty() && case.target_fit.is_none());
    }
}
