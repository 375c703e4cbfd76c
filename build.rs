//! Prepares the built-in ladder for a fast start: the TOML files in `content/` are merged and
//! written in the packed form of `src/ladder/packed.rs`, which `Ladder::embedded` unpacks at
//! run time.
//!
//! The default keymap and theme (`assets/keymap.toml`, `assets/theme.toml`, the single source
//! of truth for both) are flattened into Rust arrays of their names, one binding or style an
//! entry, which `tui::config` turns into key chords and styles while rungs is compiled (its
//! `const fn`s), so that starting the explorer parses neither. A test checks these arrays give
//! what the files themselves give.
//!
//! Nothing is validated here; the test suite checks every rule on the same files. If a file
//! cannot be read or parsed, an empty file is written and the binary falls back to the full loader,
//! which reports the problem with its line and column.

use std::path::{Path, PathBuf};

#[allow(dead_code)]
#[path = "src/ladder/model.rs"]
mod model;

#[allow(dead_code)]
#[path = "src/ladder/packed.rs"]
mod packed;

fn main() {
    println!("cargo:rerun-if-changed=content");
    println!("cargo:rerun-if-changed=src/ladder/model.rs");
    println!("cargo:rerun-if-changed=src/ladder/packed.rs");
    let out_dir = std::env::var_os("OUT_DIR")
        .map(PathBuf::from)
        .unwrap_or_default();
    let packed = merged_content(Path::new("content"))
        .map(|content| packed::pack(&content))
        .unwrap_or_default();
    if let Err(e) = std::fs::write(out_dir.join("embedded-ladder.bin"), packed) {
        panic!("cannot write the prepared ladder to OUT_DIR: {e}");
    }

    println!("cargo:rerun-if-changed=assets/keymap.toml");
    println!("cargo:rerun-if-changed=assets/theme.toml");
    // Empty when a file cannot be flattened: the explorer then parses the file itself.
    let mut keymap = flat_lines("assets/keymap.toml", "keys");
    // By action name (file order kept within one), so that each action's bindings are found
    // by a binary search at start-up.
    if let Some(lines) = &mut keymap {
        lines.sort_by(|a, b| a[1].cmp(&b[1]));
    }
    let keymap = keymap.map(|lines| {
        rust_array(lines.iter().map(|fields| {
            let keys: Vec<String> = fields[2..].iter().map(|key| format!("{key:?}")).collect();
            format!("({:?}, {:?}, &[{}])", fields[0], fields[1], keys.join(", "))
        }))
    });
    let theme = flat_lines("assets/theme.toml", "theme").and_then(|lines| {
        lines
            .iter()
            .map(|fields| match fields.as_slice() {
                [table, slot, spec] => Some(format!("({table:?}, {slot:?}, {spec:?})")),
                _ => None,
            })
            .collect::<Option<Vec<_>>>()
            .map(|entries| rust_array(entries.into_iter()))
    });
    for (asset, array) in [("keymap", keymap), ("theme", theme)] {
        let array = array.unwrap_or_else(|| "[]".to_owned());
        if let Err(e) = std::fs::write(out_dir.join(format!("{asset}.rs")), array) {
            panic!("cannot write the prepared {asset} to OUT_DIR: {e}");
        }
    }
}

/// A Rust array expression of the given element expressions, one a line.
fn rust_array(entries: impl Iterator<Item = String>) -> String {
    let mut out = String::from("[\n");
    for entry in entries {
        out += "    ";
        out += &entry;
        out += ",\n";
    }
    out + "]\n"
}

type Entry<'t, 'i> = (
    &'t toml::Spanned<toml::de::DeString<'i>>,
    &'t toml::Spanned<toml::de::DeValue<'i>>,
);

/// A table's entries in the order they are written in the file.
fn in_file_order<'t, 'i>(table: &'t toml::de::DeTable<'i>) -> Vec<Entry<'t, 'i>> {
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(key, _)| key.span().start);
    entries
}

/// The `[SECTION]` table of the file at `path` as lines `[TABLE, NAME, VALUE…]`: first each
/// sub-table's entries (`TABLE` is the sub-table's name), then the entries written directly
/// in `[SECTION]` (`TABLE` empty), each in file order, as `tui::config::parse` reads them. A
/// value is a string or a list of strings. `None` if anything else is there.
fn flat_lines(path: &str, section: &str) -> Option<Vec<Vec<String>>> {
    use toml::de::{DeTable, DeValue};
    let text = std::fs::read_to_string(path).ok()?;
    let doc = DeTable::parse(&text).ok()?;
    let (_, table) = in_file_order(doc.get_ref())
        .into_iter()
        .find(|(key, _)| key.get_ref().as_ref() == section)?;
    let DeValue::Table(table) = table.get_ref() else {
        return None;
    };
    let line = |table: &str, name: &str, value: &DeValue<'_>| -> Option<Vec<String>> {
        let values: Vec<&str> = match value {
            DeValue::String(s) => vec![s.as_ref()],
            DeValue::Array(items) => items
                .iter()
                .map(|item| match item.get_ref() {
                    DeValue::String(s) => Some(s.as_ref()),
                    _ => None,
                })
                .collect::<Option<_>>()?,
            _ => return None,
        };
        let mut fields = vec![table, name];
        fields.extend(values);
        Some(fields.into_iter().map(str::to_owned).collect())
    };
    let mut out = Vec::new();
    for (key, value) in in_file_order(table) {
        if let DeValue::Table(sub) = value.get_ref() {
            for (name, value) in in_file_order(sub) {
                out.push(line(key.get_ref(), name.get_ref(), value.get_ref())?);
            }
        }
    }
    for (key, value) in in_file_order(table) {
        if !matches!(value.get_ref(), DeValue::Table(_)) {
            out.push(line("", key.get_ref(), value.get_ref())?);
        }
    }
    Some(out)
}

fn merged_content(dir: &Path) -> Option<model::ContentFile> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    paths.sort();
    let mut merged = model::ContentFile::default();
    for path in paths {
        let text = std::fs::read_to_string(&path).ok()?;
        let file: model::ContentFile = toml::from_str(&text).ok()?;
        merged.ladder = merged.ladder.or(file.ladder);
        merged.tracks.extend(file.tracks);
        merged.categories.extend(file.categories);
        merged.skills.extend(file.skills);
        merged.levels.extend(file.levels);
        merged.sources.extend(file.sources);
        merged.families.extend(file.families);
    }
    Some(merged)
}
