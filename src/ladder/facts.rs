//! Facts derived from a ladder that both front ends show: a level's skills grouped by
//! category, its skill profile, and the years axis every level's experience is drawn on.

use super::{Category, Ladder, Level, Proficiency, Skill, SkillRef};

/// The skills a level expects in one category, in the order the level lists them.
#[derive(Debug, Clone, PartialEq)]
pub struct SkillGroup<'a> {
    pub category: &'a Category,
    /// Each skill with the level's reference to it (its step, expectations, examples).
    pub skills: Vec<(&'a Skill, &'a SkillRef)>,
}

/// One category of a level's skill profile: how many of the level's rated skills fall in it
/// and their mean expected step (1 … the scale's top; 0 when there are none). Unrated skills
/// have no step and stay out of the mean and the count.
#[derive(Debug, Clone, PartialEq)]
pub struct CategoryProfile<'a> {
    pub category: &'a Category,
    pub skills: usize,
    pub mean: f64,
}

impl Ladder {
    /// The level's skills grouped by category, categories in catalogue order; categories the
    /// level does not touch are left out.
    pub fn skills_by_category<'a>(&'a self, level: &'a Level) -> Vec<SkillGroup<'a>> {
        self.categories()
            .iter()
            .filter_map(|category| {
                let skills: Vec<(&Skill, &SkillRef)> = level
                    .skills
                    .iter()
                    .filter_map(|r| {
                        let skill = self.skill(&r.skill)?;
                        (skill.category == category.id).then_some((skill, r))
                    })
                    .collect();
                (!skills.is_empty()).then_some(SkillGroup { category, skills })
            })
            .collect()
    }

    /// The level's skill profile: every category of the catalogue, in order, with the number
    /// of the level's skills behind each mean.
    pub fn skill_profile<'a>(&'a self, level: &Level) -> Vec<CategoryProfile<'a>> {
        self.categories()
            .iter()
            .map(|category| {
                let values: Vec<u8> = level
                    .skills
                    .iter()
                    .filter(|r| {
                        self.skill(&r.skill)
                            .is_some_and(|s| s.category == category.id)
                    })
                    .filter_map(|r| r.proficiency.map(Proficiency::value))
                    .collect();
                let mean = if values.is_empty() {
                    0.0
                } else {
                    values.iter().map(|&v| f64::from(v)).sum::<f64>() / values.len() as f64
                };
                CategoryProfile {
                    category,
                    skills: values.len(),
                    mean,
                }
            })
            .collect()
    }

    /// The levels that expect the skill, in ladder order, with the step each expects
    /// (`None` where the level expects it unrated).
    pub fn levels_expecting(&self, skill_id: &str) -> Vec<(&Level, Option<Proficiency>)> {
        self.levels()
            .iter()
            .filter_map(|l| l.skill_ref(skill_id).map(|r| (l, r.proficiency)))
            .collect()
    }

    /// The end of the years axis shared by every level: the largest figure any level gives,
    /// plus room for open-ended ranges to run on, rounded up to five years.
    pub fn years_axis(&self) -> u32 {
        let largest = self
            .levels()
            .iter()
            .filter_map(|l| l.experience.as_ref())
            .flat_map(|e| std::iter::once(&e.field).chain(e.managing.as_ref()))
            .map(|r| r.max.unwrap_or(r.min.saturating_add(5)))
            .max()
            .unwrap_or(10);
        largest.max(5).div_ceil(5).saturating_mul(5)
    }
}

#[cfg(test)]
mod tests {
    use crate::Ladder;

    fn ladder() -> Ladder {
        Ladder::embedded_validated().expect("the built-in ladder loads")
    }

    #[test]
    fn the_profile_counts_every_skill_of_the_level_once() {
        let ladder = ladder();
        for level in ladder.levels() {
            let profile = ladder.skill_profile(level);
            assert_eq!(profile.len(), ladder.categories().len());
            let counted: usize = profile.iter().map(|p| p.skills).sum();
            // The built-in ladder rates every skill it expects.
            assert_eq!(counted, level.skills.len(), "{}", level.id);
            for p in &profile {
                assert!((0.0..=4.0).contains(&p.mean), "{}: {}", level.id, p.mean);
                assert_eq!(p.skills == 0, p.mean == 0.0);
            }
        }
    }

    #[test]
    fn groups_hold_the_same_skills_as_the_level_in_catalogue_order() {
        let ladder = ladder();
        for level in ladder.levels() {
            let groups = ladder.skills_by_category(level);
            let grouped: usize = groups.iter().map(|g| g.skills.len()).sum();
            assert_eq!(grouped, level.skills.len(), "{}", level.id);
            let positions: Vec<usize> = groups
                .iter()
                .map(|g| {
                    ladder
                        .categories()
                        .iter()
                        .position(|c| c.id == g.category.id)
                        .expect("a catalogue category")
                })
                .collect();
            assert!(positions.windows(2).all(|w| w[0] < w[1]), "{}", level.id);
        }
    }

    #[test]
    fn every_level_expecting_a_skill_names_it() {
        let ladder = ladder();
        for skill in ladder.skills() {
            let expecting = ladder.levels_expecting(&skill.id);
            let naming = ladder
                .levels()
                .iter()
                .filter(|l| l.skills.iter().any(|r| r.skill == skill.id))
                .count();
            assert_eq!(expecting.len(), naming, "{}", skill.id);
        }
    }

    #[test]
    fn the_years_axis_covers_every_figure_and_is_a_multiple_of_five() {
        let ladder = ladder();
        let axis = ladder.years_axis();
        assert_eq!(axis % 5, 0);
        for level in ladder.levels() {
            let Some(e) = &level.experience else {
                continue;
            };
            for range in std::iter::once(&e.field).chain(e.managing.as_ref()) {
                assert!(range.max.unwrap_or(range.min) <= axis, "{}", level.id);
            }
        }
    }
}
