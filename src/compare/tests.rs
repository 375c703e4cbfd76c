use std::path::Path;

use proptest::prelude::*;

use super::*;
use crate::ladder::generate;

fn default_ladder() -> Ladder {
    Ladder::embedded().expect("the built-in ladder is valid")
}

fn fixture() -> Ladder {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/compare");
    Ladder::from_folder(&dir).expect("the compare fixture is valid")
}

fn pair<'a>(ladder: &'a Ladder, a: &str, b: &str) -> Comparison<'a> {
    let a = ladder.level(a).expect("level a");
    let b = ladder.level(b).expect("level b");
    compare(ladder, a, b)
}

fn row<'c, 'a>(c: &'c Comparison<'a>, skill: &str) -> &'c SkillRow<'a> {
    c.skills
        .iter()
        .find(|r| r.skill.id == skill)
        .unwrap_or_else(|| panic!("no row for {skill}"))
}

fn range(min: u32, max: Option<u32>) -> Range {
    Range::new(min, max)
}

#[test]
fn manager_to_senior_manager_shows_managing_years_and_new_skills() {
    let ladder = default_ladder();
    let c = pair(&ladder, "manager", "senior-manager");
    let managing = &c.experience.managing;
    assert_eq!(managing.a.map(Range::label).as_deref(), Some("1–5"));
    assert_eq!(managing.b.map(Range::label).as_deref(), Some("5–10"));
    assert_eq!(
        managing.span,
        Some(Span::Overlap {
            from: 5,
            to: Some(5)
        })
    );
    assert_eq!(managing.min_delta, 4);
    assert_eq!(c.relation, Relation::SameTrack { steps: 1 });

    // Skills the senior manager needs that the manager level does not list.
    let manager = ladder.level("manager").expect("manager");
    let senior = ladder.level("senior-manager").expect("senior manager");
    let expected_new: Vec<&str> = senior
        .skills
        .iter()
        .filter(|r| manager.proficiency_of(&r.skill).is_none())
        .map(|r| r.skill.as_str())
        .collect();
    let mut new: Vec<&str> = c
        .skills
        .iter()
        .filter(|r| r.change == SkillChange::OnlyB)
        .map(|r| r.skill.id.as_str())
        .collect();
    assert!(new.contains(&"managing-managers"), "{new:?}");
    new.sort_unstable();
    let mut expected_new = expected_new;
    expected_new.sort_unstable();
    assert_eq!(new, expected_new);
    assert_eq!(c.headline.skills_new, new.len());

    // People management goes from working to advanced.
    let people = row(&c, "people-management");
    assert_eq!(people.a, ladder.scale().find("working"));
    assert_eq!(people.b, ladder.scale().find("advanced"));
    assert_eq!(people.change, SkillChange::Raised);
    assert_eq!(people.steps(), 1);

    let text = crate::present::headline(&c.headline);
    assert!(text.contains("+4 years managing people"), "{text}");
    assert!(
        text.starts_with(&format!("+{} skills", new.len())),
        "{text}"
    );
}

#[test]
fn every_skill_of_both_levels_appears_once_in_category_then_name_order() {
    let ladder = default_ladder();
    let c = pair(&ladder, "staff-engineer", "senior-manager");
    let mut ids: Vec<&str> = c.skills.iter().map(|r| r.skill.id.as_str()).collect();
    let mut expected: Vec<&str> =
        c.a.skills
            .iter()
            .chain(&c.b.skills)
            .map(|r| r.skill.as_str())
            .collect();
    expected.sort_unstable();
    expected.dedup();
    let order: Vec<(usize, &str)> = c
        .skills
        .iter()
        .map(|r| {
            let category = ladder
                .categories()
                .iter()
                .position(|cat| cat.id == r.skill.category)
                .expect("known category");
            (category, r.skill.name.as_str())
        })
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    ids.sort_unstable();
    assert_eq!(ids, expected);
    assert_eq!(c.relation, Relation::OtherTrack);
}

#[test]
fn a_level_against_itself_changes_nothing() {
    let ladder = default_ladder();
    for level in ladder.levels() {
        let c = compare(&ladder, level, level);
        assert_eq!(c.relation, Relation::Itself);
        assert!(c.facts.iter().all(|f| f.status == Status::Same));
        assert!(c.skills.iter().all(|r| r.change == SkillChange::Same));
        assert_eq!(c.headline.skills_same, level.skills.len());
        assert!(c.responsibilities.b.iter().all(|d| d.shared));
        assert_eq!(c.experience.field.min_delta, 0);
        assert_eq!(
            crate::present::headline(&c.headline),
            "no change in skills or experience"
        );
    }
}

#[test]
fn fixture_orders_categories_by_catalogue_not_by_name() {
    let ladder = fixture();
    let c = pair(&ladder, "apprentice", "master");
    let names: Vec<&str> = c.skills.iter().map(|r| r.skill.name.as_str()).collect();
    assert_eq!(names, ["Building", "Testing", "Hiring", "Writing"]);
    let changes: Vec<SkillChange> = c.skills.iter().map(|r| r.change).collect();
    assert_eq!(
        changes,
        [
            SkillChange::Raised,
            SkillChange::Lowered,
            SkillChange::OnlyB,
            SkillChange::Same
        ]
    );
    assert_eq!(row(&c, "building").steps(), 3);
    assert_eq!(row(&c, "testing").steps(), -1);
    assert_eq!(
        crate::present::headline(&c.headline),
        "+1 skill, 1 raised, 1 lowered, +8 years in the field, +2 years managing people"
    );
}

#[test]
fn fixture_gap_open_ranges_and_absent_managing() {
    let ladder = fixture();
    let c = pair(&ladder, "apprentice", "master");
    assert_eq!(
        c.experience.field.span,
        Some(Span::Gap {
            from: 2,
            to: 8,
            lower: Side::A
        })
    );
    assert_eq!(c.experience.field.status, Status::Changed);
    // Managing: none at A, 2–4 at B; the delta counts A's absent range as 0.
    assert_eq!(c.experience.managing.status, Status::OnlyB);
    assert_eq!(c.experience.managing.span, None);
    assert_eq!(c.experience.managing.min_delta, 2);
    // The largest bound is 8 (an open-ended minimum), plus the tail for open ranges.
    assert_eq!(c.experience.axis_end, 8 + OPEN_TAIL_YEARS);

    // Two open-ended ranges overlap from the larger minimum on.
    let c = pair(&ladder, "master", "director");
    assert_eq!(
        c.experience.field.span,
        Some(Span::Overlap { from: 12, to: None })
    );
    assert_eq!(
        c.experience.managing.span,
        Some(Span::Gap {
            from: 4,
            to: 6,
            lower: Side::A
        })
    );
    assert_eq!(c.relation, Relation::OtherTrack);
}

#[test]
fn fixture_duties_match_ignoring_case_spacing_and_final_stop() {
    let ladder = fixture();
    let c = pair(&ladder, "apprentice", "master");
    let shared = |duties: &[Duty]| -> Vec<(String, bool)> {
        duties
            .iter()
            .map(|d| (d.text.to_owned(), d.shared))
            .collect()
    };
    assert_eq!(
        shared(&c.responsibilities.a),
        [
            ("Build small things.".to_owned(), true),
            ("Ask for review".to_owned(), false)
        ]
    );
    assert_eq!(
        shared(&c.responsibilities.b),
        [
            ("build  small THINGS".to_owned(), true),
            ("Teach apprentices".to_owned(), false)
        ]
    );
    assert_eq!(c.headline.responsibilities_new, 1);
    assert_eq!(c.responsibilities.rows().count(), 2);
}

#[test]
fn fixture_facts_absent_on_one_side_are_only_a_or_only_b() {
    let ladder = fixture();
    let c = pair(&ladder, "apprentice", "master");
    let status = |fact: Fact| {
        c.facts
            .iter()
            .find(|f| f.fact == fact)
            .map(|f| f.status)
            .expect("every fact has a row")
    };
    assert_eq!(status(Fact::Education), Status::Same);
    assert_eq!(status(Fact::PreferredEducation), Status::OnlyB);
    assert_eq!(status(Fact::ReportsTo), Status::OnlyB);
    assert_eq!(status(Fact::Scope), Status::Changed);
    assert_eq!(status(Fact::DirectReports), Status::Same);
    let reports = c.facts.iter().find(|f| f.fact == Fact::ReportsTo);
    assert_eq!(
        reports.and_then(|f| f.b.as_deref()),
        Some("Director"),
        "reporting lines are shown by title"
    );
}

#[test]
fn spans_of_ranges() {
    let overlap = Span::between(&range(1, Some(5)), &range(3, Some(10)));
    assert_eq!(
        overlap,
        Span::Overlap {
            from: 3,
            to: Some(5)
        }
    );
    let gap = Span::between(&range(7, None), &range(0, Some(4)));
    assert_eq!(
        gap,
        Span::Gap {
            from: 4,
            to: 7,
            lower: Side::B
        }
    );
    let inside = Span::between(&range(0, None), &range(2, Some(3)));
    assert_eq!(
        inside,
        Span::Overlap {
            from: 2,
            to: Some(3)
        }
    );
}

#[test]
fn headline_text_signs_and_plurals() {
    let headline = Headline {
        skills_only_a: 1,
        field_years: -1,
        managing_years: -5,
        ..Headline::default()
    };
    assert_eq!(
        crate::present::headline(&headline),
        "−1 skill, −1 year in the field, −5 years managing people"
    );
}

/// Checks `compare(b, a)` against `compare(a, b)` field by field, then as a whole against
/// [`Comparison::mirrored`].
fn assert_mirror(ladder: &Ladder, a: &Level, b: &Level) {
    let ab = compare(ladder, a, b);
    let ba = compare(ladder, b, a);
    assert_eq!(ab.headline.skills_new, ba.headline.skills_only_a);
    assert_eq!(ab.headline.skills_raised, ba.headline.skills_lowered);
    assert_eq!(ab.headline.field_years, -ba.headline.field_years);
    assert_eq!(ab.headline.managing_years, -ba.headline.managing_years);
    assert_eq!(ab.skills.len(), ba.skills.len());
    for (x, y) in ab.skills.iter().zip(&ba.skills) {
        assert_eq!(x.skill.id, y.skill.id, "same row order both ways");
        assert_eq!((x.a, x.b), (y.b, y.a));
        assert_eq!(x.change, y.change.mirrored());
        assert_eq!(x.steps(), -y.steps());
    }
    assert_eq!(ab.experience.axis_end, ba.experience.axis_end);
    assert_eq!(ab.responsibilities.a, ba.responsibilities.b);
    assert_eq!(ab, ba.mirrored(), "{} vs {}", a.id, b.id);
    assert_eq!(ab.mirrored().mirrored(), ab);
}

#[test]
fn compare_b_a_mirrors_compare_a_b_for_every_pair_of_the_default_ladder() {
    let ladder = default_ladder();
    for a in ladder.levels() {
        for b in ladder.levels() {
            assert_mirror(&ladder, a, b);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// The same mirror law on generated ladders of varied sizes and random pairs.
    #[test]
    fn compare_mirrors_on_generated_ladders(
        levels in 1usize..250,
        per_level in 1usize..12,
        skills in 1usize..40,
        picks in (any::<prop::sample::Index>(), any::<prop::sample::Index>()),
    ) {
        let ladder = Ladder::from_sources(&generate::large_ladder(levels, levels * per_level, skills))
            .expect("generated ladders are valid");
        let a = &ladder.levels()[picks.0.index(levels)];
        let b = &ladder.levels()[picks.1.index(levels)];
        assert_mirror(&ladder, a, b);
    }
}
