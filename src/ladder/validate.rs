//! Turning content files into a [`Ladder`], collecting every problem on the way.
//!
//! One pass: each file is parsed once and read key by key ([`super::read`]), then the rules
//! that need the whole folder run over the items with the places the reader kept.

use std::collections::{HashMap, HashSet};
use std::ops::Range as Span;

use super::Ladder;
use super::chunks::{self, Chunk};
use super::model::{Category, Family, LadderInfo, Level, Scale, Skill, Source, Track};
use super::read::{Places, ReadFile, Reader};
use super::source::{FileText, Problem, SourceFile, for_each_string};
use crate::suggest::did_you_mean;
use crate::text::is_allowed_in_text;
use toml::de::DeTable;

/// Collects problems and turns places into positions.
struct Checker<'a> {
    files: &'a [FileText<'a>],
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn at(&mut self, file: usize, span: Span<usize>, message: String) {
        let problem = self.files[file].problem_at(Some(span), &message);
        self.problems.push(problem);
    }

    /// A problem at `key` of the item, or at the item when the key is absent.
    fn key(&mut self, places: &Places, key: &str, message: String) {
        self.at(places.file, places.at(key), message);
    }

    fn where_is(&self, places: &Places) -> String {
        let p = self.files[places.file].problem_at(Some(places.item.clone()), "");
        match p.position {
            Some((line, col)) => format!("{}:{line}:{col}", p.file),
            None => p.file,
        }
    }

    /// A required text: reported when absent or blank.
    fn require_text(&mut self, places: &Places, key: &str, value: &str) {
        if !places.has(key) {
            self.key(places, key, format!("`{key}` is missing; it is required"));
        } else {
            self.optional_text(places, key, value);
        }
    }

    /// An optional text may be left out, but not written blank.
    fn optional_text(&mut self, places: &Places, key: &str, value: &str) {
        if places.has(key) && !places.is_bad(key) && value.trim().is_empty() {
            self.key(
                places,
                key,
                format!("`{key}` is blank; write it or leave the key out"),
            );
        }
    }

    fn check_id(&mut self, places: &Places, id: &str, kind: &str) {
        let shown = crate::text::fit(id, MAX_ID_CHARS);
        if !places.has("id") {
            self.key(places, "id", format!("this {kind} has no `id`"));
        } else if !id.is_empty() && !is_well_formed_id(id) {
            self.key(
                places,
                "id",
                format!(
                    "{kind} id `{shown}` must be lowercase letters, digits and `-`, starting with a letter"
                ),
            );
        } else if id.chars().count() > MAX_ID_CHARS {
            self.key(
                places,
                "id",
                format!(
                    "{kind} id `{shown}` is {} characters long; ids are typed on the command line, at most {MAX_ID_CHARS}",
                    id.chars().count()
                ),
            );
        } else if id.is_empty() && !places.is_bad("id") {
            self.key(places, "id", format!("{kind} id is blank"));
        }
    }

    /// A reference to an id of `kind`: reported when it names nothing.
    fn reference(
        &mut self,
        places: &Places,
        key: &str,
        value: &str,
        kind: &str,
        known: &HashMap<&str, &Places>,
    ) -> bool {
        if value.is_empty() || known.contains_key(value) {
            return true;
        }
        let hint = did_you_mean(value, known.keys().copied());
        self.key(places, key, format!("unknown {kind} `{value}`{hint}"));
        false
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
fn check_unique<'i, T: 'i>(
    checker: &mut Checker<'_>,
    kind: &str,
    items: &'i [(T, Places)],
    id_of: impl Fn(&T) -> &str,
) -> HashMap<&'i str, &'i Places> {
    let mut seen: HashMap<&str, &Places> = HashMap::with_capacity(items.len());
    for (item, places) in items {
        let id = id_of(item);
        if id.is_empty() {
            continue;
        }
        if let Some(first) = seen.get(id) {
            let first_at = checker.where_is(first);
            checker.key(
                places,
                "id",
                format!("duplicate {kind} id `{id}` (first defined at {first_at})"),
            );
        } else {
            seen.insert(id, places);
        }
    }
    seen
}

pub(super) fn build(sources: &[SourceFile]) -> Result<Ladder, Vec<Problem>> {
    let files: Vec<FileText<'_>> = sources.iter().map(FileText::new).collect();
    let chunks: Vec<Vec<Chunk>> = sources.iter().map(|s| chunks::split(&s.text)).collect();
    let mut problems = Vec::new();

    // The `[ladder]` sections first: the scale names the steps levels refer to. Syntax
    // errors are reported by the second pass, which parses every chunk.
    let default_scale = Scale::default();
    let mut ladders: Vec<Option<(LadderInfo, Places)>> = Vec::new();
    for (index, file) in files.iter().enumerate() {
        let mut found = None;
        for chunk in &chunks[index] {
            if chunk.key.as_deref().is_some_and(|k| k != "ladder") {
                continue;
            }
            let text = &file.source.text[chunk.range.clone()];
            let (doc, errors) = DeTable::parse_recoverable(text);
            if !file
                .parse_problems(doc.get_ref(), errors, base_of(chunk))
                .is_empty()
            {
                continue;
            }
            let mut ignored = Vec::new();
            let section = Reader::new(
                file,
                (doc.get_ref(), chunk.range.start),
                index,
                &default_scale,
                &mut ignored,
            )
            .ladder();
            if let Some(section) = section {
                problems.extend(ignored);
                if found.is_none() {
                    found = Some(section);
                } else {
                    problems.push(file.problem_at(
                        Some(section.1.item.clone()),
                        "a second [ladder] section; the folder may have only one",
                    ));
                }
            }
        }
        ladders.push(found);
    }
    let scale = ladders
        .iter()
        .flatten()
        .next()
        .filter(|(info, places)| places.has("scale") && !info.scale.is_empty())
        .map_or_else(Scale::default, |(info, _)| info.scale.clone());

    // Then every chunk of every file, parsed, read and dropped one at a time.
    let mut read = Vec::new();
    for ((index, file), ladder) in files.iter().enumerate().zip(ladders) {
        let mut whole = ReadFile {
            ladder,
            ..ReadFile::default()
        };
        for chunk in &chunks[index] {
            let text = &file.source.text[chunk.range.clone()];
            let base = chunk.range.start;
            let (doc, errors) = DeTable::parse_recoverable(text);
            let unusable = file.parse_problems(doc.get_ref(), errors, base);
            if !unusable.is_empty() {
                problems.extend(unusable);
                continue;
            }
            check_control_characters(file, doc.get_ref(), base, &mut problems);
            let part =
                Reader::new(file, (doc.get_ref(), base), index, &scale, &mut problems).file(None);
            whole.extend(part);
        }
        read.push(whole);
    }

    let mut checker = Checker {
        files: &files,
        problems,
    };
    let ladder = merge_and_check(&mut checker, read, scale);
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
        problems.dedup();
        Err(problems)
    }
}

fn base_of(chunk: &Chunk) -> usize {
    chunk.range.start
}

fn check_control_characters(
    file: &FileText<'_>,
    doc: &DeTable<'_>,
    base: usize,
    problems: &mut Vec<Problem>,
) {
    for_each_string(doc, |text, span| {
        // Plain printable ASCII (nearly every string) has nothing to check.
        if text.len() <= MAX_TEXT_CHARS
            && text
                .bytes()
                .all(|b| (0x20..0x7f).contains(&b) || b == b'\n' || b == b'\t')
        {
            return;
        }
        let span = span.start + base..span.end + base;
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
}

fn check_scale(checker: &mut Checker<'_>, info: &LadderInfo, places: &Places) {
    if !places.has("scale") {
        return;
    }
    if info.scale.is_empty() {
        checker.key(
            places,
            "scale",
            "`scale` has no steps; give at least one or leave it out for the default four".into(),
        );
    }
    let mut names = HashSet::new();
    for step in info.scale.steps() {
        if step.name.trim().is_empty() {
            checker.key(places, "scale", "a step of `scale` has no name".into());
        } else if !names.insert(step.name.as_str()) {
            checker.key(
                places,
                "scale",
                format!("step `{}` appears twice in `scale`", step.name),
            );
        }
    }
}

fn merge_and_check(checker: &mut Checker<'_>, files: Vec<ReadFile>, scale: Scale) -> Ladder {
    let mut info: Option<LadderInfo> = None;
    let mut families = Vec::new();
    let mut tracks = Vec::new();
    let mut categories = Vec::new();
    let mut skills = Vec::new();
    let mut levels = Vec::new();
    let mut sources = Vec::new();
    for file in files {
        if let Some((ladder_info, places)) = file.ladder {
            if info.is_some() {
                checker.at(
                    places.file,
                    places.item.clone(),
                    "a second [ladder] section; the folder may have only one".into(),
                );
            } else {
                if ladder_info.name.trim().is_empty() {
                    checker.key(
                        &places,
                        "name",
                        "`name` of the ladder is missing or blank".into(),
                    );
                }
                checker.optional_text(&places, "description", &ladder_info.description);
                check_scale(checker, &ladder_info, &places);
                info = Some(ladder_info);
            }
        }
        families.extend(file.families);
        tracks.extend(file.tracks);
        categories.extend(file.categories);
        skills.extend(file.skills);
        levels.extend(file.levels);
        sources.extend(file.sources);
    }

    let family_ids = check_families(checker, &families);
    let track_ids = check_tracks(checker, &tracks, &family_ids, !families.is_empty());
    let category_ids = check_categories(checker, &categories, &family_ids);
    let skill_ids = check_skills(checker, &skills, &category_ids);
    let source_ids = check_sources(checker, &sources);
    check_levels(checker, &levels, &track_ids, &skill_ids);
    if !sources.is_empty() {
        for (level, places) in &levels {
            check_citations(checker, level, places, &source_ids);
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

    let mut info = info.unwrap_or_else(|| LadderInfo {
        name: "Career ladder".into(),
        ..LadderInfo::default()
    });
    info.scale = scale;
    fn strip<T>(items: Vec<(T, Places)>) -> Vec<T> {
        items.into_iter().map(|(item, _)| item).collect()
    }
    Ladder::assemble(
        info,
        strip(families),
        strip(tracks),
        strip(categories),
        strip(skills),
        strip(levels),
        strip(sources),
    )
}

fn check_sources<'i>(
    checker: &mut Checker<'_>,
    sources: &'i [(Source, Places)],
) -> HashMap<&'i str, &'i Places> {
    for (source, places) in sources {
        checker.check_id(places, &source.id, "source");
        checker.require_text(places, "title", &source.title);
        if !places.has("kind") {
            checker.key(places, "kind", "source has no `kind`".into());
        }
    }
    check_unique(checker, "source", sources, |s| s.id.as_str())
}

/// In a folder with a sources catalogue, every source a level cites must be one of its ids:
/// a reader is shown catalogue titles, so a stray citation would show as a bare id.
fn check_citations(
    checker: &mut Checker<'_>,
    level: &Level,
    places: &Places,
    source_ids: &HashMap<&str, &Places>,
) {
    for (i, cited) in level.sources.iter().enumerate() {
        if !cited.trim().is_empty() && !source_ids.contains_key(cited.as_str()) {
            let hint = did_you_mean(cited, source_ids.keys().copied());
            let at = places.entry("sources", i);
            checker.at(
                places.file,
                at,
                format!(
                    "unknown source `{cited}`{hint}; this folder has a [[sources]] catalogue, so levels cite its ids"
                ),
            );
        }
    }
}

fn check_families<'i>(
    checker: &mut Checker<'_>,
    families: &'i [(Family, Places)],
) -> HashMap<&'i str, &'i Places> {
    for (family, places) in families {
        checker.check_id(places, &family.id, "family");
        checker.require_text(places, "name", &family.name);
        checker.optional_text(places, "description", &family.description);
    }
    check_unique(checker, "family", families, |f| f.id.as_str())
}

fn check_tracks<'i>(
    checker: &mut Checker<'_>,
    tracks: &'i [(Track, Places)],
    family_ids: &HashMap<&str, &Places>,
    families_declared: bool,
) -> HashMap<&'i str, &'i Places> {
    let mut orders: HashMap<u32, &str> = HashMap::new();
    for (track, places) in tracks {
        checker.check_id(places, &track.id, "track");
        checker.require_text(places, "title", &track.title);
        checker.optional_text(places, "description", &track.description);
        if !places.has("order") {
            checker.key(places, "order", "track has no `order`".into());
        } else if let Some(other) = orders.insert(track.order, &track.id) {
            checker.key(
                places,
                "order",
                format!(
                    "track order {} is also used by track `{other}`",
                    track.order
                ),
            );
        }
        if places.has("family") {
            checker.reference(places, "family", &track.family, "family", family_ids);
        } else if families_declared {
            checker.key(
                places,
                "family",
                format!(
                    "track `{}` has no `family`; once the ladder declares [[families]], every track names one",
                    track.id
                ),
            );
        }
    }
    check_unique(checker, "track", tracks, |t| t.id.as_str())
}

fn check_categories<'i>(
    checker: &mut Checker<'_>,
    categories: &'i [(Category, Places)],
    family_ids: &HashMap<&str, &Places>,
) -> HashMap<&'i str, &'i Places> {
    for (category, places) in categories {
        checker.check_id(places, &category.id, "category");
        checker.require_text(places, "name", &category.name);
        checker.optional_text(places, "description", &category.description);
        checker.reference(places, "family", &category.family, "family", family_ids);
    }
    check_unique(checker, "category", categories, |c| c.id.as_str())
}

fn check_skills<'i>(
    checker: &mut Checker<'_>,
    skills: &'i [(Skill, Places)],
    category_ids: &HashMap<&str, &Places>,
) -> HashMap<&'i str, &'i Places> {
    for (skill, places) in skills {
        checker.check_id(places, &skill.id, "skill");
        checker.require_text(places, "name", &skill.name);
        checker.optional_text(places, "description", &skill.description);
        if !places.has("category") {
            checker.key(places, "category", "skill has no `category`".into());
        } else {
            checker.reference(
                places,
                "category",
                &skill.category,
                "category",
                category_ids,
            );
        }
    }
    check_unique(checker, "skill", skills, |s| s.id.as_str())
}

fn check_levels(
    checker: &mut Checker<'_>,
    levels: &[(Level, Places)],
    track_ids: &HashMap<&str, &Places>,
    skill_ids: &HashMap<&str, &Places>,
) {
    let level_ids = check_unique(checker, "level", levels, |l| l.id.as_str());
    let by_id: HashMap<&str, &Level> = levels.iter().map(|(l, _)| (l.id.as_str(), l)).collect();
    let mut ranks: HashMap<(&str, u32), &str> = HashMap::new();
    for (level, places) in levels {
        check_level(
            checker, level, places, track_ids, skill_ids, &level_ids, &by_id,
        );
        if level.rank > 0
            && let Some(other) = ranks.insert((level.track.as_str(), level.rank), &level.id)
        {
            checker.key(
                places,
                "rank",
                format!(
                    "rank {} in track `{}` is also held by level `{other}`",
                    level.rank, level.track
                ),
            );
        }
    }
}

fn check_level(
    checker: &mut Checker<'_>,
    level: &Level,
    places: &Places,
    track_ids: &HashMap<&str, &Places>,
    skill_ids: &HashMap<&str, &Places>,
    level_ids: &HashMap<&str, &Places>,
    by_id: &HashMap<&str, &Level>,
) {
    checker.check_id(places, &level.id, "level");
    checker.require_text(places, "title", &level.title);
    for (key, value) in [
        ("summary", &level.summary),
        ("scope", &level.scope),
        ("decision_scope", &level.decision_scope),
        ("reporting_note", &level.reporting_note),
    ] {
        checker.optional_text(places, key, value);
    }
    if !places.has("track") {
        checker.key(
            places,
            "track",
            format!("level `{}` has no `track`", level.id),
        );
    } else {
        checker.reference(places, "track", &level.track, "track", track_ids);
    }
    if !places.has("rank") {
        checker.key(
            places,
            "rank",
            format!("level `{}` has no `rank`", level.id),
        );
    } else if level.rank == 0 && !places.is_bad("rank") {
        checker.key(places, "rank", "ranks start at 1".into());
    }

    let mut named = HashSet::new();
    for (reference, at) in level.skills.iter().zip(&places.refs) {
        if reference.skill.is_empty() {
            checker.at(
                places.file,
                at.clone(),
                "skill reference has no `skill`".into(),
            );
        } else if !skill_ids.contains_key(reference.skill.as_str()) {
            let hint = did_you_mean(&reference.skill, skill_ids.keys().copied());
            checker.at(
                places.file,
                at.clone(),
                format!("unknown skill `{}`{hint}", reference.skill),
            );
        } else if !named.insert(reference.skill.as_str()) {
            checker.at(
                places.file,
                at.clone(),
                format!("skill `{}` is listed twice for this level", reference.skill),
            );
        }
    }

    for (i, boss) in level.reports_to.iter().enumerate() {
        if boss == &level.id {
            let at = places.entry("reports_to", i);
            checker.at(places.file, at, "a level cannot report to itself".into());
        } else {
            level_reference(checker, places, "reports_to", i, boss, level_ids);
        }
    }
    for (i, other) in level.equivalents.iter().enumerate() {
        match by_id.get(other.as_str()) {
            None => level_reference(checker, places, "equivalents", i, other, level_ids),
            Some(found) if found.track == level.track => {
                let at = places.entry("equivalents", i);
                checker.at(
                    places.file,
                    at,
                    format!("`{other}` is in the same track; equivalents point into other tracks"),
                );
            }
            Some(_) => {}
        }
    }
    for (i, before) in level.follows.iter().enumerate() {
        match by_id.get(before.as_str()) {
            None => level_reference(checker, places, "follows", i, before, level_ids),
            Some(found) if found.rank >= level.rank && level.rank > 0 => {
                let at = places.entry("follows", i);
                checker.at(
                    places.file,
                    at,
                    format!(
                        "`{before}` has rank {}, not below this level's rank {}; a level follows a lower rung",
                        found.rank, level.rank
                    ),
                );
            }
            Some(_) => {}
        }
    }
}

fn level_reference(
    checker: &mut Checker<'_>,
    places: &Places,
    key: &str,
    index: usize,
    id: &str,
    level_ids: &HashMap<&str, &Places>,
) {
    if !level_ids.contains_key(id) {
        let hint = did_you_mean(id, level_ids.keys().copied());
        let at = places.entry(key, index);
        checker.at(places.file, at, format!("unknown level `{id}`{hint}"));
    }
}

fn folder_name(checker: &Checker<'_>) -> String {
    checker
        .files
        .first()
        .map_or_else(|| "content".to_owned(), |f| f.source.name.clone())
}
