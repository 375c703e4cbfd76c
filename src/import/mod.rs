//! Importing a company's existing career framework (a spreadsheet export, …) into a rungs
//! content folder.
//!
//! An import never invents: a fact the source does not give stays absent, and everything the
//! import had to decide (ids made from titles, ranks from row order, columns kept only in
//! `extra`, values dropped) is written down in an [`ImportReport`] that goes into the folder as
//! `IMPORT-REPORT.md`. The folder is written to a temporary place, checked with the same
//! validation as `--content`, and only then renamed into place, so a failed import leaves
//! nothing behind. Nothing here prints; front ends show the report.

mod csv;
mod draft;
mod markdown;
mod output;
mod report;
mod structured;

use std::path::{Path, PathBuf};

pub use self::csv::{CsvOptions, import_csv};
pub use markdown::{MarkdownFile, import_markdown, read_markdown_folder};
pub use report::{ImportReport, ReportEntry, ReportKind};
pub use structured::{import_structured, parse_json, parse_yaml};

use crate::ladder::{Ladder, Problem};

/// The files of an imported ladder, by path relative to the output folder, and the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub files: Vec<(String, String)>,
    pub report: ImportReport,
}

/// Why an import wrote nothing.
#[derive(Debug)]
pub enum ImportError {
    /// The input has problems, every one listed (file:line:col where known).
    Input(Vec<Problem>),
    /// `--out` already holds files and `--force` was not given.
    OutNotEmpty(PathBuf),
    /// The folder could not be written (permissions, disk full, …).
    Io(PathBuf, std::io::Error),
    /// The imported folder does not pass validation: a bug in the importer, reported rather
    /// than written.
    Invalid(Vec<Problem>),
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let escape = |p: &Path| crate::text::escape_control(&p.display().to_string()).into_owned();
        match self {
            ImportError::Input(problems) | ImportError::Invalid(problems) => {
                for problem in problems {
                    writeln!(f, "{}", problem.render())?;
                }
                Ok(())
            }
            ImportError::OutNotEmpty(path) => write!(
                f,
                "{} is not empty; choose another --out folder or pass --force to replace it",
                escape(path)
            ),
            ImportError::Io(path, e) => write!(f, "cannot write {}: {e}", escape(path)),
        }
    }
}

/// The name of the report file written into the output folder.
pub const REPORT_FILE: &str = "IMPORT-REPORT.md";

/// Writes `imported` as a content folder at `out`: into a temporary folder beside it first,
/// validated there, then renamed into place. A non-empty `out` is refused unless `force`;
/// with `force` the old folder is replaced only once the new one is complete.
pub fn write_folder(out: &Path, imported: &Imported, force: bool) -> Result<(), ImportError> {
    let occupied = match std::fs::read_dir(out) {
        Ok(mut entries) => entries.next().is_some(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => false,
        Err(e) => return Err(ImportError::Io(out.to_owned(), e)),
    };
    if occupied && !force {
        return Err(ImportError::OutNotEmpty(out.to_owned()));
    }
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let io = |path: &Path| {
        let path = path.to_owned();
        move |e| ImportError::Io(path, e)
    };
    let staging = tempfile::Builder::new()
        .prefix(".rungs-import-")
        .tempdir_in(&parent)
        .map_err(io(&parent))?;
    for (name, text) in &imported.files {
        let path = staging.path().join(name);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(io(dir))?;
        }
        std::fs::write(&path, text).map_err(io(&path))?;
    }
    Ladder::from_folder(staging.path()).map_err(ImportError::Invalid)?;
    std::fs::write(staging.path().join(REPORT_FILE), imported.report.markdown())
        .map_err(io(staging.path()))?;

    if out.exists() {
        // Move the old folder aside, put the new one in place, then drop the old one: at no
        // moment is `out` half-written.
        let old = tempfile::Builder::new()
            .prefix(".rungs-replaced-")
            .tempdir_in(&parent)
            .map_err(io(&parent))?;
        let aside = old.path().join("old");
        std::fs::rename(out, &aside).map_err(io(out))?;
        if let Err(e) = std::fs::rename(staging.path(), out) {
            let _ = std::fs::rename(&aside, out);
            return Err(ImportError::Io(out.to_owned(), e));
        }
    } else {
        std::fs::rename(staging.path(), out).map_err(io(out))?;
    }
    // The staging folder now lives at `out`; make sure its guard does not delete it.
    let _ = staging.keep();
    Ok(())
}
