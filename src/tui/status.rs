//! The status line: the last message the explorer gave (what a save did, why a key did
//! nothing), shown in the footer until the next key, and the last few kept for a look back.

use std::collections::VecDeque;

/// How many past messages are kept.
pub const HISTORY: usize = 20;

/// A message for the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub is_error: bool,
}

impl Message {
    pub fn info(text: impl Into<String>) -> Message {
        Message {
            text: text.into(),
            is_error: false,
        }
    }

    pub fn error(text: impl Into<String>) -> Message {
        Message {
            text: text.into(),
            is_error: true,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct StatusLine {
    current: Option<Message>,
    history: VecDeque<Message>,
}

impl StatusLine {
    /// Shows `message` until the next key, and keeps it in the history.
    pub fn show(&mut self, message: Message) {
        if self.history.len() >= HISTORY {
            self.history.pop_front();
        }
        self.history.push_back(message.clone());
        self.current = Some(message);
    }

    pub fn say(&mut self, text: impl Into<String>) {
        self.show(Message::info(text));
    }

    /// The message on show, if any.
    pub fn current(&self) -> Option<&Message> {
        self.current.as_ref()
    }

    /// Takes the message off the line (the next key does this); the history keeps it.
    pub fn clear(&mut self) {
        self.current = None;
    }

    /// Past messages, oldest first.
    pub fn history(&self) -> impl DoubleEndedIterator<Item = &Message> + ExactSizeIterator {
        self.history.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_history_keeps_the_last_messages_in_order() {
        let mut status = StatusLine::default();
        for i in 0..HISTORY + 5 {
            status.say(format!("message {i}"));
        }
        status.clear();
        assert_eq!(status.current(), None);
        let texts: Vec<&str> = status.history().map(|m| m.text.as_str()).collect();
        assert_eq!(texts.len(), HISTORY);
        assert_eq!(texts[0], "message 5");
        assert_eq!(texts[HISTORY - 1], format!("message {}", HISTORY + 4));
    }
}
