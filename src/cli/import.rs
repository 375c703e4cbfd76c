//! `rungs import csv FILE --out DIR`: a company's framework into a content folder.
//!
//! The core ([`crate::import`]) reads the file and writes the folder (staged, validated,
//! renamed into place); this prints the report, or the problems, and picks the exit code.

use std::path::{Path, PathBuf};

use clap::Subcommand;

use super::output::{emit, emit_json};
use super::{CliError, ListFormat};
use crate::import::{
    CsvOptions, ImportError, Imported, import_csv, import_markdown, import_structured, parse_json,
    parse_yaml, read_markdown_folder, write_folder,
};
use crate::ladder::Problem;
use crate::ladder::{Scale, ScaleStep};

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// A spreadsheet export: one row per statement about one skill at one level. The header
    /// row names the columns (any order, any case): Level and Skill are required; Track,
    /// Family, Rank, Title, Follows, Category, Proficiency, Expectation, Example, Summary and
    /// Scope are read; any other column is kept in `extra`.
    Csv {
        /// The CSV file (`,` `;` or tab separated; UTF-8, with or without a byte-order mark).
        file: PathBuf,
        /// The file's proficiency steps, lowest first (`--scale novice,skilled,expert`);
        /// without it, proficiencies are rungs' four steps by name or number.
        #[arg(long, value_name = "STEP,STEP,…", value_delimiter = ',')]
        scale: Option<Vec<String>>,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// A JSON framework, read through a mapping file that says where levels, competencies
    /// and statements are (see content/README.md, "Importing").
    Json {
        file: PathBuf,
        /// The mapping file (TOML).
        #[arg(long, value_name = "MAP.toml")]
        mapping: PathBuf,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// A YAML framework, read through a mapping file, as for `json`.
    Yaml {
        file: PathBuf,
        /// The mapping file (TOML).
        #[arg(long, value_name = "MAP.toml")]
        mapping: PathBuf,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// A folder of markdown files, one per track: front matter (`track`, `family`), a `#`
    /// heading per level, a `##` heading per skill (`## Category / Skill [step]`) and its
    /// statements as list items (see content/README.md, "Importing").
    Markdown {
        /// The folder of `*.md` files.
        dir: PathBuf,
        /// The framework's proficiency steps, lowest first, as for `csv`.
        #[arg(long, value_name = "STEP,STEP,…", value_delimiter = ',')]
        scale: Option<Vec<String>>,
        #[command(flatten)]
        output: OutputArgs,
    },
}

/// Where and how an import writes, shared by the structured formats.
#[derive(Debug, clap::Args)]
pub struct OutputArgs {
    /// The content folder to write; it must not exist or be empty, unless --force.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Replace what --out holds (only once the new folder is complete).
    #[arg(long)]
    force: bool,
    /// Fail (exit 1, nothing written) if the import would drop anything.
    #[arg(long)]
    strict: bool,
    /// How to print the import report.
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    format: ListFormat,
}

/// A file's bytes, or a located input problem.
fn read(path: &Path) -> Result<Vec<u8>, CliError> {
    std::fs::read(path).map_err(|e| {
        CliError::Import(ImportError::Input(vec![Problem::whole_file(
            path.display().to_string(),
            format!("cannot read: {e}"),
        )]))
    })
}

pub fn run(command: ImportCommand) -> Result<(), CliError> {
    match command {
        ImportCommand::Csv {
            file,
            scale,
            output,
        } => {
            let name = file.display().to_string();
            let imported = import_csv(&name, &read(&file)?, &CsvOptions { scale })
                .map_err(|problems| CliError::Import(ImportError::Input(problems)))?;
            finish(&imported, &output)
        }
        ImportCommand::Json {
            file,
            mapping,
            output,
        } => structured(&file, &mapping, &output, parse_json),
        ImportCommand::Yaml {
            file,
            mapping,
            output,
        } => structured(&file, &mapping, &output, parse_yaml),
        ImportCommand::Markdown { dir, scale, output } => {
            let input = |problems| CliError::Import(ImportError::Input(problems));
            let files = read_markdown_folder(&dir).map_err(input)?;
            let scale = scale.map(|names| {
                Scale::new(
                    names
                        .into_iter()
                        .map(|name| ScaleStep {
                            name: name.trim().to_owned(),
                            description: String::new(),
                        })
                        .collect(),
                )
            });
            let imported =
                import_markdown(&dir.display().to_string(), &files, scale).map_err(input)?;
            finish(&imported, &output)
        }
    }
}

type Parse = fn(&str, &[u8]) -> Result<serde_json::Value, Vec<Problem>>;

fn structured(
    file: &Path,
    mapping: &Path,
    output: &OutputArgs,
    parse: Parse,
) -> Result<(), CliError> {
    let input = |problems| CliError::Import(ImportError::Input(problems));
    let name = file.display().to_string();
    let value = parse(&name, &read(file)?).map_err(input)?;
    let mapping_name = mapping.display().to_string();
    let mapping_text = String::from_utf8(read(mapping)?)
        .map_err(|_| input(vec![Problem::whole_file(&mapping_name, "not UTF-8 text")]))?;
    let imported = import_structured(&name, &value, &mapping_name, &mapping_text).map_err(input)?;
    finish(&imported, output)
}

/// Writes the folder (unless --strict and something was dropped) and prints the report.
fn finish(imported: &Imported, output: &OutputArgs) -> Result<(), CliError> {
    let refused = output.strict && imported.report.dropped_anything();
    if !refused {
        write_folder(&output.out, imported, output.force).map_err(CliError::Import)?;
    }
    match output.format {
        ListFormat::Text => emit(&imported.report.markdown())?,
        ListFormat::Json => {
            let mut value = imported.report.json();
            if let Some(map) = value.as_object_mut() {
                map.insert("written".into(), (!refused).into());
                map.insert("out".into(), output.out.display().to_string().into());
            }
            emit_json(&value)?;
        }
    }
    if refused {
        return Err(CliError::StrictDropped);
    }
    Ok(())
}
