//! What an import did with its input: `IMPORT-REPORT.md` and its JSON twin.

use serde::Serialize;

/// The kinds of decision an import reports, in the order the report lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReportKind {
    /// Input that is not in the imported ladder at all.
    Dropped,
    /// Values mapped onto fewer steps through an explicit table; the entry says what is hidden.
    Folded,
    /// Input changed to fit the format (blank rows skipped, spaces trimmed).
    Repaired,
    /// Facts the import derived rather than read (ids from titles, ranks from row order).
    Inferred,
    /// Input kept only in an `extra` table.
    Extra,
}

impl ReportKind {
    const ALL: [ReportKind; 5] = [
        ReportKind::Dropped,
        ReportKind::Folded,
        ReportKind::Repaired,
        ReportKind::Inferred,
        ReportKind::Extra,
    ];

    fn heading(self) -> &'static str {
        match self {
            ReportKind::Dropped => "Dropped",
            ReportKind::Folded => "Folded",
            ReportKind::Repaired => "Repaired",
            ReportKind::Inferred => "Inferred",
            ReportKind::Extra => "Kept only in `extra`",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportEntry {
    pub kind: ReportKind,
    /// Where in the input, `FILE:LINE` (or the file alone).
    pub at: String,
    pub message: String,
}

/// Counts of what was imported and every decision taken on the way.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    /// The input as named on the command line.
    pub source: String,
    pub families: usize,
    pub tracks: usize,
    pub levels: usize,
    pub skills: usize,
    pub skill_references: usize,
    pub statements: usize,
    pub entries: Vec<ReportEntry>,
}

impl ImportReport {
    pub(crate) fn note(&mut self, kind: ReportKind, at: impl Into<String>, message: String) {
        self.entries.push(ReportEntry {
            kind,
            at: at.into(),
            message,
        });
    }

    /// Whether any input was left out of the ladder (`--strict` fails on this).
    pub fn dropped_anything(&self) -> bool {
        self.entries.iter().any(|e| e.kind == ReportKind::Dropped)
    }

    /// The report as the markdown file written beside the ladder.
    pub fn markdown(&self) -> String {
        let clean = |t: &str| crate::text::clean(t, false).into_owned();
        let mut out = format!("# Import report\n\nSource: `{}`\n\n", clean(&self.source));
        out.push_str(&format!(
            "Imported {} famil{}, {} track{}, {} level{}, {} skill{}, {} skill reference{} and {} statement{}.\n",
            self.families,
            if self.families == 1 { "y" } else { "ies" },
            self.tracks,
            plural(self.tracks),
            self.levels,
            plural(self.levels),
            self.skills,
            plural(self.skills),
            self.skill_references,
            plural(self.skill_references),
            self.statements,
            plural(self.statements),
        ));
        for kind in ReportKind::ALL {
            let entries: Vec<&ReportEntry> =
                self.entries.iter().filter(|e| e.kind == kind).collect();
            out.push_str(&format!("\n## {}\n\n", kind.heading()));
            if entries.is_empty() {
                out.push_str("Nothing.\n");
            }
            for entry in entries {
                out.push_str(&format!(
                    "- `{}`: {}\n",
                    clean(&entry.at),
                    clean(&entry.message)
                ));
            }
        }
        out
    }

    /// The report as JSON (`--format json`).
    pub fn json(&self) -> serde_json::Value {
        let mut value = serde_json::to_value(self).unwrap_or(serde_json::Value::Null);
        if let Some(map) = value.as_object_mut() {
            map.insert("dropped_anything".into(), self.dropped_anything().into());
        }
        value
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
