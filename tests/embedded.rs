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
fn the_seed_facts_the_audit_found_missing_are_carried() {
    let ladder = ladder();
    let manager = ladder.level("manager").unwrap();
    assert!(
        manager.summary.contains("Fortune 500"),
        "a large company's narrower remit: {}",
        manager.summary
    );
    let director = ladder.level("director").unwrap();
    let field = &director.experience.as_ref().expect("stated").field;
    assert!(
        field.note.contains("one to four years or more"),
        "{}",
        field.note
    );
    let pairs_of = |id: &str| -> Vec<String> {
        ladder
            .equivalents_of(id)
            .iter()
            .map(|l| l.id.clone())
            .collect()
    };
    assert!(pairs_of("senior-engineer").contains(&"manager".to_owned()));
    let distinguished = ladder.level("distinguished-engineer").unwrap();
    assert!(distinguished.reports_to.contains(&"director".to_owned()));
    let field = &distinguished.experience.as_ref().expect("stated").field;
    assert_eq!(field.min, 10);
    assert!(!field.estimate);
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
    assert_eq!(fast.sources(), checked.sources());
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
    // The reason for each drop is shown to the reader, not only kept in a TOML comment.
    for (level_id, skill_id) in DELIBERATE_DROPS {
        let level = ladder.level(level_id).unwrap();
        let name = ladder.skill(skill_id).unwrap().name.to_lowercase();
        assert!(
            level.summary.to_lowercase().contains(&name),
            "{level_id}: the summary does not say why {name} drops out"
        );
    }
    assert_eq!(
        drops_used.len(),
        DELIBERATE_DROPS.len(),
        "every allow-listed drop is used: {drops_used:?}"
    );
}

/// Each track's levels, lowest rung first.
fn tracks(ladder: &Ladder) -> Vec<&[rungs::ladder::Level]> {
    (0..ladder.tracks().len())
        .map(|t| ladder.levels_of_track(t))
        .collect()
}

/// Years in the field; every level of the built-in ladder states them.
fn field(level: &rungs::ladder::Level) -> &rungs::ladder::Range {
    &level
        .experience
        .as_ref()
        .expect("the built-in ladder states experience")
        .field
}

#[test]
fn no_level_asks_fewer_years_in_the_field_than_the_level_below() {
    let ladder = ladder();
    let mut problems = Vec::new();
    for levels in tracks(&ladder) {
        for pair in levels.windows(2) {
            let (lower, upper) = (&pair[0], &pair[1]);
            let (upper_min, lower_min) = (field(upper).min, field(lower).min);
            if upper_min < lower_min {
                problems.push(format!(
                    "{} asks {upper_min}+ years in the field, {} asks {lower_min}+",
                    upper.id, lower.id
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn no_level_asks_more_years_managing_than_years_in_the_field() {
    let ladder = ladder();
    for level in ladder.levels() {
        let experience = level
            .experience
            .as_ref()
            .expect("the built-in ladder states it");
        if let Some(managing) = &experience.managing {
            assert!(
                managing.min <= experience.field.min,
                "{}: {}+ years managing but {}+ in the field",
                level.id,
                managing.min,
                experience.field.min
            );
        }
    }
}

/// The four skill groups the senior-manager overview calls most critical at that rung.
const CRITICAL_AT_SENIOR_MANAGER: [&str; 4] = [
    "strategic-thinking",
    "financial-acumen",
    "communication",
    "negotiation-influence",
];

#[test]
fn the_four_critical_groups_rise_from_manager_to_senior_manager() {
    let ladder = ladder();
    let manager = ladder.level("manager").unwrap();
    let senior = ladder.level("senior-manager").unwrap();
    for skill in CRITICAL_AT_SENIOR_MANAGER {
        let at_senior = senior
            .proficiency_of(skill)
            .unwrap_or_else(|| panic!("senior manager does not list {skill}"));
        let scale = ladder.scale();
        let advanced = scale.find("advanced").expect("a default step");
        assert!(
            at_senior >= advanced,
            "{skill} is critical for a senior manager but only {}",
            scale.name(at_senior)
        );
        if let Some(at_manager) = manager.proficiency_of(skill) {
            assert!(
                at_manager < at_senior,
                "{skill} does not rise: {} at manager, {} at senior manager",
                scale.name(at_manager),
                scale.name(at_senior)
            );
        }
    }
}

#[test]
fn every_cited_source_is_in_the_catalogue_and_every_entry_is_cited() {
    let ladder = ladder();
    assert!(
        !ladder.sources().is_empty(),
        "the built-in ladder has a catalogue"
    );
    for level in ladder.levels() {
        for id in &level.sources {
            assert!(
                ladder.source(id).is_some(),
                "{}: unknown source {id}",
                level.id
            );
        }
    }
    for source in ladder.sources() {
        assert!(
            ladder
                .levels()
                .iter()
                .any(|l| l.sources.contains(&source.id)),
            "catalogue entry {} is cited by no level",
            source.id
        );
        let public = source.url.starts_with("https://");
        assert!(
            public || !source.file.is_empty() || source.year.is_some(),
            "{}: a reader cannot find it (no url, file or year)",
            source.id
        );
    }
}

/// Words of `text` that look like a seed file's name or number: `003`, `003_…`, `….txt`.
fn seed_references(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
        .map(|w| w.trim_end_matches('.'))
        .filter(|w| {
            let number =
                w.len() >= 3 && w.starts_with("00") && w[..3].bytes().all(|b| b.is_ascii_digit());
            number || w.ends_with(".txt")
        })
        .map(str::to_owned)
        .collect()
}

#[test]
fn seed_references_are_recognised() {
    assert_eq!(seed_references("as 003 says (004)."), ["003", "004"]);
    assert_eq!(
        seed_references("see 002_af2e74e8774973b0.txt"),
        ["002_af2e74e8774973b0.txt"]
    );
    assert!(seed_references("10–15+ years, 2012, 1956, Fortune 500").is_empty());
}

#[test]
fn no_prose_names_a_seed_by_file_name_or_number() {
    let ladder = ladder();
    let mut texts: Vec<(String, String)> = Vec::new();
    for level in ladder.levels() {
        let json = serde_json::to_string(level).unwrap();
        texts.push((level.id.clone(), json));
    }
    for skill in ladder.skills() {
        texts.push((skill.id.clone(), skill.description.clone()));
    }
    for track in ladder.tracks() {
        texts.push((track.id.clone(), track.description.clone()));
    }
    texts.push(("ladder".into(), ladder.info.description.clone()));
    for source in ladder.sources() {
        // The file name stays in `file` for traceability; what readers see must not carry it.
        texts.push((source.id.clone(), source.citation()));
    }
    for (id, text) in texts {
        let found = seed_references(&text);
        assert!(found.is_empty(), "{id} names seed files: {found:?}");
    }
}

/// The seed documents beside the repository, or `None` when they are not there.
///
/// CI keeps `shared/` beside the clone and sets `RUNGS_REQUIRE_SEEDS`, so there a missing
/// folder fails the test. A lone clone (a newcomer's `cargo test`) has no seeds to compare
/// with; the seed tests then say so on stderr and check nothing rather than fail.
fn seeds_dir() -> Option<std::path::PathBuf> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var_os("RUNGS_REQUIRE_SEEDS").is_none(),
        "RUNGS_REQUIRE_SEEDS is set but {} is missing",
        dir.display()
    );
    eprintln!(
        "SKIPPED: {} not found, so the seed checks did not run (set RUNGS_REQUIRE_SEEDS to make this an error)",
        dir.display()
    );
    None
}

fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn each_seed_file_is_one_catalogue_entry() {
    let Some(dir) = seeds_dir() else { return };
    let ladder = ladder();
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 5, "five seeds in {}", dir.display());
    for name in names {
        let entries = ladder.sources().iter().filter(|s| s.file == name).count();
        assert_eq!(entries, 1, "{name} is kept by {entries} catalogue entries");
    }
}

/// Every run of five words in any seed, so that new prose can be checked against all of them.
fn seed_five_word_runs(dir: &std::path::Path) -> std::collections::HashSet<Vec<String>> {
    let mut runs = std::collections::HashSet::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let seed = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        for run in words(&seed).windows(5) {
            runs.insert(run.to_vec());
        }
    }
    runs
}

/// Fails on the first run of five words that `text` shares with a seed.
fn assert_shares_no_five_words(
    runs: &std::collections::HashSet<Vec<String>>,
    what: &str,
    text: &str,
) {
    for run in words(text).windows(5) {
        assert!(
            !runs.contains(run),
            "\"{}\" is copied from a seed, in {what}: {text}",
            run.join(" ")
        );
    }
}

#[test]
fn the_directors_responsibilities_share_no_five_words_with_any_seed() {
    let Some(dir) = seeds_dir() else { return };
    let runs = seed_five_word_runs(&dir);
    let ladder = ladder();
    let director = ladder.level("director").unwrap();
    for duty in &director.responsibilities {
        assert_shares_no_five_words(&runs, "a director's duty", duty);
    }
    assert!(director.responsibilities.len() >= 5);
}

#[test]
fn rubrics_and_expectations_share_no_five_words_with_any_seed() {
    let Some(dir) = seeds_dir() else { return };
    let runs = seed_five_word_runs(&dir);
    let ladder = ladder();
    for skill in ladder.skills() {
        for line in &skill.rubric {
            assert_shares_no_five_words(&runs, &format!("the rubric of {}", skill.id), &line.text);
        }
    }
    for level in ladder.levels() {
        for reference in &level.skills {
            for text in reference.expectations.iter().chain(&reference.examples) {
                let what = format!("{} at {}", reference.skill, level.id);
                assert_shares_no_five_words(&runs, &what, text);
            }
        }
    }
}

#[test]
fn every_skill_has_a_rubric_with_one_entry_per_step() {
    let ladder = ladder();
    let steps = ladder.scale().len();
    for skill in ladder.skills() {
        assert_eq!(
            skill.rubric.len(),
            steps,
            "{} rubric: {:?}",
            skill.id,
            skill.rubric
        );
        let on_scale: Vec<_> = ladder.scale().proficiencies().collect();
        let in_rubric: Vec<_> = skill.rubric.iter().map(|line| line.step).collect();
        assert_eq!(in_rubric, on_scale, "{} rubric steps", skill.id);
        for line in &skill.rubric {
            assert!(
                !line.text.trim().is_empty(),
                "{} has an empty rubric step",
                skill.id
            );
        }
    }
}

#[test]
fn the_four_critical_groups_carry_their_reason_at_senior_manager() {
    let ladder = ladder();
    let senior = ladder.level("senior-manager").unwrap();
    for skill in CRITICAL_AT_SENIOR_MANAGER {
        let reference = senior.skills.iter().find(|r| r.skill == skill).unwrap();
        let said = reference.expectations.join(" ");
        assert!(
            said.contains("four most critical"),
            "{skill} at senior manager does not say why it is critical: {said:?}"
        );
    }
}

#[test]
fn every_skill_that_rises_says_what_it_looks_like_at_the_new_level() {
    // A skill whose step rises from the rung below, on the management track, carries at
    // least one expectation at the higher rung, so the reader sees what changed.
    let ladder = ladder();
    let track = &tracks(&ladder)[0];
    for pair in track.windows(2) {
        let (below, above) = (&pair[0], &pair[1]);
        if below.id == "individual-contributor" {
            continue;
        }
        for reference in &above.skills {
            let (Some(now), Some(before)) = (
                reference.proficiency,
                below.proficiency_of(&reference.skill),
            ) else {
                continue;
            };
            if now > before {
                assert!(
                    !reference.expectations.is_empty(),
                    "{} rises at {} but says nothing about it",
                    reference.skill,
                    above.id
                );
            }
        }
    }
}

const FUNCTIONS: [&str; 5] = ["marketing", "engineering", "accounting", "product", "sales"];

#[test]
fn every_management_level_gives_titles_for_the_five_functions() {
    let ladder = ladder();
    for level in tracks(&ladder)[0] {
        let functions: Vec<&str> = level
            .titles_by_function
            .keys()
            .map(String::as_str)
            .collect();
        let mut expected = FUNCTIONS.to_vec();
        expected.sort_unstable();
        assert_eq!(functions, expected, "{}", level.id);
    }
    let senior = ladder.level("senior-manager").unwrap();
    assert_eq!(
        senior.titles_by_function["marketing"],
        ["Senior Marketing Manager"]
    );
    // A product manager in tech often manages nobody: the title says so where it stands.
    let manager = ladder.level("manager").unwrap();
    assert!(manager.titles_by_function["product"][0].contains("manages no one"));
}

#[test]
fn every_management_level_describes_the_three_company_sizes_and_marks_unsourced_lines() {
    // A line not marked unsourced must name where it comes from, by one of these short
    // names of sources the level cites.
    let named = [
        ("BetterUp article", "betterup-managers"),
        ("manager-vs-senior-manager chat", "chat-manager-vs-senior"),
        ("Beyond Pricing", "beyond-pricing"),
        ("Crist|Kolder", "crist-kolder"),
    ];
    let ladder = ladder();
    for level in tracks(&ladder)[0] {
        for (key, text) in level.company_size.lines() {
            assert!(!text.trim().is_empty(), "{} has no {key} line", level.id);
            if level.company_size.is_unsourced(key) {
                continue;
            }
            let source = named.iter().find(|(name, _)| text.contains(name));
            let Some((name, id)) = source else {
                panic!(
                    "{} {key} is not marked unsourced but names no source: {text}",
                    level.id
                );
            };
            assert!(
                level.sources.iter().any(|s| s == id),
                "{} cites {name} without listing {id}",
                level.id
            );
        }
    }
}

#[test]
fn titles_and_company_size_lines_share_no_five_words_with_any_seed() {
    let Some(dir) = seeds_dir() else { return };
    let runs = seed_five_word_runs(&dir);
    let ladder = ladder();
    for level in ladder.levels() {
        for (key, text) in level.company_size.lines() {
            assert_shares_no_five_words(&runs, &format!("{} {key}", level.id), text);
        }
    }
}
