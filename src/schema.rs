//! The output contract as a JSON Schema, derived from the serde types.
//!
//! This sits beside the pipeline, not in it: [`json_schema`] describes the
//! [`ArticleFacts`] that [`crate::extract`] returns, as the JSON Schema
//! (draft 2020-12) that `schemars` derives from the same types serde
//! serializes, with their doc comments as descriptions. Every consumer that
//! needs the shape of the output in another language (the Spark example's
//! schema, the Python binding's `TypedDict`s, `thaifacts schema`) derives it
//! from this one document, so none can drift from the Rust types.
//!
//! The schema describes what [`crate::extract`] writes: every field is in
//! `required`, nulls included, since every field is always written. (A
//! reader of output from an older version should still tolerate a missing
//! additive field: fields may be added to the contract, never renamed.)
//! Descriptions are the doc comments without their `# Example` sections.

use crate::ArticleFacts;

/// The JSON Schema of [`ArticleFacts`] (`schema_version` 1), as JSON.
///
/// Its `$defs` hold one schema per fact type (`Person`, `DateFact`, ...),
/// and its `properties` and `required` name the contract's fields.
///
/// # Example
///
/// ```
/// let schema = thaifacts::json_schema();
/// assert_eq!(schema["title"], "ArticleFacts");
/// assert!(schema["required"].as_array().unwrap().iter().any(|f| f == "dates"));
/// assert_eq!(schema["$defs"]["Mention"]["properties"]["start"]["type"], "integer");
/// ```
pub fn json_schema() -> serde_json::Value {
    let mut schema = schemars::schema_for!(ArticleFacts).to_value();
    tidy(&mut schema);
    schema
}

/// Requires every property, and cuts the examples out of descriptions.
fn tidy(v: &mut serde_json::Value) {
    use serde_json::Value;
    match v {
        Value::Object(map) => {
            if let Some(Value::Object(props)) = map.get("properties") {
                let mut required: Vec<Value> = match map.get("required") {
                    Some(Value::Array(r)) => r.clone(),
                    _ => Vec::new(),
                };
                for key in props.keys() {
                    if !required.iter().any(|r| r == key) {
                        required.push(Value::String(key.clone()));
                    }
                }
                map.insert("required".into(), Value::Array(required));
            }
            if let Some(Value::String(d)) = map.get_mut("description") {
                if let Some(cut) = d.find("\n\n# Example") {
                    d.truncate(cut);
                }
            }
            map.values_mut().for_each(tidy);
        }
        Value::Array(items) => items.iter_mut().for_each(tidy),
        _ => {}
    }
}
