//! How a run of rungs ends, as the exit code a script sees. Both front ends end with one of
//! these; the table is printed by `rungs --help` and kept in the README.

use std::process::ExitCode;

/// The exit codes of rungs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 0: done as asked.
    Success,
    /// 1: a negative answer: search found nothing, validate found problems.
    Negative,
    /// 2: the command line cannot be followed: an unknown flag, command, id or name, or a name
    /// that fits more than one level or skill.
    Usage,
    /// 3: an input file cannot be used: the content, the plan or the settings file is
    /// unreadable or invalid (or the plan cannot be saved).
    BadInput,
    /// 4: the terminal or standard output failed.
    Terminal,
    /// 128 + N: the explorer was stopped by signal N (after restoring the terminal), as
    /// shells report a process a signal ended.
    Signal(u8),
}

impl Exit {
    pub const fn code(self) -> u8 {
        match self {
            Exit::Success => 0,
            Exit::Negative => 1,
            Exit::Usage => 2,
            Exit::BadInput => 3,
            Exit::Terminal => 4,
            Exit::Signal(signal) => 128u8.saturating_add(signal),
        }
    }
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> ExitCode {
        ExitCode::from(exit.code())
    }
}

/// The exit codes as `--help` lists them.
pub const EXIT_CODES_HELP: &str = "\
Exit codes:
  0  done
  1  a negative answer: search found nothing, validate found problems
  2  usage: an unknown flag, command, id or name, or an ambiguous name
  3  an input file cannot be used: content, plan or settings unreadable or bad
  4  the terminal or standard output failed
  128+N  the explorer was stopped by signal N (15 for SIGTERM: exit code 143)";
