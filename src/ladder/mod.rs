//! The ladder: tracks of levels, one skill catalogue, loaded and validated from TOML.

mod cache;
mod chunks;
mod facts;
mod lookup;
mod model;
mod packed;
mod read;
mod source;
mod validate;

pub mod generate;

use std::collections::HashMap;
use std::path::Path;

pub use cache::{CacheUse, cache_key, default_cache_dir};
pub use facts::{CategoryProfile, SkillGroup};
pub use lookup::NotFound;
pub use model::{
    Category, CompanySize, Education, Experience, Extra, Family, LadderInfo, Level, Proficiency,
    Range, RubricLine, Scale, ScaleStep, Skill, SkillRef, Source, SourceKind, Track,
};
pub(crate) use source::{ParsedFile, Step};
pub use source::{Problem, SourceFile, embedded_file_names, embedded_sources, read_folder};
pub use validate::is_well_formed_id;

/// One source a level cites.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Citation<'a> {
    /// An entry of the sources catalogue.
    Catalogued(&'a Source),
    /// A free-text citation, in a folder that has no sources catalogue.
    Text(&'a str),
}

impl Citation<'_> {
    /// The catalogue id, if the citation is a catalogue entry.
    pub fn id(&self) -> Option<&str> {
        match self {
            Citation::Catalogued(source) => Some(&source.id),
            Citation::Text(_) => None,
        }
    }

    pub fn title(&self) -> &str {
        match self {
            Citation::Catalogued(source) => &source.title,
            Citation::Text(text) => text,
        }
    }

    /// `Title — Author, Year` for a catalogue entry; the text itself otherwise.
    pub fn label(&self) -> String {
        match self {
            Citation::Catalogued(source) => source.citation(),
            Citation::Text(text) => (*text).to_owned(),
        }
    }
}

/// A validated ladder. Levels are kept in ladder order: by track order, then by rank.
#[derive(Debug, Clone)]
pub struct Ladder {
    pub info: LadderInfo,
    families: Vec<Family>,
    tracks: Vec<Track>,
    /// For each track (same index as `tracks`), the range of `levels` it owns.
    track_levels: Vec<std::ops::Range<usize>>,
    categories: Vec<Category>,
    skills: Vec<Skill>,
    levels: Vec<Level>,
    sources: Vec<Source>,
    level_by_id: HashMap<String, usize>,
    source_by_id: HashMap<String, usize>,
    skill_by_id: HashMap<String, usize>,
    category_by_id: HashMap<String, usize>,
    track_by_id: HashMap<String, usize>,
}

impl Ladder {
    /// The built-in ladder compiled into the binary.
    ///
    /// `build.rs` turns the built-in TOML files into one packed document (`packed.rs`) at
    /// build time, which unpacks many times faster than TOML is read and keeps the explorer's
    /// start-up close to a bare terminal app's. Every rule is checked on the same files at
    /// test time (`the_fast_built_in_load_matches_the_validated_one`). Should the packed form
    /// be unusable anyway, the full path runs and reports each problem with its line and
    /// column.
    pub fn embedded() -> Result<Ladder, Vec<Problem>> {
        Ladder::embedded_prepared().map_or_else(Ladder::embedded_validated, Ok)
    }

    /// The built-in ladder from the packed form `build.rs` prepared, or `None` if that is
    /// unusable.
    #[doc(hidden)]
    pub fn embedded_prepared() -> Option<Ladder> {
        const PREPARED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/embedded-ladder.bin"));
        let parts = packed::unpack(PREPARED)?;
        Some(Ladder::assemble(
            parts.ladder.unwrap_or_default(),
            parts.families,
            parts.tracks,
            parts.categories,
            parts.skills,
            parts.levels,
            parts.sources,
        ))
    }

    /// The built-in ladder through every validation rule, as a user's folder is loaded.
    pub fn embedded_validated() -> Result<Ladder, Vec<Problem>> {
        Ladder::from_sources(&embedded_sources())
    }

    /// The ladder a person asked for: their content folder (through the cache of validated
    /// ladders), else the built-in one.
    pub fn load(content: Option<&Path>) -> Result<Ladder, Vec<Problem>> {
        match content {
            Some(dir) => Ladder::from_folder_with_cache(dir),
            None => Ladder::embedded(),
        }
    }

    /// A company's ladder from a content folder.
    pub fn from_folder(dir: &Path) -> Result<Ladder, Vec<Problem>> {
        Ladder::from_sources(&read_folder(dir)?)
    }

    /// Parses and validates the given files as one ladder; on failure, every problem found.
    pub fn from_sources(sources: &[SourceFile]) -> Result<Ladder, Vec<Problem>> {
        validate::build(sources)
    }

    /// Sorts and indexes validated parts. Only called once validation has passed or to carry
    /// a partial ladder that is then thrown away.
    fn assemble(
        info: LadderInfo,
        mut families: Vec<Family>,
        mut tracks: Vec<Track>,
        categories: Vec<Category>,
        skills: Vec<Skill>,
        mut levels: Vec<Level>,
        sources: Vec<Source>,
    ) -> Ladder {
        families.sort_by_key(|f| f.order);
        let family_position = |id: &str| families.iter().position(|f| f.id == id);
        tracks.sort_by_key(|t| (family_position(&t.family), t.order));
        let track_by_id: HashMap<String, usize> = tracks
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id.clone(), i))
            .collect();
        levels.sort_by_key(|l| {
            (
                track_by_id.get(&l.track).copied().unwrap_or(usize::MAX),
                l.rank,
            )
        });
        let track_levels = (0..tracks.len())
            .map(|t| {
                let start =
                    levels.partition_point(|l| track_by_id.get(&l.track).is_some_and(|&i| i < t));
                let end =
                    levels.partition_point(|l| track_by_id.get(&l.track).is_some_and(|&i| i <= t));
                start..end
            })
            .collect();
        let index = |ids: Vec<&String>| {
            ids.into_iter()
                .enumerate()
                .map(|(i, id)| (id.clone(), i))
                .collect()
        };
        Ladder {
            info,
            level_by_id: index(levels.iter().map(|l| &l.id).collect()),
            skill_by_id: index(skills.iter().map(|s| &s.id).collect()),
            category_by_id: index(categories.iter().map(|c| &c.id).collect()),
            source_by_id: index(sources.iter().map(|s| &s.id).collect()),
            track_by_id,
            families,
            tracks,
            track_levels,
            categories,
            skills,
            levels,
            sources,
        }
    }

    /// The proficiency scale levels rate skills on (the default four steps unless the ladder
    /// defines its own).
    pub fn scale(&self) -> &Scale {
        &self.info.scale
    }

    /// The job families in display order; empty when the ladder declares none (then every
    /// track and category belongs to one unnamed family).
    pub fn families(&self) -> &[Family] {
        &self.families
    }

    /// The tracks of family `family_id` (every track when the ladder declares no families).
    pub fn tracks_of_family<'a>(&'a self, family_id: &'a str) -> impl Iterator<Item = &'a Track> {
        self.tracks
            .iter()
            .filter(move |t| self.families.is_empty() || t.family == family_id)
    }

    /// The categories a family's tracks use: its own and the shared ones.
    pub fn categories_of_family<'a>(
        &'a self,
        family_id: &'a str,
    ) -> impl Iterator<Item = &'a Category> {
        self.categories
            .iter()
            .filter(move |c| c.family.is_empty() || c.family == family_id)
    }

    /// The categories that level `level` rates or names at least one skill of, in ladder
    /// order: a skill chart lists these, not every category of the ladder.
    pub fn categories_of_level(&self, level: &Level) -> Vec<&Category> {
        let used: std::collections::HashSet<&str> = level
            .skills
            .iter()
            .filter_map(|r| self.skill(&r.skill))
            .map(|s| s.category.as_str())
            .collect();
        self.categories
            .iter()
            .filter(|c| used.contains(c.id.as_str()))
            .collect()
    }

    /// "Rung N of M": the level's position in its own track (1 = the track's first level)
    /// and how many levels the track has. Ranks may start above 1 in a track that forks
    /// from another track's rung; this counts the track's own levels.
    pub fn rung_of(&self, level_id: &str) -> Option<(usize, usize)> {
        let index = self.level_index(level_id)?;
        let track = self.track_index(&self.levels[index].track)?;
        let range = &self.track_levels[track];
        Some((index - range.start + 1, range.len()))
    }

    /// The levels one is promoted to from `level_id`: those that name it in `follows`, then
    /// the next rung of its own track unless that rung names other levels it follows.
    pub fn next_on_path(&self, level_id: &str) -> Vec<&Level> {
        let mut next: Vec<&Level> = self
            .levels
            .iter()
            .filter(|l| l.follows.iter().any(|f| f == level_id))
            .collect();
        if let Some(above) = self.neighbour(level_id, 1)
            && (above.follows.is_empty() || above.follows.iter().any(|f| f == level_id))
            && !next.iter().any(|l| l.id == above.id)
        {
            next.insert(0, above);
        }
        next
    }

    /// The level to compare `level_id` with when none is chosen: the first step up its
    /// promotion path (which may be in another track, for a fork), else the step before it,
    /// else the level itself.
    pub fn default_compare_target(&self, level_id: &str) -> Option<&Level> {
        self.next_on_path(level_id)
            .into_iter()
            .next()
            .or_else(|| self.previous_on_path(level_id).into_iter().next())
            .or_else(|| self.level(level_id))
    }

    /// The levels `level_id` is promoted from: its `follows`, or the rung below in its track.
    pub fn previous_on_path(&self, level_id: &str) -> Vec<&Level> {
        let Some(level) = self.level(level_id) else {
            return Vec::new();
        };
        if level.follows.is_empty() {
            self.neighbour(level_id, -1).into_iter().collect()
        } else {
            level
                .follows
                .iter()
                .filter_map(|id| self.level(id))
                .collect()
        }
    }

    /// Tracks in display order.
    pub fn tracks(&self) -> &[Track] {
        &self.tracks
    }

    /// All levels in ladder order (track by track, lowest rank first).
    pub fn levels(&self) -> &[Level] {
        &self.levels
    }

    pub fn skills(&self) -> &[Skill] {
        &self.skills
    }

    pub fn categories(&self) -> &[Category] {
        &self.categories
    }

    /// The sources catalogue, in file order; empty for a folder that cites sources as text.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.source_by_id.get(id).map(|&i| &self.sources[i])
    }

    /// The sources a level cites, as a reader should see them: catalogue entries by title, or
    /// the citation text itself in a folder without a catalogue.
    pub fn citations<'a>(&'a self, level: &'a Level) -> Vec<Citation<'a>> {
        level
            .sources
            .iter()
            .map(|cited| match self.source(cited) {
                Some(source) => Citation::Catalogued(source),
                None => Citation::Text(cited),
            })
            .collect()
    }

    /// The levels of the track at `track_index`, lowest rank first.
    pub fn levels_of_track(&self, track_index: usize) -> &[Level] {
        self.track_levels
            .get(track_index)
            .map_or(&[], |range| &self.levels[range.clone()])
    }

    /// The position of level `id` in [`Ladder::levels`].
    pub fn level_index(&self, id: &str) -> Option<usize> {
        self.level_by_id.get(id).copied()
    }

    pub fn level(&self, id: &str) -> Option<&Level> {
        self.level_index(id).map(|i| &self.levels[i])
    }

    pub fn skill(&self, id: &str) -> Option<&Skill> {
        self.skill_by_id.get(id).map(|&i| &self.skills[i])
    }

    pub fn category(&self, id: &str) -> Option<&Category> {
        self.category_by_id.get(id).map(|&i| &self.categories[i])
    }

    pub fn track_index(&self, id: &str) -> Option<usize> {
        self.track_by_id.get(id).copied()
    }

    pub fn track(&self, id: &str) -> Option<&Track> {
        self.track_index(id).map(|i| &self.tracks[i])
    }

    /// The level one rung above (`step = 1`) or below (`step = -1`) in the same track.
    pub fn neighbour(&self, level_id: &str, step: isize) -> Option<&Level> {
        let index = self.level_index(level_id)?;
        let track = self.track_index(&self.levels[index].track)?;
        let range = &self.track_levels[track];
        let target = index.checked_add_signed(step)?;
        range.contains(&target).then(|| &self.levels[target])
    }

    /// Level ids, for "did you mean" hints.
    pub fn level_ids(&self) -> impl Iterator<Item = &str> {
        self.levels.iter().map(|l| l.id.as_str())
    }

    /// Levels of other tracks that are equivalent to `level_id`, declared on either side.
    pub fn equivalents_of(&self, level_id: &str) -> Vec<&Level> {
        let mut found: Vec<&Level> = Vec::new();
        if let Some(level) = self.level(level_id) {
            found.extend(level.equivalents.iter().filter_map(|id| self.level(id)));
        }
        for other in &self.levels {
            if other.equivalents.iter().any(|id| id == level_id)
                && !found.iter().any(|l| l.id == other.id)
            {
                found.push(other);
            }
        }
        found.sort_by_key(|l| self.level_index(&l.id));
        found
    }
}
