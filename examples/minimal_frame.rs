//! The smallest ratatui app that draws one frame and quits: the yardstick for the explorer's
//! start-up time (see BENCHMARKS.md and benches/startup.rs). With `--wait` it keeps the frame
//! on screen until a key is pressed, as an app a person uses does.

use ratatui::crossterm::event::{self, Event, KeyEventKind};
use ratatui::widgets::Paragraph;

fn main() -> std::io::Result<()> {
    let wait = std::env::args().any(|a| a == "--wait");
    let mut terminal = ratatui::try_init()?;
    let drawn =
        terminal.draw(|frame| frame.render_widget(Paragraph::new("one frame"), frame.area()));
    while wait && drawn.is_ok() {
        if let Event::Key(key) = event::read()?
            && key.kind == KeyEventKind::Press
        {
            break;
        }
    }
    ratatui::restore();
    drawn.map(|_| ())
}
