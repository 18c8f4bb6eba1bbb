//! The JSON Schema of `thaifacts::json_schema()` (and `thaifacts schema`)
//! against real output: every fixture article's facts validate, every field
//! written is in the schema, and every field of the schema is written
//! somewhere. The validator below knows exactly the keywords the schema
//! uses and panics on any other, so a keyword it cannot check never passes
//! silently.

mod common;

use std::collections::BTreeSet;

use serde_json::Value;

struct Validator<'a> {
    root: &'a Value,
    /// `Type.field` for every property seen in the output.
    seen: BTreeSet<String>,
}

impl Validator<'_> {
    fn check(&mut self, schema: &Value, v: &Value, path: &str, name: &str) -> Result<(), String> {
        let obj = schema.as_object().ok_or_else(|| format!("{path}: schema is not an object"))?;
        for key in obj.keys() {
            let known = [
                "$schema",
                "$defs",
                "$ref",
                "title",
                "description",
                "default",
                "type",
                "properties",
                "required",
                "items",
                "anyOf",
                "oneOf",
                "const",
                "enum",
                "format",
                "minimum",
            ];
            assert!(known.contains(&key.as_str()), "{path}: the validator does not know the keyword {key:?}");
        }
        if let Some(Value::String(r)) = obj.get("$ref") {
            let def = r.strip_prefix("#/$defs/").unwrap_or_else(|| panic!("{path}: unsupported $ref {r}"));
            let target = &self.root["$defs"][def];
            assert!(target.is_object(), "{path}: dangling $ref {r}");
            self.check(target, v, path, def)?;
        }
        if let Some(t) = obj.get("type") {
            let types: Vec<&str> = match t {
                Value::String(s) => vec![s.as_str()],
                Value::Array(a) => a.iter().map(|x| x.as_str().unwrap()).collect(),
                _ => panic!("{path}: bad type {t}"),
            };
            let ok = types.iter().any(|t| match *t {
                "null" => v.is_null(),
                "boolean" => v.is_boolean(),
                "string" => v.is_string(),
                "integer" => v.is_i64() || v.is_u64(),
                "number" => v.is_number(),
                "array" => v.is_array(),
                "object" => v.is_object(),
                other => panic!("{path}: unknown type {other}"),
            });
            if !ok {
                return Err(format!("{path}: {v} is not of type {t}"));
            }
        }
        if let Some(c) = obj.get("const") {
            if v != c {
                return Err(format!("{path}: {v} is not {c}"));
            }
        }
        if let Some(Value::Array(e)) = obj.get("enum") {
            if !e.contains(v) {
                return Err(format!("{path}: {v} is not one of {e:?}"));
            }
        }
        if let (Some(min), Some(n)) = (obj.get("minimum").and_then(Value::as_f64), v.as_f64()) {
            if n < min {
                return Err(format!("{path}: {n} is below the minimum {min}"));
            }
        }
        if let (Some(Value::String(f)), false) = (obj.get("format"), v.is_null()) {
            let ok = match f.as_str() {
                "uint" | "uint32" => v.is_u64() && (f == "uint" || v.as_u64().unwrap() <= u64::from(u32::MAX)),
                "int32" => v.as_i64().is_some_and(|n| i32::try_from(n).is_ok()),
                "double" => v.as_f64().is_some_and(f64::is_finite),
                other => panic!("{path}: the validator does not know the format {other:?}"),
            };
            if !ok {
                return Err(format!("{path}: {v} is not a {f}"));
            }
        }
        for (key, exactly_one) in [("anyOf", false), ("oneOf", true)] {
            if let Some(Value::Array(alts)) = obj.get(key) {
                let mut passed = 0;
                for alt in alts {
                    if self.check(alt, v, path, name).is_ok() {
                        passed += 1;
                    }
                }
                if passed == 0 || (exactly_one && passed > 1) {
                    return Err(format!("{path}: {v} matches {passed} of the {key} alternatives"));
                }
            }
        }
        if let (Some(Value::Object(props)), Some(fields)) = (obj.get("properties"), v.as_object()) {
            for (field, fv) in fields {
                let Some(ps) = props.get(field) else {
                    return Err(format!("{path}: field {field:?} is not in the schema of {name}"));
                };
                self.seen.insert(format!("{name}.{field}"));
                self.check(ps, fv, &format!("{path}.{field}"), name)?;
            }
            for r in obj.get("required").and_then(Value::as_array).into_iter().flatten() {
                if !fields.contains_key(r.as_str().unwrap()) {
                    return Err(format!("{path}: required field {r} is missing"));
                }
            }
        }
        if let (Some(items), Some(arr)) = (obj.get("items"), v.as_array()) {
            for (i, x) in arr.iter().enumerate() {
                self.check(items, x, &format!("{path}[{i}]"), name)?;
            }
        }
        Ok(())
    }
}

/// Every `Type.field` the schema declares.
fn declared(schema: &Value) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut add = |name: &str, s: &Value| {
        for field in s["properties"].as_object().into_iter().flatten().map(|(k, _)| k) {
            out.insert(format!("{name}.{field}"));
        }
    };
    add("ArticleFacts", schema);
    for (name, def) in schema["$defs"].as_object().unwrap() {
        add(name, def);
    }
    out
}

#[test]
fn fixture_output_validates_and_covers_the_schema() {
    let schema = thaifacts::json_schema();
    assert_eq!(schema["title"], "ArticleFacts");
    let mut validator = Validator { root: &schema, seen: BTreeSet::new() };
    let mut articles = 0;
    for (name, text, expected) in common::fixtures() {
        for published in [None, expected.published] {
            let facts = thaifacts::Extractor::default().extract_with(&text, published);
            let json = serde_json::to_value(&facts).unwrap();
            validator.check(&schema, &json, "$", "ArticleFacts").unwrap_or_else(|e| panic!("{name}: {e}"));
        }
        articles += 1;
    }
    assert!(articles >= 41, "{articles}");
    let missing: Vec<_> = declared(&schema).difference(&validator.seen).cloned().collect();
    // Every declared field is written somewhere: a schema field that no
    // output has would be a field the contract does not really have.
    assert!(missing.is_empty(), "declared but never written on the fixtures: {missing:?}");
}

#[test]
fn wrong_output_does_not_validate() {
    let schema = thaifacts::json_schema();
    let mut validator = Validator { root: &schema, seen: BTreeSet::new() };
    let facts = thaifacts::extract("เมื่อวันที่ 14 กุมภาพันธ์ 2567 มี 390 ล้านคน");
    let good = serde_json::to_value(&facts).unwrap();
    validator.check(&schema, &good, "$", "ArticleFacts").unwrap();
    let mut cases: Vec<(Value, &str)> = Vec::new();
    let mut extra = good.clone();
    extra["dates"][0]["weekday"] = Value::from("wed");
    cases.push((extra, "field \"weekday\" is not in the schema of DateFact"));
    let mut negative = good.clone();
    negative["numbers"][0]["start"] = Value::from(-1);
    cases.push((negative, "-1 is below the minimum 0"));
    let mut kind = good.clone();
    kind["numbers"][0]["kind"] = Value::from("people");
    cases.push((kind, "matches 0 of the oneOf alternatives"));
    let mut missing = good.clone();
    missing["dates"][0].as_object_mut().unwrap().remove("era");
    cases.push((missing, "required field \"era\" is missing"));
    for (bad, want) in cases {
        let err = validator.check(&schema, &bad, "$", "ArticleFacts").unwrap_err();
        assert!(err.contains(want), "{err}");
    }
}
