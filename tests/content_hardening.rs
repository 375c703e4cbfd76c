//! Hostile content folders and config files: long lines and ids, FIFOs, devices, huge files
//! and absurd numbers end in a located problem, never a panic, a hang or a memory blow-up.

mod common_cli;

use std::path::{Path, PathBuf};

use common_cli::{fixture, rungs};

const VALID: &str = "valid/ladder.toml";

/// A copy of the valid fixture folder, with `ladder.toml` changed by `edit`.
fn folder_with(edit: impl FnOnce(String) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string(fixture(VALID)).expect("fixture");
    std::fs::write(dir.path().join("ladder.toml"), edit(text)).expect("write");
    dir
}

fn validate(dir: &Path) -> (Option<i32>, String) {
    let output = rungs().args(["validate"]).arg(dir).output().expect("runs");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned()
            + &String::from_utf8_lossy(&output.stdout),
    )
}

#[test]
fn a_problem_past_column_65535_is_reported_with_a_short_excerpt() {
    let dir = folder_with(|text| {
        text.replace(
            "summary = \"Runs one support shift",
            &format!(
                "summary = \"{}\", oops = 1\nx = \"Runs one support shift",
                "a".repeat(70_000)
            ),
        )
    });
    let (code, out) = validate(dir.path());
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("ladder.toml:"), "{out}");
    assert!(
        out.lines().all(|l| l.chars().count() < 300),
        "the excerpt is cut to the problem's neighbourhood"
    );
    assert!(out.contains('…'), "and the cut is marked: {out}");
}

#[test]
fn a_70000_character_id_is_a_located_problem_not_a_panic() {
    let long = format!("support-{}", "x".repeat(70_000));
    let dir = folder_with(|text| text.replace("\"support-lead\"", &format!("\"{long}\"")));
    let (code, out) = validate(dir.path());
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("at most 64"), "{out}");
    assert!(
        out.len() < 2_000,
        "the id is cut in the message: {} bytes",
        out.len()
    );

    let listed = rungs()
        .args(["list", "--content"])
        .arg(dir.path())
        .output()
        .expect("runs");
    assert_eq!(
        listed.status.code(),
        Some(3),
        "refused as unusable content, not a panic (101)"
    );
}

#[test]
fn years_past_the_maximum_are_located() {
    let dir = folder_with(|text| {
        text.replace(
            "field = { min = 2, max = 4 }",
            "field = { min = 4294967295 }",
        )
    });
    let (code, out) = validate(dir.path());
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("`experience.field.min` is 4294967295; at most 60"),
        "{out}"
    );
    assert!(out.contains("ladder.toml:"), "located: {out}");
}

#[cfg(unix)]
#[test]
fn a_fifo_named_toml_is_refused_by_name_without_waiting() {
    let dir = folder_with(|text| text);
    let fifo = dir.path().join("zz-waiting.toml");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo")
            .success()
    );
    // No writer ever opens the FIFO: a read would wait for ever, and the test with it.
    let (code, out) = validate(dir.path());
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("zz-waiting.toml: cannot read: not a regular file (a FIFO)"),
        "{out}"
    );
}

#[cfg(unix)]
#[test]
fn a_content_file_linked_to_dev_zero_is_refused_without_reading() {
    let dir = folder_with(|text| text);
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.toml")).expect("symlink");
    let (code, out) = validate(dir.path());
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("zero.toml: cannot read: not a regular file (a device)"),
        "{out}"
    );
}

#[test]
fn an_oversized_content_file_is_refused_before_it_is_parsed() {
    let dir = folder_with(|text| text);
    let big: PathBuf = dir.path().join("big.toml");
    std::fs::File::create(&big)
        .expect("create")
        .set_len(50 * 1024 * 1024)
        .expect("sparse 50 MB");
    let (code, out) = validate(dir.path());
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("big.toml: cannot read: too large: 50.0 MB"),
        "{out}"
    );
}

#[test]
fn a_fifo_or_device_as_the_plan_is_refused_by_name() {
    #[cfg(unix)]
    {
        let dir = tempfile::tempdir().expect("temp dir");
        let fifo = dir.path().join("plan.toml");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .expect("mkfifo")
                .success()
        );
        let output = rungs()
            .args(["plan", "--plan"])
            .arg(&fifo)
            .output()
            .expect("runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(3), "{stderr}");
        assert!(stderr.contains("not a regular file (a FIFO)"), "{stderr}");
    }
}

#[test]
fn deep_nesting_is_located() {
    for (text, expect) in [
        (
            format!("a = 1\n{} = 1\n", vec!["x"; 100_000].join(".")),
            "ladder.toml:2:1: a dotted key with 80 or more parts nests too deep",
        ),
        (format!("a = {}\n", "[".repeat(5_000)), "ladder.toml:1:"),
    ] {
        let dir = folder_with(|_| text);
        let (code, out) = validate(dir.path());
        assert_eq!(code, Some(1), "{out}");
        assert!(out.contains(expect), "{out}");
        assert!(out.len() < 2_000, "short: {out}");
    }
}

#[cfg(unix)]
#[test]
fn a_fifo_or_a_huge_file_as_the_config_is_refused_by_name() {
    use rungs::tui::config::Settings;
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("config\u{1b}]0;pwned\u{7}.toml");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo")
            .success()
    );
    let error = Settings::load(false, Some(&fifo)).expect_err("a FIFO");
    let message = error.to_string();
    assert!(message.contains("not a regular file (a FIFO)"), "{message}");
    assert!(
        !message.chars().any(char::is_control),
        "the path is escaped: {message:?}"
    );

    let big = dir.path().join("config.toml");
    std::fs::File::create(&big)
        .expect("create")
        .set_len(50 * 1024 * 1024)
        .expect("sparse");
    let error = Settings::load(false, Some(&big)).expect_err("too large");
    assert!(error.to_string().contains("too large"), "{error}");
}

#[test]
fn a_megabyte_long_text_is_a_located_problem() {
    let dir = folder_with(|text| {
        text.replace(
            "summary = \"Runs one support shift",
            &format!(
                "summary = \"{} Runs one support shift",
                "word ".repeat(200_000)
            ),
        )
    });
    let (code, out) = validate(dir.path());
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("text of 1000052 characters; at most 10000"),
        "{out}"
    );
    assert!(out.len() < 2_000, "short: {} bytes", out.len());
}
