//! Property-based fuzzing of every parser (content folder, plan file, config file) and a
//! monkey test of the explorer: random events and sizes, no panic.
//!
//! A normal `cargo test` runs a few thousand cases of each. The long runs are opt-in:
//!
//! ```text
//! RUNGS_FUZZ_CASES=1000000 cargo test --release --test fuzz -- --ignored --nocapture
//! ```
//!
//! Inputs are valid files with random edits (tokens inserted, spans deleted, lines doubled,
//! bytes flipped), so most cases get past the first syntax error into the checks behind it.
//! A failure is shrunk by proptest and stored under `proptest-regressions/`; fixed crashes
//! are kept as named tests at the end of this file.

mod common;

use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence, TestRunner};
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use rungs::Ladder;
use rungs::ladder::{Problem, SourceFile};

/// Cases per parser in a normal test run.
const QUICK_CASES: u32 = 2_000;

fn long_run_cases() -> u32 {
    std::env::var("RUNGS_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000_000)
}

// ----------------------------------------------------------------------------------------
// Inputs

/// Pieces that mean something to TOML or to rungs, and characters that must be escaped.
const TOKENS: &[&str] = &[
    "[[levels]]\n",
    "[[skills]]\n",
    "[[items]]\n",
    "[keys]\n",
    "[theme]\n",
    "\n",
    "=",
    " = ",
    "\"",
    "'",
    "\"\"\"",
    "'''",
    "[",
    "]",
    "{",
    "}",
    ",",
    ".",
    "#",
    "\\",
    "\\u",
    "-1",
    "0",
    "4294967295",
    "18446744073709551616",
    "1e400",
    "nan",
    "true",
    "1979-05-27",
    "2026-13-45",
    "id",
    "min",
    "max",
    "version",
    "skill",
    "level",
    "note",
    "rank",
    "\u{1b}[31m",
    "\u{9b}",
    "\u{7f}",
    "\u{202e}",
    "\u{200b}",
    "\u{feff}",
    "\r",
    "\t",
    "é",
    "界",
    "👩\u{200d}💻",
];

#[derive(Debug, Clone)]
enum Mutation {
    Insert(usize, usize),
    InsertText(usize, String),
    Delete(usize, usize),
    DoubleLine(usize),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        4 => (any::<usize>(), 0..TOKENS.len()).prop_map(|(at, t)| Mutation::Insert(at, t)),
        2 => (any::<usize>(), "\\PC{0,6}").prop_map(|(at, s)| Mutation::InsertText(at, s)),
        3 => (any::<usize>(), 1usize..40).prop_map(|(at, n)| Mutation::Delete(at, n)),
        1 => any::<usize>().prop_map(Mutation::DoubleLine),
        1 => any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn boundary(text: &str, at: usize) -> usize {
    let mut at = if text.is_empty() {
        0
    } else {
        at % (text.len() + 1)
    };
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn mutate(seed: &str, mutations: &[Mutation]) -> String {
    let mut text = seed.to_owned();
    for m in mutations {
        match m {
            Mutation::Insert(at, token) => {
                let at = boundary(&text, *at);
                text.insert_str(at, TOKENS[*token]);
            }
            Mutation::InsertText(at, s) => {
                let at = boundary(&text, *at);
                text.insert_str(at, s);
            }
            Mutation::Delete(at, n) => {
                let start = boundary(&text, *at);
                let end = boundary(&text, (start + n).min(text.len()));
                if end > start {
                    text.replace_range(start..end, "");
                }
            }
            Mutation::DoubleLine(at) => {
                let at = boundary(&text, *at);
                let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
                let end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
                let line = text[start..end].to_owned();
                text.insert_str(end, &line);
            }
            Mutation::Truncate(at) => {
                let at = boundary(&text, *at);
                text.truncate(at);
            }
        }
    }
    text
}

fn edited(seeds: &'static [&'static str]) -> impl Strategy<Value = String> {
    (0..seeds.len(), prop::collection::vec(mutation(), 0..8))
        .prop_map(move |(seed, mutations)| mutate(seeds[seed], &mutations))
}

const CONTENT_SEEDS: &[&str] = &[
    include_str!("fixtures/valid/ladder.toml"),
    include_str!("fixtures/compare/ladder.toml"),
    include_str!("fixtures/bad/many-problems/a.toml"),
];

const PLAN_SEEDS: &[&str] = &[
    "version = 1\ntarget = \"director\"\n\n[[items]]\nskill = \"budgeting\"\nlevel = \
     \"director\"\nstatus = \"in-progress\"\nnote = \"\"\"\nShadow the Q3 budget.\nAsk \
     finance.\"\"\"\nadded = 2026-01-05\n\n[[items]]\nskill = \"hiring\"\nlevel = \
     \"manager\"\nadded = 2025-12-31\n",
    "version = 1\n",
];

const CONFIG_SEEDS: &[&str] = &[
    include_str!("../assets/keymap.toml"),
    include_str!("../assets/theme.toml"),
];

// ----------------------------------------------------------------------------------------
// What must hold for every input

/// A problem is located inside the file (or names the whole file) and renders without a
/// control character other than its line breaks.
fn check_problem(problem: &Problem, text: &str) -> Result<(), TestCaseError> {
    if let Some((line, column)) = problem.position {
        let lines = text.split('\n').count();
        prop_assert!(line >= 1 && line <= lines, "line {line} of {lines}");
        prop_assert!(column >= 1);
    }
    let rendered = problem.render();
    prop_assert!(
        !rendered.chars().any(|c| c.is_control() && c != '\n'),
        "{rendered:?}"
    );
    prop_assert!(
        rendered.lines().all(|l| l.chars().count() < 1_000),
        "excerpts stay short"
    );
    Ok(())
}

fn check_content(text: &str) -> Result<(), TestCaseError> {
    let source = SourceFile {
        name: "fuzz/ladder.toml".into(),
        text: text.to_owned(),
    };
    match Ladder::from_sources(&[source]) {
        Ok(ladder) => {
            // What a valid ladder offers must work: compare every pair, search its words.
            for a in ladder.levels() {
                for b in ladder.levels() {
                    let _ = rungs::compare::compare(&ladder, a, b);
                }
            }
            let index = rungs::search::SearchIndex::new(&ladder);
            for level in ladder.levels() {
                let _ = index.search(&level.title);
            }
        }
        Err(problems) => {
            prop_assert!(!problems.is_empty());
            for problem in &problems {
                check_problem(problem, text)?;
            }
        }
    }
    Ok(())
}

fn check_plan(text: &str) -> Result<(), TestCaseError> {
    match rungs::plan::parse("fuzz/plan.toml", text) {
        Ok(plan) => {
            // Whatever loads saves and loads back the same, in the newest format version (a
            // version 1 plan is written as version 2 with everything it held).
            let saved = rungs::plan::to_toml(&plan).expect("a loaded plan encodes");
            let back = rungs::plan::parse("saved", &saved).expect("a saved plan loads");
            prop_assert_eq!(
                back,
                rungs::plan::Plan {
                    version: rungs::plan::PLAN_VERSION,
                    ..plan
                }
            );
        }
        Err(problems) => {
            prop_assert!(!problems.is_empty());
            for problem in &problems {
                check_problem(problem, text)?;
            }
        }
    }
    Ok(())
}

fn check_config(text: &str) -> Result<(), TestCaseError> {
    if let Err(error) = rungs::tui::config::parse("fuzz/config.toml", text) {
        let message = error.to_string();
        prop_assert!(
            !message.chars().any(|c| c.is_control() && c != '\n'),
            "{message:?}"
        );
    }
    Ok(())
}

fn run(
    cases: u32,
    input: impl Strategy<Value = String>,
    check: fn(&str) -> Result<(), TestCaseError>,
) {
    let mut runner = TestRunner::new(Config {
        cases,
        // Failures are kept here and replayed first next time.
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "proptest-regressions/fuzz.txt",
        ))),
        ..Config::default()
    });
    let started = std::time::Instant::now();
    runner
        .run(&input, |text| check(&text))
        .unwrap_or_else(|e| panic!("{e}"));
    eprintln!("{cases} cases in {:.1} s", started.elapsed().as_secs_f64());
}

#[test]
fn content_parser_quick() {
    run(QUICK_CASES, edited(CONTENT_SEEDS), check_content);
}

#[test]
fn plan_parser_quick() {
    run(QUICK_CASES, edited(PLAN_SEEDS), check_plan);
}

#[test]
fn config_parser_quick() {
    run(QUICK_CASES, edited(CONFIG_SEEDS), check_config);
}

#[test]
#[ignore = "long run: RUNGS_FUZZ_CASES=1000000 cargo test --release --test fuzz -- --ignored"]
fn content_parser_long() {
    run(long_run_cases(), edited(CONTENT_SEEDS), check_content);
}

#[test]
#[ignore = "long run: RUNGS_FUZZ_CASES=1000000 cargo test --release --test fuzz -- --ignored"]
fn plan_parser_long() {
    run(long_run_cases(), edited(PLAN_SEEDS), check_plan);
}

#[test]
#[ignore = "long run: RUNGS_FUZZ_CASES=1000000 cargo test --release --test fuzz -- --ignored"]
fn config_parser_long() {
    run(long_run_cases(), edited(CONFIG_SEEDS), check_config);
}

// ----------------------------------------------------------------------------------------
// The explorer: random events and sizes

/// A small xorshift: the monkey's choices, reproducible from the printed seed.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const MONKEY_KEYS: &[KeyCode] = &[
    KeyCode::Up,
    KeyCode::Down,
    KeyCode::Left,
    KeyCode::Right,
    KeyCode::Enter,
    KeyCode::Esc,
    KeyCode::Tab,
    KeyCode::BackTab,
    KeyCode::Backspace,
    KeyCode::Delete,
    KeyCode::Home,
    KeyCode::End,
    KeyCode::PageUp,
    KeyCode::PageDown,
    KeyCode::F(1),
];

/// Every key the default keymap uses but `q` (which would end the run), and a few others.
const MONKEY_CHARS: &str = "kjhlgGbpsedtu?/oc x[]{}12aé界 SCryf<>im";

fn random_event(dice: &mut Dice) -> Event {
    match dice.below(10) {
        0..=3 => {
            let chars: Vec<char> = MONKEY_CHARS.chars().collect();
            let c = chars[dice.below(chars.len() as u64) as usize];
            Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
        }
        4..=6 => {
            let code = MONKEY_KEYS[dice.below(MONKEY_KEYS.len() as u64) as usize];
            Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
        }
        7 => {
            let ctrl = ['a', 'e', 'w', 'u', 'k', 'd'];
            let c = ctrl[dice.below(ctrl.len() as u64) as usize];
            Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
        }
        8 => {
            let kind = match dice.below(3) {
                0 => MouseEventKind::Down(MouseButton::Left),
                1 => MouseEventKind::ScrollUp,
                _ => MouseEventKind::ScrollDown,
            };
            Event::Mouse(MouseEvent {
                kind,
                column: dice.below(300) as u16,
                row: dice.below(100) as u16,
                modifiers: KeyModifiers::NONE,
            })
        }
        _ => {
            // Mostly ordinary sizes, sometimes degenerate ones.
            let (w, h) = if dice.below(4) == 0 {
                (dice.below(4) as u16, dice.below(4) as u16)
            } else {
                (1 + dice.below(250) as u16, 1 + dice.below(80) as u16)
            };
            Event::Resize(w, h)
        }
    }
}

/// Sends `events` random events in batches of 1–8 (as the loop drains them) and draws after
/// each batch at the size the explorer was last told, with a plan file to change.
fn monkey(events: u64, ladder_text: Option<&str>) {
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64)
        | 1;
    eprintln!("monkey seed: {seed}");
    let mut dice = Dice(seed);
    let home = tempfile::tempdir().expect("temp dir");
    let plan_path = home.path().join("plan.toml");
    let fresh_app = || {
        let app = match ladder_text {
            Some(text) => common::app_over(text, 100, 30),
            None => common::app(100, 30, false),
        };
        app.with_plan(rungs::tui::open_plan(Some(&plan_path)))
    };
    let mut app = fresh_app();
    let mut sent = 0;
    let mut reported = 0;
    let started = std::time::Instant::now();
    while sent < events {
        if sent >= reported + 100_000 {
            reported = sent;
            eprintln!(
                "monkey: {sent} events in {:.0} s",
                started.elapsed().as_secs_f64()
            );
        }
        let batch: Vec<Event> = (0..1 + dice.below(8))
            .map(|_| random_event(&mut dice))
            .collect();
        sent += batch.len() as u64;
        if rungs::tui::handle_events(&mut app, batch) {
            app = fresh_app();
        }
        app.poll_search();
        let _ = common::buffer(&app);
    }
    eprintln!(
        "monkey: {sent} events in {:.0} s, no panic",
        started.elapsed().as_secs_f64()
    );
}

#[test]
fn monkey_quick() {
    monkey(5_000, None);
}

/// The same over a ladder of three job families: the family keys, the catalogue and the
/// family picker have something to do.
#[test]
fn monkey_quick_families() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/v2/three-families/ladder.toml"
    );
    let text = std::fs::read_to_string(path).expect("fixture readable");
    monkey(5_000, Some(&text));
}

#[test]
#[ignore = "long run: RUNGS_MONKEY_EVENTS=1000000 cargo test --release --test fuzz monkey_long -- --ignored"]
fn monkey_long() {
    let events = std::env::var("RUNGS_MONKEY_EVENTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000_000);
    monkey(events, None);
}
