//! Turning content files into a [`Ladder`], collecting every problem on the way.

use std::collections::{HashMap, HashSet};

use super::Ladder;
use super::model::{ContentFile, Level, Proficiency, Range, SourceKind};
use super::source::{ParsedFile, Problem, SourceFile, Step, steps_of};
use crate::suggest::did_you_mean;
use crate::text::is_allowed_in_text;

/// Where an item came from: file, section (`levels`, `skills`, …) and position in it.
#[derive(Debug, Clone, Copy)]
struct Origin {
    file: usize,
    section: &'static str,
    index: usize,
}

/// Collects problems and knows how to point at an item's keys.
struct Checker<'a> {
    files: &'a [ParsedFile<'a>],
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn at(&mut self, origin: Origin, sub: &[Step], message: String) {
        let mut path = vec![
            Step::Key(origin.section.to_owned()),
            Step::Index(origin.index),
        ];
        path.extend_from_slice(sub);
        let problem = self.files[origin.file].problem_at_path(&path, &message);
        self.problems.push(problem);
    }

    fn has_key(&self, origin: Origin, sub: &[&str]) -> bool {
        let steps: Vec<Step> = sub.iter().map(|k| Step::from(*k)).collect();
        self.has_path(origin, &steps)
    }

    /// Whether the item at `origin` has a value at `sub` (a key path, indices allowed).
    fn has_path(&self, origin: Origin, sub: &[Step]) -> bool {
        let file = &self.files[origin.file];
        let mut path = vec![
            Step::Key(origin.section.to_owned()),
            Step::Index(origin.index),
        ];
        path.extend_from_slice(sub);
        // `locate` stops at the deepest existing step; the value exists when the span it
        // returns differs from the span of its parent.
        let found = file.locate(&path, false);
        let parent = file.locate(&path[..path.len() - 1], false);
        found != parent
    }

    fn where_is(&self, origin: Origin) -> String {
        let path = [
            Step::Key(origin.section.to_owned()),
            Step::Index(origin.index),
        ];
        let p = self.files[origin.file].problem_at_path(&path, "");
        match p.position {
            Some((line, col)) => format!("{}:{line}:{col}", p.file),
            None => p.file,
        }
    }

    fn require_text(&mut self, origin: Origin, key: &str, value: &str) {
        if value.trim().is_empty() {
            let what = if self.has_key(origin, &[key]) {
                "is blank"
            } else {
                "is missing"
            };
            self.at(
                origin,
                &[Step::from(key)],
                format!("`{key}` {what}; it is required"),
            );
        }
    }

    fn require_list(&mut self, origin: Origin, key: &str, items: &[String]) {
        if items.is_empty() {
            self.at(
                origin,
                &[Step::from(key)],
                format!("`{key}` needs at least one entry"),
            );
        }
        self.no_blank_entries(origin, key, items);
    }

    fn no_blank_entries(&mut self, origin: Origin, key: &str, items: &[String]) {
        for (i, item) in items.iter().enumerate() {
            if item.trim().is_empty() {
                self.at(
                    origin,
                    &[Step::from(key), Step::Index(i)],
                    format!("`{key}` has a blank entry"),
                );
            }
        }
    }

    fn check_id(&mut self, origin: Origin, id: &str, kind: &str) {
        let shown = crate::text::fit(id, MAX_ID_CHARS);
        if id.is_empty() {
            self.at(
                origin,
                &[Step::from("id")],
                format!("this {kind} has no `id`"),
            );
        } else if !is_well_formed_id(id) {
            self.at(
                origin,
                &[Step::from("id")],
                format!("{kind} id `{shown}` must be lowercase letters, digits and `-`, starting with a letter"),
            );
        } else if id.chars().count() > MAX_ID_CHARS {
            self.at(
                origin,
                &[Step::from("id")],
                format!(
                    "{kind} id `{shown}` is {} characters long; ids are typed on the command line, at most {MAX_ID_CHARS}",
                    id.chars().count()
                ),
            );
        }
    }

    /// A range must have a `min`, no `max` below it, and neither above `most` (a larger figure
    /// is a typo, and would overflow the arithmetic that draws it).
    fn check_range(&mut self, origin: Origin, sub: &[&str], range: &Range, most: u32) {
        let steps: Vec<Step> = sub.iter().map(|k| Step::from(*k)).collect();
        for (key, value) in [("min", Some(range.min)), ("max", range.max)] {
            if let Some(value) = value.filter(|v| *v > most) {
                let mut at = steps.clone();
                at.push(Step::from(key));
                self.at(
                    origin,
                    &at,
                    format!("`{}.{key}` is {value}; at most {most}", sub.join(".")),
                );
            }
        }
        let mut min_path = sub.to_vec();
        min_path.push("min");
        if !self.has_key(origin, &min_path) {
            self.at(origin, &steps, format!("`{}` needs a `min`", sub.join(".")));
        }
        if let Some(max) = range.max
            && range.min > max
        {
            self.at(
                origin,
                &steps,
                format!("`{}` has min {} above max {max}", sub.join("."), range.min),
            );
        }
    }
}

/// Longer ids are refused: an id is typed on the command line and shown in every list.
pub const MAX_ID_CHARS: usize = 64;
/// Longer text is refused: the explorer wraps every text it shows, and a megabyte-long one
/// made each frame take half a second.
pub const MAX_TEXT_CHARS: usize = 10_000;
/// Years of experience past this are a typo (and would overflow the compare axis).
pub const MAX_YEARS: u32 = 60;
/// Direct reports past this are a typo.
pub const MAX_DIRECT_REPORTS: u32 = 10_000;

pub fn is_well_formed_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Reports every id that appears twice, pointing at the second and naming the first.
fn check_unique<'i>(
    checker: &mut Checker<'_>,
    kind: &str,
    items: impl IntoIterator<Item = (&'i str, Origin)>,
) -> HashMap<&'i str, Origin> {
    let mut seen: HashMap<&str, Origin> = HashMap::new();
    for (id, origin) in items {
        if id.is_empty() {
            continue;
        }
        if let Some(first) = seen.get(id) {
            let first_at = checker.where_is(*first);
            checker.at(
                origin,
                &[Step::from("id")],
                format!("duplicate {kind} id `{id}` (first defined at {first_at})"),
            );
        } else {
            seen.insert(id, origin);
        }
    }
    seen
}

pub(super) fn build(sources: &[SourceFile]) -> Result<Ladder, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut parsed = Vec::new();
    for source in sources {
        match ParsedFile::parse(source) {
            Ok(file) => parsed.push(file),
            Err(syntax) => problems.extend(syntax),
        }
    }

    let mut contents = Vec::new();
    for file in &parsed {
        file.for_each_string(|text, span| {
            let length = text.chars().count();
            if length > MAX_TEXT_CHARS {
                let message = format!(
                    "text of {length} characters; at most {MAX_TEXT_CHARS} (split it into a list)"
                );
                problems.push(file.problem_at(Some(span.clone()), &message));
            }
            let mut chars = text.char_indices().peekable();
            while let Some((_, c)) = chars.next() {
                let crlf = c == '\r' && chars.peek().is_some_and(|(_, n)| *n == '\n');
                if !is_allowed_in_text(c) && !crlf {
                    let message = format!(
                        "control character U+{:04X} in text; content must not carry terminal control codes",
                        c as u32
                    );
                    problems.push(file.problem_at(Some(span.clone()), &message));
                    break;
                }
                if crate::text::is_invisible_format(c) {
                    let message = format!(
                        "invisible formatting character U+{:04X} in text (a bidi control or \
                         zero-width character can make text read differently than it is)",
                        c as u32
                    );
                    problems.push(file.problem_at(Some(span.clone()), &message));
                    break;
                }
            }
        });
        let mut unknown = Vec::new();
        let deserializer = toml::de::Deserializer::from(file.doc.clone());
        let result: Result<ContentFile, _> =
            serde_ignored::deserialize(deserializer, |path| unknown.push(steps_of(&path)));
        for path in unknown {
            let key = match path.last() {
                Some(Step::Key(k)) => k.clone(),
                _ => String::new(),
            };
            let message = format!(
                "unknown key `{key}`{}",
                did_you_mean(&key, known_keys(&path))
            );
            problems.push(file.problem_at_key(&path, &message));
        }
        match result {
            Ok(content) => contents.push(content),
            Err(e) => {
                problems.push(file.problem_at(e.span(), e.message()));
                contents.push(ContentFile::default());
            }
        }
    }

    let mut checker = Checker {
        files: &parsed,
        problems,
    };
    let ladder = merge_and_check(&mut checker, contents);
    if checker.problems.is_empty() {
        Ok(ladder)
    } else {
        // Files in the order given, then top to bottom, as a reader fixes them.
        let file_order: HashMap<&str, usize> = sources
            .iter()
            .enumerate()
            .map(|(i, s)| (s.name.as_str(), i))
            .collect();
        let mut problems = checker.problems;
        problems.sort_by_key(|p| (file_order.get(p.file.as_str()).copied(), p.position));
        Err(problems)
    }
}

/// The keys a section accepts, for "did you mean" on an unknown key.
fn known_keys(path: &[Step]) -> Vec<&'static str> {
    let keys: Vec<&str> = path
        .iter()
        .filter_map(|s| match s {
            Step::Key(k) => Some(k.as_str()),
            Step::Index(_) => None,
        })
        .collect();
    match keys.as_slice() {
        [_] => vec![
            "ladder",
            "tracks",
            "categories",
            "skills",
            "levels",
            "sources",
        ],
        ["sources", _] => vec!["id", "title", "author", "year", "kind", "url", "file"],
        ["ladder", _] => vec!["name", "description"],
        ["tracks", _] => vec!["id", "title", "description", "order"],
        ["categories", _] => vec!["id", "name", "description"],
        ["skills", _] => vec!["id", "name", "category", "description"],
        ["levels", "skills", _] => vec!["skill", "proficiency"],
        ["levels", "experience", _] => vec!["field", "managing"],
        ["levels", "experience", _, _] | ["levels", "direct_reports", _] => {
            vec!["min", "max", "estimate", "note"]
        }
        ["levels", "education", _] => vec!["typical", "preferred", "note"],
        ["levels", _] => vec![
            "id",
            "title",
            "track",
            "rank",
            "summary",
            "scope",
            "reports_to",
            "reporting_note",
            "direct_reports",
            "example_titles",
            "decision_scope",
            "responsibilities",
            "skills",
            "experience",
            "education",
            "move_up",
            "equivalents",
            "sources",
        ],
        _ => Vec::new(),
    }
}

fn merge_and_check(checker: &mut Checker<'_>, contents: Vec<ContentFile>) -> Ladder {
    let mut info = None;
    let mut tracks = Vec::new();
    let mut categories = Vec::new();
    let mut skills = Vec::new();
    let mut levels = Vec::new();
    let mut sources = Vec::new();
    for (file, content) in contents.into_iter().enumerate() {
        let at = |section, index| Origin {
            file,
            section,
            index,
        };
        if let Some(ladder_info) = content.ladder {
            if info.is_some() {
                let problem = checker.files[file].problem_at_path(
                    &[Step::from("ladder")],
                    "a second [ladder] section; the folder may have only one",
                );
                checker.problems.push(problem);
            } else {
                if ladder_info.name.trim().is_empty() {
                    let problem = checker.files[file].problem_at_path(
                        &[Step::from("ladder"), Step::from("name")],
                        "`name` of the ladder is missing or blank",
                    );
                    checker.problems.push(problem);
                }
                info = Some(ladder_info);
            }
        }
        tracks.extend(
            content
                .tracks
                .into_iter()
                .enumerate()
                .map(|(i, t)| (t, at("tracks", i))),
        );
        categories.extend(
            content
                .categories
                .into_iter()
                .enumerate()
                .map(|(i, c)| (c, at("categories", i))),
        );
        skills.extend(
            content
                .skills
                .into_iter()
                .enumerate()
                .map(|(i, s)| (s, at("skills", i))),
        );
        levels.extend(
            content
                .levels
                .into_iter()
                .enumerate()
                .map(|(i, l)| (l, at("levels", i))),
        );
        sources.extend(
            content
                .sources
                .into_iter()
                .enumerate()
                .map(|(i, s)| (s, at("sources", i))),
        );
    }

    for (source, origin) in &sources {
        checker.check_id(*origin, &source.id, "source");
        checker.require_text(*origin, "title", &source.title);
        if !checker.has_key(*origin, &["kind"]) {
            checker.at(*origin, &[], "source has no `kind`".into());
        } else if source.kind == SourceKind::Unknown {
            let kinds: Vec<&str> = SourceKind::ALL.iter().map(|k| k.name()).collect();
            checker.at(
                *origin,
                &[Step::from("kind")],
                format!("source kind is not one of {}", kinds.join(", ")),
            );
        }
    }
    let source_ids = check_unique(
        checker,
        "source",
        sources.iter().map(|(s, o)| (s.id.as_str(), *o)),
    );

    for (track, origin) in &tracks {
        checker.check_id(*origin, &track.id, "track");
        checker.require_text(*origin, "title", &track.title);
        if !checker.has_key(*origin, &["order"]) {
            checker.at(*origin, &[], "track has no `order`".into());
        }
    }
    let track_ids = check_unique(
        checker,
        "track",
        tracks.iter().map(|(t, o)| (t.id.as_str(), *o)),
    );
    let mut orders: HashMap<u32, &str> = HashMap::new();
    for (track, origin) in &tracks {
        if let Some(other) = orders.insert(track.order, &track.id) {
            checker.at(
                *origin,
                &[Step::from("order")],
                format!(
                    "track order {} is also used by track `{other}`",
                    track.order
                ),
            );
        }
    }

    for (category, origin) in &categories {
        checker.check_id(*origin, &category.id, "category");
        checker.require_text(*origin, "name", &category.name);
    }
    let category_ids = check_unique(
        checker,
        "category",
        categories.iter().map(|(c, o)| (c.id.as_str(), *o)),
    );

    for (skill, origin) in &skills {
        checker.check_id(*origin, &skill.id, "skill");
        checker.require_text(*origin, "name", &skill.name);
        checker.require_text(*origin, "description", &skill.description);
        if skill.category.is_empty() {
            checker.at(*origin, &[], "skill has no `category`".into());
        } else if !category_ids.contains_key(skill.category.as_str()) {
            let hint = did_you_mean(&skill.category, category_ids.keys().copied());
            checker.at(
                *origin,
                &[Step::from("category")],
                format!("unknown category `{}`{hint}", skill.category),
            );
        }
    }
    let skill_ids = check_unique(
        checker,
        "skill",
        skills.iter().map(|(s, o)| (s.id.as_str(), *o)),
    );

    let level_ids = check_unique(
        checker,
        "level",
        levels.iter().map(|(l, o)| (l.id.as_str(), *o)),
    );
    let level_track: HashMap<&str, &str> = levels
        .iter()
        .map(|(l, _)| (l.id.as_str(), l.track.as_str()))
        .collect();
    let mut ranks: HashMap<(&str, u32), &str> = HashMap::new();
    for (level, origin) in &levels {
        check_level(
            checker,
            level,
            *origin,
            &track_ids,
            &skill_ids,
            &level_ids,
            &level_track,
        );
        if !sources.is_empty() {
            check_citations(checker, level, *origin, &source_ids);
        }
        if level.rank > 0
            && let Some(other) = ranks.insert((level.track.as_str(), level.rank), &level.id)
        {
            checker.at(
                *origin,
                &[Step::from("rank")],
                format!(
                    "rank {} in track `{}` is also held by level `{other}`",
                    level.rank, level.track
                ),
            );
        }
    }

    if checker.problems.is_empty() {
        if tracks.is_empty() {
            checker.problems.push(Problem::whole_file(
                folder_name(checker),
                "no [[tracks]]: a ladder needs at least one track",
            ));
        }
        if levels.is_empty() {
            checker.problems.push(Problem::whole_file(
                folder_name(checker),
                "no [[levels]]: a ladder needs at least one level",
            ));
        }
    }

    Ladder::assemble(
        info.unwrap_or_else(|| super::LadderInfo {
            name: "Career ladder".into(),
            description: String::new(),
        }),
        tracks.into_iter().map(|(t, _)| t).collect(),
        categories.into_iter().map(|(c, _)| c).collect(),
        skills.into_iter().map(|(s, _)| s).collect(),
        levels.into_iter().map(|(l, _)| l).collect(),
        sources.into_iter().map(|(s, _)| s).collect(),
    )
}

/// In a folder with a sources catalogue, every source a level cites must be one of its ids:
/// a reader is shown catalogue titles, so a stray citation would show as a bare id.
fn check_citations(
    checker: &mut Checker<'_>,
    level: &Level,
    origin: Origin,
    source_ids: &HashMap<&str, Origin>,
) {
    for (i, cited) in level.sources.iter().enumerate() {
        if !cited.trim().is_empty() && !source_ids.contains_key(cited.as_str()) {
            let hint = did_you_mean(cited, source_ids.keys().copied());
            checker.at(
                origin,
                &[Step::from("sources"), Step::Index(i)],
                format!("unknown source `{cited}`{hint}; this folder has a [[sources]] catalogue, so levels cite its ids"),
            );
        }
    }
}

fn folder_name(checker: &Checker<'_>) -> String {
    checker
        .files
        .first()
        .map_or_else(|| "content".to_owned(), |f| f.source.name.clone())
}

fn check_level(
    checker: &mut Checker<'_>,
    level: &Level,
    origin: Origin,
    track_ids: &HashMap<&str, Origin>,
    skill_ids: &HashMap<&str, Origin>,
    level_ids: &HashMap<&str, Origin>,
    level_track: &HashMap<&str, &str>,
) {
    checker.check_id(origin, &level.id, "level");
    for (key, value) in [
        ("title", &level.title),
        ("summary", &level.summary),
        ("scope", &level.scope),
        ("decision_scope", &level.decision_scope),
    ] {
        checker.require_text(origin, key, value);
    }
    if level.track.is_empty() {
        checker.at(origin, &[], format!("level `{}` has no `track`", level.id));
    } else if !track_ids.contains_key(level.track.as_str()) {
        let hint = did_you_mean(&level.track, track_ids.keys().copied());
        checker.at(
            origin,
            &[Step::from("track")],
            format!("unknown track `{}`{hint}", level.track),
        );
    }
    if !checker.has_key(origin, &["rank"]) {
        checker.at(origin, &[], format!("level `{}` has no `rank`", level.id));
    } else if level.rank == 0 {
        checker.at(origin, &[Step::from("rank")], "ranks start at 1".into());
    }

    checker.require_list(origin, "responsibilities", &level.responsibilities);
    checker.require_list(origin, "sources", &level.sources);
    checker.no_blank_entries(origin, "example_titles", &level.example_titles);
    checker.no_blank_entries(origin, "move_up", &level.move_up);

    if level.skills.is_empty() {
        checker.at(
            origin,
            &[Step::from("skills")],
            "`skills` needs at least one entry".into(),
        );
    }
    let mut named = HashSet::new();
    for (i, reference) in level.skills.iter().enumerate() {
        let here = [Step::from("skills"), Step::Index(i)];
        if !skill_ids.contains_key(reference.skill.as_str()) {
            let message = if reference.skill.is_empty() {
                "skill reference has no `skill`".to_owned()
            } else {
                let hint = did_you_mean(&reference.skill, skill_ids.keys().copied());
                format!("unknown skill `{}`{hint}", reference.skill)
            };
            checker.at(
                origin,
                &[here[0].clone(), here[1].clone(), Step::from("skill")],
                message,
            );
        } else if !named.insert(reference.skill.as_str()) {
            checker.at(
                origin,
                &here,
                format!("skill `{}` is listed twice for this level", reference.skill),
            );
        }
        let proficiency_path = [here[0].clone(), here[1].clone(), Step::from("proficiency")];
        if !checker.has_path(origin, &proficiency_path) {
            checker.at(
                origin,
                &here,
                format!("skill `{}` has no `proficiency`", reference.skill),
            );
        } else if reference.proficiency == Proficiency::Unknown {
            let scale: Vec<&str> = Proficiency::SCALE.iter().map(|p| p.name()).collect();
            checker.at(
                origin,
                &[here[0].clone(), here[1].clone(), Step::from("proficiency")],
                format!("proficiency is not on the scale ({})", scale.join(", ")),
            );
        }
    }

    if !checker.has_key(origin, &["experience"]) {
        checker.at(
            origin,
            &[],
            format!("level `{}` has no `experience`", level.id),
        );
    } else {
        if !checker.has_key(origin, &["experience", "field"]) {
            checker.at(
                origin,
                &[Step::from("experience")],
                "`experience` needs `field` (years in the field)".into(),
            );
        } else {
            checker.check_range(
                origin,
                &["experience", "field"],
                &level.experience.field,
                MAX_YEARS,
            );
        }
        if let Some(managing) = &level.experience.managing {
            checker.check_range(origin, &["experience", "managing"], managing, MAX_YEARS);
        }
    }
    if let Some(direct) = &level.direct_reports {
        checker.check_range(origin, &["direct_reports"], direct, MAX_DIRECT_REPORTS);
    }
    if level.education.typical.trim().is_empty() {
        checker.at(
            origin,
            &[Step::from("education")],
            "`education.typical` is missing or blank".into(),
        );
    }

    for (i, boss) in level.reports_to.iter().enumerate() {
        if boss == &level.id {
            checker.at(
                origin,
                &[Step::from("reports_to"), Step::Index(i)],
                "a level cannot report to itself".into(),
            );
        } else if !level_ids.contains_key(boss.as_str()) {
            let hint = did_you_mean(boss, level_ids.keys().copied());
            checker.at(
                origin,
                &[Step::from("reports_to"), Step::Index(i)],
                format!("unknown level `{boss}`{hint}"),
            );
        }
    }
    for (i, other) in level.equivalents.iter().enumerate() {
        let here = [Step::from("equivalents"), Step::Index(i)];
        match level_track.get(other.as_str()) {
            None => {
                let hint = did_you_mean(other, level_ids.keys().copied());
                checker.at(origin, &here, format!("unknown level `{other}`{hint}"));
            }
            Some(track) if *track == level.track => checker.at(
                origin,
                &here,
                format!("`{other}` is in the same track; equivalents point into other tracks"),
            ),
            Some(_) => {}
        }
    }
}
