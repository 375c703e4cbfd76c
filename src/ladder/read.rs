//! Reading a parsed content file into the model, one key at a time.
//!
//! Every value is read where it stands: a value of the wrong type is reported (quoting it) and
//! left out, and the item it belongs to is kept with everything else it holds, so one bad value
//! never hides other problems or makes references to its item look unknown. The places of the
//! keys are kept beside each item for the checks that need the whole folder (unknown ids,
//! duplicates), so nothing is looked up twice.

use std::collections::BTreeMap;
use std::ops::Range as Span;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::model::{
    Category, CompanySize, Education, Experience, Extra, Family, LadderInfo, Level, Range,
    RubricLine, Scale, ScaleStep, Skill, SkillRef, Source, SourceKind, Track,
};
use super::source::{FileText, Problem};
use super::validate::{MAX_DIRECT_REPORTS, MAX_YEARS};
use crate::suggest::did_you_mean;

type Value<'a> = Spanned<DeValue<'a>>;

/// Where one item and its keys are in its file.
#[derive(Debug, Clone, Default)]
pub(super) struct Places {
    pub file: usize,
    /// The item's table (for problems about a key it lacks).
    pub item: Span<usize>,
    /// Keys that are present, with the span of their value (even a value of the wrong type,
    /// so that it is not reported as missing as well).
    keys: Vec<(&'static str, Span<usize>)>,
    /// Entries of the id lists (`reports_to`, `equivalents`, `follows`), by key.
    lists: Vec<(&'static str, Vec<Span<usize>>)>,
    /// Per skill reference: the span of its `skill` value (or of the reference).
    pub refs: Vec<Span<usize>>,
    /// Keys whose value was reported as unusable (wrong type, out of range): checks of the
    /// value itself are skipped so that one mistake gives one message.
    bad: Vec<&'static str>,
}

impl Places {
    pub fn has(&self, key: &str) -> bool {
        self.keys.iter().any(|(k, _)| *k == key)
    }

    /// Whether the value of `key` was already reported as unusable.
    pub fn is_bad(&self, key: &str) -> bool {
        self.bad.contains(&key)
    }

    /// The value of `key`, or the item itself when the key is absent.
    pub fn at(&self, key: &str) -> Span<usize> {
        self.keys
            .iter()
            .find(|(k, _)| *k == key)
            .map_or_else(|| self.item.clone(), |(_, s)| s.clone())
    }

    /// Entry `index` of the id list under `key`.
    pub fn entry(&self, key: &str, index: usize) -> Span<usize> {
        self.lists
            .iter()
            .find(|(k, _)| *k == key)
            .and_then(|(_, spans)| spans.get(index).cloned())
            .unwrap_or_else(|| self.at(key))
    }
}

/// What one file holds, each item with its places.
#[derive(Default)]
pub(super) struct ReadFile {
    pub ladder: Option<(LadderInfo, Places)>,
    pub families: Vec<(Family, Places)>,
    pub tracks: Vec<(Track, Places)>,
    pub categories: Vec<(Category, Places)>,
    pub skills: Vec<(Skill, Places)>,
    pub levels: Vec<(Level, Places)>,
    pub sources: Vec<(Source, Places)>,
}

impl ReadFile {
    /// Adds the items of another part of the same file.
    pub fn extend(&mut self, other: ReadFile) {
        self.families.extend(other.families);
        self.tracks.extend(other.tracks);
        self.categories.extend(other.categories);
        self.skills.extend(other.skills);
        self.levels.extend(other.levels);
        self.sources.extend(other.sources);
    }
}

pub(super) struct Reader<'a, 'p> {
    file: &'a FileText<'a>,
    /// The parsed chunk of the file being read, and where it starts in the file.
    doc: &'a DeTable<'a>,
    base: usize,
    index: usize,
    scale: &'a Scale,
    pub problems: &'p mut Vec<Problem>,
    /// Set when a value was reported as unusable, taken by the item being read.
    bad_value: bool,
}

const TOP_KEYS: &[&str] = &[
    "ladder",
    "families",
    "tracks",
    "categories",
    "skills",
    "levels",
    "sources",
];
const SOURCE_KEYS: &[&str] = &["id", "title", "author", "year", "kind", "url", "file"];
const LADDER_KEYS: &[&str] = &["name", "description", "scale", "extra"];
const STEP_KEYS: &[&str] = &["name", "description"];
const FAMILY_KEYS: &[&str] = &["id", "name", "description", "order", "extra"];
const TRACK_KEYS: &[&str] = &["id", "title", "description", "order", "family", "extra"];
const CATEGORY_KEYS: &[&str] = &["id", "name", "description", "family", "extra"];
const SKILL_KEYS: &[&str] = &["id", "name", "category", "description", "rubric", "extra"];
const REF_KEYS: &[&str] = &["skill", "proficiency", "expectations", "examples"];
const RANGE_KEYS: &[&str] = &["min", "max", "estimate", "note"];
const EXPERIENCE_KEYS: &[&str] = &["field", "managing"];
const EDUCATION_KEYS: &[&str] = &["typical", "preferred", "note"];
const COMPANY_SIZE_KEYS: &[&str] = &["startup", "mid_size", "large", "unsourced"];
const LEVEL_KEYS: &[&str] = &[
    "id",
    "title",
    "track",
    "rank",
    "follows",
    "summary",
    "scope",
    "reports_to",
    "reporting_note",
    "direct_reports",
    "example_titles",
    "titles_by_function",
    "company_size",
    "decision_scope",
    "responsibilities",
    "skills",
    "experience",
    "education",
    "move_up",
    "equivalents",
    "sources",
    "extra",
];

/// The `&'static` name of a known key, for [`Places`].
fn known(keys: &[&'static str], key: &str) -> Option<&'static str> {
    keys.iter().copied().find(|k| *k == key)
}

/// A short quote of a value as written, for messages: `"3"`, `3`, `[…]`.
fn quote(text: &str, span: &Span<usize>) -> String {
    let written = text.get(span.clone()).unwrap_or("").trim();
    let mut quoted: String = written.chars().take(40).collect();
    if written.chars().count() > 40 {
        quoted.push('…');
    }
    quoted.replace('\n', " ")
}

fn kind(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "text",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a number",
        DeValue::Boolean(_) => "true/false",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}

impl<'a, 'p> Reader<'a, 'p> {
    pub fn new(
        file: &'a FileText<'a>,
        (doc, base): (&'a DeTable<'a>, usize),
        index: usize,
        scale: &'a Scale,
        problems: &'p mut Vec<Problem>,
    ) -> Self {
        Reader {
            file,
            doc,
            base,
            index,
            scale,
            problems,
            bad_value: false,
        }
    }

    /// A span of the chunk as a span of the file.
    fn sp(&self, span: Span<usize>) -> Span<usize> {
        span.start + self.base..span.end + self.base
    }

    fn problem(&mut self, span: Span<usize>, message: String) {
        let problem = self.file.problem_at(Some(span), &message);
        self.problems.push(problem);
    }

    fn wrong_type(&mut self, key: &str, value: &Value<'_>, wanted: &str) {
        self.wrong_type_of(&format!("`{key}`"), value, wanted);
    }

    /// `what` must be `wanted`, quoting what was found instead.
    fn wrong_type_of(&mut self, what: &str, value: &Value<'_>, wanted: &str) {
        self.bad_value = true;
        let found = quote(&self.file.source.text, &self.sp(value.span()));
        let message = format!(
            "{what} must be {wanted}, found {} `{found}`",
            kind(value.get_ref())
        );
        self.problem(self.sp(value.span()), message);
    }

    fn unknown_key(&mut self, key: &Spanned<std::borrow::Cow<'_, str>>, accepted: &[&str]) {
        let name = key.get_ref().as_ref();
        let hint = did_you_mean(name, accepted.iter().copied());
        self.problem(self.sp(key.span()), format!("unknown key `{name}`{hint}"));
    }

    fn places(&self, span: Span<usize>) -> Places {
        Places {
            file: self.index,
            item: span,
            ..Places::default()
        }
    }

    fn text(&mut self, key: &str, value: &Value<'_>) -> String {
        match value.get_ref() {
            DeValue::String(s) => s.to_string(),
            _ => {
                self.wrong_type(key, value, "text");
                String::new()
            }
        }
    }

    fn number(&mut self, key: &str, value: &Value<'_>) -> Option<u32> {
        let parsed = match value.get_ref() {
            DeValue::Integer(i) => u32::from_str_radix(i.as_str(), i.radix()).ok(),
            _ => {
                self.wrong_type(key, value, "a whole number");
                return None;
            }
        };
        if parsed.is_none() {
            self.bad_value = true;
            let found = quote(&self.file.source.text, &self.sp(value.span()));
            self.problem(
                self.sp(value.span()),
                format!("`{key}` must be a whole number from 0 up, found `{found}`"),
            );
        }
        parsed
    }

    fn flag(&mut self, key: &str, value: &Value<'_>) -> bool {
        match value.get_ref() {
            DeValue::Boolean(b) => *b,
            _ => {
                self.wrong_type(key, value, "true or false");
                false
            }
        }
    }

    /// A list of text; entries of another type are reported and left out.
    fn text_list(&mut self, key: &str, value: &Value<'_>) -> (Vec<String>, Vec<Span<usize>>) {
        let mut texts = Vec::new();
        let mut spans = Vec::new();
        match value.get_ref() {
            DeValue::Array(items) => {
                for item in items {
                    match item.get_ref() {
                        DeValue::String(s) => {
                            texts.push(s.to_string());
                            spans.push(self.sp(item.span()));
                        }
                        _ => self.wrong_type_of(&format!("each entry of `{key}`"), item, "text"),
                    }
                }
            }
            // One statement where a list was expected is still one statement.
            DeValue::String(s) => {
                texts.push(s.to_string());
                spans.push(self.sp(value.span()));
            }
            _ => self.wrong_type(key, value, "a list of text"),
        }
        (texts, spans)
    }

    fn table<'v, 'i>(&mut self, key: &str, value: &'v Value<'i>) -> Option<&'v DeTable<'i>> {
        let table = value.get_ref().as_table();
        if table.is_none() {
            self.wrong_type(key, value, "a table");
        }
        table
    }

    /// The tables of an array of tables (`[[levels]]` or a list of inline tables).
    fn tables<'v, 'i>(
        &mut self,
        key: &str,
        value: &'v Value<'i>,
    ) -> Vec<(&'v DeTable<'i>, Span<usize>)> {
        let Some(items) = value.get_ref().as_array() else {
            self.wrong_type(key, value, "a list of tables");
            return Vec::new();
        };
        let mut tables = Vec::new();
        for item in items {
            match item.get_ref().as_table() {
                Some(table) => tables.push((table, self.sp(item.span()))),
                None => self.wrong_type_of(&format!("each entry of `{key}`"), item, "a table"),
            }
        }
        tables
    }

    fn extra(&mut self, value: &Value<'_>) -> Extra {
        match value.get_ref() {
            DeValue::Table(table) => table
                .iter()
                .map(|(k, v)| (k.get_ref().to_string(), to_json(v.get_ref())))
                .collect(),
            _ => {
                self.wrong_type("extra", value, "a table");
                Extra::new()
            }
        }
    }

    /// Reads the whole document; `[ladder]` is read by [`Reader::ladder`] beforehand.
    pub fn file(&mut self, ladder: Option<(LadderInfo, Places)>) -> ReadFile {
        let doc = self.doc;
        let mut out = ReadFile {
            ladder,
            ..ReadFile::default()
        };
        for (key, value) in doc.iter() {
            match key.get_ref().as_ref() {
                "ladder" => {}
                "families" => {
                    for (t, span) in self.tables("families", value) {
                        out.families.push(self.family(t, span));
                    }
                }
                "tracks" => {
                    for (t, span) in self.tables("tracks", value) {
                        out.tracks.push(self.track(t, span));
                    }
                }
                "categories" => {
                    for (t, span) in self.tables("categories", value) {
                        out.categories.push(self.category(t, span));
                    }
                }
                "skills" => {
                    for (t, span) in self.tables("skills", value) {
                        out.skills.push(self.skill(t, span));
                    }
                }
                "levels" => {
                    for (t, span) in self.tables("levels", value) {
                        out.levels.push(self.level(t, span));
                    }
                }
                "sources" => {
                    for (t, span) in self.tables("sources", value) {
                        out.sources.push(self.source(t, span));
                    }
                }
                _ => self.unknown_key(key, TOP_KEYS),
            }
        }
        out
    }

    /// The `[ladder]` section of this file, if it has one. Read before everything else, as
    /// its scale gives the names skill references use.
    pub fn ladder(&mut self) -> Option<(LadderInfo, Places)> {
        let (_, value) = self
            .doc
            .iter()
            .find(|(k, _)| k.get_ref().as_ref() == "ladder")?;
        let table = self.table("ladder", value)?;
        let mut info = LadderInfo::default();
        let mut places = self.places(self.sp(value.span()));
        for (key, value) in table.iter() {
            let Some(name) = known(LADDER_KEYS, key.get_ref()) else {
                self.unknown_key(key, LADDER_KEYS);
                continue;
            };
            places.keys.push((name, self.sp(value.span())));
            self.bad_value = false;
            match name {
                "name" => info.name = self.text(name, value),
                "description" => info.description = self.text(name, value),
                "scale" => info.scale = self.scale(value),
                _ => info.extra = self.extra(value),
            }
            if std::mem::take(&mut self.bad_value) {
                places.bad.push(name);
            }
        }
        Some((info, places))
    }

    fn scale(&mut self, value: &Value<'_>) -> Scale {
        let mut steps = Vec::new();
        for (table, _) in self.tables("scale", value) {
            let mut step = ScaleStep::default();
            for (key, value) in table.iter() {
                match known(STEP_KEYS, key.get_ref()) {
                    Some("name") => step.name = self.text("name", value),
                    Some(_) => step.description = self.text("description", value),
                    None => self.unknown_key(key, STEP_KEYS),
                }
            }
            steps.push(step);
        }
        Scale::new(steps)
    }

    fn source(&mut self, table: &DeTable<'_>, span: Span<usize>) -> (Source, Places) {
        let mut source = Source::default();
        let mut places = self.places(span);
        for (key, value) in table.iter() {
            let Some(name) = known(SOURCE_KEYS, key.get_ref()) else {
                self.unknown_key(key, SOURCE_KEYS);
                continue;
            };
            places.keys.push((name, self.sp(value.span())));
            self.bad_value = false;
            match name {
                "id" => source.id = self.text(name, value),
                "title" => source.title = self.text(name, value),
                "author" => source.author = self.text(name, value),
                "year" => source.year = self.number(name, value),
                "url" => source.url = self.text(name, value),
                "file" => source.file = self.text(name, value),
                _ => {
                    let kind = self.text(name, value);
                    source.kind = SourceKind::ALL
                        .into_iter()
                        .find(|k| k.name() == kind)
                        .unwrap_or(SourceKind::Unknown);
                    if source.kind == SourceKind::Unknown && !self.bad_value {
                        let kinds: Vec<&str> = SourceKind::ALL.iter().map(|k| k.name()).collect();
                        self.problem(
                            self.sp(value.span()),
                            format!("source kind `{kind}` is not one of {}", kinds.join(", ")),
                        );
                        self.bad_value = true;
                    }
                }
            }
            if std::mem::take(&mut self.bad_value) {
                places.bad.push(name);
            }
        }
        (source, places)
    }

    fn family(&mut self, table: &DeTable<'_>, span: Span<usize>) -> (Family, Places) {
        let mut family = Family::default();
        let mut places = self.places(span);
        for (key, value) in table.iter() {
            let Some(name) = known(FAMILY_KEYS, key.get_ref()) else {
                self.unknown_key(key, FAMILY_KEYS);
                continue;
            };
            places.keys.push((name, self.sp(value.span())));
            self.bad_value = false;
            match name {
                "id" => family.id = self.text(name, value),
                "name" => family.name = self.text(name, value),
                "description" => family.description = self.text(name, value),
                "order" => family.order = self.number(name, value).unwrap_or_default(),
                _ => family.extra = self.extra(value),
            }
            if std::mem::take(&mut self.bad_value) {
                places.bad.push(name);
            }
        }
        (family, places)
    }

    fn track(&mut self, table: &DeTable<'_>, span: Span<usize>) -> (Track, Places) {
        let mut track = Track::default();
        let mut places = self.places(span);
        for (key, value) in table.iter() {
            let Some(name) = known(TRACK_KEYS, key.get_ref()) else {
                self.unknown_key(key, TRACK_KEYS);
                continue;
            };
            places.keys.push((name, self.sp(value.span())));
            self.bad_value = false;
            match name {
                "id" => track.id = self.text(name, value),
                "title" => track.title = self.text(name, value),
                "description" => track.description = self.text(name, value),
                "order" => track.order = self.number(name, value).unwrap_or_default(),
                "family" => track.family = self.text(name, value),
                _ => track.extra = self.extra(value),
            }
            if std::mem::take(&mut self.bad_value) {
                places.bad.push(name);
            }
        }
        (track, places)
    }

    fn category(&mut self, table: &DeTable<'_>, span: Span<usize>) -> (Category, Places) {
        let mut category = Category::default();
        let mut places = self.places(span);
        for (key, value) in table.iter() {
            let Some(name) = known(CATEGORY_KEYS, key.get_ref()) else {
                self.unknown_key(key, CATEGORY_KEYS);
                continue;
            };
            places.keys.push((name, self.sp(value.span())));
            self.bad_value = false;
            match name {
                "id" => category.id = self.text(name, value),
                "name" => category.name = self.text(name, value),
                "description" => category.description = self.text(name, value),
                "family" => category.family = self.text(name, value),
                _ => category.extra = self.extra(value),
            }
            if std::mem::take(&mut self.bad_value) {
                places.bad.push(name);
            }
        }
        (category, places)
    }

    fn skill(&mut self, table: &DeTable<'_>, span: Span<usize>) -> (Skill, Places) {
        let mut skill = Skill::default();
        let mut places = self.places(span);
        for (key, value) in table.iter() {
            let Some(name) = known(SKILL_KEYS, key.get_ref()) else {
                self.unknown_key(key, SKILL_KEYS);
                continue;
            };
            places.keys.push((name, self.sp(value.span())));
            self.bad_value = false;
            match name {
                "id" => skill.id = self.text(name, value),
                "name" => skill.name = self.text(name, value),
                "category" => skill.category = self.text(name, value),
                "description" => skill.description = self.text(name, value),
                "rubric" => skill.rubric = self.rubric(value),
                _ => skill.extra = self.extra(value),
            }
            if std::mem::take(&mut self.bad_value) {
                places.bad.push(name);
            }
        }
        (skill, places)
    }

    /// `rubric = { advanced = "…", expert = "…" }`, keyed by the scale's step names.
    fn rubric(&mut self, value: &Value<'_>) -> Vec<RubricLine> {
        let Some(table) = self.table("rubric", value) else {
            return Vec::new();
        };
        let mut lines = Vec::new();
        for (key, value) in table.iter() {
            let step_name = key.get_ref().as_ref();
            let text = self.text(&format!("rubric.{step_name}"), value);
            match self.scale.find(step_name) {
                Some(step) => {
                    if text.trim().is_empty() && value.get_ref().is_str() {
                        self.problem(
                            self.sp(value.span()),
                            format!("`rubric.{step_name}` is blank; leave the step out instead"),
                        );
                    }
                    lines.push(RubricLine { step, text });
                }
                None => {
                    let message = self.off_scale("rubric step", step_name);
                    self.problem(self.sp(key.span()), message);
                }
            }
        }
        lines.sort_by_key(|line| line.step);
        lines
    }

    fn off_scale(&self, what: &str, name: &str) -> String {
        let names: Vec<&str> = self.scale.steps().iter().map(|s| s.name.as_str()).collect();
        let hint = did_you_mean(name, names.iter().copied());
        format!(
            "{what} `{name}` is not on the scale ({}){hint}",
            names.join(", ")
        )
    }

    /// A range: `min` required, `max` not below it, neither above `most` (a larger figure is
    /// a typo, and would overflow the arithmetic that draws it).
    fn range(&mut self, key: &str, value: &Value<'_>, most: u32) -> Option<Range> {
        let table = self.table(key, value)?;
        let mut range = Range::default();
        let mut has_min = false;
        for (k, v) in table.iter() {
            match known(RANGE_KEYS, k.get_ref()) {
                Some(end @ ("min" | "max")) => {
                    let figure = self.number(&format!("{key}.{end}"), v);
                    if let Some(too_big) = figure.filter(|n| *n > most) {
                        self.problem(
                            self.sp(v.span()),
                            format!("`{key}.{end}` is {too_big}; at most {most}"),
                        );
                    }
                    if end == "min" {
                        has_min = true;
                        range.min = figure.unwrap_or_default();
                    } else {
                        range.max = figure;
                    }
                }
                Some("estimate") => range.estimate = self.flag(&format!("{key}.estimate"), v),
                Some(_) => range.note = self.text(&format!("{key}.note"), v),
                None => self.unknown_key(k, RANGE_KEYS),
            }
        }
        if !has_min {
            self.problem(self.sp(value.span()), format!("`{key}` needs a `min`"));
        }
        if let Some(max) = range.max
            && range.min > max
        {
            self.problem(
                self.sp(value.span()),
                format!("`{key}` has min {} above max {max}", range.min),
            );
        }
        Some(range)
    }

    fn experience(&mut self, value: &Value<'_>) -> Option<Experience> {
        let table = self.table("experience", value)?;
        let mut field = None;
        let mut managing = None;
        for (k, v) in table.iter() {
            match known(EXPERIENCE_KEYS, k.get_ref()) {
                Some("field") => field = self.range("experience.field", v, MAX_YEARS),
                Some(_) => managing = self.range("experience.managing", v, MAX_YEARS),
                None => self.unknown_key(k, EXPERIENCE_KEYS),
            }
        }
        if field.is_none() && !table.iter().any(|(k, _)| k.get_ref() == "field") {
            self.problem(
                self.sp(value.span()),
                "`experience` needs `field` (years in the field)".into(),
            );
        }
        Some(Experience {
            field: field.unwrap_or_default(),
            managing,
        })
    }

    fn education(&mut self, value: &Value<'_>) -> Option<Education> {
        let table = self.table("education", value)?;
        let mut education = Education::default();
        for (k, v) in table.iter() {
            match known(EDUCATION_KEYS, k.get_ref()) {
                Some("typical") => education.typical = self.text("education.typical", v),
                Some("preferred") => education.preferred = self.text("education.preferred", v),
                Some(_) => education.note = self.text("education.note", v),
                None => self.unknown_key(k, EDUCATION_KEYS),
            }
        }
        if education.typical.trim().is_empty() {
            self.problem(
                self.sp(value.span()),
                "`education.typical` is missing or blank".into(),
            );
        }
        Some(education)
    }

    fn skill_ref(&mut self, table: &DeTable<'_>, span: Span<usize>) -> (SkillRef, Span<usize>) {
        let mut reference = SkillRef::default();
        let mut at = span;
        for (key, value) in table.iter() {
            match known(REF_KEYS, key.get_ref()) {
                Some("skill") => {
                    reference.skill = self.text("skill", value);
                    at = self.sp(value.span());
                }
                Some("proficiency") => match value.get_ref() {
                    DeValue::String(name) => match self.scale.find(name) {
                        Some(step) => reference.proficiency = Some(step),
                        None => {
                            let message = self.off_scale("proficiency", name);
                            self.problem(self.sp(value.span()), message);
                        }
                    },
                    _ => self.wrong_type("proficiency", value, "the name of a step of the scale"),
                },
                Some("expectations") => {
                    reference.expectations = self.statements("expectations", value);
                }
                Some(_) => reference.examples = self.statements("examples", value),
                None => self.unknown_key(key, REF_KEYS),
            }
        }
        (reference, at)
    }

    /// A list of text whose entries must not be blank.
    fn statements(&mut self, key: &str, value: &Value<'_>) -> Vec<String> {
        let (texts, spans) = self.text_list(key, value);
        for (text, span) in texts.iter().zip(spans) {
            if text.trim().is_empty() {
                self.problem(span, format!("`{key}` has a blank entry"));
            }
        }
        texts
    }

    /// `[levels.titles_by_function]`: each key a function, each value a list of titles.
    fn titles_by_function(&mut self, value: &Value<'_>) -> BTreeMap<String, Vec<String>> {
        let mut by_function = BTreeMap::new();
        let Some(table) = self.table("titles_by_function", value) else {
            return by_function;
        };
        for (function, titles) in table.iter() {
            let name = function.get_ref().to_string();
            if name.trim().is_empty() {
                self.problem(
                    self.sp(function.span()),
                    "`titles_by_function` has a blank function name".into(),
                );
            }
            let bad_before = std::mem::take(&mut self.bad_value);
            let texts = self.statements(&format!("titles_by_function.{name}"), titles);
            let bad_here = self.bad_value;
            self.bad_value |= bad_before;
            if texts.is_empty() && !bad_here {
                self.problem(
                    self.sp(titles.span()),
                    format!("`titles_by_function.{name}` lists no titles"),
                );
            }
            by_function.insert(name, texts);
        }
        by_function
    }

    /// `[levels.company_size]`: a line per size of company, and which lines have no source.
    fn company_size(&mut self, value: &Value<'_>) -> CompanySize {
        let mut sizes = CompanySize::default();
        let Some(table) = self.table("company_size", value) else {
            return sizes;
        };
        for (key, value) in table.iter() {
            match key.get_ref().as_ref() {
                "startup" => sizes.startup = self.text("company_size.startup", value),
                "mid_size" => sizes.mid_size = self.text("company_size.mid_size", value),
                "large" => sizes.large = self.text("company_size.large", value),
                "unsourced" => {
                    let (names, spans) = self.text_list("company_size.unsourced", value);
                    for (name, span) in names.iter().zip(spans) {
                        if !CompanySize::SIZES.contains(&name.as_str()) {
                            self.problem(
                                span,
                                format!(
                                    "`company_size.unsourced` names `{name}`; expected startup, mid_size or large"
                                ),
                            );
                        }
                    }
                    sizes.unsourced = names;
                }
                _ => self.unknown_key(key, COMPANY_SIZE_KEYS),
            }
        }
        for (key, text) in sizes.lines() {
            if sizes.is_unsourced(key) && text.trim().is_empty() {
                self.problem(
                    self.sp(value.span()),
                    format!("`company_size.unsourced` names `{key}`, which has no text"),
                );
            }
        }
        sizes
    }

    fn level(&mut self, table: &DeTable<'_>, span: Span<usize>) -> (Level, Places) {
        let mut level = Level::default();
        let mut places = self.places(span);
        for (key, value) in table.iter() {
            let Some(name) = known(LEVEL_KEYS, key.get_ref()) else {
                self.unknown_key(key, LEVEL_KEYS);
                continue;
            };
            places.keys.push((name, self.sp(value.span())));
            self.bad_value = false;
            match name {
                "id" => level.id = self.text(name, value),
                "title" => level.title = self.text(name, value),
                "track" => level.track = self.text(name, value),
                "rank" => level.rank = self.number(name, value).unwrap_or_default(),
                "summary" => level.summary = self.text(name, value),
                "scope" => level.scope = self.text(name, value),
                "reporting_note" => level.reporting_note = self.text(name, value),
                "decision_scope" => level.decision_scope = self.text(name, value),
                "direct_reports" => {
                    level.direct_reports = self.range(name, value, MAX_DIRECT_REPORTS);
                }
                "experience" => level.experience = self.experience(value),
                "education" => level.education = self.education(value),
                "extra" => level.extra = self.extra(value),
                "titles_by_function" => {
                    level.titles_by_function = self.titles_by_function(value);
                }
                "company_size" => level.company_size = self.company_size(value),
                "skills" => {
                    for (t, span) in self.tables("skills", value) {
                        let (reference, at) = self.skill_ref(t, span);
                        level.skills.push(reference);
                        places.refs.push(at);
                    }
                }
                "follows" | "reports_to" | "equivalents" => {
                    let (ids, spans) = self.text_list(name, value);
                    places.lists.push((name, spans));
                    match name {
                        "follows" => level.follows = ids,
                        "reports_to" => level.reports_to = ids,
                        _ => level.equivalents = ids,
                    }
                }
                "sources" => {
                    let (texts, spans) = self.text_list(name, value);
                    for (text, span) in texts.iter().zip(&spans) {
                        if text.trim().is_empty() {
                            self.problem(span.clone(), "`sources` has a blank entry".into());
                        }
                    }
                    places.lists.push((name, spans));
                    level.sources = texts;
                }
                _ => {
                    let texts = self.statements(name, value);
                    match name {
                        "example_titles" => level.example_titles = texts,
                        "responsibilities" => level.responsibilities = texts,
                        "move_up" => level.move_up = texts,
                        _ => level.sources = texts,
                    }
                }
            }
            if std::mem::take(&mut self.bad_value) {
                places.bad.push(name);
            }
        }
        (level, places)
    }
}

/// A TOML value as JSON, for `extra` tables (dates become their TOML text).
fn to_json(value: &DeValue<'_>) -> serde_json::Value {
    use serde_json::Value as J;
    match value {
        DeValue::String(s) => J::String(s.to_string()),
        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
            .map_or_else(|_| J::String(i.to_string()), J::from),
        DeValue::Float(f) => f
            .as_str()
            .replace('_', "")
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map_or_else(|| J::String(f.to_string()), J::Number),
        DeValue::Boolean(b) => J::Bool(*b),
        DeValue::Datetime(d) => J::String(d.to_string()),
        DeValue::Array(items) => J::Array(items.iter().map(|v| to_json(v.get_ref())).collect()),
        DeValue::Table(table) => J::Object(
            table
                .iter()
                .map(|(k, v)| (k.get_ref().to_string(), to_json(v.get_ref())))
                .collect(),
        ),
    }
}
