//! More of the plan from the command line: rating on a ladder's own scale, and the explorer's
//! `--checkin FILE` (read, and refused when malformed, before any terminal is needed).

mod common_cli;

use common_cli::{fixture, rungs};

struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Sandbox {
        Sandbox {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    fn path(&self, name: &str) -> std::path::PathBuf {
        self.dir.path().join(name)
    }

    fn rungs(&self, args: &[&str]) -> assert_cmd::Command {
        let mut cmd = rungs();
        cmd.env("HOME", self.path("home"))
            .env("XDG_DATA_HOME", self.path("data"))
            .env("XDG_STATE_HOME", self.path("state"))
            .arg("--plan")
            .arg(self.path("plan.toml"))
            .args(args);
        cmd
    }
}

fn stderr_of(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&assert.get_output().stderr).into_owned()
}

#[test]
fn plan_rate_takes_the_steps_of_a_ladder_that_defines_its_own_scale() {
    let sandbox = Sandbox::new();
    let content = fixture("v2/scale-rubric");
    sandbox
        .rungs(&[
            "plan",
            "rate",
            "negotiation",
            "practising",
            "--content",
            &content,
        ])
        .assert()
        .success();
    let text = std::fs::read_to_string(sandbox.path("plan.toml")).expect("plan written");
    let plan = rungs::plan::parse("plan.toml", &text).expect("a valid plan");
    assert_eq!(
        plan.rating("negotiation").map(|r| r.step.as_str()),
        Some("practising")
    );

    // A step of the built-in scale is not a step of this one: exit 2, the scale's steps named,
    // nothing written.
    let before = std::fs::read(sandbox.path("plan.toml")).expect("plan");
    let assert = sandbox
        .rungs(&[
            "plan",
            "rate",
            "negotiation",
            "working",
            "--content",
            &content,
        ])
        .assert()
        .code(2);
    let stderr = stderr_of(&assert);
    assert!(
        stderr.contains("aware, learning, practising, leading, shaping"),
        "{stderr}"
    );
    assert!(stderr.contains("working"), "{stderr}");
    assert_eq!(
        std::fs::read(sandbox.path("plan.toml")).expect("plan"),
        before
    );
}

#[test]
fn checkin_flag_refuses_a_malformed_file_with_its_place_and_writes_nothing() {
    let sandbox = Sandbox::new();
    let plan = "version = 2\ntarget = \"director\"\n";
    std::fs::write(sandbox.path("plan.toml"), plan).expect("plan");
    let bad = sandbox.path("bad.toml");
    let bad_text = "version = 2\n\n[[ratings]]\nskill = \"x\"\nstep = 3\n";
    std::fs::write(&bad, bad_text).expect("bad");
    let bad_arg = bad.to_str().expect("utf-8");
    // 3: an input file cannot be used (as for `rungs checkin FILE`).
    let assert = sandbox.rungs(&["--checkin", bad_arg]).assert().code(3);
    let stderr = stderr_of(&assert);
    assert!(stderr.contains("bad.toml:5:8: invalid type"), "{stderr}");
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(sandbox.path("plan.toml")).expect("plan"),
        plan
    );
    assert_eq!(std::fs::read_to_string(&bad).expect("bad"), bad_text);

    // A file that is not there is named.
    let missing = sandbox.path("missing.toml");
    let assert = sandbox
        .rungs(&["--checkin", missing.to_str().expect("utf-8")])
        .assert()
        .code(3);
    assert!(stderr_of(&assert).contains("missing.toml"));
}

#[test]
fn checkin_flag_reads_a_good_file_and_then_needs_a_terminal() {
    let sandbox = Sandbox::new();
    let theirs = sandbox.path("theirs.toml");
    std::fs::write(
        &theirs,
        "version = 2\n\n[[ratings]]\nskill = \"budgeting\"\nstep = \"basic\"\ndate = 2026-02-20\n",
    )
    .expect("theirs");
    // Without a terminal the explorer does not start: the file itself was fine.
    let assert = sandbox
        .rungs(&["--checkin", theirs.to_str().expect("utf-8")])
        .assert()
        .failure();
    let stderr = stderr_of(&assert);
    assert!(stderr.contains("needs a terminal"), "{stderr}");
    assert!(!sandbox.path("plan.toml").exists(), "nothing written");
}

#[test]
fn checkin_flag_is_for_the_explorer_only() {
    let assert = rungs()
        .args(["--checkin", "theirs.toml", "list"])
        .assert()
        .code(2);
    assert!(stderr_of(&assert).contains("rungs checkin FILE"));
}
