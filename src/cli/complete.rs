//! Shell completion, generated from the clap definitions by clap_complete's dynamic engine.
//!
//! `rungs completions SHELL` prints a small script that, on each Tab, runs rungs again with
//! `RUNGS_COMPLETE=SHELL` and the words typed so far; rungs answers with the commands and
//! flags that fit, and with the level and skill ids of the ladder in use (the one `--content`
//! on that line or `RUNGS_CONTENT` names, else the built-in one). So the ids offered are
//! always those of the ladder the command would load, and the script never goes stale when
//! the ladder changes.

use clap_complete::CompletionCandidate;
use clap_complete::env::{Bash, EnvCompleter, Fish, Zsh};

use super::CliError;
use super::output::emit;
use crate::ladder::Ladder;
use crate::present::one_line;

/// The variable the completion scripts set when they ask rungs for candidates.
const VAR: &str = "RUNGS_COMPLETE";

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}

/// Prints the registration script for `shell`.
pub fn script(shell: Shell) -> Result<(), CliError> {
    let completer: &dyn EnvCompleter = match shell {
        Shell::Bash => &Bash,
        Shell::Zsh => &Zsh,
        Shell::Fish => &Fish,
    };
    // The script calls this very binary back, wherever it is installed.
    let program = std::env::current_exe()
        .ok()
        .map_or_else(|| "rungs".to_owned(), |p| p.display().to_string());
    let mut script = Vec::new();
    completer
        .write_registration(VAR, "rungs", "rungs", &program, &mut script)
        .map_err(CliError::Output)?;
    emit(&String::from_utf8_lossy(&script))
}

/// Answers a completion request when `RUNGS_COMPLETE` is set; `true` when it did.
pub fn answer() -> bool {
    let current_dir = std::env::current_dir().ok();
    clap_complete::CompleteEnv::with_factory(super::command)
        .var(VAR)
        .try_complete(std::env::args_os(), current_dir.as_deref())
        // A request rungs cannot answer offers nothing rather than failing the shell.
        .unwrap_or(true)
}

/// The ladder named on the line being completed (`--content DIR` or `--content=DIR`), else
/// by `RUNGS_CONTENT`, else the built-in one; `None` when it does not load.
fn ladder_in_use() -> Option<Ladder> {
    let words: Vec<String> = std::env::args().collect();
    let mut content = std::env::var_os("RUNGS_CONTENT").map(std::path::PathBuf::from);
    for (i, word) in words.iter().enumerate() {
        if let Some(dir) = word.strip_prefix("--content=") {
            content = Some(dir.into());
        } else if word == "--content"
            && let Some(dir) = words.get(i + 1)
        {
            content = Some(dir.into());
        }
    }
    Ladder::load(content.as_deref()).ok()
}

/// Level ids, each with its title as help.
pub fn levels() -> Vec<CompletionCandidate> {
    ladder_in_use().map_or_else(Vec::new, |ladder| {
        ladder
            .levels()
            .iter()
            .map(|l| CompletionCandidate::new(&l.id).help(Some(one_line(&l.title).into())))
            .collect()
    })
}

/// Skill ids, each with its name as help.
pub fn skills() -> Vec<CompletionCandidate> {
    ladder_in_use().map_or_else(Vec::new, |ladder| {
        ladder
            .skills()
            .iter()
            .map(|s| CompletionCandidate::new(&s.id).help(Some(one_line(&s.name).into())))
            .collect()
    })
}
