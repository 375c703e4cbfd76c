//! Why a headless command did not do what was asked, as a value: every variant knows its exit
//! code and renders as the message printed on stderr.

use std::fmt;

use crate::exit::Exit;
use crate::import::ImportError;
use crate::ladder::Problem;
use crate::plan::PlanError;
use crate::present::problems as problems_text;

#[derive(Debug)]
pub enum CliError {
    /// `rungs validate` found problems in the content (a negative answer, not a failure).
    ProblemsFound(Vec<Problem>),
    /// `rungs search` found nothing.
    NothingFound { query: String },
    /// The command line asks for something that is not there; the message says what and
    /// what is close. Escaped already.
    Usage(String),
    /// The ladder cannot be loaded: every problem, located.
    Content(Vec<Problem>),
    /// The plan file cannot be read or saved.
    Plan(PlanError),
    /// The check-in file (someone else's plan) cannot be read as a plan; nothing is written.
    Checkin(PlanError),
    /// Standard output could not be written.
    Output(std::io::Error),
    /// `rungs import` could not write the folder; the variant says why.
    Import(ImportError),
    /// `rungs import --strict` would have dropped input; nothing was written.
    StrictDropped,
}

impl CliError {
    pub fn exit(&self) -> Exit {
        match self {
            CliError::ProblemsFound(_)
            | CliError::NothingFound { .. }
            | CliError::StrictDropped => Exit::Negative,
            CliError::Import(ImportError::OutNotEmpty(_)) => Exit::Usage,
            CliError::Import(_) => Exit::BadInput,
            CliError::Usage(_) => Exit::Usage,
            CliError::Content(_) | CliError::Plan(_) | CliError::Checkin(_) => Exit::BadInput,
            CliError::Output(_) => Exit::Terminal,
        }
    }
}

impl From<PlanError> for CliError {
    fn from(error: PlanError) -> Self {
        CliError::Plan(error)
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::ProblemsFound(problems) | CliError::Content(problems) => {
                f.write_str(&problems_text(problems))
            }
            CliError::NothingFound { query } => write!(
                f,
                "rungs: nothing matches `{}`",
                crate::text::escape_control(query)
            ),
            CliError::Usage(message) => write!(f, "rungs: {message}"),
            // Located problems start with the file name, as `rungs validate` prints them.
            CliError::Plan(
                error @ (PlanError::Invalid(_) | PlanError::ChangedOnDiskInvalid(_)),
            ) => {
                write!(f, "{error}\nrungs: the plan file was left as it is")
            }
            CliError::Plan(error) => write!(f, "rungs: {error}"),
            CliError::Checkin(error @ PlanError::Invalid(_)) => write!(
                f,
                "{error}\nrungs: the check-in file cannot be read as a plan; nothing was written"
            ),
            CliError::Checkin(error) => write!(f, "rungs: {error}; nothing was written"),
            CliError::Output(error) => write!(f, "rungs: cannot write output: {error}"),
            CliError::Import(ImportError::Input(problems) | ImportError::Invalid(problems)) => {
                write!(f, "{}\nrungs: nothing was imported", problems_text(problems))
            }
            CliError::Import(error) => write!(f, "rungs: {error}; nothing was imported"),
            CliError::StrictDropped => f.write_str(
                "rungs: --strict: the import would drop input (listed under Dropped in the report); nothing was written",
            ),
        }
    }
}

impl std::error::Error for CliError {}
