//! A single-line text field: the search query now, note editing in the plan view later.
//!
//! Editing is `tui-input`'s (grapheme-aware cursor, word motions); this wrapper decides which
//! keys edit, so that the owner can send the rest (↑↓, Enter, Esc) to its own actions, and draws
//! the visible part of the text with the cursor kept in view.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use tui_input::{Input, InputRequest};
use unicode_width::UnicodeWidthChar;

use crate::text::clean;

/// One change to the text or its cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TextEdit {
    Insert(char),
    Left,
    Right,
    WordLeft,
    WordRight,
    Start,
    End,
    DeleteBack,
    DeleteForward,
    DeleteWordBack,
    DeleteToStart,
    DeleteToEnd,
}

impl TextEdit {
    /// The edit a key asks for, if it is an editing key: printable characters (without Ctrl or
    /// Alt), ← → Home End Backspace Delete, and the readline keys Ctrl-A/E/W/U/K, Alt-B/F.
    pub fn for_key(key: &KeyEvent) -> Option<TextEdit> {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        let edit = match key.code {
            KeyCode::Char(c) if !ctrl && !alt && !c.is_control() => TextEdit::Insert(c),
            KeyCode::Char('a') if ctrl => TextEdit::Start,
            KeyCode::Char('e') if ctrl => TextEdit::End,
            KeyCode::Char('w') if ctrl => TextEdit::DeleteWordBack,
            KeyCode::Char('h') if ctrl => TextEdit::DeleteBack,
            KeyCode::Char('u') if ctrl => TextEdit::DeleteToStart,
            KeyCode::Char('k') if ctrl => TextEdit::DeleteToEnd,
            KeyCode::Char('b') if alt => TextEdit::WordLeft,
            KeyCode::Char('f') if alt => TextEdit::WordRight,
            KeyCode::Left if ctrl || alt => TextEdit::WordLeft,
            KeyCode::Right if ctrl || alt => TextEdit::WordRight,
            KeyCode::Left => TextEdit::Left,
            KeyCode::Right => TextEdit::Right,
            KeyCode::Home => TextEdit::Start,
            KeyCode::End => TextEdit::End,
            KeyCode::Backspace if ctrl || alt => TextEdit::DeleteWordBack,
            KeyCode::Backspace => TextEdit::DeleteBack,
            KeyCode::Delete => TextEdit::DeleteForward,
            _ => return None,
        };
        Some(edit)
    }

    fn request(self) -> InputRequest {
        match self {
            TextEdit::Insert(c) => InputRequest::InsertChar(c),
            TextEdit::Left => InputRequest::GoToPrevChar,
            TextEdit::Right => InputRequest::GoToNextChar,
            TextEdit::WordLeft => InputRequest::GoToPrevWord,
            TextEdit::WordRight => InputRequest::GoToNextWord,
            TextEdit::Start => InputRequest::GoToStart,
            TextEdit::End => InputRequest::GoToEnd,
            TextEdit::DeleteBack => InputRequest::DeletePrevChar,
            TextEdit::DeleteForward => InputRequest::DeleteNextChar,
            TextEdit::DeleteWordBack => InputRequest::DeletePrevWord,
            TextEdit::DeleteToStart => InputRequest::DeleteFromStart,
            TextEdit::DeleteToEnd => InputRequest::DeleteTillEnd,
        }
    }
}

/// The state of one text field.
#[derive(Debug, Clone, Default)]
pub struct TextInput {
    input: Input,
}

impl TextInput {
    pub fn new(text: &str) -> TextInput {
        TextInput {
            input: Input::new(text.to_owned()),
        }
    }

    pub fn value(&self) -> &str {
        self.input.value()
    }

    /// Applies an edit; returns whether the text (not just the cursor) changed.
    pub fn apply(&mut self, edit: TextEdit) -> bool {
        // Control characters never enter the text: they would reach the terminal when drawn.
        if let TextEdit::Insert(c) = edit
            && c.is_control()
        {
            return false;
        }
        self.input
            .handle(edit.request())
            .is_some_and(|changed| changed.value)
    }

    pub fn clear(&mut self) {
        self.input.reset();
    }

    /// Display columns before the cursor.
    pub fn cursor_column(&self) -> usize {
        self.input.visual_cursor()
    }

    /// The visible part of the text for a field `width` columns wide, scrolled so the cursor
    /// shows, and the cursor's column inside the field.
    pub fn visible(&self, width: usize, style: Style) -> (Line<'static>, u16) {
        // One column is kept for the cursor after the last character.
        let room = width.saturating_sub(1);
        let skip = self.input.visual_scroll(room);
        let mut shown = String::new();
        let mut column = 0;
        for c in clean(self.value(), false).chars() {
            let w = c.width().unwrap_or(0);
            if column >= skip && column + w <= skip + room {
                shown.push(c);
            }
            column += w;
        }
        let cursor = self.cursor_column().saturating_sub(skip).min(room);
        (
            Line::from(Span::styled(shown, style)),
            u16::try_from(cursor).unwrap_or(u16::MAX),
        )
    }

    /// Where the terminal cursor goes when the field is drawn in `area`'s first row.
    pub fn cursor_position(&self, area: Rect) -> Option<Position> {
        if area.width == 0 || area.height == 0 {
            return None;
        }
        let (_, column) = self.visible(usize::from(area.width), Style::new());
        Some(Position::new(
            area.x
                .saturating_add(column.min(area.width.saturating_sub(1))),
            area.y,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(text: &str) -> TextInput {
        let mut input = TextInput::default();
        for c in text.chars() {
            input.apply(TextEdit::Insert(c));
        }
        input
    }

    #[test]
    fn editing_moves_and_deletes_at_the_cursor() {
        let mut input = typed("senior acc");
        input.apply(TextEdit::Start);
        input.apply(TextEdit::DeleteForward);
        input.apply(TextEdit::Insert('S'));
        assert_eq!(input.value(), "Senior acc");
        input.apply(TextEdit::End);
        assert!(input.apply(TextEdit::DeleteWordBack));
        assert_eq!(input.value(), "Senior ");
        assert!(!input.apply(TextEdit::Right), "moving changes no text");
        input.apply(TextEdit::Left);
        input.apply(TextEdit::DeleteToStart);
        assert_eq!(input.value(), " ");
        assert!(!input.apply(TextEdit::Insert('\u{1b}')));
    }

    #[test]
    fn wide_characters_scroll_by_columns_and_keep_the_cursor_visible() {
        let input = typed("日本語のテキスト");
        assert_eq!(input.cursor_column(), 16);
        let (line, cursor) = input.visible(7, Style::new());
        let shown: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        assert!(unicode_width::UnicodeWidthStr::width(shown.as_str()) <= 6);
        assert!(shown.ends_with("スト"), "{shown}");
        assert_eq!(usize::from(cursor), 6);
    }

    #[test]
    fn keys_that_edit_and_keys_that_do_not() {
        let key = |code, modifiers| KeyEvent::new(code, modifiers);
        assert_eq!(
            TextEdit::for_key(&key(KeyCode::Char('q'), KeyModifiers::NONE)),
            Some(TextEdit::Insert('q'))
        );
        assert_eq!(
            TextEdit::for_key(&key(KeyCode::Char('w'), KeyModifiers::CONTROL)),
            Some(TextEdit::DeleteWordBack)
        );
        for code in [KeyCode::Up, KeyCode::Down, KeyCode::Enter, KeyCode::Esc] {
            assert_eq!(TextEdit::for_key(&key(code, KeyModifiers::NONE)), None);
        }
        assert_eq!(
            TextEdit::for_key(&key(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            None
        );
    }
}
