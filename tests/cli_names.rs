//! Names work where ids do: a level's title or example title, a skill's name, in any case;
//! a name that fits several lists the candidates and exits 2. `show` prints skill ids, and
//! `rungs skills` lists the catalogue.

mod common_cli;

use common_cli::rungs;

fn stdout_of(args: &[&str]) -> String {
    let output = rungs().args(args).output().expect("runs");
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8")
}

fn shown_id(args: &[&str]) -> String {
    let json: serde_json::Value = serde_json::from_str(&stdout_of(args)).expect("show prints JSON");
    json["id"].as_str().expect("an id").to_owned()
}

#[test]
fn a_level_title_or_example_title_resolves_in_any_case() {
    for (name, id) in [
        ("Director", "director"),
        ("senior manager", "senior-manager"),
        ("SENIOR MANAGER", "senior-manager"),
        ("CTO", "c-suite"),
        ("Staff Software Engineer", "staff-engineer"),
    ] {
        assert_eq!(shown_id(&["show", name, "--format", "json"]), id, "{name}");
    }
}

#[test]
fn compare_takes_names_on_both_sides() {
    let json: serde_json::Value = serde_json::from_str(&stdout_of(&[
        "compare", "manager", "CTO", "--format", "json",
    ]))
    .expect("JSON");
    assert_eq!(json["a"]["id"], "manager");
    assert_eq!(json["b"]["id"], "c-suite");
}

#[test]
fn an_ambiguous_name_lists_the_candidates_and_exits_2() {
    let output = rungs().args(["show", "software engineer"]).assert().code(2);
    let stderr = String::from_utf8_lossy(&output.get_output().stderr).into_owned();
    assert!(stderr.contains("fits more than one level"), "{stderr}");
    for id in ["individual-contributor", "engineer"] {
        assert!(
            stderr.lines().any(|l| l.trim_start().starts_with(id)),
            "{id} offered: {stderr}"
        );
    }
    assert!(output.get_output().stdout.is_empty());
}

#[test]
fn an_unknown_name_suggests_close_ids_and_exits_2() {
    let output = rungs()
        .args(["compare", "manager", "directr"])
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&output.get_output().stderr).into_owned();
    assert!(stderr.contains("did you mean `director`"), "{stderr}");
}

#[test]
fn show_prints_each_skill_id_beside_its_name() {
    let text = stdout_of(&["show", "manager"]);
    assert!(
        text.contains("Coaching and developing people (coaching-mentoring)"),
        "{text}"
    );
    let markdown = stdout_of(&["show", "manager", "--format", "markdown"]);
    assert!(
        markdown.contains("Coaching and developing people (`coaching-mentoring`)"),
        "{markdown}"
    );
}

#[test]
fn skills_lists_the_catalogue_with_the_levels_that_expect_each() {
    let text = stdout_of(&["skills"]);
    assert!(
        text.contains("budgeting  Budget and resource planning"),
        "{text}"
    );
    assert!(text.contains("expected at:"), "{text}");

    let json: serde_json::Value =
        serde_json::from_str(&stdout_of(&["skills", "--format", "json"])).expect("JSON");
    let skills = json["skills"].as_array().expect("a list");
    let list: serde_json::Value =
        serde_json::from_str(&stdout_of(&["list", "--format", "json"])).expect("JSON");
    assert!(skills.len() > 20, "{}", skills.len());
    let budgeting = skills
        .iter()
        .find(|s| s["id"] == "budgeting")
        .expect("budgeting listed");
    assert_eq!(budgeting["name"], "Budget and resource planning");
    assert_eq!(budgeting["category"], "finance-operations");
    assert!(
        budgeting["description"]
            .as_str()
            .is_some_and(|d| !d.is_empty())
    );
    let levels = budgeting["levels"].as_array().expect("levels");
    assert!(!levels.is_empty());
    for level in levels {
        // Every level named is a level of the ladder, with a proficiency on the scale.
        let id = level["level"].as_str().expect("an id");
        assert!(list.to_string().contains(&format!("\"{id}\"")), "{id}");
        assert!((1..=4).contains(&level["proficiency_value"].as_u64().unwrap_or(0)));
    }
}

#[test]
fn plan_add_takes_a_skill_name_and_remove_finds_it_by_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = dir.path().join("plan.toml");
    let plan = plan.to_str().expect("UTF-8 path");
    let run = |args: &[&str]| {
        rungs()
            .env("HOME", dir.path())
            .args(["plan", "--plan", plan])
            .args(args)
            .output()
            .expect("runs")
    };
    let added = run(&["add", "Budget and resource planning", "--level", "Director"]);
    assert!(
        added.status.success(),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    assert!(String::from_utf8_lossy(&added.stdout).contains("planned budgeting at director"));
    let status = run(&["status", "budget and resource planning", "done"]);
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let removed = run(&["remove", "BUDGET AND RESOURCE PLANNING"]);
    assert!(
        removed.status.success(),
        "{}",
        String::from_utf8_lossy(&removed.stderr)
    );
    assert!(String::from_utf8_lossy(&removed.stdout).contains("removed budgeting at director"));
}

#[test]
fn plan_is_refused_by_commands_that_use_no_plan() {
    rungs()
        .args(["show", "director", "--plan", "x.toml"])
        .assert()
        .code(2);
    rungs().args(["--plan", "x.toml", "list"]).assert().code(2);
}
