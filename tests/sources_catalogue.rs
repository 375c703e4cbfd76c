//! The sources catalogue: levels cite sources by id, readers see titles, and a folder without
//! a catalogue keeps its free-text citations.

mod common;

use std::process::Command;

use common::{app, buffer, find, text};
use rungs::ladder::{Citation, Ladder, Problem, SourceFile};
use rungs::tui::action::Action;

const LEVEL: &str = r#"
[[tracks]]
id = "support"
title = "Support"
order = 1

[[categories]]
id = "people"
name = "People"

[[skills]]
id = "coaching"
name = "Coaching"
category = "people"
description = "Helps others grow."

[[levels]]
id = "support-lead"
title = "Support lead"
track = "support"
rank = 1
summary = "Runs one support shift."
scope = "One shift"
decision_scope = "Rotas"
responsibilities = ["Keep response times within target"]
skills = [{ skill = "coaching", proficiency = "working" }]
experience = { field = { min = 2 } }
education = { typical = "None required" }
"#;

const HANDBOOK: &str = r#"
[[sources]]
id = "handbook"
title = "Acme support handbook"
author = "Acme HR"
year = 2026
kind = "framework"
url = "https://example.com/handbook"
"#;

fn load(text: &str) -> Result<Ladder, Vec<Problem>> {
    Ladder::from_sources(&[SourceFile {
        name: "ladder.toml".into(),
        text: text.to_owned(),
    }])
}

fn problems(text: &str) -> Vec<Problem> {
    match load(text) {
        Ok(_) => panic!("loaded without problems:\n{text}"),
        Err(problems) => problems,
    }
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).expect(needle) + 1
}

#[test]
fn a_level_cites_a_catalogue_entry_and_is_shown_its_title() {
    let text = format!("{LEVEL}sources = [\"handbook\"]\n{HANDBOOK}");
    let ladder = load(&text).unwrap_or_else(|p| panic!("{p:#?}"));
    let level = ladder.level("support-lead").unwrap();
    let citations = ladder.citations(level);
    assert_eq!(citations.len(), 1);
    assert_eq!(citations[0].id(), Some("handbook"));
    assert_eq!(citations[0].title(), "Acme support handbook");
    assert_eq!(
        citations[0].label(),
        "Acme support handbook — Acme HR, 2026"
    );
}

#[test]
fn without_a_catalogue_citations_stay_free_text() {
    let text = format!("{LEVEL}sources = [\"Acme HR handbook, 2026\"]\n");
    let ladder = load(&text).unwrap_or_else(|p| panic!("{p:#?}"));
    let level = ladder.level("support-lead").unwrap();
    assert_eq!(
        ladder.citations(level),
        [Citation::Text("Acme HR handbook, 2026")]
    );
    assert!(ladder.sources().is_empty());
}

#[test]
fn with_a_catalogue_an_unknown_citation_is_located_and_hinted() {
    let text = format!("{LEVEL}sources = [\"handbok\"]\n{HANDBOOK}");
    let found = problems(&text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0]
            .message
            .contains("unknown source `handbok` (did you mean `handbook`?)"),
        "{}",
        found[0]
    );
    assert_eq!(
        found[0].position.map(|(l, _)| l),
        Some(line_of(&text, "sources = [\"handbok\"]"))
    );
}

#[test]
fn catalogue_entries_need_a_unique_id_a_title_and_a_known_kind() {
    let text = format!(
        "{LEVEL}sources = [\"handbook\"]\n{HANDBOOK}{}",
        r#"
[[sources]]
id = "handbook"
title = "A second handbook"
kind = "framework"

[[sources]]
id = "untitled"
kind = "book"

[[sources]]
id = "odd-kind"
title = "A podcast"
kind = "podcast"

[[sources]]
id = "no-kind"
title = "Something"
"#
    );
    let found = problems(&text);
    let messages: Vec<&str> = found.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(found.len(), 4, "{messages:#?}");
    assert!(
        messages
            .iter()
            .any(|m| m.contains("duplicate source id `handbook`"))
    );
    assert!(messages.iter().any(|m| m.contains("`title` is missing")));
    assert!(
        messages
            .iter()
            .any(|m| m.contains("source kind `podcast` is not one of article, framework"))
    );
    assert!(messages.iter().any(|m| m.contains("source has no `kind`")));
    let kind_problem = found
        .iter()
        .find(|p| p.message.contains("not one of"))
        .unwrap();
    assert_eq!(
        kind_problem.position.map(|(l, _)| l),
        Some(line_of(&text, "kind = \"podcast\""))
    );
}

#[test]
fn an_unknown_key_in_a_source_is_reported_with_a_suggestion() {
    let text = format!("{LEVEL}sources = [\"handbook\"]\n{HANDBOOK}autor = \"typo\"\n");
    let found = problems(&text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0]
            .message
            .contains("unknown key `autor` (did you mean `author`?)"),
        "{}",
        found[0]
    );
}

fn rungs_show(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_rungs"))
        .args(args)
        .output()
        .expect("rungs runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn show_lists_the_built_in_sources_by_title_never_by_file() {
    let text = rungs_show(&["show", "senior-manager"]);
    let sources = text.split("\nSources\n").nth(1).expect("a Sources section");
    assert!(sources.contains("Managers vs. senior managers — Shonna Waters, BetterUp, 2022"));
    assert!(sources.contains("What a senior manager does"));
    assert!(!text.contains(".txt"), "{text}");
    let markdown = rungs_show(&["show", "senior-manager", "--format", "markdown"]);
    assert!(
        markdown
            .contains("- An Elegant Puzzle: Systems of Engineering Management — Will Larson, 2019")
    );
    assert!(!markdown.contains(".txt"), "{markdown}");
}

#[test]
fn show_json_lists_each_source_as_an_object_with_id_and_title() {
    let text = rungs_show(&["show", "director", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&text).expect("json");
    let sources = value["sources"].as_array().expect("sources is a list");
    assert!(!sources.is_empty());
    for source in sources {
        assert!(source["id"].is_string(), "{source}");
        assert!(source["title"].is_string(), "{source}");
    }
    let director_jobs = sources
        .iter()
        .find(|s| s["id"] == "director-jobs")
        .expect("the director jobs article is cited");
    assert_eq!(director_jobs["title"], "Director and senior manager jobs");
    assert_eq!(director_jobs["kind"], "article");
}

#[test]
fn the_level_page_ends_with_its_sources_by_title() {
    let mut app = app(120, 40, false);
    // From the first rung up to the director, open it and scroll its page to the end.
    for action in [
        Action::Up,
        Action::Up,
        Action::Up,
        Action::Open,
        Action::Bottom,
    ] {
        app.update(action);
    }
    let drawn = buffer(&app);
    let shown = text(&drawn);
    let (_, heading) = find(&drawn, "Sources").expect("a Sources heading");
    let (_, first) = find(&drawn, "Director and senior manager jobs").expect("a title");
    assert!(
        heading < first,
        "the titles are listed under the heading: {shown}"
    );
    assert!(
        shown.contains("Director and senior manager jobs"),
        "{shown}"
    );
    assert!(
        shown.contains("Engineering Paths — Beyond Pricing"),
        "{shown}"
    );
    assert!(!shown.contains(".txt"), "{shown}");
    assert!(
        !shown.contains("director-jobs"),
        "ids are not shown: {shown}"
    );
}
