//! Every exit code, each from a real case: 0 done, 1 a negative answer, 2 usage, 3 an input
//! file that cannot be used, 4 the terminal missing. A script can tell a miss from a failure.

mod common_cli;

use common_cli::{fixture, rungs};

fn code_of(cmd: &mut assert_cmd::Command) -> Option<i32> {
    cmd.output().expect("runs").status.code()
}

#[test]
fn zero_when_done() {
    for args in [
        &["list"][..],
        &["show", "director"],
        &["compare", "manager", "director"],
        &["search", "budget"],
        &["skills"],
        &["validate"],
        &["--help"],
        &["--version"],
        &["man"],
        &["completions", "bash"],
    ] {
        assert_eq!(code_of(rungs().args(args)), Some(0), "{args:?}");
    }
}

#[test]
fn one_for_a_negative_answer() {
    assert_eq!(code_of(rungs().args(["search", "zzzzqqqq"])), Some(1));
    assert_eq!(
        code_of(rungs().args(["validate", &fixture("bad/unknown-skill")])),
        Some(1),
        "validate found problems: an answer, not a failure"
    );
}

#[test]
fn two_for_usage() {
    for args in [
        &["--frobnicate"][..],
        &["show"],
        &["show", "no-such-level"],
        &["show", "software engineer"],
        &["compare", "manager"],
        &["list", "--format", "yaml"],
        &["unknown-command"],
        &["show", "director", "--plan", "p.toml"],
    ] {
        assert_eq!(code_of(rungs().args(args)), Some(2), "{args:?}");
    }
}

#[test]
fn three_for_an_input_file_that_cannot_be_used() {
    let broken = fixture("bad/unknown-skill");
    for args in [&["show", "director"][..], &["list"], &["search", "budget"]] {
        assert_eq!(
            code_of(rungs().arg("--content").arg(&broken).args(args)),
            Some(3),
            "{args:?} on broken content"
        );
    }
    assert_eq!(
        code_of(rungs().args(["--content", "/no/such/folder", "list"])),
        Some(3)
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = dir.path().join("plan.toml");
    std::fs::write(&plan, "version = 1\nstauts = \"x\"\n").expect("write");
    assert_eq!(
        code_of(rungs().arg("--plan").arg(&plan).arg("plan")),
        Some(3),
        "an invalid plan"
    );
}

#[test]
fn four_when_the_explorer_has_no_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    assert_eq!(
        code_of(
            rungs()
                .env("HOME", dir.path())
                .env("XDG_CONFIG_HOME", dir.path())
        ),
        Some(4)
    );
}
