//! Building a ladder from statements ("at level L, skill S looks like this"), whatever format
//! they were read from. Everything is kept in order of first appearance, so the same input
//! always gives the same ladder.

use std::collections::HashMap;

use super::report::{ImportReport, ReportKind};
use crate::ladder::{
    Category, Extra, Family, LadderInfo, Level, Problem, Proficiency, Scale, Skill, SkillRef,
    Track, is_well_formed_id,
};

/// One statement of the input: what one row (or list item) says.
#[derive(Debug, Default)]
pub(crate) struct Statement<'a> {
    /// Where it is, for messages: file and line, or (for formats without lines kept) the
    /// path to it inside the file, with `line` 0.
    pub file: &'a str,
    pub line: usize,
    pub place: &'a str,
    pub family: &'a str,
    pub track: &'a str,
    pub level: &'a str,
    pub title: &'a str,
    pub rank: Option<u32>,
    pub follows: &'a str,
    pub category: &'a str,
    pub skill: &'a str,
    pub proficiency: Option<Proficiency>,
    pub expectation: &'a str,
    pub example: &'a str,
    pub summary: &'a str,
    pub scope: &'a str,
    /// Columns the format has no place for: (column name, value).
    pub extra: Vec<(&'a str, &'a str)>,
}

/// A name-to-id table for one kind of item, with ids unique and well formed.
#[derive(Default)]
struct Ids {
    taken: std::collections::HashSet<String>,
}

impl Ids {
    /// The id for `name`, made from it when it is not an id already; the second value says
    /// whether the id had to be made up.
    fn make(&mut self, name: &str, fallback: &str) -> (String, bool) {
        let base = if is_well_formed_id(name) {
            name.to_owned()
        } else {
            slug(name).unwrap_or_else(|| fallback.to_owned())
        };
        let mut id = base.clone();
        let mut n = 2;
        while self.taken.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.taken.insert(id.clone());
        let inferred = id != name;
        (id, inferred)
    }
}

/// `Senior Engineer II` → `senior-engineer-ii`; `None` when nothing of it is ASCII.
pub(crate) fn slug(text: &str) -> Option<String> {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    match out.chars().next() {
        None => None,
        Some(c) if c.is_ascii_digit() => Some(format!("n{out}")),
        Some(_) => Some(out),
    }
}

struct DraftLevel {
    level: Level,
    /// The track it belongs to (index into `tracks`).
    track: usize,
    explicit_rank: Option<(u32, String)>,
    follows: Vec<(String, String)>,
    /// Index of each skill in `level.skills`, by skill index.
    refs: HashMap<usize, usize>,
}

pub(crate) struct Draft {
    source: String,
    scale: Option<Scale>,
    families: Vec<Family>,
    family_keys: HashMap<String, usize>,
    family_ids: Ids,
    tracks: Vec<Track>,
    track_keys: HashMap<String, usize>,
    track_ids: Ids,
    categories: Vec<Category>,
    /// Per category: the families of the levels that use it (to tell own from shared).
    category_families: Vec<Vec<String>>,
    category_keys: HashMap<String, usize>,
    category_ids: Ids,
    skills: Vec<Skill>,
    skill_keys: HashMap<String, usize>,
    skill_ids: Ids,
    levels: Vec<DraftLevel>,
    level_keys: HashMap<(usize, String), usize>,
    level_ids: Ids,
    statements: usize,
    ladder_extra: Extra,
    pub report: ImportReport,
    pub problems: Vec<Problem>,
}

const DEFAULT_CATEGORY: &str = "Skills";

impl Draft {
    pub fn new(source: &str, scale: Option<Scale>) -> Self {
        Draft {
            source: source.to_owned(),
            scale,
            families: Vec::new(),
            family_keys: HashMap::new(),
            family_ids: Ids::default(),
            tracks: Vec::new(),
            track_keys: HashMap::new(),
            track_ids: Ids::default(),
            categories: Vec::new(),
            category_families: Vec::new(),
            category_keys: HashMap::new(),
            category_ids: Ids::default(),
            skills: Vec::new(),
            skill_keys: HashMap::new(),
            skill_ids: Ids::default(),
            levels: Vec::new(),
            level_keys: HashMap::new(),
            level_ids: Ids::default(),
            statements: 0,
            ladder_extra: Extra::new(),
            report: ImportReport {
                source: source.to_owned(),
                ..ImportReport::default()
            },
            problems: Vec::new(),
        }
    }

    pub fn problem(&mut self, file: &str, line: usize, column: usize, message: String) {
        self.problems.push(Problem {
            file: file.to_owned(),
            position: (line > 0).then_some((line, column)),
            message: crate::text::escape_control(&message).into_owned(),
            excerpt: None,
            caret: 0,
        });
    }

    fn family(&mut self, name: &str, at: &str) -> Option<usize> {
        if name.is_empty() {
            return None;
        }
        if let Some(&i) = self.family_keys.get(name) {
            return Some(i);
        }
        let (id, made) = self.family_ids.make(name, "family");
        if made {
            self.report.note(
                ReportKind::Inferred,
                at,
                format!("family id `{id}` made from \"{name}\""),
            );
        }
        self.families.push(Family {
            id,
            name: name.to_owned(),
            order: u32::try_from(self.families.len() + 1).unwrap_or(u32::MAX),
            ..Family::default()
        });
        self.family_keys
            .insert(name.to_owned(), self.families.len() - 1);
        Some(self.families.len() - 1)
    }

    fn track(&mut self, name: &str, family: Option<usize>, at: &str) -> usize {
        let name = if name.is_empty() {
            // One track for a file without a Track column, named after the file.
            let stem = std::path::Path::new(&self.source)
                .file_stem()
                .map_or_else(|| "Ladder".to_owned(), |s| s.to_string_lossy().into_owned());
            if !self.track_keys.contains_key("") {
                self.report.note(
                    ReportKind::Inferred,
                    at,
                    format!("no track given: one track, titled \"{stem}\" after the file"),
                );
                let (id, _) = self.track_ids.make(&stem, "track");
                self.tracks.push(Track {
                    id,
                    title: stem,
                    order: u32::try_from(self.tracks.len() + 1).unwrap_or(u32::MAX),
                    ..Track::default()
                });
                self.track_keys.insert(String::new(), self.tracks.len() - 1);
            }
            String::new()
        } else {
            name.to_owned()
        };
        if let Some(&i) = self.track_keys.get(&name) {
            if let Some(f) = family
                && self.tracks[i].family != self.families[f].id
            {
                let track_id = self.tracks[i].id.clone();
                let first = self.tracks[i].family.clone();
                self.report.note(
                    ReportKind::Dropped,
                    at,
                    format!(
                        "track `{track_id}` is in family `{first}`; this row names family \"{}\"",
                        self.families[f].name
                    ),
                );
            }
            return i;
        }
        let (id, made) = self.track_ids.make(&name, "track");
        if made {
            self.report.note(
                ReportKind::Inferred,
                at,
                format!("track id `{id}` made from \"{name}\""),
            );
        }
        self.tracks.push(Track {
            id,
            title: name.clone(),
            order: u32::try_from(self.tracks.len() + 1).unwrap_or(u32::MAX),
            family: family
                .map(|f| self.families[f].id.clone())
                .unwrap_or_default(),
            ..Track::default()
        });
        self.track_keys.insert(name, self.tracks.len() - 1);
        self.tracks.len() - 1
    }

    fn category(&mut self, name: &str, at: &str) -> usize {
        let name = if name.is_empty() {
            DEFAULT_CATEGORY
        } else {
            name
        };
        if let Some(&i) = self.category_keys.get(name) {
            return i;
        }
        if name == DEFAULT_CATEGORY && !self.category_keys.contains_key(name) {
            self.report.note(
                ReportKind::Inferred,
                at,
                format!("skills without a category are filed under \"{DEFAULT_CATEGORY}\""),
            );
        }
        let (id, made) = self.category_ids.make(name, "category");
        if made && name != DEFAULT_CATEGORY {
            self.report.note(
                ReportKind::Inferred,
                at,
                format!("category id `{id}` made from \"{name}\""),
            );
        }
        self.categories.push(Category {
            id,
            name: name.to_owned(),
            ..Category::default()
        });
        self.category_families.push(Vec::new());
        self.category_keys
            .insert(name.to_owned(), self.categories.len() - 1);
        self.categories.len() - 1
    }

    fn skill(&mut self, name: &str, category: &str, at: &str) -> usize {
        if let Some(&i) = self.skill_keys.get(name) {
            let first = self
                .categories
                .iter()
                .find(|c| c.id == self.skills[i].category);
            if !category.is_empty() && first.is_some_and(|c| c.name != category) {
                let kept = first.map(|c| c.name.clone()).unwrap_or_default();
                self.report.note(
                    ReportKind::Dropped,
                    at,
                    format!(
                        "skill \"{name}\" is in category \"{kept}\" (its first row); this row's category \"{category}\" is not kept"
                    ),
                );
            }
            return i;
        }
        let c = self.category(category, at);
        let (id, made) = self.skill_ids.make(name, "skill");
        if made {
            self.report.note(
                ReportKind::Inferred,
                at,
                format!("skill id `{id}` made from \"{name}\""),
            );
        }
        self.skills.push(Skill {
            id,
            name: name.to_owned(),
            category: self.categories[c].id.clone(),
            ..Skill::default()
        });
        self.skill_keys
            .insert(name.to_owned(), self.skills.len() - 1);
        self.skills.len() - 1
    }

    /// Adds one statement. Problems that make the statement unusable are recorded and the
    /// statement is left out.
    pub fn add(&mut self, s: &Statement<'_>) {
        let at = if s.line > 0 {
            format!("{}:{}", s.file, s.line)
        } else if s.place.is_empty() {
            s.file.to_owned()
        } else {
            format!("{} at {}", s.file, s.place)
        };
        if s.level.is_empty() || s.skill.is_empty() {
            let missing = if s.level.is_empty() { "Level" } else { "Skill" };
            let message = if s.line > 0 {
                format!("this row has no `{missing}`; every row is about one skill at one level")
            } else {
                format!("{}: no {} name", s.place, missing.to_lowercase())
            };
            self.problem(s.file, s.line, 1, message);
            return;
        }
        let family = self.family(s.family, &at);
        let track = self.track(s.track, family, &at);
        let key = (track, s.level.to_owned());
        // A level is named by its id or by its title: another row may use the other one.
        let known = self.level_keys.get(&key).copied().or_else(|| {
            self.levels.iter().position(|d| {
                d.track == track && (d.level.id == s.level || d.level.title == s.level)
            })
        });
        let level_index = match known {
            Some(i) => {
                self.level_keys.insert(key, i);
                i
            }
            None => {
                let (id, made) = self.level_ids.make(s.level, "level");
                let title = if s.title.is_empty() {
                    if is_well_formed_id(s.level) {
                        self.report.note(
                            ReportKind::Inferred,
                            &at,
                            format!("level `{id}` has no title; its id is used as the title"),
                        );
                    }
                    s.level.to_owned()
                } else {
                    s.title.to_owned()
                };
                if made {
                    self.report.note(
                        ReportKind::Inferred,
                        &at,
                        format!("level id `{id}` made from \"{}\"", s.level),
                    );
                }
                self.levels.push(DraftLevel {
                    level: Level {
                        id,
                        title,
                        track: self.tracks[track].id.clone(),
                        ..Level::default()
                    },
                    track,
                    explicit_rank: None,
                    follows: Vec::new(),
                    refs: HashMap::new(),
                });
                self.level_keys.insert(key, self.levels.len() - 1);
                self.levels.len() - 1
            }
        };
        let skill = self.skill(s.skill, s.category, &at);
        if let Some(f) = family {
            let family_id = self.families[f].id.clone();
            let c = self
                .categories
                .iter()
                .position(|c| c.id == self.skills[skill].category);
            if let Some(c) = c
                && !self.category_families[c].contains(&family_id)
            {
                self.category_families[c].push(family_id);
            }
        }
        self.statements +=
            usize::from(!s.expectation.is_empty()) + usize::from(!s.example.is_empty());

        let draft = &mut self.levels[level_index];
        let mut notes = Vec::new();
        if let Some(rank) = s.rank {
            match &draft.explicit_rank {
                None => draft.explicit_rank = Some((rank, at.clone())),
                Some((first, _)) if *first != rank => notes.push((
                    ReportKind::Dropped,
                    format!(
                        "rank {rank} for level `{}`: it already has rank {first}",
                        draft.level.id
                    ),
                )),
                Some(_) => {}
            }
        }
        if !s.follows.is_empty() && !draft.follows.iter().any(|(f, _)| f == s.follows) {
            draft.follows.push((s.follows.to_owned(), at.clone()));
        }
        for (key, value, target) in [
            ("Summary", s.summary, &mut draft.level.summary),
            ("Scope", s.scope, &mut draft.level.scope),
        ] {
            if value.is_empty() {
                continue;
            }
            if target.is_empty() {
                *target = value.to_owned();
            } else if target != value {
                notes.push((
                    ReportKind::Dropped,
                    format!(
                        "a second {key} for level `{}` differs from its first and is not kept",
                        draft.level.id
                    ),
                ));
            }
        }
        let skill_id = self.skills[skill].id.clone();
        let position = *draft.refs.entry(skill).or_insert_with(|| {
            draft.level.skills.push(SkillRef {
                skill: skill_id.clone(),
                ..SkillRef::default()
            });
            draft.level.skills.len() - 1
        });
        let reference = &mut draft.level.skills[position];
        if let Some(p) = s.proficiency {
            match reference.proficiency {
                None => reference.proficiency = Some(p),
                Some(first) if first != p => notes.push((
                    ReportKind::Dropped,
                    format!(
                        "a second proficiency for skill `{skill_id}` at level `{}` differs from its first and is not kept",
                        draft.level.id
                    ),
                )),
                Some(_) => {}
            }
        }
        if !s.expectation.is_empty() {
            reference.expectations.push(s.expectation.to_owned());
        }
        if !s.example.is_empty() {
            reference.examples.push(s.example.to_owned());
        }
        for (column, value) in &s.extra {
            if value.is_empty() {
                continue;
            }
            let by_skill = draft
                .level
                .extra
                .entry((*column).to_owned())
                .or_insert_with(|| serde_json::Value::Object(Default::default()));
            if let Some(map) = by_skill.as_object_mut() {
                match map.get_mut(&skill_id) {
                    None => {
                        map.insert(skill_id.clone(), (*value).into());
                    }
                    Some(serde_json::Value::Array(values)) => values.push((*value).into()),
                    Some(first) => {
                        let earlier = first.take();
                        *first = serde_json::Value::Array(vec![earlier, (*value).into()]);
                    }
                }
            }
        }
        for (kind, message) in notes {
            self.report.note(kind, &at, message);
        }
    }

    /// Whether a level of that name has been added to the track of that name.
    pub fn has_level(&self, track: &str, level: &str) -> bool {
        self.track_keys
            .get(track)
            .is_some_and(|&t| self.level_keys.contains_key(&(t, level.to_owned())))
    }

    /// Keeps a value of the source the format has no place for in the ladder's `extra`.
    pub fn ladder_extra(&mut self, key: &str, value: serde_json::Value) {
        self.ladder_extra.insert(key.to_owned(), value);
    }

    /// Keeps a value of the source the format has no place for in the level's `extra`.
    pub fn level_extra(&mut self, track: &str, level: &str, key: &str, value: serde_json::Value) {
        let Some(&t) = self.track_keys.get(track) else {
            return;
        };
        if let Some(&l) = self.level_keys.get(&(t, level.to_owned())) {
            self.levels[l].level.extra.insert(key.to_owned(), value);
        }
    }

    /// Keeps a value of the source the format has no place for in the skill's `extra`.
    pub fn skill_extra(&mut self, skill: &str, key: &str, value: serde_json::Value) {
        if let Some(&i) = self.skill_keys.get(skill) {
            self.skills[i].extra.insert(key.to_owned(), value);
        }
    }

    /// Sets a skill's description from the source (the first one given is kept).
    pub fn skill_description(&mut self, skill: &str, text: &str) {
        if let Some(&i) = self.skill_keys.get(skill)
            && self.skills[i].description.is_empty()
        {
            self.skills[i].description = text.to_owned();
        }
    }

    /// Finishes the draft and renders its files as TOML: what every importer returns.
    pub fn into_imported(self, name: &str) -> Result<super::Imported, Vec<Problem>> {
        let source = self.source.clone();
        let (info, parts) = self.finish(name).map_err(|(problems, _)| problems)?;
        let files = super::output::files(&info, &parts).map_err(|e| {
            vec![Problem::whole_file(
                &source,
                format!("cannot write the ladder as TOML: {e}"),
            )]
        })?;
        Ok(super::Imported {
            files,
            report: parts.report,
        })
    }

    /// Ranks, promotion paths and families settled; the ladder's parts, or every problem.
    pub fn finish(
        mut self,
        name: &str,
    ) -> Result<(LadderInfo, Parts), (Vec<Problem>, ImportReport)> {
        if self.levels.is_empty() && self.problems.is_empty() {
            self.problems.push(Problem::whole_file(
                &self.source,
                "no rows with a level and a skill: nothing to import",
            ));
        }
        self.settle_ranks();
        self.settle_follows();
        // A category used by one family only belongs to it; one used by several is shared.
        if !self.families.is_empty() {
            for (category, families) in self.categories.iter_mut().zip(&self.category_families) {
                if let [only] = families.as_slice() {
                    category.family = only.clone();
                }
            }
            let tracks_without: Vec<String> = self
                .tracks
                .iter()
                .filter(|t| t.family.is_empty())
                .map(|t| t.id.clone())
                .collect();
            for id in tracks_without {
                self.problem(
                    &self.source.clone(),
                    1,
                    1,
                    format!("track `{id}` has rows without a Family while other rows name one"),
                );
            }
        }
        if !self.problems.is_empty() {
            return Err((self.problems, self.report));
        }
        let report = &mut self.report;
        report.families = self.families.len();
        report.tracks = self.tracks.len();
        report.levels = self.levels.len();
        report.skills = self.skills.len();
        report.skill_references = self.levels.iter().map(|l| l.level.skills.len()).sum();
        report.statements = self.statements;
        let info = LadderInfo {
            name: name.to_owned(),
            scale: self.scale.unwrap_or_default(),
            extra: self.ladder_extra,
            ..LadderInfo::default()
        };
        let parts = Parts {
            families: self.families,
            tracks: self.tracks,
            categories: self.categories,
            skills: self.skills,
            levels: self.levels.into_iter().map(|d| d.level).collect(),
            report: self.report,
        };
        Ok((info, parts))
    }

    fn settle_ranks(&mut self) {
        for t in 0..self.tracks.len() {
            let members: Vec<usize> = (0..self.levels.len())
                .filter(|&i| self.levels[i].track == t)
                .collect();
            let explicit = members
                .iter()
                .filter(|&&i| self.levels[i].explicit_rank.is_some())
                .count();
            if explicit == 0 {
                for (n, &i) in members.iter().enumerate() {
                    self.levels[i].level.rank = u32::try_from(n + 1).unwrap_or(u32::MAX);
                }
                if members.len() > 1 {
                    let id = self.tracks[t].id.clone();
                    self.report.note(
                        ReportKind::Inferred,
                        self.source.clone(),
                        format!("ranks in track `{id}` follow the order in which its levels first appear"),
                    );
                }
                continue;
            }
            let mut seen: HashMap<u32, String> = HashMap::new();
            for &i in &members {
                let id = self.levels[i].level.id.clone();
                match self.levels[i].explicit_rank.clone() {
                    None => {
                        let (file, line) = (self.source.clone(), 1);
                        self.problem(
                            &file,
                            line,
                            1,
                            format!(
                                "level `{id}` has no Rank while other levels of its track have one"
                            ),
                        );
                    }
                    Some((0, at)) => {
                        self.problems.push(problem_at(
                            &at,
                            format!("level `{id}` has rank 0; ranks start at 1"),
                        ));
                    }
                    Some((rank, at)) => {
                        if let Some(other) = seen.insert(rank, id.clone()) {
                            self.problems.push(problem_at(
                                &at,
                                format!("level `{id}` has rank {rank}, like level `{other}` of the same track"),
                            ));
                        }
                        self.levels[i].level.rank = rank;
                    }
                }
            }
        }
    }

    fn settle_follows(&mut self) {
        for i in 0..self.levels.len() {
            let follows = std::mem::take(&mut self.levels[i].follows);
            for (name, at) in follows {
                // A level is named by id or by title, first in its own track.
                let own_track = self.levels[i].track;
                let found = self
                    .levels
                    .iter()
                    .position(|l| {
                        l.track == own_track && (l.level.id == name || l.level.title == name)
                    })
                    .or_else(|| {
                        self.levels
                            .iter()
                            .position(|l| l.level.id == name || l.level.title == name)
                    });
                match found {
                    Some(j) if j == i => self.problems.push(problem_at(
                        &at,
                        format!("level `{}` follows itself", self.levels[i].level.id),
                    )),
                    Some(j) => {
                        let (rank, other_rank) =
                            (self.levels[i].level.rank, self.levels[j].level.rank);
                        if other_rank >= rank {
                            self.problems.push(problem_at(
                                &at,
                                format!(
                                    "level `{}` (rank {rank}) follows `{}` (rank {other_rank}); it must follow a lower rung",
                                    self.levels[i].level.id, self.levels[j].level.id
                                ),
                            ));
                        } else {
                            let id = self.levels[j].level.id.clone();
                            self.levels[i].level.follows.push(id);
                        }
                    }
                    None => {
                        let hint = crate::suggest::did_you_mean(
                            &name,
                            self.levels.iter().map(|l| l.level.title.as_str()),
                        );
                        self.problems.push(problem_at(
                            &at,
                            format!(
                                "Follows names \"{name}\", which is no level of this file{hint}"
                            ),
                        ));
                    }
                }
            }
        }
    }
}

/// A problem at `FILE:LINE` (as kept in `at`), column 1.
fn problem_at(at: &str, message: String) -> Problem {
    let located = at
        .rsplit_once(':')
        .and_then(|(f, l)| l.parse::<usize>().ok().map(|l| (f, l)));
    let (file, position, message) = match located {
        Some((file, line)) => (file, Some((line, 1)), message),
        // A place inside a file without lines: `FILE at PATH`.
        None => match at.split_once(" at ") {
            Some((file, place)) => (file, None, format!("{place}: {message}")),
            None => (at, None, message),
        },
    };
    Problem {
        file: file.to_owned(),
        position,
        message: crate::text::escape_control(&message).into_owned(),
        excerpt: None,
        caret: 0,
    }
}

/// The parts of an imported ladder.
pub(crate) struct Parts {
    pub families: Vec<Family>,
    pub tracks: Vec<Track>,
    pub categories: Vec<Category>,
    pub skills: Vec<Skill>,
    pub levels: Vec<Level>,
    pub report: ImportReport,
}

/// A step by name (any case) or number (1 = lowest).
pub(crate) fn parse_step(scale: &Scale, text: &str) -> Option<Proficiency> {
    if let Ok(n) = text.parse::<u8>() {
        return Proficiency::new(n).filter(|p| usize::from(p.value()) <= scale.len());
    }
    scale
        .steps()
        .iter()
        .position(|s| s.name.eq_ignore_ascii_case(text))
        .and_then(|i| u8::try_from(i + 1).ok())
        .and_then(Proficiency::new)
}
