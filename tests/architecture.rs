//! The layering, checked by reading the sources: the domain (`ladder`, `compare`, `search`,
//! `plan`) and the shared modules know nothing of the command line, the explorer or the
//! terminal, and never print; the explorer never reaches into the command line, nor the
//! command line into the explorer.

use std::path::{Path, PathBuf};

/// Words (whole identifiers) a file of the group must not use.
const FRONT_END_CRATES: [&str; 3] = ["clap", "ratatui", "crossterm"];

/// Text a domain or shared file must not contain.
const FRONT_END_PATHS: [&str; 2] = ["crate::cli", "crate::tui"];
const PRINTING: [&str; 5] = [
    "print!",
    "println!",
    "eprint!",
    "eprintln!",
    "process::exit",
];

/// Every `.rs` file at `path` (a file, or a folder searched recursively).
fn rust_files(path: &Path) -> Vec<PathBuf> {
    if path.is_file() {
        return vec![path.to_owned()];
    }
    let mut files = Vec::new();
    for entry in std::fs::read_dir(path).expect("a source folder") {
        let path = entry.expect("a folder entry").path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// What `text` mentions of `words` (as whole identifiers) and `fragments` (anywhere).
fn mentions(text: &str, words: &[&str], fragments: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let identifiers = line.split(|c: char| !(c.is_alphanumeric() || c == '_'));
        for word in identifiers.filter(|id| words.contains(id)) {
            found.push(format!("line {}: `{word}`", n + 1));
        }
        for fragment in fragments.iter().filter(|f| line.contains(**f)) {
            found.push(format!("line {}: `{fragment}`", n + 1));
        }
    }
    found
}

/// Checks every file under `paths` (relative to `src/`), listing each violation.
fn violations(paths: &[&str], words: &[&str], fragments: &[&str]) -> Vec<String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    let mut checked = 0;
    for path in paths {
        let full = src.join(path);
        assert!(full.exists(), "src/{path} is gone: update this test");
        for file in rust_files(&full) {
            checked += 1;
            let text = std::fs::read_to_string(&file).expect("readable source");
            for what in mentions(&text, words, fragments) {
                found.push(format!("{}: {what}", file.display()));
            }
        }
    }
    assert!(checked > 0, "no source files found under {paths:?}");
    found
}

#[test]
fn the_domain_knows_no_front_end_and_never_prints() {
    let fragments: Vec<&str> = FRONT_END_PATHS.iter().chain(&PRINTING).copied().collect();
    let found = violations(
        &[
            "ladder",
            "compare.rs",
            "compare",
            "search",
            "plan",
            "import",
        ],
        &FRONT_END_CRATES,
        &fragments,
    );
    assert!(
        found.is_empty(),
        "the domain reaches a front end:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_shared_modules_know_no_front_end_and_never_print() {
    let fragments: Vec<&str> = FRONT_END_PATHS.iter().chain(&PRINTING).copied().collect();
    let found = violations(
        &["present.rs", "text.rs", "suggest.rs", "exit.rs"],
        &FRONT_END_CRATES,
        &fragments,
    );
    assert!(
        found.is_empty(),
        "a shared module reaches a front end:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_explorer_does_not_use_the_command_line() {
    let found = violations(&["tui"], &["clap"], &["crate::cli"]);
    assert!(
        found.is_empty(),
        "the explorer uses the CLI:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_command_line_does_not_use_the_explorer() {
    let found = violations(&["cli"], &[], &["crate::tui"]);
    assert!(
        found.is_empty(),
        "the CLI uses the explorer:\n{}",
        found.join("\n")
    );
    // It may ask the terminal its size and colour text through crossterm (which ratatui
    // re-exports, so that only one crossterm is built), but it draws no widgets.
    let drawing = violations(
        &["cli"],
        &[],
        &["ratatui::widgets", "ratatui::text", "Frame"],
    );
    assert!(drawing.is_empty(), "the CLI draws:\n{}", drawing.join("\n"));
}

#[test]
fn views_place_the_cursor_where_the_first_frame_finds_it() {
    // The first frame is sent without `Terminal::draw`, so it learns where the cursor goes
    // from `common::place_cursor`'s record, not from the frame.
    let found: Vec<String> = violations(&["tui"], &[], &["set_cursor_position("])
        .into_iter()
        .filter(|v| !v.contains("view/common.rs") && !v.contains("tui/mod.rs"))
        .filter(|v| !v.contains("tui/backend.rs"))
        .collect();
    assert!(
        found.is_empty(),
        "a view places the cursor itself (use common::place_cursor):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_checker_catches_what_it_looks_for() {
    let text = "use ratatui::text::Line;\nfn f() { println!(\"x\"); }\n// clapping\n";
    let found = mentions(text, &FRONT_END_CRATES, &PRINTING);
    assert_eq!(found, ["line 1: `ratatui`", "line 2: `println!`"]);
    assert!(mentions("let s = crate::cli::run;", &[], &FRONT_END_PATHS).len() == 1);
}
