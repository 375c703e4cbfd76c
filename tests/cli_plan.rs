//! `rungs plan …` run as a binary, always on a plan file in a temporary folder (never the real
//! home: HOME and XDG_DATA_HOME point into the temporary folder too).

mod common_cli;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use rungs::plan::{Plan, Status, parse};

struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Self {
        Sandbox {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    fn plan_path(&self) -> PathBuf {
        self.dir.path().join("plan.toml")
    }

    /// `rungs --plan <sandbox>/plan.toml ARGS…`
    fn rungs(&self, args: &[&str]) -> Command {
        let mut cmd = self.bare();
        cmd.arg("--plan").arg(self.plan_path()).args(args);
        cmd
    }

    /// `rungs ARGS…` with no plan given: HOME and XDG_DATA_HOME inside the sandbox.
    fn bare(&self) -> Command {
        Command::from_std(self.bare_process())
    }

    /// `bare` as a plain process, for tests that wire up stdout themselves.
    fn bare_process(&self) -> std::process::Command {
        let mut cmd = common_cli::rungs_process();
        cmd.env("HOME", self.dir.path().join("home"))
            .env("XDG_DATA_HOME", self.dir.path().join("data"));
        cmd
    }

    fn plan(&self) -> Plan {
        read_plan(&self.plan_path())
    }
}

fn read_plan(path: &Path) -> Plan {
    let text = std::fs::read_to_string(path).expect("plan written");
    parse("plan.toml", &text).expect("a valid plan")
}

fn stderr_of(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&assert.get_output().stderr).into_owned()
}

fn stdout_of(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&assert.get_output().stdout).into_owned()
}

#[test]
fn an_empty_plan_prints_how_to_start_and_writes_nothing() {
    let sandbox = Sandbox::new();
    sandbox
        .rungs(&["plan"])
        .assert()
        .success()
        .stdout(predicate::str::contains("The plan is empty"));
    assert!(
        !sandbox.plan_path().exists(),
        "printing must not create the file"
    );
}

#[test]
fn add_target_status_and_print() {
    let sandbox = Sandbox::new();
    sandbox
        .rungs(&["plan", "target", "director"])
        .assert()
        .success();
    // budgeting is named by the director level: the target is the default level.
    sandbox
        .rungs(&[
            "plan",
            "add",
            "budgeting",
            "--note",
            "Shadow the \"Q3\" review\nthen own one",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("planned budgeting at director"));
    sandbox
        .rungs(&["plan", "add", "negotiation-influence"])
        .assert()
        .success();
    sandbox
        .rungs(&["plan", "status", "budgeting", "in-progress"])
        .assert()
        .success();

    let plan = sandbox.plan();
    assert_eq!(plan.target.as_deref(), Some("director"));
    assert_eq!(plan.target_title.as_deref(), Some("Director"));
    assert_eq!(plan.items.len(), 2);
    assert_eq!(plan.items[0].skill, "budgeting");
    assert_eq!(plan.items[0].level, "director");
    assert_eq!(plan.items[0].status, Status::InProgress);
    assert_eq!(plan.items[0].note, "Shadow the \"Q3\" review\nthen own one");
    assert_eq!(
        plan.items[0].skill_name.as_deref(),
        Some("Budget and resource planning")
    );

    let out = sandbox.rungs(&["plan"]).assert().success();
    let text = stdout_of(&out);
    assert!(text.contains("Target: Director (director)"), "{text}");
    assert!(text.contains("0 done, 1 in progress, 1 planned"), "{text}");
    let planned = text.find("Planned (1)").expect("planned group");
    let in_progress = text.find("In progress (1)").expect("in-progress group");
    let budgeting = text
        .find("Budget and resource planning (budgeting)")
        .expect("item shown");
    assert!(planned < in_progress && in_progress < budgeting, "{text}");
    assert!(
        text.contains("      then own one"),
        "note lines are indented: {text}"
    );
    assert!(!text.contains("not yet in the plan:\n    Budget"), "{text}");
}

#[test]
fn without_a_target_a_skill_goes_to_the_lowest_level_that_names_it() {
    let sandbox = Sandbox::new();
    let ladder = rungs::Ladder::embedded().expect("ladder");
    let expected = ladder
        .levels()
        .iter()
        .find(|l| l.proficiency_of("budgeting").is_some())
        .expect("some level names budgeting");
    sandbox
        .rungs(&["plan", "add", "budgeting"])
        .assert()
        .success();
    assert_eq!(sandbox.plan().items[0].level, expected.id);
}

#[test]
fn adding_twice_changes_nothing_and_remove_takes_it_out() {
    let sandbox = Sandbox::new();
    sandbox
        .rungs(&["plan", "add", "budgeting", "--level", "director"])
        .assert()
        .success();
    sandbox
        .rungs(&["plan", "add", "budgeting", "--level", "director"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("nothing to change"));
    assert_eq!(sandbox.plan().items.len(), 1);
    sandbox
        .rungs(&["plan", "remove", "budgeting"])
        .assert()
        .success();
    assert!(sandbox.plan().items.is_empty());
}

#[test]
fn a_skill_at_two_levels_needs_level_to_say_which() {
    let sandbox = Sandbox::new();
    for level in ["director", "senior-manager"] {
        sandbox
            .rungs(&["plan", "add", "budgeting", "--level", level])
            .assert()
            .success();
    }
    let out = sandbox
        .rungs(&["plan", "remove", "budgeting"])
        .assert()
        .code(2);
    assert!(stderr_of(&out).contains("--level"), "{}", stderr_of(&out));
    sandbox
        .rungs(&["plan", "remove", "budgeting", "--level", "senior-manager"])
        .assert()
        .success();
    let plan = sandbox.plan();
    assert_eq!(plan.items.len(), 1);
    assert_eq!(plan.items[0].level, "director");
}

#[test]
fn unknown_ids_name_the_closest_and_exit_2() {
    let sandbox = Sandbox::new();
    let out = sandbox
        .rungs(&["plan", "add", "budgetting"])
        .assert()
        .code(2);
    assert!(
        stderr_of(&out).contains("did you mean `budgeting`"),
        "{}",
        stderr_of(&out)
    );
    let out = sandbox
        .rungs(&["plan", "add", "budgeting", "--level", "directr"])
        .assert()
        .code(2);
    assert!(
        stderr_of(&out).contains("`director`"),
        "{}",
        stderr_of(&out)
    );
    let out = sandbox.rungs(&["plan", "target", "vp"]).assert().code(2);
    assert!(
        stderr_of(&out).contains("no level `vp`"),
        "{}",
        stderr_of(&out)
    );
    sandbox
        .rungs(&["plan", "add", "budgeting", "--level", "director"])
        .assert()
        .success();
    let out = sandbox
        .rungs(&["plan", "status", "budgetin", "done"])
        .assert()
        .code(2);
    assert!(
        stderr_of(&out).contains("did you mean `budgeting`"),
        "{}",
        stderr_of(&out)
    );
    assert_eq!(sandbox.plan().items[0].status, Status::Planned);
}

#[test]
fn a_level_that_does_not_name_the_skill_is_refused() {
    let sandbox = Sandbox::new();
    let out = sandbox
        .rungs(&[
            "plan",
            "add",
            "profit-and-loss",
            "--level",
            "individual-contributor",
        ])
        .assert()
        .code(2);
    assert!(
        stderr_of(&out).contains("does not name skill"),
        "{}",
        stderr_of(&out)
    );
    assert!(!sandbox.plan_path().exists());
}

#[test]
fn a_broken_plan_file_is_reported_with_its_place_exits_3_and_is_not_touched() {
    let cases = [
        (
            "version = 1\ntarget = \"director\"\nmood = \"red\"\n",
            "plan.toml:3:1: unknown field `mood`",
        ),
        // A raw ESC is not allowed in a TOML string; the message must not pass it on.
        (
            "version = 1\ntarget = \"\u{1b}[31mdirector\"\n",
            "plan.toml:2:11: invalid basic string",
        ),
        (
            "version = 3\n",
            "plan.toml:1:11: unsupported plan version 3",
        ),
    ];
    for (text, expected) in cases {
        let sandbox = Sandbox::new();
        std::fs::write(sandbox.plan_path(), text).expect("write");
        for args in [
            &["plan"][..],
            &["plan", "add", "budgeting"],
            &["plan", "export", "--format", "json"],
        ] {
            let out = sandbox.rungs(args).assert().code(3);
            let err = stderr_of(&out);
            assert!(err.contains(expected), "{err}");
            assert!(
                !err.contains('\u{1b}'),
                "control characters are escaped: {err:?}"
            );
            assert!(stdout_of(&out).is_empty());
        }
        assert_eq!(
            std::fs::read_to_string(sandbox.plan_path()).expect("read"),
            text
        );
    }
}

#[test]
fn items_the_ladder_does_not_know_are_flagged_and_kept() {
    let sandbox = Sandbox::new();
    let text = "version = 1\n\n[[items]]\nskill = \"old-skill\"\nskill_name = \"Old \\u0007skill\"\nlevel = \"gone\"\nstatus = \"done\"\nadded = 2025-02-03\n";
    std::fs::write(sandbox.plan_path(), text).expect("write");
    let out = sandbox.rungs(&["plan"]).assert().success();
    let shown = stdout_of(&out);
    assert!(
        shown.contains(
            "Old skill (old-skill) · gone (gone) · added 2025-02-03 — not in this ladder"
        ),
        "{shown}"
    );
    assert!(!shown.contains('\u{7}'));
    sandbox
        .rungs(&["plan", "add", "budgeting", "--level", "director"])
        .assert()
        .success();
    let plan = sandbox.plan();
    assert_eq!(plan.items[0], parse("p", text).expect("valid").items[0]);
    // An item the ladder does not know can still be removed by its id.
    sandbox
        .rungs(&["plan", "remove", "old-skill"])
        .assert()
        .success();
    assert_eq!(sandbox.plan().items.len(), 1);
}

#[test]
fn export_markdown_and_json() {
    let sandbox = Sandbox::new();
    sandbox
        .rungs(&["plan", "target", "director"])
        .assert()
        .success();
    sandbox
        .rungs(&["plan", "add", "budgeting", "--note", "ask for a mentor"])
        .assert()
        .success();
    sandbox
        .rungs(&["plan", "status", "budgeting", "done"])
        .assert()
        .success();

    let md = stdout_of(&sandbox.rungs(&["plan", "export"]).assert().success());
    assert!(md.starts_with("# Development plan\n"), "{md}");
    assert!(
        md.contains("**Target:** Director (`director`): 1 done"),
        "{md}"
    );
    assert!(md.contains("## Not yet in the plan"), "{md}");
    assert!(
        md.contains("## Done\n\n- **Budget and resource planning** (`budgeting`)"),
        "{md}"
    );
    assert!(md.contains("  ask for a mentor\n"), "{md}");

    let out = sandbox
        .rungs(&["plan", "export", "--format", "json"])
        .assert()
        .success();
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).expect("JSON");
    assert_eq!(json["target"]["id"], "director");
    assert_eq!(json["target"]["progress"]["done"], 1);
    let total = json["target"]["progress"]["total"].as_u64().expect("total");
    let missing = json["target"]["missing"].as_array().expect("missing list");
    assert_eq!(missing.len() as u64, total - 1);
    assert_eq!(json["items"][0]["skill"], "budgeting");
    assert_eq!(json["items"][0]["status"], "done");
    assert_eq!(json["items"][0]["note"], "ask for a mentor");
    assert_eq!(json["items"][0]["in_ladder"], true);
}

#[test]
fn a_closed_pipe_is_not_a_panic() {
    let sandbox = Sandbox::new();
    sandbox
        .rungs(&["plan", "target", "director"])
        .assert()
        .success();
    for args in [
        &["plan"][..],
        &["plan", "export"],
        &["plan", "export", "--format", "json"],
    ] {
        let mut plan = sandbox.bare_process();
        plan.arg("--plan").arg(sandbox.plan_path()).args(args);
        common_cli::assert_a_closed_stdout_is_a_normal_end(plan);
    }
}

#[test]
fn a_broken_content_folder_is_reported_like_validate_does() {
    let sandbox = Sandbox::new();
    let content = common_cli::fixture("bad/many-problems");
    let output = sandbox
        .rungs(&["--content", &content, "plan"])
        .assert()
        .code(3);
    let stderr = stderr_of(&output);
    assert!(stderr.contains("unknown key `scpoe`"), "{stderr}");
    assert!(stderr.ends_with("5 problems found\n"), "{stderr}");
    assert!(!sandbox.plan_path().exists(), "no plan written");
}

#[test]
fn the_plan_file_comes_from_the_env_or_the_data_folder() {
    let sandbox = Sandbox::new();
    let from_env = sandbox.dir.path().join("env-plan.toml");
    sandbox
        .bare()
        .env("RUNGS_PLAN", &from_env)
        .args(["plan", "add", "budgeting", "--level", "director"])
        .assert()
        .success();
    assert_eq!(read_plan(&from_env).items.len(), 1);

    sandbox
        .bare()
        .args(["plan", "target", "director"])
        .assert()
        .success();
    let default = sandbox
        .dir
        .path()
        .join("data")
        .join("rungs")
        .join("plan.toml");
    assert_eq!(read_plan(&default).target.as_deref(), Some("director"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&default)
            .expect("exists")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn a_folder_that_cannot_hold_the_plan_is_a_clear_error() {
    let sandbox = Sandbox::new();
    let file = sandbox.dir.path().join("a-file");
    std::fs::write(&file, "x").expect("write");
    let out = sandbox
        .bare()
        .arg("--plan")
        .arg(file.join("plan.toml"))
        .args(["plan", "add", "budgeting"])
        .assert()
        .code(3);
    let err = stderr_of(&out);
    assert!(
        err.starts_with("rungs: ") && err.contains("cannot"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn ids_from_the_plan_file_are_escaped_in_messages_and_suggested_once() {
    let sandbox = Sandbox::new();
    for level in ["director", "senior-manager"] {
        sandbox
            .rungs(&["plan", "add", "budgeting", "--level", level])
            .assert()
            .success();
    }
    let out = sandbox
        .rungs(&["plan", "status", "budgetin", "done"])
        .assert()
        .code(2);
    let err = stderr_of(&out);
    assert_eq!(err.matches("`budgeting`").count(), 1, "{err}");

    // A hand-edited item whose level id holds an ESC (a TOML escape, so the file is valid).
    let mut text = std::fs::read_to_string(sandbox.plan_path()).expect("read");
    text.push_str(
        "\n[[items]]\nskill = \"budgeting\"\nlevel = \"old\\u001b[31m\"\nadded = 2026-01-05\n",
    );
    std::fs::write(sandbox.plan_path(), text).expect("write");
    for args in [
        &["plan", "remove", "budgeting"][..],
        &["plan", "remove", "budgeting", "--level", "old"],
    ] {
        let out = sandbox.rungs(args).assert().code(2);
        let err = stderr_of(&out);
        assert!(err.contains("old\\u{1b}[31m"), "{err}");
        assert!(!err.contains('\u{1b}'), "{err:?}");
    }
    let out = sandbox
        .rungs(&["plan", "remove", "budgeting", "--level", "old\u{1b}[31m"])
        .assert()
        .success();
    let said = stdout_of(&out);
    assert!(
        said.starts_with("removed budgeting at old\\u{1b}[31m"),
        "{said}"
    );
    assert_eq!(sandbox.plan().items.len(), 2);
}

#[test]
fn target_clear_takes_the_target_and_its_title_out() {
    let sandbox = Sandbox::new();
    sandbox
        .rungs(&["plan", "target", "director"])
        .assert()
        .success();
    sandbox
        .rungs(&["plan", "add", "budgeting"])
        .assert()
        .success();
    sandbox
        .rungs(&["plan", "target", "--clear"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("target cleared"));
    let plan = sandbox.plan();
    assert_eq!((plan.target, plan.target_title), (None, None));
    assert_eq!(plan.items.len(), 1, "clearing the target keeps the items");
    let text = stdout_of(&sandbox.rungs(&["plan"]).assert().success());
    assert!(text.contains("No target level"), "{text}");
    sandbox
        .rungs(&["plan", "target", "--clear"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("nothing to change"));

    // A level and --clear together, or neither, is a usage error that writes nothing.
    let before = std::fs::read(sandbox.plan_path()).expect("read");
    sandbox
        .rungs(&["plan", "target", "director", "--clear"])
        .assert()
        .code(2);
    sandbox.rungs(&["plan", "target"]).assert().code(2);
    assert_eq!(std::fs::read(sandbox.plan_path()).expect("read"), before);
}
