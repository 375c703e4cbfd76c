//! Reading content files and pointing at places in them.
//!
//! Every problem rungs reports about a content folder names a file, a line and a column. The
//! parsed, spanned TOML document of each file is kept beside the deserialized data so that any
//! value can be located later by its key path.

use std::fmt;
use std::ops::Range as ByteRange;
use std::path::{Path, PathBuf};

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use unicode_width::UnicodeWidthStr;

use crate::text::escape_control;

/// The text of one content file and the name it is reported under.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// How the file is named in messages: a path on disk, or `content/…` for the built-in ladder.
    pub name: String,
    pub text: String,
}

/// A problem with a content folder, at a place in one of its files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    /// 1-based line and column (in characters); `None` for a problem with the file as a whole.
    pub position: Option<(usize, usize)>,
    pub message: String,
    /// The offending line, control characters escaped, to show under the message.
    pub excerpt: Option<String>,
    /// Display columns of `excerpt` before the caret. Not derived from `position`: an escaped
    /// control character (a tab, say) is wider in the excerpt than in the file.
    pub caret: usize,
}

impl Problem {
    pub fn whole_file(file: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            file: file.into(),
            position: None,
            message: message.into(),
            excerpt: None,
            caret: 0,
        }
    }

    /// A problem at byte `offset` of `text`, the line it falls on quoted under the message.
    /// For files small enough to scan once per problem (settings files); a content file keeps
    /// an index of its lines instead.
    pub fn at_offset(file: &str, text: &str, offset: usize, message: &str) -> Self {
        let start = floor_char_boundary(text, offset.min(text.len()));
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let line = text[..start].matches('\n').count() + 1;
        Problem::on_line(
            file,
            line,
            &text[line_start..line_end],
            &text[line_start..start],
            message,
        )
    }

    /// A problem on the 1-based `line` whose text is `line_text`, at the column after
    /// `before` (a prefix of the line).
    fn on_line(file: &str, line: usize, line_text: &str, before: &str, message: &str) -> Self {
        let line_text = line_text.trim_end_matches('\r');
        // Both are prefixes of the same line, so the shorter one ends on a char boundary.
        let before_in_excerpt = &before[..before.len().min(line_text.len())];
        let (shown_before, shown_after) =
            neighbourhood(before_in_excerpt, &line_text[before_in_excerpt.len()..]);
        let shown_before = escape_control(&shown_before).into_owned();
        Problem {
            file: file.to_owned(),
            position: Some((line, before.chars().count() + 1)),
            message: escape_control(message).into_owned(),
            excerpt: Some(format!("{shown_before}{}", escape_control(&shown_after))),
            caret: shown_before.width(),
        }
    }

    /// The problem and, under it, the line it points at with a caret, like a compiler does.
    pub fn render(&self) -> String {
        let mut out = self.to_string();
        if let (Some(excerpt), Some((line, _))) = (&self.excerpt, self.position) {
            // Spaces by repeat, not a format width: widths past 65,535 panic in `format!`.
            let gutter = " ".repeat(line.to_string().len());
            let caret = " ".repeat(self.caret);
            out.push_str(&format!(
                "\n{gutter} |\n{line} | {excerpt}\n{gutter} | {caret}^"
            ));
        }
        out
    }
}

impl fmt::Display for Problem {
    /// `file:line:col: message`, or `file: message` for the file as a whole. The file name is
    /// escaped: a folder from someone else may name a file with an ESC in it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = escape_control(&self.file);
        match self.position {
            Some((line, column)) => write!(f, "{file}:{line}:{column}: {}", self.message),
            None => write!(f, "{file}: {}", self.message),
        }
    }
}

/// One step of a key path into a TOML document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Key(String),
    Index(usize),
}

impl From<&str> for Step {
    fn from(key: &str) -> Self {
        Step::Key(key.to_owned())
    }
}

impl From<usize> for Step {
    fn from(index: usize) -> Self {
        Step::Index(index)
    }
}

/// A content file's text with its line starts, for pointing at places in it.
pub(crate) struct FileText<'a> {
    pub source: &'a SourceFile,
    line_starts: Vec<usize>,
}

impl<'a> FileText<'a> {
    pub fn new(source: &'a SourceFile) -> Self {
        let line_starts = std::iter::once(0)
            .chain(source.text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        FileText {
            source,
            line_starts,
        }
    }

    /// A problem at a byte span of this file (the start of the span is reported).
    pub fn problem_at(&self, span: Option<ByteRange<usize>>, message: &str) -> Problem {
        let Some(span) = span else {
            return Problem::whole_file(&self.source.name, escape_control(message));
        };
        let text = &self.source.text;
        let start = floor_char_boundary(text, span.start.min(text.len()));
        let line_index = self.line_starts.partition_point(|&s| s <= start) - 1;
        let line_start = self.line_starts[line_index];
        let line_end = text[line_start..]
            .find('\n')
            .map_or(text.len(), |i| line_start + i);
        Problem::on_line(
            &self.source.name,
            line_index + 1,
            &text[line_start..line_end],
            &text[line_start..start],
            message,
        )
    }

    /// The problems of a parse of part of this file that starts at byte `base`: at most
    /// [`MAX_SYNTAX_PROBLEMS`] syntax errors (then a count of the rest), or a value nested
    /// deeper than [`MAX_NESTING`]. Empty when the part can be read.
    pub fn parse_problems(
        &self,
        doc: &DeTable<'_>,
        mut errors: Vec<toml::de::Error>,
        base: usize,
    ) -> Vec<Problem> {
        let shift = |span: ByteRange<usize>| span.start + base..span.end + base;
        if errors.is_empty() {
            // Reading would recurse without bound, with no location.
            return too_deep(doc)
                .map(|span| {
                    self.problem_at(
                        Some(shift(span)),
                        &format!("nested more than {MAX_NESTING} tables or arrays deep"),
                    )
                })
                .into_iter()
                .collect();
        }
        // Past the first few, syntax errors are mostly echoes of earlier ones; a file of
        // garbage would otherwise print an error for every line (20 MB for a 3 MB file).
        let unshown = errors.len().saturating_sub(MAX_SYNTAX_PROBLEMS);
        errors.truncate(MAX_SYNTAX_PROBLEMS);
        let mut problems: Vec<Problem> = errors
            .iter()
            .map(|e| match e.span() {
                Some(span) => self.problem_at(Some(shift(span)), e.message()),
                // The parser does not say where a too-long dotted key is: find it.
                None => match long_dotted_key(&self.source.text) {
                    Some(span) => self.problem_at(
                        Some(span),
                        "a dotted key with 80 or more parts nests too deep",
                    ),
                    None => self.problem_at(None, e.message()),
                },
            })
            .collect();
        // Deep nesting gives the same error once per level that is left open.
        problems.dedup();
        if unshown > 0 {
            problems.push(Problem::whole_file(
                &self.source.name,
                format!("{unshown} more syntax errors not shown; fix the ones above first"),
            ));
        }
        problems
    }
}

/// A content file parsed whole into its spanned document (plan files and others read with
/// serde; a ladder's content is read part by part, see `validate`).
pub(crate) struct ParsedFile<'a> {
    pub doc: Spanned<DeTable<'a>>,
    text: FileText<'a>,
}

impl<'a> ParsedFile<'a> {
    /// Parses the file; on syntax errors returns the first few the parser could recover
    /// from.
    pub fn parse(source: &'a SourceFile) -> Result<Self, Vec<Problem>> {
        let (doc, errors) = DeTable::parse_recoverable(&source.text);
        let text = FileText::new(source);
        let problems = text.parse_problems(doc.get_ref(), errors, 0);
        if problems.is_empty() {
            Ok(ParsedFile { doc, text })
        } else {
            Err(problems)
        }
    }

    /// A problem at a byte span of this file (the start of the span is reported).
    pub fn problem_at(&self, span: Option<ByteRange<usize>>, message: &str) -> Problem {
        self.text.problem_at(span, message)
    }

    /// A problem at the value (or key) a path leads to. Where the path goes further than the
    /// document (a missing key), the deepest existing part is pointed at.
    pub fn problem_at_path(&self, path: &[Step], message: &str) -> Problem {
        self.problem_at(Some(self.locate(path, false)), message)
    }

    /// The span of what `path` names: the value it leads to, or with `key_itself` the last key.
    pub fn locate(&self, path: &[Step], key_itself: bool) -> ByteRange<usize> {
        let mut value: &DeValue<'_> = &DeValue::Integer(Default::default());
        let mut table = Some(self.doc.get_ref());
        let mut span = self.doc.span();
        for step in path {
            let next = match (step, table, value) {
                (Step::Key(key), Some(t), _) => t
                    .iter()
                    .find(|(k, _)| k.get_ref().as_ref() == key.as_str())
                    .map(|(k, v)| (if key_itself { k.span() } else { v.span() }, v)),
                (Step::Index(i), None, DeValue::Array(items)) => {
                    items.get(*i).map(|v| (v.span(), v))
                }
                _ => None,
            };
            let Some((found_span, found)) = next else {
                break;
            };
            span = found_span;
            value = found.get_ref();
            table = value.as_table();
        }
        span
    }
}

/// Every string in a document (keys included) with its span, for checks that apply to all
/// text whatever key it sits under.
pub(crate) fn for_each_string(doc: &DeTable<'_>, mut visit: impl FnMut(&str, ByteRange<usize>)) {
    fn walk_table(table: &DeTable<'_>, visit: &mut impl FnMut(&str, ByteRange<usize>)) {
        for (key, value) in table.iter() {
            visit(key.get_ref(), key.span());
            walk_value(value, visit);
        }
    }
    fn walk_value(value: &Spanned<DeValue<'_>>, visit: &mut impl FnMut(&str, ByteRange<usize>)) {
        match value.get_ref() {
            DeValue::String(s) => visit(s, value.span()),
            DeValue::Table(t) => walk_table(t, visit),
            DeValue::Array(items) => items.iter().for_each(|v| walk_value(v, visit)),
            _ => {}
        }
    }
    walk_table(doc, &mut visit);
}

/// Characters of a line shown before and after the place a problem points at; the rest of a
/// long line is cut, marked with `…`.
const EXCERPT_BEFORE: usize = 40;
const EXCERPT_AFTER: usize = 60;

/// The part of a line around a place: the end of `before` and the start of `after`.
fn neighbourhood(before: &str, after: &str) -> (String, String) {
    let count = before.chars().count();
    let before = if count > EXCERPT_BEFORE {
        let tail: String = before.chars().skip(count - EXCERPT_BEFORE).collect();
        format!("…{tail}")
    } else {
        before.to_owned()
    };
    let after = crate::text::fit(after, EXCERPT_AFTER);
    (before, after)
}

/// Syntax errors reported per file.
const MAX_SYNTAX_PROBLEMS: usize = 50;

/// Far deeper than any content or plan file needs, and well inside serde's recursion limit.
const MAX_NESTING: usize = 32;

/// The span of the first value nested deeper than [`MAX_NESTING`]. Walked with a stack of its
/// own: a file may nest a million levels deep.
fn too_deep(table: &DeTable<'_>) -> Option<ByteRange<usize>> {
    let mut stack: Vec<(&Spanned<DeValue<'_>>, usize)> =
        table.iter().map(|(_, value)| (value, 1)).collect();
    while let Some((value, depth)) = stack.pop() {
        if depth > MAX_NESTING {
            return Some(value.span());
        }
        match value.get_ref() {
            DeValue::Table(t) => stack.extend(t.iter().map(|(_, v)| (v, depth + 1))),
            DeValue::Array(items) => stack.extend(items.iter().map(|v| (v, depth + 1))),
            _ => {}
        }
    }
    None
}

/// The start of the first line whose key has 80 or more parts (`a.b.c…`), the TOML parser's
/// recursion limit.
fn long_dotted_key(text: &str) -> Option<ByteRange<usize>> {
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let key = line.split('=').next().unwrap_or(line);
        if key.matches('.').count() >= 79 {
            return Some(start..start + 1);
        }
        start += line.len();
    }
    None
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// The default ladder, compiled into the binary.
/// Sorted by name, as `build.rs` and `read_folder` read a folder.
const EMBEDDED: &[(&str, &str)] = &[
    (
        "content/ladder.toml",
        include_str!("../../content/ladder.toml"),
    ),
    (
        "content/management.toml",
        include_str!("../../content/management.toml"),
    ),
    (
        "content/skills.toml",
        include_str!("../../content/skills.toml"),
    ),
    (
        "content/sources.toml",
        include_str!("../../content/sources.toml"),
    ),
    (
        "content/technical.toml",
        include_str!("../../content/technical.toml"),
    ),
];

/// The file names of the built-in ladder, as they appear in the repository.
pub fn embedded_file_names() -> impl Iterator<Item = &'static str> {
    EMBEDDED.iter().map(|(name, _)| *name)
}

pub fn embedded_sources() -> Vec<SourceFile> {
    EMBEDDED
        .iter()
        .map(|(name, text)| SourceFile {
            name: (*name).to_owned(),
            text: (*text).to_owned(),
        })
        .collect()
}

/// Reads every `*.toml` file under `dir` (sub-folders included), sorted by path so that the
/// order of problems and of equal-ranked items never depends on the file system.
pub fn read_folder(dir: &Path) -> Result<Vec<SourceFile>, Vec<Problem>> {
    let shown = dir.display().to_string();
    let meta = std::fs::metadata(dir).map_err(|e| {
        vec![Problem::whole_file(
            &shown,
            format!("cannot open content folder: {e}"),
        )]
    })?;
    if !meta.is_dir() {
        return Err(vec![Problem::whole_file(
            &shown,
            "not a folder: --content takes the folder that holds the ladder's .toml files",
        )]);
    }
    let mut paths = Vec::new();
    let mut problems = Vec::new();
    collect_toml_files(dir, &mut paths, &mut problems);
    paths.sort();
    let mut files = Vec::new();
    for path in paths {
        let name = path.display().to_string();
        // Regular files only, and bounded: a FIFO named `x.toml` would hang the read, and a
        // link to /dev/zero would fill the memory.
        match crate::files::read_regular(&path, crate::files::CONTENT_FILE_LIMIT) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => files.push(SourceFile { name, text }),
                Err(e) => problems.push(Problem::whole_file(
                    name,
                    format!("not UTF-8 text (byte {})", e.utf8_error().valid_up_to()),
                )),
            },
            Err(e) => problems.push(Problem::whole_file(name, format!("cannot read: {e}"))),
        }
    }
    if files.is_empty() && problems.is_empty() {
        problems.push(Problem::whole_file(shown, "no .toml files in this folder"));
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(problems)
    }
}

/// The `.toml` files `read_folder` reads in `dir`, in its order; `None` where it would
/// report a problem with the folder itself.
pub(crate) fn toml_files(dir: &Path) -> Option<Vec<PathBuf>> {
    if !std::fs::metadata(dir).ok()?.is_dir() {
        return None;
    }
    let mut paths = Vec::new();
    let mut problems = Vec::new();
    collect_toml_files(dir, &mut paths, &mut problems);
    paths.sort();
    problems.is_empty().then_some(paths)
}

fn collect_toml_files(dir: &Path, out: &mut Vec<PathBuf>, problems: &mut Vec<Problem>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            problems.push(Problem::whole_file(
                dir.display().to_string(),
                format!("cannot list folder: {e}"),
            ));
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let is_hidden = entry.file_name().to_string_lossy().starts_with('.');
        match entry.file_type() {
            Ok(t) if t.is_dir() && !is_hidden => collect_toml_files(&path, out, problems),
            Ok(_) if !is_hidden && path.extension().is_some_and(|e| e == "toml") => out.push(path),
            _ => {}
        }
    }
}
