//! The built-in ladder: complete, valid, and carrying the facts the brief asks for.

use rungs::ladder::{Ladder, embedded_file_names};

fn ladder() -> Ladder {
    Ladder::embedded_validated().unwrap_or_else(|problems| {
        let listed: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        panic!("built-in ladder has problems:\n{}", listed.join("\n"))
    })
}

#[test]
fn every_toml_file_in_content_is_compiled_in() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let mut on_disk: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml"))
        .map(|n| format!("content/{n}"))
        .collect();
    on_disk.sort();
    let mut embedded: Vec<String> = embedded_file_names().map(str::to_owned).collect();
    embedded.sort();
    assert_eq!(on_disk, embedded);
}

#[test]
fn the_management_track_has_the_fixed_ids_in_order() {
    let ladder = ladder();
    let track = ladder.track_index("management").expect("management track");
    let ids: Vec<&str> = ladder
        .levels_of_track(track)
        .iter()
        .map(|l| l.id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "individual-contributor",
            "manager",
            "senior-manager",
            "director",
            "vice-president",
            "c-suite"
        ]
    );
}

#[test]
fn a_second_track_has_at_least_four_levels_with_equivalents() {
    let ladder = ladder();
    assert!(ladder.tracks().len() >= 2);
    let technical = ladder.levels_of_track(1);
    assert!(technical.len() >= 4);
    assert!(
        technical
            .iter()
            .any(|l| !ladder.equivalents_of(&l.id).is_empty())
    );
}

#[test]
fn every_level_is_complete() {
    let ladder = ladder();
    for level in ladder.levels() {
        let id = &level.id;
        assert!(!level.example_titles.is_empty(), "{id}: example titles");
        assert!(
            !level.move_up.is_empty() || ladder.neighbour(id, 1).is_none(),
            "{id}: move_up"
        );
        assert!(level.skills.len() >= 5, "{id}: skills");
        assert!(!level.sources.is_empty(), "{id}: sources");
        assert!(level.responsibilities.len() >= 3, "{id}: responsibilities");
    }
}

#[test]
fn the_seed_facts_about_experience_are_carried() {
    let ladder = ladder();
    let managing = |id: &str| {
        ladder
            .level(id)
            .and_then(|l| l.experience.as_ref()?.managing.clone())
            .expect(id)
    };
    let manager = managing("manager");
    assert_eq!((manager.min, manager.max), (1, Some(5)));
    assert!(
        manager.note.contains('4'),
        "the 1–4 figure of the body is noted: {}",
        manager.note
    );
    let senior = managing("senior-manager");
    assert_eq!((senior.min, senior.max), (5, Some(10)));
    let director = ladder.level("director").unwrap();
    let field = &director.experience.as_ref().expect("stated").field;
    assert!(field.min >= 10 || field.note.contains("10"));
    let education = director.education.as_ref().expect("stated");
    assert!(education.preferred.contains("MBA"));
}

#[test]
fn skills_rise_on_the_way_up_the_management_track() {
    let ladder = ladder();
    let manager = ladder.level("manager").unwrap();
    let senior = ladder.level("senior-manager").unwrap();
    let new_at_senior = senior
        .skills
        .iter()
        .filter(|r| manager.proficiency_of(&r.skill).is_none())
        .count();
    let raised = senior
        .skills
        .iter()
        .filter(|r| {
            manager
                .proficiency_of(&r.skill)
                .is_some_and(|p| Some(p) < r.proficiency)
        })
        .count();
    assert!(new_at_senior + raised > 0);
}

#[test]
fn financial_acumen_is_one_skill_shared_by_several_levels() {
    let ladder = ladder();
    let holders = ladder
        .levels()
        .iter()
        .filter(|l| l.proficiency_of("financial-acumen").is_some())
        .count();
    assert!(holders >= 3, "financial-acumen appears at {holders} levels");
}

#[test]
fn the_fast_built_in_load_matches_the_validated_one() {
    let fast = Ladder::embedded_prepared().expect("build.rs prepared the built-in ladder");
    let checked = Ladder::embedded_validated().expect("every rule passes on the built-in ladder");
    assert_eq!(fast.info, checked.info);
    assert_eq!(fast.tracks(), checked.tracks());
    assert_eq!(fast.categories(), checked.categories());
    assert_eq!(fast.skills(), checked.skills());
    assert_eq!(fast.levels(), checked.levels());
}

/// Skills a level deliberately stops listing on the way up its track, as
/// (level id, skill id): the level named is the upper one, where the skill is dropped.
/// Each has a matching `# dropped:` comment in the content.
const DELIBERATE_DROPS: &[(&str, &str)] = &[
    // Directors and their managers plan and run projects; a VP holds them to results.
    ("vice-president", "project-delivery"),
    // Fellows write little production code; their output is direction and advice.
    ("fellow", "hands-on-engineering"),
    // Fellows shape the biggest programmes; principal and distinguished engineers run them.
    ("fellow", "project-delivery"),
];

#[test]
fn each_rung_keeps_the_skills_of_the_rung_below() {
    let ladder = ladder();
    let mut problems = Vec::new();
    let mut drops_used = Vec::new();
    for track in 0..ladder.tracks().len() {
        for pair in ladder.levels_of_track(track).windows(2) {
            let (lower, upper) = (&pair[0], &pair[1]);
            for r in &lower.skills {
                let allowed = DELIBERATE_DROPS.contains(&(upper.id.as_str(), r.skill.as_str()));
                match upper.proficiency_of(&r.skill) {
                    None if allowed => drops_used.push((upper.id.clone(), r.skill.clone())),
                    None => problems.push(format!(
                        "{} drops {} (held by {})",
                        upper.id, r.skill, lower.id
                    )),
                    Some(p) if Some(p) < r.proficiency => problems.push(format!(
                        "{} lowers {} below {}",
                        upper.id, r.skill, lower.id
                    )),
                    Some(_) if allowed => problems.push(format!(
                        "{} keeps {}, which the allow-list says it drops",
                        upper.id, r.skill
                    )),
                    Some(_) => {}
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert_eq!(
        drops_used.len(),
        DELIBERATE_DROPS.len(),
        "every allow-listed drop is used: {drops_used:?}"
    );
}
