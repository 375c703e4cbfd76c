//! What the explorer shows about you on the ladder, derived from the plan: your ratings read
//! through the ladder's scale, each level's fit and the level each track places you at.
//! Computed once per change of the plan (the store's revision), never per frame.

use std::collections::{HashMap, HashSet};

use super::plan_screen::PlanState;
use crate::ladder::Ladder;
use crate::plan::{Plan, RatingScale, Ratings, StepRank, place};

/// One level's fit: expectations met of those the level has, and whether you meet it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fit {
    pub met: usize,
    pub of: usize,
    pub meets: bool,
}

impl Fit {
    /// met ÷ of, from 0.0 to 1.0.
    pub fn share(self) -> f64 {
        if self.of == 0 {
            0.0
        } else {
            self.met as f64 / self.of as f64
        }
    }
}

/// The facts about you, for the revision of the plan they were made from.
#[derive(Debug, Clone)]
pub struct YouFacts {
    /// The plan revision these facts hold for; `None` before the first computation.
    revision: Option<u64>,
    pub scale: RatingScale,
    pub ratings: Ratings,
    fits: HashMap<String, Fit>,
    placed: HashSet<String>,
    /// How many times the facts were computed (for the test that they follow the plan's
    /// changes and nothing else).
    computed: u64,
}

impl YouFacts {
    pub fn new(ladder: &Ladder) -> YouFacts {
        YouFacts {
            revision: None,
            scale: RatingScale::of(ladder),
            ratings: Ratings::default(),
            fits: HashMap::new(),
            placed: HashSet::new(),
            computed: 0,
        }
    }

    /// How many times the facts were computed since the app started.
    pub fn computations(&self) -> u64 {
        self.computed
    }

    /// Makes the facts hold for the plan as it is now; does nothing when they already do.
    pub fn refresh(&mut self, ladder: &Ladder, plan: &PlanState) {
        let revision = plan.revision();
        if self.revision == Some(revision) {
            return;
        }
        self.compute(ladder, plan.plan());
        self.revision = Some(revision);
    }

    /// Forgets the facts, so the next refresh computes them (a new plan state was put in).
    pub fn invalidate(&mut self) {
        self.revision = None;
    }

    fn compute(&mut self, ladder: &Ladder, plan: Option<&Plan>) {
        self.computed += 1;
        self.ratings = plan.map_or_else(Ratings::default, |p| Ratings::of(p, &self.scale));
        self.fits.clear();
        self.placed.clear();
        if self.ratings.is_empty() {
            return;
        }
        let placement = place(ladder, &self.scale, &self.ratings);
        for track in &placement.tracks {
            for fit in &track.levels {
                self.fits.insert(
                    fit.level.id.clone(),
                    Fit {
                        met: fit.met,
                        of: fit.of,
                        meets: fit.is_met(),
                    },
                );
            }
            if let Some(level) = track.placed {
                self.placed.insert(level.id.clone());
            }
        }
    }

    /// Whether the plan rates any skill (with a step of the scale): without ratings the
    /// screens stay as they were before ratings existed.
    pub fn has_ratings(&self) -> bool {
        !self.ratings.is_empty()
    }

    /// Your rank for `skill`; `None` when not rated.
    pub fn rating(&self, skill: &str) -> Option<StepRank> {
        self.ratings.get(skill)
    }

    /// The fit of `level_id`, when there are ratings and the level has expectations.
    pub fn fit(&self, level_id: &str) -> Option<Fit> {
        self.fits.get(level_id).copied().filter(|f| f.of > 0)
    }

    /// Whether your ratings place you at `level_id` on its track.
    pub fn is_placed(&self, level_id: &str) -> bool {
        self.placed.contains(level_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Edit, PlanStore, today};

    #[test]
    fn the_facts_are_computed_again_only_after_the_plan_changed() {
        let ladder = Ladder::embedded().expect("built-in ladder");
        let dir = tempfile::tempdir().expect("temp dir");
        let store = PlanStore::open(dir.path().join("plan.toml")).expect("opens");
        let mut plan = PlanState::with_store(store, None);
        let mut facts = YouFacts::new(&ladder);
        facts.refresh(&ladder, &plan);
        facts.refresh(&ladder, &plan);
        assert_eq!(facts.computations(), 1);
        assert!(!facts.has_ratings());

        let level = ladder.level("director").expect("director");
        let reference = level
            .skills
            .iter()
            .find(|r| r.proficiency.is_some())
            .expect("an expectation");
        let step = facts.scale.steps()[0].clone();
        let fallback = crate::plan::Plan::default();
        let edit = Edit::rate(
            plan.plan().unwrap_or(&fallback),
            &reference.skill,
            None,
            &step,
            None,
            today(),
        );
        assert!(plan.apply(&edit, "rated"));
        facts.refresh(&ladder, &plan);
        facts.refresh(&ladder, &plan);
        assert_eq!(facts.computations(), 2);
        assert_eq!(facts.rating(&reference.skill), Some(1));
        assert!(facts.fit("director").is_some_and(|f| f.of > 0));

        plan.undo();
        facts.refresh(&ladder, &plan);
        assert_eq!(facts.computations(), 3);
        assert!(!facts.has_ratings(), "undo is a change too");
    }
}
