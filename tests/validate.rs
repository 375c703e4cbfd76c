//! Each validation rule against a fixture folder that breaks exactly that rule.

use std::path::Path;

use rungs::ladder::{Ladder, Problem};

fn problems(case: &str) -> Vec<Problem> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/bad")
        .join(case);
    match Ladder::from_folder(&dir) {
        Ok(_) => panic!("fixture {case} loaded without problems"),
        Err(problems) => problems,
    }
}

/// Asserts that `case` yields exactly one problem, at `line`, whose message holds `needle`.
fn assert_single(case: &str, line: usize, needle: &str) {
    let found = problems(case);
    assert_eq!(
        found.len(),
        1,
        "{case}: expected one problem, got {found:#?}"
    );
    let problem = &found[0];
    assert!(problem.message.contains(needle), "{case}: {problem}");
    assert_eq!(
        problem.position.map(|(l, _)| l),
        Some(line),
        "{case}: {problem}"
    );
    assert!(problem.file.ends_with("ladder.toml"), "{case}: {problem}");
}

#[test]
fn the_valid_fixture_loads() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid");
    let ladder = Ladder::from_folder(&dir).expect("valid fixture");
    assert_eq!(ladder.levels().len(), 1);
    assert_eq!(ladder.level("support-lead").map(|l| l.rank), Some(1));
}

#[test]
fn syntax_errors_name_line_and_column_and_show_the_line() {
    let found = problems("syntax-error");
    let first = &found[0];
    assert_eq!(first.position, Some((7, 9)));
    let rendered = first.render();
    assert!(rendered.contains("order = = 1"), "{rendered}");
    assert!(
        rendered.starts_with(&format!("{}:7:9: ", first.file)),
        "{rendered}"
    );
}

#[test]
fn duplicate_ids_point_at_the_second_and_name_the_first() {
    assert_single("duplicate-ids", 34, "duplicate skill id `coaching`");
    assert!(problems("duplicate-ids")[0].message.contains(":13:1"));
}

#[test]
fn unknown_references_are_reported_with_a_suggestion() {
    assert_single(
        "unknown-skill",
        28,
        "unknown skill `coching` (did you mean `coaching`?)",
    );
    assert_single(
        "unknown-track",
        22,
        "unknown track `suport` (did you mean `support`?)",
    );
    assert_single("unknown-category", 16, "unknown category `persons`");
    assert_single("unknown-level", 31, "unknown level `team-lead`");
}

#[test]
fn ranges_with_min_above_max_are_rejected() {
    assert_single("min-above-max", 29, "min 6 above max 4");
}

#[test]
fn blank_and_missing_required_text_is_rejected() {
    assert_single("empty-text", 24, "`summary` is blank");
    assert_single("missing-required", 19, "`title` is missing");
}

#[test]
fn proficiency_must_be_on_the_scale() {
    assert_single(
        "bad-proficiency",
        28,
        "proficiency `wizard` is not on the scale (basic, working, advanced, expert)",
    );
}

#[test]
fn ranks_are_unique_within_a_track() {
    assert_single(
        "duplicate-rank",
        37,
        "rank 1 in track `support` is also held by level `support-lead`",
    );
}

#[test]
fn unknown_keys_are_errors_with_a_suggestion() {
    assert_single(
        "unknown-field",
        26,
        "unknown key `scpoe` (did you mean `scope`?)",
    );
}

#[test]
fn control_characters_in_text_are_rejected_and_never_echoed() {
    assert_single("control-character", 27, "control character U+001B");
    let rendered = problems("control-character")[0].render();
    assert!(
        !rendered.chars().any(|c| c.is_control() && c != '\n'),
        "{rendered:?}"
    );
}

#[test]
fn ids_must_be_well_formed() {
    assert_single("bad-id", 20, "must be lowercase letters");
}

#[test]
fn equivalents_point_into_other_tracks() {
    assert_single("equivalent-same-track", 31, "same track");
}

#[test]
fn every_problem_in_every_file_is_listed_in_file_then_line_order() {
    let found = problems("many-problems");
    let summary: Vec<(String, usize)> = found
        .iter()
        .map(|p| {
            let file = Path::new(&p.file)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (file, p.position.map_or(0, |(l, _)| l))
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("a.toml".into(), 26),
            ("a.toml".into(), 29),
            ("a.toml".into(), 30),
            // b.toml's type error (line 8) no longer hides its duplicate id (line 2).
            ("b.toml".into(), 2),
            ("b.toml".into(), 8)
        ]
    );
}

#[test]
fn a_missing_folder_is_a_clear_problem() {
    let found = Ladder::from_folder(Path::new("/no/such/folder")).unwrap_err();
    assert_eq!(found.len(), 1);
    assert!(found[0].message.contains("cannot open content folder"));
}

#[test]
fn the_generated_large_ladder_is_valid_at_full_scale() {
    let sources = rungs::ladder::generate::large_ladder(1_000, 100_000, 500);
    let ladder =
        Ladder::from_sources(&sources).unwrap_or_else(|p| panic!("{:#?}", &p[..p.len().min(5)]));
    assert_eq!(ladder.levels().len(), 1_000);
    let references: usize = ladder.levels().iter().map(|l| l.skills.len()).sum();
    assert_eq!(references, 100_000);
}

#[test]
fn the_caret_stands_under_the_problem_on_a_tab_indented_line() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/ladder.toml"),
    )
    .expect("valid fixture");
    let source = rungs::ladder::SourceFile {
        name: "tabs.toml".into(),
        text: text.replace("\nscope = ", "\n\t\tscpoe = "),
    };
    let found = Ladder::from_sources(&[source]).unwrap_err();
    let unknown = found
        .iter()
        .find(|p| p.message.contains("scpoe"))
        .unwrap_or_else(|| panic!("{found:#?}"));
    assert_eq!(unknown.position.map(|(_, column)| column), Some(3));
    let rendered = unknown.render();
    let lines: Vec<&str> = rendered.lines().collect();
    let (excerpt, caret) = (lines[2], lines[3]);
    let key_at = excerpt.find("scpoe").expect("excerpt shows the key");
    assert_eq!(caret.find('^'), Some(key_at), "{rendered}");
}

#[test]
fn type_errors_are_listed_with_everything_else_and_quote_the_value() {
    let found = problems("type-errors");
    let messages: Vec<String> = found.iter().map(ToString::to_string).collect();
    let expected = [
        ":22:8: `rank` must be a whole number, found text `\"3\"`",
        ":23:11: `summary` must be text, found a list `[\"a list\", \"not text\"]`",
        ":24:47: `proficiency` must be the name of a step of the scale, found an integer `3`",
        ":25:40: each entry of `responsibilities` must be text, found an integer `42`",
        ":34:47: proficiency `wizard` is not on the scale (basic, working, advanced, expert)",
    ];
    assert_eq!(messages.len(), expected.len(), "{messages:#?}");
    for (message, want) in messages.iter().zip(expected) {
        assert!(message.ends_with(want), "{message}\nwanted …{want}");
    }
    // The level with the bad rank is kept: `lead` reports to it and follows it without an
    // "unknown level" in the list.
    assert!(!messages.iter().any(|m| m.contains("unknown level")));
}

#[test]
fn follows_names_an_existing_level() {
    assert_single(
        "follows-unknown",
        25,
        "unknown level `seniro` (did you mean `senior`?)",
    );
}

#[test]
fn a_rubric_is_keyed_by_the_steps_of_the_scale() {
    assert_single(
        "rubric-off-scale",
        17,
        "rubric step `guru` is not on the scale",
    );
}

#[test]
fn scale_steps_are_unique() {
    assert_single("scale-duplicate", 3, "step `low` appears twice in `scale`");
}

#[test]
fn once_families_are_declared_every_track_names_one() {
    assert_single("track-without-family", 15, "track `design` has no `family`");
}

#[test]
fn every_v1_fixture_still_loads() {
    for folder in ["tests/fixtures/valid", "tests/fixtures/compare", "content"] {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
        Ladder::from_folder(&dir).unwrap_or_else(|p| panic!("{folder}: {p:#?}"));
    }
}
