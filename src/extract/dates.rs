//! Dates: day, month and year expressions, converted to ISO Gregorian.

use super::{Doc, Span};
use crate::facts::{Era, Precision};

/// A date found in the normalized text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RawDate {
    pub span: Span,
    pub value: String,
    pub end_value: Option<String>,
    pub precision: Precision,
    pub era: Option<Era>,
    pub time: Option<String>,
}

/// Every date mention in `doc`, in text order.
pub(crate) fn extract(_doc: &Doc<'_>) -> Vec<RawDate> {
    Vec::new()
}
