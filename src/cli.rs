//! The headless commands: each prints to stdout, reports problems on stderr and returns the
//! process exit code (0 fine, 1 content problems or nothing found, 2 bad usage or unknown id).

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

use crate::ladder::{Ladder, Problem};
use crate::report::{self, Format};
use crate::suggest::did_you_mean;

pub mod checkin;
pub mod compare_me;
pub mod place;
pub mod plan_export;
pub mod plan_log;
pub mod you;

pub const EXIT_OK: i32 = 0;
pub const EXIT_PROBLEMS: i32 = 1;
pub const EXIT_USAGE: i32 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "rungs",
    version,
    about = "Explore career ladders, compare levels, keep a development plan"
)]
pub struct Cli {
    /// Load the ladder from this content folder instead of the built-in one.
    #[arg(long, global = true, value_name = "DIR", env = "RUNGS_CONTENT")]
    pub content: Option<PathBuf>,

    /// Keep the development plan in this file instead of ~/.local/share/rungs/plan.toml.
    #[arg(long, global = true, value_name = "FILE", env = "RUNGS_PLAN")]
    pub plan: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a content folder (default: the built-in ladder) and list every problem.
    Validate {
        /// The folder to check; defaults to --content, then the built-in ladder.
        dir: Option<PathBuf>,
    },
    /// List the tracks and their levels, lowest rung first, with ids.
    List {
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Show everything about one level.
    Show {
        /// A level id, as printed by `rungs list`.
        id: String,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Compare two levels side by side: what changes from A to B. `rungs compare me LEVEL`
    /// compares your own ratings with a level: your gaps, largest first.
    Compare {
        /// The level to compare from, e.g. `manager`; `me` for your ratings.
        a: String,
        /// The level to compare to, e.g. `senior-manager`.
        b: String,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Fuzzy-search titles, skills, duties and advice; best matches first.
    Search {
        /// What to look for; several words must all match, in any order.
        #[arg(required = true, num_args = 1.., value_name = "QUERY")]
        query: Vec<String>,
        /// Show at most this many results; 0 shows all.
        #[arg(long, default_value_t = crate::search::cli::DEFAULT_LIMIT)]
        limit: usize,
        #[arg(long, value_enum, default_value_t = crate::search::cli::SearchFormat::Text)]
        format: crate::search::cli::SearchFormat,
    },
    /// Print your development plan (grouped by status, with progress toward the target), or
    /// change it.
    Plan {
        #[command(subcommand)]
        action: Option<crate::plan::cli::PlanCommand>,
    },
    /// Where your ratings place you: per track the highest rung you meet, and every level's fit.
    Place {
        #[arg(long, value_enum, default_value_t = place::PlaceFormat::Text)]
        format: place::PlaceFormat,
    },
    /// Someone else's ratings of you (a plan file) beside yours and your target's expectations,
    /// disagreements first. Neither file is changed.
    Checkin {
        /// Their plan file, in the same format as yours.
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
}

/// Writes to stdout; a reader that went away (`rungs list | head`) is a normal end, not a panic.
pub fn emit(text: &str) -> i32 {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => EXIT_OK,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(e) => {
            eprintln!("rungs: cannot write output: {e}");
            EXIT_PROBLEMS
        }
    }
}

pub(crate) fn emit_json(value: &serde_json::Value) -> i32 {
    match serde_json::to_string_pretty(value) {
        Ok(text) => emit(&(text + "\n")),
        Err(e) => {
            eprintln!("rungs: cannot encode JSON: {e}");
            EXIT_PROBLEMS
        }
    }
}

/// Lists content problems on stderr, then how many there are.
pub(crate) fn print_problems(problems: &[Problem]) {
    let mut stderr = std::io::stderr().lock();
    for problem in problems {
        let _ = writeln!(stderr, "{}", problem.render());
    }
    let _ = writeln!(
        stderr,
        "{} problem{} found",
        problems.len(),
        if problems.len() == 1 { "" } else { "s" }
    );
}

/// The ladder the user asked for: their folder, or the built-in one.
pub fn load_ladder(content: Option<&Path>) -> Result<Ladder, Vec<Problem>> {
    match content {
        Some(dir) => Ladder::from_folder(dir),
        None => Ladder::embedded(),
    }
}

/// Loads the ladder or prints why it cannot be loaded.
fn ladder_or_report(content: Option<&Path>) -> Result<Ladder, i32> {
    load_ladder(content).map_err(|problems| {
        print_problems(&problems);
        EXIT_PROBLEMS
    })
}

/// The width to wrap text to: `$COLUMNS`, else 100.
pub fn output_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c >= 20)
        .unwrap_or(100)
}

/// Runs a headless command and returns its exit code.
pub fn run(content: Option<&Path>, plan: Option<&Path>, command: Command) -> i32 {
    match command {
        Command::Validate { dir } => validate(dir.as_deref().or(content)),
        Command::List { format } => match ladder_or_report(content) {
            Ok(ladder) => match format {
                ListFormat::Text => emit(&report::list_text(&ladder)),
                ListFormat::Json => emit_json(&report::list_json(&ladder)),
            },
            Err(code) => code,
        },
        Command::Show { id, format } => match ladder_or_report(content) {
            Ok(ladder) => show(&ladder, &id, format),
            Err(code) => code,
        },
        Command::Compare { a, b, format } if a == compare_me::ME => {
            match you::load(content, plan) {
                Ok(you) => compare_me::run(&you, &b, format),
                Err(code) => code,
            }
        }
        Command::Compare { a, b, format } => match ladder_or_report(content) {
            Ok(ladder) => crate::compare::render::run(&ladder, &a, &b, format),
            Err(code) => code,
        },
        Command::Place { format } => match you::load(content, plan) {
            Ok(you) => place::run(&you, format),
            Err(code) => code,
        },
        Command::Checkin { file, format } => match you::load(content, plan) {
            Ok(you) => checkin::run(&you, &file, format),
            Err(code) => code,
        },
        Command::Search {
            query,
            limit,
            format,
        } => match ladder_or_report(content) {
            Ok(ladder) => {
                crate::search::cli::run(&ladder, &query.join(" "), limit, format, output_width())
            }
            Err(code) => code,
        },
        Command::Plan { action } => crate::plan::cli::run(content, plan, action),
    }
}

/// `1 track`, `2 tracks`.
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

fn validate(dir: Option<&Path>) -> i32 {
    let checked = match dir {
        Some(dir) => Ladder::from_folder(dir),
        None => Ladder::embedded_validated(),
    };
    match checked {
        Ok(ladder) => {
            let references: usize = ladder.levels().iter().map(|l| l.skills.len()).sum();
            let place =
                dir.map_or_else(|| "built-in ladder".to_owned(), |d| d.display().to_string());
            emit(&format!(
                "{place}: ok — {}, {}, {} ({})\n",
                count(ladder.tracks().len(), "track"),
                count(ladder.levels().len(), "level"),
                count(ladder.skills().len(), "skill"),
                count(references, "skill reference"),
            ))
        }
        Err(problems) => {
            print_problems(&problems);
            EXIT_PROBLEMS
        }
    }
}

/// Finds a level by id or says which ids are close, for every command that takes one.
pub fn find_level<'a>(ladder: &'a Ladder, id: &str) -> Result<&'a crate::ladder::Level, i32> {
    ladder.level(id).ok_or_else(|| {
        let shown = crate::text::escape_control(id);
        let hint = did_you_mean(id, ladder.level_ids());
        eprintln!("rungs: no level `{shown}`{hint}; `rungs list` shows every id");
        EXIT_USAGE
    })
}

fn show(ladder: &Ladder, id: &str, format: Format) -> i32 {
    let level = match find_level(ladder, id) {
        Ok(level) => level,
        Err(code) => return code,
    };
    match format {
        Format::Text => emit(&report::level_text(ladder, level, output_width())),
        Format::Markdown => emit(&report::level_markdown(ladder, level)),
        Format::Json => emit_json(&report::level_json(ladder, level)),
    }
}
