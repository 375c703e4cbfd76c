//! The headless commands: the command line (clap), one file per command, and their errors.
//!
//! Every command loads what it needs through the core, renders with [`crate::present`] and
//! the helpers here, writes to stdout and returns `Err(CliError)` for anything else; the
//! error knows its exit code ([`crate::exit::Exit`]).

mod checkin;
mod compare;
mod compare_me;
mod error;
mod list;
mod lookup;
mod output;
mod place;
mod plan;
pub mod plan_export;
mod plan_log;
mod search;
mod show;
mod skills;
mod validate;
mod you;

use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

pub use error::CliError;
pub use plan::PlanCommand;

use crate::exit::EXIT_CODES_HELP;
use crate::ladder::Ladder;

#[derive(Debug, Parser)]
#[command(
    name = "rungs",
    version,
    about = "Explore career ladders, compare levels, keep a development plan",
    after_help = EXIT_CODES_HELP,
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
    /// List the skill catalogue: id, name, category, description and the levels that
    /// expect each skill, with the proficiency they expect.
    Skills {
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Compare two levels side by side: what changes from A to B. `rungs compare me LEVEL`
    /// compares your own ratings with a level: your gaps, largest first.
    Compare {
        /// The level to compare from, e.g. `manager`; `me` for your own ratings.
        a: String,
        /// The level to compare to, e.g. `senior-manager`.
        b: String,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Where your ratings place you: per track the highest rung you meet, and every level's
    /// fit.
    Place {
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Someone else's ratings of you (a plan file) beside yours and your target's
    /// expectations, disagreements first. Neither file is changed.
    Checkin {
        /// Their plan file, in the same format as yours.
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Fuzzy-search titles, skills, duties and advice; best matches first.
    Search {
        /// What to look for; several words must all match, in any order.
        #[arg(required = true, num_args = 1.., value_name = "QUERY")]
        query: Vec<String>,
        /// Show at most this many results; 0 shows all.
        #[arg(long, default_value_t = search::DEFAULT_LIMIT)]
        limit: usize,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Print your development plan (grouped by status, with progress toward the target), or
    /// change it.
    Plan {
        #[command(subcommand)]
        action: Option<PlanCommand>,
    },
}

/// Output formats of `show` and `compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Markdown,
    Json,
}

/// Output formats of `list` and `search`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
}

/// Loads the ladder a command works on; problems make it an input error.
fn ladder(content: Option<&Path>) -> Result<Ladder, CliError> {
    Ladder::load(content).map_err(CliError::Content)
}

/// Runs a headless command.
pub fn run(
    content: Option<&Path>,
    plan_path: Option<&Path>,
    command: Command,
) -> Result<(), CliError> {
    match command {
        Command::Validate { dir } => validate::run(dir.as_deref().or(content)),
        Command::List { format } => list::run(&ladder(content)?, format),
        Command::Show { id, format } => show::run(&ladder(content)?, &id, format),
        Command::Skills { format } => skills::run(&ladder(content)?, format),
        Command::Compare { a, b, format } if a == compare_me::ME => {
            compare_me::run(&you::load(content, plan_path)?, &b, format)
        }
        Command::Compare { a, b, format } => compare::run(&ladder(content)?, &a, &b, format),
        Command::Place { format } => place::run(&you::load(content, plan_path)?, format),
        Command::Checkin { file, format } => {
            checkin::run(&you::load(content, plan_path)?, &file, format)
        }
        Command::Search {
            query,
            limit,
            format,
        } => search::run(&ladder(content)?, &query.join(" "), limit, format),
        Command::Plan { action } => plan::run(&ladder(content)?, plan_path, action),
    }
}
