use clap::Parser;

use rungs::cli::{self, Cli};

fn main() {
    let args = Cli::parse();
    let code = match args.command {
        Some(command) => cli::run(args.content.as_deref(), args.plan.as_deref(), command),
        // The explorer lands with the TUI; until then, print the ladder.
        None => cli::run(
            args.content.as_deref(),
            args.plan.as_deref(),
            cli::Command::List {
                format: cli::ListFormat::Text,
            },
        ),
    };
    std::process::exit(code);
}
