//! Text output fits the reader's terminal: the terminal's width when stdout is one (asked of
//! the terminal, `COLUMNS` overriding), 80 columns in a pipe, a sane width whatever `COLUMNS`
//! says; colour only on a terminal, and as `--color` and `NO_COLOR` say. `--help` fits 80
//! columns.

mod common_cli;

use std::io::Read;

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use unicode_width::UnicodeWidthStr;

use common_cli::rungs;

/// Runs rungs with `args` in a pseudo-terminal of `columns` columns, without `COLUMNS` unless
/// `env` sets it, and returns everything it printed and its exit code. Reading ends when
/// rungs exits and the terminal closes, so nothing here waits on a clock.
fn in_terminal(columns: u16, args: &[&str], env: &[(&str, &str)]) -> (String, u32) {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 50,
            cols: columns,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("open a pty");
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_rungs"));
    command.args(args);
    for name in ["COLUMNS", "NO_COLOR", "RUNGS_CONTENT", "RUNGS_PLAN"] {
        command.env_remove(name);
    }
    command.env("TERM", "xterm-256color");
    for (key, value) in env {
        command.env(key, value);
    }
    let mut child = pty.slave.spawn_command(command).expect("spawn rungs");
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().expect("pty reader");
    let reading = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let mut chunk = [0u8; 4096];
        // The read fails (EIO) or ends once rungs has exited and the terminal is closed.
        while let Ok(n) = reader.read(&mut chunk) {
            if n == 0 {
                break;
            }
            bytes.extend_from_slice(&chunk[..n]);
        }
        bytes
    });
    let status = child.wait().expect("rungs ends");
    drop(pty.master);
    let bytes = reading.join().expect("reader thread");
    (
        String::from_utf8_lossy(&bytes).replace("\r\n", "\n"),
        status.exit_code(),
    )
}

/// `text` without the terminal's escape sequences (colour, and the cursor queries of a
/// terminal library), which take no columns.
fn visible(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            // CSI: ESC [ parameters… final letter.
            if chars.next() == Some('[') {
                for c in chars.by_ref() {
                    if c.is_ascii_alphabetic() || c == '~' {
                        break;
                    }
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn widest(text: &str) -> usize {
    visible(text)
        .lines()
        .map(UnicodeWidthStr::width)
        .max()
        .unwrap_or(0)
}

fn stdout_of(cmd: &mut assert_cmd::Command) -> String {
    let output = cmd.output().expect("runs");
    assert!(output.status.success(), "{cmd:?}");
    String::from_utf8(output.stdout).expect("UTF-8")
}

#[test]
fn on_a_72_column_terminal_without_columns_text_fits_72() {
    for args in [
        &["show", "director"][..],
        &["compare", "manager", "director"],
        &["skills"],
    ] {
        let (out, code) = in_terminal(72, args, &[("NO_COLOR", "1")]);
        assert_eq!(code, 0, "{args:?}\n{out}");
        let widest = widest(&out);
        assert!(widest <= 72, "{args:?}: a line of {widest} columns\n{out}");
        assert!(
            widest >= 62,
            "{args:?} uses the room it has: {widest}\n{out}"
        );
    }
}

#[test]
fn columns_overrides_the_terminal() {
    let (out, code) = in_terminal(72, &["show", "director"], &[("COLUMNS", "50")]);
    assert_eq!(code, 0);
    assert!(widest(&out) <= 50, "{out}");
}

#[test]
fn a_pipe_gets_80_columns_and_no_colour() {
    for args in [
        &["show", "director"][..],
        &["compare", "manager", "director"],
    ] {
        let out = stdout_of(rungs().args(args));
        let widest = widest(&out);
        assert!((70..=80).contains(&widest), "{args:?}: {widest}\n{out}");
        assert!(!out.contains('\u{1b}'), "no escape codes in a pipe");
    }
}

#[test]
fn a_huge_or_tiny_columns_is_clamped() {
    let huge = stdout_of(
        rungs()
            .env("COLUMNS", "4294967296")
            .args(["show", "director"]),
    );
    let widest_huge = widest(&huge);
    assert!(widest_huge <= 500, "{widest_huge}");
    let tiny = stdout_of(rungs().env("COLUMNS", "3").args(["show", "director"]));
    assert!(tiny.contains("Director"));
    let nonsense = stdout_of(rungs().env("COLUMNS", "wide").args(["show", "director"]));
    assert!(widest(&nonsense) <= 80);
}

#[test]
fn colour_only_on_a_terminal_unless_asked() {
    let (coloured, _) = in_terminal(100, &["show", "director"], &[]);
    assert!(coloured.contains('\u{1b}'), "a terminal gets colour");
    let (plain, _) = in_terminal(100, &["show", "director"], &[("NO_COLOR", "1")]);
    assert!(!plain.contains('\u{1b}'), "NO_COLOR turns it off");
    let (never, _) = in_terminal(100, &["--color", "never", "show", "director"], &[]);
    assert!(!never.contains('\u{1b}'), "--color never");
    let always = stdout_of(rungs().args(["--color", "always", "show", "director"]));
    assert!(always.contains('\u{1b}'), "--color always, even in a pipe");
    let piped = stdout_of(rungs().args(["list"]));
    assert!(!piped.contains('\u{1b}'));
}

#[test]
fn help_fits_80_columns() {
    for args in [
        &["--help"][..],
        &["show", "--help"],
        &["compare", "--help"],
        &["plan", "--help"],
        &["plan", "add", "--help"],
        &["search", "--help"],
        &["completions", "--help"],
    ] {
        let out = stdout_of(rungs().args(args));
        assert!(widest(&out) <= 80, "{args:?}\n{out}");
    }
    let (out, code) = in_terminal(72, &["--help"], &[]);
    assert_eq!(code, 0);
    assert!(widest(&out) <= 72, "{out}");
}

#[test]
fn help_lists_exit_codes_formats_and_examples() {
    let top = stdout_of(rungs().arg("--help"));
    for code in ["0  ", "1  ", "2  ", "3  ", "4  "] {
        assert!(top.contains(code), "exit code {code} listed\n{top}");
    }
    let show = stdout_of(rungs().args(["show", "--help"]));
    assert!(show.contains("markdown") && show.contains("json"), "{show}");
    assert!(show.contains("Examples:"), "{show}");
}

#[test]
fn every_text_output_fits_narrow_widths_too() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = dir.path().join("plan.toml");
    let plan = plan.to_str().expect("UTF-8 path");
    // A plan with a current level, a target, ratings, evidence and a log, so that the commands
    // about you have long lines to fit.
    for args in [
        &["plan", "current", "manager"][..],
        &["plan", "target", "director"],
        &[
            "plan",
            "rate",
            "budgeting",
            "working",
            "--note",
            "ran two budgets",
        ],
        &["plan", "rate", "communication", "expert"],
        &[
            "plan",
            "evidence",
            "budgeting",
            "ran the Q1 forecast for a group of forty people",
            "--link",
            "https://wiki.example.com/a/long/path/to/the/q1-forecast",
        ],
        &["plan", "add", "--gaps", "director"],
    ] {
        rungs().args(args).args(["--plan", plan]).assert().success();
    }
    let theirs = dir.path().join("theirs.toml");
    std::fs::copy(plan, &theirs).expect("copy");
    let theirs = theirs.to_str().expect("UTF-8 path");
    for columns in ["20", "27", "35", "50"] {
        for args in [
            &["show", "director"][..],
            &["show", "c-suite"],
            &["skills"],
            &["list"],
            &["compare", "staff-engineer", "vice-president"],
            &["search", "budget"],
            &["plan", "--plan", plan],
            &["plan", "log", "--plan", plan],
            &["place", "--plan", plan],
            &["compare", "me", "director", "--plan", plan],
            &["checkin", theirs, "--plan", plan],
        ] {
            let out = stdout_of(rungs().env("COLUMNS", columns).args(args));
            let limit: usize = columns.parse().expect("a number");
            assert!(
                widest(&out) <= limit,
                "COLUMNS={columns} {args:?}: a line of {} columns\n{out}",
                widest(&out)
            );
        }
    }
}
