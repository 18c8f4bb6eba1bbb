//! Places: provinces, districts, countries, cities and venues.

use super::{Doc, Span};
use crate::facts::PlaceKind;

/// One mention of a place in the normalized text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RawPlace {
    pub span: Span,
    /// The bare name (ขอนแก่น for จังหวัดขอนแก่น).
    pub name: String,
    pub kind: PlaceKind,
}

/// Every place mention in `doc`, in text order.
pub(crate) fn extract(_doc: &Doc<'_>) -> Vec<RawPlace> {
    Vec::new()
}
