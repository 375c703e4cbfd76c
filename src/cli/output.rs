//! Writing a command's answer: to stdout, wrapped to a width that fits the reader, with
//! colour only where the reader is a terminal that wants it.

use std::io::{IsTerminal, Write};

use ratatui::crossterm::style::Stylize;

use super::CliError;

/// The narrowest and widest text rungs lays out: below this nothing readable fits, and above
/// it a line is no easier to read, while a huge `COLUMNS` would cost memory for nothing.
pub const NARROWEST: usize = 20;
pub const WIDEST: usize = 500;

/// The width a pipe or a file gets when `COLUMNS` says nothing.
pub const PIPE_WIDTH: usize = 80;

/// `--color`: when to use colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Colour {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always, even in a pipe or with NO_COLOR set.
    Always,
    /// Never.
    Never,
}

impl Colour {
    /// Whether to colour output that goes to stdout (`on_terminal`), with `no_color` the
    /// NO_COLOR setting: `always` overrides it.
    pub fn wanted(self, on_terminal: bool, no_color: bool) -> bool {
        match self {
            Colour::Always => true,
            Colour::Never => false,
            Colour::Auto => on_terminal && !no_color,
        }
    }
}

pub fn stdout_is_terminal() -> bool {
    std::io::stdout().is_terminal()
}

/// Whether NO_COLOR asks for no colour (set and not empty).
pub fn no_color_set() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// The width to wrap text to: `COLUMNS` when it is a number, else the terminal's width when
/// stdout is one, else 80; always within `NARROWEST..=WIDEST`.
pub fn width(on_terminal: bool) -> usize {
    let from_env = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<u64>().ok());
    let asked = match from_env {
        Some(columns) => usize::try_from(columns).unwrap_or(WIDEST),
        None if on_terminal => ratatui::crossterm::terminal::size()
            .map_or(PIPE_WIDTH, |(columns, _)| usize::from(columns)),
        None => PIPE_WIDTH,
    };
    asked.clamp(NARROWEST, WIDEST)
}

/// How a command's text is laid out: its width and whether it may use colour.
#[derive(Debug, Clone, Copy)]
pub struct Out {
    pub width: usize,
    pub colour: bool,
}

impl Out {
    pub fn new(choice: Colour) -> Out {
        let on_terminal = stdout_is_terminal();
        Out {
            width: width(on_terminal),
            colour: choice.wanted(on_terminal, no_color_set()),
        }
    }

    /// A heading: bold when colour is on.
    pub fn heading(self, text: &str) -> String {
        if self.colour {
            text.bold().to_string()
        } else {
            text.to_owned()
        }
    }

    /// An id, coloured when colour is on, so it stands out from the titles around it.
    pub fn id(self, text: &str) -> String {
        if self.colour {
            text.cyan().to_string()
        } else {
            text.to_owned()
        }
    }
}

/// `text` with every line wider than `width` wrapped, its further lines indented two more
/// than it is. For listings whose rows are usually short: a row that does not fit breaks
/// rather than running past the edge of the terminal.
pub fn fit_lines(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let indent = line.len() - line.trim_start().len();
        let hang = " ".repeat(indent + 2);
        for part in textwrap::wrap(
            line,
            textwrap::Options::new(width)
                .word_splitter(textwrap::WordSplitter::NoHyphenation)
                .subsequent_indent(&hang),
        ) {
            out.push_str(&part);
            out.push('\n');
        }
    }
    out
}

/// Writes to stdout; a reader that went away (`rungs list | head`) is a normal end.
pub fn emit(text: &str) -> Result<(), CliError> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(CliError::Output(e)),
    }
}

/// Writes a JSON document, pretty-printed, with a final line break.
pub fn emit_json(value: &serde_json::Value) -> Result<(), CliError> {
    // C1 and bidi characters escaped: serde_json writes them raw.
    let text =
        crate::text::to_json(value).map_err(|e| CliError::Output(std::io::Error::other(e)))?;
    emit(&(text + "\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_follows_the_terminal_unless_told() {
        assert!(Colour::Auto.wanted(true, false));
        assert!(!Colour::Auto.wanted(false, false));
        assert!(!Colour::Auto.wanted(true, true));
        assert!(Colour::Always.wanted(false, true));
        assert!(!Colour::Never.wanted(true, false));
    }

    #[test]
    fn long_rows_wrap_under_themselves() {
        let text = "short\n  ★ a long row that will not fit\n";
        assert_eq!(
            fit_lines(text, 16),
            "short\n  ★ a long row\n    that will\n    not fit\n"
        );
    }

    #[test]
    fn plain_output_has_no_escapes() {
        let out = Out {
            width: 80,
            colour: false,
        };
        assert_eq!(out.heading("Skills"), "Skills");
        let coloured = Out {
            width: 80,
            colour: true,
        };
        assert!(coloured.heading("Skills").contains('\u{1b}'));
    }
}
