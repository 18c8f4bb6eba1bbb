//! Organizations: names built on an organization head, and abbreviations.

use super::{Doc, Span};
use crate::facts::OrgKind;

/// One mention of an organization in the normalized text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RawOrg {
    pub span: Span,
    /// The name as written (full or abbreviated).
    pub name: String,
    /// The full name, when the mention is an abbreviation whose full name is
    /// known from a lexicon.
    pub full: Option<String>,
    /// An abbreviation defined right after the name, in parentheses.
    pub abbreviation: Option<String>,
    pub kind: OrgKind,
}

/// Every organization mention in `doc`, in text order.
pub(crate) fn extract(_doc: &Doc<'_>) -> Vec<RawOrg> {
    Vec::new()
}
