use clap::Parser;

use rungs::cli::{self, Cli};

fn main() {
    let args = Cli::parse();
    let code = match args.command {
        Some(command) => cli::run(args.content.as_deref(), args.plan.as_deref(), command),
        None => rungs::tui::run(args.content.as_deref(), args.plan.as_deref()),
    };
    std::process::exit(code);
}
