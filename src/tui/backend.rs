//! The terminal backend the explorer draws through: crossterm's, except for drawing cells.
//!
//! Sending a frame was a quarter of the explorer's start-up work: crossterm's backend writes
//! every cell's text through `std::fmt` and every style change as separate commands. This one
//! writes the same text straight into the buffer, and a style change as one SGR sequence that
//! resets and then sets everything the cell has (simpler than a difference, and no longer for
//! the explorer's few styles). The screen that results is the same cell for cell (a test
//! compares both backends' output through a terminal emulator); everything else (cursor,
//! clearing, size) is crossterm's.

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::{Buffer, Cell, CellDiffOption, CellWidth};
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};

/// crossterm's backend with a cheaper [`Backend::draw`].
pub struct FastBackend<W: Write> {
    inner: CrosstermBackend<W>,
}

impl<W: Write> FastBackend<W> {
    pub fn new(writer: W) -> FastBackend<W> {
        FastBackend {
            inner: CrosstermBackend::new(writer),
        }
    }
}

/// `n` in decimal.
fn put_number(out: &mut Vec<u8>, n: u32) {
    let mut digits = [0u8; 10];
    let mut at = digits.len();
    let mut n = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
}

/// The SGR parameters of a colour: `base` is 38 (text), 48 (background) or 58 (underline).
/// Named colours are sent as their palette number, as crossterm does.
fn put_colour(out: &mut Vec<u8>, base: u32, colour: Color) {
    if let Color::Rgb(r, g, b) = colour {
        out.extend_from_slice(b";");
        put_number(out, base);
        out.extend_from_slice(b";2");
        for part in [r, g, b] {
            out.extend_from_slice(b";");
            put_number(out, u32::from(part));
        }
        return;
    }
    let Some(index) = super::theme::palette_index(colour) else {
        return;
    };
    out.extend_from_slice(b";");
    put_number(out, base);
    out.extend_from_slice(b";5;");
    put_number(out, u32::from(index));
}

/// SGR parameter for each modifier.
const MODIFIER_CODES: [(Modifier, &[u8]); 9] = [
    (Modifier::BOLD, b";1"),
    (Modifier::DIM, b";2"),
    (Modifier::ITALIC, b";3"),
    (Modifier::UNDERLINED, b";4"),
    (Modifier::SLOW_BLINK, b";5"),
    (Modifier::RAPID_BLINK, b";6"),
    (Modifier::REVERSED, b";7"),
    (Modifier::HIDDEN, b";8"),
    (Modifier::CROSSED_OUT, b";9"),
];

/// One SGR sequence giving exactly `cell`'s style: reset, then its modifiers and colours.
#[inline(never)]
fn put_style(out: &mut Vec<u8>, cell: &Cell) {
    out.extend_from_slice(b"\x1b[0");
    for (modifier, code) in MODIFIER_CODES {
        if cell.modifier.contains(modifier) {
            out.extend_from_slice(code);
        }
    }
    put_colour(out, 38, cell.fg);
    put_colour(out, 48, cell.bg);
    put_colour(out, 58, cell.underline_color);
    out.extend_from_slice(b"m");
}

/// The parts of a cell's style that `put_style` sends.
fn style_of(cell: &Cell) -> (Color, Color, Color, Modifier) {
    (cell.fg, cell.bg, cell.underline_color, cell.modifier)
}

/// The cells ratatui's diff of `next` against a blank buffer yields, in the same order: what
/// the first frame sends. ratatui compares each cell with the blank one it replaces and
/// measures both symbols, which was the largest part of sending the first frame; against a
/// blank screen the comparison is known in advance, so only `next` is read.
pub fn over_blank(next: &Buffer) -> impl Iterator<Item = (u16, u16, &Cell)> {
    let mut cells = Vec::new();
    for_each_over_blank(next, |x, y, cell, _| cells.push((x, y, cell)));
    cells.into_iter()
}

/// Calls `send` with each cell of [`over_blank`], in order, and its symbol (read once: it is
/// not free). A plain loop rather than an iterator: the first frame goes through every cell.
#[allow(deprecated)] // `Cell::skip`: ratatui's diff still honours it.
fn for_each_over_blank<'a>(next: &'a Buffer, mut send: impl FnMut(u16, u16, &'a Cell, &'a str)) {
    let cells = next.content.as_slice();
    let width = usize::from(next.area.width.max(1));
    let mut send_at = |i: usize, cell: &'a Cell, symbol: &'a str| {
        let (x, y) = (i % width, i / width);
        send(x as u16 + next.area.x, y as u16 + next.area.y, cell, symbol);
    };
    let mut pos = 0;
    while pos < cells.len() {
        let i = pos;
        let cell = &cells[i];
        pos += 1;
        match cell.diff_option {
            CellDiffOption::Skip => {}
            CellDiffOption::None if cell.skip => {}
            CellDiffOption::ForcedWidth(forced) => {
                pos += usize::from(forced.get()) - 1;
                let symbol = cell.symbol();
                if !is_blank(cell, symbol) {
                    send_at(i, cell, symbol);
                }
            }
            CellDiffOption::None | CellDiffOption::AlwaysUpdate => {
                let symbol = cell.symbol();
                if cell.diff_option == CellDiffOption::None && is_blank(cell, symbol) {
                    continue;
                }
                let columns = cell_width(cell, symbol);
                send_at(i, cell, symbol);
                if columns > 1 {
                    if symbol.contains('\u{FE0F}') {
                        // ratatui also sends the cells a wide emoji covers, unless blank or
                        // skipped, stepping by their own widths.
                        let mut j = i + 1;
                        let mut end = (i + columns).min(cells.len());
                        while j < end {
                            let covered = &cells[j];
                            let symbol = covered.symbol();
                            let next_j = j + cell_width(covered, symbol).max(1);
                            end = end.max(next_j).min(cells.len());
                            if !is_skipped(covered) && symbol != " " {
                                send_at(j, covered, symbol);
                            }
                            j = next_j;
                        }
                        pos = end;
                    } else {
                        pos += columns - 1;
                    }
                }
            }
        }
    }
}

/// The columns `cell` (showing `symbol`) takes, as ratatui counts them: a forced width wins.
fn cell_width(cell: &Cell, symbol: &str) -> usize {
    if let CellDiffOption::ForcedWidth(forced) = cell.diff_option {
        return usize::from(forced.get());
    }
    if symbol.len() == 1 {
        1
    } else {
        usize::from(symbol.cell_width())
    }
}

/// Whether ratatui's diff passes over `cell` whatever it replaces.
#[allow(deprecated)]
fn is_skipped(cell: &Cell) -> bool {
    cell.diff_option == CellDiffOption::Skip
        || (cell.skip && cell.diff_option == CellDiffOption::None)
}

/// Whether `cell` (showing `symbol`) is equal to a blank cell: a space with no style.
#[allow(deprecated)]
fn is_blank(cell: &Cell, symbol: &str) -> bool {
    symbol == " "
        && cell.fg == Color::Reset
        && cell.bg == Color::Reset
        && cell.underline_color == Color::Reset
        && cell.modifier.is_empty()
        && !cell.skip
        && cell.diff_option == CellDiffOption::None
}

/// A backend that sends the first frame, over a blank screen, without ratatui's diff.
pub trait FirstFrame: Backend {
    /// What `draw(over_blank(next))` sends.
    fn draw_over_blank(&mut self, next: &Buffer) -> Result<(), Self::Error> {
        self.draw(over_blank(next))
    }
}

impl<W: Write> FirstFrame for FastBackend<W> {
    /// Reads each cell's symbol once.
    fn draw_over_blank(&mut self, next: &Buffer) -> io::Result<()> {
        let mut out = CellWriter::default();
        for_each_over_blank(next, |x, y, cell, symbol| out.put(x, y, cell, symbol));
        self.inner.write_all(&out.finish())
    }
}

/// Tests draw the first frame onto ratatui's test backend.
impl FirstFrame for ratatui::backend::TestBackend {}

impl<W: Write> FastBackend<W> {
    /// Writes each cell at its place with its style, in one write.
    fn put_cells<'a>(
        &mut self,
        content: impl Iterator<Item = (u16, u16, &'a Cell, &'a str)>,
    ) -> io::Result<()> {
        let mut out = CellWriter::default();
        for (x, y, cell, symbol) in content {
            out.put(x, y, cell, symbol);
        }
        self.inner.write_all(&out.finish())
    }
}

/// A frame's bytes, gathered to be handed over in one write: a write per cell through the
/// layers of writers cost more than the cell itself.
struct CellWriter {
    bytes: Vec<u8>,
    /// The style the terminal is in (colours and modifiers).
    style: (Color, Color, Color, Modifier),
    /// Where the terminal's cursor is after the last cell written.
    next: Option<(u16, u16)>,
}

const PLAIN: (Color, Color, Color, Modifier) =
    (Color::Reset, Color::Reset, Color::Reset, Modifier::empty());

impl Default for CellWriter {
    fn default() -> CellWriter {
        CellWriter {
            bytes: Vec::with_capacity(16 * 1024),
            style: PLAIN,
            next: None,
        }
    }
}

impl CellWriter {
    /// Writes `symbol` at (x, y) in `cell`'s style. Inlined into the loops over cells; the
    /// rarer cursor moves and style changes are calls.
    #[inline(always)]
    fn put(&mut self, x: u16, y: u16, cell: &Cell, symbol: &str) {
        // Move the cursor unless the last cell written left it here.
        if self.next != Some((x, y)) {
            self.move_to(x, y);
        }
        self.next = Some((x.saturating_add(1), y));
        if style_of(cell) != self.style {
            put_style(&mut self.bytes, cell);
            self.style = style_of(cell);
        }
        match symbol.as_bytes() {
            // Most cells are one ASCII character: no copy call for one byte.
            [byte] => self.bytes.push(*byte),
            text => self.bytes.extend_from_slice(text),
        }
    }

    #[inline(never)]
    fn move_to(&mut self, x: u16, y: u16) {
        let out = &mut self.bytes;
        out.extend_from_slice(b"\x1b[");
        put_number(out, u32::from(y) + 1);
        out.push(b';');
        put_number(out, u32::from(x) + 1);
        out.push(b'H');
    }

    /// The bytes, leaving the terminal's style as it was found.
    fn finish(mut self) -> Vec<u8> {
        if self.style != PLAIN {
            self.bytes.extend_from_slice(b"\x1b[0m");
        }
        self.bytes
    }
}

impl<W: Write> Backend for FastBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.put_cells(content.map(|(x, y, cell)| (x, y, cell, cell.symbol())))
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        self.inner.size()
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    /// What a terminal emulator shows after `bytes`: each cell's text, colours and attributes.
    fn shown(bytes: &[u8], width: u16, height: u16) -> Vec<String> {
        let size = |n: u16| std::num::NonZeroU16::new(n).expect("not zero");
        let mut parser = vt100::Parser::new(size(height), size(width), 0);
        parser.process(bytes);
        let screen = parser.screen();
        let mut cells = Vec::new();
        for row in 0..height {
            for column in 0..width {
                let cell = screen.cell(row, column).expect("on screen");
                cells.push(format!(
                    "{row},{column} {:?} {:?} {:?} b{} d{} i{} u{} r{}",
                    cell.contents(),
                    cell.fgcolor(),
                    cell.bgcolor(),
                    cell.bold(),
                    cell.dim(),
                    cell.italic(),
                    cell.underline(),
                    cell.inverse()
                ));
            }
        }
        // The style in force after the frame: text written next must look plain.
        parser.process(b"\x1b[1;1Hx");
        let after = parser.screen().cell(0, 0).expect("on screen");
        cells.push(format!(
            "after {:?} {:?} b{} u{} r{}",
            after.fgcolor(),
            after.bgcolor(),
            after.bold(),
            after.underline(),
            after.inverse()
        ));
        cells
    }

    /// Both backends' output for drawing `next` over `previous`, as ratatui does.
    fn both(previous: &Buffer, next: &Buffer) -> (Vec<u8>, Vec<u8>) {
        let (mut crossterm_bytes, mut fast_bytes) = (Vec::new(), Vec::new());
        Backend::draw(
            &mut CrosstermBackend::new(&mut crossterm_bytes),
            previous.diff(next).into_iter(),
        )
        .expect("drawn");
        FastBackend::new(&mut fast_bytes)
            .draw(previous.diff(next).into_iter())
            .expect("drawn");
        (crossterm_bytes, fast_bytes)
    }

    fn colour(pick: u8) -> Color {
        match pick % 6 {
            0 => Color::Reset,
            1 => Color::Indexed(pick),
            2 => Color::Rgb(pick, 255 - pick, 7),
            3 => Color::Red,
            4 => Color::LightCyan,
            _ => Color::DarkGray,
        }
    }

    const TEXTS: [&str; 8] = ["a", "─", "│", "界", "é", " ", "▶", "xyz"];

    proptest! {
        #[test]
        fn the_screen_is_the_one_crossterms_backend_draws(
            cells in proptest::collection::vec(
                (0u16..12, 0u16..4, 0usize..8, any::<u8>(), any::<u8>(), any::<u16>()),
                0..40,
            ),
            first in any::<bool>(),
        ) {
            let area = Rect::new(0, 0, 12, 4);
            let previous = if first {
                Buffer::empty(area)
            } else {
                let mut b = Buffer::empty(area);
                b.set_string(0, 1, "old text here", Style::new().fg(Color::Blue));
                b
            };
            let mut next = Buffer::empty(area);
            for (x, y, text, fg, bg, modifier) in cells {
                // The modifiers a theme can name.
                let modifier = Modifier::from_bits_truncate(modifier)
                    & (Modifier::BOLD
                        | Modifier::DIM
                        | Modifier::ITALIC
                        | Modifier::UNDERLINED
                        | Modifier::REVERSED);
                let style = Style::new()
                    .fg(colour(fg))
                    .bg(colour(bg))
                    .add_modifier(modifier);
                next.set_string(x, y, TEXTS[text], style);
            }
            // Bold and dim at once look different from one terminal to the next (vt100 keeps
            // the last one sent, xterm both), and the explorer never sets both.
            for cell in &mut next.content {
                if cell.modifier.contains(Modifier::BOLD) {
                    cell.modifier.remove(Modifier::DIM);
                }
            }
            let (crossterm, fast) = both(&previous, &next);
            let mut start = Vec::new();
            if !first {
                let (_, drawn) = both(&Buffer::empty(area), &previous);
                start = drawn;
            }
            prop_assert_eq!(
                shown(&[start.clone(), crossterm].concat(), 12, 4),
                shown(&[start, fast].concat(), 12, 4)
            );
        }
    }

    /// Symbols with every width ratatui's diff treats apart: blank, one column, wide, wide
    /// with VS16 (its trailing cells are sent), zero width.
    const SYMBOLS: [&str; 8] = [" ", "a", "│", "界", "❤\u{FE0F}", "", "e\u{301}", "🙂"];

    proptest! {
        #[test]
        fn over_blank_sends_the_cells_ratatuis_diff_sends(
            cells in proptest::collection::vec(
                (0u16..9, 0u16..3, 0usize..8, 0u8..4, 0u8..6),
                0..30,
            ),
        ) {
            let area = Rect::new(2, 1, 9, 3);
            let mut next = Buffer::empty(area);
            for (x, y, symbol, style, option) in cells {
                let cell = &mut next[(area.x + x, area.y + y)];
                cell.set_symbol(SYMBOLS[symbol]);
                match style {
                    0 => {}
                    1 => { cell.set_fg(Color::Red); }
                    2 => { cell.set_bg(Color::Indexed(4)); }
                    _ => { cell.modifier = Modifier::UNDERLINED; }
                }
                #[allow(deprecated)]
                match option {
                    0 | 1 => {}
                    2 => { cell.set_skip(true); }
                    3 => { cell.set_diff_option(CellDiffOption::Skip); }
                    4 => { cell.set_diff_option(CellDiffOption::AlwaysUpdate); }
                    _ => {
                        let width = std::num::NonZeroU16::new(2).expect("two");
                        cell.set_diff_option(CellDiffOption::ForcedWidth(width));
                    }
                }
            }
            let ratatui: Vec<(u16, u16, *const Cell)> = Buffer::empty(area)
                .diff_iter(&next)
                .map(|(x, y, cell)| (x, y, cell as *const Cell))
                .collect();
            let ours: Vec<(u16, u16, *const Cell)> = over_blank(&next)
                .map(|(x, y, cell)| (x, y, cell as *const Cell))
                .collect();
            prop_assert_eq!(ours, ratatui);
            // And the first frame's bytes are the ones drawing that diff writes.
            let (mut first, mut drawn) = (Vec::new(), Vec::new());
            FastBackend::new(&mut first).draw_over_blank(&next).expect("drawn");
            FastBackend::new(&mut drawn)
                .draw(Buffer::empty(area).diff_iter(&next))
                .expect("drawn");
            prop_assert_eq!(first, drawn);
        }
    }

    #[test]
    fn a_frame_is_plain_text_between_style_changes() {
        let area = Rect::new(0, 0, 6, 1);
        let mut next = Buffer::empty(area);
        next.set_string(0, 0, "ab", Style::new().fg(Color::Indexed(63)).bold());
        next.set_string(2, 0, "cd", Style::new());
        let (_, fast) = both(&Buffer::empty(area), &next);
        assert_eq!(
            String::from_utf8(fast).expect("text"),
            "\x1b[1;1H\x1b[0;1;38;5;63mab\x1b[0mcd"
        );
    }
}
