//! Numbers: quantities, money, percentages and ranks.

use super::{Doc, Span};
use crate::facts::NumberKind;

/// A number found in the normalized text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RawNumber {
    pub span: Span,
    pub value: f64,
    pub end_value: Option<f64>,
    pub of: Option<f64>,
    pub unit: Option<String>,
    pub kind: NumberKind,
    pub qualifier: Option<String>,
}

/// Every numeric fact in `doc`, in text order. `claimed` are spans already
/// taken by dates, which are not numbers.
pub(crate) fn extract(_doc: &Doc<'_>, _claimed: &[Span]) -> Vec<RawNumber> {
    Vec::new()
}
