//! `rungs plan …` run as a binary, always on a plan file in a temporary folder (never the real
//! home: HOME and XDG_DATA_HOME point into the temporary folder too).

mod common_cli;
#[cfg(target_os = "linux")]
mod renames;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use rungs::plan::{Edit, Plan, Status, parse};

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

// ----------------------------------------------------------------------------------------
// You on the ladder: current level, ratings, placement, gaps, evidence, log, check-in, export

/// A plan file (version 2) rating `ratings` (skill, step), with an optional target.
fn rated_plan_text(target: Option<&str>, ratings: &[(&str, &str)]) -> String {
    let mut plan = Plan {
        target: target.map(str::to_owned),
        ..Plan::default()
    };
    let date: toml::value::Datetime = "2026-01-05".parse().expect("date");
    for (skill, step) in ratings {
        plan.apply_on(&Edit::rate(&plan, skill, None, step, None, date), date);
    }
    rungs::plan::to_toml(&plan).expect("encodes")
}

fn json_of(assert: &assert_cmd::assert::Assert) -> serde_json::Value {
    serde_json::from_slice(&assert.get_output().stdout).expect("JSON")
}

/// Every expectation of `level` at exactly its step.
fn meeting(level: &str) -> Vec<(String, String)> {
    let ladder = rungs::Ladder::embedded().expect("ladder");
    let scale = rungs::plan::RatingScale::of(&ladder);
    ladder
        .level(level)
        .expect("level")
        .skills
        .iter()
        .filter_map(|r| {
            let step = scale.name(scale.expected(r)?)?;
            Some((r.skill.clone(), step.to_owned()))
        })
        .collect()
}

#[test]
fn current_sets_and_clears_the_level_you_hold() {
    let sandbox = Sandbox::new();
    sandbox
        .rungs(&["plan", "current", "manager"])
        .assert()
        .success()
        .stdout(predicate::str::contains("current level set to manager"));
    let plan = sandbox.plan();
    assert_eq!(plan.version, 2);
    assert_eq!(plan.current.as_deref(), Some("manager"));
    assert!(plan.current_title.is_some());
    let out = sandbox
        .rungs(&["plan", "current", "mangaer"])
        .assert()
        .code(2);
    assert!(stderr_of(&out).contains("did you mean `manager`"));
    sandbox
        .rungs(&["plan", "current", "--clear"])
        .assert()
        .success();
    let plan = sandbox.plan();
    assert_eq!((plan.current, plan.current_title), (None, None));
    let changes: Vec<(Option<String>, Option<String>)> = plan
        .log
        .iter()
        .map(|e| (e.from.clone(), e.to.clone()))
        .collect();
    assert_eq!(
        changes,
        [
            (None, Some("manager".into())),
            (Some("manager".into()), None)
        ]
    );
}

#[test]
fn rate_keeps_a_dated_rating_with_its_note() {
    let sandbox = Sandbox::new();
    sandbox
        .rungs(&[
            "plan",
            "rate",
            "budgeting",
            "working",
            "--note",
            "ran two budgets",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("rated budgeting at working"));
    sandbox
        .rungs(&["plan", "rate", "budgeting", "advanced"])
        .assert()
        .success();
    let plan = sandbox.plan();
    let rating = plan.rating("budgeting").expect("rated");
    assert_eq!(rating.step, "advanced");
    assert_eq!(rating.note, "ran two budgets", "no --note keeps the note");
    assert_eq!(rating.date, rungs::plan::today());
    assert_eq!(
        rating.skill_name.as_deref(),
        Some("Budget and resource planning")
    );
    let steps: Vec<(Option<&str>, Option<&str>)> = plan
        .log
        .iter()
        .map(|e| (e.from.as_deref(), e.to.as_deref()))
        .collect();
    assert_eq!(
        steps,
        [(None, Some("working")), (Some("working"), Some("advanced"))]
    );
}

#[test]
fn unknown_skill_or_step_names_exit_2_name_the_choices_and_write_nothing() {
    let sandbox = Sandbox::new();
    let out = sandbox
        .rungs(&["plan", "rate", "budgeting", "guru"])
        .assert()
        .code(2);
    let err = stderr_of(&out);
    assert!(err.contains("no step `guru`"), "{err}");
    assert!(err.contains("basic, working, advanced, expert"), "{err}");
    let out = sandbox
        .rungs(&["plan", "rate", "budgetting", "working"])
        .assert()
        .code(2);
    assert!(stderr_of(&out).contains("did you mean `budgeting`"));
    // A step name from the terminal is escaped when quoted back.
    let out = sandbox
        .rungs(&["plan", "rate", "budgeting", "\u{1b}[31mred"])
        .assert()
        .code(2);
    assert!(!stderr_of(&out).contains('\u{1b}'));
    assert!(!sandbox.plan_path().exists(), "nothing was written");
}

#[test]
fn place_json_has_the_documented_shape_and_meeting_a_rung_places_you_there() {
    let sandbox = Sandbox::new();
    let ratings = meeting("manager");
    let pairs: Vec<(&str, &str)> = ratings
        .iter()
        .map(|(s, p)| (s.as_str(), p.as_str()))
        .collect();
    std::fs::write(sandbox.plan_path(), rated_plan_text(None, &pairs)).expect("write");
    let json = json_of(
        &sandbox
            .rungs(&["place", "--format", "json"])
            .assert()
            .success(),
    );
    let object = json.as_object().expect("object");
    assert_eq!(object.keys().collect::<Vec<_>>(), ["tracks"]);
    let tracks = json["tracks"].as_array().expect("tracks");
    let ladder = rungs::Ladder::embedded().expect("ladder");
    assert_eq!(tracks.len(), ladder.tracks().len());
    for track in tracks {
        let mut keys: Vec<&String> = track.as_object().expect("track").keys().collect();
        keys.sort();
        assert_eq!(keys, ["levels", "placed", "track"]);
        for level in track["levels"].as_array().expect("levels") {
            let mut keys: Vec<&String> = level.as_object().expect("level").keys().collect();
            keys.sort();
            assert_eq!(keys, ["fit", "level", "met", "of"]);
            let fit = level["fit"].as_f64().expect("fit");
            assert!((0.0..=1.0).contains(&fit));
        }
    }
    let management = tracks
        .iter()
        .find(|t| t["track"] == "management")
        .expect("management track");
    let placed = management["placed"].as_str().expect("placed somewhere");
    let rank = |id: &str| ladder.level(id).expect("level").rank;
    assert!(rank(placed) >= rank("manager"), "placed at {placed}");
    let manager = management["levels"]
        .as_array()
        .expect("levels")
        .iter()
        .find(|l| l["level"] == "manager")
        .expect("manager");
    assert_eq!(manager["fit"], 1.0);
    assert_eq!(manager["met"], manager["of"]);

    // No ratings: placed nowhere, said in text.
    let empty = Sandbox::new();
    let json = json_of(
        &empty
            .rungs(&["place", "--format", "json"])
            .assert()
            .success(),
    );
    assert!(
        json["tracks"]
            .as_array()
            .expect("tracks")
            .iter()
            .all(|t| t["placed"].is_null())
    );
    let text = stdout_of(&empty.rungs(&["place"]).assert().success());
    assert!(text.contains("You have not rated any skill yet"), "{text}");
    assert!(text.contains("not placed"), "{text}");
    assert!(!empty.plan_path().exists(), "place never writes");
}

#[test]
fn compare_me_lists_gaps_largest_first_and_add_gaps_plans_them() {
    let sandbox = Sandbox::new();
    std::fs::write(
        sandbox.plan_path(),
        rated_plan_text(
            None,
            &[("budgeting", "working"), ("communication", "expert")],
        ),
    )
    .expect("write");
    let json = json_of(
        &sandbox
            .rungs(&["compare", "me", "director", "--format", "json"])
            .assert()
            .success(),
    );
    let gaps = json["gaps"].as_array().expect("gaps");
    let sizes: Vec<u64> = gaps
        .iter()
        .map(|g| g["steps_short"].as_u64().expect("n"))
        .collect();
    assert!(sizes.windows(2).all(|w| w[0] >= w[1]), "{sizes:?}");
    let budgeting = gaps
        .iter()
        .find(|g| g["skill"] == "budgeting")
        .expect("a gap");
    assert_eq!(budgeting["have"], "working");
    assert_eq!(budgeting["asks"], "advanced");
    assert!(
        gaps.iter().all(|g| g["skill"] != "communication"),
        "met is not a gap"
    );
    assert_eq!(
        json["met"].as_u64().expect("met") + gaps.len() as u64,
        json["of"].as_u64().expect("of")
    );
    let text = stdout_of(
        &sandbox
            .rungs(&["compare", "me", "director"])
            .assert()
            .success(),
    );
    assert!(text.contains("You against Director (director)"), "{text}");
    assert!(
        text.contains("●●●○ expected · ●●○○ you · Budget and resource planning"),
        "{text}"
    );
    let md = stdout_of(
        &sandbox
            .rungs(&["compare", "me", "director", "--format", "markdown"])
            .assert()
            .success(),
    );
    assert!(
        md.contains("| Budget and resource planning (`budgeting`) | advanced | working | 1 |"),
        "{md}"
    );
    sandbox
        .rungs(&["compare", "me", "directr"])
        .assert()
        .code(2);

    #[cfg(target_os = "linux")]
    let renames = renames::Renames::watch(sandbox.dir.path());
    sandbox
        .rungs(&["plan", "add", "--gaps", "director"])
        .assert()
        .success()
        .stdout(predicate::str::contains(format!(
            "{} gaps of director",
            gaps.len()
        )));
    #[cfg(target_os = "linux")]
    let saves = renames.onto("plan.toml");
    let plan = sandbox.plan();
    assert_eq!(plan.items.len(), gaps.len());
    assert!(plan.items.iter().all(|i| i.level == "director"));
    #[cfg(target_os = "linux")]
    assert_eq!(saves, 1, "every gap added in one save");
    sandbox
        .rungs(&["plan", "add", "--gaps", "director"])
        .assert()
        .success()
        .stdout(predicate::str::contains("nothing to change"));
    sandbox
        .rungs(&["plan", "add", "budgeting", "--gaps", "director"])
        .assert()
        .code(2);
}

#[test]
fn evidence_goes_to_the_rating_or_to_a_plan_item() {
    let sandbox = Sandbox::new();
    let out = sandbox
        .rungs(&["plan", "evidence", "budgeting", "ran the Q1 forecast"])
        .assert()
        .code(2);
    assert!(stderr_of(&out).contains("not rated `budgeting` yet"));
    assert!(!sandbox.plan_path().exists());
    sandbox
        .rungs(&["plan", "rate", "budgeting", "working"])
        .assert()
        .success();
    sandbox
        .rungs(&[
            "plan",
            "evidence",
            "budgeting",
            "ran the Q1 forecast",
            "--link",
            "https://wiki.example.com/q1",
        ])
        .assert()
        .success();
    sandbox
        .rungs(&["plan", "add", "budgeting", "--level", "director"])
        .assert()
        .success();
    sandbox
        .rungs(&[
            "plan",
            "evidence",
            "budgeting",
            "owned a budget",
            "--level",
            "director",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "evidence added to budgeting at director",
        ));
    sandbox
        .rungs(&["plan", "evidence", "budgeting", "x", "--level", "manager"])
        .assert()
        .code(2);
    let plan = sandbox.plan();
    let on_rating = &plan.rating("budgeting").expect("rated").evidence;
    assert_eq!(on_rating.len(), 1);
    assert_eq!(
        on_rating[0].link.as_deref(),
        Some("https://wiki.example.com/q1")
    );
    assert_eq!(on_rating[0].date, rungs::plan::today());
    let on_item = &plan.item("budgeting", "director").expect("item").evidence;
    assert_eq!(on_item.len(), 1);
    assert_eq!(on_item[0].link, None);

    // `rungs plan` shows the ratings, the evidence and the rating beside each item.
    // Wide, so that each line reads whole (a pipe gets 80 columns).
    let text = stdout_of(
        &sandbox
            .rungs(&["plan"])
            .env("COLUMNS", "200")
            .assert()
            .success(),
    );
    assert!(
        text.contains(
            "Your ratings (1)\n  ●●○○ working · Budget and resource planning (budgeting)"
        ),
        "{text}"
    );
    assert!(text.contains("· 1 piece of evidence"), "{text}");
    assert!(text.contains("· ●●●○ expected · ●●○○ you\n"), "{text}");
    assert!(text.contains(" owned a budget\n"), "{text}");

    // The log, newest first, in text and JSON.
    let text = stdout_of(
        &sandbox
            .rungs(&["plan", "log"])
            .env("COLUMNS", "200")
            .assert()
            .success(),
    );
    let first = text.lines().next().expect("a line");
    assert!(
        first.contains(
            "evidence for Budget and resource planning (budgeting) at director: “owned a budget”"
        ),
        "{text}"
    );
    assert!(
        text.lines().last().expect("a line").contains("rating of"),
        "{text}"
    );
    let json = json_of(
        &sandbox
            .rungs(&["plan", "log", "--format", "json"])
            .assert()
            .success(),
    );
    let changes: Vec<&str> = json["log"]
        .as_array()
        .expect("log")
        .iter()
        .map(|e| e["change"].as_str().expect("change"))
        .collect();
    assert_eq!(changes, ["evidence", "added", "evidence", "rating"]);
}

#[test]
fn checkin_flags_disagreements_first_and_changes_neither_file() {
    let sandbox = Sandbox::new();
    let mine = rated_plan_text(
        Some("director"),
        &[("budgeting", "working"), ("communication", "advanced")],
    );
    let theirs = rated_plan_text(
        None,
        &[("budgeting", "expert"), ("communication", "advanced")],
    );
    let their_path = sandbox.dir.path().join("manager-view.toml");
    std::fs::write(sandbox.plan_path(), &mine).expect("write");
    std::fs::write(&their_path, &theirs).expect("write");
    let their_arg = their_path.to_str().expect("utf-8");

    let text = stdout_of(&sandbox.rungs(&["checkin", their_arg]).assert().success());
    assert!(text.contains("1 disagreement"), "{text}");
    let flagged = text
        .lines()
        .find(|l| l.starts_with("  ⚠"))
        .expect("a flagged row");
    assert!(
        flagged.contains("working")
            && flagged.contains("expert")
            && flagged.contains("(budgeting)"),
        "{text}"
    );
    let first_row = text
        .lines()
        .skip_while(|l| !l.contains("skill"))
        .nth(1)
        .expect("rows");
    assert_eq!(first_row, flagged, "disagreements first: {text}");

    let json = json_of(
        &sandbox
            .rungs(&["checkin", their_arg, "--format", "json"])
            .assert()
            .success(),
    );
    assert_eq!(json["target"], "director");
    assert_eq!(json["skills"][0]["skill"], "budgeting");
    assert_eq!(json["skills"][0]["difference"], 2);
    assert_eq!(json["skills"][0]["expected"], "advanced");
    let md = stdout_of(
        &sandbox
            .rungs(&["checkin", their_arg, "--format", "markdown"])
            .assert()
            .success(),
    );
    assert!(
        md.contains(
            "| ⚠ | Budget and resource planning (`budgeting`) | working | expert | advanced |"
        ),
        "{md}"
    );

    assert_eq!(
        std::fs::read_to_string(sandbox.plan_path()).expect("read"),
        mine
    );
    assert_eq!(std::fs::read_to_string(&their_path).expect("read"), theirs);
}

#[test]
fn a_malformed_checkin_file_is_located_and_nothing_is_written() {
    let sandbox = Sandbox::new();
    let mine = rated_plan_text(Some("director"), &[("budgeting", "working")]);
    std::fs::write(sandbox.plan_path(), &mine).expect("write");
    let bad = sandbox.dir.path().join("bad.toml");
    std::fs::write(
        &bad,
        "version = 2\n\n[[ratings]]\nskill = \"budgeting\"\nstep = 3\n",
    )
    .expect("write");
    let bad_arg = bad.to_str().expect("utf-8");
    for args in [
        vec!["checkin", bad_arg],
        vec!["plan", "export", "--checkin", bad_arg],
        vec!["plan", "export", "--format", "json", "--checkin", bad_arg],
    ] {
        // 3: an input file cannot be used.
        let out = sandbox.rungs(&args).assert().code(3);
        let err = stderr_of(&out);
        assert!(
            err.contains("bad.toml:5:8: invalid type"),
            "{args:?}: {err}"
        );
        assert!(err.contains("nothing was written"), "{err}");
        assert!(out.get_output().stdout.is_empty(), "{args:?}");
    }
    let missing = sandbox.dir.path().join("absent.toml");
    let out = sandbox
        .rungs(&["checkin", missing.to_str().expect("utf-8")])
        .assert()
        .code(3);
    assert!(stderr_of(&out).contains("cannot read the check-in file"));
    // A folder is not a plan file: refused before reading, exit 3.
    let out = sandbox
        .rungs(&["checkin", sandbox.dir.path().to_str().expect("utf-8")])
        .assert()
        .code(3);
    assert!(stderr_of(&out).contains("nothing was written"));
    assert_eq!(
        std::fs::read_to_string(sandbox.plan_path()).expect("read"),
        mine
    );
    let files = std::fs::read_dir(sandbox.dir.path()).expect("dir").count();
    assert_eq!(files, 2, "no file was created");
}

#[test]
fn export_is_the_promotion_case() {
    let sandbox = Sandbox::new();
    sandbox
        .rungs(&["plan", "current", "manager"])
        .assert()
        .success();
    sandbox
        .rungs(&["plan", "target", "director"])
        .assert()
        .success();
    sandbox
        .rungs(&[
            "plan",
            "rate",
            "budgeting",
            "working",
            "--note",
            "two budgets",
        ])
        .assert()
        .success();
    sandbox
        .rungs(&[
            "plan",
            "evidence",
            "budgeting",
            "ran the Q1 forecast",
            "--link",
            "https://wiki.example.com/q1",
        ])
        .assert()
        .success();
    let their_path = sandbox.dir.path().join("theirs.toml");
    std::fs::write(
        &their_path,
        rated_plan_text(None, &[("budgeting", "expert")]),
    )
    .expect("write");
    let their_arg = their_path.to_str().expect("utf-8");

    let md = stdout_of(
        &sandbox
            .rungs(&["plan", "export", "--checkin", their_arg])
            .assert()
            .success(),
    );
    assert!(md.starts_with("# Development plan\n"), "{md}");
    assert!(md.contains("**Current level:** "), "{md}");
    assert!(md.contains("(`manager`)"), "{md}");
    assert!(
        md.contains("**Target level:** Director (`director`)"),
        "{md}"
    );
    assert!(md.contains("## Where my ratings place me"), "{md}");
    assert!(md.contains("## Gaps to the target"), "{md}");
    assert!(
        md.contains("| Budget and resource planning (`budgeting`) | advanced | working | 1 |"),
        "{md}"
    );
    assert!(md.contains("## Check-in disagreements\n\n- Budget and resource planning (`budgeting`): I say working, they say expert"), "{md}");
    assert!(
        md.contains("- ") && md.contains(": ran the Q1 forecast <https://wiki.example.com/q1>"),
        "{md}"
    );
    assert!(md.contains("> two budgets"), "{md}");

    let json = json_of(
        &sandbox
            .rungs(&["plan", "export", "--format", "json", "--checkin", their_arg])
            .assert()
            .success(),
    );
    assert_eq!(json["current"]["id"], "manager");
    assert_eq!(json["target"]["id"], "director");
    assert!(json["placement"]["tracks"].is_array());
    let gaps = json["gaps"].as_array().expect("gaps");
    assert_eq!(
        json["target_fit"]["of"].as_u64().expect("of")
            - json["target_fit"]["met"].as_u64().expect("met"),
        gaps.len() as u64
    );
    let budgeting = json["skills"]
        .as_array()
        .expect("skills")
        .iter()
        .find(|s| s["skill"] == "budgeting")
        .expect("budgeting");
    assert_eq!(budgeting["rating"]["step"], "working");
    assert_eq!(
        budgeting["evidence"][0]["link"],
        "https://wiki.example.com/q1"
    );
    assert_eq!(budgeting["checkin"]["theirs"], "expert");
    assert_eq!(budgeting["checkin"]["disagree"], true);
    assert_eq!(json["checkin"]["disagreements"], 1);
    // Without --checkin there is no check-in section.
    let md = stdout_of(&sandbox.rungs(&["plan", "export"]).assert().success());
    assert!(!md.contains("Check-in"), "{md}");
}

#[test]
fn the_plan_shows_the_weekly_share_of_the_target_met() {
    let sandbox = Sandbox::new();
    sandbox
        .rungs(&["plan", "target", "director"])
        .assert()
        .success();
    let text = stdout_of(&sandbox.rungs(&["plan"]).assert().success());
    assert!(!text.contains("by week"), "no ratings, no history: {text}");
    sandbox
        .rungs(&["plan", "rate", "communication", "expert"])
        .assert()
        .success();
    let text = stdout_of(&sandbox.rungs(&["plan"]).assert().success());
    let line = text
        .lines()
        .find(|l| l.contains("expectations met, by week: "))
        .expect("a weekly line");
    // Rated today: one week, one expectation of the director's met.
    assert!(
        line.contains("█ 1 of ") || line.contains("▁ 1 of "),
        "{line}"
    );
    assert!(line.contains("1 of 23 → 1 of 23"), "{line}");
}
