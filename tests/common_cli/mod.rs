//! Helpers the command-line tests share. Kept apart from `tests/common`, which the screen
//! tests use, so these do not show up there as unused code.

// Each test file is its own crate and uses only some of these.
#![allow(dead_code)]

use std::process::Command;

/// `rungs` for `assert_cmd`, with the variables the user may have set removed.
pub fn rungs() -> assert_cmd::Command {
    assert_cmd::Command::from_std(rungs_process())
}

/// The path of a file or folder under `tests/fixtures`.
pub fn fixture(path: &str) -> String {
    format!("{}/tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"))
}

/// `rungs` as a plain process, with the variables the user may have set removed, for tests
/// that wire up stdout themselves.
pub fn rungs_process() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rungs"));
    cmd.env_remove("RUNGS_CONTENT")
        .env_remove("RUNGS_PLAN")
        .env_remove("COLUMNS")
        // The cache of validated ladders goes to a test folder, not the user's.
        .env(
            "XDG_CACHE_HOME",
            std::env::temp_dir().join("rungs-test-cache"),
        );
    cmd
}

/// `rungs … | head -1` after the reader has gone: runs `cmd` with stdout a pipe whose reading
/// end is closed before rungs starts, so every write fails (a reader that merely stops early
/// would leave a few KB in the pipe's buffer and never make the write fail). The command must
/// still exit 0 and say nothing on stderr: a closed pipe is a normal end, not a panic.
pub fn assert_a_closed_stdout_is_a_normal_end(mut cmd: Command) {
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    let output = cmd.stdout(writer).output().expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{cmd:?}\n{stderr}");
    assert!(stderr.is_empty(), "{cmd:?}\n{stderr}");
}
