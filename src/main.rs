use std::process::ExitCode;

use clap::Parser;

use rungs::cli::{self, Cli};
use rungs::exit::Exit;

fn main() -> ExitCode {
    let args = match Cli::try_parse() {
        Ok(args) => args,
        Err(error) => {
            // Help and version are printed on stdout and end with 0; mistakes end with 2.
            let _ = error.print();
            return if error.use_stderr() {
                Exit::Usage.into()
            } else {
                Exit::Success.into()
            };
        }
    };
    let (content, plan) = (args.content.as_deref(), args.plan.as_deref());
    let outcome = match args.command {
        Some(command) => cli::run(content, plan, command).map_err(|e| (e.to_string(), e.exit())),
        None => rungs::tui::run(content, plan).map_err(|e| (e.to_string(), e.exit())),
    };
    match outcome {
        Ok(()) => Exit::Success.into(),
        Err((message, exit)) => {
            eprintln!("{message}");
            exit.into()
        }
    }
}
