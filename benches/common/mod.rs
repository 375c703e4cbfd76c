//! What more than one bench draws.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

/// The floor: a full screen of plain text drawn as one paragraph, the least a frame that fills
/// the screen costs with this backend. Benches draw it in the same run as their screens, so
/// the ratio holds when the machine's speed does not.
pub fn floor_full_screen_of_text(bencher: divan::Bencher<'_, '_>, size: (u16, u16)) {
    let lines: Vec<Line<'static>> = (0..size.1)
        .map(|row| Line::raw(format!("{row:>3} {}", "text ".repeat(40))))
        .collect();
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).expect("test backend");
    bencher.bench_local(|| {
        terminal.clear().expect("clear");
        terminal
            .draw(|frame| frame.render_widget(Paragraph::new(lines.clone()), frame.area()))
            .expect("draw")
            .area
    });
}
