//! The smallest ratatui app that draws one frame and quits: the yardstick for the explorer's
//! start-up time (see BENCHMARKS.md and benches/startup.rs).

use ratatui::widgets::Paragraph;

fn main() -> std::io::Result<()> {
    let mut terminal = ratatui::try_init()?;
    let drawn =
        terminal.draw(|frame| frame.render_widget(Paragraph::new("one frame"), frame.area()));
    ratatui::restore();
    drawn.map(|_| ())
}
