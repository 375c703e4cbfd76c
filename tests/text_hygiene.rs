//! No string from a file, an argument or the environment reaches stdout or stderr with a
//! terminal command or invisible formatting in it: JSON included.

mod common_cli;

use common_cli::{fixture, rungs};

/// Bytes a terminal acts on: C0 controls but line breaks and tabs, DEL, and C1 controls as
/// UTF-8 (U+0080–U+009F), and the invisible ones these tests use: bidi controls, zero-width space.
fn assert_inert(output: &[u8], what: &str) {
    let text = String::from_utf8_lossy(output);
    let bad: Vec<char> = text
        .chars()
        .filter(|&c| {
            (c.is_control() && !matches!(c, '\n' | '\t'))
                || matches!(c, '\u{200b}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        })
        .collect();
    assert!(bad.is_empty(), "{what} carries {bad:?}:\n{text}");
}

#[test]
fn plan_export_json_escapes_c1_and_bidi_in_a_note() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = dir.path().join("plan.toml");
    std::fs::write(
        &plan,
        "version = 1\n\n[[items]]\nskill = \"budgeting\"\nlevel = \"director\"\n\
         status = \"planned\"\nnote = \"a \\u009B31m red \\u202E txt.exe\"\nadded = 2026-01-05\n",
    )
    .expect("plan");
    for format in ["json", "markdown"] {
        let output = rungs()
            .args(["plan", "export", "--format", format, "--plan"])
            .arg(&plan)
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(0));
        assert_inert(&output.stdout, format);
        if format == "json" {
            let text = String::from_utf8_lossy(&output.stdout);
            assert!(text.contains("\\u009b31m red \\u202e txt.exe"), "{text}");
            let value: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
            assert_eq!(
                value["items"][0]["note"], "a \u{9b}31m red \u{202e} txt.exe",
                "a JSON reader gets the note back exactly"
            );
        }
    }
    // Shown in the text listing too, escaped.
    let output = rungs()
        .args(["plan", "--plan"])
        .arg(&plan)
        .output()
        .expect("runs");
    assert_inert(&output.stdout, "plan text");
}

#[test]
fn search_json_escapes_a_c1_query() {
    let output = rungs()
        .args(["search", "--format", "json", "budget\u{9b}2J"])
        .output()
        .expect("runs");
    assert_inert(&output.stdout, "stdout");
    assert_inert(&output.stderr, "stderr");
    assert!(
        String::from_utf8_lossy(&output.stdout).contains("budget\\u009b2J"),
        "the query is echoed, escaped"
    );
}

#[test]
fn validate_escapes_a_folder_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let hostile = dir.path().join("x\u{1b}]0;pwned\u{7}");
    std::fs::create_dir(&hostile).expect("folder");
    std::fs::copy(fixture("valid/ladder.toml"), hostile.join("ladder.toml")).expect("copy");
    let output = rungs()
        .arg("validate")
        .arg(&hostile)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0));
    assert_inert(&output.stdout, "ok line");
    assert!(String::from_utf8_lossy(&output.stdout).contains("x\\u{1b}]0;pwned\\u{7}: ok"));

    let missing = dir.path().join("gone\u{1b}[2J");
    let output = rungs()
        .arg("validate")
        .arg(&missing)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    assert_inert(&output.stderr, "error");
}

#[test]
fn bidi_and_zero_width_characters_in_content_are_located_problems() {
    for (c, name) in [
        ('\u{202e}', "202E"),
        ('\u{200b}', "200B"),
        ('\u{2067}', "2067"),
    ] {
        let dir = tempfile::tempdir().expect("temp dir");
        let text = std::fs::read_to_string(fixture("valid/ladder.toml"))
            .expect("fixture")
            .replace("Support lead", &format!("Support{c} lead"));
        std::fs::write(dir.path().join("ladder.toml"), text).expect("write");
        let output = rungs()
            .arg("validate")
            .arg(dir.path())
            .output()
            .expect("runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{stderr}");
        assert!(
            stderr.contains(&format!("invisible formatting character U+{name}")),
            "{stderr}"
        );
        assert!(stderr.contains("ladder.toml:"), "located: {stderr}");
        assert_inert(&output.stderr, "the excerpt");
    }
}

#[test]
fn ratings_evidence_and_the_log_from_a_plan_file_are_inert_everywhere() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = dir.path().join("plan.toml");
    // Every v2 field a person (or someone else's check-in file) could fill with a terminal
    // command or invisible formatting.
    let bad = "a \\u009B31m red \\u202E txt.exe \\u001B[2J";
    std::fs::write(
        &plan,
        format!(
            "version = 2\ncurrent = \"{bad}\"\ntarget = \"director\"\n\n\
             [[items]]\nskill = \"budgeting\"\nlevel = \"director\"\nadded = 2026-01-05\n\n\
             [[items.evidence]]\ndate = 2026-01-06\ntext = \"{bad}\"\nlink = \"{bad}\"\n\n\
             [[ratings]]\nskill = \"budgeting\"\nstep = \"working\"\ndate = 2026-01-05\nnote = \"{bad}\"\n\n\
             [[ratings.evidence]]\ndate = 2026-01-06\ntext = \"{bad}\"\n\n\
             [[ratings]]\nskill = \"{bad}\"\nstep = \"{bad}\"\ndate = 2026-01-05\n\n\
             [[log]]\ndate = 2026-01-06\nchange = \"evidence\"\nskill = \"{bad}\"\nlevel = \"{bad}\"\nfrom = \"{bad}\"\nto = \"{bad}\"\n"
        ),
    )
    .expect("plan");
    let plan_arg = plan.to_str().expect("UTF-8 path");
    for args in [
        &["plan"][..],
        &["plan", "log"],
        &["plan", "log", "--format", "json"],
        &["plan", "export"],
        &["plan", "export", "--format", "json"],
        &["plan", "export", "--checkin", plan_arg],
        &["place"],
        &["place", "--format", "json"],
        &["compare", "me", "director"],
        &["compare", "me", "director", "--format", "markdown"],
        &["compare", "me", "director", "--format", "json"],
        &["checkin", plan_arg],
        &["checkin", plan_arg, "--format", "markdown"],
        &["checkin", plan_arg, "--format", "json"],
    ] {
        let output = rungs()
            .args(args)
            .args(["--plan", plan_arg])
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        assert_inert(&output.stdout, &format!("{args:?} stdout"));
        assert_inert(&output.stderr, &format!("{args:?} stderr"));
    }
}
