//! `rungs compare A B`: the three formats, the width of the text, unknown ids.

mod common_cli;

use assert_cmd::Command;
use predicates::prelude::*;
use unicode_width::UnicodeWidthStr;

use common_cli::{fixture, rungs};

fn stdout_of(cmd: &mut Command) -> String {
    let output = cmd.assert().success();
    String::from_utf8(output.get_output().stdout.clone()).expect("utf-8 output")
}

#[test]
fn text_shows_both_levels_the_headline_and_the_managing_years() {
    let out = stdout_of(rungs().args(["compare", "manager", "senior-manager"]));
    let first = out.lines().next().unwrap_or_default();
    assert!(first.contains("A: Manager"), "{first}");
    assert!(first.contains("B: Senior manager"), "{first}");
    assert!(out.contains("B is one rung above A in the Management track."));
    assert!(out.contains("+4 years managing people"), "{out}");
    // The two managing ranges sit on one line, A left, B right.
    let managing = out
        .lines()
        .find(|l| l.contains("1–5 yrs"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(managing.contains("5–10 yrs"), "{managing}");
    assert!(out.contains("meet at 5 years"));
    // A new skill is marked with + and carries no proficiency on the A side.
    let new_skill = out
        .lines()
        .find(|l| l.contains("Managing managers"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(new_skill.trim_start().starts_with("+ "), "{new_skill}");
    assert!(new_skill.contains('—'), "{new_skill}");
    let raised = out
        .lines()
        .find(|l| l.contains("People management"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(raised.trim_start().starts_with("↑ "), "{raised}");
    assert!(!out.contains('\u{1b}'), "no escape codes when piped");
}

#[test]
fn text_fits_the_width_from_columns_or_80_in_a_pipe() {
    for (columns, limit) in [
        (None, 80),
        (Some("60"), 60),
        (Some("35"), 35),
        (Some("20"), 20),
    ] {
        let mut cmd = rungs();
        cmd.args(["compare", "staff-engineer", "vice-president"]);
        if let Some(c) = columns {
            cmd.env("COLUMNS", c);
        }
        let out = stdout_of(&mut cmd);
        let widest = out.lines().map(UnicodeWidthStr::width).max().unwrap_or(0);
        assert!(
            widest <= limit,
            "COLUMNS={columns:?}: a line of {widest} columns\n{out}"
        );
        assert!(
            widest + 10 >= limit,
            "COLUMNS={columns:?}: uses the room it has"
        );
    }
}

#[test]
fn text_with_a_cjk_title_stays_aligned() {
    let out = stdout_of(rungs().env("COLUMNS", "50").args([
        "--content",
        &fixture("compare"),
        "compare",
        "master",
        "apprentice",
    ]));
    let widest = out.lines().map(UnicodeWidthStr::width).max().unwrap_or(0);
    assert!(widest <= 50, "{out}");
    // The gutter of every two-column line sits in the same display column.
    let gutters: Vec<usize> = out
        .lines()
        .filter_map(|l| {
            let at = l.find(" │ ")?;
            Some(l[..at].width())
        })
        .collect();
    assert!(gutters.len() > 5, "{out}");
    assert!(
        gutters.iter().all(|&g| g == gutters[0]),
        "{gutters:?}\n{out}"
    );
    assert!(out.contains("A: Master 名人"), "{out}");
    assert!(out.contains("gap of 6 years: B ends at 2,"), "{out}");
}

#[test]
fn markdown_is_a_table_with_the_skill_diff() {
    let out = stdout_of(rungs().args([
        "compare",
        "manager",
        "senior-manager",
        "--format",
        "markdown",
    ]));
    assert!(out.starts_with("# Manager (first-line / team manager) → Senior manager\n"));
    assert!(out.contains("| | A: Manager (first-line / team manager) (manager) | B: Senior manager (senior-manager) |"));
    assert!(
        out.contains("| Years managing people (meet at 5 years) | 1–5 yrs | 5–10 yrs |"),
        "{out}"
    );
    assert!(
        out.contains("| Leading people | Managing managers | — | working | + new at B |"),
        "{out}"
    );
    assert!(
        out.contains("| Leading people | People management | working | advanced | ↑ raised |"),
        "{out}"
    );
    // Every row of a table has as many cells as the table's header (escaped pipes aside).
    let mut header_cells = None;
    for line in out.lines() {
        if !line.starts_with('|') {
            header_cells = None;
            continue;
        }
        let cells = line.replace("\\|", "").matches('|').count() - 1;
        assert_eq!(cells, *header_cells.get_or_insert(cells), "{line}");
    }
}

#[test]
fn json_has_the_documented_fields() {
    let out = stdout_of(rungs().args(["compare", "manager", "senior-manager", "--format", "json"]));
    let value: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(value["a"]["id"], "manager");
    assert_eq!(value["b"]["id"], "senior-manager");
    assert_eq!(value["relation"]["kind"], "same-track");
    assert_eq!(value["relation"]["steps"], 1);
    assert_eq!(value["headline"]["managing_years"], 4);
    assert!(
        value["headline"]["text"]
            .as_str()
            .is_some_and(|t| t.contains("+4 years managing people"))
    );
    let managing = &value["experience"]["managing"];
    assert_eq!(managing["a"]["min"], 1);
    assert_eq!(managing["a"]["max"], 5);
    assert_eq!(managing["b"]["label"], "5–10");
    assert_eq!(managing["span"]["kind"], "overlap");
    assert_eq!(managing["min_delta"], 4);
    let skills = value["skills"].as_array().expect("skills array");
    let managing_managers = skills
        .iter()
        .find(|s| s["skill"] == "managing-managers")
        .expect("new skill listed");
    assert_eq!(managing_managers["a"], serde_json::Value::Null);
    assert_eq!(managing_managers["b"], "working");
    assert_eq!(managing_managers["change"], "only-b");
    let facts = value["facts"].as_array().expect("facts array");
    assert!(
        facts
            .iter()
            .any(|f| f["fact"] == "decision-scope" && f["status"] == "changed")
    );
    assert!(value["responsibilities"]["b"][0]["shared"].is_boolean());
}

#[test]
fn unknown_ids_name_the_closest_and_exit_2() {
    rungs()
        .args(["compare", "manger", "director"])
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(
            predicate::str::contains("no level `manger`").and(predicate::str::contains("manager")),
        );
    rungs()
        .args(["compare", "director", "senior-manger"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("senior-manager"));
}

#[test]
fn a_closed_pipe_is_not_a_panic() {
    for format in ["text", "markdown", "json"] {
        let mut compare = common_cli::rungs_process();
        compare.args(["compare", "manager", "director", "--format", format]);
        common_cli::assert_a_closed_stdout_is_a_normal_end(compare);
    }
}

#[test]
fn compare_sets_the_company_size_lines_side_by_side() {
    let output = rungs()
        .args(["compare", "manager", "senior-manager", "--format", "json"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let sizes = json["company_size"].as_array().expect("company_size rows");
    let keys: Vec<&str> = sizes
        .iter()
        .map(|row| row["size"].as_str().unwrap())
        .collect();
    assert_eq!(keys, ["startup", "mid_size", "large"]);
    // The manager's startup line names no source and says so; the senior manager's names one.
    assert!(
        sizes[0]["a"]
            .as_str()
            .unwrap()
            .ends_with("(general description, no named source)")
    );
    assert!(!sizes[0]["b"].as_str().unwrap().contains("no named source"));

    let text = rungs()
        .args(["compare", "manager", "senior-manager"])
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    for heading in [
        "Scope in a startup",
        "Scope in a mid-size company",
        "Scope in a large company",
    ] {
        assert!(text.contains(heading), "{heading} missing:\n{text}");
    }
}
