//! People: titled names and the positions written next to them.

use super::{Doc, Span};

/// One mention of a person in the normalized text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RawPerson {
    /// The whole mention (title and name).
    pub span: Span,
    pub title: Option<String>,
    pub given: String,
    pub family: Option<String>,
    pub positions: Vec<String>,
    pub statement: Option<Span>,
}

/// Every person mention in `doc`, in text order.
pub(crate) fn extract(_doc: &Doc<'_>) -> Vec<RawPerson> {
    Vec::new()
}
