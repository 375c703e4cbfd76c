//! `rungs search`: the built binary, its rows, JSON and exit codes.

mod common_cli;

use predicates::prelude::*;

use common_cli::rungs;

fn json_of(args: &[&str]) -> serde_json::Value {
    let output = rungs().args(args).output().expect("runs");
    serde_json::from_slice(&output.stdout).expect("valid JSON")
}

#[test]
fn a_match_prints_kind_level_and_text_and_exits_0() {
    let output = rungs()
        .args(["search", "sr", "acc", "--limit", "3"])
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&output.get_output().stdout).into_owned();
    let first = stdout.lines().next().expect("a row");
    let columns: Vec<&str> = first.split("  ").filter(|c| !c.trim().is_empty()).collect();
    assert_eq!(
        columns.iter().map(|c| c.trim()).collect::<Vec<_>>(),
        [
            "example title",
            "senior-manager",
            "Senior Accounting Manager"
        ],
        "{stdout}"
    );
    assert_eq!(stdout.lines().count(), 3);
    assert!(!stdout.contains('\u{1b}'), "no styling in CLI rows");
}

#[test]
fn the_limit_is_reported_on_stderr_and_0_shows_all() {
    let limited = rungs()
        .args(["search", "budget", "--limit", "2"])
        .assert()
        .success()
        .stderr(predicate::str::is_match(r"2 of \d+ matches shown").unwrap());
    assert_eq!(
        limited.get_output().stdout.split(|&b| b == b'\n').count(),
        3
    );
    let all = json_of(&["search", "budget", "--limit", "0", "--format", "json"]);
    let total = all["total"].as_u64().expect("a count");
    assert!(total > 2);
    assert_eq!(
        all["results"].as_array().map(Vec::len),
        Some(total as usize)
    );
}

#[test]
fn no_match_exits_1_with_a_message() {
    rungs()
        .args(["search", "qqqzzzxxx"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("nothing matches `qqqzzzxxx`"));
}

#[test]
fn no_match_in_json_still_prints_an_empty_result_and_exits_1() {
    let output = rungs()
        .args(["search", "qqqzzzxxx", "--format", "json"])
        .assert()
        .code(1);
    let value: serde_json::Value =
        serde_json::from_slice(&output.get_output().stdout).expect("JSON");
    assert_eq!(value["total"], 0);
    assert_eq!(value["results"], serde_json::json!([]));
}

#[test]
fn json_rows_carry_where_the_hit_lives_and_what_matched() {
    let value = json_of(&["search", "fin", "--format", "json", "--limit", "1"]);
    assert_eq!(value["query"], "fin");
    let first = &value["results"][0];
    assert_eq!(first["kind"], "skill");
    assert_eq!(first["text"], "Financial acumen");
    assert_eq!(first["skill"], "financial-acumen");
    assert_eq!(first["level"], "manager");
    assert_eq!(first["track"], "management");
    assert_eq!(first["proficiency"], "basic");
    assert_eq!(first["matched"], serde_json::json!([0, 1, 2]));
    assert!(first["score"].as_i64().is_some_and(|s| s > 0));
    // `item` points at the skill in the level's list, as `rungs show --format json` prints it.
    let level = json_of(&["show", "manager", "--format", "json"]);
    let item = first["item"].as_u64().expect("an index") as usize;
    assert_eq!(level["skills"][item]["skill"], "financial-acumen");
}

#[test]
fn searching_a_content_folder_and_control_characters_in_the_query() {
    let folder = format!("{}/tests/fixtures/valid", env!("CARGO_MANIFEST_DIR"));
    let output = rungs()
        .args(["--content", &folder, "search", "--format", "json", "e"])
        .assert()
        .success();
    let value: serde_json::Value =
        serde_json::from_slice(&output.get_output().stdout).expect("JSON");
    assert!(value["total"].as_u64().is_some_and(|t| t > 0));
    rungs()
        .args(["search", "zz\u{1b}[31m"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("\\u{1b}"));
}

#[test]
fn a_closed_pipe_is_not_a_panic() {
    let mut search = common_cli::rungs_process();
    search.args(["search", "e", "--limit", "0"]);
    common_cli::assert_a_closed_stdout_is_a_normal_end(search);
}

#[test]
fn the_query_is_required() {
    rungs().arg("search").assert().code(2);
}
