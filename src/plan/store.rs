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
//! - A group of edits (`apply_all`, and the undo of a group) is one save: one lock, one
//!   re-read, one write. It is saved whole or not at all.
//! - Saves from several processes take turns: an advisory lock on `.NAME.lock` beside the plan
//!   is held from the re-read through the rename, so no save lands between another's re-read
//!   and its rename. The wait is bounded; past it the save is refused with a message.
//! - A save never leaves its temporary file behind on an error, and removes the ones a killed
//!   rungs left (older than a minute) beside the plan.
//! - The file's choices are respected: a read-only plan (no owner write bit) is not written, the
//!   owner and mode are kept (or the save refused), a symbolic link is followed and its target
//!   replaced (a dangling link is created through). A plan with several hard links is not
//!   written: replacing it atomically would detach the other names, and writing in place
//!   could leave a half-written file after a kill, so the user is told instead.

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use crate::files::{PLAN_FILE_LIMIT, ReadError, read_regular};

use crate::ladder::Problem;

use super::fold::{LOG_CAP, LOG_KEEP, fold_log};
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
    /// The file is not a regular file or is too large: nothing read, nothing written.
    Unreadable { path: PathBuf, error: ReadError },
    /// Another rungs held the plan's lock for longer than the wait: nothing was written.
    Busy { path: PathBuf, waited: Duration },
    /// The file asks not to be written (read-only, hard-linked, owned by someone else).
    Protected { path: PathBuf, reason: Protection },
}

/// Why a plan file is not written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Protection {
    /// The file has no write permission for its owner.
    ReadOnlyFile,
    /// The file has this many names (hard links).
    HardLinks(u64),
    /// The file belongs to another user or group, and a new file cannot be given that owner.
    Owner { uid: u32, gid: u32 },
}

impl fmt::Display for Protection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Protection::ReadOnlyFile => write!(
                f,
                "the file is read-only; make it writable (chmod u+w) to change the plan"
            ),
            Protection::HardLinks(count) => write!(
                f,
                "the file has {count} hard links; saving replaces the file, which would cut it \
                 off from its other names, so it is not written (use a symbolic link instead)"
            ),
            Protection::Owner { uid, gid } => write!(
                f,
                "the file belongs to user {uid}, group {gid}, and a saved copy could not keep \
                 that owner; it is not written"
            ),
        }
    }
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
            PlanError::Unreadable { path, error } => write!(
                f,
                "{}: cannot read the plan: {error}",
                crate::text::escape_control(&path.display().to_string())
            ),
            PlanError::Busy { path, waited } => {
                let path = crate::text::escape_control(&path.display().to_string()).into_owned();
                if waited.as_secs_f64() < 0.1 {
                    write!(
                        f,
                        "{path}: another rungs is saving this plan right now; nothing was \
                         saved, try again"
                    )
                } else {
                    write!(
                        f,
                        "{path}: another rungs held this plan's lock for {:.1} s; nothing was \
                         saved, try again",
                        waited.as_secs_f64()
                    )
                }
            }
            PlanError::Protected { path, reason } => write!(
                f,
                "{}: not saved: {reason}",
                crate::text::escape_control(&path.display().to_string())
            ),
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

/// How long a command-line save waits for another rungs to finish its save.
pub const DEFAULT_LOCK_WAIT: Duration = Duration::from_secs(5);

/// A plan and the file it lives in, with an undo history.
#[derive(Debug, Clone)]
pub struct PlanStore {
    path: PathBuf,
    plan: Plan,
    /// The file's bytes as last loaded or saved; `None` when there was no file.
    on_disk: Option<Vec<u8>>,
    /// Inverses of the edits made through this store, most recent last; one group per
    /// [`PlanStore::apply`] or [`PlanStore::apply_all`], so one undo takes back a whole group.
    undo: Vec<Vec<Edit>>,
    /// Counts the changes to the plan in memory (edits, undos, reloads), so that a front end
    /// can keep what it derives from the plan until the plan changes.
    revision: u64,
    read_only: bool,
    /// Why the file itself asks not to be written, as found when it was last read.
    protection: Option<Protection>,
    lock_wait: Duration,
}

impl PlanStore {
    /// Loads the plan at `path`; a missing file is an empty plan (created at the first save).
    /// A file that asks not to be written (see [`Protection`]) loads, and every edit is then
    /// refused with the reason.
    pub fn open(path: impl Into<PathBuf>) -> Result<PlanStore, PlanError> {
        let path = path.into();
        let on_disk = read_file(&path)?;
        let plan = parse_bytes(&path, on_disk.as_deref()).map_err(PlanError::Invalid)?;
        let protection = resolve_target(&path)
            .ok()
            .and_then(|target| protection_of(&target));
        Ok(PlanStore {
            path,
            plan,
            on_disk,
            undo: Vec::new(),
            revision: 0,
            read_only: false,
            protection,
            lock_wait: DEFAULT_LOCK_WAIT,
        })
    }

    /// Like [`PlanStore::open`], but a file with problems gives an empty, read-only store
    /// (every edit is refused, the file is never written) together with the error to show,
    /// so a session can go on. A file that asks not to be written opens read-only too, with
    /// the reason as its error.
    pub fn open_or_read_only(path: impl Into<PathBuf>) -> (PlanStore, Option<PlanError>) {
        let path = path.into();
        match PlanStore::open(path.clone()) {
            Ok(store) => match store.protection.clone() {
                Some(reason) => (store, Some(PlanError::Protected { path, reason })),
                None => (store, None),
            },
            Err(error) => (
                PlanStore {
                    path,
                    plan: Plan::default(),
                    on_disk: None,
                    undo: Vec::new(),
                    revision: 0,
                    read_only: true,
                    protection: None,
                    lock_wait: DEFAULT_LOCK_WAIT,
                },
                Some(error),
            ),
        }
    }

    /// How long a save waits for another rungs's save to finish before giving up
    /// ([`PlanError::Busy`]). The explorer passes zero so that no frame waits on a lock.
    pub fn with_lock_wait(mut self, wait: Duration) -> PlanStore {
        self.lock_wait = wait;
        self
    }

    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether every edit is refused: the file has problems, or asks not to be written.
    pub fn is_read_only(&self) -> bool {
        self.read_only || self.protection.is_some()
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Applies `edit` and saves at once. On error the plan in memory is as it was and the file
    /// is untouched.
    pub fn apply(&mut self, edit: &Edit) -> Result<Saved, PlanError> {
        self.apply_all(std::slice::from_ref(edit))
    }

    /// Applies `edits` in order and saves them in one write, as one change for undo: one
    /// [`PlanStore::undo`] takes them all back. All or nothing: on error none of them stays,
    /// in memory or on disk.
    pub fn apply_all(&mut self, edits: &[Edit]) -> Result<Saved, PlanError> {
        let (saved, group) = self.save_edits(edits.iter())?;
        if !group.is_empty() {
            self.undo.push(group);
        }
        Ok(saved)
    }

    /// How many changes the plan in memory has seen since the store was opened: it grows with
    /// every edit, undo and reload that changed it, and never goes back.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Takes back the last edit (or group of edits) made through this store, in one save.
    /// `Ok(None)` when there is nothing to undo. On error nothing is taken back and the group
    /// stays undoable.
    pub fn undo(&mut self) -> Result<Option<Saved>, PlanError> {
        let Some(group) = self.undo.pop() else {
            return Ok(None);
        };
        // Inverses in reverse order: the last edit is taken back first.
        match self.save_edits(group.iter().rev()) {
            Ok((saved, _)) => Ok(Some(saved)),
            Err(error) => {
                self.undo.push(group);
                Err(error)
            }
        }
    }

    /// Reads the file again if it changed on disk; returns whether it had. A read-only store
    /// always reads it again: its file may have been fixed, or moved away (no file at all, as
    /// a read-only store holds, is then a new empty plan).
    pub fn reload(&mut self) -> Result<bool, PlanError> {
        let current = read_file(&self.path)?;
        let protection = resolve_target(&self.path)
            .ok()
            .and_then(|target| protection_of(&target));
        if current == self.on_disk && !self.read_only && protection == self.protection {
            return Ok(false);
        }
        self.plan = parse_bytes(&self.path, current.as_deref()).map_err(PlanError::Invalid)?;
        self.revision += 1;
        self.on_disk = current;
        self.read_only = false;
        self.protection = protection;
        Ok(true)
    }

    /// Applies `edits` in order and saves the result once, under one lock, on top of what is
    /// on disk now. Returns the inverses of the edits that changed something, in the order
    /// applied. On error the plan in memory is as it was before the first edit (a change on
    /// disk found by the re-read stays loaded) and the file is untouched.
    fn save_edits<'e>(
        &mut self,
        edits: impl Iterator<Item = &'e Edit>,
    ) -> Result<(Saved, Vec<Edit>), PlanError> {
        if self.read_only {
            return Err(PlanError::ReadOnly {
                path: self.path.clone(),
            });
        }
        let io_error = |error| PlanError::Io {
            path: self.path.clone(),
            action: "save the plan (the file on disk is unchanged)",
            error,
        };
        let target = resolve_target(&self.path).map_err(io_error)?;
        // Held until this function returns: through the re-read, the write and the rename.
        let _lock = SaveLock::acquire(&target, self.lock_wait).map_err(|e| match e {
            LockError::Busy(waited) => PlanError::Busy {
                path: self.path.clone(),
                waited,
            },
            LockError::Io(error) => io_error(error),
        })?;
        self.protection = protection_of(&target);
        if let Some(reason) = self.protection.clone() {
            return Err(PlanError::Protected {
                path: self.path.clone(),
                reason,
            });
        }
        let current = read_file(&self.path)?;
        let reloaded = current != self.on_disk;
        if reloaded {
            self.plan = parse_bytes(&self.path, current.as_deref())
                .map_err(PlanError::ChangedOnDiskInvalid)?;
            self.revision += 1;
            self.on_disk = current;
        }
        let applied = Applied::apply(&mut self.plan, edits);
        if applied.inverses.is_empty() {
            return Ok((
                Saved {
                    changed: false,
                    reloaded,
                },
                Vec::new(),
            ));
        }
        let text = match format::to_toml(&self.plan) {
            Ok(text) => text,
            Err(e) => {
                applied.roll_back(&mut self.plan);
                return Err(PlanError::Encode(e.to_string()));
            }
        };
        remove_stale_temp_files(&target);
        if let Err(error) = replace_file(&target, text.as_bytes()) {
            applied.roll_back(&mut self.plan);
            return Err(match error {
                ReplaceError::Owner { uid, gid } => PlanError::Protected {
                    path: self.path.clone(),
                    reason: Protection::Owner { uid, gid },
                },
                ReplaceError::Io(error) => PlanError::Io {
                    path: self.path.clone(),
                    action: "save the plan (the file on disk is unchanged)",
                    error,
                },
            });
        }
        self.on_disk = Some(text.into_bytes());
        self.revision += 1;
        Ok((
            Saved {
                changed: true,
                reloaded,
            },
            applied.inverses,
        ))
    }
}

/// Edits applied to the plan in memory and not yet saved, with what it takes to remove every
/// trace of them should the save fail.
#[derive(Debug)]
struct Applied {
    /// The inverses of the edits that changed something, in the order applied.
    inverses: Vec<Edit>,
    /// The log's length before the first edit.
    log_len: usize,
    /// The whole log as it was before folding, kept only when the edits made it fold.
    unfolded: Option<Vec<super::model::LogEntry>>,
}

impl Applied {
    /// Applies `edits` in order, then folds the log if it grew past the cap (see `fold`).
    fn apply<'e>(plan: &mut Plan, edits: impl Iterator<Item = &'e Edit>) -> Applied {
        let log_len = plan.log.len();
        let inverses: Vec<Edit> = edits.filter_map(|edit| plan.apply(edit)).collect();
        let unfolded = (plan.log.len() > LOG_CAP).then(|| plan.log.clone());
        fold_log(&mut plan.log, LOG_CAP, LOG_KEEP);
        Applied {
            inverses,
            log_len,
            unfolded,
        }
    }

    /// Puts the plan back as it was before [`Applied::apply`]: the log unfolded, each edit
    /// taken back, last first, and the log cut to its old length (taking an edit back logs
    /// the inverse, which must leave no trace either).
    fn roll_back(&self, plan: &mut Plan) {
        if let Some(log) = &self.unfolded {
            plan.log.clone_from(log);
        }
        for inverse in self.inverses.iter().rev() {
            plan.apply(inverse);
        }
        plan.log.truncate(self.log_len);
    }
}

/// The file's bytes, or `None` when there is no file.
fn read_file(path: &Path) -> Result<Option<Vec<u8>>, PlanError> {
    match read_regular(path, PLAN_FILE_LIMIT) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(ReadError::NotFound) => Ok(None),
        Err(ReadError::Io(error)) => Err(PlanError::Io {
            path: path.to_path_buf(),
            action: "read the plan",
            error,
        }),
        Err(error) => Err(PlanError::Unreadable {
            path: path.to_path_buf(),
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

/// The file a save replaces: `path`, or where its chain of symbolic links ends, whether or not
/// a file is there yet (a dangling link is saved through, creating its target).
fn resolve_target(path: &Path) -> std::io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    // As many links as the kernel follows before it gives up with ELOOP.
    for _ in 0..40 {
        match std::fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let next = std::fs::read_link(&current)?;
                current = match current.parent() {
                    Some(parent) if next.is_relative() => parent.join(next),
                    _ => next,
                };
            }
            Ok(_) => return Ok(current),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(current),
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other("too many levels of symbolic links"))
}

/// Why the file at `target` (already resolved) must not be written, if it asks so.
fn protection_of(target: &Path) -> Option<Protection> {
    let meta = std::fs::metadata(target).ok()?;
    if meta.permissions().readonly() {
        return Some(Protection::ReadOnlyFile);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if meta.is_file() && meta.nlink() > 1 {
            return Some(Protection::HardLinks(meta.nlink()));
        }
    }
    None
}

enum LockError {
    Busy(Duration),
    Io(std::io::Error),
}

/// An exclusive advisory lock on `.NAME.lock` beside the plan, released when dropped (or when
/// the process dies, so a killed rungs never leaves the plan locked). The lock file itself
/// stays: removing it would let two savers lock two different files.
struct SaveLock {
    _file: std::fs::File,
}

impl SaveLock {
    fn acquire(target: &Path, wait: Duration) -> Result<SaveLock, LockError> {
        let folder = folder_of(target);
        create_private_folder(&folder).map_err(LockError::Io)?;
        let mut options = std::fs::OpenOptions::new();
        options.read(true).write(true).create(true).truncate(false);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let file = options
            .open(folder.join(format!(".{}.lock", file_name_of(target))))
            .map_err(LockError::Io)?;
        let started = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(SaveLock { _file: file }),
                Err(std::fs::TryLockError::WouldBlock) => {
                    let waited = started.elapsed();
                    if waited >= wait {
                        return Err(LockError::Busy(waited));
                    }
                    // A save takes milliseconds; polling keeps the wait bounded.
                    std::thread::sleep(Duration::from_millis(2).min(wait - waited));
                }
                Err(std::fs::TryLockError::Error(error)) => return Err(LockError::Io(error)),
            }
        }
    }
}

fn folder_of(target: &Path) -> PathBuf {
    match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn file_name_of(target: &Path) -> String {
    target
        .file_name()
        .map_or_else(|| "plan".into(), |n| n.to_string_lossy().into_owned())
}

/// A temporary file left by a save this old was left by a rungs that died mid-save.
const STALE_TEMP_AGE: Duration = Duration::from_secs(60);

/// Removes `.NAME.*.tmp` files older than a minute beside the plan (called under the lock, so
/// no live save's file can be among them: a save holds its temp file only while it holds the
/// lock, and takes milliseconds).
fn remove_stale_temp_files(target: &Path) {
    let folder = folder_of(target);
    let prefix = format!(".{}.", file_name_of(target));
    let Ok(entries) = std::fs::read_dir(&folder) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(&prefix) && name.ends_with(".tmp")) {
            continue;
        }
        let stale = entry
            .metadata()
            .ok()
            .filter(std::fs::Metadata::is_file)
            .and_then(|m| m.modified().ok())
            .and_then(|modified| now.duration_since(modified).ok())
            .is_some_and(|age| age >= STALE_TEMP_AGE);
        if stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Replaces the file at `path` with `bytes`, under the plan's lock, so that whatever happens
/// the file holds either its old content or the new one in full. A symbolic link is followed
/// (the file it points to is replaced, the link kept). A new file gets mode 0600; an existing
/// one keeps its mode and owner.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let target = resolve_target(path)?;
    let _lock = SaveLock::acquire(&target, DEFAULT_LOCK_WAIT).map_err(|e| match e {
        LockError::Busy(_) => std::io::Error::new(
            std::io::ErrorKind::WouldBlock,
            "another rungs is saving this plan",
        ),
        LockError::Io(error) => error,
    })?;
    replace_file(&target, bytes).map_err(|e| match e {
        ReplaceError::Owner { uid, gid } => std::io::Error::other(format!(
            "cannot keep the file's owner (user {uid}, group {gid})"
        )),
        ReplaceError::Io(error) => error,
    })
}

enum ReplaceError {
    Owner { uid: u32, gid: u32 },
    Io(std::io::Error),
}

impl From<std::io::Error> for ReplaceError {
    fn from(error: std::io::Error) -> Self {
        ReplaceError::Io(error)
    }
}

/// Writes a temporary file beside `target`, syncs it and renames it over `target`. The
/// temporary file is removed on every error (tempfile deletes it when dropped).
fn replace_file(target: &Path, bytes: &[u8]) -> Result<(), ReplaceError> {
    let folder = folder_of(target);
    create_private_folder(&folder)?;
    let existing = std::fs::metadata(target).ok();
    let mut temp = tempfile::Builder::new()
        .prefix(&format!(".{}.", file_name_of(target)))
        .suffix(".tmp")
        .tempfile_in(&folder)?;
    temp.write_all(bytes)?;
    temp.flush()?;
    // tempfile creates files with mode 0600 on unix, which is what a new plan gets.
    if let Some(meta) = &existing {
        keep_owner(temp.as_file(), meta)?;
        temp.as_file().set_permissions(meta.permissions())?;
    }
    temp.as_file().sync_all()?;
    temp.persist(target).map_err(|e| e.error)?;
    sync_folder(&folder)?;
    Ok(())
}

/// Gives the new file the old one's owner and group, or says it cannot.
#[cfg(unix)]
fn keep_owner(new: &std::fs::File, old: &std::fs::Metadata) -> Result<(), ReplaceError> {
    use std::os::unix::fs::MetadataExt;
    let mine = new.metadata()?;
    if (mine.uid(), mine.gid()) == (old.uid(), old.gid()) {
        return Ok(());
    }
    std::os::unix::fs::fchown(new, Some(old.uid()), Some(old.gid())).map_err(|_| {
        ReplaceError::Owner {
            uid: old.uid(),
            gid: old.gid(),
        }
    })
}

#[cfg(not(unix))]
fn keep_owner(_new: &std::fs::File, _old: &std::fs::Metadata) -> Result<(), ReplaceError> {
    Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Evidence, EvidenceOwner, PlanItem, Status};

    fn date() -> toml::value::Datetime {
        "2026-01-05".parse().expect("date")
    }

    #[test]
    fn a_rolled_back_group_leaves_the_plan_exactly_as_it_was_even_when_the_log_folded() {
        let mut plan = Plan::default();
        for skill in ["a", "b", "c"] {
            plan.apply(&Edit::Add(PlanItem::new(skill, "director", date())));
        }
        plan.apply(&Edit::rate(&plan, "a", None, "2", None, date()));
        // A log right at the cap: the group's logged edits make the save fold it.
        let statuses = [Status::InProgress, Status::Planned];
        let mut turn = 0;
        while plan.log.len() < LOG_CAP {
            plan.apply(&Edit::SetStatus {
                skill: "c".into(),
                level: "director".into(),
                status: statuses[turn % 2],
            });
            turn += 1;
        }
        let before = plan.clone();
        let group = [
            Edit::Add(PlanItem::new("d", "vp", date())),
            Edit::Remove {
                skill: "a".into(),
                level: "director".into(),
            },
            Edit::SetStatus {
                skill: "b".into(),
                level: "director".into(),
                status: Status::Done,
            },
            Edit::SetNote {
                skill: "b".into(),
                level: "director".into(),
                note: "new note".into(),
            },
            Edit::SetTarget {
                target: Some("vp".into()),
                title: Some("VP".into()),
            },
            Edit::rate(&plan, "a", None, "3", None, date()),
            Edit::AddEvidence {
                owner: EvidenceOwner::Rating { skill: "a".into() },
                evidence: Evidence {
                    date: date(),
                    text: "shipped".into(),
                    link: None,
                },
            },
            // Changes nothing: "a" is gone already.
            Edit::Remove {
                skill: "a".into(),
                level: "director".into(),
            },
        ];
        let applied = Applied::apply(&mut plan, group.iter());
        assert_eq!(applied.inverses.len(), group.len() - 1);
        assert!(applied.unfolded.is_some(), "the log folded");
        assert!(plan.log.len() < before.log.len(), "the log folded");
        assert_ne!(plan, before);
        applied.roll_back(&mut plan);
        assert_eq!(plan, before);
    }
}
