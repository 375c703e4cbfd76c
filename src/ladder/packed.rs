//! A compact binary form of the content model, for the built-in ladder that `build.rs`
//! prepares and for the cache of validated ladders: decoding it is several times cheaper than
//! JSON (no text to scan, no field names to match, no untagged-enum buffering).
//!
//! A packed input is a text region and then a stream. The text region is a varint length and
//! the bytes of every string, one after another in the order they are packed; the stream
//! holds everything else, a string being only its length there. Unpacking checks the whole
//! region as UTF-8 once and copies each string out of it, instead of checking a thousand
//! short strings one by one.
//! In the stream, numbers are LEB128 varints, lists a varint length and then their items,
//! `Option` a 0/1 byte. Every struct is packed and unpacked field by field with an exhaustive
//! destructuring, so a field added to the model fails to compile here until it is packed too.
//! A skill reference names its skill by its place in the skill catalogue, packed before the
//! levels.
//! Decoding never trusts the bytes: a short, long or malformed input gives `None` (the caller
//! then falls back to the full load). The text region must be UTF-8 and lie within the input;
//! a string must lie within the region and begin and end on character boundaries; the input is
//! refused unless the stream and the region are both used up exactly. A list length is refused
//! when it is more than the stream bytes left (every item takes at least one), and reserves at
//! most as much memory as the input bytes left take (a packed item is far smaller than the
//! item in memory, so a forged length of a million levels must not reserve room for them; the
//! list grows as items actually decode). It says nothing about whether the bytes are the ones
//! that were written: the cache checks that with a checksum beside them.
//!
//! `build.rs` includes this file as well (`#[path]`), so it uses nothing but the model, std
//! and serde_json.

use std::collections::{BTreeMap, HashMap};

use super::model::{
    Category, CompanySize, ContentFile, Education, Experience, Extra, Family, LadderInfo, Level,
    Proficiency, Range, RubricLine, Scale, ScaleStep, Skill, SkillRef, Source, SourceKind, Track,
};

/// Packs a whole content file (for `build.rs` and the tests).
#[allow(dead_code)]
pub fn pack(content: &ContentFile) -> Vec<u8> {
    let mut out = Writer::default();
    content.pack(&mut out);
    let mut bytes = Vec::new();
    out.finish(&mut bytes);
    bytes
}

/// Packs a validated ladder's parts exactly as [`pack`] packs the content file that holds
/// them, without copying them into one first.
#[allow(dead_code)] // not used by build.rs
#[allow(clippy::too_many_arguments)]
pub fn pack_parts(
    ladder: &LadderInfo,
    families: &[Family],
    tracks: &[Track],
    categories: &[Category],
    skills: &[Skill],
    levels: &[Level],
    sources: &[Source],
    bytes: &mut Vec<u8>,
) {
    let mut out = Writer::default();
    out.push(1);
    ladder.pack(&mut out);
    pack_list(families, &mut out);
    pack_list(tracks, &mut out);
    pack_list(categories, &mut out);
    pack_list(skills, &mut out);
    out.index_skills(skills);
    pack_list(levels, &mut out);
    pack_list(sources, &mut out);
    out.finish(bytes);
}

/// Unpacks what [`pack`] wrote; `None` unless `bytes` are exactly one packed content file.
pub fn unpack(bytes: &[u8]) -> Option<ContentFile> {
    let mut reader = Reader::open(bytes)?;
    let content = ContentFile::unpack(&mut reader)?;
    reader.used_up().then_some(content)
}

/// The stream and the text region being written, and the skill catalogue's ids by place once
/// it is written.
#[derive(Default)]
pub struct Writer {
    stream: Vec<u8>,
    text: Vec<u8>,
    skill_index: HashMap<String, u64>,
}

impl Writer {
    fn push(&mut self, byte: u8) {
        self.stream.push(byte);
    }

    fn varint(&mut self, value: u64) {
        put_varint(&mut self.stream, value);
    }

    /// A string: its length in the stream, its bytes in the text region.
    fn string(&mut self, text: &str) {
        self.varint(text.len() as u64);
        self.text.extend_from_slice(text.as_bytes());
    }

    fn index_skills(&mut self, skills: &[Skill]) {
        for (i, skill) in skills.iter().enumerate().rev() {
            self.skill_index.insert(skill.id.clone(), i as u64);
        }
    }

    /// Appends the packed input to `bytes`: the text region, then the stream.
    fn finish(self, bytes: &mut Vec<u8>) {
        bytes.reserve(10 + self.text.len() + self.stream.len());
        put_varint(bytes, self.text.len() as u64);
        bytes.extend_from_slice(&self.text);
        bytes.extend_from_slice(&self.stream);
    }
}

/// The input being decoded, how far decoding has gone in its stream and in its text region
/// (checked as UTF-8 once, when the input is opened), and the skill catalogue once it is read
/// (held here until the levels are, so that references copy their ids from it).
pub struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    text: &'a str,
    text_at: usize,
    skills: Vec<Skill>,
}

impl<'a> Reader<'a> {
    /// A reader of a whole packed input, positioned at the start of its stream; `None` when
    /// the text region is longer than the input or not UTF-8.
    fn open(bytes: &'a [u8]) -> Option<Reader<'a>> {
        let mut reader = Reader::over("", bytes);
        let n = usize::try_from(reader.varint()?).ok()?;
        reader.text = std::str::from_utf8(reader.take(n)?).ok()?;
        Some(reader)
    }

    /// A reader of `stream` whose strings are taken from `text`.
    fn over(text: &'a str, stream: &'a [u8]) -> Reader<'a> {
        Reader {
            bytes: stream,
            at: 0,
            text,
            text_at: 0,
            skills: Vec::new(),
        }
    }

    /// Whether every byte of the stream and of the text region has been decoded.
    fn used_up(&self) -> bool {
        self.at == self.bytes.len() && self.text_at == self.text.len()
    }

    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.at.checked_add(n)?;
        let slice = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(slice)
    }

    fn byte(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(b)
    }

    fn varint(&mut self) -> Option<u64> {
        // Most numbers (string lengths, counts, places) are below 128: one byte.
        let first = self.byte()?;
        if first < 0x80 {
            return Some(u64::from(first));
        }
        self.at -= 1;
        self.long_varint()
    }

    fn long_varint(&mut self) -> Option<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            value |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }

    /// The next string: its length from the stream, its text the next that many bytes of the
    /// region, refused past the region's end or off a character boundary (`str::get`).
    fn str(&mut self) -> Option<&'a str> {
        let n = usize::try_from(self.varint()?).ok()?;
        let end = self.text_at.checked_add(n)?;
        let text = self.text.get(self.text_at..end)?;
        self.text_at = end;
        Some(text)
    }

    /// A list length, refused when the rest of the stream could not hold that many items
    /// (each takes at least one byte of it).
    fn len(&mut self) -> Option<usize> {
        let n = usize::try_from(self.varint()?).ok()?;
        (n <= self.remaining()).then_some(n)
    }

    /// The stream bytes left.
    fn remaining(&self) -> usize {
        self.bytes.len() - self.at
    }

    /// How many `T`s to reserve for a list said to hold `n`: no more than the input bytes
    /// left (stream and text) would take in memory, whatever `n` claims.
    fn capacity_for<T>(&self, n: usize) -> usize {
        let left = self.remaining() + (self.text.len() - self.text_at);
        n.min(left / std::mem::size_of::<T>().max(1))
    }
}

fn put_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// A value that has a packed form.
pub trait Pack: Sized {
    fn pack(&self, out: &mut Writer);
    fn unpack(r: &mut Reader<'_>) -> Option<Self>;
}

impl Pack for String {
    fn pack(&self, out: &mut Writer) {
        out.string(self);
    }
    fn unpack(r: &mut Reader<'_>) -> Option<Self> {
        r.str().map(str::to_owned)
    }
}

impl Pack for u32 {
    fn pack(&self, out: &mut Writer) {
        out.varint(u64::from(*self));
    }
    fn unpack(r: &mut Reader<'_>) -> Option<Self> {
        u32::try_from(r.varint()?).ok()
    }
}

impl Pack for bool {
    fn pack(&self, out: &mut Writer) {
        out.push(u8::from(*self));
    }
    fn unpack(r: &mut Reader<'_>) -> Option<Self> {
        match r.byte()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
}

impl Pack for Proficiency {
    fn pack(&self, out: &mut Writer) {
        out.push(self.value());
    }
    fn unpack(r: &mut Reader<'_>) -> Option<Self> {
        Proficiency::new(r.byte()?)
    }
}

impl<T: Pack> Pack for Option<T> {
    fn pack(&self, out: &mut Writer) {
        match self {
            None => out.push(0),
            Some(value) => {
                out.push(1);
                value.pack(out);
            }
        }
    }
    fn unpack(r: &mut Reader<'_>) -> Option<Self> {
        match r.byte()? {
            0 => Some(None),
            1 => T::unpack(r).map(Some),
            _ => None,
        }
    }
}

fn pack_list<T: Pack>(items: &[T], out: &mut Writer) {
    out.varint(items.len() as u64);
    for item in items {
        item.pack(out);
    }
}

impl<T: Pack> Pack for Vec<T> {
    fn pack(&self, out: &mut Writer) {
        pack_list(self, out);
    }
    fn unpack(r: &mut Reader<'_>) -> Option<Self> {
        let n = r.len()?;
        let mut items = Vec::with_capacity(r.capacity_for::<T>(n));
        for _ in 0..n {
            items.push(T::unpack(r)?);
        }
        Some(items)
    }
}

impl Pack for BTreeMap<String, Vec<String>> {
    fn pack(&self, out: &mut Writer) {
        out.varint(self.len() as u64);
        for (key, value) in self {
            key.pack(out);
            value.pack(out);
        }
    }
    fn unpack(r: &mut Reader<'_>) -> Option<Self> {
        let n = r.len()?;
        let mut map = BTreeMap::new();
        for _ in 0..n {
            map.insert(String::unpack(r)?, Vec::unpack(r)?);
        }
        Some(map)
    }
}

/// `extra` holds any TOML value; it is rare and small, so each value is kept as JSON text.
fn pack_extra(extra: &Extra, out: &mut Writer) {
    out.varint(extra.len() as u64);
    for (key, value) in extra {
        key.pack(out);
        out.string(&serde_json::to_string(value).unwrap_or_default());
    }
}

fn unpack_extra(r: &mut Reader<'_>) -> Option<Extra> {
    let n = r.len()?;
    let mut extra = Extra::new();
    for _ in 0..n {
        let key = String::unpack(r)?;
        let value = serde_json::from_str(r.str()?).ok()?;
        extra.insert(key, value);
    }
    Some(extra)
}

/// Packs and unpacks a struct field by field, in the order written, destructuring it whole
/// so that a new field must be named here. `extra` fields go through `pack_extra`.
macro_rules! packed_struct {
    ($name:ident { $($field:ident),* $(; extra $extra:ident)? }) => {
        impl Pack for $name {
            fn pack(&self, out: &mut Writer) {
                let $name { $($field,)* $($extra,)? } = self;
                $($field.pack(out);)*
                $(pack_extra($extra, out);)?
            }
            fn unpack(r: &mut Reader<'_>) -> Option<Self> {
                $(let $field = Pack::unpack(r)?;)*
                $(let $extra = unpack_extra(r)?;)?
                Some($name { $($field,)* $($extra,)? })
            }
        }
    };
}

packed_struct!(ScaleStep { name, description });
packed_struct!(LadderInfo { name, description, scale; extra extra });
packed_struct!(Family { id, name, description, order; extra extra });
packed_struct!(Track { id, title, description, order, family; extra extra });
packed_struct!(Category { id, name, description, family; extra extra });
packed_struct!(RubricLine { step, text });
packed_struct!(Skill { id, name, category, description, rubric; extra extra });
packed_struct!(CompanySize {
    startup,
    mid_size,
    large,
    unsourced
});
packed_struct!(Range {
    min,
    max,
    estimate,
    note
});
packed_struct!(Experience { field, managing });
packed_struct!(Education {
    typical,
    preferred,
    note
});
packed_struct!(Source {
    id,
    title,
    author,
    year,
    kind,
    url,
    file
});
packed_struct!(Level {
    id, title, track, rank, follows, summary, scope, reports_to, reporting_note,
    direct_reports, example_titles, titles_by_function, company_size, decision_scope,
    responsibilities, skills, experience, education, move_up, equivalents, sources;
    extra extra
});

impl Pack for ContentFile {
    fn pack(&self, out: &mut Writer) {
        let ContentFile {
            ladder,
            families,
            tracks,
            categories,
            skills,
            levels,
            sources,
        } = self;
        ladder.pack(out);
        families.pack(out);
        tracks.pack(out);
        categories.pack(out);
        skills.pack(out);
        out.index_skills(skills);
        levels.pack(out);
        sources.pack(out);
    }
    fn unpack(r: &mut Reader<'_>) -> Option<Self> {
        let ladder = Pack::unpack(r)?;
        let families = Pack::unpack(r)?;
        let tracks = Pack::unpack(r)?;
        let categories = Pack::unpack(r)?;
        r.skills = Pack::unpack(r)?;
        let levels = Pack::unpack(r)?;
        let skills = std::mem::take(&mut r.skills);
        let sources = Pack::unpack(r)?;
        Some(ContentFile {
            ladder,
            families,
            tracks,
            categories,
            skills,
            levels,
            sources,
        })
    }
}

/// A reference names a skill of the catalogue (as every reference of a valid ladder does) by
/// its place there, 1 and up, so that unpacking copies an id already checked instead of
/// checking 100,000 of them; 0 and the id itself otherwise.
impl Pack for SkillRef {
    fn pack(&self, out: &mut Writer) {
        let SkillRef {
            skill,
            proficiency,
            expectations,
            examples,
        } = self;
        match out.skill_index.get(skill.as_str()) {
            Some(&i) => out.varint(i + 1),
            None => {
                out.varint(0);
                out.string(skill);
            }
        }
        proficiency.pack(out);
        expectations.pack(out);
        examples.pack(out);
    }
    fn unpack(r: &mut Reader<'_>) -> Option<Self> {
        let skill = match r.varint()? {
            0 => String::unpack(r)?,
            place => r.skills.get(usize::try_from(place - 1).ok()?)?.id.clone(),
        };
        Some(SkillRef {
            skill,
            proficiency: Pack::unpack(r)?,
            expectations: Pack::unpack(r)?,
            examples: Pack::unpack(r)?,
        })
    }
}

impl Pack for Scale {
    fn pack(&self, out: &mut Writer) {
        // The default scale, which almost every ladder uses, is one byte.
        if self.is_default() {
            out.push(0);
        } else {
            out.push(1);
            pack_list(self.steps(), out);
        }
    }
    fn unpack(r: &mut Reader<'_>) -> Option<Self> {
        match r.byte()? {
            0 => Some(Scale::default()),
            1 => Some(Scale::new(Vec::unpack(r)?)),
            _ => None,
        }
    }
}

impl Pack for SourceKind {
    fn pack(&self, out: &mut Writer) {
        out.push(match self {
            SourceKind::Unknown => 0,
            SourceKind::Article => 1,
            SourceKind::Framework => 2,
            SourceKind::Survey => 3,
            SourceKind::Book => 4,
            SourceKind::Conversation => 5,
        });
    }
    fn unpack(r: &mut Reader<'_>) -> Option<Self> {
        Some(match r.byte()? {
            0 => SourceKind::Unknown,
            1 => SourceKind::Article,
            2 => SourceKind::Framework,
            3 => SourceKind::Survey,
            4 => SourceKind::Book,
            5 => SourceKind::Conversation,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ladder::{Ladder, generate};

    fn content_of(ladder: &Ladder) -> ContentFile {
        ContentFile {
            ladder: Some(ladder.info.clone()),
            families: ladder.families.clone(),
            tracks: ladder.tracks.clone(),
            categories: ladder.categories.clone(),
            skills: ladder.skills.clone(),
            levels: ladder.levels.clone(),
            sources: ladder.sources.clone(),
        }
    }

    fn packed_parts(ladder: &Ladder) -> Vec<u8> {
        let mut out = Vec::new();
        pack_parts(
            &ladder.info,
            &ladder.families,
            &ladder.tracks,
            &ladder.categories,
            &ladder.skills,
            &ladder.levels,
            &ladder.sources,
            &mut out,
        );
        out
    }

    fn assert_same(a: &ContentFile, b: &ContentFile) {
        assert_eq!(a.ladder, b.ladder);
        assert_eq!(a.families, b.families);
        assert_eq!(a.tracks, b.tracks);
        assert_eq!(a.categories, b.categories);
        assert_eq!(a.skills, b.skills);
        assert_eq!(a.levels, b.levels);
        assert_eq!(a.sources, b.sources);
    }

    #[test]
    fn the_validated_built_in_ladder_round_trips() {
        let ladder = Ladder::embedded_validated().expect("valid");
        let content = content_of(&ladder);
        let bytes = pack(&content);
        assert_eq!(
            bytes,
            packed_parts(&ladder),
            "pack_parts packs as pack does"
        );
        assert_same(&unpack(&bytes).expect("unpacks"), &content);
    }

    #[test]
    fn the_prepared_built_in_ladder_is_the_validated_one() {
        // What build.rs packed from content/ unpacks to what the validating reader makes.
        let prepared = Ladder::embedded_prepared().expect("build.rs prepared the ladder");
        let validated = Ladder::embedded_validated().expect("valid");
        assert_same(&content_of(&prepared), &content_of(&validated));
    }

    #[test]
    fn every_field_of_the_model_round_trips() {
        // The built-in ladder leaves some fields empty; this one sets each of them.
        let mut ladder = Ladder::from_sources(&generate::large_ladder(3, 12, 4)).expect("valid");
        let extra: Extra = [(
            "team".to_owned(),
            serde_json::json!({"size": [1, 2.5, "x"]}),
        )]
        .into_iter()
        .collect();
        ladder.info.extra = extra.clone();
        ladder.info.scale = Scale::new(vec![ScaleStep {
            name: "só".into(),
            description: "one step\nof two lines".into(),
        }]);
        ladder.tracks[0].extra = extra.clone();
        ladder.skills[0].rubric = vec![RubricLine {
            step: Proficiency::new(1).expect("step"),
            text: "rubric".into(),
        }];
        let level = &mut ladder.levels[0];
        level.follows = vec!["x".into()];
        level.reporting_note = "note".into();
        level.direct_reports = Some(Range {
            min: 300,
            max: Some(u32::MAX),
            estimate: true,
            note: "n".into(),
        });
        level.titles_by_function = [("eng".to_owned(), vec!["a".to_owned(), "b".to_owned()])]
            .into_iter()
            .collect();
        level.company_size = CompanySize {
            startup: "s".into(),
            mid_size: "m".into(),
            large: "l".into(),
            unsourced: vec!["large".into()],
        };
        level.experience = Some(Experience {
            field: Range::new(2, None),
            managing: Some(Range::new(0, Some(1))),
        });
        level.education = Some(Education {
            typical: "t".into(),
            preferred: "p".into(),
            note: String::new(),
        });
        level.skills[0].proficiency = None;
        level.skills[0].expectations = vec!["does it".into()];
        level.skills[0].examples = vec!["did it".into()];
        // Not in the catalogue (a valid ladder has none such): kept as text.
        level.skills[1].skill = "not-in-the-catalogue".into();
        level.extra = extra;
        ladder.sources = vec![Source {
            id: "s".into(),
            title: "T".into(),
            author: "A".into(),
            year: Some(2024),
            kind: SourceKind::Book,
            url: "u".into(),
            file: "f".into(),
        }];
        let content = content_of(&ladder);
        assert_same(&unpack(&pack(&content)).expect("unpacks"), &content);
    }

    #[test]
    fn a_short_long_or_damaged_input_is_refused() {
        let ladder = Ladder::from_sources(&generate::large_ladder(2, 6, 3)).expect("valid");
        let bytes = pack(&content_of(&ladder));
        for end in 0..bytes.len() {
            assert!(
                unpack(&bytes[..end]).is_none(),
                "cut at {end} of {}",
                bytes.len()
            );
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(unpack(&longer).is_none());
        // A list length far past the end is refused before anything is reserved for it.
        assert!(unpack(&[0, 0, 0xff, 0xff, 0xff, 0xff, 0x0f]).is_none());
        // A length the bytes left could hold reserves no more memory than those bytes.
        let bytes = [0u8; 1000];
        let r = Reader::over("", &bytes);
        assert_eq!(r.capacity_for::<u8>(1000), 1000);
        assert_eq!(
            r.capacity_for::<Level>(1000),
            1000 / std::mem::size_of::<Level>()
        );
        assert_eq!(r.capacity_for::<()>(1000), 1000);
        // Text still to be copied out counts as input left, and only once.
        let text = "t".repeat(500);
        let r = Reader::over(&text, &bytes[..500]);
        assert_eq!(r.capacity_for::<u8>(2000), 1000);
        // A bad option tag and an impossible proficiency.
        assert!(Option::<u32>::unpack(&mut Reader::over("", &[7])).is_none());
        assert!(Proficiency::unpack(&mut Reader::over("", &[0])).is_none());
        // A reference to a place past the end of the skill catalogue.
        let mut r = Reader::over("", &[3, 0, 0, 0]);
        r.skills = vec![Skill {
            id: "only".into(),
            ..Skill::default()
        }];
        assert!(SkillRef::unpack(&mut r).is_none());
        let mut r = Reader::over("", &[1, 0, 0, 0]);
        r.skills = vec![Skill {
            id: "only".into(),
            ..Skill::default()
        }];
        assert_eq!(
            SkillRef::unpack(&mut r).map(|s| s.skill).as_deref(),
            Some("only")
        );
    }

    /// A whole packed input by hand: `text` as the region, then a ladder named by the first
    /// string length and described by the second, with no other parts.
    fn by_hand(text: &[u8], name_len: u8, description_len: u8) -> Vec<u8> {
        let mut bytes = vec![u8::try_from(text.len()).expect("short")];
        bytes.extend_from_slice(text);
        // Some ladder, its name and description, default scale, no extra fields; no
        // families, tracks, categories, skills, levels or sources.
        bytes.extend_from_slice(&[1, name_len, description_len, 0, 0, 0, 0, 0, 0, 0, 0]);
        bytes
    }

    fn ladder_name(bytes: &[u8]) -> Option<String> {
        unpack(bytes).map(|content| content.ladder.unwrap_or_default().name)
    }

    #[test]
    fn strings_are_cut_from_the_text_region_on_character_boundaries_only() {
        // "só" is three bytes, the "ó" two of them.
        assert_eq!(
            ladder_name(&by_hand("só!".as_bytes(), 3, 1)).as_deref(),
            Some("só")
        );
        assert_eq!(
            ladder_name(&by_hand("só!".as_bytes(), 0, 4)).as_deref(),
            Some("")
        );
        // A name ending inside the "ó" (and a description starting there).
        assert!(unpack(&by_hand("só!".as_bytes(), 2, 2)).is_none());
        let mut r = Reader::over("só", &[2]);
        assert!(r.str().is_none());
        // A string running past the end of the region, even by one byte.
        assert!(unpack(&by_hand("só!".as_bytes(), 3, 2)).is_none());
        assert!(unpack(&by_hand(b"ab", 0xff, 0)).is_none());
        // Text left over that no string took.
        assert!(unpack(&by_hand("só!".as_bytes(), 3, 0)).is_none());
    }

    #[test]
    fn a_text_region_that_is_not_utf8_or_not_within_the_input_is_refused() {
        // A lone continuation byte, and a two-byte lead followed by no continuation.
        assert!(unpack(&by_hand(&[b'a', 0x80], 1, 1)).is_none());
        assert!(unpack(&by_hand(&[0xc3, 0x28], 1, 1)).is_none());
        assert!(unpack(&by_hand(&[0xc3, 0x28], 2, 0)).is_none());
        assert!(Reader::open(&[2, 0xc3, 0x28]).is_none());
        // A region said to be longer than the whole input, by one byte or by far.
        let whole = by_hand(b"ab", 1, 1);
        assert!(unpack(&whole).is_some());
        for claimed in [whole.len(), whole.len() + 1, 1 << 20] {
            let mut bytes = Vec::new();
            put_varint(&mut bytes, claimed as u64);
            bytes.extend_from_slice(&whole[1..]);
            assert!(Reader::open(&bytes).is_none(), "{claimed}");
            assert!(unpack(&bytes).is_none(), "{claimed}");
        }
        // A region length that never ends.
        assert!(unpack(&[0xff; 12]).is_none());
    }

    proptest::proptest! {
        #[test]
        fn any_text_round_trips(name in ".*", steps in proptest::collection::vec(("\\PC*", ".*"), 0..4)) {
            let mut ladder = Ladder::from_sources(&generate::large_ladder(1, 2, 1)).expect("valid");
            ladder.info.name = name;
            if !steps.is_empty() {
                ladder.info.scale = Scale::new(
                    steps.into_iter().map(|(name, description)| ScaleStep { name, description }).collect(),
                );
            }
            let content = content_of(&ladder);
            let unpacked = unpack(&pack(&content));
            proptest::prop_assert!(unpacked.is_some());
            assert_same(&unpacked.expect("unpacked"), &content);
        }

        #[test]
        fn a_damaged_input_unpacks_or_is_refused_without_panicking(
            changes in proptest::collection::vec((proptest::num::usize::ANY, proptest::num::u8::ANY), 1..4),
            cut in proptest::option::of(proptest::num::usize::ANY),
        ) {
            let ladder = Ladder::from_sources(&generate::large_ladder(1, 3, 2)).expect("valid");
            let mut bytes = pack(&content_of(&ladder));
            for (at, byte) in changes {
                let at = at % bytes.len();
                bytes[at] = byte;
            }
            if let Some(cut) = cut {
                bytes.truncate(cut % (bytes.len() + 1));
            }
            // No panic; and what does unpack is a content file like any other, which packs
            // and unpacks to itself.
            if let Some(content) = unpack(&bytes) {
                let again = unpack(&pack(&content));
                proptest::prop_assert!(again.is_some());
                assert_same(&again.expect("unpacked"), &content);
            }
        }
    }
}
