//! The plan on disk: loading, and saving so that nothing is ever lost.
//!
//! - Every save is atomic: a temporary file in the same folder is written, flushed and synced,
//!   then renamed over the plan, and the folder is synced. A kill at any instant leaves the old
//!   plan or the new one.
//! - A file that cannot be read as a plan is never written (the store opens read-only).
//! - Before each save the file is read again; if it changed since it was loaded (another rungs,
//!   an editor), the change is replayed on top of what is there now rather than clobbering it.
//! - When a save fails, the change is taken back in memory too, so what is shown is what is
//!   on disk.

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::ladder::Problem;

use super::format;
use super::model::{Edit, Plan};

/// Why a plan could not be loaded or saved. Every variant renders as a message for a person.
#[derive(Debug)]
pub enum PlanError {
    /// The file is not a plan this rungs can read: each problem with file, line and column.
    Invalid(Vec<Problem>),
    /// The file changed on disk since it was loaded and what is there now is not a valid plan:
    /// nothing was written.
    ChangedOnDiskInvalid(Vec<Problem>),
    /// The file or its folder could not be read or written.
    Io {
        path: PathBuf,
        action: &'static str,
        error: std::io::Error,
    },
    /// The store was opened read-only because the file could not be read as a plan.
    ReadOnly { path: PathBuf },
    /// No home folder to put the default plan in.
    NoDefaultPath(String),
    /// The plan could not be turned into TOML (not expected for any plan).
    Encode(String),
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlanError::Invalid(problems) => write_problems(f, problems),
            PlanError::ChangedOnDiskInvalid(problems) => {
                write_problems(f, problems)?;
                write!(
                    f,
                    "\nthe plan changed on disk and is no longer valid; your change was not \
                     saved and the file was not touched"
                )
            }
            PlanError::Io {
                path,
                action,
                error,
            } => write!(
                f,
                "{}: cannot {action}: {error}",
                crate::text::escape_control(&path.display().to_string())
            ),
            PlanError::ReadOnly { path } => write!(
                f,
                "{}: the plan is open read-only because the file has problems; fix it (or move \
                 it away) and try again",
                crate::text::escape_control(&path.display().to_string())
            ),
            PlanError::NoDefaultPath(why) => write!(
                f,
                "no home folder for the default plan ({why}); give one with --plan FILE or \
                 RUNGS_PLAN"
            ),
            PlanError::Encode(why) => write!(f, "cannot encode the plan as TOML: {why}"),
        }
    }
}

fn write_problems(f: &mut fmt::Formatter<'_>, problems: &[Problem]) -> fmt::Result {
    for (i, problem) in problems.iter().enumerate() {
        if i > 0 {
            writeln!(f)?;
        }
        f.write_str(&problem.render())?;
    }
    Ok(())
}

impl std::error::Error for PlanError {}

/// What a successful [`PlanStore::apply`] or [`PlanStore::undo`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Saved {
    /// The plan changed (and was written); false when the edit changed nothing.
    pub changed: bool,
    /// The file had changed on disk since it was loaded: it was reloaded and the edit applied
    /// on top of it. The UI should say so, since the plan on screen may have changed.
    pub reloaded: bool,
}

/// `$XDG_DATA_HOME/rungs/plan.toml` (`~/.local/share/rungs/plan.toml`).
pub fn default_path() -> Result<PathBuf, PlanError> {
    use etcetera::BaseStrategy;
    let strategy =
        etcetera::choose_base_strategy().map_err(|e| PlanError::NoDefaultPath(e.to_string()))?;
    Ok(strategy.data_dir().join("rungs").join("plan.toml"))
}

/// The plan file to use: `--plan FILE` / `RUNGS_PLAN` when given, else [`default_path`].
pub fn resolve_path(given: Option<&Path>) -> Result<PathBuf, PlanError> {
    match given {
        Some(path) => Ok(path.to_path_buf()),
        None => default_path(),
    }
}

/// A plan and the file it lives in, with an undo history.
#[derive(Debug, Clone)]
pub struct PlanStore {
    path: PathBuf,
    plan: Plan,
    /// The file's bytes as last loaded or saved; `None` when there was no file.
    on_disk: Option<Vec<u8>>,
    /// Inverses of the edits made through this store, most recent last.
    undo: Vec<Edit>,
    read_only: bool,
}

impl PlanStore {
    /// Loads the plan at `path`; a missing file is an empty plan (created at the first save).
    pub fn open(path: impl Into<PathBuf>) -> Result<PlanStore, PlanError> {
        let path = path.into();
        let on_disk = read_file(&path)?;
        let plan = parse_bytes(&path, on_disk.as_deref()).map_err(PlanError::Invalid)?;
        Ok(PlanStore {
            path,
            plan,
            on_disk,
            undo: Vec::new(),
            read_only: false,
        })
    }

    /// Like [`PlanStore::open`], but a file with problems gives an empty, read-only store
    /// (every edit is refused, the file is never written) together with the error to show,
    /// so a session can go on.
    pub fn open_or_read_only(path: impl Into<PathBuf>) -> (PlanStore, Option<PlanError>) {
        let path = path.into();
        match PlanStore::open(path.clone()) {
            Ok(store) => (store, None),
            Err(error) => (
                PlanStore {
                    path,
                    plan: Plan::default(),
                    on_disk: None,
                    undo: Vec::new(),
                    read_only: true,
                },
                Some(error),
            ),
        }
    }

    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Applies `edit` and saves at once. On error the plan in memory is as it was and the file
    /// is untouched.
    pub fn apply(&mut self, edit: &Edit) -> Result<Saved, PlanError> {
        let (saved, inverse) = self.apply_and_save(edit)?;
        if let Some(inverse) = inverse {
            self.undo.push(inverse);
        }
        Ok(saved)
    }

    /// Takes back the last edit made through this store, and saves. `Ok(None)` when there is
    /// nothing to undo. On error the edit stays undoable.
    pub fn undo(&mut self) -> Result<Option<Saved>, PlanError> {
        let Some(inverse) = self.undo.pop() else {
            return Ok(None);
        };
        match self.apply_and_save(&inverse) {
            Ok((saved, _)) => Ok(Some(saved)),
            Err(error) => {
                self.undo.push(inverse);
                Err(error)
            }
        }
    }

    /// Reads the file again if it changed on disk; returns whether it had. A read-only store
    /// always reads it again: its file may have been fixed, or moved away (no file at all, as
    /// a read-only store holds, is then a new empty plan).
    pub fn reload(&mut self) -> Result<bool, PlanError> {
        let current = read_file(&self.path)?;
        if current == self.on_disk && !self.read_only {
            return Ok(false);
        }
        self.plan = parse_bytes(&self.path, current.as_deref()).map_err(PlanError::Invalid)?;
        self.on_disk = current;
        self.read_only = false;
        Ok(true)
    }

    fn apply_and_save(&mut self, edit: &Edit) -> Result<(Saved, Option<Edit>), PlanError> {
        if self.read_only {
            return Err(PlanError::ReadOnly {
                path: self.path.clone(),
            });
        }
        let current = read_file(&self.path)?;
        let reloaded = current != self.on_disk;
        if reloaded {
            self.plan = parse_bytes(&self.path, current.as_deref())
                .map_err(PlanError::ChangedOnDiskInvalid)?;
            self.on_disk = current;
        }
        let log_len = self.plan.log.len();
        let Some(inverse) = self.plan.apply(edit) else {
            return Ok((
                Saved {
                    changed: false,
                    reloaded,
                },
                None,
            ));
        };
        let text = match format::to_toml(&self.plan) {
            Ok(text) => text,
            Err(e) => {
                self.plan.roll_back(&inverse, log_len);
                return Err(PlanError::Encode(e.to_string()));
            }
        };
        if let Err(error) = write_atomically(&self.path, text.as_bytes()) {
            self.plan.roll_back(&inverse, log_len);
            return Err(PlanError::Io {
                path: self.path.clone(),
                action: "save the plan (the file on disk is unchanged)",
                error,
            });
        }
        self.on_disk = Some(text.into_bytes());
        Ok((
            Saved {
                changed: true,
                reloaded,
            },
            Some(inverse),
        ))
    }
}

/// The file's bytes, or `None` when there is no file.
fn read_file(path: &Path) -> Result<Option<Vec<u8>>, PlanError> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(PlanError::Io {
            path: path.to_path_buf(),
            action: "read the plan",
            error,
        }),
    }
}

fn parse_bytes(path: &Path, bytes: Option<&[u8]>) -> Result<Plan, Vec<Problem>> {
    let name = crate::text::escape_control(&path.display().to_string()).into_owned();
    let Some(bytes) = bytes else {
        return Ok(Plan::default());
    };
    let text = std::str::from_utf8(bytes).map_err(|e| {
        vec![Problem::whole_file(
            &name,
            format!("not UTF-8 text (byte {})", e.valid_up_to()),
        )]
    })?;
    format::parse(&name, text)
}

/// Replaces the file at `path` with `bytes` so that, whatever happens, the file holds either
/// its old content or the new one in full. A symbolic link is followed (the file it points to
/// is replaced, the link kept). A new file gets mode 0600; an existing one keeps its mode.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let target = match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => std::fs::canonicalize(path)?,
        _ => path.to_path_buf(),
    };
    let folder = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    create_private_folder(&folder)?;
    let existing_permissions = std::fs::metadata(&target).ok().map(|m| m.permissions());
    let file_name = target
        .file_name()
        .map_or_else(|| "plan".into(), |n| n.to_string_lossy().into_owned());
    let mut temp = tempfile::Builder::new()
        .prefix(&format!(".{file_name}."))
        .suffix(".tmp")
        .tempfile_in(&folder)?;
    temp.write_all(bytes)?;
    temp.flush()?;
    // tempfile creates files with mode 0600 on unix, which is what a new plan gets.
    if let Some(permissions) = existing_permissions {
        temp.as_file().set_permissions(permissions)?;
    }
    temp.as_file().sync_all()?;
    temp.persist(&target).map_err(|e| e.error)?;
    sync_folder(&folder)
}

/// Creates the folder (and its parents) if missing; new folders are private (0700) on unix.
fn create_private_folder(folder: &Path) -> std::io::Result<()> {
    if folder.is_dir() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(folder)
}

/// Makes the rename itself durable.
#[cfg(unix)]
fn sync_folder(folder: &Path) -> std::io::Result<()> {
    std::fs::File::open(folder)?.sync_all()
}

#[cfg(not(unix))]
fn sync_folder(_folder: &Path) -> std::io::Result<()> {
    Ok(())
}
