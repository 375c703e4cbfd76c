//! The one scrolling helper of the explorer, for pages (a first line shown) and lists (a
//! cursor kept in view) alike.
//!
//! Like ratatui's `ListState`, a [`Scroll`] is written by the drawing code and read by the
//! next update: drawing records where the pane went, how many rows it showed and how many there
//! were, and the update moves within those bounds. The update never lays a screen out itself,
//! so a pane that is not on screen keeps its position untouched until it is drawn again.

use std::cell::Cell;

use ratatui::layout::{Position, Rect};

/// What the last frame showed of a scrolling pane.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Viewport {
    /// Where the rows were drawn (one row per line of `area`).
    pub area: Rect,
    /// How many rows there were in all.
    pub total: usize,
}

impl Viewport {
    /// Rows on screen at once.
    pub fn rows(self) -> usize {
        usize::from(self.area.height)
    }

    /// The largest first row that still fills the pane.
    pub fn last_first(self) -> usize {
        self.total.saturating_sub(self.rows())
    }
}

/// The first row shown of a pane, and what the last frame showed of it.
#[derive(Debug, Clone, Default)]
pub struct Scroll {
    first: Cell<usize>,
    seen: Cell<Option<Viewport>>,
}

impl PartialEq for Scroll {
    /// Two scrolls are the same when they show the same first row (what was drawn is not
    /// part of the state a person sees as "where I was").
    fn eq(&self, other: &Scroll) -> bool {
        self.first.get() == other.first.get()
    }
}

impl Eq for Scroll {}

impl Scroll {
    /// The first row shown.
    pub fn first(&self) -> usize {
        self.first.get()
    }

    /// What the last frame showed, if the pane has been drawn.
    pub fn seen(&self) -> Option<Viewport> {
        self.seen.get()
    }

    /// Rows on screen at once (what PgUp and PgDn move by); 1 before the pane was drawn.
    pub fn page(&self) -> usize {
        self.seen.get().map_or(1, |v| v.rows().max(1))
    }

    /// Moves the first row by `delta`, within the text as last drawn. Returns whether it moved.
    pub fn scroll_by(&mut self, delta: isize) -> bool {
        let before = self.clamped();
        let last = self.seen.get().map_or(usize::MAX, Viewport::last_first);
        let after = before.saturating_add_signed(delta).min(last);
        self.first.set(after);
        after != before
    }

    /// Scrolls to the top; returns whether it moved.
    pub fn to_top(&mut self) -> bool {
        let before = self.clamped();
        self.first.set(0);
        before != 0
    }

    /// Scrolls to the bottom (as far as the next frame allows); returns whether it moved.
    pub fn to_bottom(&mut self) -> bool {
        let before = self.clamped();
        let last = self.seen.get().map_or(usize::MAX, Viewport::last_first);
        self.first.set(last);
        before != last
    }

    /// Puts `row` at the top (clamped when drawn).
    pub fn set_first(&mut self, row: usize) {
        self.first.set(row);
    }

    /// Puts `row` at the top while drawing, for a place only the layout knows (a search hit
    /// on a wrapped page); `show_page` clamps it.
    pub fn place(&self, row: usize) {
        self.first.set(row);
    }

    /// The first row, kept within the text as last drawn.
    fn clamped(&self) -> usize {
        let first = self.first.get();
        match self.seen.get() {
            Some(seen) => first.min(seen.last_first()),
            None => first,
        }
    }

    /// For drawing a page of `total` rows into `area`: the first row to draw. Records the
    /// viewport for the next update.
    pub fn show_page(&self, area: Rect, total: usize) -> usize {
        let seen = Viewport { area, total };
        self.seen.set(Some(seen));
        let first = self.first.get().min(seen.last_first());
        self.first.set(first);
        first
    }

    /// For drawing a list of `total` rows into `area` with the cursor on `cursor_row`: the
    /// first row to draw, moved as little as needed to keep the cursor in view. Records the
    /// viewport for the next update.
    pub fn follow(&self, area: Rect, total: usize, cursor_row: usize) -> usize {
        let seen = Viewport { area, total };
        self.seen.set(Some(seen));
        let rows = seen.rows().max(1);
        let mut first = self.first.get().min(seen.last_first());
        if cursor_row < first {
            first = cursor_row;
        } else if cursor_row >= first + rows {
            first = cursor_row + 1 - rows;
        }
        self.first.set(first);
        first
    }

    /// Like [`Scroll::follow`], but when the cursor reaches the top of the pane and the row
    /// above it is a heading (`heading_above`), that heading comes into view too.
    pub fn follow_under_heading(
        &self,
        area: Rect,
        total: usize,
        cursor_row: usize,
        heading_above: bool,
    ) -> usize {
        let first = self.follow(area, total, cursor_row);
        if heading_above && first == cursor_row && cursor_row > 0 && area.height > 1 {
            self.follow(area, total, cursor_row - 1)
        } else {
            first
        }
    }

    /// The row drawn at a terminal cell in the last frame, if the cell was in this pane.
    pub fn row_at(&self, at: Position) -> Option<usize> {
        let seen = self.seen.get()?;
        if !seen.area.contains(at) {
            return None;
        }
        let row = self.first.get() + usize::from(at.y - seen.area.y);
        (row < seen.total).then_some(row)
    }

    /// Whether the cell was inside this pane's rows in the last frame.
    pub fn contains(&self, at: Position) -> bool {
        self.seen.get().is_some_and(|s| s.area.contains(at))
    }

    /// Forgets what was drawn: the pane is not on screen any more.
    pub fn hide(&self) {
        self.seen.set(None);
    }
}

/// Moves a cursor over `count` items by `delta`, stopping at the ends. Returns whether it
/// moved.
pub fn step(cursor: &mut usize, delta: isize, count: usize) -> bool {
    let last = count.saturating_sub(1);
    let before = (*cursor).min(last);
    *cursor = before.saturating_add_signed(delta).min(last);
    *cursor != before
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_scrolls_within_what_was_drawn() {
        let mut scroll = Scroll::default();
        assert_eq!(scroll.show_page(Rect::new(0, 0, 10, 5), 12), 0);
        assert!(scroll.scroll_by(3));
        assert!(scroll.to_bottom());
        assert_eq!(scroll.first(), 7);
        assert!(!scroll.scroll_by(1), "no further than the last page");
        assert!(scroll.to_top());
        assert!(!scroll.scroll_by(-1));
    }

    #[test]
    fn a_list_follows_its_cursor_moving_as_little_as_needed() {
        let scroll = Scroll::default();
        let area = Rect::new(0, 0, 10, 4);
        assert_eq!(scroll.follow(area, 20, 2), 0);
        assert_eq!(scroll.follow(area, 20, 5), 2);
        assert_eq!(scroll.follow(area, 20, 4), 2, "still in view: no move");
        assert_eq!(scroll.follow(area, 20, 0), 0);
        assert_eq!(scroll.row_at(Position::new(3, 3)), Some(3));
        assert_eq!(scroll.row_at(Position::new(3, 4)), None);
    }

    #[test]
    fn a_pane_drawn_smaller_keeps_its_place_until_drawn() {
        let mut scroll = Scroll::default();
        scroll.show_page(Rect::new(0, 0, 10, 5), 40);
        scroll.scroll_by(20);
        // Not drawn again: nothing clamps it.
        assert_eq!(scroll.first(), 20);
        assert_eq!(scroll.show_page(Rect::new(0, 0, 10, 30), 40), 10);
    }

    #[test]
    fn step_stops_at_the_ends() {
        let mut cursor = 0;
        assert!(!step(&mut cursor, -1, 3));
        assert!(step(&mut cursor, 5, 3));
        assert_eq!(cursor, 2);
        assert!(!step(&mut cursor, 1, 3));
    }
}
