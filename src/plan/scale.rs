//! The scale ratings are given on, and the person's ratings read through it.
//!
//! This is the one place that knows where a ladder's scale comes from: the ladder's own scale
//! (its step names, lowest first), through [`RatingScale::of`] and [`RatingScale::expected`].

use std::collections::HashMap;

use crate::ladder::{Ladder, SkillRef};

use super::model::Plan;

/// A step's place on the scale: 1 for the lowest step; 0 stands for "not rated", below every
/// step.
pub type StepRank = u8;

/// The ordered steps of a ladder's proficiency scale, lowest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RatingScale {
    steps: Vec<String>,
}

impl RatingScale {
    /// The scale `ladder`'s expectations are given on.
    pub fn of(ladder: &Ladder) -> RatingScale {
        RatingScale {
            steps: ladder
                .scale()
                .steps()
                .iter()
                .map(|step| step.name.clone())
                .collect(),
        }
    }

    /// The step names, lowest first.
    pub fn steps(&self) -> &[String] {
        &self.steps
    }

    /// The rank of the step called `name` (1 = lowest), or `None` when the scale has no such
    /// step.
    pub fn rank(&self, name: &str) -> Option<StepRank> {
        let index = self.steps.iter().position(|s| s == name)?;
        StepRank::try_from(index + 1).ok()
    }

    /// The name of the step at `rank` (1 = lowest).
    pub fn name(&self, rank: StepRank) -> Option<&str> {
        let index = usize::from(rank).checked_sub(1)?;
        self.steps.get(index).map(String::as_str)
    }

    /// The step a level expects of a skill; `None` for an expectation with no step.
    pub fn expected(&self, reference: &SkillRef) -> Option<StepRank> {
        reference.proficiency.map(|p| p.value())
    }

    /// The names of the steps, for a message: `basic, working, advanced, expert`.
    pub fn listing(&self) -> String {
        self.steps.join(", ")
    }
}

/// Someone's ratings as ranks on a scale, by skill id. A rating whose step is not on the
/// scale counts as unrated (it is reported where the ratings are listed).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ratings {
    by_skill: HashMap<String, StepRank>,
}

impl Ratings {
    /// The ratings held in `plan`. Should a hand-edited file rate a skill twice, the first
    /// rating counts, as everywhere else ([`Plan::rating`]).
    pub fn of(plan: &Plan, scale: &RatingScale) -> Ratings {
        let mut by_skill = HashMap::with_capacity(plan.ratings.len());
        for rating in &plan.ratings {
            if !by_skill.contains_key(rating.skill.as_str()) {
                let rank = scale.rank(&rating.step).unwrap_or(0);
                by_skill.insert(rating.skill.clone(), rank);
            }
        }
        by_skill.retain(|_, rank| *rank > 0);
        Ratings { by_skill }
    }

    pub fn from_pairs(pairs: impl IntoIterator<Item = (String, StepRank)>) -> Ratings {
        Ratings {
            by_skill: pairs.into_iter().filter(|(_, rank)| *rank > 0).collect(),
        }
    }

    /// The rank given to `skill`; `None` when it is not rated.
    pub fn get(&self, skill: &str) -> Option<StepRank> {
        self.by_skill.get(skill).copied()
    }

    /// Rates `skill` at `rank` (0 takes the rating out).
    pub fn set(&mut self, skill: &str, rank: StepRank) {
        if rank == 0 {
            self.by_skill.remove(skill);
        } else {
            self.by_skill.insert(skill.to_owned(), rank);
        }
    }

    pub fn len(&self) -> usize {
        self.by_skill.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_skill.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_and_names_agree() {
        let ladder = Ladder::embedded().expect("built-in ladder");
        let scale = RatingScale::of(&ladder);
        assert_eq!(scale.listing(), "basic, working, advanced, expert");
        for (i, step) in scale.steps().iter().enumerate() {
            let rank = scale.rank(step).expect("on the scale");
            assert_eq!(usize::from(rank), i + 1);
            assert_eq!(scale.name(rank), Some(step.as_str()));
        }
        assert_eq!(scale.rank("guru"), None);
        assert_eq!(scale.name(0), None);
    }

    #[test]
    fn a_step_off_the_scale_counts_as_unrated() {
        let ladder = Ladder::embedded().expect("built-in ladder");
        let scale = RatingScale::of(&ladder);
        let mut plan = Plan::default();
        let date: toml::value::Datetime = "2026-01-05".parse().expect("date");
        for (skill, step) in [("a", "advanced"), ("b", "guru")] {
            plan.apply(&crate::plan::Edit::rate(
                &plan, skill, None, step, None, date,
            ));
        }
        let ratings = Ratings::of(&plan, &scale);
        assert_eq!(ratings.get("a"), Some(3));
        assert_eq!(ratings.get("b"), None);
        assert_eq!(ratings.len(), 1);
        // Rated twice by hand: the first rating counts, as `Plan::rating` says.
        let mut twice = plan.clone();
        let mut second = twice.ratings[0].clone();
        second.step = "basic".into();
        twice.ratings.push(second);
        assert_eq!(twice.rating("a").map(|r| r.step.as_str()), Some("advanced"));
        assert_eq!(Ratings::of(&twice, &scale).get("a"), Some(3));
    }
}
