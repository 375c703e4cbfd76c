//! Small reusable pieces of interface with their own state, shared by several screens.

pub mod scroll;
pub mod text_input;
