//! Writing a command's answer: to stdout, wrapped to a width that fits the reader.

use std::io::Write;

use super::CliError;

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
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| CliError::Output(std::io::Error::other(e)))?;
    emit(&(text + "\n"))
}

/// The width to wrap text to: `$COLUMNS`, else 100.
pub fn output_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c >= 20)
        .unwrap_or(100)
}
