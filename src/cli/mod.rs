//! The headless commands: the command line (clap), one file per command, and their errors.
//!
//! Every command loads what it needs through the core, renders with [`crate::present`] and
//! the helpers here, writes to stdout and returns `Err(CliError)` for anything else; the
//! error knows its exit code ([`crate::exit::Exit`]).

mod checkin;
mod compare;
mod compare_me;
mod complete;
mod error;
mod import;
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

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueHint};
use clap_complete::ArgValueCandidates;

pub use error::CliError;
pub use import::ImportCommand;
pub use output::{Colour, no_color_set};
pub use plan::PlanCommand;

use crate::exit::EXIT_CODES_HELP;
use crate::ladder::Ladder;
use output::Out;

#[derive(Debug, Parser)]
#[command(
    name = "rungs",
    version,
    about = "Explore career ladders, compare levels, keep a development plan",
    long_about = "Explore career ladders, compare levels, keep a development plan.\n\n\
                  Without a command, rungs opens the explorer in the terminal.",
    after_help = EXIT_CODES_HELP,
)]
pub struct Cli {
    /// Load the ladder from this content folder instead of the built-in one.
    #[arg(long, global = true, value_name = "DIR", env = "RUNGS_CONTENT", value_hint = ValueHint::DirPath)]
    pub content: Option<PathBuf>,

    /// Keep the development plan in FILE, for the explorer and `rungs plan` [default:
    /// ~/.local/share/rungs/plan.toml].
    #[arg(long, value_name = "FILE", env = "RUNGS_PLAN", value_hint = ValueHint::FilePath)]
    pub plan: Option<PathBuf>,

    /// Open the explorer on the plan screen with a check-in: someone else's ratings of you
    /// (their plan file) beside yours and your target's. Neither file is changed.
    #[arg(long = "checkin", value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub checkin_file: Option<PathBuf>,

    /// When to use colour: on a terminal only (auto, which NO_COLOR turns off), always or
    /// never.
    #[arg(long, global = true, value_enum, default_value_t = Colour::Auto, value_name = "WHEN")]
    pub color: Colour,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a content folder (default: the built-in ladder) and list every problem.
    #[command(after_help = "Examples:\n  rungs validate\n  rungs validate my-ladder/")]
    Validate {
        /// The folder to check; defaults to --content, then the built-in ladder.
        #[arg(value_hint = ValueHint::DirPath)]
        dir: Option<PathBuf>,
    },
    /// List the tracks and their levels, lowest rung first, with ids.
    #[command(after_help = "Examples:\n  rungs list\n  rungs list --format json")]
    List {
        /// text to read, json for scripts.
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Show everything about one level.
    #[command(
        after_help = "Examples:\n  rungs show director\n  rungs show \"senior manager\" \
                            --format markdown > senior-manager.md\n  rungs show CTO --format json"
    )]
    Show {
        /// A level id (`rungs list`), or its title or an example title in any case.
        #[arg(add = ArgValueCandidates::new(complete::levels))]
        level: String,
        /// text to read, markdown to paste into a document, json for scripts.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// List the skill catalogue: id, name, category, description, and the levels that
    /// expect each skill with their proficiency.
    #[command(after_help = "Examples:\n  rungs skills\n  rungs skills --format json")]
    Skills {
        /// text to read, json for scripts.
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Compare two levels side by side: what changes from A to B. `rungs compare me LEVEL`
    /// compares your own ratings with a level: your gaps, largest first.
    #[command(
        after_help = "Examples:\n  rungs compare manager senior-manager\n  rungs compare \
                            manager CTO --format markdown\n  rungs compare me director"
    )]
    Compare {
        /// The level to compare from, e.g. `manager` (an id, a title or an example title);
        /// `me` for your own ratings.
        #[arg(add = ArgValueCandidates::new(complete::levels))]
        a: String,
        /// The level to compare to, e.g. `senior-manager`.
        #[arg(add = ArgValueCandidates::new(complete::levels))]
        b: String,
        /// text in two columns, markdown tables, json for scripts.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// With `me`: the plan file holding your ratings [default: as for `rungs plan`].
        #[arg(long = "plan", value_name = "FILE")]
        file: Option<PathBuf>,
    },
    /// Where your ratings place you: per track the highest rung you meet, and every level's
    /// fit.
    #[command(after_help = "Examples:\n  rungs place\n  rungs place --format json")]
    Place {
        /// text with a gauge per level, json for scripts.
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        /// The plan file holding your ratings [default: as for `rungs plan`].
        #[arg(long = "plan", value_name = "FILE")]
        file: Option<PathBuf>,
    },
    /// Someone else's ratings of you (a plan file) beside yours and your target's
    /// expectations, disagreements first. Neither file is changed.
    #[command(
        after_help = "Examples:\n  rungs checkin manager-view.toml\n  rungs checkin \
                            manager-view.toml --format markdown > checkin.md"
    )]
    Checkin {
        /// Their plan file, in the same format as yours.
        checkin: PathBuf,
        /// text in columns, a markdown table, json for scripts.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Your plan file [default: as for `rungs plan`].
        #[arg(long = "plan", value_name = "FILE")]
        file: Option<PathBuf>,
    },
    /// Fuzzy-search titles, skills, duties and advice; best matches first.
    #[command(
        after_help = "Examples:\n  rungs search budget\n  rungs search coach people \
                            --limit 5\n  rungs search hiring --format json"
    )]
    Search {
        /// What to look for; several words must all match, in any order.
        #[arg(required = true, num_args = 1.., value_name = "QUERY")]
        query: Vec<String>,
        /// Show at most this many results; 0 shows all.
        #[arg(long, default_value_t = search::DEFAULT_LIMIT)]
        limit: usize,
        /// text rows to read, json with scores and matched positions.
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Print your development plan (grouped by status, with progress toward the target), or
    /// change it.
    #[command(
        after_help = "Examples:\n  rungs plan target director\n  rungs plan add \
                            \"Budget and resource planning\"\n  rungs plan status budgeting \
                            in-progress\n  rungs plan export > plan.md"
    )]
    Plan {
        /// Keep the development plan in FILE [default: ~/.local/share/rungs/plan.toml; env:
        /// RUNGS_PLAN].
        #[arg(long = "plan", global = true, value_name = "FILE", value_hint = ValueHint::FilePath)]
        file: Option<PathBuf>,
        #[command(subcommand)]
        action: Option<PlanCommand>,
    },
    /// Turn an existing career framework into a content folder for --content, with
    /// IMPORT-REPORT.md saying what was kept, inferred or dropped.
    Import {
        #[command(subcommand)]
        source: ImportCommand,
    },
    /// Print a completion script for bash, zsh or fish: commands, flags, and the level and
    /// skill ids of the ladder in use.
    #[command(
        after_help = "Install (see the README for more):\n  bash: echo 'source <(rungs \
                            completions bash)' >> ~/.bashrc\n  zsh:  echo 'source <(rungs \
                            completions zsh)' >> ~/.zshrc\n  fish: rungs completions fish > \
                            ~/.config/fish/completions/rungs.fish"
    )]
    Completions {
        #[arg(value_enum)]
        shell: complete::Shell,
    },
    /// Print the manual page (roff), e.g. `rungs man | man -l -`.
    Man,
}

/// Output formats of `show` and `compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Markdown,
    Json,
}

/// Output formats of `list`, `skills` and `search`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
}

/// The commands that read the plan, and so take `--plan`.
const PLAN_COMMANDS: [&str; 3] = ["plan", "place", "checkin"];

/// The clap definition of the whole command line.
pub fn command() -> clap::Command {
    Cli::command()
}

/// The environment variables the command line reads when no argument is given.
const ENVIRONMENT: [&str; 2] = ["RUNGS_CONTENT", "RUNGS_PLAN"];

/// What a bare `rungs` (no argument, none of [`ENVIRONMENT`] set) parses to, without clap:
/// building clap's whole command was a tenth of the explorer's start-up work, for nothing to
/// parse. `None` when there is something for clap to read.
fn bare(arguments: usize, is_set: impl Fn(&str) -> bool) -> Option<Cli> {
    if arguments > 1 || ENVIRONMENT.iter().any(|name| is_set(name)) {
        return None;
    }
    Some(Cli {
        content: None,
        plan: None,
        checkin_file: None,
        color: Colour::Auto,
        command: None,
    })
}

/// Parses the command line; help is wrapped to the width text output uses.
pub fn parse() -> Result<Cli, clap::Error> {
    if let Some(cli) = bare(std::env::args_os().len(), |name| {
        std::env::var_os(name).is_some()
    }) {
        return Ok(cli);
    }
    let width = output::width(output::stdout_is_terminal()).min(100);
    let mut command = Cli::command().term_width(width);
    let matches = command.try_get_matches_from_mut(std::env::args_os())?;
    // `--plan` before a command that reads no plan would be silently ignored.
    let plan_given = matches.value_source("plan") == Some(clap::parser::ValueSource::CommandLine);
    let reads_plan = |name: &str| {
        PLAN_COMMANDS.contains(&name)
            || (name == "compare"
                && matches
                    .subcommand_matches("compare")
                    .and_then(|m| m.get_one::<String>("a"))
                    .is_some_and(|a| a == compare_me::ME))
    };
    if plan_given
        && matches
            .subcommand_name()
            .is_some_and(|name| !reads_plan(name))
    {
        return Err(command.error(
            clap::error::ErrorKind::ArgumentConflict,
            "--plan is for the explorer and the commands that read your plan: `rungs plan`, \
             `rungs place`, `rungs compare me` and `rungs checkin`",
        ));
    }
    if matches.value_source("checkin_file") == Some(clap::parser::ValueSource::CommandLine)
        && matches.subcommand_name().is_some()
    {
        return Err(command.error(
            clap::error::ErrorKind::ArgumentConflict,
            "--checkin FILE opens the check-in in the explorer (`rungs --checkin FILE`); for \
             the report use `rungs checkin FILE`",
        ));
    }
    Cli::from_arg_matches(&matches)
}

/// Answers a shell asking for completions (the scripts of `rungs completions` run rungs with
/// `RUNGS_COMPLETE` set); `true` when it did, and rungs should stop there.
pub fn complete_if_asked() -> bool {
    complete::answer()
}

/// Loads the ladder a command works on; problems make it an input error.
fn ladder(content: Option<&Path>) -> Result<Ladder, CliError> {
    Ladder::load(content).map_err(CliError::Content)
}

/// Runs a headless command.
pub fn run(cli: Cli, command: Command) -> Result<(), CliError> {
    let content = cli.content.as_deref();
    let out = Out::new(cli.color);
    match command {
        Command::Validate { dir } => validate::run(dir.as_deref().or(content)),
        Command::List { format } => list::run(&ladder(content)?, format, out),
        Command::Show { level, format } => show::run(&ladder(content)?, &level, format, out),
        Command::Skills { format } => skills::run(&ladder(content)?, format, out),
        Command::Compare { a, b, format, file } if a == compare_me::ME => {
            let you = you::load(content, file.or(cli.plan).as_deref())?;
            compare_me::run(&you, &b, format, out)
        }
        Command::Compare { a, b, format, .. } => {
            compare::run(&ladder(content)?, &a, &b, format, out)
        }
        Command::Place { format, file } => place::run(
            &you::load(content, file.or(cli.plan).as_deref())?,
            format,
            out,
        ),
        Command::Checkin {
            checkin,
            format,
            file,
        } => checkin::run(
            &you::load(content, file.or(cli.plan).as_deref())?,
            &checkin,
            format,
            out,
        ),
        Command::Search {
            query,
            limit,
            format,
        } => search::run(&ladder(content)?, &query.join(" "), limit, format, out),
        Command::Plan { file, action } => {
            let path = file.or(cli.plan);
            plan::run(&ladder(content)?, path.as_deref(), action, out)
        }
        Command::Import { source } => import::run(source),
        Command::Completions { shell } => complete::script(shell),
        Command::Man => {
            let mut page = Vec::new();
            clap_mangen::Man::new(self::command())
                .render(&mut page)
                .map_err(CliError::Output)?;
            output::emit(&String::from_utf8_lossy(&page))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::FromArgMatches;

    #[test]
    fn a_bare_start_is_what_clap_parses_from_no_arguments() {
        // clap's own reading of `rungs`, blind to this process's environment.
        let mut command = Cli::command();
        for name in ["content", "plan"] {
            command = command.mut_arg(name, |arg| arg.env(None::<&str>));
        }
        let matches = command
            .try_get_matches_from(["rungs"])
            .expect("no arguments parse");
        let parsed = Cli::from_arg_matches(&matches).expect("a command line");
        let bare = bare(1, |_| false).expect("nothing for clap to read");
        assert_eq!(format!("{bare:?}"), format!("{parsed:?}"));
    }

    #[test]
    fn clap_reads_no_environment_variable_the_bare_start_does_not_check() {
        let mut read: Vec<String> = Cli::command()
            .get_arguments()
            .filter_map(|arg| arg.get_env())
            .map(|name| name.to_string_lossy().into_owned())
            .collect();
        read.sort();
        assert_eq!(read, ENVIRONMENT);
    }

    #[test]
    fn an_argument_or_a_variable_goes_to_clap() {
        assert!(bare(2, |_| false).is_none());
        for name in ENVIRONMENT {
            assert!(bare(1, |set| set == name).is_none(), "{name}");
        }
    }
}
