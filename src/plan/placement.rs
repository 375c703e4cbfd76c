//! Where a person stands on the ladder, from their ratings: a pure function of the ladder and
//! the ratings, no I/O.
//!
//! The rule (the README states it with a worked example):
//! - a level's **expectations** are the skills it names with a step; a skill you have not
//!   rated counts as rank 0, below the lowest step;
//! - an expectation is **met** when your step is at or above the expected one;
//! - a level's **fit** is met ÷ expectations;
//! - you **meet a level** when it has at least one expectation, at least 80 % of them are met,
//!   and you are short of none by more than one step;
//! - you are **placed**, per track, at the highest rung you meet (none: not placed).
//!
//! Every part of the rule only gets easier as a rating rises, so raising a rating never lowers
//! a placement.

use crate::ladder::{Ladder, Level, SkillRef, Track};

use super::scale::{RatingScale, Ratings, StepRank};

/// The share of a level's expectations that must be met, as a fraction (80 %).
pub const MET_SHARE: (usize, usize) = (4, 5);

/// How many steps below an expectation a rating may be in a level you meet.
pub const MAX_SHORTFALL: StepRank = 1;

/// How well one level fits the ratings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LevelFit<'a> {
    pub level: &'a Level,
    /// Expectations met.
    pub met: usize,
    /// Expectations the level has (skills it names with a step).
    pub of: usize,
    /// Expectations more than [`MAX_SHORTFALL`] steps above the rating (unrated included).
    pub far_below: usize,
}

impl LevelFit<'_> {
    /// met ÷ of, from 0.0 to 1.0; 0.0 for a level with no expectations.
    pub fn fit(&self) -> f64 {
        if self.of == 0 {
            0.0
        } else {
            self.met as f64 / self.of as f64
        }
    }

    /// Whether the ratings meet this level by the rule above.
    pub fn is_met(&self) -> bool {
        let (num, den) = MET_SHARE;
        self.of > 0 && self.met * den >= self.of * num && self.far_below == 0
    }
}

/// One track: every level's fit, lowest rung first, and the rung the ratings place you at.
#[derive(Debug, Clone, PartialEq)]
pub struct TrackPlacement<'a> {
    pub track: &'a Track,
    pub placed: Option<&'a Level>,
    pub levels: Vec<LevelFit<'a>>,
}

/// The placement on every track, in the ladder's track order.
#[derive(Debug, Clone, PartialEq)]
pub struct Placement<'a> {
    pub tracks: Vec<TrackPlacement<'a>>,
}

impl<'a> Placement<'a> {
    /// The fit of `level_id`, if the ladder has that level.
    pub fn fit_of(&self, level_id: &str) -> Option<&LevelFit<'a>> {
        self.tracks
            .iter()
            .flat_map(|t| &t.levels)
            .find(|f| f.level.id == level_id)
    }

    /// The levels the ratings place you at, one per placed track.
    pub fn placed(&self) -> impl Iterator<Item = &'a Level> + '_ {
        self.tracks.iter().filter_map(|t| t.placed)
    }
}

/// How `level` fits `ratings`.
pub fn level_fit<'a>(level: &'a Level, scale: &RatingScale, ratings: &Ratings) -> LevelFit<'a> {
    let mut fit = LevelFit {
        level,
        met: 0,
        of: 0,
        far_below: 0,
    };
    for reference in &level.skills {
        let Some(expected) = scale.expected(reference) else {
            continue;
        };
        let have = ratings.get(&reference.skill).unwrap_or(0);
        fit.of += 1;
        if have >= expected {
            fit.met += 1;
        } else if expected - have > MAX_SHORTFALL {
            fit.far_below += 1;
        }
    }
    fit
}

/// Places the ratings on every track of the ladder.
pub fn place<'a>(ladder: &'a Ladder, scale: &RatingScale, ratings: &Ratings) -> Placement<'a> {
    let tracks = ladder
        .tracks()
        .iter()
        .enumerate()
        .map(|(index, track)| {
            let levels: Vec<LevelFit<'a>> = ladder
                .levels_of_track(index)
                .iter()
                .map(|level| level_fit(level, scale, ratings))
                .collect();
            let placed = levels.iter().rev().find(|f| f.is_met()).map(|f| f.level);
            TrackPlacement {
                track,
                placed,
                levels,
            }
        })
        .collect();
    Placement { tracks }
}

/// A skill where the ratings fall short of a level.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Gap<'a> {
    pub expectation: &'a SkillRef,
    /// Your rank (0: not rated).
    pub have: StepRank,
    /// The rank the level asks.
    pub asks: StepRank,
}

impl Gap<'_> {
    /// How many steps short.
    pub fn size(&self) -> StepRank {
        self.asks - self.have
    }
}

/// The expectations of `level` the ratings do not meet, largest gap first (ties in the
/// level's order).
pub fn gaps<'a>(level: &'a Level, scale: &RatingScale, ratings: &Ratings) -> Vec<Gap<'a>> {
    let mut gaps: Vec<Gap<'a>> = level
        .skills
        .iter()
        .filter_map(|expectation| {
            let asks = scale.expected(expectation)?;
            let have = ratings.get(&expectation.skill).unwrap_or(0);
            (have < asks).then_some(Gap {
                expectation,
                have,
                asks,
            })
        })
        .collect();
    gaps.sort_by_key(|g| std::cmp::Reverse(g.size()));
    gaps
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::ladder::generate::large_ladder;
    use proptest::prelude::*;

    fn ladder() -> Ladder {
        Ladder::embedded().expect("built-in ladder")
    }

    /// Ratings that meet every expectation of `level` exactly.
    fn meeting(level: &Level, scale: &RatingScale) -> Ratings {
        Ratings::from_pairs(
            level
                .skills
                .iter()
                .filter_map(|r| Some((r.skill.clone(), scale.expected(r)?))),
        )
    }

    /// A level's expectation of `skill` at the step named `step`, read as a content file
    /// gives it (so the test does not depend on how the model spells a step).
    pub(crate) fn expectation(skill: &str, step: &str) -> SkillRef {
        toml::from_str(&format!("skill = \"{skill}\"\nproficiency = \"{step}\"\n"))
            .expect("a skill reference")
    }

    pub(crate) fn small_level(skills: &[(&str, &str)]) -> Level {
        Level {
            id: "l".into(),
            skills: skills
                .iter()
                .map(|(skill, step)| expectation(skill, step))
                .collect(),
            ..Level::default()
        }
    }

    #[test]
    fn the_worked_example_of_the_readme() {
        // Five expectations: four met, one a step short → 80 %, nothing far below: met.
        let level = small_level(&[
            ("communication", "working"),
            ("budgeting", "advanced"),
            ("coaching", "advanced"),
            ("strategic-thinking", "advanced"),
            ("hiring", "expert"),
        ]);
        let scale = RatingScale::of(&ladder());
        let mut ratings = Ratings::from_pairs(
            [
                ("communication", 2),
                ("budgeting", 3),
                ("coaching", 4),
                ("strategic-thinking", 3),
                ("hiring", 3),
            ]
            .map(|(s, r)| (s.to_owned(), r)),
        );
        let fit = level_fit(&level, &scale, &ratings);
        assert_eq!((fit.met, fit.of, fit.far_below), (4, 5, 0));
        assert!((fit.fit() - 0.8).abs() < 1e-9);
        assert!(fit.is_met());
        // Hiring at working, two steps short: 80 % still, but one expectation is far below.
        ratings.set("hiring", 2);
        let fit = level_fit(&level, &scale, &ratings);
        assert_eq!((fit.met, fit.far_below), (4, 1));
        assert!(!fit.is_met());
        // Hiring back at advanced, strategic thinking unrated: 3 of 5 met (60 %), and the
        // unrated skill counts as three steps short.
        ratings.set("hiring", 3);
        ratings.set("strategic-thinking", 0);
        let fit = level_fit(&level, &scale, &ratings);
        assert_eq!((fit.met, fit.of, fit.far_below), (3, 5, 1));
        assert!(!fit.is_met());
    }

    #[test]
    fn an_unrated_skill_counts_as_not_met_and_as_rank_zero() {
        let scale = RatingScale::of(&ladder());
        let level = small_level(&[("a", "basic"), ("b", "working")]);
        let none = Ratings::default();
        let fit = level_fit(&level, &scale, &none);
        // Unrated basic: one step short; unrated working: two steps short.
        assert_eq!((fit.met, fit.of, fit.far_below), (0, 2, 1));
        let gaps = gaps(&level, &scale, &none);
        assert_eq!(
            gaps.iter()
                .map(|g| (g.expectation.skill.as_str(), g.have, g.asks))
                .collect::<Vec<_>>(),
            vec![("b", 0, 2), ("a", 0, 1)],
            "largest gap first"
        );
    }

    #[test]
    fn a_level_without_expectations_is_never_met() {
        let scale = RatingScale::of(&ladder());
        let empty = small_level(&[]);
        let fit = level_fit(&empty, &scale, &Ratings::default());
        assert_eq!((fit.met, fit.of), (0, 0));
        assert_eq!(fit.fit(), 0.0);
        assert!(!fit.is_met());
    }

    #[test]
    fn meeting_the_built_in_manager_places_you_there_or_above() {
        let ladder = ladder();
        let scale = RatingScale::of(&ladder);
        let manager = ladder.level("manager").expect("manager level");
        let placement = place(&ladder, &scale, &meeting(manager, &scale));
        let track = placement
            .tracks
            .iter()
            .find(|t| t.track.id == manager.track)
            .expect("its track");
        let placed = track.placed.expect("placed");
        assert!(placed.rank >= manager.rank, "placed at {}", placed.id);
        let fit = placement.fit_of("manager").expect("fit");
        assert_eq!(fit.met, fit.of);
        assert!(gaps(manager, &scale, &meeting(manager, &scale)).is_empty());
    }

    #[test]
    fn no_ratings_place_nowhere() {
        let ladder = ladder();
        let placement = place(&ladder, &RatingScale::of(&ladder), &Ratings::default());
        assert_eq!(placement.tracks.len(), ladder.tracks().len());
        assert_eq!(placement.placed().count(), 0);
    }

    /// A small generated ladder: 2 tracks of 100 levels would be slow for a property; 30
    /// levels over 1 track, each naming 6 of 20 skills.
    fn generated() -> Ladder {
        Ladder::from_sources(&large_ladder(30, 180, 20)).expect("generated ladder is valid")
    }

    fn any_ratings() -> impl Strategy<Value = Vec<(usize, StepRank)>> {
        prop::collection::vec((0..20usize, 0..=4u8), 0..25)
    }

    fn ratings_from(pairs: &[(usize, StepRank)]) -> Ratings {
        let mut ratings = Ratings::default();
        for (skill, rank) in pairs {
            ratings.set(&format!("skill-{skill}"), *rank);
        }
        ratings
    }

    fn rank_of(placed: Option<&Level>) -> u32 {
        placed.map_or(0, |l| l.rank)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn raising_a_rating_never_lowers_a_placement(
            pairs in any_ratings(),
            skill in 0..20usize,
            raise in 1..=4u8,
        ) {
            let ladder = generated();
            let scale = RatingScale::of(&ladder);
            let before = ratings_from(&pairs);
            let name = format!("skill-{skill}");
            let mut after = before.clone();
            after.set(&name, before.get(&name).unwrap_or(0).saturating_add(raise).min(4));
            let (was, now) = (place(&ladder, &scale, &before), place(&ladder, &scale, &after));
            for (a, b) in was.tracks.iter().zip(&now.tracks) {
                prop_assert!(rank_of(b.placed) >= rank_of(a.placed));
                for (fa, fb) in a.levels.iter().zip(&b.levels) {
                    prop_assert!(fb.met >= fa.met);
                }
            }
        }

        #[test]
        fn meeting_every_expectation_of_a_rung_places_you_at_it_or_above(
            level_index in 0..30usize,
            pairs in any_ratings(),
        ) {
            let ladder = generated();
            let scale = RatingScale::of(&ladder);
            let level = &ladder.levels()[level_index];
            // Whatever else is rated, every expectation of the level is met.
            let mut ratings = ratings_from(&pairs);
            for reference in &level.skills {
                let asks = scale.expected(reference).unwrap_or(0);
                if ratings.get(&reference.skill).unwrap_or(0) < asks {
                    ratings.set(&reference.skill, asks);
                }
            }
            let placement = place(&ladder, &scale, &ratings);
            let track = placement.tracks.iter().find(|t| t.track.id == level.track).expect("track");
            prop_assert!(rank_of(track.placed) >= level.rank);
        }

        #[test]
        fn the_fit_counts_the_gaps(level_index in 0..30usize, pairs in any_ratings()) {
            let ladder = generated();
            let scale = RatingScale::of(&ladder);
            let level = &ladder.levels()[level_index];
            let ratings = ratings_from(&pairs);
            let fit = level_fit(level, &scale, &ratings);
            let gaps = gaps(level, &scale, &ratings);
            prop_assert_eq!(fit.of - fit.met, gaps.len());
            prop_assert_eq!(fit.far_below, gaps.iter().filter(|g| g.size() > MAX_SHORTFALL).count());
            prop_assert!(gaps.windows(2).all(|w| w[0].size() >= w[1].size()));
        }
    }
}
