use std::io::Write;
use std::process::ExitCode;

use rungs::cli;
use rungs::exit::Exit;

fn main() -> ExitCode {
    if cli::complete_if_asked() {
        return Exit::Success.into();
    }
    let mut args = match cli::parse() {
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
    let outcome = match args.command.take() {
        Some(command) => cli::run(args, command).map_err(|e| (e.to_string(), e.exit())),
        None => {
            // The explorer only runs on a terminal.
            let colour = args.color.wanted(true, cli::no_color_set());
            rungs::tui::run(
                args.content.as_deref(),
                args.plan.as_deref(),
                colour,
                args.checkin_file.as_deref(),
            )
            .map_err(|e| (e.to_string(), e.exit()))
        }
    };
    match outcome {
        Ok(()) => Exit::Success.into(),
        Err((message, exit)) => {
            // Not `eprintln!`: it panics when standard error is gone (a closed terminal).
            let _ = writeln!(std::io::stderr(), "{message}");
            exit.into()
        }
    }
}
