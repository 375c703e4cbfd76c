//! Content format v2: one fixture per feature (tests/fixtures/v2/…), loaded through every
//! validation rule, and what `show` and `compare` make of it.

mod common_cli;

use std::path::Path;

use rungs::compare::{SkillChange, compare};
use rungs::ladder::Ladder;

use common_cli::{fixture, rungs};

fn load(feature: &str) -> Ladder {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/v2")
        .join(feature);
    Ladder::from_folder(&dir).unwrap_or_else(|p| panic!("{feature}: {p:#?}"))
}

fn stdout(args: &[&str]) -> String {
    let output = rungs().args(args).assert().success();
    String::from_utf8_lossy(&output.get_output().stdout).into_owned()
}

#[test]
fn a_level_needs_only_id_title_track_and_rank() {
    let ladder = load("minimal");
    let level = ladder.level("e1").expect("e1");
    assert!(level.summary.is_empty());
    assert!(level.experience.is_none());
    assert!(level.education.is_none());
    assert!(level.sources.is_empty());
    // The skill is expected but not rated: no step is made up for it.
    assert!(level.names_skill("testing"));
    assert_eq!(level.proficiency_of("testing"), None);
}

#[test]
fn show_leaves_out_what_the_content_does_not_state() {
    let text = stdout(&["--content", &fixture("v2/minimal"), "show", "e1"]);
    for absent in [
        "Scope",
        "Decisions",
        "Experience",
        "Education",
        "Sources",
        "yrs",
    ] {
        assert!(!text.contains(absent), "{absent} shown:\n{text}");
    }
    assert!(text.contains("(not rated)"), "{text}");
    assert!(
        !text.contains("\n\n\n"),
        "no gaps left by absent sections:\n{text}"
    );
    let markdown = stdout(&[
        "--content",
        &fixture("v2/minimal"),
        "show",
        "e1",
        "--format",
        "markdown",
    ]);
    assert!(!markdown.contains("Education"), "{markdown}");
    assert!(
        markdown.contains("| Testing (`testing`) | not rated |"),
        "{markdown}"
    );
    assert!(!markdown.contains("\n\n\n"), "{markdown}");
}

#[test]
fn unrated_skills_compare_as_unrated_not_as_unchanged() {
    let ladder = load("families");
    let engineer = ladder.level("engineer").expect("engineer");
    let c = compare(&ladder, engineer, engineer);
    let feedback = c
        .skills
        .iter()
        .find(|r| r.skill.id == "feedback")
        .expect("row");
    assert_eq!(feedback.change, SkillChange::Unrated);
    assert_eq!(c.headline.skills_unrated, 1);
    assert_eq!(c.headline.skills_same, 1);
}

#[test]
fn expectations_are_kept_per_level_and_paired_by_skill_in_compare() {
    let ladder = load("expectations");
    let (a, b) = (ladder.level("e1").unwrap(), ladder.level("e2").unwrap());
    let reference = a.skill_ref("communication").expect("reference");
    assert_eq!(
        reference.expectations,
        [
            "Writes clear updates about their own work.",
            "Asks for help early."
        ]
    );
    assert_eq!(reference.examples.len(), 1);
    let c = compare(&ladder, a, b);
    let row = &c.skills[0];
    assert_eq!(row.change, SkillChange::Raised);
    assert_eq!(row.a_ref.map(|r| r.expectations.len()), Some(2));
    assert_eq!(
        row.b_ref.map(|r| r.expectations[0].as_str()),
        Some("Explains designs to the whole team.")
    );

    let shown = stdout(&["--content", &fixture("v2/expectations"), "show", "e1"]);
    assert!(shown.contains("– Asks for help early."), "{shown}");
    assert!(shown.contains("e.g. A weekly note"), "{shown}");
    let compared = stdout(&[
        "--content",
        &fixture("v2/expectations"),
        "compare",
        "e1",
        "e2",
    ]);
    let a_line = compared.find("A – Asks for help early.").expect(&compared);
    let b_line = compared
        .find("B – Explains designs to the whole team.")
        .expect(&compared);
    assert!(a_line < b_line, "A's statements, then B's, under the skill");
    let json: serde_json::Value = serde_json::from_str(&stdout(&[
        "--content",
        &fixture("v2/expectations"),
        "compare",
        "e1",
        "e2",
        "--format",
        "json",
    ]))
    .expect("json");
    assert_eq!(
        json["skills"][0]["b_expectations"][0],
        "Explains designs to the whole team."
    );
    assert_eq!(
        json["skills"][0]["a_examples"].as_array().map(Vec::len),
        Some(1)
    );
    let markdown = stdout(&[
        "--content",
        &fixture("v2/expectations"),
        "compare",
        "e1",
        "e2",
        "--format",
        "markdown",
    ]);
    assert!(
        markdown.contains(
            "### Communication\n\n**A:**\n\n- Writes clear updates about their own work.\n"
        ),
        "{markdown}"
    );
    assert!(
        markdown.contains("**B:**\n\n- Explains designs to the whole team.\n"),
        "{markdown}"
    );
}

#[test]
fn a_ladder_defines_its_own_scale_and_rubric() {
    let ladder = load("scale-rubric");
    let scale = ladder.scale();
    let names: Vec<&str> = scale.steps().iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        ["aware", "learning", "practising", "leading", "shaping"]
    );
    assert_eq!(scale.max(), 5);
    let leading = scale.find("leading").expect("step");
    assert_eq!(leading.value(), 4);
    assert_eq!(
        scale.meaning(leading),
        "Teaches it and sets the team's habits."
    );
    let rep = ladder.level("senior-rep").unwrap();
    assert_eq!(rep.proficiency_of("negotiation"), Some(leading));
    let skill = ladder.skill("negotiation").unwrap();
    assert_eq!(skill.rubric.len(), 2);
    assert_eq!(
        skill.rubric_at(leading),
        Some("Runs the hardest deals and coaches others through theirs.")
    );
    assert_eq!(skill.rubric_at(scale.find("aware").unwrap()), None);

    let shown = stdout(&[
        "--content",
        &fixture("v2/scale-rubric"),
        "show",
        "senior-rep",
    ]);
    assert!(shown.contains("●●●●○ leading"), "{shown}");
    assert!(
        shown.contains("at this step: Runs the hardest deals"),
        "{shown}"
    );
}

#[test]
fn families_group_tracks_and_own_their_categories() {
    let ladder = load("families");
    let families: Vec<&str> = ladder.families().iter().map(|f| f.id.as_str()).collect();
    assert_eq!(families, ["engineering", "design"]);
    let tracks: Vec<&str> = ladder
        .tracks_of_family("design")
        .map(|t| t.id.as_str())
        .collect();
    assert_eq!(tracks, ["designer"]);
    let categories: Vec<&str> = ladder
        .categories_of_family("engineering")
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(
        categories,
        ["code", "people"],
        "own and shared, not design's"
    );
    let engineer = ladder.level("engineer").unwrap();
    let used: Vec<&str> = ladder
        .categories_of_level(engineer)
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(used, ["code", "people"]);
}

#[test]
fn a_forked_track_counts_its_own_rungs_and_follows_the_trunk() {
    let ladder = load("follows");
    // The manager track starts at rank 3: it is rung 1 of 2 of its own track.
    assert_eq!(ladder.rung_of("manager"), Some((1, 2)));
    assert_eq!(ladder.rung_of("senior-manager"), Some((2, 2)));
    let next: Vec<&str> = ladder
        .next_on_path("senior")
        .iter()
        .map(|l| l.id.as_str())
        .collect();
    assert_eq!(next, ["manager", "staff"]);
    let before: Vec<&str> = ladder
        .previous_on_path("staff")
        .iter()
        .map(|l| l.id.as_str())
        .collect();
    assert_eq!(before, ["senior"]);
    // Compare's default B follows the path: from the top of the trunk into the first fork,
    // and from the top of a fork back to the rung it came from.
    let target = |id: &str| ladder.default_compare_target(id).map(|l| l.id.as_str());
    assert_eq!(target("senior"), Some("manager"));
    assert_eq!(target("engineer"), Some("senior"));
    assert_eq!(target("staff"), Some("senior"));
    let shown = stdout(&["--content", &fixture("v2/follows"), "show", "staff"]);
    assert!(shown.contains("rung 1 of 1"), "{shown}");
    assert!(
        shown.contains("Follows          Senior engineer (senior)"),
        "{shown}"
    );
}

#[test]
fn extra_tables_are_kept_and_shown_in_json() {
    let ladder = load("extra");
    assert_eq!(ladder.info.extra["source_id"], "FW-2024");
    assert_eq!(ladder.info.extra["revised"], "2024-06-01");
    assert_eq!(ladder.track("ops").unwrap().extra["cost_centre"], "OPS-7");
    assert_eq!(ladder.skill("planning").unwrap().extra["legacy_code"], 112);
    let json: serde_json::Value = serde_json::from_str(&stdout(&[
        "--content",
        &fixture("v2/extra"),
        "show",
        "ops-1",
        "--format",
        "json",
    ]))
    .expect("json");
    assert_eq!(json["extra"]["pay_band"], "B2");
    assert_eq!(json["extra"]["remote"], true);
    assert_eq!(json["extra"]["grades"][1], "G5");
}

#[test]
fn line_breaks_survive_text_markdown_and_json() {
    let text = stdout(&["--content", &fixture("v2/line-breaks"), "show", "e1"]);
    assert!(
        text.contains("Delivers in three ways:\n- ships small changes\n- reviews"),
        "{text}"
    );
    assert!(
        text.contains("Keeps the build green.\n    Fixes what they break first."),
        "{text}"
    );
    assert!(
        text.contains("Reviews within a day:\n        - reads the whole change"),
        "{text}"
    );
    let markdown = stdout(&[
        "--content",
        &fixture("v2/line-breaks"),
        "show",
        "e1",
        "--format",
        "markdown",
    ]);
    assert!(
        markdown.contains("- Keeps the build green.  \n  Fixes what they break first."),
        "{markdown}"
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(&[
        "--content",
        &fixture("v2/line-breaks"),
        "show",
        "e1",
        "--format",
        "json",
    ]))
    .expect("json");
    assert_eq!(
        json["skills"][0]["expectations"][0],
        "Reviews within a day:\n- reads the whole change\n- runs it"
    );
}

#[test]
fn every_v2_fixture_passes_validate() {
    for feature in [
        "minimal",
        "expectations",
        "scale-rubric",
        "families",
        "follows",
        "extra",
        "line-breaks",
    ] {
        rungs()
            .args(["validate", &fixture(&format!("v2/{feature}"))])
            .assert()
            .success();
    }
}

#[test]
fn every_example_in_the_format_guide_is_a_valid_folder() {
    let guide = include_str!("../content/README.md");
    let examples: Vec<&str> = guide
        .split("```toml\n")
        .skip(1)
        .filter_map(|rest| rest.split("```").next())
        // Complete folders; a snippet of one section (the sources catalogue) is not one.
        .filter(|text| text.contains("[[levels]]"))
        .collect();
    assert!(examples.len() >= 8, "found {}", examples.len());
    for (i, text) in examples.iter().enumerate() {
        let source = rungs::ladder::SourceFile {
            name: format!("content/README.md example {}", i + 1),
            text: (*text).to_owned(),
        };
        if let Err(problems) = Ladder::from_sources(&[source]) {
            panic!("example {}:\n{text}\n{problems:#?}", i + 1);
        }
    }
}

#[test]
fn list_groups_tracks_by_family_with_descriptions_and_names_the_rung_a_fork_follows() {
    let families = stdout(&["--content", &fixture("v2/families"), "list"]);
    let engineering = families.find("ENGINEERING (engineering)").expect(&families);
    let described = families
        .find("People who build the product.")
        .expect(&families);
    let design = families.find("DESIGN (design)").expect(&families);
    assert!(engineering < described && described < design, "{families}");
    let forks = stdout(&["--content", &fixture("v2/follows"), "list"]);
    assert!(
        forks.contains("3  manager         Engineering manager  (after senior)"),
        "{forks}"
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(&[
        "--content",
        &fixture("v2/families"),
        "list",
        "--format",
        "json",
    ]))
    .expect("json");
    assert_eq!(json["families"][1]["id"], "design");
    assert_eq!(json["tracks"][1]["family"], "design");
}

fn problems_in(text: &str) -> Vec<String> {
    let source = rungs::ladder::SourceFile {
        name: "sizes.toml".into(),
        text: text.to_owned(),
    };
    match Ladder::from_sources(&[source]) {
        Ok(_) => Vec::new(),
        Err(problems) => problems.iter().map(|p| p.to_string()).collect(),
    }
}

const SIZED_LEVEL: &str = "[[tracks]]\nid = \"m\"\ntitle = \"M\"\norder = 1\n\n[[levels]]\nid = \"m1\"\ntitle = \"Lead\"\ntrack = \"m\"\nrank = 1\n";

#[test]
fn titles_by_function_and_company_size_are_read_and_shown_in_every_format() {
    let text = format!(
        "{SIZED_LEVEL}\n[levels.titles_by_function]\nsales = [\"Sales Lead\", \"Area Lead\"]\n\n\
         [levels.company_size]\nstartup = \"Does everything.\"\nlarge = \"Per the survey, a narrow remit.\"\nunsourced = [\"startup\"]\n"
    );
    assert_eq!(problems_in(&text), Vec::<String>::new());
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ladder.toml"), &text).unwrap();
    let content = dir.path().to_str().unwrap();
    let shown = stdout(&["--content", content, "show", "m1"]);
    assert!(shown.contains("Titles by function"), "{shown}");
    assert!(shown.contains("Sales Lead, Area Lead"), "{shown}");
    assert!(
        shown.contains("Does everything. (general description, no named source)"),
        "{shown}"
    );
    // The sourced line is not marked, and the missing mid-size line is not invented.
    assert!(
        shown.contains("Per the survey, a narrow remit.\n"),
        "{shown}"
    );
    assert!(!shown.contains("Mid-size"), "{shown}");
    let markdown = stdout(&["--content", content, "show", "m1", "--format", "markdown"]);
    assert!(
        markdown.contains("| Titles in sales | Sales Lead, Area Lead |"),
        "{markdown}"
    );
    assert!(
        markdown.contains("| Startup | Does everything. (general description, no named source) |"),
        "{markdown}"
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(&[
        "--content",
        content,
        "show",
        "m1",
        "--format",
        "json",
    ]))
    .unwrap();
    assert_eq!(json["titles_by_function"]["sales"][1], "Area Lead");
    assert_eq!(json["company_size"]["startup"], "Does everything.");
    assert_eq!(json["company_size"]["unsourced"][0], "startup");
    assert!(json["company_size"].get("mid_size").is_none());
}

#[test]
fn bad_titles_by_function_and_company_size_are_each_reported() {
    let text = format!(
        "{SIZED_LEVEL}\n[levels.titles_by_function]\nsales = []\nproduct = [\" \"]\nlegal = 3\n\n\
         [levels.company_size]\nstartup = \"Does everything.\"\nhuge = \"Typo.\"\nunsourced = [\"mid_size\", \"giant\"]\n"
    );
    let found = problems_in(&text);
    let all = found.join("\n");
    for expected in [
        "`titles_by_function.sales` lists no titles",
        "`titles_by_function.product` has a blank entry",
        "titles_by_function.legal",
        "unknown key `huge`",
        "`company_size.unsourced` names `giant`",
        "`company_size.unsourced` names `mid_size`, which has no text",
    ] {
        assert!(all.contains(expected), "missing {expected:?} in:\n{all}");
    }
    assert!(
        all.contains("sizes.toml:"),
        "problems carry their place:\n{all}"
    );
}
