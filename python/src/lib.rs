//! Python bindings of thaifacts (built with maturin as `thaifacts._thaifacts`).
//!
//! The facts cross into Python as dicts built directly from the Rust values
//! by `pythonize` (the same serde serialization the JSON contract uses, so
//! the dicts have exactly the contract's field names and values), instead
//! of JSON text parsed again by Python's `json` module.
//!
//! Offsets are UTF-8 byte offsets by default, as in the contract; with
//! `offsets="char"` every `start`/`end` is converted to an index into the
//! Python `str` (code points), so `text[start:end]` slices the span.

use chrono::NaiveDate;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};
use rayon::prelude::*;

/// A `published` argument: `None`, a `YYYY-MM-DD` string or a Thai date
/// (`"14 ก.พ. 2567"`), or a
/// `datetime.date` (not a `datetime.datetime`, whose time would be dropped
/// silently). Strings go through `thaifacts::parse_published`, dates through
/// its Buddhist-era guard `thaifacts::check_published`: the same rules as
/// the command-line tool.
fn published_arg(published: Option<&Bound<'_, PyAny>>) -> PyResult<Option<NaiveDate>> {
    let Some(obj) = published else { return Ok(None) };
    if obj.is_none() {
        return Ok(None);
    }
    let refused = |e: thaifacts::PublishedError| PyValueError::new_err(format!("published: {e}"));
    if let Ok(s) = obj.cast::<PyString>() {
        return thaifacts::parse_published(&s.to_cow()?).map(Some).map_err(refused);
    }
    let datetime = obj.py().import("datetime")?;
    if obj.is_instance(&datetime.getattr("datetime")?)? {
        return Err(PyTypeError::new_err(
            "published: expected a datetime.date or a str YYYY-MM-DD, but found a datetime.datetime (use .date())",
        ));
    }
    if obj.is_instance(&datetime.getattr("date")?)? {
        let (y, m, d): (i32, u32, u32) =
            (obj.getattr("year")?.extract()?, obj.getattr("month")?.extract()?, obj.getattr("day")?.extract()?);
        let date = NaiveDate::from_ymd_opt(y, m, d)
            .ok_or_else(|| PyValueError::new_err(format!("published: {y}-{m}-{d} is out of range")))?;
        return thaifacts::check_published(date).map(Some).map_err(refused);
    }
    Err(PyTypeError::new_err(format!(
        "published: expected a datetime.date or a str YYYY-MM-DD, but found {}",
        obj.get_type().name()?
    )))
}

/// How `start`/`end` count.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Offsets {
    /// UTF-8 bytes (the contract; `text.encode()[start:end]`).
    Byte,
    /// Code points (Python `str` indices; `text[start:end]`).
    Char,
}

fn offsets_arg(offsets: &str) -> PyResult<Offsets> {
    match offsets {
        "byte" => Ok(Offsets::Byte),
        "char" => Ok(Offsets::Char),
        other => Err(PyValueError::new_err(format!("offsets: expected \"byte\" or \"char\", but found {other:?}"))),
    }
}

/// Byte offset → code point index, for every char boundary of `text` (and
/// its end). Other entries are never read.
fn char_index(text: &str) -> Vec<u32> {
    let mut table = vec![0u32; text.len() + 1];
    let mut n = 0u32;
    for (b, _) in text.char_indices() {
        table[b] = n;
        n += 1;
    }
    table[text.len()] = n;
    table
}

/// Rewrites every span of `facts` from byte offsets to code point indices.
fn to_char_offsets(facts: &mut thaifacts::ArticleFacts, text: &str) {
    let table = char_index(text);
    let at = |b: &mut usize| *b = table[*b] as usize;
    let mention = |m: &mut thaifacts::Mention| {
        at(&mut m.start);
        at(&mut m.end);
    };
    for p in &mut facts.people {
        p.mentions.iter_mut().chain(&mut p.statements).for_each(mention);
    }
    for o in &mut facts.organizations {
        o.mentions.iter_mut().for_each(mention);
    }
    for p in &mut facts.places {
        p.mentions.iter_mut().for_each(mention);
    }
    for d in &mut facts.dates {
        at(&mut d.start);
        at(&mut d.end);
    }
    for n in &mut facts.numbers {
        at(&mut n.start);
        at(&mut n.end);
    }
}

fn facts_of(
    extractor: &thaifacts::Extractor,
    text: &str,
    published: Option<NaiveDate>,
    offsets: Offsets,
) -> thaifacts::ArticleFacts {
    let mut facts = extractor.extract_with(text, published);
    if offsets == Offsets::Char {
        to_char_offsets(&mut facts, text);
    }
    facts
}

fn to_py<'py, T: serde::Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    pythonize::pythonize(py, value).map_err(PyErr::from)
}

/// The facts of one article, as a JSON string (the contract, byte for byte as
/// the command-line tool writes it; offsets in UTF-8 bytes).
#[pyfunction]
#[pyo3(signature = (text, published=None))]
fn extract_json(py: Python<'_>, text: &str, published: Option<&Bound<'_, PyAny>>) -> PyResult<String> {
    let published = published_arg(published)?;
    let text = text.to_owned();
    py.detach(move || serde_json::to_string(&thaifacts::Extractor::default().extract_with(&text, published)))
        .map_err(|e| PyValueError::new_err(format!("cannot serialize the facts: {e}")))
}

/// The facts of one article, as a dict.
#[pyfunction]
#[pyo3(signature = (text, published=None, offsets="byte"))]
fn extract<'py>(
    py: Python<'py>,
    text: &str,
    published: Option<&Bound<'py, PyAny>>,
    offsets: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let published = published_arg(published)?;
    let offsets = offsets_arg(offsets)?;
    let text = text.to_owned();
    let facts = py.detach(move || facts_of(&thaifacts::Extractor::default(), &text, published, offsets));
    to_py(py, &facts)
}

/// The facts of many articles, as a list of dicts in input order; the work
/// runs on all cores with the GIL released.
#[pyfunction]
#[pyo3(signature = (texts, published=None, offsets="byte"))]
fn extract_many<'py>(
    py: Python<'py>,
    texts: Vec<String>,
    published: Option<&Bound<'py, PyAny>>,
    offsets: &str,
) -> PyResult<Bound<'py, PyList>> {
    let published = published_arg(published)?;
    let offsets = offsets_arg(offsets)?;
    let all: Vec<thaifacts::ArticleFacts> = py.detach(move || {
        let extractor = thaifacts::Extractor::default();
        texts.par_iter().map(|t| facts_of(&extractor, t, published, offsets)).collect()
    });
    let out = PyList::empty(py);
    for facts in &all {
        out.append(to_py(py, facts)?)?;
    }
    Ok(out)
}

/// JSON Lines records, processed as `thaifacts extract --jsonl` does: each
/// `(line, record)` pair gives one dict `{"id", "line", "facts"}` or
/// `{"id", "line", "error"}` (the same messages), in input order, on all
/// cores with the GIL released. `published` is the default for records
/// without their own.
#[pyfunction]
#[pyo3(signature = (records, published=None))]
fn extract_records<'py>(
    py: Python<'py>,
    records: Vec<(usize, String)>,
    published: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    let published = published_arg(published)?;
    let lines: Vec<usize> = records.iter().map(|(line, _)| *line).collect();
    let results: Vec<(serde_json::Value, Result<thaifacts::ArticleFacts, String>)> = py.detach(move || {
        let extractor = thaifacts::Extractor::default();
        records
            .par_iter()
            .map(|(line, record)| match thaifacts::parse_record(*line, record.as_bytes()) {
                Ok(r) => {
                    let facts = extractor.extract_with(&r.text, r.published.or(published));
                    (r.id, Ok(facts))
                }
                Err(e) => (salvage_id(record.as_bytes()), Err(e.to_string())),
            })
            .collect()
    });
    let out = PyList::empty(py);
    for (line, (id, result)) in lines.into_iter().zip(results) {
        let dict = pyo3::types::PyDict::new(py);
        dict.set_item("id", to_py(py, &id)?)?;
        dict.set_item("line", line)?;
        match result {
            Ok(facts) => dict.set_item("facts", to_py(py, &facts)?)?,
            Err(error) => dict.set_item("error", error)?,
        }
        out.append(dict)?;
    }
    Ok(out)
}

/// The `id` of a record that failed, where the line is JSON enough to say
/// (as the command-line tool salvages it).
fn salvage_id(bytes: &[u8]) -> serde_json::Value {
    serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(bytes)
        .ok()
        .and_then(|mut m| m.remove("id"))
        .unwrap_or(serde_json::Value::Null)
}

/// An article after Thai normalization, with the way back to the input.
#[pyclass(frozen, module = "thaifacts")]
struct Normalized {
    /// The normalized text.
    #[pyo3(get)]
    text: Py<PyString>,
    doc: thaifacts::Normalized,
    offsets: Offsets,
    /// Code point → byte, on the normalized text (char offsets only).
    norm_bytes: Vec<usize>,
    /// Byte → code point, on the input (char offsets only).
    input_chars: Vec<u32>,
}

#[pymethods]
impl Normalized {
    /// Maps `[start, end)` of the normalized text to the range of the input
    /// it came from, in the offsets chosen (bytes or code points). Clamped,
    /// never raises for out-of-range values.
    fn to_original(&self, start: usize, end: usize) -> (usize, usize) {
        match self.offsets {
            Offsets::Byte => {
                let r = self.doc.to_original(start..end);
                (r.start, r.end)
            }
            Offsets::Char => {
                let last = self.norm_bytes.len() - 1;
                let b = |c: usize| self.norm_bytes[c.min(last)];
                let r = self.doc.to_original(b(start)..b(end));
                (self.input_chars[r.start] as usize, self.input_chars[r.end] as usize)
            }
        }
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!("Normalized(text={})", self.text.bind(py).repr()?))
    }
}

/// Thai normalization of `text` (the pipeline's first stage), with an
/// offset map back to `text`.
#[pyfunction]
#[pyo3(signature = (text, offsets="byte"))]
fn normalize(py: Python<'_>, text: &str, offsets: &str) -> PyResult<Normalized> {
    let offsets = offsets_arg(offsets)?;
    let doc = thaifacts::normalize(text);
    let (norm_bytes, input_chars) = match offsets {
        Offsets::Byte => (Vec::new(), Vec::new()),
        Offsets::Char => {
            let t = doc.text();
            let norm_bytes: Vec<usize> = t.char_indices().map(|(b, _)| b).chain([t.len()]).collect();
            (norm_bytes, char_index(text))
        }
    };
    Ok(Normalized { text: PyString::new(py, doc.text()).unbind(), doc, offsets, norm_bytes, input_chars })
}

/// The JSON Schema (draft 2020-12) of the facts, as a dict: the one
/// description of the contract that the Spark example's schema and the
/// stubs' TypedDicts are generated from.
#[pyfunction]
fn json_schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    to_py(py, &thaifacts::json_schema())
}

#[pymodule]
fn _thaifacts(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_json, m)?)?;
    m.add_function(wrap_pyfunction!(extract_many, m)?)?;
    m.add_function(wrap_pyfunction!(extract_records, m)?)?;
    m.add_function(wrap_pyfunction!(normalize, m)?)?;
    m.add_function(wrap_pyfunction!(json_schema, m)?)?;
    m.add_class::<Normalized>()?;
    m.add("SCHEMA_VERSION", thaifacts::SCHEMA_VERSION)?;
    Ok(())
}
